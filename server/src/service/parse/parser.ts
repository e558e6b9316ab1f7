// The one parser: YAML text → a document that keeps every node's range, plus the yaml-syntax
// diagnostics. Everything else (schema, rules, fixes, outline) reads this. Plain block YAML is read
// by the fast path (fastParse.ts), which gives parseDocument's tree exactly or declines; the
// parse cache (cache.ts) may also build a document from the previous one (reparse.ts).
import {
  Alias,
  Document,
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  Node,
  Pair,
  parseDocument,
  Scalar,
  YAMLMap,
  YAMLSeq,
  visit,
} from 'yaml';
import { fastParseDocument, fastPlainValue } from './fastParse';
import type { Position, Range } from '../types';

/** What yaml-syntax reports: a message and the offsets it covers. */
export interface SyntaxProblem {
  message: string;
  start: number;
  end: number;
}

/** Enough for files that reuse anchored values a great deal; far below what an alias bomb needs. */
export const MAX_ALIAS_COUNT = 1000;
/**
 * Longer texts are not parsed: far beyond any real partnership file, and parsing time and memory
 * grow with size. The same limit as the CLI's file size; the benchmark's largest generated file
 * (20,000 commitments, about 6 MiB) is within it.
 */
export const MAX_TEXT_LENGTH = 16 * 1024 * 1024;
/**
 * More values than this are not parsed: parsing time and memory grow with the number of values,
 * not the bytes, and a dense file ("[a,a,a,…]") has ten times as many per byte as a real one.
 * About 10 MiB of ordinary partnership YAML (20,000 commitments have about 520,000).
 */
export const MAX_VALUES = 1_000_000;
/** At most this many diagnostics per file: a real file has dozens, a generated or hostile one could have a million. */
export const MAX_DIAGNOSTICS = 10_000;

/** Line and column come from our own line starts, so the parser need not count lines (no LineCounter). */
const PARSE_OPTIONS = { uniqueKeys: false, resolveKnownTags: false, prettyErrors: false, keepSourceTokens: false } as const;

export interface ParseOptions {
  /** Read plain block YAML with the fast path (default true). */
  fastPath?: boolean;
}

export class ParsedDocument {
  /**
   * Set when an incremental re-parse took this parse's tree over (reparse.ts): its nodes now carry
   * the newer text's offsets, so nothing may be computed from them for this text any more.
   */
  retired = false;
  readonly doc: Document.Parsed;
  readonly syntaxProblems: SyntaxProblem[] = [];
  private readonly lineStarts: number[];
  /** The plain JS value of the document, or undefined when it cannot be built safely. */
  readonly value: unknown;
  /** countValues(text), when it was counted (the incremental re-parse keeps it up to date). */
  readonly valueCount: number | undefined;

