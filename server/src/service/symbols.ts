// Document symbols (the editor's Outline and breadcrumbs), built from the outline model so the
// tree view and the symbols never disagree. Unlike the tree view, symbols follow the file: the
// tree's overdue / due soon / open / done buckets are flattened back into document order.
import { buildOutline, OutlineKind, OutlineNode } from './outline';
import { ParsedDocument } from './document';
import type { Position, Range, ValidateOptions } from './types';
import { SymbolKind } from 'vscode-languageserver-types';
import type { DocumentSymbol } from 'vscode-languageserver-types';

export type { DocumentSymbol };

const KIND: Record<OutlineKind, SymbolKind> = {
  partnership: SymbolKind.Package,
  group: SymbolKind.Namespace,
  goal: SymbolKind.Constant,
  person: SymbolKind.Object,
  communication: SymbolKind.Interface,
  commitment: SymbolKind.Event,
  concern: SymbolKind.Field,
  risk: SymbolKind.Key,
  health: SymbolKind.Number,
  meeting: SymbolKind.Struct,
  milestone: SymbolKind.EnumMember,
};

function before(a: Position, b: Position): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}

function union(ranges: Range[]): Range {
  let { start, end } = ranges[0];
  for (const r of ranges) {
    if (before(r.start, start)) start = r.start;
    if (before(end, r.end)) end = r.end;
  }
  return { start, end };
}

/** A group whose children are groups again (commitments by state) is flattened into its items. */
function items(node: OutlineNode): OutlineNode[] {
  const children = node.children ?? [];
  if (children.length > 0 && children.every((c) => c.kind === 'group')) {
    return children.flatMap((c) => c.children ?? []).sort((a, b) => (before(a.range.start, b.range.start) ? -1 : before(b.range.start, a.range.start) ? 1 : 0));
  }
  return children;
}

/** End a range at its last non-blank character. */
function trimEnd(pd: ParsedDocument, range: Range): Range {
  const start = pd.offsetAt(range.start);
  let end = pd.offsetAt(range.end);
  while (end > start && /\s/.test(pd.text[end - 1])) end--;
  return pd.range(start, end);
}

function toSymbol(pd: ParsedDocument, node: OutlineNode): DocumentSymbol {
  const children = items(node).map((c) => toSymbol(pd, c));
  // Clients require selectionRange ⊆ range and children inside their parent: keep that true.
  const range = union([trimEnd(pd, node.range), node.selectionRange, ...children.map((c) => c.range)]);
  const symbol: DocumentSymbol = {
    name: node.label.trim() || node.key,
    kind: KIND[node.kind],
    range,
    selectionRange: node.selectionRange,
  };
  if (node.detail) symbol.detail = node.detail;
  if (children.length > 0) symbol.children = children;
  return symbol;
}

export function documentSymbols(pd: ParsedDocument, path: string, options: ValidateOptions): DocumentSymbol[] {
  return [toSymbol(pd, buildOutline(pd, path, options).root)];
}
