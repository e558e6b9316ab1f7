// The status report beyond the golden files: the period, what falls in each section, the file
// name, and the `lastSent` edit in every shape the status-report entry can take.
import * as assert from 'assert';
import * as path from 'path';
import { parseDocument } from 'yaml';
import { applyEdits, DIR, generate, REPORT_SECTIONS, headings, yaml } from './util';

function report(text: string, today = '2026-11-20', existing: string[] = []) {
  return generate('report', text, { today, existing });
}

/** The body of one `## ` section, without its heading. */
function section(markdown: string, title: string): string {
  const start = markdown.indexOf(`## ${title}\n`);
  assert.ok(start >= 0, `no section ${title}`);
  const rest = markdown.slice(start + title.length + 4);
  const end = rest.search(/\n## |\n_Generated/);
  return rest.slice(0, end).trim();
}

function plan(...statusReport: string[]): string {
  return yaml('version: 1', 'partnership: {name: Dashboard, customer: Acme Corp}', 'communication:', '  statusReport:', ...statusReport);
}

describe('status report', () => {
  describe('the period', () => {
    it('runs from the day after the last report to today', () => {
      const d = report(plan('    cadence: weekly', '    lastSent: 2026-11-09'));
      assert.strictEqual(
        section(d.content, 'Period'),
        ['- **Covers:** 2026-11-10 to 2026-11-20', '- **Previous report:** 2026-11-09', '- **Next report:** 2026-11-27 (weekly)', '- **To:** not defined'].join('\n'),
      );
    });

    it('is one cadence long when no report was ever sent', () => {
      assert.ok(report(plan('    cadence: weekly')).content.includes('- **Covers:** 2026-11-14 to 2026-11-20\n- **Previous report:** none recorded\n'));
      assert.ok(report(plan('    cadence: biweekly')).content.includes('- **Covers:** 2026-11-07 to 2026-11-20\n'));
      assert.ok(report(plan('    cadence: daily')).content.includes('- **Covers:** 2026-11-20 to 2026-11-20\n'));
      // One calendar month before 2026-03-31 is 2026-02-28 (clamped), so the period starts on 03-01.
      assert.ok(report(plan('    cadence: monthly'), '2026-03-31').content.includes('- **Covers:** 2026-03-01 to 2026-03-31\n- **Previous report:** none recorded\n- **Next report:** 2026-04-30 (monthly)\n'));
      assert.ok(report(plan('    cadence: quarterly'), '2026-05-31').content.includes('- **Covers:** 2026-03-01 to 2026-05-31\n'));
    });

    it('treats a last report dated today or later as no earlier report', () => {
      assert.ok(report(plan('    cadence: weekly', '    lastSent: 2026-11-20')).content.includes('- **Covers:** 2026-11-14 to 2026-11-20\n- **Previous report:** none recorded\n'));
    });

    it('assumes a week when the plan has no cadence', () => {
      const d = report(yaml('version: 1'));
      assert.ok(d.content.includes('- **Covers:** 2026-11-14 to 2026-11-20\n- **Previous report:** none recorded\n- **Next report:** 2026-11-27 (no cadence agreed; weekly assumed)\n- **To:** not defined\n'));
    });

    it('names the audience and the channel', () => {
      const text = yaml('version: 1', 'people: [{id: jdoe, name: Jane Doe, side: customer}]', 'communication:', '  statusReport: {cadence: weekly, channel: email, audience: [jdoe, pnair]}');
      assert.ok(report(text).content.includes('- **To:** Jane Doe and pnair, by email\n'));
    });
  });

  describe('sections', () => {
    const text = yaml(
      'version: 1',
      'people: [{id: alee, name: Amir Lee, side: ours}, {id: jdoe, name: Jane Doe, side: customer}]',
      'communication:',
      '  statusReport: {cadence: weekly, lastSent: 2026-11-13}',
      'commitments:',
      '  - {id: C-1, summary: On the last report day, due: 2026-11-13, status: done, completed: 2026-11-13}',
      '  - {id: C-2, summary: First day of the period, owner: alee, due: 2026-11-12, status: done, completed: 2026-11-14}',
      '  - {id: C-3, summary: Today, owner: alee, due: 2026-11-25, status: done, completed: 2026-11-20}',
      '  - {id: C-4, summary: Dropped, due: 2026-11-15, status: dropped, completed: 2026-11-15}',
      '  - {id: C-5, summary: Due today, owner: alee, due: 2026-11-20, status: open}',
      '  - {id: C-6, summary: Due on the next report day, due: 2026-11-27, status: in-progress}',
      '  - {id: C-7, summary: Due the day after, due: 2026-11-28, status: open}',
      '  - {id: C-8, summary: Late, owner: alee, to: jdoe, due: 2026-11-19, status: open}',
      '  - {id: C-9, summary: Done without a date, due: 2026-11-16, status: done}',
    );
    const d = report(text);

    it('done this period: completed from the day after the last report to today, with the due date', () => {
      assert.strictEqual(
        section(d.content, 'Done this period'),
        [
          '| Id | Commitment | Owner | Completed | Against due date |',
          '|---|---|---|---|---|',
          '| C-2 | First day of the period | Amir Lee | 2026-11-14 | 2 days late |',
          '| C-3 | Today | Amir Lee | 2026-11-20 | 5 days early |',
        ].join('\n'),
      );
    });

    it('due next period: open or in-progress, due from today to the next report', () => {
      assert.strictEqual(
        section(d.content, 'Due next period'),
        ['| Id | Commitment | Owner | Due | Status |', '|---|---|---|---|---|', '| C-5 | Due today | Amir Lee | 2026-11-20 | open |', '| C-6 | Due on the next report day | — | 2026-11-27 | in-progress |'].join('\n'),
      );
    });

    it('overdue: with owner, to whom, and days late', () => {
      assert.strictEqual(
        section(d.content, 'Overdue'),
        ['| Id | Commitment | Owner | Promised to | Due | Days late |', '|---|---|---|---|---|---|', '| C-8 | Late | Amir Lee | Jane Doe | 2026-11-19 | 1 |'].join('\n'),
      );
    });

    it('empty sections say None., and the headings never change', () => {
      for (const s of ['Health', 'Open concerns', 'Open risks', 'Milestones']) assert.strictEqual(section(d.content, s), 'None.');
      assert.deepStrictEqual(headings(d.content).slice(1), REPORT_SECTIONS);
    });

    it('open risks include a risk with no status; mitigated and closed ones are left out', () => {
      const r = report(yaml('version: 1', 'risks:', '  - {id: R-1, summary: A, likelihood: high, impact: low}', '  - {id: R-2, summary: B, status: mitigated}', '  - {id: R-3, summary: C, status: closed}', '  - {id: R-4, summary: D, status: open, mitigation: Plan B}'));
      assert.strictEqual(
        section(r.content, 'Open risks'),
        ['| Id | Risk | Likelihood | Impact | Owner | Mitigation |', '|---|---|---|---|---|---|', '| R-1 | A | high | low | — | — |', '| R-4 | D | — | — | — | Plan B |'].join('\n'),
      );
    });

    it('milestones: status, due and delivered, with lateness', () => {
      const r = report(yaml('version: 1', 'milestones:', '  - {id: M-1, name: Pilot, due: 2026-11-01, status: delivered, delivered: 2026-11-03}', '  - {id: M-2, name: Rollout, due: 2026-11-10, status: slipped}', '  - {id: M-3, name: Launch, due: 2026-12-10, status: planned}', '  - {name: Unnamed}'));
      assert.strictEqual(
        section(r.content, 'Milestones'),
        [
          '| Id | Milestone | Status | Due | Delivered |',
          '|---|---|---|---|---|',
          '| M-1 | Pilot | delivered | 2026-11-01 | 2026-11-03 (2 days late) |',
          '| M-2 | Rollout | slipped, 10 days past due | 2026-11-10 | — |',
          '| M-3 | Launch | planned | 2026-12-10 | — |',
          '| — | Unnamed | unknown | — | — |',
        ].join('\n'),
      );
    });

    it('health: status, trend, the three scores and the note', () => {
      const r = report(yaml('version: 1', 'health: {status: watch, assessed: 2026-11-02, trend: improving, access: 3, trust: 4, note: "Better *since* the demo"}'));
      assert.strictEqual(
        section(r.content, 'Health'),
        ['| Status | Trend | Access | Credibility | Trust | Assessed |', '|---|---|---|---|---|---|', '| watch | improving | 3/5 | — | 4/5 | 2026-11-02 |', '', 'Note: Better \\*since\\* the demo'].join('\n'),
      );
    });
  });

  describe('the file name', () => {
    it('is <stem>.status-<today>.md beside the file, or the next free number', () => {
      const text = plan('    cadence: weekly');
      assert.strictEqual(report(text).path, path.join(DIR, 'acme.status-2026-11-20.md'));
      const taken = [path.join(DIR, 'acme.status-2026-11-20.md')];
      assert.strictEqual(report(text, '2026-11-20', taken).path, path.join(DIR, 'acme.status-2026-11-20-2.md'));
      // Saturday: the report is dated today, not the next working day.
      assert.strictEqual(report(text, '2026-11-21').path, path.join(DIR, 'acme.status-2026-11-21.md'));
    });
  });

  describe('the lastSent edit', () => {
    const sent = (text: string, today = '2026-11-20') => applyEdits(text, report(text, today).edits);

    it('replaces lastSent, keeping its comment', () => {
      assert.strictEqual(sent(plan('    cadence: weekly', '    lastSent: 2026-11-13   # Friday')), plan('    cadence: weekly', '    lastSent: 2026-11-20   # Friday'));
      assert.strictEqual(sent(plan('    cadence: weekly', "    lastSent: '2026-11-13'")), plan('    cadence: weekly', '    lastSent: 2026-11-20'));
      // A block scalar is replaced from its indicator to its last line, by the plain date.
      assert.strictEqual(sent(plan('    cadence: weekly', '    lastSent: |', '      2026-11-13')), plan('    cadence: weekly', '    lastSent: 2026-11-20'));
    });

    it('adds lastSent when there is none, at the entry\'s indentation', () => {
      assert.strictEqual(sent(plan('    cadence: weekly', '    audience:', '      - jdoe')), plan('    cadence: weekly', '    audience:', '      - jdoe', '    lastSent: 2026-11-20'));
    });

    it('fills an empty lastSent, keeping a comment after it', () => {
      assert.strictEqual(sent(plan('    cadence: weekly', '    lastSent:')), plan('    cadence: weekly', '    lastSent: 2026-11-20'));
      assert.strictEqual(sent(plan('    lastSent:   # never', '    cadence: weekly')), plan('    lastSent: 2026-11-20 # never', '    cadence: weekly'));
      assert.strictEqual(sent(plan('    lastSent: ~', '    cadence: weekly')), plan('    lastSent: 2026-11-20', '    cadence: weekly'));
    });

    it('works in a flow mapping', () => {
      const flow = (v: string) => yaml('version: 1', 'communication:', `  statusReport: ${v}`);
      assert.strictEqual(sent(flow('{cadence: weekly}')), flow('{cadence: weekly, lastSent: 2026-11-20}'));
      assert.strictEqual(sent(flow('{cadence: weekly, lastSent: 2026-11-01}')), flow('{cadence: weekly, lastSent: 2026-11-20}'));
    });

    it('writes CRLF into a CRLF file', () => {
      const crlf = (t: string) => t.replace(/\n/g, '\r\n');
      const out = sent(crlf(plan('    cadence: weekly', '    channel: email')));
      assert.strictEqual(out, crlf(plan('    cadence: weekly', '    channel: email', '    lastSent: 2026-11-20')));
      assert.ok(!/[^\r]\n/.test(out));
    });

    it('records today, read back as a date string', () => {
      const out = sent(plan('    cadence: weekly', '    lastSent: 2026-10-01'));
      assert.strictEqual(parseDocument(out).toJS().communication.statusReport.lastSent, '2026-11-20');
    });

    it('makes no edit without a status report, when it is already today, or when lastSent is a list', () => {
      for (const text of [
        yaml('version: 1'),
        yaml('version: 1', 'communication:', '  escalation: [mkhan]'),
        yaml('version: 1', 'communication:', '  statusReport: weekly'),
        plan('    cadence: weekly', '    lastSent: 2026-11-20'),
        plan('    cadence: weekly', '    lastSent: [2026-11-13]'),
        plan('    cadence: weekly', '    lastSent: 2026-11-13', '  cadence: [broken'),
      ]) {
        const d = report(text);
        assert.deepStrictEqual(d.edits, [], text);
        assert.deepStrictEqual(headings(d.content).slice(1), REPORT_SECTIONS);
      }
    });
  });
});
