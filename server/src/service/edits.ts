// Text edits that change a partnership file the way a person would: only the lines that must
// change, with the file's own indentation, line breaks, spacing and comments kept. Every helper
// returns undefined for a shape it cannot edit safely (the caller then offers no edit), rather
// than an edit that would corrupt the file.
import { getPair, isMap, isScalar, isSeq, Node, ParsedDocument, YAMLMap } from './document';
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

/** End offset of the last line a node occupies (before its line break). */
function endOfNodeLine(pd: ParsedDocument, node: Node): number {
  let end = node.range ? node.range[1] : pd.text.length;
  while (end > 0 && (pd.text[end - 1] === '\n' || pd.text[end - 1] === '\r')) end--;
  return lineEndFrom(pd.text, end);
}

function lineEndFrom(text: string, offset: number): number {
  let at = offset;
  while (at < text.length && text[at] !== '\n' && text[at] !== '\r') at++;
  return at;
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

/**
 * Set a scalar `key` of a mapping to `value` (YAML text): replace an existing scalar, fill an
 * empty one (`key:` or `key: # comment`, keeping the comment), or add the key after the mapping's
 * last entry (inside the braces of a flow mapping). A collection or block-scalar value is left alone.
 */
export function setScalar(pd: ParsedDocument, map: YAMLMap, key: string, value: string): TextEdit | undefined {
  if (!editableRoot(pd)) return undefined;
  const pair = getPair(map, key);
  if (!pair) return addKey(pd, map, key, value);
  const v = pair.value;
  if (v !== null && !isScalar(v)) return undefined;
  if (v && (v.type === 'BLOCK_LITERAL' || v.type === 'BLOCK_FOLDED')) return undefined;
  if (v && v.range && v.range[1] > v.range[0]) return { range: pd.nodeRange(v), newText: value };
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
  if (!map.range) return undefined;
  if (map.flow) {
    const close = closingBracket(pd, map, '}');
    if (close === undefined) return undefined;
    const sep = map.items.length === 0 ? '' : ', ';
    const at = lastNonSpaceBefore(pd, close, map.range[0]) + 1;
    return { range: pd.range(at, at), newText: `${sep}${key}: ${value}` };
  }
  if (map.items.length === 0) return undefined;
  const at = endOfNodeLine(pd, map);
  return { range: pd.range(at, at), newText: `${pd.eol()}${' '.repeat(keyIndent(pd, map))}${key}: ${value}` };
}

function closingBracket(pd: ParsedDocument, node: Node, bracket: string): number | undefined {
  const r = node.range!;
  let close = r[1] - 1;
  while (close > r[0] && pd.text[close] !== bracket) close--;
  return pd.text[close] === bracket ? close : undefined;
}

function lastNonSpaceBefore(pd: ParsedDocument, offset: number, floor: number): number {
  let at = offset - 1;
  while (at > floor && /\s/.test(pd.text[at])) at--;
  return at;
}

/**
 * Append a mapping item (`lines`, each `key: value`) to the sequence at `key` of `map`: after the
 * last item of a block list, before the `]` of a flow list, in place of an empty value (keeping a
 * comment), or as a new key — a new top-level section goes where SECTION_ORDER puts it.
 */
export function appendItem(pd: ParsedDocument, map: YAMLMap, key: string, lines: string[]): TextEdit | undefined {
  if (!editableRoot(pd) || lines.length === 0 || !map.range) return undefined;
  const eol = pd.eol();
  const pair = getPair(map, key);
  if (!pair) {
    if (map === pd.root) {
      const unit = ' '.repeat(indentUnit(pd));
      return insertSection(pd, key, [`${key}:`, ...lines.map((l, i) => `${unit}${i === 0 ? '- ' : '  '}${l}`)]);
    }
    if (map.flow) return addKey(pd, map, key, `[{${lines.join(', ')}}]`);
    const indent = keyIndent(pd, map);
    const block = blockItem(lines, indent + indentUnit(pd), eol);
    const at = endOfNodeLine(pd, map);
    return { range: pd.range(at, at), newText: `${eol}${' '.repeat(indent)}${key}:${eol}${block}` };
  }
  const keyNode = pair.key as Node;
  const value = pair.value;
  if (!keyNode.range) return undefined;
  if (isSeq(value) && value.items.length > 0 && value.range) {
    if (value.flow) {
      const close = closingBracket(pd, value, ']');
      if (close === undefined) return undefined;
      const before = lastNonSpaceBefore(pd, close, value.range[0]);
      const sep = pd.text[before] === ',' || pd.text[before] === '[' ? ' ' : ', ';
      return { range: pd.range(before + 1, before + 1), newText: `${sep}{${lines.join(', ')}}` };
    }
    const dash = column(pd, value.range[0]);
    const at = endOfNodeLine(pd, value);
    return { range: pd.range(at, at), newText: eol + blockItem(lines, dash, eol) };
  }
  if (!isEmptyValue(value)) return undefined;
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
 * follows it in SECTION_ORDER — above that section's leading comments — or at the end, with the
 * same blank-line spacing the file uses between its sections.
 */
export function insertSection(pd: ParsedDocument, key: string, lines: string[]): TextEdit | undefined {
  const root = editableRoot(pd);
  if (pd.root !== null && !root) return undefined;
  const eol = pd.eol();
  const text = pd.text;
  const block = lines.join(eol) + eol;
  const order = SECTION_ORDER as readonly string[];
  const rank = order.indexOf(key);
  if (root && rank >= 0) {
    for (const item of root.items) {
      const k = isScalar(item.key) ? String(item.key.value) : '';
      const r = order.indexOf(k);
      if (r > rank && (item.key as Node)?.range) {
        let line = pd.positionAt((item.key as Node).range![0]).line;
        while (line > 0 && /^\s*#/.test(pd.lineText(line - 1))) line--;
        const at = pd.lineStart(line);
        // A blank line above the next section means the file separates sections: keep that.
        const spaced = line > 0 && pd.lineText(line - 1).trim() === '';
        return { range: pd.range(at, at), newText: block + (spaced ? eol : '') };
      }
    }
  }
  let prefix = text.length > 0 && !text.endsWith('\n') && !text.endsWith('\r') ? eol : '';
  const last = root?.items[root.items.length - 1]?.key as Node | undefined;
  if (last?.range) {
    let line = pd.positionAt(last.range[0]).line;
    while (line > 0 && /^\s*#/.test(pd.lineText(line - 1))) line--;
    const spaced = line > 0 && pd.lineText(line - 1).trim() === '';
    if (spaced && !text.endsWith(eol + eol)) prefix += eol;
  }
  return { range: pd.range(text.length, text.length), newText: prefix + block };
}

/**
 * Add `key:` with a nested block mapping (`lines`, each `k: v`) as the mapping's last entry, or
 * `key: {k: v, …}` inside a flow mapping. Undefined when the key already exists.
 */
export function addMapping(pd: ParsedDocument, map: YAMLMap, key: string, lines: string[]): TextEdit | undefined {
  if (!editableRoot(pd) || getPair(map, key) || !map.range) return undefined;
  if (map.flow) return addKey(pd, map, key, `{ ${lines.join(', ')} }`);
  if (map.items.length === 0) return undefined;
  const eol = pd.eol();
  const indent = keyIndent(pd, map);
  const inner = ' '.repeat(indent + indentUnit(pd));
  const at = endOfNodeLine(pd, map);
  return { range: pd.range(at, at), newText: `${eol}${' '.repeat(indent)}${key}:${lines.map((l) => `${eol}${inner}${l}`).join('')}` };
}
