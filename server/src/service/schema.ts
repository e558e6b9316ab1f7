// Validation against schemas/partnership.schema.json. The validator is generated at build time
// (server/src/build/schemaValidator.ts): no schema is compiled and no code is generated at run time.
// Each Ajv error becomes one diagnostic on the narrowest range, with "did you mean" where it helps.
import type { ErrorObject } from 'ajv';
import schemaJson from '../../../schemas/partnership.schema.json';
import { getPair, isMap, isScalar, locate, MAX_DIAGNOSTICS, Node, Pair, ParsedDocument, YAMLMap } from './document';
import { replaceScalar, yamlString } from './edits';
import { dayProblem, MAX_YEAR, MIN_YEAR } from './dates';
import { validatePartnership } from './schemaValidator.generated';
import { closest, didYouMean } from './suggest';
import type { Fix, Range } from './types';

export const PARTNERSHIP_SCHEMA: unknown = schemaJson;

export interface SchemaProblem {
  range: Range;
  message: string;
  fixes: Fix[];
  /** An unknown key that is a misspelling of `key` in `map`. */
  typo?: { map: YAMLMap; key: string };
}

const SINGULAR: Record<string, string> = {
  goals: 'goal',
  people: 'person',
  commitments: 'commitment',
  concerns: 'concern',
  risks: 'risk',
  meetings: 'meeting',
  milestones: 'milestone',
  history: 'history entry',
  audience: 'audience',
  escalation: 'escalation',
  attendees: 'attendees',
};

