// A fast path of the one parser for plain block YAML, the shape nearly every partnership file has.
//
// `yaml`'s parseDocument tokenises, builds a concrete syntax tree and composes it: about a second
// for a 60,000-line file, three quarters of it in the tokeniser and the CST parser. This reads
// the same text line by line and builds the same tree directly, with `yaml`'s own node classes,
// schema and scalar tags (so values resolve exactly as they do there): the same nodes, values,
// ranges, comments and blank-line marks as parseDocument gives with the document's options.
//
// It only takes texts it fully understands: block mappings and sequences (`key: value`, `- item`,
// `- key: value`), one-line plain and quoted scalars, one-line flow sequences of scalars, block
// scalars (`|`, `>`, with a chomping indicator and an indentation digit; their lines are found here
// and resolved as yaml resolves them), comments and blank lines where `yaml` attaches them plainly.
// Anything else — anchors, aliases, tags, a comment after a block scalar's header, an empty block
// scalar, multi-line flow scalars, flow mappings, escapes, tabs, lone CR line breaks, directives,
// several documents, anything that would be a YAML error — makes it decline (return undefined),
// and the caller runs parseDocument. A differential check (test/service/fastParse.test.ts and
// bench/verifyFastParse.ts) compares every property of both trees over generated and mutated
// files.
import { Composer, Document, Pair, Scalar, YAMLMap, YAMLSeq, isMap, isScalar, isSeq } from 'yaml';

type Options = ConstructorParameters<typeof Composer>[0];
type Tag = { tag: string; default?: boolean | 'key'; test?: RegExp; collection?: string; format?: string; resolve: (...args: unknown[]) => unknown };

/** One open block collection. */
interface Frame {
  kind: 'map' | 'seq';
  indent: number;
  node: YAMLMap | YAMLSeq;
  start: number;
  /** range[2] of the last item so far. */
  end: number;
  /** A list at its key's own indentation (`key:` then `- item` in the same column). */
  compact?: boolean;
  /** Comments after the last item that belong to this collection, and where they end. */
  comment?: string;
  commentEnd?: number;
}

/** A blank or comment line between two content lines. */
interface Gap {
  indent: number;
  /** The comment's text after '#', or undefined for a blank line. */
  comment: string | undefined;
  start: number;
  /** The line break that ends it: '\n', '\r\n', or '' for a last line without one. */
  newline: string;
}

// ---------------------------------------------------------------------------------------------
// Nodes. yaml's constructors mark every node with an own, non-enumerable property
// (`Symbol.for('yaml.node.type')`, which isScalar, isMap, isPair and isSeq read) set with
// Object.defineProperty — a call into the runtime per node, about a tenth of a fresh server's
// first open of a large file. The fast path builds its nodes with constructors whose prototypes
// inherit from yaml's classes and carry that mark: the is* tests, instanceof, the methods, clone()
// and toJS work as on yaml's own nodes, and the nodes' own enumerable properties are the same. The
// differential check compares classes by constructor and mark (sameClass).

/** The property yaml's node type tests read (yaml/dist/nodes/identity.js). */
export const NODE_TYPE = Symbol.for('yaml.node.type');

/** The same kind of node: yaml's class, and the same node type mark. */
export function sameClass(a: object, b: object): boolean {
  return a.constructor === b.constructor && (a as Record<symbol, unknown>)[NODE_TYPE] === (b as Record<symbol, unknown>)[NODE_TYPE];
}

/** A prototype below `base`'s, carrying the node type mark of `sample` (a node yaml built). */
function marked(base: object, sample: object): object {
  const mark = (sample as Record<symbol, unknown>)[NODE_TYPE];
  if (typeof mark !== 'symbol') throw new Error(`yaml's nodes carry no ${String(NODE_TYPE)} mark: the fast path needs the yaml version package.json pins`);
  return Object.create(base, { [NODE_TYPE]: { value: mark } });
}

type Schema = YAMLMap['schema'];

function FastScalarNode(this: { value: unknown }, value: unknown): void {
  this.value = value;
}
FastScalarNode.prototype = marked(Scalar.prototype, new Scalar(null));
const FastScalar = FastScalarNode as unknown as new (value: unknown) => Scalar;

function FastPairNode(this: { key: unknown; value: unknown }, key: unknown): void {
  this.key = key;
  this.value = null;
}
FastPairNode.prototype = marked(Pair.prototype, new Pair(null));
const FastPair = FastPairNode as unknown as new (key: unknown) => Pair;

/** A collection class: as yaml's Collection constructor, `schema` not enumerable, then `items`. */
function collectionClass<T>(base: object, sample: object): new (schema: Schema) => T {
  function FastCollectionNode(this: { items: unknown[] }, schema: Schema): void {
    Object.defineProperty(this, 'schema', { value: schema, configurable: true, enumerable: false, writable: true });
    this.items = [];
  }
  FastCollectionNode.prototype = marked(base, sample);
  return FastCollectionNode as unknown as new (schema: Schema) => T;
}
const FastMap = collectionClass<YAMLMap>(YAMLMap.prototype, new YAMLMap());
const FastSeq = collectionClass<YAMLSeq>(YAMLSeq.prototype, new YAMLSeq());

