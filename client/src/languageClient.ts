// Starts the language server (dist/server.js) and wires it to VS Code. Everything the server knows
// about partnerships stays in the server: the middleware here only gates file-writing commands
// behind workspace trust and opens the documents they create.
import * as path from 'path';
import * as vscode from 'vscode';
import { LanguageClient, LanguageClientOptions, ServerOptions, TransportKind } from 'vscode-languageclient/node';
import {
  CLIENT_COMMAND_SHOW_RULE_DOCUMENTATION,
  COMMAND_GENERATE_AGENDA,
  COMMAND_GENERATE_REPORT,
  COMMAND_TURN_OFF_RULE,
  type InitializationOptions,
  LANGUAGE_ID,
  SETTINGS_SECTION,
} from '../../server/src/lsp/protocol';

/** The client id: VS Code reads the trace level from `partnership.trace.server` because of it. */
export const CLIENT_ID = 'partnership';

/** Server commands that write files; refused in untrusted workspaces. */
export const GENERATE_COMMANDS: readonly string[] = [COMMAND_GENERATE_AGENDA, COMMAND_GENERATE_REPORT];
export const WRITING_COMMANDS: readonly string[] = [...GENERATE_COMMANDS, COMMAND_TURN_OFF_RULE];

export function createLanguageClient(context: vscode.ExtensionContext, outputChannel: vscode.OutputChannel): LanguageClient {
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };

  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { language: LANGUAGE_ID, scheme: 'file' },
      { language: LANGUAGE_ID, scheme: 'untitled' },
    ],
    synchronize: {
      // The server pulls `partnership.*` with workspace/configuration; this tells it when to.
      configurationSection: SETTINGS_SECTION,
      fileEvents: vscode.workspace.createFileSystemWatcher('**/.partnershiprc.yaml'),
    },
    outputChannel,
    initializationOptions: { clientCommands: [CLIENT_COMMAND_SHOW_RULE_DOCUMENTATION] } satisfies InitializationOptions,
    middleware: {
      // Quick fixes ("Generate reset-meeting agenda") reach the server through here too.
      executeCommand: async (command, args, next) => {
        if (command === COMMAND_TURN_OFF_RULE) {
          if (!vscode.workspace.isTrusted) {
            void vscode.window.showWarningMessage('Turning a rule off writes .partnershiprc.yaml, which is disabled in Restricted Mode. Trust this workspace to use it.');
            return null;
          }
          // The config takes effect once on disk (the server reads it there): save what the edit changed.
          const result = await next(command, args);
          if (typeof result === 'string') {
            const config = await vscode.workspace.openTextDocument(vscode.Uri.parse(result));
            if (config.isDirty) await config.save();
          }
          return result;
        }
        if (GENERATE_COMMANDS.includes(command)) {
          if (!vscode.workspace.isTrusted) {
            void vscode.window.showWarningMessage('Generating documents writes files, which is disabled in Restricted Mode. Trust this workspace to use it.');
            return null;
          }
          const result = await next(command, args);
          if (typeof result === 'string') await openCreatedDocument(result);
          return result;
        }
        return next(command, args);
      },
    },
  };

  return new LanguageClient(CLIENT_ID, 'Partnership Language Server', serverOptions, clientOptions);
}

/**
 * Open a document the server created (its result is the new file's URI) and save it: the edit
 * created the file and filled it in an editor buffer, and a generated agenda should be on disk
 * like any other file. When the partnership file is open, its own change (the meeting it records)
 * stays unsaved for the user to review; a file that is not open is updated on disk by the server.
 */
export async function openCreatedDocument(uri: string): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(uri));
  if (doc.isDirty) await doc.save();
  return vscode.window.showTextDocument(doc, { preview: false });
}
