// The VS Code extension: starts the language server, shows the Partnerships view and registers the
// commands. It holds no knowledge of the file format; diagnostics, fixes, outlines and generated
// documents all come from the server.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  CLIENT_COMMAND_SHOW_RULE_DOCUMENTATION,
  DASHBOARD_REQUEST,
  type DashboardParams,
  type DashboardResult,
  LANGUAGE_ID,
  OUTLINE_REQUEST,
  OUTLINES_CHANGED_NOTIFICATION,
  type OutlineParams,
  type OutlineResult,
  type OutlinesChangedParams,
  TODAY_NOTIFICATION,
  type TodayParams,
} from '../../server/src/lsp/protocol';
import { registerCommands } from './commands';
import { DASHBOARD_VIEW_TYPE, Dashboards } from './dashboard';
import type { DashboardState } from './dashboardMessages';
import { PortfolioStatus } from './portfolioStatus';
import { createLanguageClient } from './languageClient';
import { PARTNERSHIP_GLOB, PartnershipsTreeProvider } from './partnershipsView';

export const VIEW_ID = 'partnership.partnerships';

/** What `activate()` returns: handles for the integration tests. */
export interface PartnershipExtensionApi {
  client: LanguageClient;
  /** Resolves once the language server is running. */
  ready: Promise<void>;
  tree: PartnershipsTreeProvider;
  /** "as of 2026-11-23" while partnership.reviewDate overrides today, else "today". */
  reviewDateStatus: vscode.LanguageStatusItem;
  /** The active partnership file's portfolio line in the status bar. */
  portfolioStatus: PortfolioStatus;
  /** The open dashboards, one per partnership file. */
  dashboards: Dashboards;
}

let client: LanguageClient | undefined;

export function activate(context: vscode.ExtensionContext): PartnershipExtensionApi {
  const output = vscode.window.createOutputChannel('Partnership');
  context.subscriptions.push(output);

  client = createLanguageClient(context, output);
  const languageClient = client;
  const ready = languageClient.start().catch((err: unknown) => {
    output.appendLine(`The partnership language server did not start: ${String(err)}`);
    throw err;
  });
  ready.catch(() => undefined); // reported above; commands that await it report it again

  const tree = new PartnershipsTreeProvider({
    outline: async (params: OutlineParams) => {
      await ready;
      return languageClient.sendRequest<OutlineResult>(OUTLINE_REQUEST, params);
    },
  });
  const view = vscode.window.createTreeView(VIEW_ID, { treeDataProvider: tree, showCollapseAll: true });
  const portfolioStatus = new PortfolioStatus(tree, view);
  const dashboards = new Dashboards(context.extensionUri, {
    dashboard: async (params: DashboardParams) => {
      await ready;
      return languageClient.sendRequest<DashboardResult>(DASHBOARD_REQUEST, params);
    },
  });
  context.subscriptions.push(
    tree,
    view,
    portfolioStatus,
    dashboards,
    // Dashboards open when the window reloads come back, each asking the server again.
    vscode.window.registerWebviewPanelSerializer(DASHBOARD_VIEW_TYPE, {
      deserializeWebviewPanel: async (panel, state: DashboardState | undefined) => void dashboards.restore(panel, state),
    }),
  );

  // After the server checked a new version of a file (or the config or the day changed).
  context.subscriptions.push(
    languageClient.onNotification(OUTLINES_CHANGED_NOTIFICATION, (params: OutlinesChangedParams | undefined) => {
      tree.refresh(params?.uris);
      dashboards.refresh(params?.uris);
    }),
  );

  const watcher = vscode.workspace.createFileSystemWatcher(PARTNERSHIP_GLOB);
  context.subscriptions.push(
    watcher,
    watcher.onDidCreate(() => tree.refresh()),
    watcher.onDidDelete(() => tree.refresh()),
    watcher.onDidChange((uri) => tree.refresh([uri])),
    vscode.workspace.onDidSaveTextDocument((doc) => {
      if (/\.partnership\.yaml$/i.test(doc.uri.path)) tree.refresh([doc.uri]);
    }),
    vscode.workspace.onDidChangeWorkspaceFolders(() => tree.refresh()),
  );

  const reviewDateStatus = vscode.languages.createLanguageStatusItem('partnership.reviewDate', { language: LANGUAGE_ID });
  reviewDateStatus.name = 'Partnership review date';
  reviewDateStatus.text = 'today';
  reviewDateStatus.command = { title: 'Change', command: 'workbench.action.openSettings', arguments: ['partnership.reviewDate'] };
  context.subscriptions.push(
    reviewDateStatus,
    languageClient.onNotification(TODAY_NOTIFICATION, (params: TodayParams) => {
      reviewDateStatus.text = params.reviewDate ? `as of ${params.today}` : 'today';
      reviewDateStatus.detail = params.reviewDate ? 'partnership.reviewDate overrides the date' : params.today;
      reviewDateStatus.severity = params.reviewDate ? vscode.LanguageStatusSeverity.Warning : vscode.LanguageStatusSeverity.Information;
      dashboards.refresh(); // a new day: today's line moves, commitments fall late
    }),
    vscode.commands.registerCommand(CLIENT_COMMAND_SHOW_RULE_DOCUMENTATION, (ruleId: unknown, href?: unknown) => showRuleDocumentation(context, ruleId, href)),
  );

  registerCommands(context, languageClient, ready, tree, dashboards);

  return { client: languageClient, ready, tree, reviewDateStatus, portfolioStatus, dashboards };
}

/** The rule's page bundled with the extension, in the Markdown preview; the diagnostic's link otherwise. */
async function showRuleDocumentation(context: vscode.ExtensionContext, ruleId: unknown, href: unknown): Promise<void> {
  const page = typeof ruleId === 'string' && /^[a-z-]+$/.test(ruleId) ? vscode.Uri.joinPath(context.extensionUri, 'docs', 'rules', `${ruleId}.md`) : undefined;
  if (page) {
    try {
      await vscode.workspace.fs.stat(page);
      await vscode.commands.executeCommand('markdown.showPreview', page);
      return;
    } catch {
      // not bundled: fall back to the link
    }
  }
  if (typeof href === 'string') await vscode.env.openExternal(vscode.Uri.parse(href));
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
