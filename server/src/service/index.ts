// The language service factory: the one public entry the LSP server, the CLI and the tests use.
import * as path from 'path';
import type { ConfigResult, LanguageService } from './api';
import { defaultConfig, findConfigFile, parseConfigText } from './config';
import { codeActions } from './codeActions';
import { completion } from './completion';
import { ParsedDocument } from './document';
import { hover } from './hover';
import { definition, documentHighlights, prepareRename, references, rename } from './navigation';
import { ParseCache } from './parse/cache';
import { documentSymbols } from './symbols';
import { relationshipChanges } from './relationshipDiff';
import { calendarEntries } from './calendar';
import { summarise } from './summary';
import { dashboardData } from './dashboard';
import { factsOf } from './domain';
import { ganttChart } from './generate/gantt';
import { PartnershipModel } from './model';
import { diagnosticSubjects } from './subjects';
import { generateAgenda } from './generate/agenda';
import { generateStatusReport, recordStatusReportSent, todaysReportPath } from './generate/statusReport';
import { LeftOut, leftOutEntries, leftOutLines } from './generate/leftOut';
import { buildOutline } from './outline';
import { Diagnostic, FileSystem, GeneratedDocument, PartnershipConfig, Severity } from './types';
import { ruleDocsUrl } from './ruleMeta';
import { validateDocument } from './validate';

export interface LanguageServiceOptions {
  fs: FileSystem;
  /** The user's home folder: the config lookup stops there (and at the repository root). */
  home?: string;
  /** Where rule links point (a folder URL ending in '/'); default DOCS_BASE_URL. */
  docsBaseUrl?: string;
  /**
   * The parser's fast path and incremental re-parse (default true). Off, every text is parsed in
   * full by yaml's parseDocument: the reference the differential checks compare against.
   */
  optimiseParsing?: boolean;
}

export function createLanguageService({ fs, home, docsBaseUrl, optimiseParsing }: LanguageServiceOptions): LanguageService {
  const parseConfig = (text: string, configPath: string): ConfigResult => ({ path: configPath, ...parseConfigText(text, docsBaseUrl) });
  const cache = new ParseCache({ optimise: optimiseParsing });
  const parse = (text: string, key?: string) => cache.parse(text, key);
  const configFor = (filePath: string): ConfigResult => {
      const { path: configPath, ignored } = findConfigFile(filePath, fs, home);
      const skipped = ignored.length > 0 ? { ignored } : {};
      if (!configPath) return { config: defaultConfig(), problems: [], ...skipped };
      const text = fs.readFile(configPath);
      if (text === undefined) {
        const problem: Diagnostic = {
          range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
          severity: Severity.Error,
          code: 'yaml-syntax',
          source: 'partnership',
          message: `Cannot read ${configPath}: check its permissions`,
          codeDescription: { href: ruleDocsUrl('yaml-syntax', docsBaseUrl) },
        };
        return { path: configPath, config: defaultConfig(), problems: [problem], ...skipped };
      }
      return { ...parseConfig(text, configPath), ...skipped };
  };
  /** The config for a generated document; a file system that cannot answer leaves the defaults (the writer reports it). */
  const documentConfig = (filePath: string): PartnershipConfig => {
    try {
      return configFor(filePath).config;
    } catch {
      return defaultConfig();
    }
  };
  return {
    validate: (text, filePath, options) => validateDocument(() => parse(text, filePath), docsBaseUrl && !options.docsBaseUrl ? { ...options, docsBaseUrl } : options),
    completion: (text, position, options, uri) => completion(text, position, options, () => parse(text, uri)),
    hover: (text, position, options, uri) => hover(parse(text, uri), position, options),
    definition: (text, position, uri) => definition(parse(text, uri), position, uri),
    references: (text, position, uri, includeDeclaration) => references(parse(text, uri), position, uri, includeDeclaration),
    documentHighlights: (text, position, uri) => documentHighlights(parse(text, uri), position),
    prepareRename: (text, position, uri) => prepareRename(parse(text, uri), position),
    rename: (text, position, newName, uri) => rename(parse(text, uri), position, newName, uri),
    documentSymbols: (text, filePath, options) => documentSymbols(parse(text, filePath), filePath, options),
    codeActions: (params) =>
      codeActions(params, {
        // The quick fix records a report that exists: only when today's document is beside the file.
        reportSentEdit: (d) => (todaysReportPath(fs, path.resolve(d.path), d.today) ? recordStatusReportSent(parse(d.text, d.path), d.today).edit : undefined),
      }),
    forget: (filePath) => cache.forget(filePath),
    parseConfig,
    configFor,
    // The documents judge by the config the file's diagnostics use (working days, response windows).
    generateAgenda: (text, filePath, today) => withLeftOut(parse(text, filePath), (pd, leftOut) => generateAgenda(pd, path.resolve(filePath), today, fs, documentConfig(filePath), leftOut)),
    generateStatusReport: (text, filePath, today, options) =>
      withLeftOut(parse(text, filePath), (pd, leftOut) => generateStatusReport(pd, path.resolve(filePath), today, fs, documentConfig(filePath), options, leftOut)),
    recordStatusReportSent: (text, filePath, today) => recordStatusReportSent(parse(text, filePath), today),
    outline: (text, filePath, options, limits) => buildOutline(parse(text, filePath), filePath, options, limits),
    // A parse of their own: these compare two versions of one file, and the cache keeps one per document.
    subjects: (text, diagnostics) => diagnosticSubjects(new ParsedDocument(text, undefined, { fastPath: optimiseParsing !== false }), diagnostics),
    relationshipChanges,
    calendar: (text, filePath, today, config) => calendarEntries(parse(text, filePath), path.basename(filePath), today, config),
    summary: (text, filePath, today, config) => summarise(parse(text, filePath), filePath, today, config),
    dashboard: (text, filePath, today, config) => dashboardData(parse(text, filePath), filePath, today, config),
    timeline: (text, filePath, today, config, options) => ganttChart(factsOf(new PartnershipModel(parse(text, filePath)), today, config), options),
  };
}

