// Property-based fuzzing of the language service: arbitrary strings, arbitrary YAML, and mutations
// of the valid examples (deleted and duplicated lines, changed indentation, truncation at any UTF-8
// byte, random Unicode, CRLF and lone CR, BOM, NUL). Whatever comes in, validation never throws
// (nor hides a throw as an "internal error"), every diagnostic and every fix edit lies inside the
// document, and each case finishes within a budget proportional to its size. More than 10,000
// cases per run, with a fresh seed each run (shown in the suite's title; PARTNERSHIP_FUZZ_SEED=…
// replays one).
import * as assert from 'assert';
import fc from 'fast-check';
import * as path from 'path';
import { stringify } from 'yaml';
import { createLanguageService, FileSystem, OutlineNode, parseDay } from '../../server/src/service';
import { assertDiagnosticsSound, assertRangeInside, budgetMs, counted, examples, lspLines, property, SEED, timed } from './util';

const TODAY = parseDay('2026-11-23')!;
const FILE = '/work/team/acme.partnership.yaml';
const noFiles: FileSystem = { readFile: () => undefined, exists: () => false };
const service = createLanguageService({ fs: noFiles });
const { codeActions, completion, documentSymbols, hover } = service;
const EXAMPLES = examples();

/** Validate one input and check everything that must hold for any input. */
function checkValidate(text: string, today = TODAY): void {
  let run;
  try {
    run = timed(() => service.validate(text, FILE, { today }));
  } catch (err) {
    assert.fail(`validate threw on ${JSON.stringify(text.slice(0, 300))}: ${(err as Error).stack}`);
  }
  assertDiagnosticsSound(text, run.value);
  counted.bytes += text.length;
  counted.slowestMsPerKb = Math.max(counted.slowestMsPerKb, run.ms / Math.max(1, text.length / 1024));
  assert.ok(run.ms <= budgetMs(text.length), `validating ${text.length} characters took ${run.ms.toFixed(0)} ms, over its budget of ${budgetMs(text.length).toFixed(0)} ms`);
}

// ---------------------------------------------------------------------------------------------
// Mutations of the valid examples.

type Mutation =
  | { op: 'deleteLines'; at: number; count: number }
  | { op: 'duplicateLine'; at: number }
  | { op: 'swapLines'; at: number; other: number }
  | { op: 'indent'; at: number; delta: number; tab: boolean }
  | { op: 'truncateBytes'; at: number }
  | { op: 'insert'; at: number; text: string }
  | { op: 'replace'; at: number; length: number; text: string }
  | { op: 'crlf' }
  | { op: 'loneCr'; at: number }
  | { op: 'bom' };

/** Odd characters: control codes, NUL, BOM, lone surrogates, bidi overrides, zero-width, astral. */
const ODD = ['\u0000', '\u0001', '\u0007', '\u001b[31m', '\u007f', '\u0085', '\u00a0', '\u2028', '\u2029', '\ufeff', '\ufffd', '\ufffe', '\uffff', '\ud800', '\udfff', '\u202e', '\u200b', '😀', '𝔘', 'é', 'e\u0301', '\t', '\r', '\r\n', '\n'];
/** YAML's own punctuation, where the parser's interesting paths are. */
const YAMLISH = ['- ', ': ', ':', '-', '[', ']', '{', '}', ',', '#', '&a ', '*a', '!', '!!str ', '!!binary ', '|', '>', "'", '"', '? ', '%YAML 1.2\n', '---\n', '...\n', '<<: ', '@', '`', '  ', '\n  ', 'null', '~', '2026-02-30', '9999-12-31', '0x1F', '.inf', 'true'];

