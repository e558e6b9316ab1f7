// The custom part of the protocol between the VS Code client and the language server. Types and
// names only: the client imports this file and nothing else from the server.
import type { Outline } from '../service/outline';
import type { DashboardData } from '../service/dashboard';

export const LANGUAGE_ID = 'partnership';

/** Request: the outline model of one partnership file (open in the editor or read from disk). */
export const OUTLINE_REQUEST = 'partnership/outline';
export interface OutlineParams {
  uri: string;
}
export type OutlineResult = FileOutline | null;
/** The outline with the file's problem counts: what the file node shows beside its health. */
export interface FileOutline extends Outline {
  /** Of the file's diagnostics: the open document's, else the disk version's (counted in `open` mode too, though not published). */
  problems: ProblemCounts;
}
export interface ProblemCounts {
  errors: number;
  warnings: number;
}

/**
 * Request: what the dashboard of one partnership file draws (open in the editor or read from disk),
 * as of the server's today; null when the file cannot be read. The client re-asks after
 * `partnership/outlinesChanged` names the file (an edit was checked, the day changed).
 */
export const DASHBOARD_REQUEST = 'partnership/dashboard';
export interface DashboardParams {
  uri: string;
}
export type DashboardResult = DashboardData | null;

/**
 * Request: the text of a new partnership file and the stem of its file name ("<stem>.partnership.yaml"),
 * dated the server's "today". The client picks a free name in its folder and writes the file.
 * A blank or missing name or customer is an InvalidParams error; null only if the server failed (it logs why).
 */
export const STARTER_FILE_REQUEST = 'partnership/starterFile';
export interface StarterFileParams {
  /** The partnership, as the team calls it; not blank. */
  name: string;
  /** The customer organisation; not blank. */
  customer: string;
}
export interface StarterFileResult {
  text: string;
  fileStem: string;
}

/** Notification from the server: outlines may have changed (edit, config change, new day). */
export const OUTLINES_CHANGED_NOTIFICATION = 'partnership/outlinesChanged';
export interface OutlinesChangedParams {
  /** The files whose outline changed; absent means "all of them" (e.g. the day changed). */
  uris?: string[];
}

/**
 * Commands the server executes (workspace/executeCommand). Each takes the partnership file's URI
 * as its first argument, computes the document and applies one WorkspaceEdit (create the Markdown
 * beside the file, never overwriting, and record it in the YAML) through workspace/applyEdit.
 * The result is the created file's URI, or null when nothing was done.
 */
export const COMMAND_GENERATE_AGENDA = 'partnership.server.generateAgenda';
export const COMMAND_GENERATE_REPORT = 'partnership.server.generateStatusReport';

/**
 * Command the server executes: record that today's status report went out
 * (`communication.statusReport.lastSent: today`; argument: the partnership file's URI), with the
 * edit the service computes, through workspace/applyEdit (or on disk for a file that is not open).
 * Generating a report never records it. The result is the partnership file's URI, or null when
 * nothing was recorded (the server says why: no status report in the plan, already today).
 */
export const COMMAND_MARK_REPORT_SENT = 'partnership.server.markStatusReportSent';

/**
 * Command the server executes: turn a rule off in the `.partnershiprc.yaml` nearest to a file
 * (arguments: the partnership file's URI, the rule id). It creates the config beside the file when
 * none applies, else edits the nearest one keeping its formatting, through workspace/applyEdit.
 * The result is the config file's URI, or null when nothing was done (the server says why).
 */
export const COMMAND_TURN_OFF_RULE = 'partnership.server.turnOffRule';

/**
 * A client-side command the server may put in code actions ("Show documentation for <rule>",
 * arguments: the rule id, the diagnostic's link) when the client lists it in
 * `initializationOptions.clientCommands`. VS Code opens the bundled page in the Markdown preview.
 */
export const CLIENT_COMMAND_SHOW_RULE_DOCUMENTATION = 'partnership.showRuleDocumentation';
export interface InitializationOptions {
  clientCommands?: string[];
}

/**
 * Notification from the server: the day it judges files as of, whenever that changes (start-up,
 * a new `partnership.reviewDate`, midnight). `reviewDate` is true when the setting overrides the
 * local date.
 */
export const TODAY_NOTIFICATION = 'partnership/today';
export interface TodayParams {
  /** YYYY-MM-DD */
  today: string;
  reviewDate: boolean;
}

/** Settings section read by the server via workspace/configuration. */
export const SETTINGS_SECTION = 'partnership';
export interface PartnershipSettings {
  /** "YYYY-MM-DD" to review the files as of that date; empty for the local date. */
  reviewDate?: string;
  /** Which files get diagnostics: only open ones, or every partnership file in the workspace (the default). */
  validate?: 'open' | 'workspace';
}

export type { Outline, DashboardData };
export type { DashboardMark } from '../service/dashboard';
export type { OutlineNode } from '../service/outline';
