// Reading the parsed tree: accessors over yaml's nodes (a pair by key, a node by JSON path) that
// the schema mapping, rules, fixes and the outline share. The parser itself is in parse/parser.ts;
// its ParsedDocument and limits are re-exported here so readers import one module.
import { isAlias, isMap, isPair, isScalar, isSeq, Node, Pair, Scalar, YAMLMap, YAMLSeq } from 'yaml';

export { ParsedDocument, MAX_ALIAS_COUNT, MAX_DIAGNOSTICS, MAX_TEXT_LENGTH, MAX_VALUES, countValues, tooLargeMessage } from './parse/parser';
export type { SyntaxProblem } from './parse/parser';

/** Mappings larger than this get an index of their keys (built once): lookups in them stay constant. */
const INDEXED_MAP_SIZE = 16;
const pairIndex = new WeakMap<YAMLMap, Map<string, Pair<Node, Node | null>>>();

/** The first pair whose key is the scalar `key`. */
export function getPair(map: YAMLMap, key: string): Pair<Node, Node | null> | undefined {
  const items = map.items as Pair<Node, Node | null>[];
  if (items.length > INDEXED_MAP_SIZE) {
    // A mapping with thousands of (unknown) keys is looked up once per schema error and rule.
    let index = pairIndex.get(map);
    if (!index) {
      index = new Map();
      for (const item of items) if (isScalar(item.key) && !index.has(String(item.key.value))) index.set(String(item.key.value), item);
      pairIndex.set(map, index);
    }
    return index.get(key);
  }
  for (let i = 0; i < items.length; i++) {
    const k = items[i].key;
    if (!isScalar(k)) continue;
    const v = k.value;
    // Keys are nearly always strings: compare those without String().
    if (v === key || (typeof v !== 'string' && String(v) === key)) return items[i];
  }
  return undefined;
}

export function keyName(pair: Pair): string | undefined {
  return isScalar(pair.key) ? String(pair.key.value) : undefined;
}

/** A child node addressed by a JSON path (object keys and array indices). */
export interface Located {
  node: Node | null;
  /** The pair that holds `node` as its value, when the parent is a mapping. */
  pair?: Pair<Node, Node | null>;
}

export function locate(root: Node | null, path: readonly (string | number)[]): Located | undefined {
  let current: Located = { node: root };
  for (const segment of path) {
    const node = current.node;
    if (isMap(node)) {
      const pair = getPair(node, String(segment));
      if (!pair) return undefined;
      current = { node: pair.value, pair };
    } else if (isSeq(node)) {
      const index = Number(segment);
      const item = node.items[index] as Node | undefined;
      if (item === undefined) return undefined;
      current = { node: item };
    } else {
      return undefined;
    }
  }
  return current;
}

export { isMap, isSeq, isScalar, isPair, isAlias };
export type { Node, Pair, Scalar, YAMLMap, YAMLSeq };
