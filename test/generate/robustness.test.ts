// Neither generator may throw on anything the parser accepts, and whatever comes in, the document
// keeps its structure: the same headings, file text escaped so it cannot add or break any, and
// edits that leave the YAML readable.
import * as assert from 'assert';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { ParsedDocument } from '../../server/src/service/document';
import { md } from '../../server/src/service/generate/markdown';
import { AGENDA_SECTIONS, applyEdits, generate, headings, Kind, REPORT_SECTIONS, yaml } from './util';

const KINDS: Kind[] = ['agenda', 'report'];

/** Run both generators and check what must hold for any input; returns how many edits they made. */
function checkAny(text: string, today = '2026-11-20'): number {
  let edits = 0;
  for (const kind of KINDS) {
    let doc;
    try {
      doc = generate(kind, text, { today });
    } catch (err) {
      assert.fail(`${kind} threw on ${JSON.stringify(text.slice(0, 200))}: ${(err as Error).stack}`);
    }
    const hs = headings(doc.content);
    assert.deepStrictEqual(hs.slice(1), kind === 'agenda' ? AGENDA_SECTIONS : REPORT_SECTIONS, `${kind} headings for ${JSON.stringify(text.slice(0, 200))}`);
    assert.ok(hs[0].startsWith('# '));
    assert.ok(doc.content.endsWith('\n') && !doc.content.endsWith('\n\n'));
    assert.ok(!/[ \t]$/m.test(doc.content), 'no trailing spaces');
    assertTablesIntact(doc.content);
    edits += doc.edits.length;
    if (doc.edits.length > 0) {
      const before = new ParsedDocument(text);
      assert.strictEqual(before.syntaxProblems.length, 0, 'edits only for a file that parsed');
      const after = new ParsedDocument(applyEdits(text, doc.edits));
      assert.deepStrictEqual(after.syntaxProblems, [], `${kind} edit broke ${JSON.stringify(text)}:\n${applyEdits(text, doc.edits)}`);
    }
  }
  return edits;
}

/** Every row of a table has as many unescaped cell separators as its header. */
function assertTablesIntact(markdown: string): void {
  const lines = markdown.split('\n');
  const pipes = (l: string) => (l.replace(/\\./g, '').match(/\|/g) ?? []).length;
  let expected = -1;
  for (const line of lines) {
    if (!line.startsWith('|')) {
      expected = -1;
      continue;
    }
    if (expected < 0) expected = pipes(line);
    else assert.strictEqual(pipes(line), expected, `broken table row: ${line}`);
  }
}

