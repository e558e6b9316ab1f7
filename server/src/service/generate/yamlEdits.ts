// The edits that record a generated document in the partnership file. They build on edits.ts and
// cover the shapes its helpers do not handle safely: an empty value followed by a comment
// (`meetings: # none yet`, `lastSent:`), and a non-empty flow sequence (`meetings: [{…}]`).
import { appendItem, indentUnit, setKey, yamlString } from '../edits';
import { getPair, isMap, isScalar, isSeq, Node, ParsedDocument, YAMLMap } from '../document';
import type { TextEdit } from '../types';

const ID_RE = /^[A-Za-z][A-Za-z0-9_.-]*$/;

/**
 * Whether the file can take an edit at all: it parsed without problems and its root is a block
 * mapping. A file the parser had to guess at is left alone; the generated document is still made.
 */
export function editable(pd: ParsedDocument): YAMLMap | undefined {
  if (pd.syntaxProblems.length > 0) return undefined;
  const root = pd.root;
  return isMap(root) && !root.flow ? root : undefined;
}

/** An id inside a flow sequence: plain when it is a well-formed id that reads back as itself. */
export function flowId(id: string): string {
  const plain = yamlString(id);
  return ID_RE.test(id) && plain === id ? id : JSON.stringify(id);
}

/** A value with no text of its own: `key:`, `key: ~`, `key: null`, or `key: []`. */
function isEmptyValue(v: Node | null): boolean {
  if (v === null) return true;
  if (isScalar(v)) return v.value === null;
  if (isSeq(v)) return v.items.length === 0;
  return false;
}

/** Offset just after the `:` that follows a key (keys may be followed by spaces first). */
function afterColon(pd: ParsedDocument, keyNode: Node): number | undefined {
  let at = keyNode.range![1];
  while (pd.text[at] === ' ' || pd.text[at] === '\t') at++;
  return pd.text[at] === ':' ? at + 1 : undefined;
}

function lineEndFrom(text: string, offset: number): number {
  let at = offset;
  while (at < text.length && text[at] !== '\n' && text[at] !== '\r') at++;
  return at;
}

function columnOf(pd: ParsedDocument, offset: number): number {
  return pd.positionAt(offset).character;
}

/**
 * Append a mapping item (`lines`, `key: value` each) to the sequence at `key` of the root map,
 * creating the section where SECTION_ORDER puts it. Undefined when the value is something that
 * cannot sensibly take an item (a mapping, a non-null scalar, an alias).
 */
export function appendToRootList(pd: ParsedDocument, key: string, lines: string[]): TextEdit | undefined {
  const root = editable(pd);
  if (!root || lines.length === 0) return undefined;
  const pair = getPair(root, key);
  if (!pair) return spaceLikeNeighbours(pd, root, appendItem(pd, root, key, lines));
  const keyNode = pair.key as Node;
  if (!keyNode.range) return undefined;
  const value = pair.value;
  if (isSeq(value) && !value.flow && value.items.length > 0) return appendItem(pd, root, key, lines);
  if (isSeq(value) && value.flow && value.items.length > 0) return appendToFlowSeq(pd, value, lines);
  if (!isEmptyValue(value)) return undefined;

  // `key:` / `key: ~` / `key: []`, possibly with a comment: drop the empty value, keep the
  // comment on the key's line, and put the block sequence on the lines below.
  const colon = afterColon(pd, keyNode);
  if (colon === undefined) return undefined;
  const valueEnd = value && value.range ? Math.max(value.range[1], colon) : colon;
  const lineEnd = lineEndFrom(pd.text, valueEnd);
  const rest = pd.text.slice(valueEnd, lineEnd).trim();
  if (rest !== '' && !rest.startsWith('#')) return undefined;
  const eol = pd.eol();
  const dash = columnOf(pd, keyNode.range[0]) + indentUnit(pd);
  const pad = ' '.repeat(dash);
  const block = lines.map((l, i) => `${pad}${i === 0 ? '- ' : '  '}${l}`).join(eol);
  return { range: pd.range(colon, lineEnd), newText: `${rest ? ` ${rest}` : ''}${eol}${block}` };
}

/**
 * A new top-level section goes in with the same spacing as the file's other sections: when they
 * are separated by blank lines, the new one is too (insertSection itself adds no blank line).
 */
function spaceLikeNeighbours(pd: ParsedDocument, root: YAMLMap, edit: TextEdit): TextEdit {
  const eol = pd.eol();
  const at = pd.offsetAt(edit.range.start);
  const text = pd.text;
  if (at < text.length) {
    // Inserted before a later section: blank line above it means one is wanted below the new one too.
    return text.slice(0, at).endsWith(eol + eol) ? { ...edit, newText: edit.newText + eol } : edit;
  }
  // Appended at the end: follow the spacing above the last top-level key.
  const last = root.items[root.items.length - 1]?.key as Node | undefined;
  if (!last?.range) return edit;
  let line = pd.positionAt(last.range[0]).line;
  while (line > 0 && /^\s*#/.test(pd.lineText(line - 1))) line--;
  const blankAbove = line > 0 && pd.lineText(line - 1).trim() === '';
  return blankAbove && !text.endsWith(eol + eol) ? { ...edit, newText: eol + edit.newText } : edit;
}

/** `[{…}, {…}]` → `[{…}, {…}, {new}]`, inserting before the closing bracket. */
function appendToFlowSeq(pd: ParsedDocument, seq: Node, lines: string[]): TextEdit | undefined {
  const r = seq.range;
  if (!r) return undefined;
  let close = r[1] - 1;
  while (close > r[0] && pd.text[close] !== ']') close--;
  if (pd.text[close] !== ']') return undefined;
  let before = close - 1;
  while (before > r[0] && /\s/.test(pd.text[before])) before--;
  const sep = pd.text[before] === ',' || pd.text[before] === '[' ? ' ' : ', ';
  return { range: pd.range(before + 1, before + 1), newText: `${sep}{${lines.join(', ')}}` };
}

/**
 * Set a scalar `key` of a mapping to `value` (already YAML text): replace an existing scalar,
 * fill an empty one (`key:` or `key: # comment`, keeping the comment), or add the key. Leaves a
 * collection value alone (undefined).
 */
export function setScalar(pd: ParsedDocument, map: YAMLMap, key: string, value: string): TextEdit | undefined {
  if (!editable(pd)) return undefined;
  const pair = getPair(map, key);
  if (!pair) return setKey(pd, map, key, value);
  const v = pair.value;
  if (v !== null && !isScalar(v)) return undefined;
  // A block scalar's range runs into the following lines; rewriting it is not worth the risk.
  if (v && (v.type === 'BLOCK_LITERAL' || v.type === 'BLOCK_FOLDED')) return undefined;
  if (v && v.range && v.range[1] > v.range[0]) return { range: pd.nodeRange(v), newText: value };
  const keyNode = pair.key as Node;
  if (!keyNode.range) return undefined;
  const colon = afterColon(pd, keyNode);
  if (colon === undefined) return undefined;
  // An empty value (`key:` or `key:   # comment`): write it right after the colon, keeping the
  // comment separated by a space.
  let at = colon;
  while (pd.text[at] === ' ' || pd.text[at] === '\t') at++;
  return { range: pd.range(colon, at), newText: pd.text[at] === '#' ? ` ${value} ` : ` ${value}` };
}