class Decline extends Error {}
const decline = (): never => {
  throw new Decline();
};

/**
 * The first characters of every plain scalar that a tag of yaml's core schema other than str can
 * match (null, bool, int, float); other schemas are not read here (see READ_OPTIONS).
 */
function mayBeNonString(c: number): boolean {
  // ~ + - . 0-9 n N t T f F
  return (
    c === 126 || c === 43 || c === 45 || c === 46 || (c >= 48 && c <= 57) || c === 110 || c === 78 || c === 116 || c === 84 || c === 102 || c === 70
  );
}

/**
 * The tree parseDocument(text, options) would give, or undefined when the text is not plain block
 * YAML this reader fully understands. Only the options in READ_OPTIONS are understood (any other —
 * version, schema, custom tags, merge keys, string keys … — changes how text is read); the caller
 * passes the same ones to parseDocument.
 */
export function fastParseDocument(text: string, options: Options): Document.Parsed | undefined {
  try {
    return fastParseOrThrow(text, options);
  } catch {
    return undefined; // a fault here must not cost the user a check: parseDocument reads it
  }
}

/** As fastParseDocument, but a fault in this reader (not a decline) throws: for the differential check. */
export function fastParseOrThrow(text: string, options: Options): Document.Parsed | undefined {
  if (!understood(options)) return undefined;
  try {
    return new Reader(text, options).read();
  } catch (err) {
    if (err instanceof Decline) return undefined;
    throw err;
  }
}

/**
 * The value of a block scalar whose lines (after its header's line break) are `source`, as yaml's
 * resolveBlockScalar gives it for a scalar in a collection indented by `parentIndent`; undefined
 * where yaml would report an error. `chomp` is the header's '-' or '+' (a char code) or 0, `digit`
 * its indentation indicator or 0.
 */
function blockScalarValue(source: string, literal: boolean, chomp: number, digit: number, parentIndent: number): string | undefined {
  const lines = splitBlockLines(source);
  let chompStart = lines.length;
  for (let i = lines.length - 1; i >= 0; --i) {
    const content = lines[i][1];
    if (content === '' || content === '\r') chompStart = i;
    else break;
  }
  if (chompStart === 0) return undefined; // empty: declined by the reader before
  let trimIndent = parentIndent + digit;
  let contentStart = 0;
  for (let i = 0; i < chompStart; ++i) {
    const [indent, content] = lines[i];
    if (content === '' || content === '\r') {
      if (digit === 0 && indent.length > trimIndent) trimIndent = indent.length;
    } else {
      if (indent.length < trimIndent) return undefined; // more-indented leading empty lines
      if (digit === 0) trimIndent = indent.length;
      contentStart = i;
      if (trimIndent === 0) return undefined; // not indented in a collection
      break;
    }
  }
  for (let i = lines.length - 1; i >= chompStart; --i) if (lines[i][0].length > trimIndent) chompStart = i + 1;
  let value = '';
  let sep = '';
  let prevMoreIndented = false;
  for (let i = 0; i < contentStart; ++i) value += lines[i][0].slice(trimIndent) + '\n';
  for (let i = contentStart; i < chompStart; ++i) {
    const indent = lines[i][0];
    let content = lines[i][1];
    if (content.endsWith('\r')) content = content.slice(0, -1);
    if (content && indent.length < trimIndent) return undefined; // less indented than the first line
    if (literal) {
      value += sep + indent.slice(trimIndent) + content;
      sep = '\n';
    } else if (indent.length > trimIndent || content[0] === '\t') {
      if (sep === ' ') sep = '\n';
      else if (!prevMoreIndented && sep === '\n') sep = '\n\n';
      value += sep + indent.slice(trimIndent) + content;
      sep = '\n';
      prevMoreIndented = true;
    } else if (content === '') {
      if (sep === '\n') value += '\n';
      else sep = '\n';
    } else {
      value += sep + content;
      sep = ' ';
      prevMoreIndented = false;
    }
  }
  if (chomp === 43 /* + */) {
    for (let i = chompStart; i < lines.length; ++i) value += '\n' + lines[i][0].slice(trimIndent);
    if (value[value.length - 1] !== '\n') value += '\n';
  } else if (chomp !== 45 /* - */) value += '\n';
  return value;
}

/** A block scalar's lines as [indentation, content] pairs, split as yaml splits them. */
function splitBlockLines(source: string): [string, string][] {
  if (source === '') return [];
  const split = source.split(/\n( *)/);
  const first = split[0];
  const m = /^( *)/.exec(first);
  const lines: [string, string][] = [m?.[1] ? [m[1], first.slice(m[1].length)] : ['', first]];
  for (let i = 1; i < split.length; i += 2) lines.push([split[i], split[i + 1]]);
  return lines;
}

/**
 * `doc.toJS()` of a tree this reader built, in one plain walk: every key is a scalar, there is no
 * alias, anchor, tag or merge key, so yaml's conversion (a context, an anchor lookup per node, a
 * merge-key test per pair) reduces to this. Keys are stringified as yaml does (null → '', else
 * String), a key that an object already has (`__proto__`, `toString`) becomes an own property. The
 * differential check compares it with `toJS()` on every text the reader reads.
 */
