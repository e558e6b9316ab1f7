// `partnership summary`: a portfolio, one row per partnership, what needs attention first, from
// the domain's facts (so it never disagrees with the diagnostics). Exact text for the examples,
// the sort order, the machine formats, and the README's example.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { assertBuilt, cleanup, emptyDir, ROOT, run, TODAY, write } from './cliHelpers';

const EXAMPLES = path.join(ROOT, 'examples');

/** A small partnership with a given health and some late commitments and unanswered concerns. */
function partnership(name: string, health: string | undefined, late: number, concerns: number): string {
  const lines = ['version: 1', 'partnership:', `  name: ${name}`, '  customer: Initech', 'people:', '  - id: pb', '    name: Peter Gibbons', '    side: customer', '    decisionMaker: true', '  - id: ml', '    name: Milton Waddams', '    side: ours'];
  if (health) lines.push('health:', `  status: ${health}`, '  assessed: 2026-11-20');
  lines.push('commitments:');
  for (let i = 1; i <= late; i++) lines.push(`  - id: C-${i}`, `    summary: Deliverable ${i}`, '    owner: ml', '    to: pb', '    due: 2026-11-0' + i, '    status: open');
  if (late === 0) lines.push('  - id: C-1', '    summary: Deliverable', '    owner: ml', '    to: pb', '    due: 2027-02-01', '    status: open');
  if (concerns > 0) lines.push('concerns:');
  for (let i = 1; i <= concerns; i++) lines.push(`  - id: K-${i}`, `    summary: Concern ${i}`, `    raised: 2026-11-1${i}`, '    by: pb', '    status: open');
  return lines.join('\n') + '\n';
}

describe('cli: summary', () => {
  before(assertBuilt);

  it('the examples: a table of 100 columns, what needs attention first, exit 0 though one file has errors', () => {
    const r = run(['summary', EXAMPLES, '--today', TODAY], ROOT);
    assert.strictEqual(r.status, 0, r.stderr);
    const lines = r.stdout.split('\n');
    assert.deepStrictEqual(lines.slice(0, 8), [
      'Partnership             Health          Late  Week  Concern   Report  Stale  On-time  Next milestone',
      'Brightwater meter dat…  broken ↘     8 (45d)     1  K-1 38d      28d      1      31%  M-4 in 95d',
      'Northwind route plann…  strained ↘   2 (24d)     0  K-1 17d      21d      1      33%  —',
      'Fleet maps alliance     watch →      1 (10d)     0  K-1 11d      21d      0       0%  M-2 in 7d',
      'Payments on the share…  watch →            0     1  —              —      0     100%  M-2 in 67d',
      'Copperleaf online ord…  —                  0     0  —              —      0        —  —',
      'Acme compliance analy…  healthy ↗          0     0  —             3d      0      50%  M-2 in 67d',
      'Globex billing migrat…  healthy →          0     0  —             3d      0     100%  M-2 in 67d',
    ]);
    for (const line of lines) assert.ok([...line].length <= 100, `${[...line].length} columns: ${line}`);
  });

  it('sorts broken before strained before watch before unassessed before healthy, then by late commitments, then by unanswered concerns', () => {
    const dir = emptyDir();
    try {
      write(dir, 'a.partnership.yaml', partnership('Healthy one', 'healthy', 2, 2));
      write(dir, 'b.partnership.yaml', partnership('Watch one', 'watch', 0, 0));
      write(dir, 'c.partnership.yaml', partnership('Strained, one late', 'strained', 1, 0));
      write(dir, 'd.partnership.yaml', partnership('Strained, two late', 'strained', 2, 0));
      write(dir, 'e.partnership.yaml', partnership('Broken one', 'broken', 0, 0));
      write(dir, 'f.partnership.yaml', partnership('Not assessed', undefined, 0, 0));
      write(dir, 'g.partnership.yaml', partnership('Strained, two late, a concern', 'strained', 2, 1));
      const r = run(['summary', '--today', TODAY, '--format', 'json'], dir);
      assert.strictEqual(r.status, 0, r.stderr);
      const rows = JSON.parse(r.stdout) as { name: string; late: number; unansweredConcerns: number; health?: string }[];
      assert.deepStrictEqual(
        rows.map((x) => x.name),
        ['Broken one', 'Strained, two late, a concern', 'Strained, two late', 'Strained, one late', 'Watch one', 'Not assessed', 'Healthy one'],
      );
      assert.deepStrictEqual(rows[1], { ...rows[1], late: 2, unansweredConcerns: 1, health: 'strained' });
    } finally {
      cleanup(dir);
    }
  });

  it('json, csv and markdown carry the same rows', () => {
    const json = JSON.parse(run(['summary', EXAMPLES, '--today', TODAY, '--format', 'json'], ROOT).stdout) as Record<string, unknown>[];
    assert.deepStrictEqual(json[1], {
      path: 'examples/northwind-logistics.partnership.yaml',
      name: 'Northwind route planning',
      customer: 'Northwind Logistics',
      health: 'strained',
      trend: 'declining',
      late: 2,
      maxDaysLate: 24,
      dueWithinWeek: 0,
      unansweredConcerns: 1,
      oldestUnansweredConcern: { id: 'K-1', days: 17, severity: 'high' },
      daysSinceStatusReport: 21,
      staleDecisionMakers: ['Helena Voss'],
      onTime: { kept: 1, counted: 3, percent: 33 },
    });
    const csv = run(['summary', EXAMPLES, '--today', TODAY, '--format', 'csv'], ROOT).stdout.split('\r\n');
    assert.strictEqual(csv[0], 'path,name,customer,health,trend,late,max_days_late,due_within_week,unanswered_concerns,oldest_concern,oldest_concern_days,days_since_status_report,stale_decision_makers,on_time_percent,next_milestone,next_milestone_due');
    assert.strictEqual(csv[2], 'examples/northwind-logistics.partnership.yaml,Northwind route planning,Northwind Logistics,strained,declining,2,24,0,1,K-1,17,21,Helena Voss,33,,');
    assert.strictEqual(csv.length, json.length + 2, 'a header, a row each, and the final line break');
    const md = run(['summary', EXAMPLES, '--today', TODAY, '--format', 'markdown'], ROOT).stdout;
    assert.ok(md.includes('| [Northwind route planning](examples/northwind-logistics.partnership.yaml) | strained ↘ | 2 (24d) | 0 | K-1 17d | 21d | 1 | 33% | — |'), md);
    assert.ok(md.includes('- **Northwind route planning**: strained · 2 late · 1 unanswered · on-time 33%; not contacted as agreed: Helena Voss'), md);
  });

  it("the README's Portfolio example prints what the README shows", () => {
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const block = /```\n\$ partnership summary examples --today (\S+)\n([\s\S]*?)```/.exec(readme);
    assert.ok(block, 'README lost its summary example');
    const r = run(['summary', 'examples', '--today', block[1]], ROOT);
    assert.strictEqual(r.stdout, block[2]);
  });

  it('bad input: exit 2, one line', () => {
    const r = run(['summary', 'nope', '--today', TODAY], ROOT);
    assert.deepStrictEqual([r.status, r.stderr], [2, 'partnership: no such file or folder: nope\n']);
    const f = run(['summary', EXAMPLES, '--format', 'xml'], ROOT);
    assert.strictEqual(f.status, 2);
  });
});
