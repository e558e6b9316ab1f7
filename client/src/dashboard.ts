// The dashboard: one webview panel per partnership file, drawing what the server's
// `partnership/dashboard` request answers (client/webview/dashboard.ts draws it with Observable
// Plot). A click on a mark reveals its range in the file. The panel asks again after the server
// says the file's outline changed (an edit was checked, a config changed, the day moved on).
import { randomBytes } from 'crypto';
import * as path from 'path';
import * as vscode from 'vscode';
import type { DashboardParams, DashboardResult } from '../../server/src/lsp/protocol';
import type { DashboardState, FromDashboard, ToDashboard } from './dashboardMessages';

/** What the dashboard needs from the language client. */
export interface DashboardSource {
  dashboard(params: DashboardParams): Promise<DashboardResult>;
}

export const DASHBOARD_VIEW_TYPE = 'partnership.dashboard';

export class Dashboards implements vscode.Disposable {
  private readonly panels = new Map<string, DashboardPanel>();

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly source: DashboardSource,
    private readonly debounceMs = 150,
  ) {}

  /** Show the file's dashboard: the open one, or a new panel beside the editor. */
  open(uri: vscode.Uri): DashboardPanel {
    const key = uri.toString();
    const existing = this.panels.get(key);
    if (existing) {
      existing.panel.reveal(undefined, true);
      return existing;
    }
    const panel = new DashboardPanel(uri, this.extensionUri, this.source, this.debounceMs, () => this.panels.delete(key));
    this.panels.set(key, panel);
    return panel;
  }

  /**
   * A panel VS Code restored after a window reload (registerWebviewPanelSerializer): the file is in
   * the state its webview kept; without one (an older state) the panel is closed.
   */
  restore(panel: vscode.WebviewPanel, state: DashboardState | undefined): DashboardPanel | undefined {
    if (typeof state?.uri !== 'string') {
      panel.dispose();
      return undefined;
    }
    const uri = vscode.Uri.parse(state.uri);
    const key = uri.toString();
    if (this.panels.has(key)) {
      panel.dispose(); // the file's dashboard is open already
      return this.panels.get(key);
    }
    const restored = new DashboardPanel(uri, this.extensionUri, this.source, this.debounceMs, () => this.panels.delete(key), panel);
    this.panels.set(key, restored);
    return restored;
  }

  /** The panel of a file, if open (for tests). */
  get(uri: vscode.Uri): DashboardPanel | undefined {
    return this.panels.get(uri.toString());
  }

  /** Ask again for the given files' dashboards (all when absent); bursts are coalesced per panel. */
  refresh(uris?: readonly string[]): void {
    const wanted = uris && new Set(uris.map((u) => vscode.Uri.parse(u).toString()));
    for (const [key, panel] of this.panels) if (!wanted || wanted.has(key)) panel.refresh();
  }

  dispose(): void {
    for (const panel of [...this.panels.values()]) panel.panel.dispose();
  }
}

export class DashboardPanel {
  readonly panel: vscode.WebviewPanel;
  /** The data last sent to the webview (for tests: what it draws). */
  data: DashboardResult = null;
  /** How many times data was sent to the webview. */
  posted = 0;
  /** Whether the server has answered once (before, a new webview waits for the answer). */
  private loaded = false;
  private timer: NodeJS.Timeout | undefined;
  private generation = 0;
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(
    readonly uri: vscode.Uri,
    extensionUri: vscode.Uri,
    private readonly source: DashboardSource,
    private readonly debounceMs: number,
    onDispose: () => void,
    restored?: vscode.WebviewPanel,
  ) {
    const assets = vscode.Uri.joinPath(extensionUri, 'dist', 'webview');
    const options = { enableScripts: true, localResourceRoots: [assets] };
    const title = `Dashboard: ${path.basename(uri.path).replace(/\.partnership\.yaml$/i, '')}`;
    if (restored) {
      this.panel = restored;
      this.panel.title = title;
      this.panel.webview.options = options;
    } else this.panel = vscode.window.createWebviewPanel(DASHBOARD_VIEW_TYPE, title, { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, options);
    this.panel.iconPath = vscode.Uri.joinPath(extensionUri, 'images', 'partnership-file-dark.svg');
    this.panel.webview.html = html(this.panel.webview, assets);
    this.subscriptions.push(
      this.panel.webview.onDidReceiveMessage((message: FromDashboard) => this.received(message)),
      this.panel.onDidDispose(() => {
        if (this.timer) clearTimeout(this.timer);
        for (const s of this.subscriptions) s.dispose();
        onDispose();
      }),
    );
    void this.load();
  }

  /** Load again after a short pause: a burst of edits asks once. */
  refresh(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.load();
    }, this.debounceMs);
  }

  private async load(): Promise<void> {
    const generation = ++this.generation;
    let data: DashboardResult;
    try {
      data = await this.source.dashboard({ uri: this.uri.toString() });
    } catch (err) {
      console.error(`partnership: dashboard of ${this.uri.toString()} failed: ${String(err)}`);
      return;
    }
    if (generation !== this.generation) return; // a later request answers instead
    this.data = data;
    this.loaded = true;
    await this.post();
  }

  private async post(): Promise<void> {
    const uri = this.uri.toString();
    const message: ToDashboard = this.data ? { type: 'data', data: this.data, uri } : { type: 'unavailable', uri };
    if (await this.panel.webview.postMessage(message)) this.posted++;
  }

  private async received(message: FromDashboard): Promise<void> {
    if (message?.type === 'ready' && this.loaded) await this.post();
    else if (message?.type === 'reveal') await this.reveal(message.range);
  }

  /** Select the range in the file's editor (the one showing it, else a new one beside the dashboard). */
  async reveal(range: { start: { line: number; character: number }; end: { line: number; character: number } }): Promise<vscode.TextEditor> {
    const selection = new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
    const shown = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === this.uri.toString());
    const viewColumn = shown?.viewColumn ?? (this.panel.viewColumn === vscode.ViewColumn.One ? vscode.ViewColumn.Beside : vscode.ViewColumn.One);
    const editor = await vscode.window.showTextDocument(this.uri, { selection, viewColumn, preserveFocus: false, preview: true });
    editor.revealRange(selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    return editor;
  }
}

/** The page: a strict policy (no inline script or style, nothing from the network), the bundled script and stylesheet. */
function html(webview: vscode.Webview, assets: vscode.Uri): string {
  const nonce = randomBytes(16).toString('base64');
  const script = webview.asWebviewUri(vscode.Uri.joinPath(assets, 'dashboard.js'));
  const style = webview.asWebviewUri(vscode.Uri.joinPath(assets, 'dashboard.css'));
  const csp = [`default-src 'none'`, `style-src ${webview.cspSource}`, `img-src ${webview.cspSource}`, `font-src ${webview.cspSource}`, `script-src 'nonce-${nonce}'`].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${style}">
<title>Partnership dashboard</title>
</head>
<body>
<main id="app"></main>
<script nonce="${nonce}" src="${script}"></script>
</body>
</html>`;
}