export function fastPlainValue(doc: Document.Parsed, onCollision?: (map: YAMLMap) => void): unknown {
  return plain(doc.contents, onCollision);
}

/**
 * `onCollision(map)` is called once for each mapping in which two keys give the same property name
 * (the only mappings that can hold a duplicate key: the caller checks them exactly), so the tree
 * needs no second walk for duplicates.
 */
function plain(node: unknown, onCollision: ((map: YAMLMap) => void) | undefined): unknown {
  if (node === null || node === undefined) return node;
  if (isScalar(node)) return node.value;
  if (isMap(node)) {
    const out: Record<string, unknown> = {};
    let collided = false;
    for (const pair of node.items) {
      const key = (pair.key as Scalar).value;
      const name = key === null ? '' : String(key);
      const value = plain(pair.value, onCollision);
      if (name in out) {
        if (!collided && onCollision && Object.prototype.hasOwnProperty.call(out, name)) {
          collided = true;
          onCollision(node);
        }
        Object.defineProperty(out, name, { value, writable: true, enumerable: true, configurable: true });
      } else out[name] = value;
    }
    return out;
  }
  if (isSeq(node)) return node.items.map((item) => plain(item, onCollision));
  throw new Error('fastPlainValue: a node the fast path does not build');
}

/**
 * The options this reader reads as parseDocument does: unique keys off (yaml reports duplicates while
 * composing; the service finds them itself), and options that only shape errors or tags it declines.
 */
const READ_OPTIONS: Record<string, (v: unknown) => boolean> = {
  uniqueKeys: (v) => v === false,
  keepSourceTokens: (v) => !v,
  resolveKnownTags: () => true,
  prettyErrors: () => true,
  strict: () => true,
};

function understood(options: Options): boolean {
  if (!options || options.uniqueKeys !== false) return false;
  return Object.entries(options).every(([k, v]) => READ_OPTIONS[k]?.(v) === true);
}

/**
 * Deeper nesting is left to parseDocument, which reports absurd depth clearly; the tree built here
 * would only overflow the stack of whatever walks it. Partnership files nest five or six levels.
 */
export const MAX_FAST_DEPTH = 64;

/**
 * Tabs, CR without LF, other control characters, BOM, non-characters and lone surrogates (a
 * character outside the BMP is a surrogate pair).
 */
const LEFT_TO_THE_FULL_PARSER = /[\x00-\x09\x0B\x0C\x0E-\x1F\x7F-\x9F\uFEFF\uFFFE\uFFFF]|\r(?!\n)|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

class Reader {
  private readonly doc: Document.Parsed;
  private readonly schema: Document['schema'];
  private readonly tags: Tag[];
  private readonly strTag: Tag;
  private readonly stack: Frame[] = [];
  /** A `key:` with nothing after it: the value is a nested block or, if none follows, null at `at`. */
  private pending: { pair: Pair; indent: number; at: number } | undefined;
  private gaps: Gap[] = [];
  /** The list's indentation after a "-" with nothing after it: a deeper line would be its nested block. */
  private emptyItem: number | undefined;
  /** The offset after the current line's line break (after a block scalar's lines once it is read). */
  private next = 0;

  constructor(
    private readonly text: string,
    private readonly options: Options,
  ) {
    const composer = new Composer(options);
    this.doc = new Document(undefined, { _directives: (composer as unknown as { directives: unknown }).directives, ...options } as never) as unknown as Document.Parsed;
    this.schema = this.doc.schema;
    this.tags = this.schema.tags as unknown as Tag[];
    this.strTag = this.tags.find((t) => t.tag === 'tag:yaml.org,2002:str' && !t.collection) ?? decline();
  }

  read(): Document.Parsed {
    const text = this.text;
    const n = text.length;
    // Characters this reader leaves to the full parser (a regular expression: compiled to machine
    // code at once, where a loop over every character starts in the interpreter in a fresh process).
    if (LEFT_TO_THE_FULL_PARSER.test(text)) decline();
    let first = -1;
    let prelude: Gap[] = [];
    let pos = 0;
    while (pos < n) {
      const lf = text.indexOf('\n', pos);
      const next = lf < 0 ? n : lf + 1;
      // The content ends before the line break, \n or \r\n (a lone \r was declined above).
      const eol = lf < 0 ? n : lf > pos && text.charCodeAt(lf - 1) === 13 ? lf - 1 : lf;
      const newline = text.slice(eol, next);
      this.next = next;
      let i = pos;
      while (i < eol && text.charCodeAt(i) === 32) i++;
      const indent = i - pos;
      if (i === eol) {
        this.gaps.push({ indent, comment: undefined, start: pos, newline });
      } else if (text.charCodeAt(i) === 35 /* # */) {
        this.gaps.push({ indent, comment: text.slice(i + 1, eol), start: pos, newline });
      } else {
        if (first < 0) {
          if (indent !== 0) decline();
          first = i;
          prelude = this.gaps;
          this.gaps = [];
        }
        this.line(i, indent, eol);
      }
      // A block scalar moves this.next past its lines.
      pos = this.next;
    }
    if (first < 0) decline(); // empty or only comments: rare, and parseDocument is instant
    return this.finish(first, prelude);
  }

