// The language service's public face: what the LSP server, the CLI and the tests call.
import type {
  Day,
  Diagnostic,
  FileSystem,
  GeneratedDocument,
  PartnershipConfig,
  Position,
  Range,
  TextEdit,
  ValidateOptions,
} from './types';
import type { Outline, OutlineLimits } from './outline';
import type { RelationshipChange } from './relationshipDiff';

export interface ConfigResult {
  /** Path of the `.partnershiprc.yaml` that applies, if any. */
  path?: string;
  config: PartnershipConfig;
  /** Problems in the config file itself, positioned in that file. Empty when it is valid. */
  problems: Diagnostic[];
  /** Config files nearer to the file that were skipped, and why (the CLI and the server say so). */
  ignored?: { path: string; reason: string }[];
}

export interface LanguageService {
  /** Diagnostics for a partnership file's text. Never throws. */
  validate(text: string, path: string, options: ValidateOptions): Diagnostic[];
  /**
   * The `.partnershiprc.yaml` in the file's folder or the nearest parent up to the repository root
   * (the folder holding `.git`) or the home folder, parsed and checked; untrusted ones are skipped.
   */
  configFor(path: string): ConfigResult;
  /** Parse and check a config file's text (used for the config file itself in the editor). */
  parseConfig(text: string, path: string): ConfigResult;
  /** The reset-meeting agenda for this file as of `today`, plus the YAML edit recording the meeting. */
  generateAgenda(text: string, path: string, today: Day): GeneratedDocument;
  /** The status report for this file as of `today`, plus the YAML edit recording it was sent. */
  generateStatusReport(text: string, path: string, today: Day): GeneratedDocument;
  /**
   * The outline model: the tree view and document symbols are built from it. With `limits`, each
   * group lists at most `maxChildren` items and then a "… N more" node revealing the next one.
   */
  outline(text: string, path: string, options: ValidateOptions, limits?: OutlineLimits): Outline;
  /**
   * What each diagnostic is about, as a key that survives edits elsewhere ("commitments/C-12/due"):
   * diagnostics of two versions of a file are matched by rule and subject, never by line.
   */
  subjects(text: string, diagnostics: readonly Diagnostic[]): string[];
  /** What changed in the relationship between two versions of a file (either may be missing). */
  relationshipChanges(baseText: string | undefined, headText: string | undefined): RelationshipChange[];
}

export type { RelationshipChange };

export type { Day, Diagnostic, FileSystem, GeneratedDocument, PartnershipConfig, Position, Range, TextEdit, ValidateOptions };
