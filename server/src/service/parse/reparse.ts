// Incremental re-parse: when an edit stays inside one item of a top-level block list (a commitment,
// a person, a concern …), only that item's lines are parsed again; the previous document's tree
// and plain value are taken over and updated in place: the item replaced, the offsets after it
// moved. The previous ParsedDocument is retired (using it throws); the parse cache (cache.ts) drops
// it and keeps the new one.
//
// It is only an optimisation: whenever the edit is not plainly local (it crosses an item's lines,
// touches a line at the list's indentation, the item parsed alone differs from the item parsed in
// the file, anchors or aliases are involved, the previous text had problems …) it declines and
// the caller parses the whole text. The result is then the same as a full parse: same tree, same
// ranges, same value, same line starts.
import { isAlias, isMap, isNode, isPair, isScalar, isSeq, Node, Pair } from 'yaml';
import { countValues, MAX_TEXT_LENGTH, MAX_VALUES, ParsedDocument } from './parser';
import { sameClass } from './fastParse';

/** Below this size a full parse takes a few milliseconds: not worth the bookkeeping. */
export const REPARSE_MIN_LENGTH = 32 * 1024;

type Offsets = [number, number, number];

/** The document for `text` built from `prev` by re-parsing one list item, or undefined to parse it all. */
export function reparse(prev: ParsedDocument, text: string, minLength = REPARSE_MIN_LENGTH): ParsedDocument | undefined {
  if (text.length < minLength || prev.text.length < minLength || text.length > MAX_TEXT_LENGTH) return undefined;
  if (prev.syntaxProblems.length > 0 || prev.value === undefined || prev.valueCount === undefined) return undefined;
  try {
    return attempt(prev, text);
  } catch {
    return undefined; // a shape this code did not foresee: the full parse handles it
  }
}

