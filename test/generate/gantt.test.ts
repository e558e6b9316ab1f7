// Timelines in Markdown: the Mermaid `gantt` chart of a partnership's commitments and milestones,
// checked with Mermaid's own parser (and its gantt database: what it reads each line as), never a
// regular expression — for every example, the `summary --format markdown` output, and titles
// written to break the chart.
import * as assert from 'assert';
import fc from 'fast-check';
import * as fs from 'fs';
import * as path from 'path';
import { createLanguageService } from '../../server/src/service';
import { factsOf } from '../../server/src/service/domain';
import { ganttMarkdown, mermaidText } from '../../server/src/service/generate/gantt';
import { PartnershipModel } from '../../server/src/service/model';
import { ParsedDocument } from '../../server/src/service/document';
import { assertBuilt, ROOT, run } from '../cli/cliHelpers';
import { day, yaml } from './util';
import { parseGantt } from './mermaid';

const service = createLanguageService({ fs: { readFile: () => undefined, exists: () => false } });
const TODAY = '2026-11-23';
const timeline = (text: string, today = TODAY) => service.timeline(text, '/work/partners/acme.partnership.yaml', day(today));
const EXAMPLES = path.join(ROOT, 'examples');

/** A file with one commitment or milestone per state the chart distinguishes. */
const STATES = yaml(
  'version: 1',
  'partnership: {name: Route planning, customer: Northwind}',
  'people:',
  '  - {id: ysato, name: Yuki Sato, side: ours}',
  '  - {id: hvoss, name: Helena Voss, side: customer}',
  'commitments:',
  '  - {id: C-1, summary: Import depots, owner: ysato, to: hvoss, made: 2026-08-03, due: 2026-09-04, status: done, completed: 2026-09-03}',
  '  - {id: C-2, summary: Traffic feed, owner: ysato, to: hvoss, made: 2026-09-08, due: 2026-10-30, status: in-progress}',
  '  - {id: C-3, summary: Shift rules, to: hvoss, made: 2026-10-12, due: 2026-11-13, status: done, completed: 2026-11-16}',
  '  - {id: C-4, summary: Geofences, owner: ysato, to: hvoss, due: 2026-12-04, status: open}',
  '  - {id: C-5, summary: Dropped idea, owner: ysato, to: hvoss, made: 2026-09-01, due: 2026-10-01, status: dropped}',
  '  - {id: C-6, summary: Moved once, owner: ysato, to: hvoss, due: 2026-12-20, status: open, history: [{on: 2026-10-01, from: 2026-11-01, to: 2026-12-20}]}',
  'milestones:',
  '  - {id: M-1, name: Pilot, due: 2026-06-30, status: delivered, delivered: 2026-06-26}',
  '  - {id: M-2, name: All depots, due: 2026-11-20, status: planned}',
  '  - {id: M-3, name: Rollout, due: 2027-01-29}',
);