  /**
   * Parses `text`. With `parsed`, takes a tree that an incremental re-parse (reparse.ts) built for
   * this text and checked to be what a full parse gives, without problems. `fastPath: false`
   * parses with yaml's parseDocument only (the reference the differential checks compare against).
   */
  constructor(
    readonly text: string,
    parsed?: { doc: Document.Parsed; value: unknown; lineStarts: number[]; valueCount: number },
    { fastPath = true }: ParseOptions = {},
  ) {
    if (parsed) {
      this.doc = parsed.doc;
      this.value = parsed.value;
      this.lineStarts = parsed.lineStarts;
      this.valueCount = parsed.valueCount;
      return;
    }
    let doc: Document.Parsed;
    let values: number | undefined;
    /** Whether the fast path read it: then every key is a plain or quoted scalar and there is no alias. */
    let fast = false;
    try {
      if (text.length > MAX_TEXT_LENGTH) throw new TooLarge(text.length);
      values = countValues(text);
      if (values > MAX_VALUES) throw new TooLarge(text.length, values);
      // yaml's own duplicate-key check is quadratic in a mapping's size (see duplicateKeys), and the
      // YAML 1.1 tags it knows (!!binary, !!set, !!timestamp …) are reported here, not resolved.
      // Plain block YAML is read by the fast path, which gives the same tree; the rest by yaml.
      const read = fastPath ? fastParseDocument(text, PARSE_OPTIONS) : undefined;
      fast = read !== undefined;
      doc = read ?? parseDocument(text, PARSE_OPTIONS);
    } catch (err) {
      // The parser recurses per nesting level; absurd depth can exhaust the stack.
      doc = parseDocument('');
      const message =
        err instanceof TooLarge
          ? err.values !== undefined
            ? `This file has too many values to check (about ${err.values}; the limit is ${MAX_VALUES}): a partnership file needs far fewer, so split it or remove what does not belong`
            : tooLargeMessage(err.length)
          : `The YAML could not be parsed: ${errorText(err)}`;
      this.syntaxProblems.push({ message, start: 0, end: 0 });
    }
    this.doc = doc;
    this.valueCount = values;
    this.lineStarts = computeLineStarts(text);
    // The first structural error usually cascades into many more; report it alone. Duplicate
    // keys and unresolved tags are independent problems, so each is reported.
    let structural = false;
    for (const e of [...doc.errors, ...doc.warnings]) {
      const independent = e.code === 'DUPLICATE_KEY' || e.name === 'YAMLWarning';
      if (!independent) {
        if (structural) continue;
        structural = true;
      }
      this.syntaxProblems.push(describeYamlError(text, e.code, cleanYamlMessage(e.message), e.pos[0], e.pos[1]));
    }
    // A tree the fast path read has no error, alias or tag: its plain value is built in the same
    // walk that finds its duplicate keys (a key repeated in a mapping is the only problem it can have).
    let value: unknown;
    const duplicates: Scalar[] = [];
    if (fast && this.syntaxProblems.length === 0) value = fastPlainValue(doc, (map) => duplicatesIn(map, duplicates));
    for (const key of fast ? duplicates : duplicateKeys(doc)) {
      this.syntaxProblems.push({ message: `Duplicate key '${String(key.value)}': a mapping can set each key only once`, start: key.range![0], end: key.range![1] });
    }
    this.syntaxProblems.sort((a, b) => a.start - b.start);
    if (fast && this.syntaxProblems.length > 0) value = undefined;
    if (!fast && this.syntaxProblems.length === 0) {
      // Aliases are rare in partnership files: only walk the tree for them when one may exist.
      const aliases = text.includes('*') ? resolveAliases(doc) : undefined;
      const unresolved = aliases?.unresolved;
      // A list or mapping as a key has no plain value (yaml would stringify it, with a warning on stderr).
      const collectionKey = unresolved || !/[?[{*]/.test(text) ? undefined : findCollectionKey(doc);
      if (unresolved) {
        this.syntaxProblems.push({ message: `Unknown alias '*${unresolved.source}': no anchor '&${unresolved.source}' is defined before it`, start: unresolved.range![0], end: unresolved.range![1] });
      } else if (collectionKey) {
        const [start, end] = collectionKey.range ?? [0, 0];
        this.syntaxProblems.push({ message: `A ${isSeq(collectionKey.resolved) ? 'list' : 'mapping'} cannot be a key: keys are names, such as 'due' or 'status'`, start, end });
      } else {
        try {
          value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
        } catch (err) {
          const alias = aliases?.first;
          const start = alias?.range?.[0] ?? 0;
          const end = alias?.range?.[1] ?? 0;
          const message = /alias/i.test(errorText(err))
            ? `Too many alias expansions (more than ${MAX_ALIAS_COUNT}): the document looks like an alias bomb and is not expanded`
            : `The YAML could not be read: ${errorText(err)}`;
          this.syntaxProblems.push({ message, start, end });
        }
      }
    }
    this.value = value;
  }

  get root(): Node | null {
    return this.doc.contents as Node | null;
  }

  positionAt(offset: number): Position {
    const starts = this.lineStarts;
    offset = Math.max(0, Math.min(offset, this.text.length));
    // Between the \r and the \n of a line break is no position an editor knows: it is the line's end.
    if (offset > 0 && this.text.charCodeAt(offset) === 10 && this.text.charCodeAt(offset - 1) === 13) offset--;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: offset - starts[lo] };
  }

  offsetAt(position: Position): number {
    if (position.line < 0) return 0;
    if (position.line >= this.lineStarts.length) return this.text.length;
    const start = this.lineStarts[position.line];
    const next = position.line + 1 < this.lineStarts.length ? this.lineStarts[position.line + 1] : this.text.length;
    return Math.min(start + Math.max(0, position.character), next);
  }

  range(start: number, end: number): Range {
    return { start: this.positionAt(start), end: this.positionAt(Math.max(start, end)) };
  }

  /** The range of a node's value (not its trailing comment or newline). */
  nodeRange(node: Node): Range {
    const r = node.range;
    if (!r) return this.range(0, 0);
    return this.range(r[0], r[1]);
  }

  /** The range from `start` to `end` without trailing whitespace and line breaks. */
  contentRange(start: number, end: number): Range {
    while (end > start && /\s/.test(this.text[end - 1])) end--;
    return this.range(start, end);
  }

  lineCount(): number {
    return this.lineStarts.length;
  }

  lineText(line: number): string {
    const start = this.lineStarts[line] ?? this.text.length;
    const next = line + 1 < this.lineStarts.length ? this.lineStarts[line + 1] : this.text.length;
    return this.text.slice(start, next).replace(/\r?\n$/, '');
  }

  lineStart(line: number): number {
    return this.lineStarts[Math.min(line, this.lineStarts.length - 1)];
  }

  private eolCache: string | undefined;

  /** The line break this file uses, so inserted lines match it. */
  eol(): string {
    return (this.eolCache ??= this.text.includes('\r\n') ? '\r\n' : '\n');
  }
}

function computeLineStarts(text: string): number[] {
  const starts = [0];
  if (!text.includes('\r')) {
    // The common case in native code: a fresh process would run the loop below in the interpreter.
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    return starts;
  }
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 /* \n */) starts.push(i + 1);
    else if (c === 13 /* \r */ && text.charCodeAt(i + 1) !== 10) starts.push(i + 1);
  }
  return starts;
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message.split('\n')[0] : String(err);
}