  /** One content line starting at `i` (after `indent` spaces), ending at `eol`. */
  private line(i: number, indent: number, eol: number): void {
    const text = this.text;
    const c = text.charCodeAt(i);
    const isItem = c === 45 /* - */ && (i + 1 === eol || text.charCodeAt(i + 1) === 32);
    if (!isItem && indent === 0 && (text.startsWith('---', i) || text.startsWith('...', i) || c === 37 /* % */)) decline();

    if (this.emptyItem !== undefined) {
      // A block nested under "-" is not read here. Comments after it belong to its null when the
      // list ends here; blank lines after it mark nothing.
      if (indent > this.emptyItem) decline();
      if (this.gaps.some((g) => g.comment !== undefined)) {
        if (isItem && indent === this.emptyItem) decline();
        const frame = this.stack[this.stack.length - 1];
        const items = (frame.node as YAMLSeq).items;
        const item = items[items.length - 1] as Scalar;
        item.comment = props(this.gaps).comment;
        item.range![2] = i;
        frame.end = i;
      }
      this.emptyItem = undefined;
      this.gaps = [];
    }
    // Where the line belongs: the pending key's nested block, or an open collection.
    let opens: Frame | undefined;
    let closed = false;
    let closedMinIndent = Infinity;
    const pending = this.pending;
    if (pending) {
      this.pending = undefined;
      if ((!isItem && indent > pending.indent) || (isItem && indent >= pending.indent)) {
        const node = isItem ? new FastSeq(this.schema) : new FastMap(this.schema);
        opens = { kind: isItem ? 'seq' : 'map', indent, node, start: i, end: i, compact: isItem && indent === pending.indent };
        pending.pair.value = node;
      } else {
        // Null. Blank lines after `key:` mark the next key of the same mapping; when the mapping
        // ends here, they and the comments among them belong to the null.
        this.setNull(pending.pair, pending.at);
        const sibling = !isItem && indent === pending.indent;
        if (sibling && this.gaps.some((g) => g.comment !== undefined)) decline();
        if (!sibling) this.nullGaps(pending.pair, i);
      }
    }
    if (this.stack.length === 0) {
      // The first line: the root collection.
      opens = { kind: isItem ? 'seq' : 'map', indent, node: isItem ? new FastSeq(this.schema) : new FastMap(this.schema), start: i, end: i };
    } else if (!opens) {
      const stack = this.stack;
      let keep = stack.length;
      while (keep > 0) {
        const top = stack[keep - 1];
        if (top.indent > indent || (top.indent === indent && top.kind === 'seq' && !isItem)) keep--;
        else break;
      }
      const top = stack[keep - 1];
      if (!top || top.indent !== indent || (top.kind === 'seq') !== isItem) decline();
      if (keep < stack.length) {
        closed = true;
        closedMinIndent = threshold(stack[keep]);
        // Comments as deep as a collection that ends here are that collection's own.
        if (this.trailingComments(stack.slice(keep), i)) this.gaps = [];
        while (stack.length > keep) this.close();
      }
    }
    // Blank lines and comments before the line: attached as parseDocument attaches them.
    const gaps = this.gaps;
    this.gaps = [];
    let spaceBefore = false;
    let comment = '';
    if (gaps.length > 0) {
      for (const g of gaps) {
        if (g.comment === undefined) continue;
        // A comment as deep as a collection that ends here belongs to that collection (and takes
        // the ones before it along); elsewhere, only comments in line with the next line are read here.
        if (closed ? g.indent >= closedMinIndent : g.indent !== indent) decline();
      }
      ({ spaceBefore, comment } = props(gaps));
    }

    if (opens && this.stack.length > 0) {
      if (spaceBefore) opens.node.spaceBefore = true;
      if (comment) opens.node.commentBefore = comment;
      spaceBefore = false;
      comment = '';
    }
    if (opens) {
      this.stack.push(opens);
      if (this.stack.length > MAX_FAST_DEPTH) decline();
    }
    const frame = this.stack[this.stack.length - 1];

    if (isItem) {
      const seq = frame.node as YAMLSeq;
      let j = i + 1;
      while (j < eol && text.charCodeAt(j) === 32) j++;
      let node: YAMLMap | Scalar | YAMLSeq;
      let end: number;
      let colon: number | undefined;
      if (j === eol) {
        // "-" alone: null right after the indicator and its spaces; a nested block under it is not read
        // here, and comments before it would become the null's own comment.
        if (comment) decline();
        node = this.empty(j);
        end = j;
        this.emptyItem = frame.indent;
      } else if ((colon = this.keyEnd(j, eol)) !== undefined) {
        const map = new FastMap(this.schema);
        node = map;
        if (spaceBefore) map.spaceBefore = true;
        if (comment) map.commentBefore = comment;
        seq.items.push(map);
        frame.end = j; // updated when the map closes
        const mapFrame: Frame = { kind: 'map', indent: j - (i - indent), node: map, start: j, end: j };
        this.stack.push(mapFrame);
        if (this.stack.length > MAX_FAST_DEPTH) decline();
        this.pair(mapFrame, j, colon, eol, false, '');
        return;
      } else {
        const v = this.value(j, eol, frame.indent);
        node = v.node;
        end = v.end;
      }
      if (spaceBefore) node.spaceBefore = true;
      if (comment) node.commentBefore = comment;
      seq.items.push(node);
      frame.end = end;
      return;
    }
    this.pair(frame, i, this.keyEnd(i, eol) ?? decline(), eol, spaceBefore, comment);
  }

