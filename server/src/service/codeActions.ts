// Code actions from the fixes the validator attached to each diagnostic (`data.fixes`), so no
// rule runs twice: text fixes become quick fixes tied to their diagnostic, "generate" fixes become
// commands the server executes. The two generators are also offered as source actions anywhere.
import { CONFIG_FILE_NAME } from './config';
import { canTurnOff } from './configEdits';
import type { CodeAction as LspCodeAction, Command, Diagnostic as LspDiagnostic, TextDocumentEdit } from 'vscode-languageserver-types';
import { RULE_IDS, type Day, type Diagnostic, type Fix, type Range, type RuleId, type TextEdit } from './types';

export const CODE_ACTION_KIND = {
  quickFix: 'quickfix',
  generateAgenda: 'source.partnership.generateAgenda',
  generateReport: 'source.partnership.generateStatusReport',
} as const;

export const GENERATE_TITLES = {
  agenda: 'Generate reset-meeting agenda',
  report: 'Generate status report',
} as const;

/** A diagnostic as a client sends it back (LSP's Diagnostic): `data` may be missing or anything at all. */
export type ContextDiagnostic = LspDiagnostic;

/** The edit of a fix: one document's `changes`, or versioned `documentChanges` when the client supports them. */
export type DocumentEdit = { changes: { [uri: string]: TextEdit[] } } | { documentChanges: TextDocumentEdit[] };

/** LSP's CodeAction, narrowed to what this service makes: always a kind, edits of one document. */
export interface CodeAction extends LspCodeAction {
  kind: string;
  edit?: DocumentEdit;
}

export type { Command };

export interface CodeActionParams {
  uri: string;
  /** The diagnostics the client sent for the range, with the `data` the validator attached. */
  diagnostics: readonly ContextDiagnostic[];
  /** The kinds the client asked for (`context.only`), if it restricted them. */
  only?: readonly string[];
  /** The server's command ids for the two generators (protocol.ts names them). */
  commands: { agenda: string; report: string };
  /** The document version the edits were computed for: edits become versioned `documentChanges`. */
  version?: number;
  /**
   * Commands for the actions every diagnostic gets, as ESLint's extension offers them: turn its
   * rule off in the nearest `.partnershiprc.yaml` (arguments: the file's URI, the rule id) and show
   * the rule's page (arguments: the rule id, the diagnostic's link). Absent: not offered.
   */
  ruleCommands?: { turnOff?: string; showDocumentation?: string };
  /**
   * The document's text, its path on disk and today. With them, `status-report-overdue` also gets
   * "Mark today's status report as sent" once today's report exists beside the file.
   */
  document?: { text: string; path: string; today: Day };
}

export const MARK_SENT_TITLE = "Mark today's status report as sent";

/** What the service looks up for an action beyond the diagnostics' own fixes (files, through its FileSystem). */
export interface CodeActionLookups {
  /** The edit recording today's report as sent, when a report for today exists beside the file. */
  reportSentEdit?(document: { text: string; path: string; today: Day }): TextEdit | undefined;
}

function isRange(r: unknown): r is Range {
  const p = (x: unknown) => typeof x === 'object' && x !== null && typeof (x as { line: unknown }).line === 'number' && typeof (x as { character: unknown }).character === 'number';
  return typeof r === 'object' && r !== null && p((r as Range).start) && p((r as Range).end);
}

/**
 * The diagnostic an action resolves, as the client shows it: without `data` (the server publishes
 * none; the fixes it carries here are the server's own, from its validation of this version).
 */
function withoutData(diagnostic: ContextDiagnostic): ContextDiagnostic {
  if (diagnostic.data === undefined) return diagnostic;
  const { data: _data, ...rest } = diagnostic;
  return rest;
}

/** The fixes in a diagnostic's `data`, ignoring anything malformed (data comes back from the client). */
export function fixesOf(diagnostic: ContextDiagnostic | Diagnostic): Fix[] {
  const fixes = (diagnostic.data as { fixes?: unknown } | undefined)?.fixes;
  if (!Array.isArray(fixes)) return [];
  return fixes.filter((f): f is Fix => {
    if (typeof f !== 'object' || f === null || typeof f.title !== 'string') return false;
    if (f.kind === 'quickfix') return Array.isArray(f.edits) && f.edits.every((e: unknown) => isRange((e as TextEdit)?.range) && typeof (e as TextEdit).newText === 'string');
    return f.kind === 'generate' && (f.generate === 'agenda' || f.generate === 'report');
  });
}

