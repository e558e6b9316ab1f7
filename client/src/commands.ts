// The extension's commands. Generating documents is the server's job (one parser, one notion of
// "today"), the starter file included; these commands only pick the file, ask the server and open
// what it created.
import * as vscode from 'vscode';
import { ExecuteCommandRequest, type LanguageClient } from 'vscode-languageclient/node';
import {
  COMMAND_GENERATE_AGENDA,
  COMMAND_GENERATE_REPORT,
  COMMAND_MARK_REPORT_SENT,
  LANGUAGE_ID,
  STARTER_FILE_REQUEST,
  type StarterFileParams,
  type StarterFileResult,
} from '../../server/src/lsp/protocol';
import { PARTNERSHIP_SUFFIX } from '../../server/src/node/names';
import type { Dashboards } from './dashboard';
import { MARK_REPORT_SENT_COMMAND, offerReportActions, openCreatedDocument } from './languageClient';
import { PartnershipsTreeProvider, PartnershipTreeNode, REVEAL_COMMAND } from './partnershipsView';

export const COMMANDS = {
  newFile: 'partnership.newFile',
  generateAgenda: 'partnership.generateAgenda',
  generateStatusReport: 'partnership.generateStatusReport',
  markReportSent: MARK_REPORT_SENT_COMMAND,
  refresh: 'partnership.refresh',
  reveal: REVEAL_COMMAND,
  openDashboard: 'partnership.openDashboard',
} as const;

const PARTNERSHIP_FILE = /\.partnership\.yaml$/i;

/** Arguments for calling `partnership.newFile` without prompts (tests, other extensions). */
export interface NewFileArgs {
  name: string;
  customer: string;
  /** Folder to create the file in; the first workspace folder by default. */
  folder?: vscode.Uri;
}

export function registerCommands(
  context: vscode.ExtensionContext,
  client: LanguageClient,
  clientReady: Promise<void>,
  tree: PartnershipsTreeProvider,
  dashboards: Dashboards,
): void {
  const generate = (serverCommand: string, what: string) => async (target?: vscode.Uri | PartnershipTreeNode) => {
    const uri = targetFile(target);
    if (!uri) {
      void vscode.window.showErrorMessage(`Open a *.partnership.yaml file (or pick one in the Partnerships view) to generate a ${what}.`);
      return undefined;
    }
    if (!vscode.workspace.isTrusted) {
      void vscode.window.showWarningMessage(`Generating a ${what} writes a file, which is disabled in Restricted Mode.`);
      return undefined;
    }
    // The server reads the open document, unsaved edits included: nothing is saved behind the user's back.
    await clientReady;
    const result: unknown = await client.sendRequest(ExecuteCommandRequest.type, { command: serverCommand, arguments: [uri.toString()] });
    if (typeof result !== 'string') {
      void vscode.window.showInformationMessage(`No ${what} was generated for ${vscode.workspace.asRelativePath(uri)}.`);
      return undefined;
    }
    await openCreatedDocument(result);
    if (serverCommand === COMMAND_GENERATE_REPORT) offerReportActions(uri, vscode.Uri.parse(result));
    tree.refresh([uri]);
    return vscode.Uri.parse(result);
  };

  /** lastSent = today in the partnership file, the edit computed by the server. The file's URI when recorded. */
  const markReportSent = async (target?: vscode.Uri | PartnershipTreeNode) => {
    const uri = targetFile(target);
    if (!uri) {
      void vscode.window.showErrorMessage('Open a *.partnership.yaml file (or pick one in the Partnerships view) to mark its status report as sent.');
      return undefined;
    }
    if (!vscode.workspace.isTrusted) {
      void vscode.window.showWarningMessage('Marking a report as sent edits the partnership file, which is disabled in Restricted Mode.');
      return undefined;
    }
    await clientReady;
    const result: unknown = await client.sendRequest(ExecuteCommandRequest.type, { command: COMMAND_MARK_REPORT_SENT, arguments: [uri.toString()] });
    if (typeof result !== 'string') return undefined; // the server said why
    tree.refresh([uri]);
    return uri;
  };

  context.subscriptions.push(
    vscode.commands.registerCommand(COMMANDS.newFile, (args?: NewFileArgs) => newPartnershipFile(client, clientReady, args)),
    vscode.commands.registerCommand(COMMANDS.generateAgenda, generate(COMMAND_GENERATE_AGENDA, 'reset-meeting agenda')),
    vscode.commands.registerCommand(COMMANDS.generateStatusReport, generate(COMMAND_GENERATE_REPORT, 'status report')),
    vscode.commands.registerCommand(COMMANDS.markReportSent, markReportSent),
    vscode.commands.registerCommand(COMMANDS.refresh, () => tree.refresh()),
    vscode.commands.registerCommand(COMMANDS.reveal, revealInFile),
    vscode.commands.registerCommand(COMMANDS.openDashboard, (target?: vscode.Uri | PartnershipTreeNode) => {
      const uri = targetFile(target);
      if (!uri) {
        void vscode.window.showErrorMessage('Open a *.partnership.yaml file (or pick one in the Partnerships view) to see its dashboard.');
        return undefined;
      }
      return dashboards.open(uri);
    }),
  );
}