  /**
   * The offset of the ':' when the line from `i` holds `key:` (a plain or quoted key followed by ':'
   * and a space or the end), else undefined. Declines a key yaml would read otherwise or reject
   * (`key :`, over 1,000 characters).
   */
  private keyEnd(i: number, eol: number): number | undefined {
    const text = this.text;
    const c = text.charCodeAt(i);
    if (c === 34 || c === 39) {
      const close = this.quoteEnd(i, eol);
      if (close === undefined || text.charCodeAt(close) !== 58 || (close + 1 !== eol && text.charCodeAt(close + 1) !== 32)) return undefined;
      if (close - i > 1000) decline(); // yaml reports implicit keys over 1024 characters
      return close;
    }
    return this.plainKeyEnd(i, eol);
  }

  /** The offset of the ':' ending a plain key that starts at `i`, or undefined. */
  private plainKeyEnd(i: number, eol: number): number | undefined {
    const text = this.text;
    if (!plainStart(text, i, eol)) return undefined;
    for (let k = i + 1; k < eol; k++) {
      const c = text.charCodeAt(k);
      if (c === 58 /* : */ && (k + 1 === eol || text.charCodeAt(k + 1) === 32)) {
        if (text.charCodeAt(k - 1) === 32) decline(); // "key :" — rare; leave it to the full parser
        if (k - i > 1000) decline(); // yaml reports implicit keys over 1024 characters
        return k;
      }
      if (c === 35 /* # */ && text.charCodeAt(k - 1) === 32) return undefined;
    }
    return undefined;
  }

  /** The offset after the closing quote of a one-line quoted scalar opening at `i`, or undefined. */
  private quoteEnd(i: number, eol: number): number | undefined {
    const text = this.text;
    const q = text.charCodeAt(i);
    for (let k = i + 1; k < eol; k++) {
      const c = text.charCodeAt(k);
      if (q === 34 && c === 92 /* \ */) decline(); // escapes: the full parser
      if (c === q) {
        if (q === 39 && text.charCodeAt(k + 1) === 39) {
          k++;
          continue;
        }
        return k + 1;
      }
    }
    return undefined;
  }

  /** `key: value` or `key:` at `i`, its ':' at `colon` (from keyEnd), in the map of `frame`. */
  private pair(frame: Frame, i: number, colon: number, eol: number, spaceBefore: boolean, comment: string): void {
    const text = this.text;
    const map = frame.node as YAMLMap;
    const c = text.charCodeAt(i);
    const key = c === 34 || c === 39 ? this.quoted(i, colon, colon) : this.plain(text.slice(i, colon), i, colon, colon, true);
    if (spaceBefore) key.spaceBefore = true;
    if (comment) key.commentBefore = comment;
    let j = colon + 1;
    while (j < eol && text.charCodeAt(j) === 32) j++;
    const pair = new FastPair(key);
    map.items.push(pair);
    if (j === eol) {
      this.pending = { pair, indent: frame.indent, at: j };
      frame.end = j;
      return;
    }
    if (text.charCodeAt(j) === 35 /* # */) decline();
    const v = this.value(j, eol, frame.indent);
    pair.value = v.node;
    frame.end = v.end;
  }

  /**
   * A value starting at `j` that runs to the end of its line (a comment may follow), or a block
   * scalar, in a collection indented by `parent`.
   */
  private value(j: number, eol: number, parent: number): { node: Scalar | YAMLSeq; end: number } {
    const text = this.text;
    const c = text.charCodeAt(j);
    if (c === 124 /* | */ || c === 62 /* > */) return this.blockScalar(j, eol, parent);
    const next = this.next;
    if (c === 34 || c === 39) {
      const close = this.quoteEnd(j, eol) ?? decline();
      const comment = this.lineEnd(close, eol);
      const node = this.quoted(j, close, next);
      if (comment !== undefined) node.comment = comment;
      return { node, end: next };
    }
    if (c === 91 /* [ */) return this.flowSeq(j, eol, next);
    if (!plainStart(text, j, eol)) decline();
    // A plain scalar: up to " #" or the end of the line, without trailing spaces. Searched with
    // indexOf (native code, where a loop over every character starts in the interpreter).
    // The search runs on the line alone (a slice shares the text's characters): the text after it
    // may hold no " #" at all.
    const line = text.slice(j, eol);
    const hash = line.indexOf(' #');
    const k = hash === -1 ? eol : j + hash + 1;
    for (let colon = line.indexOf(':', 1); colon !== -1 && j + colon < k; colon = line.indexOf(':', colon + 1)) {
      if (j + colon + 1 === eol || text.charCodeAt(j + colon + 1) === 32) decline(); // "a: b: c" is an error
    }
    let last = k;
    while (last > j + 1 && text.charCodeAt(last - 1) === 32) last--;
    const node = this.plain(text.slice(j, last), j, last, next, false);
    if (k < eol) node.comment = text.slice(k + 1, eol) || ' ';
    return { node, end: next };
  }

