// Issue 12: each example a tech lead reported, by name, and the new judgements from the whole file.
import * as assert from 'assert';
import { createLanguageService } from '../../server/src/service';
import { ParsedDocument } from '../../server/src/service/document';
import { commitmentFact, Facts, reliabilityOf } from '../../server/src/service/domain';
import { PartnershipModel } from '../../server/src/service/model';
import { checkShown, day, memFs, yaml } from '../helpers';

const HEAD = ['version: 1', 'partnership:', '  name: Acme compliance analytics', '  customer: Acme Corp'];
const PEOPLE = ['people:', '  - id: jdoe', '    name: Jane Doe', '    side: customer', '    decisionMaker: true', '  - id: alee', '    name: Alex Lee', '    side: ours'];
const PLAN = ['communication:', '  statusReport:', '    cadence: weekly', '    audience: [jdoe]', '    lastSent: 2026-11-20', '  signedOff:', '    by: jdoe', '    on: 2026-04-01'];
const file = (...rest: string[]) => yaml(...HEAD, ...PEOPLE, ...PLAN, ...rest);
/** PEOPLE's decision maker has no contactEvery: contact-stale reports it on her id (line 6; 7 when HEAD gains a line). */
const noCadence = (line = 6) => `${line}:9-${line}:13 contact-stale information Jane Doe, a decision maker on the customer side, has no contactEvery: decide how often to stay in touch`;

