// The differential check of the fast parse path (server/src/service/fastParse.ts): for generated
// and mutated YAML texts, whenever the fast path gives a tree, it must be the tree parseDocument
// gives — every property of every node, the document's range and comments — and parseDocument
// must have found no problem. Used by the test suite (a fixed number of seeded cases) and by
// `node out/bench/verifyFastParse.js` (as many as asked).
import { Document, isMap, isPair, isScalar, isSeq, parseDocument } from 'yaml';
import { rng } from '../../bench/generate';
import { fastParseOrThrow, fastPlainValue, sameClass } from '../../server/src/service/parse/fastParse';

export const OPTIONS = { uniqueKeys: false, resolveKnownTags: false, prettyErrors: false, keepSourceTokens: false } as const;

/** The first difference between two values of yaml's node tree, as a path, or undefined. */
export function difference(a: unknown, b: unknown, path = '$'): string | undefined {
  if (a === b) return undefined;
  if (typeof a === 'number' && typeof b === 'number' && Number.isNaN(a) && Number.isNaN(b)) return undefined;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return `${path}: ${show(a)} ≠ ${show(b)}`;
  if (!sameClass(a, b)) return `${path}: different classes`;
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  const keys = new Set([...Object.keys(ra), ...Object.keys(rb)]);
  for (const key of keys) {
    if (!(key in ra) || !(key in rb) || (ra[key] === undefined) !== (rb[key] === undefined)) {
      return `${path}.${key}: ${key in ra ? show(ra[key]) : 'absent'} ≠ ${key in rb ? show(rb[key]) : 'absent'}`;
    }
    const d = difference(ra[key], rb[key], `${path}.${key}`);
    if (d) return d;
  }
  return undefined;
}

function show(v: unknown): string {
  return typeof v === 'string' ? JSON.stringify(v) : Array.isArray(v) ? `[${v.join(',')}]` : String(v);
}

export type Outcome = { kind: 'declined' } | { kind: 'same' } | { kind: 'different'; detail: string };

/** Compares the fast path with parseDocument on one text. */
export function compare(text: string): Outcome {
  const fast = fastParseOrThrow(text, OPTIONS);
  if (!fast) return { kind: 'declined' };
  const full = parseDocument(text, OPTIONS);
  if (full.errors.length > 0 || full.warnings.length > 0) {
    return { kind: 'different', detail: `parseDocument found ${[...full.errors, ...full.warnings].map((e) => e.code).join(', ')}; the fast path read it` };
  }
  const d = documentDifference(fast, full);
  return d ? { kind: 'different', detail: d } : { kind: 'same' };
}

function documentDifference(fast: Document.Parsed, full: Document.Parsed): string | undefined {
  const checks: [string, unknown, unknown][] = [
    ['range', fast.range, full.range],
    ['commentBefore', fast.commentBefore, full.commentBefore],
    ['comment', fast.comment, full.comment],
    ['errors', fast.errors.length, full.errors.length],
    ['warnings', fast.warnings.length, full.warnings.length],
    ['docStart', fast.directives.docStart, full.directives.docStart],
    ['docEnd', fast.directives.docEnd, full.directives.docEnd],
    ['options', JSON.stringify({ ...fast.options, _directives: undefined }), JSON.stringify({ ...full.options, _directives: undefined })],
  ];
  for (const [name, a, b] of checks) {
    const d = difference(a, b, `doc.${name}`);
    if (d) return d;
  }
  const d = difference(fast.contents, full.contents, 'doc.contents');
  if (d) return d;
  // Every collection carries the document's schema, as the composer gives it.
  const bad = collections(fast.contents).find((c) => (c as { schema?: unknown }).schema !== fast.schema);
  if (bad) return 'a collection without the document schema';
  return difference(fast.toJS(), full.toJS(), 'toJS') ?? difference(fastPlainValue(fast), full.toJS(), 'fastPlainValue');
}