/** The partnership file a command applies to: the tree node's, the explorer's, or the active editor's. */
function targetFile(target?: vscode.Uri | PartnershipTreeNode): vscode.Uri | undefined {
  if (target instanceof vscode.Uri) return PARTNERSHIP_FILE.test(target.path) ? target : undefined;
  if (target && typeof target === 'object' && 'uri' in target) return target.uri;
  const doc = vscode.window.activeTextEditor?.document;
  if (doc && (doc.languageId === LANGUAGE_ID || PARTNERSHIP_FILE.test(doc.uri.path))) return doc.uri;
  return undefined;
}

async function revealInFile(uri: vscode.Uri, range: { start: { line: number; character: number }; end: { line: number; character: number } }): Promise<void> {
  const selection = new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
  const editor = await vscode.window.showTextDocument(uri, { selection, preserveFocus: false, preview: true });
  editor.revealRange(selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}

function notEmpty(what: string) {
  return (value: string) => (value.trim() === '' ? `The ${what} must not be empty.` : undefined);
}

/** One step of the New Partnership File input: a text that may not be empty. */
function askNonEmpty(title: string, prompt: string, placeHolder: string, what: string): Thenable<string | undefined> {
  return vscode.window.showInputBox({ title, prompt, placeHolder, ignoreFocusOut: true, validateInput: notEmpty(what) });
}

/** Create `<stem>.partnership.yaml` (text and stem from the server) in the first workspace folder, never overwriting, and open it. */
async function newPartnershipFile(client: LanguageClient, clientReady: Promise<void>, args?: NewFileArgs): Promise<vscode.Uri | undefined> {
  if (!vscode.workspace.isTrusted) {
    void vscode.window.showWarningMessage('Creating a partnership file is disabled in Restricted Mode.');
    return undefined;
  }
  const folder = args?.folder ?? vscode.workspace.workspaceFolders?.[0]?.uri;
  if (!folder) {
    void vscode.window.showErrorMessage('Open a folder first: the partnership file is created in the first workspace folder.');
    return undefined;
  }
  const name = args?.name ?? (await askNonEmpty('New partnership file (1/2)', 'The partnership, as the team calls it', 'Acme compliance analytics', 'partnership name'));
  if (name === undefined || name.trim() === '') return undefined;
  const customer = args?.customer ?? (await askNonEmpty('New partnership file (2/2)', 'The customer: the organisation, not a contact person', 'Acme Corp', 'customer'));
  if (customer === undefined || customer.trim() === '') return undefined;

  await clientReady;
  const params: StarterFileParams = { name: name.trim(), customer: customer.trim() };
  const starter = await client.sendRequest<StarterFileResult | null>(STARTER_FILE_REQUEST, params);
  if (!starter) {
    void vscode.window.showErrorMessage('The language server could not prepare the starter file; the Partnership output says why.');
    return undefined;
  }
  const uri = await freeFileName(folder, starter.fileStem);
  await vscode.workspace.fs.writeFile(uri, Buffer.from(starter.text, 'utf8'));
  await vscode.window.showTextDocument(uri, { preview: false });
  return uri;
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

async function freeFileName(folder: vscode.Uri, stem: string): Promise<vscode.Uri> {
  for (let n = 1; ; n++) {
    const uri = vscode.Uri.joinPath(folder, `${n === 1 ? stem : `${stem}-${n}`}${PARTNERSHIP_SUFFIX}`);
    if (!(await exists(uri))) return uri;
  }
}
