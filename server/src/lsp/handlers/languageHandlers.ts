// Language features: the service computes, this layer adapts. Plus the two custom requests of the
// VS Code client: the outline of the Partnerships view and the text of a new partnership file.
import { CodeAction, ErrorCodes, ResponseError } from 'vscode-languageserver/node';
import { Diagnostic, partnershipFileStem, Severity, starterFile } from '../../service';
import { nodeFileSystem } from '../../node/nodeFs';
import { uriToPath } from '../uris';
import {
  CLIENT_COMMAND_SHOW_RULE_DOCUMENTATION,
  COMMAND_GENERATE_AGENDA,
  COMMAND_GENERATE_REPORT,
  COMMAND_TURN_OFF_RULE,
  DASHBOARD_REQUEST,
  DashboardParams,
  DashboardResult,
  OUTLINE_REQUEST,
  OutlineParams,
  OutlineResult,
  ProblemCounts,
  STARTER_FILE_REQUEST,
  StarterFileParams,
  StarterFileResult,
} from '../protocol';
import type { ServerContext } from '../serverContext';

/**
 * The tree view lists at most this many items per group (then "… N more"): a 20,000-commitment file
 * would otherwise send ~10 MB to the client after every edit. Document symbols are not limited.
 */
export const OUTLINE_MAX_CHILDREN = 200;

