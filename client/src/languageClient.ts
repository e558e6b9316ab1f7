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
  COMMAND_MARK_REPORT_SENT,
  COMMAND_TURN_OFF_RULE,
  type InitializationOptions,
  LANGUAGE_ID,
  SETTINGS_SECTION,
} from '../../server/src/lsp/protocol';
import { SERVER_NODE_FLAGS } from '../../server/src/lsp/launch';

/** The client id: VS Code reads the trace level from `partnership.trace.server` because of it. */
export const CLIENT_ID = 'partnership';

/** Server commands that write files; refused in untrusted workspaces. */
export const GENERATE_COMMANDS: readonly string[] = [COMMAND_GENERATE_AGENDA, COMMAND_GENERATE_REPORT];
export const WRITING_COMMANDS: readonly string[] = [...GENERATE_COMMANDS, COMMAND_MARK_REPORT_SENT, COMMAND_TURN_OFF_RULE];

/** The extension's "Mark Today's Status Report as Sent" (commands.ts registers it). */
export const MARK_REPORT_SENT_COMMAND = 'partnership.markStatusReportSent';

export function createLanguageClient(context: vscode.ExtensionContext, outputChannel: vscode.OutputChannel): LanguageClient {
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: [...SERVER_NODE_FLAGS] } },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: [...SERVER_NODE_FLAGS, '--nolazy', '--inspect=6019'] } },
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
        if (command === COMMAND_MARK_REPORT_SENT && !vscode.workspace.isTrusted) {
          void vscode.window.showWarningMessage('Marking a report as sent edits the partnership file, which is disabled in Restricted Mode. Trust this workspace to use it.');
          return null;
        }
        if (GENERATE_COMMANDS.includes(command)) {
          if (!vscode.workspace.isTrusted) {
            void vscode.window.showWarningMessage('Generating documents writes files, which is disabled in Restricted Mode. Trust this workspace to use it.');
            return null;
          }
          const result = await next(command, args);
          if (typeof result === 'string') {
            await openCreatedDocument(result);
            if (command === COMMAND_GENERATE_REPORT && typeof args[0] === 'string') offerReportActions(vscode.Uri.parse(args[0]), vscode.Uri.parse(result));
          }
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
  // Beside the partnership file, so both stay in view; "Markdown: Open Preview" works on it as on any Markdown file.
  return vscode.window.showTextDocument(doc, { preview: false, viewColumn: vscode.ViewColumn.Beside });
}

/**
 * After a status report is generated: a notification offering "Mark as sent" (the server records
 * lastSent; generating never does) and "Open" (the report again, beside the file). Not awaited:
 * the command returns while the notification waits for the person.
 */
export function offerReportActions(partnershipFile: vscode.Uri, report: vscode.Uri): void {
  const name = report.path.split('/').pop();
  void vscode.window.showInformationMessage(`Status report ${name} generated. It is recorded as sent only when you mark it so.`, 'Mark as sent', 'Open').then(async (choice) => {
    if (choice === 'Mark as sent') await vscode.commands.executeCommand(MARK_REPORT_SENT_COMMAND, partnershipFile);
    else if (choice === 'Open') await vscode.window.showTextDocument(report, { preview: false, viewColumn: vscode.ViewColumn.Beside });
  });
}
