// One fact, one place: over the examples, the test fixtures and generated files, the rules, the
// tree (outline) and the generated agenda never disagree about which commitments are overdue,
// which contacts are stale and which cadences have lapsed.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { createLanguageService } from '../../server/src/service';
import type { OutlineNode } from '../../server/src/service/outline';
import { day, memFs } from '../helpers';

const ROOT = path.resolve(__dirname, '../../..');

function partnershipFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...partnershipFiles(p));
    else if (e.name.endsWith('.partnership.yaml')) out.push(p);
  }
  return out;
}

/** A generated file: commitments, people, meetings and a plan spread around `today`, from a seed. */
function generated(seed: number): string {
  let s = seed;
  const rnd = (n: number) => ((s = (s * 1103515245 + 12345) % 2147483648), s % n);
  const date = (offset: number) => new Date(Date.UTC(2026, 10, 23 + offset)).toISOString().slice(0, 10);
  const lines = ['version: 1', 'partnership:', `  name: Generated ${seed}`, '  customer: Gen Corp', 'people:'];
  const cadences = ['daily', 'weekly', 'biweekly', 'monthly', 'quarterly'];
  for (let i = 0; i < 6; i++) {
    lines.push(`  - id: p${i}`, `    name: Person ${i}`, `    side: ${i < 4 ? 'customer' : 'ours'}`);
    if (i === 0) lines.push('    decisionMaker: true');
    if (rnd(3) > 0) lines.push(`    contactEvery: ${cadences[rnd(5)]}`);
    if (rnd(3) > 0) lines.push(`    lastContact: ${date(-rnd(120))}`);
  }
  lines.push('communication:', '  statusReport:', `    cadence: ${cadences[rnd(5)]}`, '    audience: [p0]');
  if (rnd(4) > 0) lines.push(`    lastSent: ${date(-rnd(40))}`);
  lines.push('  reviewMeeting:', `    cadence: ${cadences[rnd(5)]}`);
  if (rnd(4) > 0) lines.push(`    lastHeld: ${date(-rnd(120))}`);
  lines.push('  escalation: [p4]', '  signedOff:', '    by: p0', '    on: 2026-01-05', 'commitments:');
  const statuses = ['open', 'in-progress', 'done', 'dropped'];
  for (let i = 0; i < 12; i++) {
    const due = -rnd(60) + 30;
    lines.push(`  - id: C-${i}`, `    summary: Thing ${i}`, `    owner: p${4 + rnd(2)}`, `    to: p${rnd(4)}`, `    due: ${date(due)}`, `    status: ${statuses[rnd(4)]}`);
    if (rnd(3) === 0) lines.push(`    made: ${date(due - rnd(90))}`);
  }
  lines.push('meetings:');
  for (let i = 0; i < 4; i++) {
    lines.push(`  - date: ${date(-rnd(100) + 20)}`, `    kind: ${['review', 'status', 'steering', 'reset'][rnd(4)]}`, `    attendees: [p${rnd(4)}, p4]`);
    if (rnd(3) === 0) lines.push(`    status: ${['planned', 'held', 'cancelled'][rnd(3)]}`);
  }
  return lines.join('\n') + '\n';
}

function section(doc: string, heading: string): string {
  const start = doc.indexOf(`### ${heading}\n`);
  assert.ok(start >= 0, `no "### ${heading}" in the agenda`);
  const end = doc.indexOf('\n#', start + heading.length + 5);
  return doc.slice(start, end < 0 ? undefined : end);
}

function find(node: OutlineNode, key: string): OutlineNode | undefined {
  if (node.key === key) return node;
  for (const c of node.children ?? []) {
    const f = find(c, key);
    if (f) return f;
  }
  return undefined;
}