describe('issue 12: the examples, by name', () => {
  it('a review held in meetings while lastHeld is stale: not overdue, its attendees not stale; record-outdated says so', () => {
    const text = yaml(
      ...HEAD,
      'people:',
      '  - id: jdoe',
      '    name: Jane Doe',
      '    side: customer',
      '    decisionMaker: true',
      '    contactEvery: monthly',
      '    lastContact: 2026-10-15',
      ...PLAN.slice(0, 5),
      '  reviewMeeting:',
      '    cadence: monthly',
      '    lastHeld: 2026-09-30',
      ...PLAN.slice(5),
      'meetings:',
      '  - date: 2026-11-20',
      '    kind: review',
      '    attendees: [jdoe]',
    );
    // As of 2026-12-14 the review of 2026-11-20 is within its monthly cadence, and so is Jane's contact.
    assert.deepStrictEqual(checkShown(text, '2026-12-14').filter((d) => !d.includes('status-report')), [
      "11:18-11:28 record-outdated information Jane Doe's lastContact says 2026-10-15, but they attended a meeting held on 2026-11-20",
      '19:15-19:25 record-outdated information lastHeld says 2026-09-30, but the meeting log has a review held on 2026-11-20',
    ]);
    // Three weeks later the logged review and contact are themselves overdue, reported from the logged date.
    assert.deepStrictEqual(
      checkShown(text, '2027-01-04').filter((d) => d.includes('contact-stale') || d.includes('review-meeting')),
      [
        '11:18-11:28 contact-stale information No contact with Jane Doe for 45 days (last 2026-11-20); agreed monthly, so the next contact was due 2026-12-20',
        '19:15-19:25 review-meeting-overdue information The monthly review meeting is 15 days overdue: last held 2026-11-20, next was due 2026-12-20',
      ],
    );
  });

  it('C-31 silent slip: due differs from the last history entry → commitment-slipped', () => {
    const text = file('commitments:', '  - id: C-31', '    summary: Export', '    owner: alee', '    to: jdoe', '    due: 2026-12-04', '    status: open', '    history:', '      - on: 2026-10-28', '        from: 2026-11-06', '        to: 2026-11-20');
    assert.deepStrictEqual(checkShown(text), [
      noCadence(),
      '26:10-26:20 commitment-slipped warning C-31 is due 2026-12-04, but its history last moved it to 2026-11-20: the date changed without a record of when, or why',
    ]);
  });

  it('a history that does not chain → commitment-slipped on the first break', () => {
    const text = file('commitments:', '  - id: C-1', '    summary: Export', '    owner: alee', '    due: 2026-12-11', '    status: open', '    history:', '      - on: 2026-10-28', '        from: 2026-11-06', '        to: 2026-11-20', '      - on: 2026-11-21', '        from: 2026-12-01', '        to: 2026-12-11');
    assert.deepStrictEqual(checkShown(text), [
      noCadence(),
      "32:15-32:25 commitment-slipped warning C-1's history does not chain: this move starts from 2026-12-01, but the previous one moved the date to 2026-11-20; a move in between is not recorded",
    ]);
  });

  it('a milestone planned past due → milestone-overdue, and the tree calls it late', () => {
    const text = file('milestones:', '  - id: M-2', '    name: Dashboard live', '    due: 2026-11-13', '    status: planned');
    assert.deepStrictEqual(checkShown(text), [
      noCadence(),
      "24:10-24:20 milestone-overdue warning M-2 'Dashboard live' is 10 days past its due date (2026-11-13) and still planned: mark it delivered, or slipped and tell the customer",
    ]);
    const outline = createLanguageService({ fs: memFs() }).outline(text, '/w/a.partnership.yaml', { today: day('2026-11-23') });
    const milestones = outline.root.children!.find((c) => c.key === 'milestones')!;
    assert.deepStrictEqual(milestones.children!.map((m) => [m.state, m.detail]), [['late', 'planned · due 2026-11-13 · 10 days late']]);
  });

  it('delivered without a delivered date, done without completed, closed without response → record-incomplete', () => {
    const text = file(
      'commitments:', '  - id: C-1', '    summary: Export', '    owner: alee', '    due: 2026-11-10', '    status: done',
      'concerns:', '  - id: K-1', '    summary: Slow', '    raised: 2026-11-01', '    status: closed',
      'milestones:', '  - id: M-1', '    name: Live', '    due: 2026-11-13', '    status: delivered',
    );
    assert.deepStrictEqual(checkShown(text), [
      noCadence(),
      "26:13-26:17 record-incomplete information C-1 'Export' is done, but no completed date is recorded",
      "31:13-31:19 record-incomplete information K-1 'Slow' is closed, but no response is recorded: write down what was said or done",
      "36:13-36:22 record-incomplete information M-1 'Live' is delivered, but no delivered date is recorded",
    ]);
  });

  it('since, assessed, signedOff.on and a concern raised in the future → date-order (widened)', () => {
    const text = yaml(
      ...HEAD, '  since: 2027-01-01', ...PEOPLE, ...PLAN.slice(0, 7), '    on: 2026-12-01',
      'concerns:', '  - id: K-1', '    summary: Slow', '    raised: 2026-12-20', '    status: open', '    response: On it',
      'health:', '  status: watch', '  assessed: 2026-12-02', '  previous:', '    - status: healthy', '      assessed: 2027-02-01',
    );
    assert.deepStrictEqual(checkShown(text), [
      '5:10-5:20 date-order warning The partnership: since 2027-01-01 is in the future (today is 2026-11-23)',
      noCadence(7),
      '21:9-21:19 date-order warning The communication plan was signed off: on 2026-12-01 is in the future (today is 2026-11-23)',
      '25:13-25:23 date-order warning K-1: raised 2026-12-20 is in the future (today is 2026-11-23)',
      '30:13-30:23 date-order warning Health assessed 2026-12-02 is in the future (today is 2026-11-23)',
      '33:17-33:27 date-order warning An earlier health assessment: assessed 2027-02-01 is in the future (today is 2026-11-23)',
    ]);
    // One day of slack for time zones.
    assert.deepStrictEqual(checkShown(text.replace('since: 2027-01-01', 'since: 2026-11-24')).filter((d) => d.startsWith('5:')), []);
  });

  it('a commitment whose dates contradict each other gets date-order only, not also commitment-overdue', () => {
    const text = file('commitments:', '  - id: C-1', '    summary: Export', '    owner: alee', '    made: 2026-11-20', '    due: 2026-11-01', '    status: open');
    assert.deepStrictEqual(checkShown(text), [noCadence(), '26:10-26:20 date-order warning C-1 is due 2026-11-01, before it was made (2026-11-20)']);
  });

  it('escalation naming a customer-side person → wrong-side (and the other sides)', () => {
    const text = yaml(
      ...HEAD, '  lead: jdoe', ...PEOPLE,
      'goals:', '  - id: G-1', '    statement: Faster audits', '    metric: days', '    target: 5', '    definedBy: alee',
      'communication:', '  statusReport:', '    cadence: weekly', '    audience: [alee]', '    lastSent: 2026-11-20', '  escalation: [jdoe]', '  signedOff:', '    by: jdoe', '    on: 2026-04-01',
    );
    assert.deepStrictEqual(checkShown(text), [
      "5:9-5:13 wrong-side warning The partnership lead Jane Doe is on Acme Corp's side: the lead keeps this relationship for us, name one of our people",
      noCadence(7),
      '19:16-19:20 wrong-side warning G-1 is defined by Alex Lee, who is on our side: the customer sets the measure of success, name who at Acme Corp defined it',
      "23:15-23:21 wrong-side warning The status report's audience names nobody at Acme Corp: a status report is for the customer",
      "25:16-25:20 wrong-side warning The escalation contact Jane Doe is on Acme Corp's side: escalation goes to our own people",
    ]);
  });

  it('a status report whose audience is only our people → wrong-side', () => {
    const text = file().replace('audience: [jdoe]', 'audience: [alee]');
    assert.deepStrictEqual(checkShown(text), [noCadence(), "16:15-16:21 wrong-side warning The status report's audience names nobody at Acme Corp: a status report is for the customer"]);
  });

  it('a high-likelihood, high-impact risk with no owner and no mitigation → risk-unmanaged', () => {
    const text = file('risks:', '  - id: R-7', '    summary: Team leaves', '    likelihood: high', '    impact: high');
    assert.deepStrictEqual(checkShown(text), [noCadence(), "22:9-22:12 risk-unmanaged warning R-7 'Team leaves' is open and likely, high-impact but has no owner and no mitigation"]);
    assert.deepStrictEqual(checkShown(text.replace('impact: high', 'impact: high\n    owner: alee\n    mitigation: Pair them')), [noCadence()]);
    assert.deepStrictEqual(checkShown(text.replace('likelihood: high', 'likelihood: low').replace('impact: high', 'impact: medium')), [noCadence()]);
  });

  it('a daily report last sent on Friday is not overdue on Monday (working days)', () => {
    const text = file().replace('cadence: weekly', 'cadence: daily').replace('lastSent: 2026-11-20', 'lastSent: 2026-11-20'); // a Friday
    assert.deepStrictEqual(checkShown(text, '2026-11-23'), [noCadence()]);
    assert.deepStrictEqual(checkShown(text, '2026-11-24'), [
      noCadence(),
      '17:15-17:25 status-report-overdue warning The daily status report is 1 day overdue: last sent 2026-11-20, next was due 2026-11-23',
    ]);
    // A team that works Sunday to Thursday: Friday's report is next due on Sunday.
    assert.deepStrictEqual(checkShown(text, '2026-11-23', { workingDays: [0, 1, 2, 3, 4] }).filter((d) => d.includes('status-report-overdue')).length, 1);
  });

  it('concern-unanswered: the response window depends on severity', () => {
    const concern = (severity: string) => file('concerns:', '  - id: K-1', '    summary: Slow', '    raised: 2026-11-20', `    severity: ${severity}`, '    status: open');
    const fired = (severity: string) => checkShown(concern(severity)).filter((d) => d.includes('concern-unanswered')).length;
    assert.deepStrictEqual([fired('high'), fired('medium'), fired('low')], [1, 0, 0]);
    assert.deepStrictEqual(checkShown(concern('low'), '2026-12-01').filter((d) => d.includes('concern-unanswered')).length, 1);
  });

  it('the agenda does not report a review meeting never held (the rule does not either)', () => {
    const text = file().replace('  signedOff:', '  reviewMeeting:\n    cadence: monthly\n  signedOff:');
    assert.deepStrictEqual(checkShown(text).filter((d) => d.includes('review-meeting')), []);
    const agenda = createLanguageService({ fs: memFs() }).generateAgenda(text, '/w/acme.partnership.yaml', day('2026-11-23')).content;
    assert.ok(!agenda.includes('review meeting has been held yet'), agenda);
  });
});