export type { LanguageService, ConfigResult, RelationshipChange, SentRecord, StatusReportOptions } from './api';
export { newDiagnostics } from './subjects';
export type { CalendarEntry } from './calendar';
export { attentionRank, compareByAttention, summaryLine } from './summary';
export type { PartnershipSummary } from './summary';
export type { DashboardData, DashboardMark, DashboardCommitment, DashboardMilestone, DashboardAssessment, DashboardOwner, DashboardConcern } from './dashboard';
export type { GanttOptions } from './generate/gantt';
export * from './types';
export { RULE_META, ruleMeta, ruleDocsUrl, DOCS_BASE_URL, repositoryDocsBase } from './ruleMeta';
export type { RuleMeta } from './ruleMeta';
export { parseDay, parseToday, formatDay, dayOfDate, addCadence, relativeDays } from './dates';
export { CONFIG_FILE_NAME } from './config';
export { editDistance } from './suggest';
export { MAX_TEXT_LENGTH, tooLargeMessage } from './document';
export { canTurnOff, setRuleSeverity } from './configEdits';
export { PARTNERSHIP_SCHEMA } from './schema';
export type { Outline, OutlineLimits, OutlineNode } from './outline';

// The editor features' vocabulary (the features are the LanguageService's methods).
export type { CompletionItem, CompletionList, CompletionOptions, MarkupContent } from './completion';
export type { Hover, HoverOptions } from './hover';
export { personOccurrences, ID_PATTERN } from './navigation';
export type { Location, DocumentHighlight, WorkspaceEdit, RenameResult, PersonOccurrence } from './navigation';
export type { DocumentSymbol } from './symbols';
export { fixesOf, CODE_ACTION_KIND, GENERATE_TITLES, MARK_SENT_TITLE } from './codeActions';
export type { CodeAction, CodeActionParams, ContextDiagnostic, Command, DocumentEdit } from './codeActions';

// The starter file of `partnership init` and the editor's "New partnership file".
export { starterFile, partnershipFileStem } from './generate/starter';
export type { StarterOptions } from './generate/starter';

/** A generated document with the entries it left out (both generators say so at their top; the caller says it too). */
function withLeftOut(pd: ParsedDocument, generate: (pd: ParsedDocument, leftOut: LeftOut) => GeneratedDocument): GeneratedDocument {
  const leftOut = leftOutEntries(pd);
  const doc = generate(pd, leftOut);
  const lines = leftOutLines(leftOut);
  return lines.length > 0 ? { ...doc, leftOut: lines } : doc;
}