describe('generated documents never throw and keep their structure', () => {
  const odd: [string, string][] = [
    ['an empty file', ''],
    ['only spaces and newlines', '  \n\n \n'],
    ['only a comment', '# nothing here yet\n'],
    ['a scalar', 'just some words\n'],
    ['a number', '42\n'],
    ['a list', '- 1\n- two\n'],
    ['an empty flow map', '{}\n'],
    ['a flow map root', '{version: 1, partnership: {name: P, customer: Q}, health: {status: strained, assessed: 2026-11-01}}\n'],
    ['a document marker only', '---\n'],
    ['a syntax error', 'version: 1\npartnership: [\n'],
    ['a duplicate key', 'version: 1\nversion: 2\n'],
    ['tabs', 'version: 1\npartnership:\n\tname: P\n'],
    ['two documents', 'version: 1\n---\nversion: 2\n'],
    ['an unknown alias', 'version: 1\nhealth: *nope\n'],
    ['an alias bomb', 'a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n'],
    ['deep nesting', `${'['.repeat(5000)}${']'.repeat(5000)}\n`],
    ['binary junk', '\u0000\u0001\uFFFE\uD800 : : :\n'],
    [
      'wrong types everywhere',
      yaml(
        'version: one',
        'partnership: [a]',
        'people: 5',
        'communication: {statusReport: weekly, reviewMeeting: [1], escalation: mkhan, signedOff: yes}',
        'commitments: [1, "x", null, {id: 5, due: 20261101, status: [open]}, {summary: {a: 1}, status: open, due: 2026-02-30}, {status: open, due: 2026-11-01, owner: [x]}]',
        'concerns: {a: 1}',
        'risks: [{status: 7}, 8]',
        'health: ok',
        'meetings: {}',
        'milestones: [{due: null}, {status: delivered, delivered: not-a-date}]',
      ),
    ],
    [
      'wrong types inside valid sections',
      yaml(
        'version: 1',
        'partnership: {name: 7, customer: true}',
        'people: [{id: 1, name: [x], side: customer, decisionMaker: "yes", sponsor: 1, contactEvery: hourly, lastContact: 2026-13-01}, {id: x, side: ours}]',
        'communication:',
        '  statusReport: {cadence: fortnightly, audience: x, lastSent: yesterday}',
        '  reviewMeeting: {cadence: 3, lastHeld: 2026-11-31}',
        '  escalation: [1, null, {a: 1}, x]',
        '  signedOff: {by: [x], on: tomorrow}',
        'commitments: [{id: C-1, summary: S, owner: x, to: nobody, due: 2026-11-01, status: in-progress, history: 5}]',
        'concerns: [{id: K-1, summary: S, raised: 2030-01-01, status: open}, {status: open, raised: 2026-11-01, response: [a]}]',
        'health: {status: broken, assessed: 2026-11-01, access: "3", credibility: .inf, trust: -2, note: [x]}',
        'meetings: [{date: 2026-11-01, kind: reset}, 3]',
      ),
    ],
    ['an absurdly long summary', yaml('version: 1', 'commitments:', `  - {id: C-1, summary: "${'long | *text* '.repeat(2000)}", due: 2026-11-01, status: open}`)],
    ['far-future and far-past dates', yaml('version: 1', 'communication: {statusReport: {cadence: quarterly, lastSent: 9999-12-31}, reviewMeeting: {cadence: monthly, lastHeld: 0001-01-01}}', 'commitments: [{id: C-1, summary: S, due: 0001-01-01, status: open}, {id: C-2, summary: T, due: 9999-12-31, status: open}]')],
    ['CRLF with a lone CR', 'version: 1\r\npartnership:\r  name: P\r\n'],
    ['a BOM', '\uFEFFversion: 1\npartnership: {name: P, customer: Q}\n'],
  ];
  for (const [name, text] of odd) {
    it(name, () => checkAny(text));
  }

  it('text from the file cannot add a heading, a table cell or markup', () => {
    const evil = '# Heading\n| a | b |\n*bold* _it_ `code` <script>alert(1)</script> [link](http://x) ~~strike~~ &amp; \\';
    const text = yaml(
      'version: 1',
      `partnership: {name: ${JSON.stringify(evil)}, customer: ${JSON.stringify('## Acme | Corp')}}`,
      `people: [{id: jdoe, name: ${JSON.stringify(evil)}, side: customer, role: "| role |", decisionMaker: true}]`,
      'communication: {statusReport: {cadence: weekly, channel: "`sh`", audience: [jdoe]}, escalation: ["- x"]}',
      `commitments: [{id: C-1, summary: ${JSON.stringify(evil)}, owner: jdoe, to: jdoe, due: 2026-11-01, status: open}]`,
      `concerns: [{id: K-1, summary: ${JSON.stringify(evil)}, raised: 2026-11-01, status: open, response: ${JSON.stringify(evil)}}]`,
      `risks: [{id: R-1, summary: ${JSON.stringify(evil)}, mitigation: "1. first"}]`,
      `health: {status: strained, assessed: 2026-11-01, note: ${JSON.stringify(evil)}}`,
      `milestones: [{id: M-1, name: ${JSON.stringify(evil)}, due: 2026-11-01}]`,
    );
    checkAny(text);
    for (const kind of KINDS) {
      const generated = generate(kind, text, { today: '2026-11-20' }).content;
      // A Mermaid block is not Markdown: its labels are written with Mermaid's entity codes
      // (test/generate/gantt.test.ts parses them with Mermaid), so Markdown markup in it is shown as text.
      const mermaid = [...generated.matchAll(/^```mermaid\n([\s\S]*?)^```$/gm)].map((m) => m[1]);
      for (const block of mermaid) assert.ok(!/[<>`]/.test(block), block);
      const content = generated.replace(/^```mermaid\n[\s\S]*?^```$/gm, '');
      assert.ok(!content.includes('<script>'));
      assert.ok(!/(^|[^\\])\*bold/.test(content));
      assert.ok(!/(^|[^\\])`code/.test(content));
      assert.ok(content.includes('\\# Heading \\| a \\| b \\| \\*bold\\* \\_it\\_ \\`code\\` \\<script\\>alert(1)\\</script\\> \\[link\\](http://x) \\~\\~strike\\~\\~ \\&amp; \\\\'));
    }
  });

  it('property: any text at all', function () {
    this.timeout(60_000);
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (s) => {
        checkAny(s);
      }),
      { numRuns: 100 },
    );
  });

  it('property: any YAML value', function () {
    this.timeout(60_000);
    fc.assert(
      fc.property(fc.anything({ maxDepth: 3 }), (v) => {
        checkAny(stringify(v) ?? '');
      }),
      { numRuns: 100 },
    );
  });

  it('property: partnership-shaped files with arbitrary values in every field', function () {
    this.timeout(60_000);
    let edited = 0;
    const date = fc.oneof(
      fc.integer({ min: 20000, max: 21000 }).map((d) => new Date(d * 86_400_000).toISOString().slice(0, 10)),
      fc.constant('2026-02-30'),
      fc.string({ maxLength: 12 }),
    );
    const junk = fc.oneof(fc.string({ maxLength: 20 }), fc.integer(), fc.boolean(), fc.constant(null), fc.array(fc.string({ maxLength: 5 }), { maxLength: 2 }));
    const id = fc.oneof(fc.constantFrom('jdoe', 'alee', 'mkhan', 'C-1', 'K-1', 'null', 'a,b'), junk);
    const person = fc.record(
      { id, name: fc.oneof(fc.string({ maxLength: 20 }), junk), side: fc.oneof(fc.constantFrom('customer', 'ours'), junk), role: junk, decisionMaker: fc.oneof(fc.boolean(), junk), sponsor: fc.oneof(fc.boolean(), junk), contactEvery: fc.oneof(fc.constantFrom('weekly', 'monthly'), junk), lastContact: date },
      { requiredKeys: [] },
    );
    const commitment = fc.record(
      { id, summary: fc.oneof(fc.string({ maxLength: 30 }), junk), owner: id, to: id, due: date, status: fc.oneof(fc.constantFrom('open', 'in-progress', 'done', 'dropped'), junk), completed: date, history: fc.oneof(fc.array(fc.record({ on: date }), { maxLength: 2 }), junk) },
      { requiredKeys: [] },
    );
    const concern = fc.record({ id, summary: junk, raised: date, by: id, severity: junk, status: fc.oneof(fc.constantFrom('open', 'closed'), junk), response: junk, respondedOn: date }, { requiredKeys: [] });
    const risk = fc.record({ id, summary: junk, owner: id, likelihood: junk, impact: junk, status: fc.oneof(fc.constant('open'), junk) }, { requiredKeys: [] });
    const cadence = fc.oneof(fc.constantFrom('daily', 'weekly', 'biweekly', 'monthly', 'quarterly'), junk);
    const file = fc.record(
      {
        version: fc.oneof(fc.constant(1), junk),
        partnership: fc.oneof(fc.record({ name: junk, customer: junk }, { requiredKeys: [] }), junk),
        people: fc.oneof(fc.array(person, { maxLength: 4 }), junk),
        communication: fc.oneof(
          fc.record(
            {
              statusReport: fc.oneof(fc.record({ cadence, lastSent: date, audience: fc.oneof(fc.array(id, { maxLength: 3 }), junk), channel: junk }, { requiredKeys: [] }), junk),
              reviewMeeting: fc.oneof(fc.record({ cadence, lastHeld: date }, { requiredKeys: [] }), junk),
              escalation: fc.oneof(fc.array(id, { maxLength: 3 }), junk),
              signedOff: fc.oneof(fc.record({ by: id, on: date }, { requiredKeys: [] }), junk),
            },
            { requiredKeys: [] },
          ),
          junk,
        ),
        commitments: fc.oneof(fc.array(commitment, { maxLength: 5 }), junk),
        concerns: fc.oneof(fc.array(concern, { maxLength: 3 }), junk),
        risks: fc.oneof(fc.array(risk, { maxLength: 3 }), junk),
        health: fc.oneof(fc.record({ status: fc.oneof(fc.constantFrom('strained', 'healthy'), junk), assessed: date, trend: junk, access: junk, note: junk }, { requiredKeys: [] }), junk),
        meetings: fc.oneof(fc.array(fc.record({ date, kind: junk }, { requiredKeys: [] }), { maxLength: 2 }), junk, fc.constant([])),
        milestones: fc.oneof(fc.array(fc.record({ id, name: junk, due: date, status: junk, delivered: date }, { requiredKeys: [] }), { maxLength: 2 }), junk),
      },
      { requiredKeys: [] },
    );
    const style = fc.constantFrom<'block' | 'flow' | 'crlf'>('block', 'flow', 'crlf');
    fc.assert(
      fc.property(file, style, date, (f, s, today) => {
        let text = stringify(f, { collectionStyle: s === 'flow' ? 'flow' : 'block' }) ?? '';
        if (s === 'crlf') text = text.replace(/\n/g, '\r\n');
        const day = /^\d{4}-\d{2}-\d{2}$/.test(today) && !Number.isNaN(Date.parse(today)) && new Date(today).toISOString().startsWith(today) ? today : '2026-11-20';
        if (checkAny(text, day) > 0) edited++;
      }),
      { numRuns: 300 },
    );
    // The property is only worth something if many runs produce edits to check.
    assert.ok(edited > 100, `only ${edited} of 300 runs produced edits`);
  });
});

