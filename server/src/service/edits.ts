// Text edits that change a partnership file the way a person would: only the lines that must
// change, with the file's own indentation, line breaks, spacing and comments kept. Every helper
// returns undefined for a shape it cannot edit safely (the caller then offers no edit), rather
// than an edit that would corrupt the file.
import { getPair, isAlias, isMap, isPair, isScalar, isSeq, Node, ParsedDocument, YAMLMap } from './document';
import type { TextEdit } from './types';

/** Top-level sections in the order PRODUCT.md lists them; new sections go where they belong. */
export const SECTION_ORDER = [
  'version',
  'partnership',
  'goals',
  'people',
  'communication',
  'commitments',
  'concerns',
  'risks',
  'health',
  'meetings',
  'milestones',
] as const;

const PLAIN_SAFE = /^[A-Za-z0-9][A-Za-z0-9 _.,/@()'-]*$/;
const LOOKS_LIKE_OTHER_TYPE = /^(true|false|yes|no|on|off|null|~|[-+]?[0-9.]+(e[-+]?\d+)?|0x[0-9a-f]+|0o[0-7]+)$/i;
const ID_RE = /^[A-Za-z][A-Za-z0-9_.-]*$/;

/** A YAML scalar for a string: plain when that reads back as the same string, else double-quoted. */
export function yamlString(value: string): string {
  if (PLAIN_SAFE.test(value) && !LOOKS_LIKE_OTHER_TYPE.test(value) && !value.endsWith(' ') && !/ #|: /.test(value)) {
    return value;
  }
  return JSON.stringify(value);
}

/** An id inside a flow sequence (`[a, b]`): plain when it is a well-formed id, else quoted. */
export function flowId(id: string): string {
  return ID_RE.test(id) && yamlString(id) === id ? id : JSON.stringify(id);
}

/** The root mapping when the file can take an edit: it parsed cleanly and is a block mapping. */
export function editableRoot(pd: ParsedDocument): YAMLMap | undefined {
  if (pd.syntaxProblems.length > 0) return undefined;
  const root = pd.root;
  return isMap(root) && !root.flow ? root : undefined;
}

function column(pd: ParsedDocument, offset: number): number {
  return pd.positionAt(offset).character;
}

/**
 * Where a line inserted after `node` starts: the line after its last line of content. That is
 * where its last value ends — a block collection's own range may run into the next line's
 * indentation. A `|+` block scalar keeps its trailing blank lines as part of its value, so its
 * lines end where its range does. `eol` is true when the node's last line has no line break (the
 * end of the file): the inserted text must start with one.
 */
function afterNode(pd: ParsedDocument, node: Node): { at: number; eol: boolean } {
  const text = pd.text;
  const leaf = lastValue(node);
  let end = leaf.range ? leaf.range[1] : text.length;
  const atLineStart = end > 0 && (text[end - 1] === '\n' || text[end - 1] === '\r');
  if (atLineStart && keepsTrailingLines(pd, leaf)) return { at: end, eol: false };
  while (end > 0 && (text[end - 1] === '\n' || text[end - 1] === '\r')) end--;
  const lineEnd = lineEndFrom(text, end);
  if (lineEnd >= text.length) return { at: text.length, eol: true };
  return { at: lineEnd + (text[lineEnd] === '\r' && text[lineEnd + 1] === '\n' ? 2 : 1), eol: false };
}

/** The value written last in a block node: its last item's, its last entry's value (or key). */
function lastValue(node: Node): Node {
  let last: Node = node;
  while ((isMap(last) || isSeq(last)) && !last.flow && last.items.length > 0) {
    const item: unknown = last.items[last.items.length - 1];
    const next = (isPair(item) ? (item.value ?? item.key) : item) as Node | null;
    if (!next || !next.range) break;
    last = next;
  }
  return last;
}

/** Whether `node` is a block scalar with keep chomping (`|+`, `>+`). */
function keepsTrailingLines(pd: ParsedDocument, node: Node): boolean {
  if (!isScalar(node) || (node.type !== 'BLOCK_LITERAL' && node.type !== 'BLOCK_FOLDED') || !node.range) return false;
  const header = pd.text.slice(node.range[0], lineEndFrom(pd.text, node.range[0]));
  return /^[|>][1-9]?\+/.test(header);
}

/** Insert `body` (lines joined with the file's line break, no final break) on new lines after `node`. */
function insertLinesAfter(pd: ParsedDocument, node: Node, body: string): TextEdit {
  const { at, eol } = afterNode(pd, node);
  return { range: pd.range(at, at), newText: eol ? `${pd.eol()}${body}` : `${body}${pd.eol()}` };
}

/** Offset just after the `:` that follows a key. */
function afterColon(pd: ParsedDocument, keyNode: Node): number | undefined {
  let at = keyNode.range![1];
  while (pd.text[at] === ' ' || pd.text[at] === '\t') at++;
  return pd.text[at] === ':' ? at + 1 : undefined;
}

/** A value with no text of its own: `key:`, `key: ~`, `key: null`, or `key: []`. */
function isEmptyValue(v: Node | null): boolean {
  if (v === null) return true;
  if (isScalar(v)) return v.value === null;
  if (isSeq(v)) return v.items.length === 0;
  return false;
}

/** The indentation unit the file uses (2 unless its nested keys say otherwise). */
export function indentUnit(pd: ParsedDocument): number {
  const root = pd.root;
  if (isMap(root)) {
    for (const item of root.items) {
      const v = item.value as Node | null;
      if (isMap(v) && !v.flow && v.items.length > 0 && v.range && (item.key as Node)?.range) {
        const col = column(pd, v.range[0]) - column(pd, (item.key as Node).range![0]);
        if (col > 0) return col;
      }
    }
  }
  return 2;
}

function keyIndent(pd: ParsedDocument, map: YAMLMap): number {
  const first = map.items[0]?.key as Node | undefined;
  return first?.range ? column(pd, first.range[0]) : 0;
}

function lineEndFrom(text: string, offset: number): number {
  let at = offset;
  while (at < text.length && text[at] !== '\n' && text[at] !== '\r') at++;
  return at;
}

// ---------------------------------------------------------------------------------------------
// Anchors and aliases: a node that an alias also stands for is written once and read twice, so
// an edit inside it would silently change the aliased copy as well. Such edits are refused.

const aliasedCache = new WeakMap<ParsedDocument, Set<unknown>>();

/** Every node inside an anchored node that some alias refers to (nodes, pairs' keys and values). */
function aliasedNodes(pd: ParsedDocument): Set<unknown> {
  let found = aliasedCache.get(pd);
  if (found) return found;
  found = new Set();
  if (pd.text.includes('*')) {
    const anchors = new Map<string, unknown>();
    const shared = found;
    const addAll = (node: unknown): void => {
      if (node === null || node === undefined || shared.has(node)) return;
      shared.add(node);
      if (isMap(node) || isSeq(node)) {
        for (const item of node.items as unknown[]) {
          if (isPair(item)) {
            addAll(item.key);
            addAll(item.value);
          } else addAll(item);
        }
      }
    };
    // In document order, so an alias finds the last anchor of its name before it, as yaml does.
    const walk = (node: unknown): void => {
      if (isAlias(node)) {
        addAll(anchors.get(node.source));
        return;
      }
      if (isScalar(node) || isMap(node) || isSeq(node)) {
        if (node.anchor) anchors.set(node.anchor, node);
      }
      if (isMap(node) || isSeq(node)) {
        for (const item of node.items as unknown[]) {
          if (isPair(item)) {
            walk(item.key);
            walk(item.value);
          } else walk(item);
        }
      }
    };
    walk(pd.root);
  }
  aliasedCache.set(pd, found);
  return found;
}

/** Whether an alias elsewhere stands for this node or a collection holding it. */
function isAliased(pd: ParsedDocument, node: unknown): boolean {
  const shared = aliasedNodes(pd);
  return shared.size > 0 && shared.has(node);
}

// ---------------------------------------------------------------------------------------------
// The edits.

/**
 * Replace a scalar (a key or a value) with `value` (YAML text), keeping its anchor and tag: a
 * quoted or plain scalar in place, a block scalar (`|`, `>`) from its indicator to its last line
 * of content, an alias by the value. Undefined when an alias elsewhere stands for it (the copy
 * would change too) or when a block scalar's header holds a comment the edit would remove.
 */
export function replaceScalar(pd: ParsedDocument, node: Node | null | undefined, value: string): TextEdit | undefined {
  if (!node || !node.range || !editableRoot(pd)) return undefined;
  if (isAlias(node)) return { range: pd.nodeRange(node), newText: value };
  if (!isScalar(node) || isAliased(pd, node)) return undefined;
  const [start, end] = node.range;
  if (node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED') {
    const headerEnd = lineEndFrom(pd.text, start);
    if (pd.text.slice(start, headerEnd).includes('#')) return undefined;
    let last = end;
    while (last > headerEnd && /\s/.test(pd.text[last - 1])) last--;
    return { range: pd.range(start, last), newText: value };
  }
  return { range: pd.range(start, end), newText: value };
}

/**
 * Set a scalar `key` of a mapping to `value` (YAML text): replace an existing scalar, fill an
 * empty one (`key:` or `key: # comment`, keeping the comment), or add the key after the mapping's
 * last entry (inside the braces of a flow mapping). A collection value is left alone.
 */
export function setScalar(pd: ParsedDocument, map: YAMLMap, key: string, value: string): TextEdit | undefined {
  if (!editableRoot(pd)) return undefined;
  const pair = getPair(map, key);
  if (!pair) return addKey(pd, map, key, value);
  const v = pair.value;
  if (v !== null && !isScalar(v) && !isAlias(v)) return undefined;
  if (v && v.range && v.range[1] > v.range[0]) return replaceScalar(pd, v, value);
  // An empty value: it is written nowhere, so the pair's mapping is what the edit changes.
  if (isAliased(pd, map) || (v && isAliased(pd, v))) return undefined;
  const keyNode = pair.key as Node;
  if (!keyNode.range) return undefined;
  const colon = afterColon(pd, keyNode);
  if (colon === undefined) return undefined;
  let at = colon;
  while (pd.text[at] === ' ' || pd.text[at] === '\t') at++;
  return { range: pd.range(colon, at), newText: pd.text[at] === '#' ? ` ${value} ` : ` ${value}` };
}

/** Add `key: value` (the key is absent) as the mapping's last entry. */
function addKey(pd: ParsedDocument, map: YAMLMap, key: string, value: string): TextEdit | undefined {
  if (!map.range || isAliased(pd, map)) return undefined;
  if (map.flow) return insertInFlow(pd, map, `${key}: ${value}`);
  if (map.items.length === 0) return undefined;
  return insertLinesAfter(pd, map, `${' '.repeat(keyIndent(pd, map))}${key}: ${value}`);
}

/**
 * Insert an entry into a flow collection right after its last entry (or its opening bracket): a
 * comment before the closing bracket stays after the entries, and stays a comment.
 */
function insertInFlow(pd: ParsedDocument, node: YAMLMap | import('yaml').YAMLSeq, entry: string): TextEdit | undefined {
  if (!node.range) return undefined;
  const items = node.items as unknown[];
  if (items.length === 0) {
    const open = node.range[0];
    if (pd.text[open] !== '[' && pd.text[open] !== '{') return undefined;
    return { range: pd.range(open + 1, open + 1), newText: entry };
  }
  const end = entryEnd(items[items.length - 1]);
  if (end === undefined) return undefined;
  return { range: pd.range(end, end), newText: `, ${entry}` };
}

/** Where a flow collection's entry ends (a pair: its value, else its key). */
function entryEnd(item: unknown): number | undefined {
  if (isPair(item)) {
    const key = item.key as Node | null;
    const value = item.value as Node | null;
    const ends = [key?.range?.[1], value?.range?.[1]].filter((n): n is number => n !== undefined);
    return ends.length > 0 ? Math.max(...ends) : undefined;
  }
  return (item as Node | null)?.range?.[1];
}

/**
 * Append a mapping item (`lines`, each `key: value`) to the sequence at `key` of `map`: after the
 * last item of a block list, after the last item of a flow list, in place of an empty value
 * (keeping a comment), or as a new key — a new top-level section goes where SECTION_ORDER puts it.
 */
export function appendItem(pd: ParsedDocument, map: YAMLMap, key: string, lines: string[]): TextEdit | undefined {
  if (!editableRoot(pd) || lines.length === 0 || !map.range) return undefined;
  const eol = pd.eol();
  const pair = getPair(map, key);
  if (!pair) {
    if (isAliased(pd, map)) return undefined;
    if (map === pd.root) {
      const unit = ' '.repeat(indentUnit(pd));
      return insertSection(pd, key, [`${key}:`, ...lines.map((l, i) => `${unit}${i === 0 ? '- ' : '  '}${l}`)]);
    }
    if (map.flow) return addKey(pd, map, key, `[{${lines.join(', ')}}]`);
    if (map.items.length === 0) return undefined;
    const indent = keyIndent(pd, map);
    return insertLinesAfter(pd, map, `${' '.repeat(indent)}${key}:${eol}${blockItem(lines, indent + indentUnit(pd), eol)}`);
  }
  const keyNode = pair.key as Node;
  const value = pair.value;
  if (!keyNode.range) return undefined;
  if (isSeq(value) && value.range) {
    if (isAliased(pd, value)) return undefined;
    // A flow list gets the item inside its brackets; so does `[]` with a comment between them.
    if (value.flow && (value.items.length > 0 || /[#\r\n]/.test(pd.text.slice(value.range[0], value.range[1])))) {
      return insertInFlow(pd, value, `{${lines.join(', ')}}`);
    }
    if (value.items.length > 0) return insertLinesAfter(pd, value, blockItem(lines, column(pd, value.range[0]), eol));
  }
  // An alias of an empty value is replaced like the empty value (only this place changes).
  const written = isAlias(value) ? (value.resolve(pd.doc) as Node | undefined) ?? value : value;
  if (!isEmptyValue(written)) return undefined;
  if (isAliased(pd, map) || (value && isAliased(pd, value))) return undefined;
  if (map.flow) {
    if (!value?.range) return undefined;
    return { range: pd.nodeRange(value), newText: `[{${lines.join(', ')}}]` };
  }
  // `key:` / `key: ~` / `key: []`, maybe with a comment: keep the comment on the key's line and
  // put the block list on the lines below.
  const colon = afterColon(pd, keyNode);
  if (colon === undefined) return undefined;
  const valueEnd = value && value.range ? Math.max(value.range[1], colon) : colon;
  const lineEnd = lineEndFrom(pd.text, valueEnd);
  const rest = pd.text.slice(valueEnd, lineEnd).trim();
  if (rest !== '' && !rest.startsWith('#')) return undefined;
  const dash = column(pd, keyNode.range[0]) + indentUnit(pd);
  return { range: pd.range(colon, lineEnd), newText: `${rest ? ` ${rest}` : ''}${eol}${blockItem(lines, dash, eol)}` };
}

function blockItem(lines: string[], dash: number, eol: string): string {
  const pad = ' '.repeat(dash);
  return lines.map((l, i) => `${pad}${i === 0 ? '- ' : '  '}${l}`).join(eol);
}

/**
 * Insert a new top-level section (its lines, unindented) before the first existing section that
 * follows it in SECTION_ORDER — above that section's leading comments — or after the last one
 * (before a `...` end marker and the comments after the content), with the same blank-line
 * spacing the file uses between its sections.
 */
export function insertSection(pd: ParsedDocument, key: string, lines: string[]): TextEdit | undefined {
  const root = editableRoot(pd);
  if (pd.root !== null && !root) return undefined;
  if (root && isAliased(pd, root)) return undefined;
  const eol = pd.eol();
  const text = pd.text;
  const block = lines.join(eol) + eol;
  const order = SECTION_ORDER as readonly string[];
  const rank = order.indexOf(key);
  if (root && rank >= 0) {
    for (let i = 0; i < root.items.length; i++) {
      const item = root.items[i];
      const k = isScalar(item.key) ? String(item.key.value) : '';
      const r = order.indexOf(k);
      if (r > rank && (item.key as Node)?.range) {
        const at = pd.lineStart(sectionStartLine(pd, root, i));
        // A blank line above the next section means the file separates sections: keep that.
        const line = pd.positionAt(at).line;
        const spaced = line > 0 && pd.lineText(line - 1).trim() === '';
        return { range: pd.range(at, at), newText: block + (spaced ? eol : '') };
      }
    }
  }
  if (!root || root.items.length === 0) {
    if (pd.root !== null) return undefined;
    // No content at all (an empty file or comments only): the section goes at the end.
    if (/^\.\.\.(\s|$)/m.test(text)) return undefined;
    const prefix = text.length > 0 && !text.endsWith('\n') && !text.endsWith('\r') ? eol : '';
    return { range: pd.range(text.length, text.length), newText: prefix + block };
  }
  const { at, eol: needsBreak } = afterNode(pd, root);
  let prefix = needsBreak ? eol : '';
  const lastLine = sectionStartLine(pd, root, root.items.length - 1);
  // A blank line after a `|+` scalar would become part of its value: no separator there.
  const spaced = lastLine > 0 && pd.lineText(lastLine - 1).trim() === '' && !keepsTrailingLines(pd, lastValue(root));
  if (spaced && !/(\r?\n|\r)[ \t]*(\r?\n|\r)$/.test(text.slice(0, at) + prefix)) prefix += eol;
  return { range: pd.range(at, at), newText: prefix + block };
}

/** The first line of root section `i`: its key's line, or the comment lines right above it. */
function sectionStartLine(pd: ParsedDocument, root: YAMLMap, i: number): number {
  const key = root.items[i].key as Node;
  let line = pd.positionAt(key.range![0]).line;
  // Comment lines above the key belong to it — unless they are part of the section before (the
  // content of a block scalar, for instance), which ends where its range does.
  const previous = i > 0 ? root.items[i - 1] : undefined;
  const floor = previous ? afterNode(pd, (previous.value ?? previous.key) as Node).at : 0;
  while (line > 0 && pd.lineStart(line - 1) >= floor && /^\s*#/.test(pd.lineText(line - 1))) line--;
  return line;
}

/**
 * Add `key:` with a nested block mapping (`lines`, each `k: v`) as the mapping's last entry, or
 * `key: {k: v, …}` inside a flow mapping. Undefined when the key already exists.
 */
export function addMapping(pd: ParsedDocument, map: YAMLMap, key: string, lines: string[]): TextEdit | undefined {
  if (!editableRoot(pd) || getPair(map, key) || !map.range || isAliased(pd, map)) return undefined;
  if (map.flow) return addKey(pd, map, key, `{ ${lines.join(', ')} }`);
  if (map.items.length === 0) return undefined;
  const eol = pd.eol();
  const indent = keyIndent(pd, map);
  const inner = ' '.repeat(indent + indentUnit(pd));
  return insertLinesAfter(pd, map, `${' '.repeat(indent)}${key}:${lines.map((l) => `${eol}${inner}${l}`).join('')}`);
}

/**
 * Append scalar items (YAML text each, e.g. flow-safe ids) to a list: inside the brackets of a flow
 * list, or as `- item` lines after the last item of a block list, at its indentation. Undefined
 * when the list is shared by an alias or the file cannot take an edit.
 */
export function appendScalars(pd: ParsedDocument, seq: import('yaml').YAMLSeq, values: string[]): TextEdit | undefined {
  if (!editableRoot(pd) || values.length === 0 || !seq.range || isAliased(pd, seq)) return undefined;
  if (seq.flow) return insertInFlow(pd, seq, values.join(', '));
  if (seq.items.length === 0) return undefined;
  const pad = ' '.repeat(column(pd, seq.range[0]));
  return insertLinesAfter(pd, seq, values.map((v) => `${pad}- ${v}`).join(pd.eol()));
}