  /**
   * A block scalar whose header is at `j`, in a collection indented by `parent`: finds its lines as
   * yaml's lexer does, and resolves them as yaml's composer does (value, folding, chomping, range).
   * Moves this.next past its lines. Declines a header with anything after it (a comment, spaces)
   * and a block scalar with no line deeper than its parent.
   */
  private blockScalar(j: number, eol: number, parent: number): { node: Scalar; end: number } {
    const text = this.text;
    let chomp = 0;
    let digit = 0;
    for (let k = j + 1; k < eol; k++) {
      const ch = text.charCodeAt(k);
      if ((ch === 45 /* - */ || ch === 43) /* + */ && !chomp) chomp = ch;
      else if (ch >= 49 && ch <= 57 && !digit) digit = ch - 48;
      else decline();
    }
    const bodyStart = this.next;
    if (bodyStart === eol) decline(); // the header on the last line: an empty scalar
    const n = text.length;
    // An explicit indentation digit counts from the parent collection's indentation.
    let contentIndent = digit ? parent + digit : -1;
    let firstIndent = -1;
    let contentEnd = -1;
    // Blank lines after the last content line: their spaces and where they end.
    let trailing: { spaces: number; next: number }[] = [];
    let pos = bodyStart;
    while (pos < n) {
      const lf = text.indexOf('\n', pos);
      const next = lf < 0 ? n : lf + 1;
      const lineEnd = lf < 0 ? n : lf > pos && text.charCodeAt(lf - 1) === 13 ? lf - 1 : lf;
      let i = pos;
      while (i < lineEnd && text.charCodeAt(i) === 32) i++;
      const spaces = i - pos;
      if (i === lineEnd) {
        // A last line without a line break continues the scalar only as deep as its content.
        if (lf < 0 && firstIndent >= 0 && spaces < contentIndent) break;
        if (firstIndent >= 0) trailing.push({ spaces, next });
        pos = next;
        continue;
      }
      if (firstIndent < 0) {
        if (spaces <= parent) decline(); // nothing deeper than the parent: an empty block scalar
        if (contentIndent < 0) contentIndent = spaces;
        else if (spaces < contentIndent) decline();
        firstIndent = spaces;
      } else if (spaces < contentIndent) break;
      trailing = [];
      contentEnd = next;
      pos = next;
    }
    if (firstIndent < 0) decline();
    // Without '+', trailing blank lines no deeper than the first content line are not the scalar's.
    if (chomp !== 43) while (trailing.length > 0 && trailing[trailing.length - 1].spaces <= firstIndent) trailing.pop();
    const end = trailing.length > 0 ? trailing[trailing.length - 1].next : contentEnd;
    // yaml's own resolution of a block scalar (compose/resolve-block-scalar.js), without a Document
    // and a composer per scalar; what it would report as an error is declined. The differential
    // check compares every block scalar it reads with yaml's.
    const value = blockScalarValue(text.slice(bodyStart, end), text.charCodeAt(j) === 124 /* | */, chomp, digit, parent);
    if (value === undefined) decline();
    const node = new FastScalar(value);
    node.range = [j, end, end];
    node.source = value;
    node.type = text.charCodeAt(j) === 124 ? Scalar.BLOCK_LITERAL : Scalar.BLOCK_FOLDED;
    if (node.range![2] !== end) decline();
    this.next = end;
    return { node, end };
  }

  /**
   * After a quoted scalar or a flow sequence closing before `from`, only spaces and a comment may
   * follow on the line: returns the comment's text, if any (declines anything else).
   */
  private lineEnd(from: number, eol: number): string | undefined {
    const text = this.text;
    let k = from;
    while (k < eol && text.charCodeAt(k) === 32) k++;
    if (k === eol) return undefined;
    if (text.charCodeAt(k) !== 35 || k === from) decline();
    return text.slice(k + 1, eol) || ' ';
  }

