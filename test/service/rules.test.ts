import * as assert from 'assert';
import { applyEdits, check, checkShown } from '../helpers';
import type { PartnershipConfig, TextEdit } from '../../server/src/service';
import { HEALTHY, withLines } from './fixture';

describe('domain rules', () => {
  it('the healthy fixture has no diagnostics', () => {
    assert.deepStrictEqual(checkShown(HEALTHY), []);
  });

  describe('commitment-overdue', () => {
    it('fires on the due value of an open commitment past due, with days and recipient', () => {
      assert.deepStrictEqual(checkShown(withLines({ 50: '    due: 2026-11-01' })), [
        "50:10-50:20 commitment-overdue warning C-12 'Pilot the audit dashboard', promised to Jane Doe, is 22 days overdue (due 2026-11-01)",
      ]);
    });
    it('says "1 day" and omits the recipient when there is none', () => {
      assert.deepStrictEqual(checkShown(withLines({ 48: null, 50: '    due: 2026-11-22' })), [
        "49:10-49:20 commitment-overdue warning C-12 'Pilot the audit dashboard' is 1 day overdue (due 2026-11-22)",
      ]);
    });
    it('does not fire when done, dropped, or due today', () => {
      assert.deepStrictEqual(checkShown(withLines({ 50: '    due: 2026-11-01', 51: '    status: dropped' })), []);
      assert.deepStrictEqual(checkShown(withLines({ 56: '    made: 2025-12-01', 57: '    due: 2026-01-01' })), []);
      const dueToday = checkShown(withLines({ 50: '    due: 2026-11-23' }));
      assert.ok(!dueToday.some((d) => d.includes('commitment-overdue')), dueToday.join('\n'));
    });
  });

  describe('commitment-due-soon', () => {
    it('fires within dueSoonDays, inclusive of today and the last day', () => {
      assert.deepStrictEqual(checkShown(withLines({ 50: '    due: 2026-11-30' })), [
        "50:10-50:20 commitment-due-soon information C-12 'Pilot the audit dashboard', promised to Jane Doe, is due in 7 days (2026-11-30)",
      ]);
      assert.deepStrictEqual(checkShown(withLines({ 50: '    due: 2026-11-23' })), [
        "50:10-50:20 commitment-due-soon information C-12 'Pilot the audit dashboard', promised to Jane Doe, is due today (2026-11-23)",
      ]);
      assert.deepStrictEqual(checkShown(withLines({ 50: '    due: 2026-11-24' })), [
        "50:10-50:20 commitment-due-soon information C-12 'Pilot the audit dashboard', promised to Jane Doe, is due tomorrow (2026-11-24)",
      ]);
    });
    it('does not fire beyond the horizon, and follows dueSoonDays from the config', () => {
      assert.deepStrictEqual(checkShown(withLines({ 50: '    due: 2026-12-01' })), []);
      assert.deepStrictEqual(checkShown(withLines({ 50: '    due: 2026-12-01' }), '2026-11-23', { dueSoonDays: 8 }), [
        "50:10-50:20 commitment-due-soon information C-12 'Pilot the audit dashboard', promised to Jane Doe, is due in 8 days (2026-12-01)",
      ]);
    });
  });

  describe('commitment-unowned', () => {
    it('fires on the id of an open commitment without owner', () => {
      assert.deepStrictEqual(checkShown(withLines({ 47: null })), [
        "45:9-45:13 commitment-unowned warning C-12 'Pilot the audit dashboard' is in-progress and has no owner: name the person responsible for it",
      ]);
    });
    it('does not fire for a done commitment without owner', () => {
      assert.deepStrictEqual(checkShown(withLines({ 54: null })), []);
    });
  });

  describe('communication-plan-missing', () => {
    const noPlan = withLines({ 31: null, 32: null, 33: null, 34: null, 35: null, 36: null, 37: null, 38: null, 39: null, 40: null, 41: null, 42: null, 43: null });
    it('fires once on the partnership key when there is no communication section, and nothing else about the plan fires', () => {
      assert.deepStrictEqual(checkShown(noPlan), [
        "2:1-2:12 communication-plan-missing warning No communication plan: agree with Acme Corp how often status is reported, to whom and how (add a 'communication' section with a statusReport)",
      ]);
    });
    it('fires on the communication key when there is no statusReport', () => {
      assert.deepStrictEqual(checkShown(withLines({ 32: null, 33: null, 34: null, 35: null, 36: null })), [
        '31:1-31:14 communication-plan-missing warning The communication plan has no statusReport: agree with Acme Corp how often status is reported and to whom',
      ]);
    });
  });

  describe('communication-plan-unsigned', () => {
    it('fires on the communication key when there is no signedOff', () => {
      assert.deepStrictEqual(checkShown(withLines({ 41: null, 42: null, 43: null })), [
        '31:1-31:14 communication-plan-unsigned warning Nobody at Acme Corp has signed off the communication plan: agree it with a customer decision maker and record signedOff',
      ]);
    });
    it('fires on signedOff.by when the signer is on our side', () => {
      assert.deepStrictEqual(checkShown(withLines({ 42: '    by: mkhan' })), [
        '42:9-42:14 communication-plan-unsigned warning The communication plan was signed off by Mira Khan (mkhan), who is on our side: the sign-off must come from Acme Corp',
      ]);
    });
    it('fires on signedOff when it does not say who signed', () => {
      assert.deepStrictEqual(checkShown(withLines({ 42: null })), [
        "41:3-41:12 communication-plan-unsigned warning The communication plan's signedOff does not say who signed it: record who at Acme Corp agreed to it in 'by'",
      ]);
    });
    it('leaves an unknown signer to unknown-reference', () => {
      assert.deepStrictEqual(checkShown(withLines({ 42: '    by: nobody' })), [
        "42:9-42:15 unknown-reference error Unknown person 'nobody' in by",
      ]);
    });
  });

  describe('status-report-overdue', () => {
    it('fires on lastSent when lastSent + cadence is before today', () => {
      assert.deepStrictEqual(checkShown(withLines({ 36: '    lastSent: 2026-11-07' })), [
        '36:15-36:25 status-report-overdue warning The weekly status report is 9 days overdue: last sent 2026-11-07, next was due 2026-11-14',
      ]);
    });
    it('does not fire on the day the next report is due', () => {
      assert.deepStrictEqual(checkShown(withLines({ 36: '    lastSent: 2026-11-16' })), []);
    });
    it('uses calendar months, clamped to the month end, for monthly', () => {
      // 2026-01-31 + 1 month = 2026-02-28; on 2026-03-01 that is 1 day overdue.
      assert.deepStrictEqual(checkShown(withLines({ 33: '    cadence: monthly', 36: '    lastSent: 2026-01-31' }), '2026-03-01').filter((d) => d.includes('status-report')), [
        '36:15-36:25 status-report-overdue warning The monthly status report is 1 day overdue: last sent 2026-01-31, next was due 2026-02-28',
      ]);
    });
    it('fires on the statusReport key when nothing was ever sent', () => {
      assert.deepStrictEqual(checkShown(withLines({ 36: null })), [
        '32:3-32:15 status-report-overdue warning No weekly status report has been sent yet (no lastSent recorded)',
      ]);
    });
    it('offers to generate a status report', () => {
      const [d] = check(withLines({ 36: '    lastSent: 2026-11-07' }));
      assert.deepStrictEqual(d.data, { fixes: [{ title: 'Generate status report', kind: 'generate', generate: 'report' }] });
    });
  });

  describe('review-meeting-overdue', () => {
    it('fires on lastHeld', () => {
      assert.deepStrictEqual(checkShown(withLines({ 39: '    lastHeld: 2026-10-27', 86: '  - date: 2026-10-20' })), [
        '39:15-39:25 review-meeting-overdue information The biweekly review meeting is 13 days overdue: last held 2026-10-27, next was due 2026-11-10',
      ]);
    });
    it('does not fire without lastHeld or within the cadence', () => {
      assert.deepStrictEqual(checkShown(withLines({ 39: null })), []);
      assert.deepStrictEqual(checkShown(withLines({ 39: '    lastHeld: 2026-11-10', 86: '  - date: 2026-11-01' })), []);
    });
  });

  describe('no-decision-maker', () => {
    it('fires on the people key when no customer-side person decides', () => {
      assert.deepStrictEqual(checkShown(withLines({ 19: '    decisionMaker: false' })), [
        '14:1-14:7 no-decision-maker warning Jane Doe, the only person listed for Acme Corp, is not marked decisionMaker: true: record who can decide and obtain resources on the customer side',
      ]);
      assert.deepStrictEqual(checkShown(withLines({ 19: '    decisionMaker: false', 25: '    side: customer' })).filter((d) => d.includes('no-decision')), [
        '14:1-14:7 no-decision-maker warning None of the 2 people listed for Acme Corp is marked decisionMaker: true: record who can decide and obtain resources on the customer side',
      ]);
    });
    it('does not count a decision maker on our side', () => {
      const text = withLines({ 19: null, 29: ['    side: ours', '    decisionMaker: true'] });
      assert.deepStrictEqual(checkShown(text).filter((d) => d.includes('no-decision-maker')), [
        '14:1-14:7 no-decision-maker warning Jane Doe, the only person listed for Acme Corp, is not marked decisionMaker: true: record who can decide and obtain resources on the customer side',
      ]);
    });
  });

  describe('contact-stale', () => {
    it('fires on lastContact when lastContact + contactEvery is before today', () => {
      assert.deepStrictEqual(checkShown(withLines({ 22: '    lastContact: 2026-10-02', 86: '  - date: 2026-10-01' })), [
        '22:18-22:28 contact-stale information No contact with Jane Doe for 52 days (last 2026-10-02); agreed monthly, so the next contact was due 2026-11-02',
      ]);
    });
    it('fires on contactEvery when no lastContact is recorded', () => {
      assert.deepStrictEqual(checkShown(withLines({ 22: null, 88: '    attendees: [alee]' })), [
        '21:19-21:26 contact-stale information Jane Doe should be contacted monthly, but no lastContact is recorded',
      ]);
    });
    it('ignores our side, and customer people without a cadence who neither decide nor sponsor', () => {
      assert.deepStrictEqual(checkShown(withLines({ 26: ['    role: Tech lead', '    contactEvery: weekly', '    lastContact: 2026-01-01'] })), []);
      assert.deepStrictEqual(checkShown(withLines({ 23: ['  - id: pnair', '    name: Priya Nair', '    side: customer', '    decisionMaker: false', '  - id: alee'] })), []);
    });
    it("fires on the id of a customer decision maker or sponsor with no contactEvery, saying which they are", () => {
      assert.deepStrictEqual(checkShown(withLines({ 21: null, 22: null })), [
        '15:9-15:13 contact-stale information Jane Doe, a decision maker and sponsor on the customer side, has no contactEvery: decide how often to stay in touch',
      ]);
      assert.deepStrictEqual(checkShown(withLines({ 20: null, 21: null, 22: null })), [
        '15:9-15:13 contact-stale information Jane Doe, a decision maker on the customer side, has no contactEvery: decide how often to stay in touch',
      ]);
      assert.deepStrictEqual(checkShown(withLines({ 23: ['  - id: pnair', '    name: Priya Nair', '    side: customer', '    sponsor: true', '  - id: alee'] })), [
        '23:9-23:14 contact-stale information Priya Nair, a sponsor on the customer side, has no contactEvery: decide how often to stay in touch',
      ]);
    });
    it('offers to add contactEvery: monthly to the person; then her attended meeting counts, and without one the rule asks for a lastContact', () => {
      const text = withLines({ 21: null, 22: null });
      const d = check(text).find((x) => x.code === 'contact-stale')!;
      assert.deepStrictEqual(d.data?.fixes, [
        { title: 'Add contactEvery: monthly', kind: 'quickfix', isPreferred: true, edits: [{ range: { start: { line: 20, character: 0 }, end: { line: 20, character: 0 } }, newText: '    contactEvery: monthly\n' }] },
      ]);
      const fixed = applyEdits(text, (d.data!.fixes[0] as { edits: TextEdit[] }).edits);
      // She attended the review of 2026-11-17: monthly, her next contact is due 2026-12-17.
      assert.deepStrictEqual(checkShown(fixed), []);
      const noMeeting = withLines({ 21: null, 22: null, 88: '    attendees: [alee]' });
      const fixedNoMeeting = applyEdits(noMeeting, (check(noMeeting).find((x) => x.code === 'contact-stale')!.data!.fixes[0] as { edits: TextEdit[] }).edits);
      assert.deepStrictEqual(checkShown(fixedNoMeeting), ['21:19-21:26 contact-stale information Jane Doe should be contacted monthly, but no lastContact is recorded']);
    });
  });

  describe('concern-unanswered', () => {
    const open = { 66: '    status: open', 68: null, 69: null };
    it('fires on the concern id when open, unanswered and older than concernResponseDays', () => {
      assert.deepStrictEqual(checkShown(withLines(open)), [
        "61:9-61:12 concern-unanswered warning K-3 'Status reports arrive irregularly', raised by Jane Doe, has had no response for 34 days (raised 2026-10-20)",
      ]);
    });
    it('does not fire at exactly concernResponseDays, with a response, or when closed', () => {
      const concerns = (text: string, today?: string, config?: Partial<PartnershipConfig>) => checkShown(text, today, config).filter((d) => d.includes('concern-unanswered'));
      assert.deepStrictEqual(concerns(withLines(open), '2026-10-25'), []);
      assert.deepStrictEqual(checkShown(withLines({ 66: '    status: open' })), []);
      assert.deepStrictEqual(concerns(withLines({ ...open, 66: '    status: closed' })), []);
    });
    it('follows concernResponseDays from the config', () => {
      const concerns = checkShown(withLines(open), '2026-10-25', { concernResponseDays: { high: 4, medium: 4, low: 4 } }).filter((d) => !d.includes('date-order'));
      assert.deepStrictEqual(concerns, [
        "61:9-61:12 concern-unanswered warning K-3 'Status reports arrive irregularly', raised by Jane Doe, has had no response for 5 days (raised 2026-10-20)",
      ]);
    });
  });

  describe('relationship-strained', () => {
    it('fires on health.status when strained with no reset meeting on or after the assessment', () => {
      assert.deepStrictEqual(checkShown(withLines({ 79: '  status: strained' })), [
        '79:11-79:19 relationship-strained warning The relationship is strained (assessed 2026-11-15) and no reset meeting is planned on or after that date',
      ]);
    });
    it('does not fire when a reset meeting is dated on the assessment day', () => {
      assert.deepStrictEqual(checkShown(withLines({ 79: '  status: broken', 86: '  - date: 2026-11-15', 87: '    kind: reset' })), []);
    });
    it('fires when the only reset meeting is before the assessment', () => {
      assert.deepStrictEqual(checkShown(withLines({ 79: '  status: broken', 86: '  - date: 2026-11-14', 87: '    kind: reset' })), [
        '79:11-79:17 relationship-strained warning The relationship is broken (assessed 2026-11-15) and no reset meeting is planned on or after that date',
      ]);
    });
  });

  describe('goal-without-metric', () => {
    it('fires on the goal id, naming what is missing', () => {
      assert.deepStrictEqual(checkShown(withLines({ 10: null })), [
        "8:9-8:12 goal-without-metric information Goal G-1 'Halve audit preparation time' has no metric: say how Acme Corp will measure it",
      ]);
      assert.deepStrictEqual(checkShown(withLines({ 10: null, 11: null })), [
        "8:9-8:12 goal-without-metric information Goal G-1 'Halve audit preparation time' has no metric and no target: say how Acme Corp will measure it",
      ]);
    });
  });

  describe('date-order', () => {
    it('fires on a due date before the commitment was made', () => {
      assert.deepStrictEqual(checkShown(withLines({ 49: '    made: 2026-12-20' })), [
        '50:10-50:20 date-order warning C-12 is due 2026-12-15, before it was made (2026-12-20)',
      ]);
    });
    it('fires on a completion before the commitment was made', () => {
      assert.deepStrictEqual(checkShown(withLines({ 59: '    completed: 2026-08-28' })), [
        '59:16-59:26 date-order warning C-13 was completed 2026-08-28, before it was made (2026-09-01)',
      ]);
    });
    it('fires on a response before the concern was raised', () => {
      assert.deepStrictEqual(checkShown(withLines({ 69: '    respondedOn: 2026-10-19' })), [
        '69:18-69:28 date-order warning K-3 was answered 2026-10-19, before it was raised (2026-10-20)',
      ]);
    });
    it('fires on a last… date in the future', () => {
      assert.deepStrictEqual(checkShown(withLines({ 36: '    lastSent: 2026-11-25' })), [
        '36:15-36:25 date-order warning Status report lastSent 2026-11-25 is in the future (today is 2026-11-23)',
      ]);
      assert.deepStrictEqual(checkShown(withLines({ 22: '    lastContact: 2026-12-01' })), [
        '22:18-22:28 date-order warning Jane Doe: lastContact 2026-12-01 is in the future (today is 2026-11-23)',
      ]);
    });
    it('allows one day of slack: tomorrow is today in a time zone ahead', () => {
      assert.deepStrictEqual(checkShown(withLines({ 36: '    lastSent: 2026-11-24', 22: '    lastContact: 2026-11-24' })), []);
    });
  });

  describe('unknown-reference', () => {
    it('fires on each unknown person id with a suggestion and a fix', () => {
      const ds = check(withLines({ 47: '    owner: alle', 88: '    attendees: [jdoe, zed]' }));
      assert.deepStrictEqual(ds.map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.message}`), [
        "47:12 Unknown person 'alle' in owner (did you mean 'alee'?)",
        "88:23 Unknown person 'zed' in attendees",
      ]);
      assert.deepStrictEqual(ds[0].data, {
        fixes: [{ title: "Change 'alle' to 'alee' (Alex Lee)", kind: 'quickfix', isPreferred: true, edits: [{ range: ds[0].range, newText: 'alee' }] }],
      });
      assert.strictEqual(ds[1].data, undefined);
    });
    it('checks every reference field', () => {
      const text = withLines({ 13: '    definedBy: x1', 35: '    audience: [x2]', 40: '  escalation: [x3]', 42: '    by: x4', 48: '    to: x5', 64: '    by: x6', 67: '    owner: x7', 73: '    owner: x8' });
      assert.deepStrictEqual(check(text).map((d) => d.message.replace(/^Unknown person '(x\d)' in (\w+).*$/, '$1 $2')), [
        'x1 definedBy', 'x2 audience', 'x3 escalation', 'x4 by', 'x5 to', 'x6 by', 'x7 owner', 'x8 owner',
      ]);
    });
  });

  describe('duplicate-id', () => {
    it('reports the later definition in file order, whatever the sections', () => {
      // Milestones written above people: the person is the second definition.
      const text = withLines({ 14: ['milestones:', '  - id: jdoe', '    name: Misnamed milestone', '    due: 2026-12-20', 'people:'], 89: null, 90: null, 91: null, 92: null, 93: null });
      assert.deepStrictEqual(checkShown(text), [
        "19:9-19:13 duplicate-id error Duplicate id 'jdoe': already defined for a milestone on line 15",
      ]);
    });
    it('fires on every later definition, across sections', () => {
      assert.deepStrictEqual(checkShown(withLines({ 52: '  - id: C-12', 90: '  - id: jdoe' })), [
        "52:9-52:13 duplicate-id error Duplicate id 'C-12': already defined for another commitment on line 45",
        "90:9-90:13 duplicate-id error Duplicate id 'jdoe': already defined for a person on line 15",
      ]);
    });
  });
});
