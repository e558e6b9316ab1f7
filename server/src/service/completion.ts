// Completion for partnership files: keys valid at the cursor, enum values, list-item snippets and
// person ids. The cursor's place in the document is read from the indentation of the lines above,
// not from the YAML parser, so it works on the half-typed lines completion is asked for
// (`  sta`, `owner: `, `  - `). Results are LSP-shaped plain data.
import { formatDay } from './dates';
import { isScalar, isSeq, locate, ParsedDocument } from './document';
import { expectedSide, PartnershipModel } from './model';
import { ID_PATTERN } from './navigation';
import { documentationOf, enumDocumentation, isPersonRef, JsonPath, resolveSchema, schemaAt, SchemaNode } from './schema';
import type { Day, Position, Range, TextEdit } from './types';
import { CompletionItemKind, InsertTextFormat } from 'vscode-languageserver-types';
import type { CompletionItem as LspCompletionItem, CompletionList as LspCompletionList, MarkupContent } from 'vscode-languageserver-types';
import type { PersonSide } from './model';

// ---------------------------------------------------------------------------------------------
// Results: LSP's types, narrowed to what this service always gives (a plain TextEdit, Markdown).

export type { MarkupContent };

export interface CompletionItem extends LspCompletionItem {
  kind: CompletionItemKind;
  documentation?: MarkupContent;
  insertTextFormat: InsertTextFormat;
  textEdit: TextEdit;
}

export interface CompletionList extends LspCompletionList {
  items: CompletionItem[];
}

export interface CompletionOptions {
  /** For date values: today's date is offered first. */
  today: Day;
  /** The character that triggered completion, if any: a space only completes values. */
  triggerCharacter?: string;
}

// ---------------------------------------------------------------------------------------------
// Reading block YAML by indentation.

interface LineShape {
  indent: number;
  /** Columns of the `- ` sequence indicators at the start of the line. */
  dashes: number[];
  /** Column of what follows the indicators. */
  contentCol: number;
  key?: string;
  /** The value after `key:`, without a trailing comment; '' when the key opens a block. */
  value?: string;
}