/** yaml's messages end with " at line L, column C:" and a source excerpt; the range says that already. */
function cleanYamlMessage(message: string): string {
  const first = message.split('\n')[0];
  return first.replace(/ at line \d+, column \d+:?\s*$/, '').trim();
}

function lineEnd(text: string, offset: number): number {
  const nl = text.indexOf('\n', offset);
  const end = nl === -1 ? text.length : nl;
  return text[end - 1] === '\r' ? end - 1 : end;
}

/** Clearer messages and narrower ranges for the yaml errors users actually meet. */
function describeYamlError(text: string, code: string, message: string, start: number, end: number): SyntaxProblem {
  switch (code) {
    case 'DUPLICATE_KEY': {
      const m = /^[^:\n]*/.exec(text.slice(start));
      const key = (m ? m[0] : '').trim();
      const keyEnd = start + (m ? m[0].trimEnd().length : 1);
      return { message: `Duplicate key '${key.replace(/^["']|["']$/g, '')}': a mapping can set each key only once`, start, end: Math.max(keyEnd, end) };
    }
    case 'BLOCK_AS_IMPLICIT_KEY':
      if (/nested mappings/i.test(message)) {
        return { message: "Unexpected ': ' inside a value: quote the value (\"…\") if it contains a colon followed by a space", start, end: lineEnd(text, start) };
      }
      return { message, start, end };
    case 'TAG_RESOLVE_FAILED':
      if (/^Unresolved tag/.test(message)) {
        const tag = text.slice(start, end).trim() || message.replace(/^Unresolved tag:\s*/, '');
        return { message: `Tag '${tag}' is not supported: a partnership file holds plain values, and tags are never evaluated; remove it`, start, end };
      }
      return { message, start, end };
    case 'TAB_AS_INDENT':
      return { message: 'Tabs are not allowed as indentation in YAML: indent with spaces', start, end };
    case 'MULTIPLE_DOCS':
      return { message: "A partnership file holds one YAML document: remove this '---' and what follows, or move it to its own file", start, end: lineEnd(text, start) };
    case 'MISSING_CHAR': {
      // An unterminated quoted scalar runs to the end of the file; its opening quote is the last
      // quote character in the text, which is where the user needs to look.
      const quote = /double/i.test(message) || message.includes('"') ? '"' : /single|'/i.test(message) ? "'" : undefined;
      if (quote && start >= text.length - 1) {
        const open = text.lastIndexOf(quote);
        if (open >= 0) return { message: `Missing closing ${quote === '"' ? 'double' : 'single'} quote: this string is never closed`, start: open, end: lineEnd(text, open) };
      }
      return { message, start, end };
    }
    default:
      if (/call stack/i.test(message)) {
        return { message: 'The YAML nests too deeply to be read (the parser ran out of stack here): a partnership file needs only a few levels', start, end };
      }
      return { message, start, end };
  }
}

/**
 * Every alias's anchor, found in one walk in yaml's visit() order (the last node with that anchor
 * before the alias), and the first alias whose anchor is not defined before it. yaml's own
 * Alias.resolve() searches the document's anchors and aliases for each alias: 10,000 aliases took
 * seconds. Each alias is given its node here, so toJS() looks nothing up (see pinAlias).
 */
function resolveAliases(doc: Document.Parsed): { first?: Alias; unresolved?: Alias } {
  const latest = new Map<string, Node>();
  let first: Alias | undefined;
  let unresolved: Alias | undefined;
  const walk = (node: unknown): void => {
    if (isAlias(node)) {
      first ??= node;
      const target = latest.get(node.source);
      if (target === undefined) unresolved ??= node;
      pinAlias(node, target);
      return;
    }
    const anchor = (node as { anchor?: string } | null)?.anchor;
    if (anchor && (isScalar(node) || isMap(node) || isSeq(node))) latest.set(anchor, node);
    if (isMap(node)) {
      for (const item of node.items) {
        walk(item.key);
        walk(item.value);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) walk(item);
    } else if (isPair(node)) {
      walk(node.key);
      walk(node.value);
    }
  };
  walk(doc.contents);
  return { first, unresolved };
}