describe('md(): Markdown escaping of file text', () => {
  const cases: [string, string][] = [
    ['plain words', 'plain words'],
    ['a | b', 'a \\| b'],
    ['*bold* and _it_', '\\*bold\\* and \\_it\\_'],
    ['`code`', '\\`code\\`'],
    ['<b>x</b>', '\\<b\\>x\\</b\\>'],
    ['# heading', '\\# heading'],
    ['## heading', '\\## heading'],
    ['a # not a heading', 'a # not a heading'],
    ['- item', '\\- item'],
    ['+ item', '\\+ item'],
    ['1. first', '1\\. first'],
    ['2) second', '2\\) second'],
    ['3.', '3\\.'],
    ['99.5%', '99.5%'],
    ['4)x', '4)x'],
    ['1234567890. ten digits are no list marker', '1234567890. ten digits are no list marker'],
    ['> quote', '\\> quote'],
    ['[link](x)', '\\[link\\](x)'],
    ['~~gone~~', '\\~\\~gone\\~\\~'],
    ['back\\slash', 'back\\\\slash'],
    ['R&D &amp; &#60;', 'R&D \\&amp; \\&#60;'],
    ['line one\nline two\r\n\tthree', 'line one line two three'],
    ['  padded  ', 'padded'],
    ['bell\u0007 and nul\u0000', 'bell and nul'],
    ['2026-11-20', '2026-11-20'],
  ];
  for (const [input, expected] of cases) {
    it(JSON.stringify(input), () => assert.strictEqual(md(input), expected));
  }
  it('undefined and null are empty', () => {
    assert.strictEqual(md(undefined), '');
    assert.strictEqual(md(null), '');
  });
});
