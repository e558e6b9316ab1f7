import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { isMap, isPair, isScalar, isSeq, Pair, parseDocument, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import { generatePartnership } from '../../bench/generate';
import { fastParseDocument, MAX_FAST_DEPTH } from '../../server/src/service/parse/fastParse';
import { ParsedDocument } from '../../server/src/service/document';
import { compare, difference, OPTIONS, run } from './fastParseCheck';

const ROOT = path.resolve(__dirname, '..', '..', '..');

function yamlFiles(dir: string): string[] {
  const full = path.join(ROOT, dir);
  return (fs.readdirSync(full, { recursive: true }) as string[]).filter((f) => f.endsWith('.yaml')).map((f) => path.join(full, f));
}

const EXAMPLES = yamlFiles('examples');
const FIXTURES = yamlFiles('test/fixtures');

describe('service: the parser fast path', () => {
  it('reads every example and the benchmark files (with and without block-scalar notes), giving the tree parseDocument gives', () => {
    assert.ok(EXAMPLES.length >= 4, 'the examples are there');
    const texts = [...EXAMPLES.map((f) => fs.readFileSync(f, 'utf8')), generatePartnership({ commitments: 300, seed: 7 }).text, generatePartnership({ commitments: 300, seed: 8, notes: true }).text];
    for (const text of texts) assert.deepStrictEqual(compare(text), { kind: 'same' }, text.slice(0, 80));
  });

  it('reads comments, blank lines, quoted and flow values where people write them, with LF or CRLF', () => {
    const text = [
      '# Acme: the partnership as the team keeps it.',
      '',
      'version: 1',
      '',
      '# Who they are',
      'partnership:',
      '  name: "Acme: compliance analytics"',
      "  customer: 'Acme''s data team'",
      '  since: 2025-03-01   # the kick-off',
      '',
      'people:',
      '  # Decision makers first',
      '  - id: dana',
      '    name: Dana Scully',
      '    decisionMaker: true',
      '',
      '  - id: fox',
      '    name: Fox Mulder',
      '    email:',
      'communication:',
      '  statusReport:',
      '    audience: [dana, "fox" ,  x]',
      '    lastSent: 2026-11-02 # Monday',
      '  reviewMeeting:',
      '',
      '# What we promised',
      'commitments:',
      '- id: C-1',
      '  summary: Ship the audit export #1 (first of two)',
      '  due: 2026-12-01',
      '  tags: []',
      '- id: C-2',
      '  owner: -x',
      '  status: ~',
      '  # history: none yet',
      '',
      'milestones:',
      '  - id: M-1',
      '    due: 2027-01-29',
      '    # delivered:',
      '# Next: the 2027 roadmap',
      '',
    ].join('\n');
    assert.deepStrictEqual(compare(text), { kind: 'same' });
    assert.deepStrictEqual(compare(text.replace(/\n/g, '\r\n')), { kind: 'same' }, 'with CRLF line breaks');
  });

  it('reads block scalars as notes are written: literal and folded, every chomping, explicit indentation, blank lines, LF or CRLF', () => {
    const text = [
      'partnership:',
      '  name: Acme',
      '  summary: >',
      '    Replace spreadsheet audits',
      '    with a reporting platform.',
      '',
      '    Second paragraph.',
      '      More indented, kept as is.',
      '',
      'commitments:',
      '  - id: C-1',
      '    notes: |-',
      '      Asked on the call: # not a comment',
      '      - export as CSV',
      '',
      '  - id: C-2',
      '    notes: |+',
      '      Kept trailing lines.',
      '',
      '',
      '    status: open',
      '  - |2',
      '      two more spaces',
      '    end',
      '  - >1-',
      '     folded, explicit',
      'health:',
      '  note: >+2',
      '    last',
      '',
    ].join('\n');
    for (const t of [text, text.replace(/\n/g, '\r\n'), text.trimEnd()]) {
      assert.ok(fastParseDocument(t, OPTIONS), 'the fast path reads it');
      assert.deepStrictEqual(compare(t), { kind: 'same' });
    }
    const notes = fastParseDocument(text, OPTIONS)!.toJS() as { partnership: { summary: string }; commitments: unknown[] };
    assert.strictEqual(notes.partnership.summary, 'Replace spreadsheet audits with a reporting platform.\nSecond paragraph.\n  More indented, kept as is.\n');
    assert.deepStrictEqual(notes.commitments.slice(2), ['  two more spaces\nend\n', '  folded, explicit']);
  });

  it('declines what it does not read, and parseDocument reads it', () => {
    const cases: Record<string, string> = {
      anchor: 'a: &x 1\nb: *x\n',
      tag: 'a: !!str 1\n',
      'a comment after a block scalar header': 'a: | # note\n  line\n',
      'an empty block scalar': 'a: |\nb: 1\n',
      'a block scalar header on the last line': 'a: >-',
      'a block scalar at the top level': '|\n  line\n',
      'multi-line plain scalar': 'a: one\n  two\n',
      'multi-line quoted scalar': 'a: "one\n  two"\n',
      'escape in double quotes': 'a: "tab\\there"\n',
      'flow mapping': 'a: {b: 1}\n',
      'nested flow list': 'a: [b, [c]]\n',
      'a lone CR line break': 'a: 1\rb: 2\n',
      'tab indentation': 'a:\n\tb: 1\n',
      'byte-order mark': '\ufeffa: 1\n',
      'document start': '---\na: 1\n',
      'second document': 'a: 1\n---\nb: 2\n',
      directive: '%YAML 1.2\n---\na: 1\n',
      'comment after key:': 'a: # note\n  b: 1\n',
      'comment deeper than the collection before it': 'a:\n  b: 1\n    # about b\nc: 2\n',
      "comment in a compact list's column after it": 'a:\n- b\n# c\nd: 1\n',
      'nested mapping in a value': 'a: b: c\n',
      'bad indentation': 'a:\n    b: 1\n  c: 2\n',
      'unterminated quote': 'a: "open\n',
      'space before the colon': 'a : 1\n',
      'empty text': '',
      'only comments': '# nothing yet\n',
      'indented root': '  a: 1\n',
      'block under "-"': 'a:\n  -\n    b: 1\n',
      'explicit key': '? a\n: 1\n',
      'an indicator alone in a flow list': 'a: [b, -]\nc: [?, d]\ne: [:]\n',
      'a quoted key over 1,000 characters': `"${'x'.repeat(1100)}": 1\n`,
      'a lone surrogate': 'a: \ud800\n',
      'nesting deeper than MAX_FAST_DEPTH': Array.from({ length: MAX_FAST_DEPTH + 1 }, (_, i) => `${' '.repeat(i)}a:`).join('\n'),
      'a list nesting deeper than MAX_FAST_DEPTH': Array.from({ length: MAX_FAST_DEPTH + 1 }, (_, i) => `${' '.repeat(2 * i)}- a:`).join('\n'),
    };
    for (const [name, text] of Object.entries(cases)) {
      assert.strictEqual(fastParseDocument(text, OPTIONS), undefined, name);
      // Through ParsedDocument the full parser reads it: the tree is parseDocument's.
      assert.strictEqual(difference(new ParsedDocument(text).doc.contents, parseDocument(text, OPTIONS).contents), undefined, name);
    }
  });

  it('reads nesting up to MAX_FAST_DEPTH', () => {
    const text = Array.from({ length: MAX_FAST_DEPTH }, (_, i) => `${' '.repeat(i)}a:`).join('\n');
    assert.deepStrictEqual(compare(text), { kind: 'same' });
  });

  it('only runs with the options it was written for (duplicate keys are found elsewhere)', () => {
    assert.ok(fastParseDocument('a: 1\n', OPTIONS));
    assert.strictEqual(fastParseDocument('a: 1\n', {}), undefined);
    for (const other of [{ uniqueKeys: true }, { stringKeys: true }, { version: '1.1' }, { schema: 'yaml-1.1' }, { merge: true }, { keepSourceTokens: true }, { intAsBigInt: true }, { customTags: [] }]) {
      assert.strictEqual(fastParseDocument('a: 1\n', { ...OPTIONS, ...other } as never), undefined, JSON.stringify(other));
    }
  });

  it('builds nodes that behave as yaml’s own: type tests, instanceof, no own type mark, clone, edits and stringify', () => {
    const text = fs.readFileSync(path.join(ROOT, 'examples', 'brightwater-utilities.partnership.yaml'), 'utf8');
    const fast = fastParseDocument(text, OPTIONS)!;
    const full = parseDocument(text, OPTIONS);
    assert.ok(fast, 'the fast path reads brightwater-utilities');
    const kinds = { map: 0, seq: 0, pair: 0, scalar: 0 };
    visit(fast.contents, (node) => {
      const [kind, cls] = isMap(node) ? (['map', YAMLMap] as const) : isSeq(node) ? (['seq', YAMLSeq] as const) : isPair(node) ? (['pair', Pair] as const) : isScalar(node) ? (['scalar', Scalar] as const) : assert.fail(`not a yaml node: ${String(node)}`);
      kinds[kind]++;
      assert.ok(node instanceof cls && node.constructor === cls, `a ${kind} is an instance of yaml's class`);
      // The fast path's nodes carry the type mark on their prototype; yaml's bool tag builds its scalars itself.
      const ownMark = Object.getOwnPropertySymbols(node).length > 0;
      assert.strictEqual(ownMark, isScalar(node) && typeof node.value === 'boolean', `own type mark on ${JSON.stringify(node)}`);
    });
    assert.ok(kinds.map > 10 && kinds.seq > 5 && kinds.pair > 100 && kinds.scalar > 200, JSON.stringify(kinds));
    // A clone is the same tree; stringifying and editing work as on parseDocument's tree.
    assert.strictEqual(difference(fast.contents!.clone(), full.contents), undefined);
    assert.strictEqual(fast.toString(), full.toString());
    for (const doc of [fast, full]) doc.setIn(['partnership', 'name'], 'Renamed');
    assert.strictEqual(fast.toString(), full.toString());
    assert.ok(fast.toString().includes('name: Renamed'));
    assert.notStrictEqual(difference(new Scalar(1), new Pair(1)), undefined, 'different classes differ');
  });

  it('reads characters outside the BMP', () => {
    assert.deepStrictEqual(compare('name: 😀 Acme\nlist: [😀, "𝒜"]\n'), { kind: 'same' });
  });

  it('over generated and mutated texts, every tree it gives is parseDocument’s (seed 20261123)', () => {
    const texts = [...EXAMPLES, ...FIXTURES].map((f) => fs.readFileSync(f, 'utf8'));
    const result = run(20261123, 4000, texts);
    assert.deepStrictEqual(result.failures.slice(0, 3), []);
    // The check means something only if the fast path read a good share of the cases.
    assert.ok(result.same > 1000, `only ${result.same} cases were read by the fast path`);
    assert.ok(result.sameWithBlockScalar > 200, `only ${result.sameWithBlockScalar} cases with a block scalar were read by the fast path`);
  });
});

/** Every node under `node`, pairs included. */
function visit(node: unknown, f: (node: object) => void): void {
  if (node === null || typeof node !== 'object') return;
  f(node);
  if (isPair(node)) {
    visit(node.key, f);
    visit(node.value, f);
  } else if (isMap(node) || isSeq(node)) for (const item of node.items) visit(item, f);
}