  /** `[a, "b", c]` on one line: scalars only. */
  private flowSeq(j: number, eol: number, next: number): { node: YAMLSeq; end: number } {
    const text = this.text;
    const seq = new FastSeq(this.schema);
    seq.flow = true;
    let k = j + 1;
    const skip = () => {
      while (k < eol && text.charCodeAt(k) === 32) k++;
    };
    skip();
    let close = -1;
    if (text.charCodeAt(k) === 93 /* ] */) close = k;
    while (close < 0) {
      if (k >= eol) decline();
      const c = text.charCodeAt(k);
      let item: Scalar;
      let valueEnd: number;
      if (c === 34 || c === 39) {
        valueEnd = this.quoteEnd(k, eol) ?? decline();
        item = this.quoted(k, valueEnd, valueEnd);
      } else {
        if (!plainStart(text, k, eol) || c === 44 || c === 93) decline();
        // In a flow list, "-", "?" and ":" are indicators before a flow indicator too ("[-]", "[?, a]").
        if ((c === 45 || c === 63 || c === 58) && isFlowIndicator(text.charCodeAt(k + 1))) decline();
        let m = k + 1;
        let last = m;
        for (; m < eol; m++) {
          const ch = text.charCodeAt(m);
          if (ch === 44 || ch === 93) break;
          if (ch === 91 || ch === 123 || ch === 125 || ch === 58 || ch === 35 || ch === 34 || ch === 39) decline();
          if (ch !== 32) last = m + 1;
        }
        valueEnd = last;
        item = this.plain(text.slice(k, last), k, last, last, false);
      }
      k = valueEnd;
      skip();
      // The spaces after an item belong to it.
      item.range![2] = k;
      seq.items.push(item);
      const ch = text.charCodeAt(k);
      if (ch === 93) close = k;
      else if (ch === 44) {
        k++;
        skip();
        if (text.charCodeAt(k) === 93 || text.charCodeAt(k) === 44) decline(); // trailing or double comma
      } else decline();
    }
    const comment = this.lineEnd(close + 1, eol);
    if (comment !== undefined) seq.comment = comment;
    seq.range = [j, close + 1, next];
    return { node: seq, end: next };
  }

  private plain(source: string, start: number, valueEnd: number, end: number, atKey: boolean): Scalar {
    let tag = this.strTag;
    if (source.length === 0 || mayBeNonString(source.charCodeAt(0))) {
      for (const t of this.tags) {
        if ((t.default === true || (atKey && t.default === 'key')) && t.test?.test(source)) {
          tag = t;
          break;
        }
      }
    }
    return this.resolve(tag, source, start, valueEnd, end, 'PLAIN');
  }

  private quoted(start: number, close: number, end: number): Scalar {
    const text = this.text;
    const double = text.charCodeAt(start) === 34;
    let value = text.slice(start + 1, close - 1);
    if (!double && value.includes("''")) value = value.replace(/''/g, "'");
    return this.resolve(this.strTag, value, start, close, end, double ? 'QUOTE_DOUBLE' : 'QUOTE_SINGLE');
  }

  /** The empty value of `key:` or `-`, at `at`. */
  private empty(at: number): Scalar {
    return this.plain('', at, at, at, false);
  }

  /** As yaml's composeScalar does it. */
  private resolve(tag: Tag, source: string, start: number, valueEnd: number, end: number, type: Scalar.Type): Scalar {
    let scalar: Scalar;
    try {
      const res = tag.resolve(source, () => decline(), this.options);
      scalar = isScalar(res) ? res : new FastScalar(res);
    } catch (err) {
      if (err instanceof Decline) throw err;
      return decline(); // a value its tag cannot resolve: parseDocument reports it
    }
    scalar.range = [start, valueEnd, end];
    scalar.source = source;
    scalar.type = type;
    if (tag.format) scalar.format = tag.format;
    return scalar;
  }

  private setNull(pair: Pair, at: number): void {
    pair.value = this.empty(at);
  }

  /**
   * Blank lines and comments after a `key:` that stays empty, up to `end`: a blank line before any
   * comment marks its null, the comments become the null's own, its range running to `end`.
   */
  private nullGaps(pair: Pair, end: number): void {
    const value = pair.value as Scalar;
    const { spaceBefore, comment } = props(this.gaps);
    if (spaceBefore) value.spaceBefore = true;
    if (comment) {
      value.comment = comment;
      value.range![2] = end;
      this.stack[this.stack.length - 1].end = end;
    }
    this.gaps = [];
  }

  /**
   * Comments before the next line (or the end) that are as deep as one of the collections `closing`
   * (outermost first) that end there: yaml makes them the comment of the deepest such collection at
   * or above their indentation, its range running to `end`. Returns whether they were taken; false
   * when every comment is shallower than all of them (they belong to what follows).
   */
  private trailingComments(closing: Frame[], end: number): boolean {
    const comments = this.gaps.filter((g) => g.comment !== undefined);
    // Deeper than the innermost collection, yaml attaches a comment to the last value: not read here.
    if (comments.some((g) => g.indent > closing[closing.length - 1].indent)) decline();
    // Around a compact list, yaml's choice depends on more than the columns: not read here.
    closing.forEach((f, k) => {
      if (!f.compact) return;
      const inner = k + 1 < closing.length ? threshold(closing[k + 1]) : Infinity;
      if (comments.some((g) => g.indent >= f.indent && g.indent < inner)) decline();
    });
    if (comments.length === 0 || comments.every((g) => g.indent < threshold(closing[0]))) return false;
    const target = (indent: number): Frame | undefined => {
      for (let k = closing.length - 1; k >= 0; k--) if (threshold(closing[k]) <= indent) return closing[k];
      return undefined;
    };
    const frame = target(comments[0].indent);
    // Once a collection takes a comment, it takes those after it that are shallower than every
    // collection ending here; one aimed at another of them is attached in ways not reproduced here.
    if (!frame || comments.some((g) => target(g.indent) !== frame && target(g.indent) !== undefined)) return decline();
    frame.comment = props(this.gaps).comment;
    frame.commentEnd = end;
    return true;
  }