const insertion = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...ODD) },
  { weight: 3, arbitrary: fc.constantFrom(...YAMLISH) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 12 }) },
  { weight: 2, arbitrary: fc.array(fc.constantFrom(...ODD, ...YAMLISH), { minLength: 1, maxLength: 6 }).map((a) => a.join('')) },
);

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('deleteLines' as const), at: fc.nat(), count: fc.integer({ min: 1, max: 4 }) }),
  fc.record({ op: fc.constant('duplicateLine' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('swapLines' as const), at: fc.nat(), other: fc.nat() }),
  fc.record({ op: fc.constant('indent' as const), at: fc.nat(), delta: fc.integer({ min: -6, max: 6 }), tab: fc.boolean() }),
  fc.record({ op: fc.constant('truncateBytes' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('insert' as const), at: fc.nat(), text: insertion }),
  fc.record({ op: fc.constant('replace' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 30 }), text: insertion }),
  fc.record({ op: fc.constant('crlf' as const) }),
  fc.record({ op: fc.constant('loneCr' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('bom' as const) }),
);

function mutate(text: string, m: Mutation): string {
  const lines = text.split('\n');
  const line = (n: number) => n % lines.length;
  const offset = (n: number) => n % (text.length + 1);
  switch (m.op) {
    case 'deleteLines':
      lines.splice(line(m.at), m.count);
      return lines.join('\n');
    case 'duplicateLine':
      lines.splice(line(m.at), 0, lines[line(m.at)]);
      return lines.join('\n');
    case 'swapLines': {
      const a = line(m.at);
      const b = line(m.other);
      [lines[a], lines[b]] = [lines[b], lines[a]];
      return lines.join('\n');
    }
    case 'indent': {
      const i = line(m.at);
      const unit = m.tab ? '\t' : ' ';
      lines[i] = m.delta >= 0 ? unit.repeat(m.delta) + lines[i] : lines[i].replace(new RegExp(`^ {0,${-m.delta}}`), '');
      return lines.join('\n');
    }
    case 'truncateBytes': {
      // Cut the UTF-8 bytes anywhere, even inside a character, as a partial write or download would.
      const bytes = Buffer.from(text, 'utf8');
      return bytes.subarray(0, m.at % (bytes.length + 1)).toString('utf8');
    }
    case 'insert': {
      const at = offset(m.at);
      return text.slice(0, at) + m.text + text.slice(at);
    }
    case 'replace': {
      const at = offset(m.at);
      return text.slice(0, at) + m.text + text.slice(at + m.length);
    }
    case 'crlf':
      return text.replace(/\r?\n/g, '\r\n');
    case 'loneCr': {
      const at = text.indexOf('\n', offset(m.at));
      return at < 0 ? text : `${text.slice(0, at)}\r${text.slice(at + 1)}`;
    }
    case 'bom':
      return `\ufeff${text}`;
  }
}

const mutant = fc.tuple(fc.nat(EXAMPLES.length - 1), fc.array(mutation, { minLength: 1, maxLength: 4 })).map(([i, ms]) => ms.reduce(mutate, EXAMPLES[i].text));

// ---------------------------------------------------------------------------------------------
// Arbitrary YAML values, written in every style the yaml library knows.

const yamlText = fc
  .tuple(
    fc.oneof(
      fc.anything({ maxDepth: 4, maxKeys: 6, withBigInt: false, withDate: true, withMap: true, withSet: true, withTypedArray: true, withNullPrototype: true }),
      fc.dictionary(fc.constantFrom('version', 'partnership', 'people', 'commitments', 'communication', 'health', 'meetings', 'x'), fc.anything({ maxDepth: 3 })),
    ),
    fc.record({
      collectionStyle: fc.constantFrom('any', 'block', 'flow') as fc.Arbitrary<'any' | 'block' | 'flow'>,
      indent: fc.integer({ min: 1, max: 8 }),
      lineWidth: fc.constantFrom(0, 20, 80),
      defaultStringType: fc.constantFrom('PLAIN', 'QUOTE_DOUBLE', 'QUOTE_SINGLE', 'BLOCK_LITERAL', 'BLOCK_FOLDED') as fc.Arbitrary<'PLAIN'>,
      directives: fc.boolean(),
    }),
  )
  .map(([value, options]) => {
    try {
      return stringify(value, options) ?? '';
    } catch {
      return String(value); // a value yaml cannot write (a symbol key): its string is input too
    }
  });

/** Strings over YAML's punctuation and partnership keys: most reach deep into the parser. */
const yamlish = fc
  .array(fc.oneof(fc.constantFrom(...YAMLISH, ...ODD, 'version: 1\n', 'partnership:\n', '  name: A\n', 'people:\n', '  - id: x\n', 'due: ', 'status: open\n'), fc.string({ maxLength: 6 })), { maxLength: 40 })
  .map((parts) => parts.join(''));

const outlineRanges = (node: OutlineNode, lines: string[]): void => {
  assertRangeInside(node.range, lines, `outline node ${node.key}`);
  assertRangeInside(node.selectionRange, lines, `outline node ${node.key} selection`);
  for (const child of node.children ?? []) outlineRanges(child, lines);
};

describe(`robustness: fuzzing the language service (seed ${SEED})`, function () {
  this.timeout(180_000);

  before(() => {
    assert.ok(EXAMPLES.length >= 6, 'the valid examples to mutate');
    for (const e of EXAMPLES) {
      const errors = service.validate(e.text, FILE, { today: TODAY }).filter((d) => d.code === 'yaml-syntax');
      assert.deepStrictEqual(errors.map((d) => d.message), [], `${e.name} parses`);
    }
  });

  it('arbitrary strings: any code point, lone surrogates included', () => {
    property('arbitrary strings', fc.string({ unit: 'binary', maxLength: 300 }), 2500, (s) => checkValidate(s), 1);
  });

  it('arbitrary strings over YAML punctuation, partnership keys and odd characters', () => {
    property('YAML-ish strings', yamlish, 2500, (s) => checkValidate(s), 2);
  });

  it('arbitrary YAML documents in every style', () => {
    property('arbitrary YAML', yamlText, 1500, (s) => checkValidate(s), 3);
  });

  it('mutations of the valid examples: deleted lines, indentation, truncated bytes, Unicode, CRLF, BOM, NUL', () => {
    property('mutated examples', mutant, 3000, (s) => checkValidate(s), 4);
  });

  it('any "today", on mutated examples (date arithmetic at the calendar edges)', () => {
    const day = fc.oneof(fc.integer({ min: -800_000, max: 3_000_000 }), fc.constantFrom(0, -1, 2_932_896, 20_000));
    property('any today', fc.tuple(mutant, day), 300, ([s, d]) => checkValidate(s, d), 5);
  });

  it('editor features and quick fixes on mutated examples: never throw, ranges inside the text', () => {
    const position = fc.record({ line: fc.integer({ min: -2, max: 150 }), character: fc.integer({ min: -2, max: 80 }) });
    property(
      'features on mutated examples',
      fc.tuple(mutant, position),
      400,
      ([text, pos]) => {
        const lines = lspLines(text);
        const diagnostics = service.validate(text, FILE, { today: TODAY });
        assertDiagnosticsSound(text, diagnostics);
        const actions = codeActions({ uri: 'file:///work/team/acme.partnership.yaml', diagnostics, commands: { agenda: 'a', report: 'r' }, version: 7 });
        for (const a of actions) {
          const changes = a.edit && 'documentChanges' in a.edit ? a.edit.documentChanges : [];
          for (const c of changes) {
            assert.strictEqual(c.textDocument.version, 7, 'edits carry the version they were computed for');
            for (const e of c.edits) assertRangeInside(e.range, lines, `code action '${a.title}'`);
          }
        }
        const outline = service.outline(text, FILE, { today: TODAY });
        outlineRanges(outline.root, lines);
        assert.strictEqual(documentSymbols(text, FILE, { today: TODAY }).length, 1);
        for (const item of completion(text, pos, { today: TODAY }).items) {
          const edit = (item as { textEdit?: { range: { start: { line: number; character: number }; end: { line: number; character: number } } } }).textEdit;
          if (edit) assertRangeInside(edit.range, lines, `completion '${item.label}'`);
        }
        const h = hover(text, pos, { today: TODAY });
        if (h?.range) assertRangeInside(h.range, lines, 'hover');
        for (const generated of [service.generateAgenda(text, FILE, TODAY), service.generateStatusReport(text, FILE, TODAY)]) {
          assert.strictEqual(path.dirname(generated.path), path.dirname(FILE));
          for (const e of generated.edits) assertRangeInside(e.range, lines, 'generated document edit');
        }
      },
      6,
    );
  });

  it(`ran at least 10,000 cases in all`, () => {
    assert.ok(counted.cases >= 10_000, `only ${counted.cases} cases ran`);
    // Figures for the README's Reliability section.
    console.log(`      ${counted.cases} cases, ${(counted.bytes / 1048576).toFixed(1)} MiB of input; slowest ${counted.slowestMsPerKb.toFixed(1)} ms per KB`);
  });
});
