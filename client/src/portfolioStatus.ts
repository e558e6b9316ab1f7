// The status-bar item of the active partnership file: the portfolio's line for it ("strained ·
// 2 late · on-time 62%", computed by the server with the outline). It shows only what the server
// said. A click reveals the file's node in the Partnerships view, once the view's pending refresh
// is done (a reveal during a refresh looked for a node VS Code was replacing).
import * as vscode from 'vscode';
import { isPartnershipUri } from '../../server/src/node/names';
import type { PartnershipFileNode, PartnershipsTreeProvider, PartnershipTreeNode } from './partnershipsView';

export const REVEAL_PORTFOLIO_NODE_COMMAND = 'partnership.revealPortfolioNode';

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
    this.item.command = { title: 'Reveal in the Partnerships View', command: REVEAL_PORTFOLIO_NODE_COMMAND };
    this.subscriptions.push(
      this.item,
      vscode.commands.registerCommand(REVEAL_PORTFOLIO_NODE_COMMAND, () => this.reveal()),
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

  /**
   * Reveal and select the active file's node in the Partnerships view. Waits for the view's
   * pending refresh first; should VS Code still be re-reading the tree, waits again and retries
   * (the node object stays the same across refreshes, and the view implements getParent).
   * Resolves to the node revealed, or undefined when there is none or the reveal kept failing.
   */
  async reveal(): Promise<PartnershipFileNode | undefined> {
    const uri = vscode.window.activeTextEditor?.document.uri.toString();
    for (let attempt = 1; attempt <= 3; attempt++) {
      await this.tree.settled();
      const node = uri === undefined ? undefined : (this.tree.fileNodes().find((n) => n.uri.toString() === uri) ?? (await this.activeNode()));
      if (!node) return undefined;
      try {
        await this.view.reveal(node, { select: true, focus: true, expand: false });
        return node;
      } catch (err) {
        if (attempt === 3) console.error(`partnership: could not reveal ${uri} in the Partnerships view: ${String(err)}`);
      }
    }
    return undefined;
  }

}
