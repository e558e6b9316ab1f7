// Text edits that change a partnership file the way a person would: only the lines that must
// change, with the file's own indentation, line breaks and comments kept.
import { isMap, isScalar, isSeq, Node, ParsedDocument, YAMLMap, YAMLSeq } from './document';
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
const LOOKS_LIKE_OTHER_TYPE = /^(true|false|yes|no|on|off|null|~|[-+]?[0-9.]+(e[-+]?\d+)?)$/i;

/** A YAML scalar for a string: plain when that reads back as the same string, else double-quoted. */
export function yamlString(value: string): string {
  if (PLAIN_SAFE.test(value) && !LOOKS_LIKE_OTHER_TYPE.test(value) && !value.endsWith(' ') && !/ #|: /.test(value)) {
    return value;
  }
  return JSON.stringify(value);
}

/** Replace a scalar's text, keeping the surrounding line untouched. */
export function replaceNode(pd: ParsedDocument, node: Node, newText: string): TextEdit {
  return { range: pd.nodeRange(node), newText };
}

/** End offset of the last line a node occupies (before its line break). */
function endOfNodeLine(pd: ParsedDocument, node: Node): number {
  let end = node.range ? node.range[1] : pd.text.length;
  while (end > 0 && (pd.text[end - 1] === '\n' || pd.text[end - 1] === '\r')) end--;
  const nl = pd.text.indexOf('\n', end);
  if (nl === -1) return pd.text.length;
  return pd.text[nl - 1] === '\r' ? nl - 1 : nl;
}

function column(pd: ParsedDocument, offset: number): number {
  return pd.positionAt(offset).character;
}

function spaces(n: number): string {
  return ' '.repeat(n);
}

/** The indentation unit the file uses (2 unless its nested keys say otherwise). */
export function indentUnit(pd: ParsedDocument): number {
  const root = pd.root;
  if (isMap(root)) {
    for (const item of root.items) {
      const v = item.value as Node | null;
      if (isMap(v) && !v.flow && v.items.length > 0 && v.range) {
        const col = column(pd, v.range[0]) - column(pd, (item.key as Node).range![0]);
        if (col > 0) return col;
      }
    }
  }
  return 2;
}

/**
 * Set `key: value` in a mapping: replace the value when the key exists, else add a line after
 * the mapping's last entry at its indentation. `valueLines` beyond the first are nested block
 * lines, written relative to the key's indentation.
 */
export function setKey(pd: ParsedDocument, map: YAMLMap, key: string, value: string): TextEdit {
  const eol = pd.eol();
  for (const item of map.items) {
    if (isScalar(item.key) && String(item.key.value) === key) {
      const v = item.value as Node | null;
      if (v && v.range) return replaceNode(pd, v, value);
      const keyEnd = (item.key as Node).range![1];
      const at = pd.text[keyEnd] === ':' ? keyEnd + 1 : keyEnd;
      return { range: pd.range(at, at), newText: `${at === keyEnd ? ':' : ''} ${value}` };
    }
  }
  if (map.flow || map.items.length === 0) {
    // `{}` or `{a: 1}`: add inside the braces.
    const close = map.range ? map.range[1] - 1 : 0;
    const sep = map.items.length === 0 ? '' : ', ';
    return { range: pd.range(close, close), newText: `${sep}${key}: ${value}` };
  }
  const first = map.items[0].key as Node;
  const indent = column(pd, first.range![0]);
  const at = endOfNodeLine(pd, map);
  return { range: pd.range(at, at), newText: `${eol}${spaces(indent)}${key}: ${value}` };
}

/**
 * Append an item to the block sequence at `key` of `map` (creating the key when absent).
 * `itemLines` are the item's lines without indentation: the first gets "- ", the rest align under it.
 */
export function appendItem(pd: ParsedDocument, map: YAMLMap, key: string, itemLines: string[]): TextEdit {
  const eol = pd.eol();
  const pair = map.items.find((p) => isScalar(p.key) && String(p.key.value) === key);
  const seq = pair?.value as Node | null | undefined;
  if (pair && isSeq(seq) && !seq.flow && seq.items.length > 0 && seq.range) {
    const dash = column(pd, seq.range[0]);
    const at = endOfNodeLine(pd, seq);
    return { range: pd.range(at, at), newText: eol + blockItem(itemLines, dash, eol) };
  }
  const keyNode = pair?.key as Node | undefined;
  const keyIndent = keyNode ? column(pd, keyNode.range![0]) : mapIndent(pd, map);
  const dash = keyIndent + indentUnit(pd);
  if (pair) {
    // `key:`, `key: []` or `key: ~`: replace whatever follows the key with a block sequence.
    const keyEnd = keyNode!.range![1];
    const valueEnd = seq && seq.range ? seq.range[1] : keyEnd + (pd.text[keyEnd] === ':' ? 1 : 0);
    return { range: pd.range(keyEnd, valueEnd), newText: `:${eol}${blockItem(itemLines, dash, eol)}` };
  }
  if (map === pd.root) return insertSection(pd, key, [`${key}:`, ...indentLines(blockItemLines(itemLines), indentUnit(pd))]);
  const at = endOfNodeLine(pd, map);
  return { range: pd.range(at, at), newText: `${eol}${spaces(keyIndent)}${key}:${eol}${blockItem(itemLines, dash, eol)}` };
}

function mapIndent(pd: ParsedDocument, map: YAMLMap): number {
  const first = map.items[0]?.key as Node | undefined;
  return first?.range ? column(pd, first.range[0]) : 0;
}

function blockItemLines(itemLines: string[]): string[] {
  return itemLines.map((l, i) => (i === 0 ? `- ${l}` : `  ${l}`));
}

function indentLines(lines: string[], n: number): string[] {
  return lines.map((l) => spaces(n) + l);
}

function blockItem(itemLines: string[], dash: number, eol: string): string {
  return indentLines(blockItemLines(itemLines), dash).join(eol);
}

/**
 * Insert a new top-level section (its lines, unindented) before the first existing section that
 * follows it in SECTION_ORDER — above that section's leading comments — or at the end.
 */
export function insertSection(pd: ParsedDocument, key: string, lines: string[]): TextEdit {
  const eol = pd.eol();
  const root = pd.root;
  const block = lines.join(eol) + eol;
  const order = SECTION_ORDER as readonly string[];
  const rank = order.indexOf(key);
  if (isMap(root) && !root.flow && rank >= 0) {
    for (const item of root.items) {
      const k = isScalar(item.key) ? String(item.key.value) : '';
      const r = order.indexOf(k);
      if (r > rank && item.key && (item.key as Node).range) {
        let line = pd.positionAt((item.key as Node).range![0]).line;
        while (line > 0 && /^\s*#/.test(pd.lineText(line - 1))) line--;
        const at = pd.lineStart(line);
        return { range: pd.range(at, at), newText: block };
      }
    }
  }
  const text = pd.text;
  const needsBreak = text.length > 0 && !text.endsWith('\n');
  return { range: pd.range(text.length, text.length), newText: (needsBreak ? eol : '') + block };
}

export type { YAMLSeq };