describe('reliability figures', () => {
  const model = (text: string) => new PartnershipModel(new ParsedDocument(text));
  const text = file(
    'commitments:',
    // Moved once before its date, done on the agreed date: kept as agreed, not on time as first promised.
    '  - id: C-1', '    summary: a', '    owner: alee', '    due: 2026-11-10', '    status: done', '    completed: 2026-11-10',
    '    history:', '      - on: 2026-11-01', '        from: 2026-11-05', '        to: 2026-11-10',
    // Done on time as first promised.
    '  - id: C-2', '    summary: b', '    owner: alee', '    due: 2026-11-12', '    status: done', '    completed: 2026-11-11',
    // Open and 8 days late, renegotiated after the date had passed.
    '  - id: C-3', '    summary: c', '    owner: jdoe', '    due: 2026-11-15', '    status: open',
    '    history:', '      - on: 2026-11-09', '        from: 2026-11-08', '        to: 2026-11-15',
    // Dropped: counted apart.
    '  - id: C-4', '    summary: d', '    owner: alee', '    due: 2026-11-01', '    status: dropped',
    // Outside the window.
    '  - id: C-5', '    summary: e', '    owner: alee', '    due: 2026-01-01', '    status: done', '    completed: 2026-03-01',
  );
  it('on time as first promised and as agreed, slip, moves and late renegotiations, overall and per owner', () => {
    const facts = new Facts(model(text), day('2026-11-23'));
    assert.deepStrictEqual(facts.reliability(), {
      counted: 3, done: 2, dropped: 1, onTimeAsPromised: 1, keptAsAgreed: 2, late: 1, slipMedian: 8, slipMax: 8, moves: 2, lateRenegotiations: 1,
    });
    assert.deepStrictEqual(facts.reliabilityOfOwner('jdoe'), {
      counted: 1, done: 0, dropped: 0, onTimeAsPromised: 0, keptAsAgreed: 0, late: 1, slipMedian: 8, slipMax: 8, moves: 1, lateRenegotiations: 1,
    });
  });
  it('the median of an even count of slips is the rounded mean of the middle two', () => {
    const m = model(file('commitments:', '  - id: C-1', '    summary: a', '    due: 2026-11-10', '    status: done', '    completed: 2026-11-13', '  - id: C-2', '    summary: b', '    due: 2026-11-10', '    status: done', '    completed: 2026-11-20'));
    const r = reliabilityOf(m.commitments.map((c) => commitmentFact(c, day('2026-11-23'), 7)), day('2026-11-23'), 90);
    assert.deepStrictEqual([r.late, r.slipMedian, r.slipMax], [2, 7, 10]);
  });
  it('shows in hover on commitments: and on a person id, and on the partnership node', () => {
    const service = createLanguageService({ fs: memFs() });
    const lines = text.split('\n');
    const at = (needle: string, col: number) => ({ line: lines.findIndex((l) => l.startsWith(needle)), character: col });
    const h = createLanguageService({ fs: memFs({}) }).hover(text, at('commitments:', 2), { today: day('2026-11-23') });
    assert.ok(h && h.contents.value.startsWith('**Reliability** (commitments due or completed in the window): on time as first promised 1/3 (33%) · kept as agreed 2/3 (67%) · 1 late, slip median 8 d, max 8 d · 2 moves, 1 after the date had passed · 1 dropped'), h?.contents.value);
    const p = createLanguageService({ fs: memFs({}) }).hover(text, at('  - id: alee', 10), { today: day('2026-11-23') });
    assert.ok(p && p.contents.value.includes('**Reliability of Alex Lee** (commitments due or completed in the window): on time as first promised 1/2 (50%) · kept as agreed 2/2 (100%) · none late · 1 move · 1 dropped'), p?.contents.value);
    const outline = service.outline(text, '/w/acme.partnership.yaml', { today: day('2026-11-23') });
    assert.strictEqual(outline.root.detail, 'Acme Corp · on time 33% as promised, 67% as agreed');
  });
});

