// The status report beyond the golden files: the period, what falls in each section, what the
// customer never sees, the file name, and recording it as sent (the `lastSent` edit in every shape
// the status-report entry can take), which generating never does.
import * as assert from 'assert';
import * as path from 'path';
import { parseDocument } from 'yaml';
import { createLanguageService } from '../../server/src/service';
import { applyEdits, day, DIR, generate, INTERNAL_REPORT_SECTIONS, memFs, REPORT_SECTIONS, headings, yaml } from './util';

function report(text: string, today = '2026-11-20', existing: string[] = [], internal = false) {
  return generate('report', text, { today, existing, internal });
}

function recordSent(text: string, today = '2026-11-20') {
  return createLanguageService({ fs: memFs() }).recordStatusReportSent(text, path.join(DIR, 'acme.partnership.yaml'), day(today));
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
        ['- **Covers:** 2026-11-10 to 2026-11-20', '- **Previous report:** 2026-11-09', '- **Next report:** 2026-11-27 (weekly)', '- **To:** not agreed (the communication plan names no audience)'].join('\n'),
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
      assert.ok(d.content.includes('- **Covers:** 2026-11-14 to 2026-11-20\n- **Previous report:** none recorded\n- **Next report:** 2026-11-27 (no cadence agreed; weekly assumed)\n- **To:** not agreed (the communication plan names no audience)\n'));
    });

    it('names the audience and the channel', () => {
      const text = yaml('version: 1', 'people: [{id: jdoe, name: Jane Doe, side: customer}]', 'communication:', '  statusReport: {cadence: weekly, channel: email, audience: [jdoe, pnair]}');
      assert.ok(report(text).content.includes('- **To:** Jane Doe and pnair, by email\n'));
    });

    it('addresses the audience by name and role, from our lead', () => {
      const text = yaml(
        'version: 1',
        'partnership: {name: Dashboard, customer: Acme Corp, lead: alee}',
        'people:',
        '  - {id: jdoe, name: Jane Doe, side: customer, role: VP Compliance, email: jane@acme.example}',
        '  - {id: alee, name: Amir Lee, side: ours, role: Tech lead, email: amir@ours.example}',
        'communication:',
        '  statusReport: {cadence: weekly, audience: [jdoe, jdoe]}',
      );
      const content = report(text).content;
      assert.ok(content.includes('- **To:** Jane Doe (VP Compliance)\n- **From:** Amir Lee (Tech lead)\n\n## Goals'), content);
      assert.ok(!/@/.test(content), 'no email address');
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
      for (const s of ['Goals', 'Dates changed this period', 'Open concerns', 'Shared risks', 'Milestones reached', 'Milestones ahead']) assert.strictEqual(section(d.content, s), 'None.');
      assert.deepStrictEqual(headings(d.content).slice(1), REPORT_SECTIONS);
    });

    it('reliability: the domain\'s figures over the window', () => {
      // C-1, C-2, C-3, C-9 done (C-2 two days late), C-8 overdue by 1; C-4 dropped; no history.
      assert.strictEqual(
        section(d.content, 'Reliability'),
        [
          'Commitments due or completed from 2026-08-22 to 2026-11-20.',
          '',
          '| Measure | Value |',
          '|---|---|',
          '| On time as first promised | 2 of 5 (40%) |',
          '| Kept as agreed | 2 of 5 (40%) |',
          '| Late | 2 |',
          '| Slip, median | 2 days |',
          '| Slip, longest | 2 days |',
          '| Due dates moved | 0 |',
          '| Moved after the date had passed | 0 |',
          '| Dropped | 1 |',
        ].join('\n'),
      );
      assert.strictEqual(section(report(yaml('version: 1')).content, 'Reliability'), 'Commitments due or completed from 2026-08-22 to 2026-11-20.\n\nNone.');
    });

    it('goals: metric, target, current, who defined it, and whether it is on target', () => {
      const r = report(
        yaml(
          'version: 1',
          'people: [{id: jdoe, name: Jane Doe, side: customer}]',
          'goals:',
          '  - {id: G-1, statement: Uptime, metric: monthly availability, target: 98%, current: 71%, definedBy: jdoe}',
          '  - {id: G-2, statement: Fast invoices, metric: days to invoice, target: under 2 days, current: 1 day}',
          '  - {id: G-3, statement: Audit time, metric: hours per audit, target: 40, current: 40}',
          '  - {id: G-4, statement: Adoption, metric: active users, target: at least 500}',
          '  - {id: G-5, statement: Mood, metric: survey, target: good, current: better}',
        ),
      );
      assert.strictEqual(
        section(r.content, 'Goals'),
        [
          '| Id | Goal | Metric | Target | Current | Defined by | State |',
          '|---|---|---|---|---|---|---|',
          '| G-1 | Uptime | monthly availability | 98% | 71% | Jane Doe | **off target** |',
          '| G-2 | Fast invoices | days to invoice | under 2 days | 1 day | — | on target |',
          '| G-3 | Audit time | hours per audit | 40 | 40 | — | on target |',
          '| G-4 | Adoption | active users | at least 500 | — | — | not measured against the target |',
          '| G-5 | Mood | survey | good | better | — | not measured against the target |',
        ].join('\n'),
      );
    });

    it('dates changed this period: history entries recorded in the period, with their reasons', () => {
      const r = report(
        yaml(
          'version: 1',
          'communication: {statusReport: {cadence: weekly, lastSent: 2026-11-13}}',
          'commitments:',
          '  - id: C-1',
          '    summary: Export',
          '    due: 2026-12-04',
          '    status: open',
          '    history:',
          '      - {on: 2026-11-02, from: 2026-11-10, to: 2026-11-20, reason: Before the period}',
          '      - {on: 2026-11-18, from: 2026-11-20, to: 2026-12-04, reason: "Their *API* changed"}',
          '  - id: C-2',
          '    summary: Import',
          '    due: 2026-11-30',
          '    status: open',
          '    history: [{on: 2026-11-14, from: 2026-11-12, to: 2026-11-30}]',
        ),
      );
      assert.strictEqual(
        section(r.content, 'Dates changed this period'),
        [
          '| Id | Commitment | Changed on | From | To | Reason |',
          '|---|---|---|---|---|---|',
          '| C-2 | Import | 2026-11-14 | 2026-11-12 | 2026-11-30 | no reason recorded |',
          '| C-1 | Export | 2026-11-18 | 2026-11-20 | 2026-12-04 | Their \\*API\\* changed |',
        ].join('\n'),
      );
    });

    it('shared risks: open ones, never an internal one; mitigated and closed ones are left out', () => {
      const r = report(
        yaml(
          'version: 1',
          'risks:',
          '  - {id: R-1, summary: A, likelihood: high, impact: low}',
          '  - {id: R-2, summary: B, status: mitigated}',
          '  - {id: R-3, summary: C, status: closed}',
          '  - {id: R-4, summary: D, status: open, mitigation: Plan B}',
          '  - {id: R-5, summary: They may not renew, status: open, internal: true}',
        ),
      );
      assert.strictEqual(
        section(r.content, 'Shared risks'),
        ['| Id | Risk | Likelihood | Impact | Owner | Mitigation |', '|---|---|---|---|---|---|', '| R-1 | A | high | low | — | — |', '| R-4 | D | — | — | — | Plan B |'].join('\n'),
      );
      assert.ok(!r.content.includes('renew'));
    });

    it('milestones: reached in the period celebrated, the others ahead with lateness', () => {
      const r = report(
        yaml(
          'version: 1',
          'communication: {statusReport: {cadence: weekly, lastSent: 2026-11-13}}',
          'milestones:',
          '  - {id: M-0, name: Kickoff, due: 2026-10-01, status: delivered, delivered: 2026-10-01}',
          '  - {id: M-1, name: Pilot, due: 2026-11-12, status: delivered, delivered: 2026-11-16}',
          '  - {id: M-2, name: Rollout, due: 2026-11-10, status: slipped}',
          '  - {id: M-3, name: Launch, due: 2026-12-10, status: planned}',
          '  - {id: M-4, name: Training, due: 2026-11-18}',
          '  - {name: Unnamed}',
        ),
      );
      assert.strictEqual(section(r.content, 'Milestones reached'), '- 🎉 **M-1 Pilot** reached on 2026-11-16 (4 days late).');
      assert.strictEqual(
        section(r.content, 'Milestones ahead'),
        [
          '| Id | Milestone | Due | Status |',
          '|---|---|---|---|',
          '| M-2 | Rollout | 2026-11-10 | slipped |',
          '| M-4 | Training | 2026-11-18 | planned, 2 days past due |',
          '| M-3 | Launch | 2026-12-10 | planned |',
        ].join('\n'),
      );
      // A milestone without its required due date is a schema error: left out, and named at the top.
      assert.ok(r.content.includes("> - the 6th milestone left out: "), r.content.slice(0, 600));
      assert.ok(!section(r.content, 'Milestones ahead').includes('Unnamed'));
    });
  });

  describe('what the customer never sees, and the internal version', () => {
    const text = yaml(
      'version: 1',
      'partnership: {name: Dashboard, customer: Acme Corp}',
      'people: [{id: jdoe, name: Jane Doe, side: customer, role: CIO, email: jane@acme.example, phone: "+1 555 0100", notes: Prefers calls}]',
      'communication: {statusReport: {cadence: weekly, audience: [jdoe]}}',
      'risks:',
      '  - {id: R-1, summary: Payer table changes, status: open}',
      '  - {id: R-2, summary: Acme may not renew, status: open, internal: true}',
      'health:',
      '  status: strained',
      '  trend: declining',
      '  assessed: 2026-11-02',
      '  access: 2',
      '  trust: 1',
      '  note: "CIO is evaluating *alternatives*"',
      '  previous: [{status: watch, assessed: 2026-10-01, note: First doubts}]',
    );

    it('the customer version has no health, no internal risk, no contact details', () => {
      const r = report(text);
      for (const hidden of ['strained', 'declining', 'alternatives', 'watch', 'First doubts', 'renew', 'jane@acme.example', '555', 'Prefers calls', 'Health', '/5']) {
        assert.ok(!r.content.includes(hidden), hidden);
      }
      assert.strictEqual(r.path, path.join(DIR, 'acme.status-2026-11-20.md'));
    });

    it('--internal adds our assessment, current and earlier, and the internal risks, marked as ours', () => {
      const r = report(text, '2026-11-20', [], true);
      assert.strictEqual(r.path, path.join(DIR, 'acme.status-internal-2026-11-20.md'));
      assert.ok(r.content.startsWith('# INTERNAL status report: Dashboard for Acme Corp (not for sending)\n'));
      assert.deepStrictEqual(headings(r.content).slice(1), INTERNAL_REPORT_SECTIONS);
      assert.strictEqual(
        section(r.content, 'Internal: our assessment (not for the customer)'),
        [
          '| Status | Trend | Access | Credibility | Trust | Assessed | Note |',
          '|---|---|---|---|---|---|---|',
          '| strained | declining | 2/5 | — | 1/5 | 2026-11-02 | CIO is evaluating \\*alternatives\\* |',
          '| watch | — | — | — | — | 2026-10-01 | First doubts |',
          '',
          '### Internal risks',
          '',
          '| Id | Risk | Likelihood | Impact | Owner | Mitigation |',
          '|---|---|---|---|---|---|',
          '| R-2 | Acme may not renew | — | — | — | — |',
        ].join('\n'),
      );
      assert.ok(!r.content.includes('jane@acme.example'));
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

  describe('generating records nothing', () => {
    it('has no edits, and says how a report is recorded as sent', () => {
      const d = report(plan('    cadence: weekly', '    lastSent: 2026-11-13'));
      assert.deepStrictEqual(d.edits, []);
      assert.strictEqual(d.recorded, undefined);
      assert.strictEqual(d.notRecorded, 'a report is recorded as sent only once it has gone out (partnership report FILE --sent, or "Mark as sent" in the editor)');
    });
  });

  describe('recording it as sent: the lastSent edit', () => {
    const sent = (text: string, today = '2026-11-20') => {
      const r = recordSent(text, today);
      assert.strictEqual(r.recorded, `the status report of ${today} as sent`);
      return applyEdits(text, [r.edit!]);
    };

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

    it('makes no edit without a status report, when it is already today or later, or when lastSent is a list, and says why', () => {
      const none = 'the file has no communication.statusReport to record lastSent in';
      const refused = 'lastSent cannot be changed safely here (an alias shares it, or the plan is not a plain mapping): set it by hand';
      for (const [text, why] of [
        [yaml('version: 1'), none],
        [yaml('version: 1', 'communication:', '  escalation: [mkhan]'), none],
        [yaml('version: 1', 'communication:', '  statusReport: weekly'), none],
        [plan('    cadence: weekly', '    lastSent: 2026-11-20'), 'lastSent already says 2026-11-20'],
        [plan('    cadence: weekly', "    lastSent: '2026-11-20'"), 'lastSent already says 2026-11-20'],
        [plan('    cadence: weekly', '    lastSent: 2026-11-27'), 'lastSent already says 2026-11-27, later than 2026-11-20: not moved back'],
        [plan('    cadence: weekly', '    lastSent: [2026-11-13]'), refused],
      ]) {
        assert.deepStrictEqual(recordSent(text), { why }, text);
        assert.deepStrictEqual(headings(report(text).content).slice(1), REPORT_SECTIONS);
      }
    });
  });
});
