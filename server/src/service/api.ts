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
import type { CodeAction, CodeActionParams } from './codeActions';
import type { CompletionList, CompletionOptions } from './completion';
import type { Hover, HoverOptions } from './hover';
import type { DocumentHighlight, Location, RenameResult } from './navigation';
import type { Outline, OutlineLimits } from './outline';
import type { RelationshipChange } from './relationshipDiff';
import type { CalendarEntry } from './calendar';
import type { PartnershipSummary } from './summary';
import type { DashboardData } from './dashboard';
import type { GanttOptions } from './generate/gantt';
import type { DocumentSymbol } from './symbols';
import type { SentRecord, StatusReportOptions } from './generate/statusReport';

export interface ConfigResult {
  /** Path of the `.partnershiprc.yaml` that applies, if any. */
  path?: string;
  config: PartnershipConfig;
  /** Problems in the config file itself, positioned in that file. Empty when it is valid. */
  problems: Diagnostic[];
  /** Config files nearer to the file that were skipped, and why (the CLI and the server say so). */
  ignored?: { path: string; reason: string }[];
}

/**
 * The language service. Every method takes the document's text and, where it has one, the name of
 * the document (a path or URI): the service keeps the last parse of each document it was asked
 * about (a few at a time), so the features asked about one text share one parse, and an edit of a
 * large document is re-parsed only where it changed. `forget` drops a document's parse.
 */
export interface LanguageService {
  /** Diagnostics for a partnership file's text; `path` names the document. Never throws. */
  validate(text: string, path: string, options: ValidateOptions): Diagnostic[];
  /** Keys, values, list-item snippets and person ids valid at `position`. */
  completion(text: string, position: Position, options: CompletionOptions, uri?: string): CompletionList;
  hover(text: string, position: Position, options: HoverOptions, uri?: string): Hover | null;
  /** Where the person id under `position` is defined. */
  definition(text: string, position: Position, uri: string): Location[];
  references(text: string, position: Position, uri: string, includeDeclaration: boolean): Location[];
  documentHighlights(text: string, position: Position, uri?: string): DocumentHighlight[];
  prepareRename(text: string, position: Position, uri?: string): { range: Range; placeholder: string } | null;
  rename(text: string, position: Position, newName: string, uri: string): RenameResult;
  /** The editor's Outline and breadcrumbs, from the outline model. */
  documentSymbols(text: string, path: string, options: ValidateOptions): DocumentSymbol[];
  /** Quick fixes from the fixes the validator attached to diagnostics, plus the generators. */
  codeActions(params: CodeActionParams): CodeAction[];
  /** Drop the parse kept for this document (it was closed, or checked once from disk). */
  forget(path: string): void;
  /**
   * The `.partnershiprc.yaml` in the file's folder or the nearest parent up to the repository root
   * (the folder holding `.git`) or the home folder, parsed and checked; untrusted ones are skipped.
   */
  configFor(path: string): ConfigResult;
  /** Parse and check a config file's text (used for the config file itself in the editor). */
  parseConfig(text: string, path: string): ConfigResult;
  /** The reset-meeting agenda for this file as of `today`, plus the YAML edit recording the meeting. */
  generateAgenda(text: string, path: string, today: Day): GeneratedDocument;
  /**
   * The status report for this file as of `today`: the customer-facing document (no edits: it is
   * recorded as sent only by `recordStatusReportSent`). `internal` adds our own assessment.
   */
  generateStatusReport(text: string, path: string, today: Day, options?: StatusReportOptions): GeneratedDocument;
  /** The edit that records today's report as sent (`lastSent: today`), or why there is none. */
  recordStatusReportSent(text: string, path: string, today: Day): SentRecord;
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
  /** The dates the file promises, as calendar entries with stable UIDs (see calendar.ts). */
  calendar(text: string, path: string, today: Day, config?: PartnershipConfig): CalendarEntry[];
  /** One portfolio row: health, lateness, concerns, reports, contacts, reliability, the next milestone. */
  summary(text: string, path: string, today: Day, config?: PartnershipConfig): PartnershipSummary;
  /** What the editor's dashboard draws: commitments on a timeline, milestones, health over time, reliability per owner, open concerns; each mark with its range. */
  dashboard(text: string, path: string, today: Day, config?: PartnershipConfig): DashboardData;
  /** The file's commitments and milestones as a Mermaid `gantt` chart (generate/gantt.ts), or undefined when nothing is dated. */
  timeline(text: string, path: string, today: Day, config?: PartnershipConfig, options?: GanttOptions): string | undefined;
}

export type { RelationshipChange, CalendarEntry, PartnershipSummary, DashboardData, SentRecord, StatusReportOptions, GanttOptions };

export type { Day, Diagnostic, FileSystem, GeneratedDocument, PartnershipConfig, Position, Range, TextEdit, ValidateOptions };