function attempt(prev: ParsedDocument, text: string): ParsedDocument | undefined {
  const old = prev.text;
  const [start, oldEnd] = changedRegion(old, text);
  const delta = text.length - old.length;
  const doc = prev.doc;
  const root = doc.contents;
  if (!isMap(root) || root.flow || !root.range || !doc.range) return undefined;
  // Directives (%YAML 1.1, %TAG) change how values resolve: the item alone would not see them.
  if (old.slice(0, root.range[0]).includes('%')) return undefined;

  // The top-level list the edit is in: the last key at or before it, holding a block sequence.
  let pair: Pair<Node, Node | null> | undefined;
  for (const p of root.items as Pair<Node, Node | null>[]) {
    if (!isScalar(p.key) || !p.key.range) return undefined;
    if (p.key.range[0] > start) break;
    pair = p;
  }
  const seq = pair?.value;
  if (!pair || !isSeq(seq) || seq.flow || !seq.range || seq.items.length === 0) return undefined;
  const sectionKey = (pair.key as { value: unknown }).value;
  if (typeof sectionKey !== 'string') return undefined;
  const list = (prev.value as Record<string, unknown>)[sectionKey];
  if (!Array.isArray(list) || list.length !== seq.items.length) return undefined;

  // The item: the last whose first line starts at or before the edit.
  const items = seq.items as unknown[];
  const lineOf = (i: number): number => {
    const it = items[i];
    if (!isNode(it) || !it.range) throw new Error('item without a range');
    return lineStartOf(old, it.range[0]);
  };
  let lo = 0;
  let hi = items.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lineOf(mid) <= start) lo = mid;
    else hi = mid - 1;
  }
  const index = lo;
  const item = items[index] as Node;
  const chunkStart = lineOf(index);
  if (chunkStart > start) return undefined;
  const dash = /^( *)-( +)$/.exec(old.slice(chunkStart, item.range![0]));
  if (!dash) return undefined;
  const indent = dash[1].length;
  const chunkEnd = blockEnd(old, chunkStart, indent);
  if (oldEnd > chunkEnd || item.range![2] > chunkEnd) return undefined;
  const newChunkEnd = chunkEnd + delta;
  const oldChunk = old.slice(chunkStart, chunkEnd);
  const newChunk = text.slice(chunkStart, newChunkEnd);
  // countValues adds up over whole lines: the text's count moves by the item's.
  const valueCount = prev.valueCount! - countValues(oldChunk) + countValues(newChunk);
  if (valueCount > MAX_VALUES) return undefined; // the full parse reports it
  if (!itemShaped(oldChunk, indent) || !itemShaped(newChunk, indent)) return undefined;
  if (newChunkEnd < text.length && !newChunk.endsWith('\n')) return undefined;
  // What follows the last content line (blank lines, comments) decides what the next node gets.
  if (trailer(oldChunk) !== trailer(newChunk)) return undefined;

  // The item's lines are parsed in a small stand-in for the file: a one-key mapping holding the
  // list, and after the item what follows it up to the next line of content, which decides where
  // the item and the list end.
  const context = following(old, chunkEnd);
  if (context === undefined) return undefined;
  const before = alone(oldChunk, context);
  const after = alone(newChunk, context);
  if (!before || !after) return undefined;
  // A comment or blank line the item's own lines put before its content would merge with what
  // precedes the item in the file: not handled here.
  for (const x of [before.item, after.item] as { spaceBefore?: boolean; commentBefore?: string | null }[]) {
    if (x.spaceBefore || x.commentBefore) return undefined;
  }
  // Parsed alone, the old item must be exactly the item the full parse produced: then its lines
  // read the same in and out of the file, and so do the new ones, which have the same shape.
  const base = chunkStart - STAND_IN_KEY.length; // stand-in offsets → file offsets
  if (!sameNode(before.item, item, base, true)) return undefined;
  // And what follows the item must read the same after the edit (a blank line or comment may
  // belong to the next node or to this one, depending on how the item ends).
  if (!sameSurroundings(before, after, delta)) return undefined;

  // Offsets inside the old item's lines that belong to an enclosing node (the end of the list when
  // this item is its last) move where the same offsets of the new item's lines are.
  const inside = new Map<number, number>();
  const correspond = (a: Offsets | undefined, b: Offsets | undefined) => {
    if (!a || !b) return;
    for (let k = 0; k < 3; k++) {
      const from = base + a[k];
      const to = base + b[k];
      if (inside.has(from) && inside.get(from) !== to) inside.set(from, NaN);
      else inside.set(from, to);
    }
  };
  correspond(before.seq.range as Offsets, after.seq.range as Offsets);
  correspond(before.item.range as Offsets, after.item.range as Offsets);
  if (context === '') {
    // The item ends the text: so do the mapping and the document.
    correspond(before.root.range as Offsets, after.root.range as Offsets);
    correspond(before.doc.range as Offsets, after.doc.range as Offsets);
  }
  const mapOffset = (v: number): number => {
    if (v <= chunkStart) return v;
    if (v > chunkEnd) return v + delta;
    const to = inside.get(v);
    if (to !== undefined && !Number.isNaN(to)) return to;
    if (v === chunkEnd) return v + delta;
    throw new Error(`offset ${v} inside the edited item has no counterpart`);
  };

  // Plan first, while nothing has changed yet (a missing counterpart declines): the new offsets of
  // the nodes around the item, and the subtrees wholly after it.
  const around: { node: Node; range: Offsets }[] = [];
  const later: Node[] = [];
  const plan = (node: Node): void => {
    if (node === item) return;
    const r = node.range as Offsets | undefined;
    if (!r) throw new Error('node without a range');
    if (r[2] < chunkStart) return; // wholly before the edit: unchanged
    if (r[0] >= chunkEnd) {
      later.push(node); // wholly after: moved by delta
      return;
    }
    around.push({ node, range: [mapOffset(r[0]), mapOffset(r[1]), mapOffset(r[2])] });
    if (isMap(node) || isSeq(node)) {
      for (const it of node.items as unknown[]) {
        if (isPair(it)) {
          if (isNode(it.key)) plan(it.key);
          if (isNode(it.value)) plan(it.value);
        } else if (isNode(it)) {
          plan(it);
        }
      }
    } else if (!isScalar(node)) {
      throw new Error('unexpected node around the edit');
    }
  };
  plan(root);
  const docRange: Offsets = [mapOffset(doc.range[0]), mapOffset(doc.range[1]), mapOffset(doc.range[2])];

  // Apply. The previous document's tree and value become this one's: it is retired (below).
  const replacement = after.item;
  move(replacement, base, doc.schema);
  const placed = replacement as { spaceBefore?: boolean; commentBefore?: string | null };
  const was = item as { spaceBefore?: boolean; commentBefore?: string | null };
  if (was.spaceBefore !== undefined) placed.spaceBefore = was.spaceBefore;
  else delete placed.spaceBefore;
  if (was.commentBefore !== undefined) placed.commentBefore = was.commentBefore;
  else delete placed.commentBefore;
  for (const node of later) move(node, delta);
  for (const { node, range } of around) node.range = range;
  (seq.items as unknown[])[index] = replacement;
  doc.range = docRange;
  const value = prev.value as Record<string, unknown>;
  list[index] = after.value;

  // Line starts: before the item unchanged, the item's own, after it moved by delta.
  const lineStarts: number[] = [];
  const count = prev.lineCount();
  let k = 0;
  for (; k < count && prev.lineStart(k) < chunkStart; k++) lineStarts.push(prev.lineStart(k));
  lineStarts.push(chunkStart);
  // At the end of the text, a final line break starts one more (empty) line.
  const atEnd = chunkEnd === old.length;
  for (let j = newChunk.indexOf('\n'); j >= 0 && (atEnd || chunkStart + j + 1 < newChunkEnd); j = newChunk.indexOf('\n', j + 1)) lineStarts.push(chunkStart + j + 1);
  while (k < count && prev.lineStart(k) < chunkEnd) k++;
  if (!atEnd) for (; k < count; k++) lineStarts.push(prev.lineStart(k) + delta);

  retire(prev);
  return new ParsedDocument(text, { doc, value, lineStarts, valueCount });
}

