// The status-bar item of the active partnership file: the portfolio's line for it ("strained ·
// 2 late · on-time 62%", computed by the server with the outline). It shows only what the server
// said. (Revealing the file's node on a click raced with the view's refreshes in tests: not yet.)
import * as vscode from 'vscode';
import { isPartnershipUri } from '../../server/src/node/names';
import type { PartnershipFileNode, PartnershipsTreeProvider, PartnershipTreeNode } from './partnershipsView';

export class PortfolioStatus implements vscode.Disposable {
  readonly item = vscode.window.createStatusBarItem('partnership.portfolio', vscode.StatusBarAlignment.Left, 100);
  /** Whether the item is shown (StatusBarItem has no getter for it). */
  shown = false;
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(
    private readonly tree: PartnershipsTreeProvider,
    readonly view: vscode.TreeView<PartnershipTreeNode>,
  ) {
    this.item.name = 'Partnership';
    this.subscriptions.push(
      this.item,
      vscode.window.onDidChangeActiveTextEditor(() => void this.update()),
      tree.onDidChangeTreeData(() => void this.update()),
    );
    void this.update();
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
  }

  /** The active editor's file node, its outline loaded (the view lists the files when asked). */
  private async activeNode(): Promise<PartnershipFileNode | undefined> {
    const uri = vscode.window.activeTextEditor?.document.uri;
    if (!uri || !isPartnershipUri(uri.toString())) return undefined;
    const find = () => this.tree.fileNodes().find((n) => n.uri.toString() === uri.toString());
    if (!find()?.outline) await this.tree.getChildren();
    return find();
  }

  async update(): Promise<void> {
    const node = await this.activeNode();
    const outline = node?.outline;
    if (!outline) {
      this.item.hide();
      this.shown = false;
      return;
    }
    this.item.text = `$(organization) ${outline.portfolio.line}`;
    this.item.tooltip = `${outline.name}${outline.customer ? ` (${outline.customer})` : ''}: ${outline.portfolio.line}.`;
    this.item.show();
    this.shown = true;
  }

}
