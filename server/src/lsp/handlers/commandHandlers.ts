// workspace/executeCommand: generate the agenda or the status report beside the file (lsp/generate.ts),
// or turn a rule off in the nearest config file (lsp/turnOffRule.ts).
import { ErrorCodes, MessageType, ResponseError } from 'vscode-languageserver/node';
import { GENERATE_TITLES } from '../../service';
import { nodeFileSystem } from '../../node/nodeFs';
import { generateDocument, GenerateContext, GenerateKind } from '../generate';
import { COMMAND_GENERATE_AGENDA, COMMAND_GENERATE_REPORT, COMMAND_MARK_REPORT_SENT, COMMAND_TURN_OFF_RULE } from '../protocol';
import { MARK_SENT_LABEL, markReportSent } from '../markSent';
import { announceRecord } from '../recordUndo';
import type { ServerContext } from '../serverContext';
import { turnOffRule } from '../turnOffRule';

export const SERVER_COMMANDS = [COMMAND_GENERATE_AGENDA, COMMAND_GENERATE_REPORT, COMMAND_MARK_REPORT_SENT, COMMAND_TURN_OFF_RULE];

export function registerCommandHandlers(ctx: ServerContext): void {
  const { connection, safety } = ctx;
  connection.onExecuteCommand(
    safety.request('executeCommand', null, async (params) => {
      if (params.command === COMMAND_TURN_OFF_RULE) return turnOff(ctx, params.arguments?.[0], params.arguments?.[1]);
      if (params.command === COMMAND_MARK_REPORT_SENT) {
        const uri = params.arguments?.[0];
        if (typeof uri !== 'string') throw new ResponseError(ErrorCodes.InvalidParams, `${params.command} needs the partnership file's URI as its argument`);
        try {
          return await markReportSent(await generateContext(ctx), uri);
        } catch (err) {
          safety.logError(params.command, err);
          safety.showMessage(MessageType.Error, `${MARK_SENT_LABEL} failed: ${err instanceof Error ? err.message : String(err)}`);
          return null;
        }
      }
      const kind = params.command === COMMAND_GENERATE_AGENDA ? 'agenda' : params.command === COMMAND_GENERATE_REPORT ? 'report' : undefined;
      if (!kind) return null;
      const uri = params.arguments?.[0];
      if (typeof uri !== 'string') throw new ResponseError(ErrorCodes.InvalidParams, `${params.command} needs the partnership file's URI as its argument`);
      try {
        return await generate(ctx, kind, uri);
      } catch (err) {
        safety.logError(params.command, err);
        const message = err instanceof Error ? err.message : String(err);
        safety.showMessage(MessageType.Error, `${GENERATE_TITLES[kind]} failed: ${message}`);
        return null;
      }
    }),
  );
}

async function turnOff(ctx: ServerContext, fileUri: unknown, ruleId: unknown): Promise<string | null> {
  const client = ctx.client.capabilities;
  const canCreate = client.workspace?.workspaceEdit?.documentChanges === true && (client.workspace.workspaceEdit.resourceOperations ?? []).includes('create');
  const result = turnOffRule(ctx.service, nodeFileSystem, fileUri, ruleId, canCreate, ctx.configs.uris);
  if (!result.ok) {
    ctx.safety.showMessage(MessageType.Warning, result.message);
    return null;
  }
  const applied = await ctx.connection.workspace.applyEdit({ label: `Turn off ${String(ruleId)}`, edit: result.edit });
  if (!applied.applied) {
    ctx.safety.showMessage(MessageType.Warning, `Turn off ${String(ruleId)}: the editor did not apply the edit${applied.failureReason ? ` (${applied.failureReason})` : ''}.`);
    return null;
  }
  return result.configUri;
}

async function generateContext(ctx: ServerContext): Promise<GenerateContext> {
  const { connection, service } = ctx;
  const documents = ctx.documents.documents;
  return {
    connection,
    documents,
    service,
    client: ctx.client.capabilities,
    workspaceFolders: ctx.client.folders,
    today: await ctx.settings.today(),
    showMessage: (type, message) => ctx.safety.showMessage(type, message),
    onRecorded: (r) => announceRecord(connection, documents, nodeFileSystem, r),
  };
}

async function generate(ctx: ServerContext, kind: GenerateKind, uri: string): Promise<string | null> {
  return generateDocument(await generateContext(ctx), kind, uri);
}