describe('timeline (Mermaid gantt)', function () {
  // The first test loads jsdom and mermaid (about a second); every chart after that parses in milliseconds.
  this.timeout(20000);

  it('draws each state as Mermaid reads it: done, late (crit), active, milestones; dropped left out', async () => {
    const chart = timeline(STATES)!;
    assert.strictEqual(
      chart,
      [
        'gantt',
        '  title Route planning as of 2026-11-23',
        '  dateFormat YYYY-MM-DD',
        '  axisFormat %Y-%m-%d',
        '  inclusiveEndDates',
        '  todayMarker stroke-width:3px,stroke:#d73a49',
        '  section Yuki Sato',
        '    C-1 Import depots :done, c-C-1, 2026-08-03, 2026-09-03',
        '    C-2 Traffic feed (24 days late) :active, crit, c-C-2, 2026-09-08, 2026-11-23',
        '    C-6 Moved once :active, c-C-6, 2026-10-01, 2026-12-20',
        '    C-4 Geofences :active, c-C-4, 2026-12-04, 2026-12-04',
        '  section No owner',
        '    C-3 Shift rules (3 days late) :done, crit, c-C-3, 2026-10-12, 2026-11-16',
        '  section Milestones',
        '    M-1 Pilot :done, milestone, m-M-1, 2026-06-26, 0d',
        '    M-2 All depots (3 days late) :crit, milestone, m-M-2, 2026-11-20, 0d',
        '    M-3 Rollout :milestone, m-M-3, 2027-01-29, 0d',
        '',
      ].join('\n'),
    );
    const parsed = await parseGantt(chart);
    assert.strictEqual(parsed.title, 'Route planning as of 2026-11-23');
    assert.deepStrictEqual(parsed.sections, ['Yuki Sato', 'No owner', 'Milestones']);
    // Mermaid's end is the day after the last (inclusiveEndDates): a bar covers its due day.
    assert.deepStrictEqual(parsed.tasks, [
      { id: 'c-C-1', task: 'C-1 Import depots', section: 'Yuki Sato', start: '2026-08-03', end: '2026-09-04', tags: ['done'] },
      { id: 'c-C-2', task: 'C-2 Traffic feed (24 days late)', section: 'Yuki Sato', start: '2026-09-08', end: '2026-11-24', tags: ['active', 'crit'] },
      { id: 'c-C-6', task: 'C-6 Moved once', section: 'Yuki Sato', start: '2026-10-01', end: '2026-12-21', tags: ['active'] },
      { id: 'c-C-4', task: 'C-4 Geofences', section: 'Yuki Sato', start: '2026-12-04', end: '2026-12-05', tags: ['active'] },
      { id: 'c-C-3', task: 'C-3 Shift rules (3 days late)', section: 'No owner', start: '2026-10-12', end: '2026-11-17', tags: ['done', 'crit'] },
      { id: 'm-M-1', task: 'M-1 Pilot', section: 'Milestones', start: '2026-06-26', end: '2026-06-26', tags: ['done', 'milestone'] },
      { id: 'm-M-2', task: 'M-2 All depots (3 days late)', section: 'Milestones', start: '2026-11-20', end: '2026-11-20', tags: ['crit', 'milestone'] },
      { id: 'm-M-3', task: 'M-3 Rollout', section: 'Milestones', start: '2027-01-29', end: '2027-01-29', tags: ['milestone'] },
    ]);
  });

  it('titles written to break the chart are shown as written, one line each', async () => {
    const hostile = [
      'Fix: the "thing"; #1 %% 100% done',
      'click here to call back',
      'section Finance',
      'title Oops',
      '2026-01-01 launch',
      'dateFormat YYYY',
      'todayMarker off',
      '%%{init: {"theme": "dark"}}%%',
      'accTitle: stolen',
      '<script>alert(1)</script> & <b>bold</b>',
      '```',
      'a #35; entity and #quot; too',
      'excludes weekends',
      'after C-1',
      ':done, crit, x, 2020-01-01, 1d',
    ];
    const lines = ['version: 1', `partnership: {name: ${JSON.stringify('Acme: #1; %% <i>')}, customer: Acme}`, 'people:', `  - {id: alee, name: ${JSON.stringify('Lee: section %% #2;')}, side: ours}`, 'commitments:'];
    hostile.forEach((s, i) => lines.push(`  - {id: C-${i + 1}, summary: ${JSON.stringify(s)}, owner: alee, made: 2026-11-01, due: 2026-12-01, status: open}`));
    lines.push('  - id: C-99', '    summary: |', '      two', '      lines', '    owner: alee', '    due: 2026-12-02', '    status: open');
    lines.push('  - {summary: no id here, owner: alee, due: 2026-12-03, status: open}');
    lines.push('  - {summary: click me, owner: alee, due: 2026-12-03, status: open}', '  - {summary: "2026-01-01 launch", owner: alee, due: 2026-12-03, status: open}');
    lines.push('  - {id: C-1, summary: the same id again, owner: alee, due: 2026-12-04, status: open}');
    lines.push('milestones:', `  - {id: M-1, name: ${JSON.stringify('click: #x; %')}, due: 2026-12-10}`);
    const chart = timeline(yaml(...lines))!;
    const parsed = await parseGantt(chart);
    assert.strictEqual(parsed.title, 'Acme: #1; %% <i> as of 2026-11-23');
    assert.deepStrictEqual(parsed.sections, ['Lee: section %% #2;', 'Milestones']);
    assert.deepStrictEqual(
      parsed.tasks.map((t) => [t.id, t.task, t.start, t.end, t.tags.join(' ')]),
      [
        ...hostile.map((s, i) => [`c-C-${i + 1}`, `C-${i + 1} ${s}`, '2026-11-01', '2026-12-02', 'active']),
        ['c-C-99', 'C-99 two lines', '2026-12-02', '2026-12-03', 'active'],
        ['c-17', 'no id here', '2026-12-03', '2026-12-04', 'active'],
        ['c-18', 'click me', '2026-12-03', '2026-12-04', 'active'],
        ['c-19', '2026-01-01 launch', '2026-12-03', '2026-12-04', 'active'],
        ['c-C-1-2', 'C-1 the same id again', '2026-12-04', '2026-12-05', 'active'],
        ['m-M-1', 'M-1 click: #x; %', '2026-12-10', '2026-12-10', 'milestone'],
      ],
    );
    // Nothing from the file can close the Markdown fence around the chart.
    assert.ok(!chart.split('\n').some((l) => /^\s{0,3}```/.test(l)), chart);
  });

  it('any mix of Mermaid syntax, keywords and Unicode in a summary: one task, labelled as written', async () => {
    const TOKENS = [':', ';', '#', '%', '%%', '&', '<', '>', '"', "'", '`', '```', '{', '}', '[', ']', '|', '\\', ',', '(', ')', 'click', 'section', 'title', 'call', 'href', '2026-01-01', 'done', 'crit', 'after', '#35;', '#quot;', '&amp;', '%%{init: {}}%%', 'é', '😀', ' ', '\t', '\n', 'x'];
    await fc.assert(
      fc.asyncProperty(fc.array(fc.constantFrom(...TOKENS), { minLength: 1, maxLength: 6 }), async (tokens) => {
        const summary = tokens.join('');
        const text = yaml('version: 1', 'partnership: {name: P, customer: Q}', 'commitments:', `  - {id: C-1, summary: ${JSON.stringify(summary)}, due: 2026-12-01, status: open}`);
        const parsed = await parseGantt(timeline(text)!);
        const shown = summary.replace(/\s+/g, ' ').trim();
        assert.deepStrictEqual(
          parsed.tasks.map((t) => [t.id, t.task, t.start, t.end]),
          [['c-C-1', shown === '' ? 'C-1' : `C-1 ${shown}`, '2026-12-01', '2026-12-02']],
        );
      }),
      { numRuns: 150, seed: 20261123 },
    );
  });

  it('a label starting like a keyword, an empty label, a long one', () => {
    assert.strictEqual(mermaidText('section 3'), '#115;ection 3');
    assert.strictEqual(mermaidText('Sections'), '#83;ections');
    assert.strictEqual(mermaidText('  \n '), '(untitled)');
    assert.strictEqual(mermaidText('a: b'), 'a#58; b');
    assert.strictEqual(mermaidText('x'.repeat(100)), 'x'.repeat(79) + '…');
  });

  it('nothing dated, no chart: no block in Markdown', () => {
    const empty = yaml('version: 1', 'partnership: {name: Empty, customer: Acme}', 'commitments:', '  - {id: C-1, summary: Dropped, due: 2026-10-01, status: dropped}');
    assert.strictEqual(timeline(empty), undefined);
    const model = new PartnershipModel(new ParsedDocument(empty));
    assert.deepStrictEqual(ganttMarkdown(factsOf(model, day(TODAY))), []);
  });

  it('the same file on another day names the same tasks', async () => {
    const a = await parseGantt(timeline(STATES, '2026-11-23')!);
    const b = await parseGantt(timeline(STATES, '2026-12-30')!);
    assert.deepStrictEqual(
      b.tasks.map((t) => t.id),
      a.tasks.map((t) => t.id),
    );
  });

  it('a large file: the 100 bars nearest to the day, said in the title, under Mermaid\'s 50,000 characters', async () => {
    // 300 commitments, one due every day from 2026-06-01; today 2026-11-23 is day 175.
    const items = Array.from({ length: 300 }, (_, i) => {
      const due = new Date(Date.UTC(2026, 5, 1 + i)).toISOString().slice(0, 10);
      return `  - {id: C-${i + 1}, summary: ${'Long summary of a promise '.repeat(3)}${i + 1}, due: ${due}, status: open}`;
    });
    const chart = timeline(yaml('version: 1', 'partnership: {name: Big, customer: Acme}', 'commitments:', ...items))!;
    assert.ok(chart.length < 50_000, `${chart.length} characters`);
    assert.match(chart, /^ {2}title Big as of 2026-11-23, the 100 bars nearest to that day of 300$/m);
    const parsed = await parseGantt(chart);
    const ids = parsed.tasks.map((t) => Number(t.task.split(' ')[0].slice(2)));
    assert.strictEqual(ids.length, 100);
    // Open commitments are drawn from their due date to today when late: every one due before today
    // reaches it (distance 0), so the 100 first are the 100 bars crossing 2026-11-23 earliest in the file.
    assert.deepStrictEqual(ids, Array.from({ length: 100 }, (_, i) => i + 1));
  });

  it('ganttMarkdown fences the chart for a document', () => {
    const model = new PartnershipModel(new ParsedDocument(STATES));
    const block = ganttMarkdown(factsOf(model, day(TODAY)), { title: 'Timeline' });
    assert.deepStrictEqual([block[0], block[1], block[2], block.at(-1)], ['```mermaid', 'gantt', '  title Timeline as of 2026-11-23', '```']);
  });

  it('every example: Mermaid accepts the chart, one task per dated commitment (not dropped) and milestone', async () => {
    const files = fs.readdirSync(EXAMPLES).filter((f) => f.endsWith('.partnership.yaml'));
    assert.ok(files.length >= 4, files.join());
    for (const f of files) {
      const text = fs.readFileSync(path.join(EXAMPLES, f), 'utf8');
      const facts = factsOf(new PartnershipModel(new ParsedDocument(text)), day(TODAY));
      const parsed = await parseGantt(timeline(text)!);
      const expected = [
        ...facts.commitments.filter((c) => c.due !== undefined && c.state !== undefined && c.state !== 'dropped').map((c) => c.c.str('id')),
        ...facts.milestones.filter((m) => m.due !== undefined).map((m) => m.m.str('id')),
      ];
      assert.deepStrictEqual(parsed.tasks.map((t) => t.task.split(' ')[0]).sort(), expected.map(String).sort(), f);
      assert.strictEqual(new Set(parsed.tasks.map((t) => t.id)).size, parsed.tasks.length, `${f}: task ids are unique`);
    }
  });

  it('every partnership file among the test fixtures (odd shapes, typos, schema errors): Mermaid accepts its chart', async () => {
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        if (e.isDirectory()) walk(path.join(dir, e.name));
        else if (e.name.endsWith('.partnership.yaml')) files.push(path.join(dir, e.name));
      }
    };
    walk(path.join(ROOT, 'test', 'fixtures'));
    assert.ok(files.length >= 10, files.join());
    let charts = 0;
    for (const f of files) {
      const chart = timeline(fs.readFileSync(f, 'utf8'));
      if (chart === undefined) continue;
      charts++;
      const parsed = await parseGantt(chart).catch((e: Error) => assert.fail(`${path.relative(ROOT, f)}: ${e.message}\n${chart}`));
      assert.strictEqual(new Set(parsed.tasks.map((t) => t.id)).size, parsed.tasks.length, `${f}: task ids are unique`);
      assert.strictEqual(parsed.tasks.length, chart.split('\n').filter((l) => l.startsWith('    ')).length, `${f}: one task per line written`);
    }
    assert.ok(charts >= 10, `${charts} charts`);
  });

  it('the status report of every example ends with the timeline as a Mermaid block Mermaid accepts, the chart of the same facts', async () => {
    const files = fs.readdirSync(EXAMPLES).filter((f) => f.endsWith('.partnership.yaml'));
    for (const f of files) {
      const file = path.join(EXAMPLES, f);
      const text = fs.readFileSync(file, 'utf8');
      const report = service.generateStatusReport(text, file, day(TODAY)).content;
      const section = report.slice(report.indexOf('## Timeline\n'));
      const blocks = [...section.matchAll(/^```mermaid\n([\s\S]*?)^```$/gm)].map((m) => m[1]);
      const chart = timeline(text);
      const doc = service.generateStatusReport(text, file, day(TODAY));
      if (doc.leftOut) {
        // Entries with schema errors are left out of the report, its timeline included: the block is not the whole file's chart.
        for (const b of blocks) await parseGantt(b);
        continue;
      }
      if (chart === undefined) {
        assert.match(section, /^## Timeline\n\nNone\.\n/, f);
        continue;
      }
      assert.deepStrictEqual(blocks, [chart], f);
      await parseGantt(blocks[0]);
    }
  });

  describe('summary --format markdown', () => {
    before(assertBuilt);

    it('one timeline per partnership, in the table order, each accepted by Mermaid', async () => {
      const r = run(['summary', EXAMPLES, '--today', TODAY, '--format', 'markdown'], ROOT);
      assert.strictEqual(r.status, 0, r.stderr);
      const headings = [...r.stdout.matchAll(/^### (.*)$/gm)].map((m) => m[1]);
      assert.deepStrictEqual(headings, [
        'Brightwater meter data platform',
        'Northwind route planning',
        'Fleet maps alliance',
        'Payments on the shared platform',
        'Copperleaf online orders',
        'Acme compliance analytics',
        'Globex billing migration',
      ]);
      // Each heading's section: its chart, or none when nothing in the file is dated.
      const sections = r.stdout.split(/^### /m).slice(1);
      const blocks = sections.map((section) => /^```mermaid\n([\s\S]*?)^```$/m.exec(section)?.[1]);
      assert.deepStrictEqual(blocks.map((b) => b !== undefined), [true, true, true, true, true, true, true]);
      const northwind = await parseGantt(blocks[1]!);
      assert.deepStrictEqual(
        northwind.tasks.map((t) => `${t.section} | ${t.task} | ${t.tags.join(' ')}`),
        [
          'Yuki Sato | C-1 Import depot and vehicle master data from the fleet system | done',
          'Yuki Sato | C-2 Live traffic feed in the route optimiser (24 days late) | active crit',
          'Ben Carter | C-3 Driver shift and rest-break rules in the planner (10 days late) | active crit',
          'Lucía Martín | C-4 Geofence data for the Leeds and York depots | active',
          'Milestones | M-1 Pilot at the Leeds depot | done milestone',
          'Milestones | M-2 Live traffic routing at all northern depots | crit milestone',
        ],
      );
      for (const b of blocks) await parseGantt(b!);
    });
  });
});