describe('partnership.lead', () => {
  it('an unknown lead is an unknown reference', () => {
    const text = file().replace('  customer: Acme Corp\n', '  customer: Acme Corp\n  lead: alle\n');
    assert.deepStrictEqual(checkShown(text), ["5:9-5:13 unknown-reference error Unknown person 'alle' in lead (did you mean 'alee'?)", noCadence(7)]);
  });
});

describe('the documents judge with the config the diagnostics use', () => {
  it('a team working every day: the daily report sent on Friday is late on Monday, in the rule and in the agenda', () => {
    const text = file().replace('cadence: weekly', 'cadence: daily');
    const fs = memFs({ '/w/.partnershiprc.yaml': 'workingDays: [mon, tue, wed, thu, fri, sat, sun]\n' });
    const service = createLanguageService({ fs });
    const config = service.configFor('/w/acme.partnership.yaml').config;
    const ds = service.validate(text, '/w/acme.partnership.yaml', { today: day('2026-11-23'), config });
    assert.deepStrictEqual(ds.map((d) => d.message), ['Jane Doe, a decision maker on the customer side, has no contactEvery: decide how often to stay in touch', 'The daily status report is 2 days overdue: last sent 2026-11-20, next was due 2026-11-21']);
    const agenda = service.generateAgenda(text, '/w/acme.partnership.yaml', day('2026-11-23')).content;
    assert.ok(agenda.includes('- The daily status report is 2 days overdue: last sent 2026-11-20, the next was due 2026-11-21.'), agenda);
  });
});