function wanted(kind: string, only: readonly string[] | undefined): boolean {
  return !only || only.length === 0 || only.some((o) => kind === o || kind.startsWith(`${o}.`));
}

function documentEdit(params: CodeActionParams, edits: TextEdit[]): DocumentEdit {
  if (params.version !== undefined) return { documentChanges: [{ textDocument: { uri: params.uri, version: params.version }, edits }] };
  return { changes: { [params.uri]: edits } };
}

export function codeActions(params: CodeActionParams, lookups: CodeActionLookups = {}): CodeAction[] {
  const actions: CodeAction[] = [];
  const command = (generate: 'agenda' | 'report'): Command => ({
    title: GENERATE_TITLES[generate],
    command: generate === 'agenda' ? params.commands.agenda : params.commands.report,
    arguments: [params.uri],
  });
  /** Generators a quick fix already offers: the same action is not listed twice in one light bulb. */
  const offered = new Set<'agenda' | 'report'>();
  if (wanted(CODE_ACTION_KIND.quickFix, params.only)) {
    for (const diagnostic of params.diagnostics) {
      if (diagnostic.source !== undefined && diagnostic.source !== 'partnership') continue;
      for (const fix of fixesOf(diagnostic)) {
        const action: CodeAction = { title: fix.title, kind: CODE_ACTION_KIND.quickFix, diagnostics: [withoutData(diagnostic)] };
        if (fix.kind === 'quickfix') {
          action.edit = documentEdit(params, fix.edits);
          if (fix.isPreferred) action.isPreferred = true;
        } else {
          if (offered.has(fix.generate)) continue;
          offered.add(fix.generate);
          action.command = command(fix.generate);
        }
        actions.push(action);
      }
      if (diagnostic.code === 'status-report-overdue' && params.document && lookups.reportSentEdit && !actions.some((a) => a.title === MARK_SENT_TITLE)) {
        const edit = lookups.reportSentEdit(params.document);
        if (edit) actions.push({ title: MARK_SENT_TITLE, kind: CODE_ACTION_KIND.quickFix, diagnostics: [withoutData(diagnostic)], edit: documentEdit(params, [edit]), isPreferred: true });
      }
    }
  }
  if (wanted(CODE_ACTION_KIND.quickFix, params.only)) actions.push(...ruleActions(params));
  if (wanted(CODE_ACTION_KIND.generateAgenda, params.only) && !offered.has('agenda')) {
    actions.push({ title: GENERATE_TITLES.agenda, kind: CODE_ACTION_KIND.generateAgenda, command: command('agenda') });
  }
  if (wanted(CODE_ACTION_KIND.generateReport, params.only) && !offered.has('report')) {
    actions.push({ title: GENERATE_TITLES.report, kind: CODE_ACTION_KIND.generateReport, command: command('report') });
  }
  return actions;
}

/** "Turn off <rule> in .partnershiprc.yaml" and "Show documentation for <rule>", once per rule, after the fixes. */
function ruleActions(params: CodeActionParams): CodeAction[] {
  const { turnOff, showDocumentation } = params.ruleCommands ?? {};
  const turnOffs: CodeAction[] = [];
  const docs: CodeAction[] = [];
  const seen = new Set<string>();
  for (const diagnostic of params.diagnostics) {
    if (diagnostic.source !== undefined && diagnostic.source !== 'partnership') continue;
    const id = diagnostic.code;
    if (typeof id !== 'string' || !(RULE_IDS as readonly string[]).includes(id) || seen.has(id)) continue;
    seen.add(id);
    if (turnOff && canTurnOff(id as RuleId)) {
      turnOffs.push({ title: `Turn off ${id} in ${CONFIG_FILE_NAME}`, kind: CODE_ACTION_KIND.quickFix, diagnostics: [withoutData(diagnostic)], command: { title: `Turn off ${id}`, command: turnOff, arguments: [params.uri, id] } });
    }
    if (showDocumentation) {
      const href = diagnostic.codeDescription?.href;
      docs.push({ title: `Show documentation for ${id}`, kind: CODE_ACTION_KIND.quickFix, diagnostics: [withoutData(diagnostic)], command: { title: `Show documentation for ${id}`, command: showDocumentation, arguments: typeof href === 'string' ? [id, href] : [id] } });
    }
  }
  return [...turnOffs, ...docs];
}
