// The public vocabulary of the language service. The shapes are the LSP types of
// vscode-languageserver-types (0-based lines, UTF-16 characters: plain data, no transport), as
// vscode-json-languageservice uses them, so the server passes them through untouched.
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import type { Diagnostic as LspDiagnostic, Position, Range, TextEdit } from 'vscode-languageserver-types';

export type { Position, Range, TextEdit };

/** LSP's DiagnosticSeverity: Error = 1, Warning = 2, Information = 3, Hint = 4. */
export const Severity = DiagnosticSeverity;
export type Severity = DiagnosticSeverity;

export type SeverityName = 'error' | 'warning' | 'information' | 'hint';
export type SeveritySetting = SeverityName | 'off';

export const RULE_IDS = [
  'yaml-syntax',
  'schema',
  'unknown-reference',
  'duplicate-id',
  'commitment-overdue',
  'commitment-slipped',
  'commitment-due-soon',
  'commitment-unowned',
  'communication-plan-missing',
  'communication-plan-unsigned',
  'status-report-overdue',
  'review-meeting-overdue',
  'no-decision-maker',
  'contact-stale',
  'concern-unanswered',
  'relationship-strained',
  'goal-without-metric',
  'date-order',
  'milestone-overdue',
  'record-incomplete',
  'record-outdated',
  'wrong-side',
  'risk-unmanaged',
  'placeholder',
] as const;

export type RuleId = (typeof RULE_IDS)[number];

/**
 * A fix the validator attached to a diagnostic. Either plain text edits to the partnership file,
 * or a request to generate a document (the agenda/report need the file system to pick a free
 * name, so they are computed on demand by `generateAgenda` / `generateStatusReport`).
 */
export type Fix =
  | { title: string; kind: 'quickfix'; isPreferred?: boolean; edits: TextEdit[] }
  | { title: string; kind: 'generate'; generate: 'agenda' | 'report' };

/** LSP's Diagnostic, narrowed to what the validator makes: a rule id, a link, the fixes in `data`. */
export interface Diagnostic extends LspDiagnostic {
  range: Range;
  severity: Severity;
  code: RuleId;
  source: 'partnership';
  message: string;
  codeDescription: { href: string };
  data?: { fixes: Fix[] };
}

/** Options that change rule behaviour, read from `.partnershiprc.yaml`. */
export interface PartnershipConfig {
  rules: Partial<Record<RuleId, SeveritySetting>>;
  dueSoonDays: number;
  /** Days a concern may wait for a first response, by severity (a concern without severity is medium). */
  concernResponseDays: { high: number; medium: number; low: number };
  /** Working days as weekday numbers (0 = Sunday): the `daily` cadence counts these. */
  workingDays: number[];
  /** The reliability figures look back this many days. */
  reliabilityWindowDays: number;
}

/** A calendar date as an integer count of days since 1970-01-01 (UTC, no time of day). */
export type Day = number;

export interface ValidateOptions {
  /** The calendar date everything is judged against. Never read from the clock below the entry points. */
  today: Day;
  config?: PartnershipConfig;
  /** Where each diagnostic's rule link points: a folder URL ending in '/', holding `<rule-id>.md` (default DOCS_BASE_URL). */
  docsBaseUrl?: string;
}

/** The small slice of the file system the service needs; the CLI, server and tests each supply one. */
export interface FileSystem {
  /** The file's text, or undefined when it does not exist or cannot be read. */
  readFile(path: string): string | undefined;
  exists(path: string): boolean;
  /**
   * Why a config file found on the way up must not be used (owned by another user, writable by
   * others), or undefined to use it. Without it every config found is used.
   */
  distrust?(path: string): string | undefined;
}

/** A generated Markdown document plus the edits that record it in the partnership file. */
export interface GeneratedDocument {
  /** Absolute path of the new file, beside the partnership file, never an existing file. */
  path: string;
  content: string;
  /** Edits to the partnership file (e.g. the planned reset meeting), keeping its formatting. */
  edits: TextEdit[];
  /** What the edits record, for a person: "the reset meeting of 2026-11-24". Absent when there are no edits. */
  recorded?: string;
  /** Why there are no edits, for a person: "lastSent already says 2026-11-23". Absent when there are edits. */
  notRecorded?: string;
  /** Entries of a file with schema errors that the document leaves out, one line each ("C-7 left out: …"); the document says so at its top. */
  leftOut?: string[];
}