function collections(node: unknown, out: unknown[] = []): unknown[] {
  if (isMap(node) || isSeq(node)) {
    out.push(node);
    for (const it of node.items as unknown[]) {
      if (isPair(it)) {
        collections(it.key, out);
        collections(it.value, out);
      } else collections(it, out);
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Generated texts: random trees written in the many ways people write YAML, then mutated.

const KEYS = ['id', 'name', 'owner', '__proto__', 'toString', 'due', 'status', 'a', 'x-y', 'a#b', 'key with spaces', '"quoted key"', "'single'", '1', 'null', 'true', '~', '-x', 'über', 'k:v', '.5', '0x1F'];
const SCALARS = [
  'plain text', 'p1', '2026-11-23', '2026-02-30', '12', '-7', '+3', '0', '007', '0o17', '0x1f', '1e3', '1.5', '.5', '-.5', '1.', '.inf', '-.Inf', '.nan', '.NaN',
  'true', 'false', 'True', 'FALSE', 'yes', 'no', 'null', 'Null', 'NULL', '~', '-', '-x', ':x', '?x', 'a: b', 'a:b', 'a #b', 'a#b', 'text # comment',
  '"double"', '"with \\"escape\\""', '"a # b: c"', "'single'", "'it''s'", "''", '""', '" spaced "', '"unterminated', "'unterminated", '[p1, p2]', '[ p1 ,p2 ]', '[]',
  '[ ]', '["a", \'b\']', '[a, [b]]', '[a,]', '[-]', '[a, ?]', '[:, b]', '[-x, ?y, :z]', '[a ,-]', '😀 [x, 😀]', '{a: 1}', '&anchor value', '*alias', '!tag value', '|', '>', '@at', '`tick`', '%pct', 'x  ', 'trailing   ',
  'über straße', '日本語', '😀 emoji', 'a\tb', 'very ' + 'long '.repeat(30), '[p1, "p 2", \'p3\']  # c', '"q" # c', "'q'#c", '12:30', 'http://x.y/z?a=1#f',
];

/** Values the fast path reads, so that more of the generated texts exercise it. */
const READ = SCALARS.filter((v) => !/^[&*!|>@`%{]|\\|\t|^"[^"]*$|^'[^']*$|\[.*\[|,\]|: |^-$|#/.test(v));

/** Block scalar headers: chomping and indentation indicators in both orders, and some yaml rejects or the fast path declines. */
const BLOCK_HEADERS = ['|', '>', '|-', '>-', '|+', '>+', '|1', '|2', '>3', '|-1', '|2-', '>+2', '>1+', '|4', '| # note', '|  ', '|x', '|0', '|--', '|22'];
const BLOCK_TEXT = ['Notes from the call', 'a: b', '# not a comment', '- not an item', 'x', 'long '.repeat(12), '"quoted"', "it's", 'trailing  ', '😀 ok', '|', '> folded', 'key: value # c', '---', '...'];

function pick<T>(r: () => number, xs: readonly T[]): T {
  return xs[Math.floor(r() * xs.length)];
}

interface GenOptions {
  indent: number;
  compactSeq: boolean;
}

/** A random block YAML text. */
export function generate(seed: number): string {
  const r = rng(seed);
  const opts: GenOptions = { indent: 1 + Math.floor(r() * 4), compactSeq: r() < 0.3 };
  const values = r() < 0.5 ? READ : SCALARS;
  const lines: string[] = [];
  if (r() < 0.3) lines.push(`# ${pick(r, ['Generated', 'A partnership', ''])}`);
  if (r() < 0.2) lines.push('');
  const gap = (at: number) => {
    const x = r();
    if (x < 0.08) lines.push('');
    else if (x < 0.13) lines.push(`${' '.repeat(Math.max(0, at + Math.floor(r() * 5) - 2))}# ${pick(r, ['note', 'TODO', '', 'a: b'])}`);
    else if (x < 0.15) lines.push(' '.repeat(Math.floor(r() * 6)));
    else if (x < 0.19) {
      // A run of comments and blank lines at several depths, as after a commented-out block.
      const n = 2 + Math.floor(r() * 3);
      for (let k = 0; k < n; k++) lines.push(r() < 0.25 ? '' : `${' '.repeat(Math.floor(r() * 9))}# run ${k}`);
    }
  };
  // The lines of a block scalar whose header is `header`, in a collection indented by `parent`.
  const blockBody = (parent: number, header: string) => {
    const digit = /[1-9]/.exec(header);
    let base = digit ? parent + Number(digit[0]) : parent + 1 + Math.floor(r() * 4);
    if (r() < 0.05) base = Math.max(0, base - 1 - Math.floor(r() * 2)); // too shallow: an empty scalar or an error
    const n = r() < 0.05 ? 0 : 1 + Math.floor(r() * 6);
    for (let k = 0; k < n; k++) {
      const x = r();
      if (x < 0.12) lines.push('');
      else if (x < 0.2) lines.push(' '.repeat(Math.floor(r() * (base + 4)))); // a blank line with spaces, shallower or deeper
      else lines.push(`${' '.repeat(base + (r() < 0.15 ? 1 + Math.floor(r() * 3) : 0))}${pick(r, BLOCK_TEXT)}`);
    }
    // Blank lines after it, now and then.
    if (r() < 0.25) lines.push(r() < 0.5 ? '' : ' '.repeat(Math.floor(r() * (base + 3))));
  };
  const map = (at: number, depth: number, firstPrefix?: string) => {
    const n = 1 + Math.floor(r() * 5);
    for (let k = 0; k < n; k++) {
      if (k > 0 || !firstPrefix) gap(at);
      const prefix = k === 0 && firstPrefix !== undefined ? firstPrefix : ' '.repeat(at);
      const key = pick(r, KEYS);
      const x = r();
      if (depth < 4 && x < 0.2) {
        lines.push(`${prefix}${key}:${r() < 0.1 ? '   ' : ''}`);
        map(at + opts.indent, depth + 1);
      } else if (depth < 4 && x < 0.4) {
        lines.push(`${prefix}${key}:`);
        seq(opts.compactSeq ? at : at + opts.indent, depth + 1);
      } else if (x < 0.45) {
        lines.push(`${prefix}${key}:${r() < 0.5 ? '' : '  '}`);
      } else if (x < 0.55) {
        const header = pick(r, BLOCK_HEADERS);
        lines.push(`${prefix}${key}: ${header}`);
        blockBody(at, header);
      } else {
        lines.push(`${prefix}${key}: ${pick(r, values)}${r() < 0.15 ? ' # c' : ''}${r() < 0.1 ? '  ' : ''}`);
      }
    }
  };
  const seq = (at: number, depth: number) => {
    const n = 1 + Math.floor(r() * 4);
    for (let k = 0; k < n; k++) {
      if (k > 0) gap(at);
      const x = r();
      const dash = `${' '.repeat(at)}-${r() < 0.1 ? '   ' : ' '}`;
      if (depth < 4 && x < 0.5) map(at + dash.length - at, depth + 1, dash);
      else if (x < 0.55) lines.push(`${' '.repeat(at)}-`);
      else if (x < 0.65) {
        const header = pick(r, BLOCK_HEADERS);
        lines.push(`${dash}${header}`);
        blockBody(at, header);
      } else lines.push(`${dash}${pick(r, values)}`);
    }
  };
  if (r() < 0.9) map(0, 0);
  else seq(0, 0);
  if (r() < 0.2) gap(0);
  // Now and then a key near yaml's 1,024-character limit, plain or quoted.
  if (r() < 0.03) lines.push(`${pick(r, ['', '"', "'"]).replace(/^(.?)$/, (q) => `${q}${'k'.repeat(995 + Math.floor(r() * 40))}${q}`)}: 1`);
  // Line breaks: LF, CRLF, or a mix of both (Windows files edited elsewhere).
  const breaks = r();
  const br = () => (breaks < 0.7 ? '\n' : breaks < 0.9 ? '\r\n' : r() < 0.5 ? '\n' : '\r\n');
  let text = lines.map((l, k) => (k === 0 ? l : br() + l)).join('') + (r() < 0.85 ? br() : '');
  const m = r() < 0.4 ? 0 : Math.floor(r() * 3);
  for (let k = 0; k < m; k++) text = mutate(text, r);
  return text;
}

/** One random line-level change: delete, duplicate, re-indent, insert a comment or blank line, truncate. */
export function mutate(text: string, r: () => number): string {
  const lines = text.split('\n');
  const at = Math.floor(r() * lines.length);
  const x = r();
  if (x < 0.2) lines.splice(at, 1);
  else if (x < 0.35) lines.splice(at, 0, lines[at] ?? '');
  else if (x < 0.5) lines[at] = ' '.repeat(Math.floor(r() * 3)) + (lines[at] ?? '').trimStart();
  else if (x < 0.65) lines.splice(at, 0, `${' '.repeat(Math.floor(r() * 8))}# inserted`);
  else if (x < 0.75) lines.splice(at, 0, '');
  else if (x < 0.85) lines[at] = (lines[at] ?? '') + pick(r, ['  ', ' # t', ':', ' x', '"', '\r', '\r\r']);
  else return text.slice(0, Math.floor(r() * text.length));
  return lines.join('\n');
}

/** A line with a block scalar header after `key:` or `-`. */
const BLOCK_SCALAR = /(?:^|\n)[ \-]*[^\n#]*?(?::|-) +[|>][-+1-9]*\r?(?:\n|$)/;

/** Runs `count` generated cases from `seed`; extra texts (examples, generated files) and their mutations too. */
export function run(seed: number, count: number, texts: string[] = []): { same: number; sameWithBlockScalar: number; declined: number; failures: { text: string; detail: string }[] } {
  const result = { same: 0, sameWithBlockScalar: 0, declined: 0, failures: [] as { text: string; detail: string }[] };
  const r = rng(seed);
  const cases: string[] = [];
  for (const t of texts) {
    cases.push(t);
    for (let k = 0; k < 20; k++) cases.push(mutate(t, r));
  }
  for (let k = 0; k < count; k++) cases.push(generate(seed * 1_000_003 + k));
  for (const text of cases) {
    let outcome: Outcome;
    try {
      outcome = compare(text);
    } catch (err) {
      outcome = { kind: 'different', detail: `threw ${err instanceof Error ? err.stack : String(err)}` };
    }
    if (outcome.kind === 'same') {
      result.same++;
      if (BLOCK_SCALAR.test(text)) result.sameWithBlockScalar++;
    }
    else if (outcome.kind === 'declined') result.declined++;
    else result.failures.push({ text, detail: outcome.detail });
  }
  return result;
}
