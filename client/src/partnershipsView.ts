// The Partnerships view: one node per `*.partnership.yaml` in the workspace, its children taken as
// they come from the server's outline request. The view only chooses icons and wording of
// tooltips; every state it shows (overdue, stale, health) was computed by the server.
import * as vscode from 'vscode';
import { isPartnershipUri, PARTNERSHIP_GLOB } from '../../server/src/node/names';
import type { FileOutline, OutlineNode, OutlineParams, OutlineResult } from '../../server/src/lsp/protocol';

export { PARTNERSHIP_GLOB };

/** What the view never looks into. */
export const EXCLUDE_GLOB = '**/node_modules/**';

/** What the view needs from the language client: the outline of one file. */
export interface OutlineSource {
  outline(params: OutlineParams): Promise<OutlineResult>;
}

export interface PartnershipFileNode {
  readonly type: 'file';
  readonly uri: vscode.Uri;
  /** Null when the server has no outline (not a partnership file after all, or unreadable). */
  outline: FileOutline | null;
}

export interface PartnershipItemNode {
  readonly type: 'item';
  readonly uri: vscode.Uri;
  readonly node: OutlineNode;
  /** Unique within the view, stable across refreshes: keeps expansion state. */
  readonly id: string;
}

export type PartnershipTreeNode = PartnershipFileNode | PartnershipItemNode;

/** The command a click on an item runs: reveal and select the range in the file. */
export const REVEAL_COMMAND = 'partnership.revealInFile';