/**
 * Gives one alias its anchor's node. yaml's resolve() looks the anchor up in the list it finds in
 * `ctx.aliasResolveCache` (the last node with the anchor before the alias): a list of just the
 * anchor and the alias gives the same answer at once, and the expansion count (the alias-bomb
 * limit) is still yaml's. Without a context (yaml's own nested counting) it answers directly.
 */
function pinAlias(alias: Alias, target: Node | undefined): void {
  const resolve = Alias.prototype.resolve;
  const nodes = target === undefined ? [alias] : [target, alias];
  Object.defineProperty(alias, 'resolve', {
    configurable: true,
    value(this: Alias, doc: Document, ctx?: { aliasResolveCache?: unknown[] }) {
      if (!ctx) return target;
      ctx.aliasResolveCache = nodes;
      return resolve.call(this, doc, ctx as never);
    },
  });
}

/** The first mapping key that is (or is an alias of) a list or a mapping. */
function findCollectionKey(doc: Document.Parsed): { range: Node['range']; resolved: unknown } | undefined {
  let found: { range: Node['range']; resolved: unknown } | undefined;
  visit(doc, {
    Pair(_, pair) {
      const key = pair.key;
      const resolved = isAlias(key) ? key.resolve(doc) : key;
      if (isMap(resolved) || isSeq(resolved)) {
        found = { range: (key as Node).range, resolved };
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return found;
}

/**
 * The second and later occurrences of a scalar key in each mapping, in one pass over the tree
 * (yaml's own check compares every key with every earlier one: minutes for a large mapping).
 */
function duplicateKeys(doc: Document.Parsed): Scalar[] {
  const found: Scalar[] = [];
  // A plain recursive walk in visit()'s order (a mapping, then each key and value): visit() keeps
  // a path per node and costs several times more on a large file.
  const walk = (node: unknown): void => {
    if (isMap(node)) {
      duplicatesIn(node, found);
      for (const item of node.items) {
        walk(item.key);
        walk(item.value);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) walk(item);
    }
  };
  walk(doc.contents);
  return found;
}

/** The second and later occurrences of a scalar key in one mapping, added to `found`. */
function duplicatesIn(map: YAMLMap, found: Scalar[]): void {
  const items = map.items;
  if (items.length > 8) {
    const seen = new Set<unknown>();
    for (const item of items) {
      const key = item.key;
      if (!isScalar(key) || !key.range) continue;
      if (seen.has(key.value)) found.push(key);
      else seen.add(key.value);
    }
    return;
  }
  // A handful of keys: compare them pairwise (as a Set would: NaN equals NaN).
  for (let i = 1; i < items.length; i++) {
    const key = items[i].key;
    if (!isScalar(key) || !key.range) continue;
    const v = key.value;
    for (let j = 0; j < i; j++) {
      const other = items[j].key;
      if (!isScalar(other) || !other.range) continue;
      const w = other.value;
      if (v === w || (v !== v && w !== w)) {
        found.push(key);
        break;
      }
    }
  }
}

/** What yaml-syntax says about a text of `length` characters over MAX_TEXT_LENGTH. */
export function tooLargeMessage(length: number): string {
  return `This file is too large to check (${size(length)}; the limit is ${size(MAX_TEXT_LENGTH)}): a partnership file needs far less, so split it or remove what does not belong`;
}

/** "1025 KiB", "20.0 MiB": characters, counted as bytes would be for ASCII text. */
function size(chars: number): string {
  return chars < 10 * 1048576 ? `${Math.ceil(chars / 1024)} KiB` : `${(chars / 1048576).toFixed(1)} MiB`;
}

class TooLarge extends Error {
  constructor(
    readonly length: number,
    readonly values?: number,
  ) {
    super('too large');
  }
}

/**
 * An upper estimate of the number of YAML values, without parsing: each needs a line of its own,
 * a ',' '[' or '{' in flow style, or a '- ', ': ' or '? ' indicator. For ordinary files it is
 * within a few percent of the real count.
 */
export function countValues(text: string): number {
  let n = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 /* \n */ || c === 44 /* , */ || c === 91 /* [ */ || c === 123 /* { */) n++;
    else if (c === 45 /* - */ || c === 58 /* : */ || c === 63 /* ? */) {
      const next = text.charCodeAt(i + 1);
      if (next === 32 || next === 9 || next === 13) n++;
    }
  }
  return n;
}