  /** Ends the innermost open collection: its range, and its place in the one around it. */
  private close(): void {
    const frame = this.stack.pop()!;
    const end = frame.commentEnd ?? frame.end;
    frame.node.range = [frame.start, frame.end, end];
    if (frame.comment !== undefined) frame.node.comment = frame.comment;
    const parent = this.stack[this.stack.length - 1];
    if (parent) parent.end = end;
  }

  private finish(first: number, prelude: Gap[]): Document.Parsed {
    // After a last `key:` or `-` with nothing after it, the line breaks and blank lines that follow
    // belong to it, not to the document's end.
    let end = this.text.length;
    const comments = this.gaps.some((g) => g.comment !== undefined);
    if (comments && (this.pending || this.emptyItem !== undefined)) decline();
    if (this.pending) {
      this.setNull(this.pending.pair, this.pending.at);
      this.nullGaps(this.pending.pair, this.text.length);
      end = this.pending.at;
    } else if (this.emptyItem !== undefined) {
      end = this.stack[this.stack.length - 1].end;
    }
    this.pending = undefined;
    // Comments at the end: a nested collection's when as deep as it, else the document's.
    let docComment: string | undefined;
    if (comments) {
      const nested = this.stack.slice(1);
      const innermost = this.stack[this.stack.length - 1];
      if (this.gaps.some((g) => g.comment !== undefined && g.indent > innermost.indent)) decline();
      if (nested.length === 0 || !this.trailingComments(nested, this.text.length)) docComment = endComment(this.gaps);
    }
    this.gaps = [];
    while (this.stack.length > 1) this.close();
    const root = this.stack[0];
    root.node.range = [root.start, root.end, root.end];
    const doc = this.doc;
    if (docComment) doc.comment = docComment;
    doc.contents = root.node as never;
    doc.range = [first, root.end, end];
    // Comments before the first line: the document's, after a blank line; else the first item's.
    if (prelude.some((g) => g.comment !== undefined)) {
      let comment = '';
      let afterEmptyLine = false;
      for (const g of prelude) {
        if (g.comment !== undefined) {
          comment += (comment === '' ? '' : afterEmptyLine ? '\n\n' : '\n') + (g.comment || ' ');
          afterEmptyLine = false;
        } else afterEmptyLine = true;
      }
      if (afterEmptyLine) doc.commentBefore = comment;
      else {
        const items = root.node.items as unknown[];
        const it = (items[0] instanceof Pair ? items[0].key : items[0]) as Scalar;
        it.commentBefore = it.commentBefore ? `${comment}\n${it.commentBefore}` : comment;
      }
    }
    (doc as { errors: unknown[] }).errors = [];
    (doc as { warnings: unknown[] }).warnings = [];
    return doc;
  }
}

/** The least indentation of a comment that a collection ending before it takes as its own. */
function threshold(frame: Frame): number {
  // A compact list leaves comments in its own column to the mapping around it.
  return frame.compact ? frame.indent + 1 : frame.indent;
}

/** yaml's resolveEnd over the blank and comment lines after the document's content. */
function endComment(gaps: Gap[]): string {
  let comment = '';
  let sep = '';
  for (const g of gaps) {
    if (g.comment !== undefined) {
      const cb = g.comment || ' ';
      comment = comment ? comment + sep + cb : cb;
      sep = '';
    }
    if (comment) sep += g.newline;
  }
  return comment;
}

/** yaml's resolveProps over blank and comment lines that start on a new line. */
function props(gaps: Gap[]): { spaceBefore: boolean; comment: string } {
  let spaceBefore = false;
  let atNewline = true;
  let comment = '';
  let commentSep = '';
  for (const g of gaps) {
    if (g.comment !== undefined) {
      const cb = g.comment || ' ';
      comment = comment ? comment + commentSep + cb : cb;
      commentSep = '';
      atNewline = false;
    }
    if (!g.newline) continue;
    // The line's own line break.
    if (atNewline) {
      if (comment) comment += g.newline;
      else spaceBefore = true;
    } else commentSep += g.newline;
    atNewline = true;
  }
  return { spaceBefore, comment };
}

function isFlowIndicator(c: number): boolean {
  return c === 44 || c === 91 || c === 93 || c === 123 || c === 125; // , [ ] { }
}

/** Whether a plain scalar may start at `i` (YAML's indicators may not, but "-x", "?x" and ":x" may). */
function plainStart(text: string, i: number, eol: number): boolean {
  const c = text.charCodeAt(i);
  switch (c) {
    case 45: // -
    case 63: // ?
    case 58: {
      // :
      const d = i + 1 < eol ? text.charCodeAt(i + 1) : 32;
      return d !== 32;
    }
    case 44: // ,
    case 91: // [
    case 93: // ]
    case 123: // {
    case 125: // }
    case 35: // #
    case 38: // &
    case 42: // *
    case 33: // !
    case 124: // |
    case 62: // >
    case 39: // '
    case 34: // "
    case 37: // %
    case 64: // @
    case 96: // `
      return false;
    default:
      return true;
  }
}