describe('rules, tree and generated documents agree', () => {
  const service = createLanguageService({ fs: memFs() });
  const files: [string, string][] = [
    ...partnershipFiles(path.join(ROOT, 'examples')).map((f): [string, string] => [path.relative(ROOT, f), fs.readFileSync(f, 'utf8')]),
    ...partnershipFiles(path.join(ROOT, 'test/fixtures')).map((f): [string, string] => [path.relative(ROOT, f), fs.readFileSync(f, 'utf8')]),
    ...Array.from({ length: 20 }, (_, i): [string, string] => [`generated #${i}`, generated(i + 1)]),
  ];
  const days = ['2026-11-20', '2026-11-23', '2026-12-07', '2027-01-15'];
  let checked = 0;

  for (const [name, text] of files) {
    it(name, () => {
      for (const today of days) {
        const options = { today: day(today) };
        const ds = service.validate(text, '/w/x.partnership.yaml', options);
        if (ds.some((d) => d.code === 'yaml-syntax')) return;
        const subjects = service.subjects(text, ds);
        const by = (code: string) => new Set(ds.map((d, i) => (d.code === code ? subjects[i].split('/').slice(0, 2).join('/') : undefined)).filter((s): s is string => s !== undefined));
        const outline = service.outline(text, '/w/x.partnership.yaml', options);
        const doc = service.generateAgenda(text, '/w/x.partnership.yaml', options.today);
        const agenda = doc.content;
        // Entries with schema errors are left out of the agenda and named at its top ("C-3 left out: …").
        const leftOut = new Set((doc.leftOut ?? []).map((l) => l.split(' left out: ')[0]));
        const where = `${name} as of ${today}`;

        // Overdue commitments.
        const overdueRule = by('commitment-overdue');
        const overdueTree = new Set((find(outline.root, 'commitments/overdue')?.children ?? []).map((n) => n.key));
        assert.deepStrictEqual([...overdueTree].sort(), [...overdueRule].sort(), `${where}: overdue commitments (tree vs rules)`);
        const rows = section(agenda, 'Overdue commitments').split('\n').filter((l) => /^\| (?!Id |---)/.test(l));
        const overdueShown = ds.filter((d, i) => d.code === 'commitment-overdue' && !leftOut.has(subjects[i].split('/')[1])).length;
        assert.strictEqual(rows.length, overdueShown, `${where}: overdue commitments (agenda vs rules)`);
        assert.strictEqual(outline.counts.overdue, ds.filter((d) => d.code === 'commitment-overdue').length, `${where}: overdue count`);

        // Stale contacts, and decision makers or sponsors without a contact cadence (contact-stale on the person's id).
        const onId = new Set(ds.map((d, i) => (d.code === 'contact-stale' && subjects[i].split('/')[2] === 'id' ? subjects[i].split('/').slice(0, 2).join('/') : undefined)).filter((s): s is string => s !== undefined));
        const staleRule = new Set([...by('contact-stale')].filter((s) => !onId.has(s)));
        const people = find(outline.root, 'people')?.children ?? [];
        const staleTree = new Set(people.filter((n) => n.state === 'stale').map((n) => n.key));
        assert.deepStrictEqual([...staleTree].sort(), [...staleRule].sort(), `${where}: stale contacts (tree vs rules)`);
        const noCadenceTree = new Set(people.filter((n) => n.flags?.includes('no-cadence')).map((n) => n.key));
        assert.deepStrictEqual([...noCadenceTree].sort(), [...onId].sort(), `${where}: no contact cadence (tree vs rules)`);
        const staleLines = section(agenda, 'Stale contacts').split('\n').filter((l) => l.startsWith('- '));
        assert.strictEqual(staleLines.length, staleRule.size, `${where}: stale contacts (agenda vs rules)`);

        // Lapsed cadences.
        const lapses = section(agenda, 'Communication lapses');
        const reportRule = ds.some((d) => d.code === 'status-report-overdue');
        const reportTree = find(outline.root, 'communication/statusReport')?.state === 'overdue';
        assert.strictEqual(reportTree, reportRule, `${where}: status report (tree vs rules)`);
        assert.strictEqual(/status report is \d+ days? overdue|No \w+ status report has been sent yet/.test(lapses), reportRule, `${where}: status report (agenda vs rules)`);
        const reviewRule = ds.some((d) => d.code === 'review-meeting-overdue');
        const reviewTree = find(outline.root, 'communication/reviewMeeting')?.state === 'overdue';
        assert.strictEqual(reviewTree, reviewRule, `${where}: review meeting (tree vs rules)`);
        assert.strictEqual(/review meeting is \d+ days? overdue|review meeting has been held yet/.test(lapses), reviewRule, `${where}: review meeting (agenda vs rules)`);

        // Milestones past due.
        const lateTree = (find(outline.root, 'milestones')?.children ?? []).filter((n) => n.state === 'late').length;
        assert.strictEqual(lateTree, ds.filter((d) => d.code === 'milestone-overdue').length, `${where}: milestones past due (tree vs rules)`);
        checked++;
      }
    });
  }

  it('checked every file on every day (none skipped silently)', () => {
    assert.ok(checked >= (files.length - 2) * days.length, `only ${checked} checks ran`);
  });
});