export class PartnershipsTreeProvider implements vscode.TreeDataProvider<PartnershipTreeNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<PartnershipTreeNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;

  /** File nodes by URI string, so a refresh of one file keeps the node identity VS Code knows. */
  private readonly files = new Map<string, PartnershipFileNode>();
  private pendingUris: Set<string> | 'all' | undefined;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly source: OutlineSource,
    private readonly debounceMs = 200,
  ) {}

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.changed.dispose();
  }

  /**
   * Schedule a refresh: of the given files when they are already shown, of everything otherwise
   * (a file appeared or vanished, or the server said "all"). Bursts are coalesced.
   */
  refresh(uris?: readonly (vscode.Uri | string)[]): void {
    if (!uris || this.pendingUris === 'all') {
      this.pendingUris = 'all';
    } else {
      this.pendingUris ??= new Set();
      for (const uri of uris) this.pendingUris.add(typeof uri === 'string' ? vscode.Uri.parse(uri).toString() : uri.toString());
    }
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.flush(), this.debounceMs);
  }

  private flush(): void {
    this.timer = undefined;
    const pending = this.pendingUris;
    this.pendingUris = undefined;
    if (pending === undefined) return;
    // A file the view does not list yet appeared: list again. Untitled documents and other
    // schemes are never listed, so their changes are ignored.
    const unknown = pending === 'all' ? [] : [...pending].filter((uri) => !this.files.has(uri));
    if (pending === 'all' || unknown.some((uri) => isListable(vscode.Uri.parse(uri)))) {
      this.rootStale = true;
      this.changed.fire(undefined);
      return;
    }
    for (const uri of pending) {
      const node = this.files.get(uri);
      if (!node) continue;
      this.loading++;
      void this.loadOutline(node)
        .then(() => this.changed.fire(node))
        .finally(() => this.loading--);
    }
  }

  /** A root change was announced and VS Code has not listed the root again since. */
  private rootStale = false;
  /** Outlines being loaded for a refresh of single files. */
  private loading = 0;

  /**
   * Resolves once no refresh is pending: no debounce timer, no listing or outline load in
   * progress, and the root listed again after a change of it was announced — what TreeView.reveal
   * needs, or it looks for a node while VS Code is replacing the tree. A hidden view is not listed
   * again until shown, so a stale root is waited for `staleRootMs` at most (reveal shows it).
   */
  async settled(staleRootMs = 2_000): Promise<void> {
    const deadline = Date.now() + staleRootMs;
    while (this.timer || this.listing || this.loading > 0 || (this.rootStale && Date.now() < deadline)) {
      if (this.listing) await this.listing.catch(() => undefined);
      else await new Promise((r) => setTimeout(r, 20));
    }
  }

  getTreeItem(element: PartnershipTreeNode): vscode.TreeItem {
    return element.type === 'file' ? fileItem(element) : itemTreeItem(element);
  }

  async getChildren(element?: PartnershipTreeNode): Promise<PartnershipTreeNode[]> {
    if (!element) {
      const files = await this.loadFiles();
      this.rootStale = false;
      return files;
    }
    if (element.type === 'file') {
      if (!element.outline) await this.loadOutline(element);
      return childNodes(element.uri, element.outline?.root.children, element.uri.toString());
    }
    return childNodes(element.uri, element.node.children, element.id);
  }

  getParent(element: PartnershipTreeNode): PartnershipTreeNode | undefined {
    if (element.type === 'file') return undefined;
    const parentId = element.id.slice(0, element.id.lastIndexOf('#'));
    const file = this.files.get(element.uri.toString());
    if (!file || parentId === file.uri.toString()) return file;
    const find = (nodes: PartnershipTreeNode[]): PartnershipTreeNode | undefined => {
      for (const n of nodes) {
        if (n.type !== 'item') continue;
        if (n.id === parentId) return n;
        if (parentId.startsWith(n.id + '#')) return find(childNodes(n.uri, n.node.children, n.id));
      }
      return undefined;
    };
    return find(childNodes(file.uri, file.outline?.root.children, file.uri.toString()));
  }

  /** The file nodes of the last listing (for tests and commands). */
  fileNodes(): PartnershipFileNode[] {
    return [...this.files.values()];
  }

  /** The listing in progress: concurrent requests for the root share it (one node object per file). */
  private listing: Promise<PartnershipFileNode[]> | undefined;

  private loadFiles(): Promise<PartnershipFileNode[]> {
    this.listing ??= this.listFiles().finally(() => (this.listing = undefined));
    return this.listing;
  }

  private async listFiles(): Promise<PartnershipFileNode[]> {
    const uris = await vscode.workspace.findFiles(PARTNERSHIP_GLOB, EXCLUDE_GLOB);
    uris.sort((a, b) => vscode.workspace.asRelativePath(a).localeCompare(vscode.workspace.asRelativePath(b)));
    const next = new Map<string, PartnershipFileNode>();
    for (const uri of uris) {
      const key = uri.toString();
      next.set(key, this.files.get(key) ?? { type: 'file', uri, outline: null });
    }
    this.files.clear();
    for (const [key, node] of next) this.files.set(key, node);
    // Fetch every outline again: the health icon and counts live on the file node itself.
    await Promise.all([...next.values()].map((node) => this.loadOutline(node)));
    // A portfolio: what needs attention first, by the server's sort key (files it could not read last).
    return [...next.values()].sort((a, b) => compareRank(a.outline?.portfolio.rank, b.outline?.portfolio.rank));
  }

  private async loadOutline(node: PartnershipFileNode): Promise<void> {
    try {
      node.outline = await this.source.outline({ uri: node.uri.toString() });
    } catch (err) {
      node.outline = null;
      console.error(`partnership: outline of ${node.uri.toString()} failed: ${String(err)}`);
    }
  }
}