export function registerLanguageHandlers(ctx: ServerContext): void {
  const { connection, documents, safety, settings, scheduler, service } = ctx;
  const request = safety.request.bind(safety);
  const today = () => settings.today();

  connection.onCompletion(
    request('completion', null, async (params) => {
      const doc = documents.servedDocument(params.textDocument.uri);
      if (!doc) return null;
      return service.completion(doc.getText(), params.position, { today: await today(), triggerCharacter: params.context?.triggerCharacter }, doc.uri);
    }),
  );

  connection.onHover(
    request('hover', null, async (params) => {
      const doc = documents.servedDocument(params.textDocument.uri);
      return doc ? service.hover(doc.getText(), params.position, { today: await today(), config: ctx.configs.configOf(doc.uri)?.config }, doc.uri) : null;
    }),
  );

  connection.onDefinition(
    request('definition', [], (params) => {
      const doc = documents.servedDocument(params.textDocument.uri);
      return doc ? service.definition(doc.getText(), params.position, doc.uri) : [];
    }),
  );

  connection.onReferences(
    request('references', [], (params) => {
      const doc = documents.servedDocument(params.textDocument.uri);
      return doc ? service.references(doc.getText(), params.position, doc.uri, params.context.includeDeclaration) : [];
    }),
  );

  connection.onDocumentHighlight(
    request('documentHighlight', [], (params) => {
      const doc = documents.servedDocument(params.textDocument.uri);
      return doc ? service.documentHighlights(doc.getText(), params.position, doc.uri) : [];
    }),
  );

  connection.onPrepareRename(
    request('prepareRename', null, (params) => {
      const doc = documents.servedDocument(params.textDocument.uri);
      return doc ? service.prepareRename(doc.getText(), params.position, doc.uri) : null;
    }),
  );

  connection.onRenameRequest(
    request('rename', null, (params) => {
      const doc = documents.servedDocument(params.textDocument.uri);
      if (!doc) return null;
      const result = service.rename(doc.getText(), params.position, params.newName, doc.uri);
      if (!result.ok) throw new ResponseError(ErrorCodes.InvalidParams, result.message);
      return result.edit;
    }),
  );

  connection.onDocumentSymbol(
    request('documentSymbol', [], async (params) => {
      const doc = documents.servedDocument(params.textDocument.uri);
      if (!doc) return [];
      return service.documentSymbols(doc.getText(), uriToPath(doc.uri) ?? doc.uri, { today: await today(), config: ctx.configs.configOf(doc.uri)?.config });
    }),
  );

  connection.onCodeAction(
    request('codeAction', [] as CodeAction[], async (params) => {
      const doc = documents.servedDocument(params.textDocument.uri);
      if (!doc) return [];
      // Fixes come from this server's own validation of the current version, so a quick fix is
      // never computed for text that has changed since (the client's copy of `data` may be stale).
      const current = await scheduler.currentDiagnostics(doc);
      const diagnostics = params.context.diagnostics
        .filter((d) => d.source === 'partnership')
        .flatMap((d) => {
          const match = current.diagnostics.find((c) => c.code === d.code && c.message === d.message && sameRange(c.range, d.range));
          return match ? [{ ...d, data: match.data }] : [];
        });
      const versioned = ctx.client.capabilities.workspace?.workspaceEdit?.documentChanges === true;
      const filePath = uriToPath(doc.uri);
      return service.codeActions({
        // The text the diagnostics were computed for: "Mark today's status report as sent" edits that version.
        document: filePath ? { text: current.text, path: filePath, today: await today() } : undefined,
        uri: doc.uri,
        diagnostics,
        only: params.context.only,
        commands: { agenda: COMMAND_GENERATE_AGENDA, report: COMMAND_GENERATE_REPORT },
        version: versioned ? current.version : undefined,
        ruleCommands: {
          turnOff: uriToPath(doc.uri) ? COMMAND_TURN_OFF_RULE : undefined,
          showDocumentation: ctx.client.commands.includes(CLIENT_COMMAND_SHOW_RULE_DOCUMENTATION) ? CLIENT_COMMAND_SHOW_RULE_DOCUMENTATION : undefined,
        },
      });
    }),
  );

  // The outline model for the Partnerships view.
  connection.onRequest(
    OUTLINE_REQUEST,
    request('outline', null as OutlineResult, async (params: OutlineParams): Promise<OutlineResult> => {
      const doc = documents.get(params.uri);
      const filePath = uriToPath(params.uri);
      const text = doc?.getText() ?? (filePath ? nodeFileSystem.readFile(filePath) : undefined);
      if (text === undefined) return null;
      const day = await today();
      // The counts of the diagnostics published for this text: the same validation, not a second judgement.
      const diagnostics = documents.served(doc) ? (await scheduler.currentDiagnostics(doc)).diagnostics : ctx.diagnosticsOf(params.uri, text, day);
      const config = ctx.configs.configOf(params.uri)?.config;
      const outline = service.outline(text, filePath ?? params.uri, { today: day, config }, { maxChildren: OUTLINE_MAX_CHILDREN });
      if (!doc) service.forget(filePath ?? params.uri); // no parse of a closed file is kept
      return { ...outline, problems: problemCounts(diagnostics) };
    }),
  );

  // The dashboard's data, from the same text and day as the outline.
  connection.onRequest(
    DASHBOARD_REQUEST,
    request('dashboard', null as DashboardResult, async (params: DashboardParams): Promise<DashboardResult> => {
      const doc = documents.get(params.uri);
      const filePath = uriToPath(params.uri);
      const text = doc?.getText() ?? (filePath ? nodeFileSystem.readFile(filePath) : undefined);
      if (text === undefined) return null;
      const data = service.dashboard(text, filePath ?? params.uri, await today(), ctx.configs.configOf(params.uri)?.config);
      if (!doc) service.forget(filePath ?? params.uri); // no parse of a closed file is kept
      return data;
    }),
  );

  // The text of a new partnership file and its file-name stem; the client writes it.
  connection.onRequest(
    STARTER_FILE_REQUEST,
    request('starterFile', null as StarterFileResult | null, async (params: Partial<StarterFileParams> | null): Promise<StarterFileResult> => {
      const nonBlank = (key: keyof StarterFileParams): string => {
        const value: unknown = params?.[key];
        if (typeof value !== 'string' || value.trim() === '') throw new ResponseError(ErrorCodes.InvalidParams, `${STARTER_FILE_REQUEST} needs a non-empty '${key}' string`);
        return value.trim();
      };
      const name = nonBlank('name');
      const customer = nonBlank('customer');
      return { text: starterFile({ name, customer, today: await today() }), fileStem: partnershipFileStem(name) };
    }),
  );
}

function problemCounts(diagnostics: Diagnostic[]): ProblemCounts {
  let errors = 0;
  let warnings = 0;
  for (const d of diagnostics) {
    if (d.severity === Severity.Error) errors++;
    else if (d.severity === Severity.Warning) warnings++;
  }
  return { errors, warnings };
}

function sameRange(a: Diagnostic['range'], b: Diagnostic['range']): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}