describe('meetings[].status', () => {
  const strained = (status: string) =>
    file('health:', '  status: strained', '  assessed: 2026-11-15', 'meetings:', '  - date: 2026-11-25', '    kind: reset', `    status: ${status}`, '    attendees: [jdoe]');
  it('a cancelled reset meeting does not answer a strained relationship; a planned one does', () => {
    assert.deepStrictEqual(checkShown(strained('cancelled')).map((d) => d.split(' ')[1]), ['contact-stale', 'relationship-strained']);
    assert.deepStrictEqual(checkShown(strained('planned')), [noCadence()]);
  });
  it('a meeting marked held in the future is date-order; a planned one in the past is no evidence of contact', () => {
    assert.deepStrictEqual(checkShown(strained('held')), [noCadence(), '25:11-25:21 date-order warning A meeting marked held: date 2026-11-25 is in the future (today is 2026-11-23)']);
    const text = yaml(...HEAD, 'people:', '  - id: jdoe', '    name: Jane Doe', '    side: customer', '    decisionMaker: true', '    contactEvery: monthly', '    lastContact: 2026-10-01', ...PLAN, 'meetings:', '  - date: 2026-11-20', '    kind: review', '    status: planned', '    attendees: [jdoe]');
    assert.deepStrictEqual(checkShown(text), ['11:18-11:28 contact-stale information No contact with Jane Doe for 53 days (last 2026-10-01); agreed monthly, so the next contact was due 2026-11-01']);
    assert.deepStrictEqual(checkShown(text.replace('status: planned', 'status: held')), ["11:18-11:28 record-outdated information Jane Doe's lastContact says 2026-10-01, but they attended a meeting held on 2026-11-20"]);
  });
});

describe('reliability on the partnership node', () => {
  it('the outline carries the short form for the node and the full line for its tooltip; none when no commitment counts', () => {
    const service = createLanguageService({ fs: memFs() });
    const text = file('commitments:', '  - id: C-1', '    summary: a', '    due: 2026-11-10', '    status: done', '    completed: 2026-11-12');
    assert.deepStrictEqual(service.outline(text, '/w/a.partnership.yaml', { today: day('2026-11-23') }).reliability, {
      summary: 'on time 0% as promised, 0% as agreed',
      detail: 'on time as first promised 0/1 (0%) · kept as agreed 0/1 (0%) · 1 late, slip median 2 d, max 2 d · 0 moves',
    });
    assert.strictEqual(service.outline(file(), '/w/a.partnership.yaml', { today: day('2026-11-23') }).reliability, undefined);
  });
});