function segments(instancePath: string): string[] {
  if (instancePath === '') return [];
  return instancePath
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** "commitment C-12", "person", "statusReport", "the file" — what a path's object is called. */
function describeObject(pd: ParsedDocument, path: string[]): string {
  if (path.length === 0) return 'the top level';
  const last = path[path.length - 1];
  if (/^\d+$/.test(last)) {
    const owner = path[path.length - 2];
    const noun = SINGULAR[owner] ?? 'item';
    const node = locate(pd.root, path)?.node;
    if (isMap(node)) {
      const id = getPair(node, 'id')?.value;
      if (isScalar(id) && typeof id.value === 'string') return `${noun} ${id.value}`;
    }
    return noun;
  }
  return `'${last}'`;
}

function keyOf(path: string[]): string {
  for (let i = path.length - 1; i >= 0; i--) if (!/^\d+$/.test(path[i])) return path[i];
  return 'value';
}

function typeName(value: unknown): string {
  if (value === null) return 'nothing (null)';
  if (value instanceof Date) return 'a timestamp (write the date as plain text, without a !!timestamp tag)';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `the text '${value}'`;
  return `${typeof value === 'number' ? 'the number' : 'the value'} ${String(value)}`;
}

/** A value as message text. Never throws: a mapping may have a key named toString or valueOf. */
function shown(value: unknown): string {
  return value !== null && typeof value === 'object' ? typeName(value) : String(value);
}

const TYPE_WORDS: Record<string, string> = {
  string: 'text',
  number: 'a number',
  integer: 'a whole number',
  boolean: 'true or false',
  object: 'a mapping of keys',
  array: 'a list',
};

function expectedType(type: unknown): string {
  const list = Array.isArray(type) ? type : [type];
  return list.map((t) => TYPE_WORDS[String(t)] ?? String(t)).join(' or ');
}

/** The range of the key holding `path`'s value, or of the node itself when it has no key. */
function holderKeyRange(pd: ParsedDocument, path: string[]): Range {
  const located = locate(pd.root, path);
  if (located?.pair) return pd.nodeRange(located.pair.key as Node);
  const node = located?.node;
  if (isMap(node) && node.items.length > 0) return pd.nodeRange(node.items[0].key as Node);
  if (node) return pd.nodeRange(node);
  return pd.range(0, 0);
}

function valueRange(pd: ParsedDocument, path: string[]): Range {
  const located = locate(pd.root, path);
  if (located?.node && located.node.range) return pd.nodeRange(located.node);
  if (located?.pair) return pd.nodeRange(located.pair.key as Node);
  return holderKeyRange(pd, path.slice(0, -1));
}

const keyIndex = new WeakMap<YAMLMap, Map<string, Node>>();

/** Each scalar key of a mapping (its last occurrence), indexed once: a mapping may have thousands of unknown keys. */
function lastKeys(map: YAMLMap): Map<string, Node> {
  let index = keyIndex.get(map);
  if (!index) {
    index = new Map();
    for (const item of map.items as Pair<Node, Node | null>[]) if (isScalar(item.key)) index.set(String(item.key.value), item.key);
    keyIndex.set(map, index);
  }
  return index;
}

function mapError(pd: ParsedDocument, e: ErrorObject): SchemaProblem | undefined {
  const path = segments(e.instancePath);
  const key = keyOf(path);
  const parent = e.parentSchema as Record<string, unknown> | undefined;
  switch (e.keyword) {
    case 'additionalProperties': {
      const unknown = String((e.params as { additionalProperty: string }).additionalProperty);
      const located = locate(pd.root, path);
      const map = located?.node;
      const keyNode = isMap(map) ? lastKeys(map).get(unknown) : undefined;
      const allowed = Object.keys((parent?.properties as object) ?? {});
      const suggestion = closest(unknown, allowed);
      const range = keyNode ? pd.nodeRange(keyNode) : valueRange(pd, path);
      if (unknown === '<<') {
        return { range, message: "Merge keys ('<<') are not part of the partnership format: write the keys out in full", fixes: [] };
      }
      const rename = suggestion && keyNode ? replaceScalar(pd, keyNode, yamlString(suggestion)) : undefined;
      const fixes: Fix[] = suggestion && rename ? [{ title: `Rename '${unknown}' to '${suggestion}'`, kind: 'quickfix', isPreferred: true, edits: [rename] }] : [];
      const known = suggestion ? '' : `; expected one of: ${allowed.join(', ')}`;
      const typo = suggestion && isMap(map) ? { map, key: suggestion } : undefined;
      return { range, message: `Unknown key '${unknown}' in ${describeObject(pd, path)}${didYouMean(suggestion)}${known}`, fixes, typo };
    }
    case 'required': {
      const missing = (e.params as { missingProperty: string }).missingProperty;
      const where = path.length === 0 ? 'the file' : describeObject(pd, path);
      return { range: holderKeyRange(pd, path), message: `Missing required key '${missing}' in ${where}`, fixes: [] };
    }
    case 'enum': {
      const allowed = ((e.params as { allowedValues: unknown[] }).allowedValues ?? []).map(String);
      const actual = e.data;
      const suggestion = typeof actual === 'string' ? closest(actual, allowed) : undefined;
      const range = valueRange(pd, path);
      const change = suggestion ? replaceScalar(pd, locate(pd.root, path)?.node, yamlString(suggestion)) : undefined;
      const fixes: Fix[] = suggestion && change ? [{ title: `Change '${shown(actual)}' to '${suggestion}'`, kind: 'quickfix', isPreferred: true, edits: [change] }] : [];
      return {
        range,
        message: `'${shown(actual)}' is not a valid ${key}${didYouMean(suggestion)}; expected one of: ${allowed.join(', ')}`,
        fixes,
      };
    }
    case 'const': {
      if (key === 'version') {
        return { range: valueRange(pd, path), message: e.data !== null && typeof e.data === 'object' ? `'version' must be 1, not ${typeName(e.data)}` : `Unsupported format version ${String(e.data)}: this tool reads version 1`, fixes: [] };
      }
      return { range: valueRange(pd, path), message: `'${key}' must be ${JSON.stringify((e.params as { allowedValue: unknown }).allowedValue)}`, fixes: [] };
    }
    case 'type': {
      // A list item is named by its place in the list, not by the list's key.
      const last = path[path.length - 1];
      const subject = last !== undefined && /^\d+$/.test(last) ? `Item ${Number(last) + 1} of '${key}'` : `'${key}'`;
      return {
        range: valueRange(pd, path),
        message: `${subject} must be ${expectedType((e.params as { type: unknown }).type)}, not ${typeName(e.data)}`,
        fixes: [],
      };
    }
    case 'format': {
      const text = shown(e.data);
      const problem = dayProblem(text);
      return {
        range: valueRange(pd, path),
        message:
          problem === 'year'
            ? `'${text}' is outside the years ${MIN_YEAR}–${MAX_YEAR} ('${key}' must be a date YYYY-MM-DD with a four-digit year from ${MIN_YEAR})`
            : problem === 'calendar'
              ? `'${text}' is not a real calendar date ('${key}' must be a date YYYY-MM-DD)`
              : `'${text}' is not a date: '${key}' must be written YYYY-MM-DD`,
        fixes: [],
      };
    }
    case 'pattern':
      return {
        range: valueRange(pd, path),
        message: `'${shown(e.data)}' is not a valid id for '${key}': an id starts with a letter A–Z or a–z and has only those letters, digits 0–9, '_', '.' and '-'`,
        fixes: [],
      };
    case 'minLength':
      return { range: valueRange(pd, path), message: `'${key}' must not be empty`, fixes: [] };
    case 'minimum':
    case 'maximum': {
      const min = parent?.minimum;
      const max = parent?.maximum;
      const bounds = min !== undefined && max !== undefined ? `between ${min} and ${max}` : e.keyword === 'minimum' ? `at least ${min}` : `at most ${max}`;
      return { range: valueRange(pd, path), message: `'${key}' must be ${bounds}, not ${shown(e.data)}`, fixes: [] };
    }
    default:
      return { range: valueRange(pd, path), message: `'${key}' ${e.message ?? 'is invalid'}`, fixes: [] };
  }
}

/** Schema problems for a parsed document whose YAML is valid. */
export function validateSchema(pd: ParsedDocument): SchemaProblem[] {
  if (pd.root === null || (isScalar(pd.root) && (pd.root.value === null || pd.root.value === ''))) {
    return [
      {
        range: pd.range(0, 0),
        message: "The file is empty: a partnership file starts with 'version: 1' and a 'partnership' section",
        fixes: [],
      },
    ];
  }
  if (!isMap(pd.root)) {
    return [
      {
        range: pd.nodeRange(pd.root),
        message: `The top level must be a mapping of keys (version, partnership, people, …), not ${typeName(pd.value)}`,
        fixes: [],
      },
    ];
  }
  if (validatePartnership(pd.value)) return [];
  const problems = mapErrors(pd, validatePartnership.errors ?? []);
  // The generated validator keeps its last errors on itself: let them go (one per list item on a large file).
  validatePartnership.errors = null;
  return problems;
}

const KEY_KEYWORDS = new Set(['required', 'additionalProperties']);

/**
 * One problem, one diagnostic: a value gets at most one error (its type error first: `"1"` is not
 * also "not version 1"); a required key that is present under a misspelling (`duee` for `due`)
 * or may come from a merge key (`<<`) is reported once, as the unknown key.
 */
function mapErrors(pd: ParsedDocument, errors: ErrorObject[]): SchemaProblem[] {
  const typed = new Set(errors.filter((e) => e.keyword === 'type').map((e) => e.instancePath));
  const valueSeen = new Set<string>();
  const misspelt = new Set<string>();
  for (const e of errors) {
    if (e.keyword !== 'additionalProperties') continue;
    const unknown = String((e.params as { additionalProperty: string }).additionalProperty);
    const allowed = Object.keys(((e.parentSchema as Record<string, unknown> | undefined)?.properties as object) ?? {});
    const suggestion = closest(unknown, allowed);
    if (suggestion) misspelt.add(`${e.instancePath}\u0000${suggestion}`);
    if (unknown === '<<') misspelt.add(`${e.instancePath}\u0000<<`);
  }
  const problems: SchemaProblem[] = [];
  for (const e of errors) {
    if (e.keyword === 'required') {
      const missing = (e.params as { missingProperty: string }).missingProperty;
      if (misspelt.has(`${e.instancePath}\u0000${missing}`) || misspelt.has(`${e.instancePath}\u0000<<`)) continue;
    } else if (!KEY_KEYWORDS.has(e.keyword)) {
      if (typed.has(e.instancePath) && e.keyword !== 'type') continue;
      if (valueSeen.has(e.instancePath)) continue;
      valueSeen.add(e.instancePath);
    }
    const p = mapError(pd, e);
    if (p) problems.push(p);
    if (problems.length >= MAX_DIAGNOSTICS) break;
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------
// The schema, navigated by path: completion and hover read documentation and enums from it.

/** A schema node with its `$ref` resolved: the referring node's own keys win over the definition's. */
export interface SchemaNode {
  /** The definition the node refers to: 'date', 'personRef', 'id', 'cadence', 'level'. */
  ref?: string;
  type?: string | string[];
  description?: string;
  markdownDescription?: string;
  enum?: unknown[];
  enumDescriptions?: string[];
  markdownEnumDescriptions?: string[];
  const?: unknown;
  required?: string[];
  properties?: Record<string, SchemaNode>;
  items?: SchemaNode;
  defaultSnippets?: { label: string; description?: string; body: unknown }[];
}

export type JsonPath = readonly (string | number)[];

const ROOT_SCHEMA = PARTNERSHIP_SCHEMA as SchemaNode & { definitions: Record<string, SchemaNode> };

export function resolveSchema(node: SchemaNode | undefined): SchemaNode | undefined {
  if (!node) return undefined;
  const ref = (node as { $ref?: string }).$ref;
  if (!ref) return node;
  const name = ref.replace(/^#\/definitions\//, '');
  const { $ref: _ignored, ...own } = node as SchemaNode & { $ref?: string };
  return { ...ROOT_SCHEMA.definitions[name], ...own, ref: name };
}

/** The schema of the value at `path` (object keys and array indices), if the schema defines one. */
export function schemaAt(path: JsonPath): SchemaNode | undefined {
  let s = resolveSchema(ROOT_SCHEMA);
  for (const segment of path) {
    if (!s) return undefined;
    s = typeof segment === 'number' ? resolveSchema(s.items) : resolveSchema(s.properties?.[segment]);
  }
  return s;
}

export function documentationOf(s: SchemaNode | undefined): string | undefined {
  return s?.markdownDescription ?? s?.description;
}

/** The documentation of one enum value, Markdown preferred. */
export function enumDocumentation(s: SchemaNode, value: unknown): string | undefined {
  const i = (s.enum ?? []).indexOf(value);
  if (i < 0) return undefined;
  return s.markdownEnumDescriptions?.[i] ?? s.enumDescriptions?.[i];
}

export function isPersonRef(s: SchemaNode | undefined): boolean {
  return s?.ref === 'personRef';
}