const KEY_RE = /^("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^\s#'"{}[\],&*!|>%@`-][^#]*?|-[^\s#][^#]*?)\s*:(?=\s|$)/;

function unquote(key: string): string {
  if (key.startsWith('"')) {
    try {
      return JSON.parse(key) as string;
    } catch {
      return key.slice(1, -1);
    }
  }
  if (key.startsWith("'")) return key.slice(1, -1).replace(/''/g, "'");
  return key;
}

function stripComment(value: string): string {
  return value.replace(/(^|\s)#.*$/, '').trim();
}

/** The shape of a line, or undefined for a blank or comment-only line. */
function shapeOf(text: string): LineShape | undefined {
  if (/^\s*(#.*)?$/.test(text)) return undefined;
  const indent = /^ */.exec(text)![0].length;
  const dashes: number[] = [];
  let pos = indent;
  for (;;) {
    const m = /^-( +|$)/.exec(text.slice(pos));
    if (!m) break;
    dashes.push(pos);
    pos += m[0].length;
  }
  const content = text.slice(pos);
  const shape: LineShape = { indent, dashes, contentCol: pos };
  const m = KEY_RE.exec(content);
  if (m) {
    shape.key = unquote(m[1]);
    shape.value = stripComment(content.slice(m[0].length));
  }
  return shape;
}

interface Frame {
  col: number;
  kind: 'map' | 'seq';
  /** map: the latest key and whether it has an inline value; seq: the latest item's index. */
  key?: string;
  keyHasValue?: boolean;
  keys: string[];
  index: number;
}

/** The containers open at a line, from the top of the document, as a stack of frames. */
class IndentScanner {
  readonly stack: Frame[] = [];
  /** Set while inside a `|` or `>` block scalar: the column its key sits at. */
  private blockScalarCol: number | undefined;

  /** True when `line` (its indentation) continues a block scalar opened above. */
  inBlockScalar(indent: number, blank: boolean): boolean {
    return this.blockScalarCol !== undefined && (blank || indent > this.blockScalarCol);
  }

  feed(text: string): void {
    const blank = /^\s*$/.test(text);
    const indent = /^ */.exec(text)![0].length;
    if (this.inBlockScalar(indent, blank)) return;
    this.blockScalarCol = undefined;
    const shape = shapeOf(text);
    if (!shape) return;
    if (/^(---|\.\.\.)(\s|$)/.test(text)) {
      this.stack.length = 0;
      return;
    }
    // A more-indented line with neither dash nor key continues the previous plain scalar.
    const top = this.top();
    if (shape.dashes.length === 0 && shape.key === undefined && top && indent > top.col) return;
    for (const dash of shape.dashes) this.open(dash, 'seq');
    if (shape.key !== undefined) {
      const map = this.open(shape.contentCol, 'map');
      map.key = shape.key;
      map.keyHasValue = shape.value !== '';
      map.keys.push(shape.key);
      if (/^[|>][-+0-9]*$/.test(shape.value ?? '')) this.blockScalarCol = shape.contentCol;
    }
  }

  top(): Frame | undefined {
    return this.stack[this.stack.length - 1];
  }

  /** Enter a map or a sequence at `col`, leaving the containers it closes. */
  open(col: number, kind: Frame['kind']): Frame {
    for (;;) {
      const top = this.top();
      if (!top || top.col < col) break;
      if (top.col === col) {
        if (top.kind === kind) {
          if (kind === 'seq') top.index++;
          return top;
        }
        // `key:` followed by `- item` at the key's own column: a compact sequence under the key.
        if (kind === 'seq' && top.kind === 'map' && !top.keyHasValue) break;
      }
      this.stack.pop();
    }
    const frame: Frame = { col, kind, keys: [], index: 0 };
    this.stack.push(frame);
    return frame;
  }

  /** The path to the innermost container. */
  path(): (string | number)[] {
    const out: (string | number)[] = [];
    for (let i = 0; i < this.stack.length - 1; i++) {
      const f = this.stack[i];
      out.push(f.kind === 'map' ? f.key ?? '' : f.index);
    }
    return out;
  }
}

/** Keys at exactly `col` in the lines after `line`, until the mapping at that column ends. */
function keysBelow(lines: string[], line: number, col: number): string[] {
  const keys: string[] = [];
  let blockScalarCol: number | undefined;
  for (let i = line + 1; i < lines.length; i++) {
    const text = lines[i];
    const blank = /^\s*$/.test(text);
    const indent = /^ */.exec(text)![0].length;
    if (blockScalarCol !== undefined && (blank || indent > blockScalarCol)) continue;
    blockScalarCol = undefined;
    const shape = shapeOf(text);
    if (!shape) continue;
    if (indent < col || /^(---|\.\.\.)(\s|$)/.test(text)) break;
    if (indent > col) continue;
    if (shape.dashes.length > 0) continue; // a compact sequence inside this mapping
    if (shape.key === undefined) break;
    keys.push(shape.key);
    if (/^[|>][-+0-9]*$/.test(shape.value ?? '')) blockScalarCol = col;
  }
  return keys;
}

function splitLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

// ---------------------------------------------------------------------------------------------
// Completion.

interface Context {
  lines: string[];
  line: number;
  character: number;
  /** Parsed on first use: most keystrokes that ask for completion never need it. */
  readonly pd: ParsedDocument;
  readonly model: PartnershipModel;
  today: Day;
  unit: number;
  eol: string;
}

/** Completion at `position`; `parse` gives the text's parse, asked for only when needed. */
export function completion(text: string, position: Position, options: CompletionOptions, parse: () => ParsedDocument): CompletionList {
  const lines = splitLines(text);
  const empty: CompletionList = { isIncomplete: false, items: [] };
  if (position.line < 0 || position.line >= lines.length) return empty;
  const lineText = lines[position.line];
  const character = Math.max(0, Math.min(position.character, lineText.length));
  const prefix = lineText.slice(0, character);
  const suffix = lineText.slice(character);

  const scanner = new IndentScanner();
  for (let i = 0; i < position.line; i++) scanner.feed(lines[i]);
  const indent = /^ */.exec(prefix)![0].length;
  if (scanner.inBlockScalar(indent, /^\s*$/.test(lineText))) return empty;
  if (/(^|\s)#/.test(prefix) || /^\s*(---|\.\.\.)/.test(prefix)) return empty;

  let model: PartnershipModel | undefined;
  const ctx: Context = {
    lines,
    line: position.line,
    character,
    get pd() {
      return parse();
    },
    get model() {
      return (model ??= new PartnershipModel(parse()));
    },
    today: options.today,
    unit: detectIndentUnit(lines),
    eol: text.includes('\r\n') ? '\r\n' : '\n',
  };
  const at = (col: number): Position => ({ line: position.line, character: col });

  // The `- ` indicators typed so far on this line, then what follows them.
  const dashes: number[] = [];
  let pos = indent;
  for (;;) {
    const m = /^-( +|$)/.exec(prefix.slice(pos));
    if (!m || (m[1] === '' && pos + 1 < lineText.length && lineText[pos + 1] !== ' ')) break;
    if (m[1] === '' && pos + 1 === character && suffix === '') break; // a lone '-' being typed
    dashes.push(pos);
    pos += m[0].length;
  }
  const rest = prefix.slice(pos);
  for (const dash of dashes) scanner.open(dash, 'seq');

  const keyValue = /^("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^\s#'"{}[\],:][^#:]*?)(\s*):( *)(.*)$/.exec(rest);
  if (keyValue) {
    // `key: val|` — complete the value of `key`.
    const key = unquote(keyValue[1]);
    scanner.open(pos, 'map');
    const path = [...scanner.path(), key];
    const valueStart = pos + keyValue[1].length + keyValue[2].length + 1 + keyValue[3].length;
    const needsSpace = keyValue[3] === '';
    return { isIncomplete: false, items: valueItems(ctx, path, keyValue[4], valueStart, suffix, needsSpace, at) };
  }
  if (options.triggerCharacter === ' ' && rest === '' && dashes.length === 0) return empty;

  if (!/^[^\s:#[\]{},]*$/.test(rest)) return empty;
  const wordEnd = character + /^[^\s:#[\]{},]*/.exec(suffix)![0].length;
  const range: Range = { start: at(pos), end: at(wordEnd) };
  const keyOnly = /^[^\s:#[\]{},]*\s*:/.test(suffix);

  if (dashes.length > 0) {
    // `  - |` or `  - wo|`: a new (or edited) list item.
    const seqPath = scanner.path();
    const seqSchema = schemaAt(seqPath);
    const item = resolveSchema(seqSchema?.items);
    if (!item) return empty;
    if (isPersonRef(item)) {
      return { isIncomplete: false, items: personItems(ctx, range, (id) => id, listValues(ctx, seqPath, rest)) };
    }
    if (item.properties) {
      const present = keysBelow(lines, position.line, pos);
      const itemPath = [...seqPath, scanner.top()?.index ?? 0];
      const items = keyItems(ctx, item, itemPath, present, range, pos, keyOnly);
      if (!keyOnly) items.push(...snippetItems(ctx, item, itemPath, range, pos, ''));
      return { isIncomplete: false, items };
    }
    return { isIncomplete: false, items: scalarItems(ctx, item, range, '') };
  }

  // A key (or nothing yet) at column `pos`: find the container that column belongs to.
  let top = scanner.top();
  while (top && top.col > pos) {
    scanner.stack.pop();
    top = scanner.top();
  }
  if (top && top.kind === 'seq' && top.col === pos) {
    // At the column of a list's dashes without a dash yet: offer whole new items.
    const seqPath = scanner.path();
    const item = resolveSchema(schemaAt(seqPath)?.items);
    const items = item ? newItemSnippets(ctx, item, [...seqPath, top.index + 1], range, pos) : [];
    // A compact list (`goals:` then `- …` at the same column) may also end here with the next key.
    const parent = scanner.stack[scanner.stack.length - 2];
    if (parent && parent.kind === 'map' && parent.col === pos) {
      scanner.stack.pop();
      const mapPath = scanner.path();
      const mapSchema = schemaAt(mapPath);
      if (mapSchema?.properties) items.push(...keyItems(ctx, mapSchema, mapPath, [...parent.keys, ...keysBelow(lines, position.line, pos)], range, pos, keyOnly));
    }
    return { isIncomplete: false, items };
  }
  if (top && top.kind === 'seq') return empty; // between a dash and its content: ambiguous
  let mapPath: (string | number)[];
  let present: string[];
  if (!top) {
    mapPath = [];
    present = keysBelow(lines, position.line, pos);
  } else if (top.col === pos) {
    mapPath = scanner.path();
    present = [...top.keys, ...keysBelow(lines, position.line, pos)];
  } else {
    // Deeper than the mapping above: the value of its latest key, if that key opened a block.
    if (top.keyHasValue || top.key === undefined) return empty;
    mapPath = [...scanner.path(), top.key];
    const s = schemaAt(mapPath);
    if (s?.items) {
      const item = resolveSchema(s.items);
      return { isIncomplete: false, items: item ? newItemSnippets(ctx, item, [...mapPath, 0], range, pos) : [] };
    }
    present = keysBelow(lines, position.line, pos);
  }
  const schema = schemaAt(mapPath);
  if (!schema?.properties) return empty;
  return { isIncomplete: false, items: keyItems(ctx, schema, mapPath, present, range, pos, keyOnly) };
}

function detectIndentUnit(lines: string[]): number {
  for (let i = 0; i + 1 < lines.length; i++) {
    const here = shapeOf(lines[i]);
    if (!here || here.key === undefined || here.value !== '' || here.indent !== 0) continue;
    for (let j = i + 1; j < lines.length; j++) {
      const next = shapeOf(lines[j]);
      if (!next) continue;
      if (next.indent > 0) return next.indent;
      break;
    }
  }
  return 2;
}

function pad(n: number): string {
  return String(n).padStart(3, '0');
}

function markdown(value: string | undefined): MarkupContent | undefined {
  return value ? { kind: 'markdown', value } : undefined;
}

/** Escape text for a snippet's literal part. */
function snippetText(text: string): string {
  return text.replace(/[$}\\]/g, (c) => `\\${c}`);
}

/** What a field takes, for the detail line of its completion. */
function typeSummary(s: SchemaNode): string {
  if (s.ref === 'personRef') return 'person id';
  if (s.ref === 'date') return 'date YYYY-MM-DD';
  if (s.ref === 'id') return 'id';
  if (s.enum) return s.enum.map(String).join(' | ');
  if (s.const !== undefined) return String(s.const);
  if (s.items) {
    const item = resolveSchema(s.items);
    return item?.ref === 'personRef' ? 'list of person ids' : 'list';
  }
  if (s.properties) return 'mapping';
  const type = Array.isArray(s.type) ? s.type.join(' | ') : s.type;
  return type === 'string' ? 'text' : type ?? 'value';
}

function keyItems(ctx: Context, schema: SchemaNode, mapPath: JsonPath, present: string[], range: Range, col: number, keyOnly: boolean): CompletionItem[] {
  const required = new Set(schema.required ?? []);
  const items: CompletionItem[] = [];
  Object.entries(schema.properties ?? {}).forEach(([key, raw], i) => {
    if (present.includes(key)) return;
    const s = resolveSchema(raw)!;
    const newText = keyOnly ? key : keyInsertText(ctx, [...mapPath, key], s, col);
    items.push({
      label: key,
      kind: CompletionItemKind.Property,
      detail: `${typeSummary(s)}${required.has(key) ? ' (required)' : ''}`,
      documentation: markdown(documentationOf(s)),
      sortText: `${required.has(key) ? '0' : '1'}${pad(i)}`,
      insertTextFormat: keyOnly ? InsertTextFormat.PlainText : InsertTextFormat.Snippet,
      ...(newText.includes('\n') ? { insertTextMode: 1 as const } : {}),
      textEdit: { range, newText },
    });
  });
  return items;
}

/** `key: …` as a snippet, with the nested lines a block needs, indented for column `col`. */
function keyInsertText(ctx: Context, path: JsonPath, s: SchemaNode, col: number): string {
  const key = String(path[path.length - 1]);
  const childIndent = ' '.repeat(col + ctx.unit);
  const eol = ctx.eol;
  if (s.items) {
    const item = resolveSchema(s.items);
    if (isPersonRef(item)) return `${key}: [${fieldPlaceholder(ctx, [...path, 0], item!, 1)}]`;
    const snippet = s.defaultSnippets?.[0] ?? item?.defaultSnippets?.[0];
    const body = Array.isArray(snippet?.body) ? snippet!.body[0] : snippet?.body;
    if (item && body && typeof body === 'object') {
      return `${key}:${eol}${itemLines(fillBody(ctx, [...path, 0], item, body as Record<string, unknown>), col + ctx.unit, ctx.unit).join(eol)}`;
    }
    return `${key}:${eol}${childIndent}- $0`;
  }
  if (s.properties) {
    const required = (s.required ?? []).filter((k) => s.properties![k]);
    if (required.length === 0) return `${key}:${eol}${childIndent}$0`;
    return `${key}:${eol}${required.map((k, i) => `${childIndent}${k}: ${fieldPlaceholder(ctx, [...path, k], resolveSchema(s.properties![k])!, i + 1)}`).join(eol)}`;
  }
  return `${key}: ${fieldPlaceholder(ctx, path, s, 1)}`;
}

/**
 * Tab stop `n` for the field at `path`, filled with what the file tells: the next free id, today's
 * date (a renegotiation's `from`: the commitment's current due), a choice of the people on the side
 * the field names. `given` is the schema snippet's placeholder text, used when nothing is known.
 */
function fieldPlaceholder(ctx: Context, path: JsonPath, s: SchemaNode, n: number, given?: string): string {
  const placeholder = (text: string) => `\${${n}:${snippetText(text)}}`;
  if (s.const !== undefined) return snippetText(String(s.const));
  if (s.enum) return `\${${n}|${s.enum.map(String).join(',')}|}`;
  if (s.type === 'boolean') return `\${${n}|true,false|}`;
  if (s.ref === 'date') return placeholder(formatDay(dateFor(ctx, path)));
  if (isPersonRef(s)) {
    const ids = peopleFor(ctx, expectedSide(path));
    if (ids.length === 1) return placeholder(ids[0]);
    if (ids.length > 1) return `\${${n}|${ids.join(',')}|}`;
  }
  if (s.ref === 'id' && given !== undefined && typeof path[path.length - 2] === 'number') {
    const id = nextId(ctx, path.slice(0, -2), given);
    if (id) return placeholder(id);
  }
  return given !== undefined ? placeholder(given) : `$${n}`;
}

/** The date a new date field starts at. */
function dateFor(ctx: Context, path: JsonPath): Day {
  const [section, index, history, , field] = path;
  if (path.length === 5 && section === 'commitments' && typeof index === 'number' && history === 'history' && field === 'from') {
    const due = ctx.model.commitments[index]?.day('due');
    if (due !== undefined) return due;
  }
  return ctx.today;
}

/** Valid person ids on `side` in file order; everyone when nobody is on that side (or any side will do). */
function peopleFor(ctx: Context, side: PersonSide | undefined): string[] {
  const everyone = [...ctx.model.personById.keys()].filter((id) => ID_PATTERN.test(id));
  const onSide = side ? everyone.filter((id) => ctx.model.side(id) === side) : everyone;
  return onSide.length > 0 ? onSide : everyone;
}

/** A schema snippet body with its `${n:placeholder}` tab stops filled for the item at `itemPath`. */
function fillBody(ctx: Context, itemPath: JsonPath, item: SchemaNode, body: Record<string, unknown>): Record<string, unknown> {
  const fill = (path: JsonPath, s: SchemaNode | undefined, value: unknown): unknown => {
    const m = typeof value === 'string' ? /^\$\{(\d+):([^}]*)\}$/.exec(value) : null;
    return s && m ? fieldPlaceholder(ctx, path, s, Number(m[1]), m[2]) : value;
  };
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(body)) {
    const s = resolveSchema(item.properties?.[key]);
    const path = [...itemPath, key];
    out[key] = Array.isArray(value) && s?.items ? value.map((v, i) => fill([...path, i], resolveSchema(s.items), v)) : fill(path, s, value);
  }
  return out;
}

/** A snippet body as `- first: …` plus aligned lines, the dash at column `dashCol`. */
function itemLines(body: Record<string, unknown>, dashCol: number, unit: number): string[] {
  const lines = bodyLines(body, unit);
  return lines.map((l, i) => (i === 0 ? `${' '.repeat(dashCol)}- ${l}` : `${' '.repeat(dashCol + 2)}${l}`));
}

/** A snippet body (an object of snippet strings) as YAML lines without a base indentation. */
function bodyLines(body: Record<string, unknown>, unit: number): string[] {
  const out: string[] = [];
  for (const [key, value] of Object.entries(body)) {
    if (Array.isArray(value)) {
      if (value.every((v) => typeof v !== 'object')) out.push(`${key}: [${value.map(String).join(', ')}]`);
      else {
        out.push(`${key}:`);
        for (const v of value) {
          const nested = bodyLines(v as Record<string, unknown>, unit);
          nested.forEach((l, i) => out.push(`${' '.repeat(unit)}${i === 0 ? '- ' : '  '}${l}`));
        }
      }
    } else if (value !== null && typeof value === 'object') {
      out.push(`${key}:`);
      for (const l of bodyLines(value as Record<string, unknown>, unit)) out.push(`${' '.repeat(unit)}${l}`);
    } else {
      out.push(`${key}: ${String(value)}`);
    }
  }
  return out;
}

/** Snippets for the item after a `- ` already typed: the body's lines, aligned under the first. */
function snippetItems(ctx: Context, item: SchemaNode, itemPath: JsonPath, range: Range, col: number, dashPrefix: string): CompletionItem[] {
  return (item.defaultSnippets ?? []).map((snippet) => {
    const body = fillBody(ctx, itemPath, item, snippet.body as Record<string, unknown>);
    const lines = bodyLines(body, ctx.unit);
    const base = ' '.repeat(col + dashPrefix.length);
    const newText = dashPrefix + lines.map((l, i) => (i === 0 ? l : base + l)).join(ctx.eol);
    return {
      label: dashPrefix ? `- ${snippet.label}` : snippet.label,
      kind: CompletionItemKind.Snippet,
      detail: snippet.description,
      documentation: { kind: 'markdown', value: '```yaml\n' + (dashPrefix + lines.map((l, i) => (i === 0 ? l : ' '.repeat(dashPrefix.length) + l)).join('\n')).replace(/\$\{\d+[:|]([^}|]*)[^}]*\}/g, '$1') + '\n```' },
      sortText: `2${snippet.label}`,
      filterText: dashPrefix ? `- ${snippet.label}` : snippet.label,
      insertTextFormat: InsertTextFormat.Snippet,
      insertTextMode: 1,
      textEdit: { range, newText },
    } satisfies CompletionItem;
  });
}

/** At a list's dash column with no dash typed yet: whole items, `- ` included. */
function newItemSnippets(ctx: Context, item: SchemaNode, itemPath: JsonPath, range: Range, col: number): CompletionItem[] {
  if (item.properties) return snippetItems(ctx, item, itemPath, range, col, '- ');
  if (isPersonRef(item)) return personItems(ctx, range, (id) => `- ${id}`, new Set());
  return [];
}

/** The ids already in the list at `path`, except one occurrence of the word being typed. */
function listValues(ctx: Context, path: JsonPath, typing: string): Set<string> {
  const node = locate(ctx.pd.root, path)?.node;
  const values: string[] = [];
  if (isSeq(node)) for (const item of node.items) if (isScalar(item) && typeof item.value === 'string') values.push(item.value);
  const i = values.indexOf(typing);
  if (i >= 0) values.splice(i, 1);
  return new Set(values);
}

function personItems(ctx: Context, range: Range, text: (id: string) => string, exclude: Set<string>): CompletionItem[] {
  const items: CompletionItem[] = [];
  ctx.model.people.forEach((person, i) => {
    const id = person.str('id');
    if (!id || exclude.has(id) || ctx.model.personById.get(id) !== person) return;
    items.push({
      label: id,
      kind: CompletionItemKind.Reference,
      detail: personSummary(ctx.model, id),
      documentation: markdown(personMarkdown(ctx.model, id)),
      sortText: `0${pad(i)}`,
      insertTextFormat: InsertTextFormat.PlainText,
      textEdit: { range, newText: text(id) },
    });
  });
  return items;
}

/** "Jane Doe · VP Compliance · customer" */
export function personSummary(model: PartnershipModel, id: string): string {
  const p = model.personById.get(id);
  if (!p) return id;
  return [p.str('name') ?? id, p.str('role'), p.str('side')].filter(Boolean).join(' · ');
}

/** "**Jane Doe** (`jdoe`) — VP Compliance, customer side · decision maker · sponsor" */
export function personMarkdown(model: PartnershipModel, id: string): string | undefined {
  const p = model.personById.get(id);
  if (!p) return undefined;
  const side = p.str('side');
  const sideText = side === 'customer' ? `customer side (${model.customerName()})` : side === 'ours' ? 'our side' : undefined;
  const about = [p.str('role'), sideText].filter(Boolean).join(', ');
  const flags = [p.bool('decisionMaker') ? 'decision maker' : undefined, p.bool('sponsor') ? 'sponsor' : undefined].filter(Boolean);
  const tail = [about, ...flags].filter(Boolean).join(' · ');
  return `**${p.str('name') ?? id}** (\`${id}\`)${tail ? ` — ${tail}` : ''}`;
}

function valueItems(
  ctx: Context,
  path: JsonPath,
  typed: string,
  valueStart: number,
  suffix: string,
  needsSpace: boolean,
  at: (col: number) => Position,
): CompletionItem[] {
  const s = schemaAt(path);
  if (!s) return [];
  const lead = needsSpace ? ' ' : '';
  const flow = /^\[([^\]]*)$/.exec(typed);
  if (s.items && isPersonRef(resolveSchema(s.items))) {
    if (flow) {
      // Inside `[a, b, |]`: the word since the last comma.
      const inside = flow[1];
      const lastComma = inside.lastIndexOf(',');
      const before = inside.slice(lastComma + 1);
      const word = before.trimStart();
      if (/[\s"']/.test(word)) return [];
      const start = valueStart + 1 + lastComma + 1 + (before.length - word.length);
      const end = valueStart + typed.length + /^[^\s,\]#]*/.exec(suffix)![0].length;
      return personItems(ctx, { start: at(start), end: at(end) }, (id) => id, listValues(ctx, path, word));
    }
    if (typed !== '' || /\S/.test(suffix)) return [];
    return personItems(ctx, { start: at(valueStart), end: at(valueStart) }, (id) => `${lead}[${id}]`, listValues(ctx, path, ''));
  }
  if (!/^[^\s#:[\]{},]*$/.test(typed)) return [];
  const end = valueStart + typed.length + /^[^\s#]*/.exec(suffix)![0].length;
  const range: Range = { start: at(valueStart), end: at(end) };
  if (isPersonRef(s)) return personItems(ctx, range, (id) => lead + id, new Set());
  return scalarItems(ctx, s, range, lead, path);
}

/** Enum values, booleans, the format version, today's date, the next free id. */
function scalarItems(ctx: Context, s: SchemaNode, range: Range, lead: string, path?: JsonPath): CompletionItem[] {
  const item = (label: string, kind: CompletionItemKind, detail: string | undefined, doc: string | undefined, sort: string): CompletionItem => ({
    label,
    kind,
    detail,
    documentation: markdown(doc),
    sortText: sort,
    insertTextFormat: InsertTextFormat.PlainText,
    textEdit: { range, newText: lead + label },
  });
  if (s.enum) return s.enum.map((v, i) => item(String(v), CompletionItemKind.EnumMember, s.enumDescriptions?.[i], enumDocumentation(s, v), pad(i)));
  if (s.const !== undefined) return [item(String(s.const), CompletionItemKind.Value, undefined, documentationOf(s), '0')];
  if (s.type === 'boolean') return ['true', 'false'].map((v, i) => item(v, CompletionItemKind.Value, undefined, undefined, pad(i)));
  if (s.ref === 'date') return [item(formatDay(ctx.today), CompletionItemKind.Value, 'today', undefined, '0')];
  if (s.ref === 'id' && path && path.length >= 3 && typeof path[path.length - 2] === 'number') {
    const next = nextId(ctx, path.slice(0, -2));
    return next ? [item(next, CompletionItemKind.Value, 'next free id', undefined, '0')] : [];
  }
  return [];
}

/**
 * "C-13" after C-1 … C-12: the prefix the list's ids share, and one more than the highest number,
 * free across the whole file. With no numbered id in the list, `fallback` (a snippet's "C-1"),
 * its number raised until free.
 */
function nextId(ctx: Context, seqPath: JsonPath, fallback?: string): string | undefined {
  const node = locate(ctx.pd.root, seqPath)?.node;
  const m = ctx.model;
  const used = new Set<string>();
  for (const item of [...m.people, ...m.goals, ...m.commitments, ...m.concerns, ...m.risks, ...m.milestones]) {
    const id = item.str('id');
    if (id !== undefined) used.add(id);
  }
  const numbers = new Map<string, number>();
  if (isSeq(node)) {
    for (const item of node.items) {
      const id = (item as { get?: (k: string) => unknown }).get?.('id');
      if (typeof id !== 'string') continue;
      used.add(id);
      const numbered = /^(.*?)(\d+)$/.exec(id);
      if (numbered) numbers.set(numbered[1], Math.max(numbers.get(numbered[1]) ?? 0, Number(numbered[2])));
    }
  }
  let best: [string, number] | undefined;
  for (const [prefix, n] of numbers) if (!best || n > best[1]) best = [prefix, n];
  if (!best) {
    const numbered = fallback === undefined ? null : /^(.*?)(\d+)$/.exec(fallback);
    if (!numbered) return fallback;
    best = [numbered[1], Number(numbered[2]) - 1];
  }
  let n = best[1] + 1;
  while (used.has(`${best[0]}${n}`)) n++;
  return `${best[0]}${n}`;
}