/**
 * A ParsedDocument whose tree an incremental re-parse took over: reading its tree or value now
 * throws, so that a caller still holding it fails loudly instead of reading offsets of another text.
 * (The parse cache drops it and hands out the newer one.)
 */
function retire(pd: ParsedDocument): void {
  const stale = (): never => {
    throw new Error('internal: a ParsedDocument was used after an incremental re-parse of a newer text replaced it');
  };
  Object.defineProperty(pd, 'doc', { get: stale });
  Object.defineProperty(pd, 'value', { get: stale });
  pd.retired = true;
}

/** [first changed offset, end of the changed part in the old text, … in the new text]. */
export function changedRegion(a: string, b: string): [number, number, number] {
  const min = Math.min(a.length, b.length);
  let p = 0;
  // Whole blocks first (string equality runs natively), then characters.
  const BLOCK = 1024;
  while (p + BLOCK <= min && a.slice(p, p + BLOCK) === b.slice(p, p + BLOCK)) p += BLOCK;
  while (p < min && a.charCodeAt(p) === b.charCodeAt(p)) p++;
  let s = 0;
  const maxS = min - p;
  while (s + BLOCK <= maxS && a.slice(a.length - s - BLOCK, a.length - s) === b.slice(b.length - s - BLOCK, b.length - s)) s += BLOCK;
  while (s < maxS && a.charCodeAt(a.length - 1 - s) === b.charCodeAt(b.length - 1 - s)) s++;
  return [p, a.length - s, b.length - s];
}

function lineStartOf(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** The offset where the lines of a list item that starts at `start` end: at the next line that is not blank and not deeper than `indent`. */
function blockEnd(text: string, start: number, indent: number): number {
  let lineStart = text.indexOf('\n', start) + 1;
  while (lineStart > 0 && lineStart < text.length) {
    let i = lineStart;
    while (i < text.length && text.charCodeAt(i) === 32) i++;
    const c = text.charCodeAt(i);
    const blank = i >= text.length || c === 10 || (c === 13 && text.charCodeAt(i + 1) === 10);
    if (!blank && i - lineStart <= indent) return lineStart;
    lineStart = text.indexOf('\n', lineStart) + 1;
  }
  return text.length;
}

/** One list item's lines: `- ` at `indent` first, every other non-blank line deeper, no tabs in indentation, no lone CR. */
function itemShaped(chunk: string, indent: number): boolean {
  if (!new RegExp(`^ {${indent}}-( |\\r?\\n|$)`).test(chunk)) return false;
  if (/\r(?!\n)/.test(chunk)) return false;
  const lines = chunk.split('\n');
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i];
    const lead = /^[ \t]*/.exec(line)![0];
    if (lead.length === line.replace(/\r$/, '').length) {
      if (lead.includes('\t')) return false;
      continue; // blank
    }
    if (lead.includes('\t') || lead.length <= indent) return false;
  }
  return true;
}