/** Smallest first, element by element; a file without a key goes last (the sort is stable: path order). */
function compareRank(a: readonly number[] | undefined, b: readonly number[] | undefined): number {
  if (!a || !b) return (a ? 0 : 1) - (b ? 0 : 1);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** Whether the view would list this file: a partnership file on disk, outside node_modules. */
function isListable(uri: vscode.Uri): boolean {
  return uri.scheme === 'file' && isPartnershipUri(uri.path) && !/\/node_modules\//.test(uri.path);
}

function childNodes(uri: vscode.Uri, nodes: OutlineNode[] | undefined, parentId: string): PartnershipItemNode[] {
  const seen = new Map<string, number>();
  return (nodes ?? []).map((node) => {
    // Keys are unique in a valid file; a duplicate id (already an error) must not break the view.
    const base = `${node.kind}:${node.key}`;
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    return { type: 'item', uri, node, id: `${parentId}#${n === 0 ? base : `${base}~${n}`}` };
  });
}

// --------------------------------------------------------------------------------- presentation

const color = {
  error: new vscode.ThemeColor('list.errorForeground'),
  warning: new vscode.ThemeColor('list.warningForeground'),
  ok: new vscode.ThemeColor('testing.iconPassed'),
  info: new vscode.ThemeColor('charts.blue'),
  muted: new vscode.ThemeColor('disabledForeground'),
};

/** The icon of a relationship's health, as judged in the file's `health.status`. */
export function healthIcon(health: string | undefined): vscode.ThemeIcon {
  switch (health) {
    case 'healthy':
      return new vscode.ThemeIcon('heart', color.ok);
    case 'watch':
      return new vscode.ThemeIcon('eye', new vscode.ThemeColor('charts.yellow'));
    case 'strained':
      return new vscode.ThemeIcon('warning', color.warning);
    case 'broken':
      return new vscode.ThemeIcon('error', color.error);
    default:
      return new vscode.ThemeIcon('question', color.muted);
  }
}

function fileItem(node: PartnershipFileNode): vscode.TreeItem {
  const outline = node.outline;
  const label = outline?.name ?? vscode.workspace.asRelativePath(node.uri);
  const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.Collapsed);
  item.id = node.uri.toString();
  item.resourceUri = node.uri;
  item.contextValue = 'partnershipFile';
  const problems = outline?.problems ?? { errors: 0, warnings: 0 };
  // Errors make the file's own judgement unreliable: never show a healthy heart over them.
  item.iconPath = problems.errors > 0 ? new vscode.ThemeIcon('error', color.error) : healthIcon(outline?.health);
  // The portfolio's line (as `partnership summary` and the status bar say it), then the problems.
  const bits: string[] = [];
  if (outline) bits.push(outline.portfolio.line);
  if (problems.errors > 0) bits.push(count(problems.errors, 'error'));
  if (problems.warnings > 0) bits.push(count(problems.warnings, 'warning'));
  item.description = bits.join(' · ');
  const tip = new vscode.MarkdownString(undefined, true);
  tip.appendMarkdown(`**${escapeMarkdown(label)}**`);
  if (outline?.customer) tip.appendMarkdown(` — ${escapeMarkdown(outline.customer)}`);
  tip.appendMarkdown(`\n\nHealth: ${escapeMarkdown(outline?.health ?? 'unknown')}`);
  if (outline) tip.appendMarkdown(`\n\nPortfolio: ${escapeMarkdown(outline.portfolio.line)}`);
  if (outline) tip.appendMarkdown(`\n\nProblems: ${count(problems.errors, 'error')}, ${count(problems.warnings, 'warning')}`);
  if (outline) {
    tip.appendMarkdown(`\n\n${outline.counts.overdue} overdue · ${outline.counts.dueSoon} due soon · ${outline.counts.openConcerns} open concerns`);
    if (outline.reliability) tip.appendMarkdown(`\n\nReliability: ${escapeMarkdown(outline.reliability.detail)}`);
  }
  tip.appendMarkdown(`\n\n${escapeMarkdown(vscode.workspace.asRelativePath(node.uri))}`);
  item.tooltip = tip;
  // No click command here or on groups: a click on a node with children should expand it.
  return item;
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

function itemTreeItem(element: PartnershipItemNode): vscode.TreeItem {
  const node = element.node;
  const hasChildren = (node.children?.length ?? 0) > 0;
  const expanded = node.kind === 'group' && (node.key === 'commitments' || node.key === 'commitments/overdue');
  const item = new vscode.TreeItem(
    node.label,
    hasChildren ? (expanded ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed) : vscode.TreeItemCollapsibleState.None,
  );
  item.id = element.id;
  item.description = node.detail;
  item.iconPath = nodeIcon(node);
  item.contextValue = `partnership.${node.kind}${node.state ? `.${node.state}` : ''}`;
  item.tooltip = nodeTooltip(node);
  if (!hasChildren) item.command = revealCommand(element.uri, node);
  return item;
}

function revealCommand(uri: vscode.Uri, node: OutlineNode): vscode.Command {
  return { command: REVEAL_COMMAND, title: 'Reveal in File', arguments: [uri, node.selectionRange] };
}

function nodeTooltip(node: OutlineNode): vscode.MarkdownString {
  const tip = new vscode.MarkdownString(undefined, true);
  tip.appendMarkdown(`**${escapeMarkdown(node.label)}**`);
  if (node.detail) tip.appendMarkdown(`\n\n${escapeMarkdown(node.detail)}`);
  const state = stateText(node);
  if (state) tip.appendMarkdown(`\n\n${escapeMarkdown(state)}`);
  const flags = (node.flags ?? []).filter((f) => f !== 'customer' && f !== 'ours');
  if (flags.length > 0) tip.appendMarkdown(`\n\n${flags.map((f) => `\`${f}\``).join(' ')}`);
  return tip;
}

function stateText(node: OutlineNode): string | undefined {
  switch (node.kind) {
    case 'commitment':
      return node.state === 'overdue' ? 'Overdue: keep the promise or renegotiate it in the open.' : node.state === 'due-soon' ? 'Due soon.' : undefined;
    case 'person':
      return node.state === 'stale' ? 'No recent contact: the agreed contact cadence has lapsed.' : undefined;
    case 'communication':
      return node.state === 'overdue' ? 'Overdue.' : node.state === 'unsigned' ? 'The customer has not signed off the plan.' : undefined;
    default:
      return undefined;
  }
}

const GROUP_ICONS: Record<string, string> = {
  goals: 'target',
  people: 'organization',
  communication: 'mail',
  commitments: 'checklist',
  'commitments/overdue': 'error',
  'commitments/due-soon': 'clock',
  'commitments/open': 'circle-large-outline',
  'commitments/done': 'pass',
  concerns: 'comment-discussion',
  risks: 'flame',
  meetings: 'calendar',
  milestones: 'milestone',
};

/** The icon of one outline node, by its kind and the state the server computed. */
export function nodeIcon(node: OutlineNode): vscode.ThemeIcon {
  const flags = node.flags ?? [];
  switch (node.kind) {
    case 'group': {
      if (node.key.endsWith('/more')) return new vscode.ThemeIcon('ellipsis');
      const id = GROUP_ICONS[node.key] ?? 'folder';
      if (node.key === 'commitments/overdue') return new vscode.ThemeIcon(id, color.error);
      if (node.key === 'commitments/due-soon') return new vscode.ThemeIcon(id, color.warning);
      return new vscode.ThemeIcon(id);
    }
    case 'commitment':
      switch (node.state) {
        case 'overdue':
          return new vscode.ThemeIcon('error', color.error);
        case 'due-soon':
          return new vscode.ThemeIcon('clock', color.warning);
        case 'done':
          return new vscode.ThemeIcon('pass', color.ok);
        case 'dropped':
          return new vscode.ThemeIcon('circle-slash', color.muted);
        default:
          return new vscode.ThemeIcon('circle-large-outline');
      }
    case 'person': {
      const stale = node.state === 'stale' || flags.includes('stale');
      const id = flags.includes('decision-maker') ? 'star-full' : flags.includes('sponsor') ? 'star-empty' : 'person';
      return new vscode.ThemeIcon(id, stale ? color.warning : flags.includes('decision-maker') ? color.info : undefined);
    }
    case 'communication':
      if (node.state === 'overdue') return new vscode.ThemeIcon('mail', color.warning);
      if (node.state === 'unsigned') return new vscode.ThemeIcon('unverified', color.warning);
      return new vscode.ThemeIcon(node.key.endsWith('signedOff') ? 'verified' : 'mail', color.ok);
    case 'concern':
      return node.state === 'open' ? new vscode.ThemeIcon('comment-unresolved', color.warning) : new vscode.ThemeIcon('comment');
    case 'risk':
      return node.state === 'open' ? new vscode.ThemeIcon('flame', color.warning) : node.state === 'mitigated' ? new vscode.ThemeIcon('shield') : new vscode.ThemeIcon('pass', color.muted);
    case 'health':
      return healthIcon(node.state);
    case 'meeting':
      return new vscode.ThemeIcon(node.state === 'planned' ? 'calendar' : 'history');
    case 'milestone':
      if (node.state === 'late' || node.state === 'slipped') return new vscode.ThemeIcon('milestone', color.error);
      if (node.state === 'delivered') return new vscode.ThemeIcon('pass', color.ok);
      return new vscode.ThemeIcon('milestone');
    case 'goal':
      return new vscode.ThemeIcon('target');
    default:
      return new vscode.ThemeIcon('symbol-misc');
  }
}

function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, '\\$&');
}
