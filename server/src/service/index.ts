// The language service factory: the one public entry the LSP server, the CLI and the tests use.
import * as path from 'path';
import type { ConfigResult, LanguageService } from './api';
import { defaultConfig, findConfigFile, parseConfigText } from './config';
import { parsedDocument, ParsedDocument } from './document';
import { relationshipChanges } from './relationshipDiff';
import { diagnosticSubjects } from './subjects';
import { generateAgenda } from './generate/agenda';
import { generateStatusReport } from './generate/statusReport';
import { buildOutline } from './outline';
import { Diagnostic, FileSystem, PartnershipConfig, Severity } from './types';
import { ruleDocsUrl } from './ruleMeta';
import { validateText } from './validate';

export interface LanguageServiceOptions {
  fs: FileSystem;
  /** The user's home folder: the config lookup stops there (and at the repository root). */
  home?: string;
  /** Where rule links point (a folder URL ending in '/'); default DOCS_BASE_URL. */
  docsBaseUrl?: string;
}

export function createLanguageService({ fs, home, docsBaseUrl }: LanguageServiceOptions): LanguageService {
  const parseConfig = (text: string, configPath: string): ConfigResult => ({ path: configPath, ...parseConfigText(text, docsBaseUrl) });
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
    validate: (text, _path, options) => validateText(text, docsBaseUrl && !options.docsBaseUrl ? { ...options, docsBaseUrl } : options),
    parseConfig,
    configFor,
    // The documents judge by the config the file's diagnostics use (working days, response windows).
    generateAgenda: (text, filePath, today) => generateAgenda(parsedDocument(text), path.resolve(filePath), today, fs, documentConfig(filePath)),
    generateStatusReport: (text, filePath, today) => generateStatusReport(parsedDocument(text), path.resolve(filePath), today, fs, documentConfig(filePath)),
    outline: (text, filePath, options, limits) => buildOutline(parsedDocument(text), filePath, options, limits),
    // A parse of their own: these compare two versions, and the shared memo holds one text.
    subjects: (text, diagnostics) => diagnosticSubjects(new ParsedDocument(text), diagnostics),
    relationshipChanges,
  };
}

export type { LanguageService, ConfigResult, RelationshipChange } from './api';
export { newDiagnostics } from './subjects';
export * from './types';
export { RULE_META, ruleMeta, ruleDocsUrl, DOCS_BASE_URL, repositoryDocsBase } from './ruleMeta';
export type { RuleMeta } from './ruleMeta';
export { parseDay, parseToday, formatDay, dayOfDate, addCadence, relativeDays } from './dates';
export { CONFIG_FILE_NAME } from './config';
export { MAX_TEXT_LENGTH, tooLargeMessage } from './document';
export { canTurnOff, setRuleSeverity } from './configEdits';
export { PARTNERSHIP_SCHEMA } from './schema';
export type { Outline, OutlineLimits, OutlineNode } from './outline';

// Editor features: plain functions over a document's text, returning LSP-shaped data.
export { completion } from './completion';
export type { CompletionItem, CompletionList, CompletionOptions, MarkupContent } from './completion';
export { hover } from './hover';
export type { Hover, HoverOptions } from './hover';
export { definition, references, documentHighlights, prepareRename, rename, personOccurrences, ID_PATTERN } from './navigation';
export type { Location, DocumentHighlight, WorkspaceEdit, RenameResult, PersonOccurrence } from './navigation';
export { documentSymbols } from './symbols';
export type { DocumentSymbol } from './symbols';
export { codeActions, fixesOf, CODE_ACTION_KIND, GENERATE_TITLES } from './codeActions';
export type { CodeAction, CodeActionParams, ContextDiagnostic, Command, DocumentEdit } from './codeActions';

// The starter file of `partnership init` and the editor's "New partnership file".
export { starterFile, partnershipFileStem } from './generate/starter';
export type { StarterOptions } from './generate/starter';