/** What follows the last line that holds content (not blank, not a comment). */
function trailer(chunk: string): string {
  const lines = chunk.split('\n');
  let last = lines.length - 1;
  while (last > 0 && /^\s*(#.*)?$/.test(lines[last])) last--;
  return lines.slice(last + 1).join('\n');
}

/** The stand-in for the key that holds the list. */
const STAND_IN_KEY = 'k:\n';

/** The lines after `offset` up to and including the next one with content (not blank, not a comment); '' at the end of the text. */
function following(text: string, offset: number): string | undefined {
  let end = offset;
  for (let lines = 0; end < text.length; lines++) {
    if (lines > 50) return undefined;
    const nl = text.indexOf('\n', end);
    const lineEnd = nl < 0 ? text.length : nl + 1;
    const line = text.slice(end, lineEnd);
    end = lineEnd;
    if (!/^\s*(#.*)?$/.test(line)) break;
  }
  return text.slice(offset, end);
}

interface Alone {
  doc: { range?: Offsets | null };
  root: { range?: Offsets | null };
  seq: { range?: Offsets | null };
  item: Node;
  value: unknown;
}

/** A list item's lines parsed in the stand-in: without problems, a block list whose first item is free of anchors and aliases. */
function alone(chunk: string, context: string): Alone | undefined {
  const pd = new ParsedDocument(STAND_IN_KEY + chunk + context);
  if (pd.syntaxProblems.length > 0) return undefined;
  const root = pd.root;
  if (!isMap(root) || root.items.length === 0) return undefined;
  const seq = (root.items[0] as Pair<Node, Node | null>).value;
  if (!isSeq(seq) || seq.flow || seq.items.length === 0) return undefined;
  const item = seq.items[0];
  if (!isNode(item) || !item.range || hasAnchorOrAlias(item)) return undefined;
  const list = (pd.value as Record<string, unknown> | undefined)?.k;
  if (!Array.isArray(list) || list.length !== seq.items.length) return undefined;
  return { doc: pd.doc as { range?: Offsets | null }, root: root as { range?: Offsets | null }, seq: seq as { range?: Offsets | null }, item, value: list[0] };
}

/** The stand-in around the item, unchanged but for offsets after it: the rest of the list, the next key, comments. */
function sameSurroundings(a: Alone, b: Alone, delta: number): boolean {
  const aSeq = a.seq as unknown as { items: unknown[] };
  const bSeq = b.seq as unknown as { items: unknown[] };
  const aRoot = a.root as unknown as { items: Pair[] };
  const bRoot = b.root as unknown as { items: Pair[] };
  if (!sameProperties(a.doc, b.doc, ['contents', 'range', 'errors', 'warnings', 'schema', 'options', 'directives'])) return false;
  if (!sameProperties(a.root, b.root, ['items', 'range']) || aRoot.items.length !== bRoot.items.length) return false;
  if (!sameProperties(a.seq, b.seq, ['items', 'range']) || aSeq.items.length !== bSeq.items.length) return false;
  if (!sameProperties(aRoot.items[0], bRoot.items[0], ['key', 'value']) || !sameNode(aRoot.items[0].key, bRoot.items[0].key, 0)) return false;
  for (let i = 1; i < aSeq.items.length; i++) if (!sameNode(aSeq.items[i], bSeq.items[i], delta)) return false;
  for (let i = 1; i < aRoot.items.length; i++) if (!sameNode(aRoot.items[i], bRoot.items[i], delta)) return false;
  return true;
}

function sameProperties(a: object, b: object, skip: string[]): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const key of keys) {
    if (skip.includes(key)) continue;
    if ((a as Record<string, unknown>)[key] !== (b as Record<string, unknown>)[key]) return false;
  }
  return true;
}

function hasAnchorOrAlias(node: unknown): boolean {
  if (isAlias(node)) return true;
  if (isPair(node)) return hasAnchorOrAlias(node.key) || hasAnchorOrAlias(node.value);
  if (!isNode(node)) return false;
  if ((node as { anchor?: string }).anchor) return true;
  if (isMap(node) || isSeq(node)) return (node.items as unknown[]).some(hasAnchorOrAlias);
  return false;
}

/** The same node, with `a`'s offsets moved by `offset`: every property compared; at the top, not what precedes the item. */
function sameNode(a: unknown, b: unknown, offset: number, top = false): boolean {
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return a === b;
  if (!sameClass(a, b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  const keys = new Set([...ka, ...kb]);
  for (const key of keys) {
    if (top && (key === 'spaceBefore' || key === 'commentBefore')) continue;
    const va = (a as Record<string, unknown>)[key];
    const vb = (b as Record<string, unknown>)[key];
    if (key === 'range') {
      const ra = va as number[] | undefined;
      const rb = vb as number[] | undefined;
      if (!ra || !rb || ra.length !== rb.length || ra.some((x, i) => x + offset !== rb[i])) return false;
    } else if (key === 'items') {
      const ia = va as unknown[];
      const ib = vb as unknown[];
      if (!Array.isArray(ia) || !Array.isArray(ib) || ia.length !== ib.length) return false;
      for (let i = 0; i < ia.length; i++) if (!sameNode(ia[i], ib[i], offset)) return false;
    } else if (key === 'key' || key === 'value') {
      if (!sameNode(va, vb, offset)) return false;
    } else if (va !== vb) {
      return false;
    }
  }
  return true;
}

/** Moves every offset in a subtree by `delta`, in place; with `schema`, also gives its collections the document's schema. */
function move(node: Node, delta: number, schema?: unknown): void {
  const r = node.range as number[] | null | undefined;
  if (r) {
    r[0] += delta;
    r[1] += delta;
    r[2] += delta;
  }
  if (isMap(node) || isSeq(node)) {
    if (schema) (node as { schema?: unknown }).schema = schema;
    for (const it of node.items as unknown[]) {
      if (isPair(it)) {
        if (isNode(it.key)) move(it.key, delta, schema);
        if (isNode(it.value)) move(it.value, delta, schema);
      } else if (isNode(it)) {
        move(it, delta, schema);
      }
    }
  }
}
