// The agenda's wave-2 parts, each with its exact outcome: who is invited and why, "What we own",
// the order of concerns, the extra facts, one planned reset meeting however often it is generated,
// and entries with schema errors left out and named at the top.
import * as assert from 'assert';
import * as path from 'path';
import { parseDocument } from 'yaml';
import { applyEdits, DIR, generate, yaml } from './util';

/** The lines of one section: from its heading up to the next heading of the same or a higher level. */
function section(markdown: string, heading: string): string[] {
  const lines = markdown.split('\n');
  const start = lines.indexOf(heading);
  assert.ok(start >= 0, `no ${heading} in:\n${markdown}`);
  const level = /^#+/.exec(heading)![0].length;
  let end = start + 1;
  while (end < lines.length && !(/^#+ /.test(lines[end]) && /^#+/.exec(lines[end])![0].length <= level)) end++;
  return lines.slice(start + 1, end).filter((l) => l !== '');
}

const ACCOUNT = yaml(
  'version: 1',
  'partnership:',
  '  name: Route planning',
  '  customer: Northwind',
  '  lead: alee',
  'people:',
  '  - {id: hvoss, name: Helena Voss, side: customer, role: COO, decisionMaker: true}',
  '  - {id: kpatel, name: Kiran Patel, side: customer, role: Dispatch lead}',
  '  - {id: tmoore, name: Tom Moore, side: customer, role: Analyst}',
  '  - {id: cfox, name: Cara Fox, side: customer, role: IT manager}',
  '  - {id: alee, name: Amir Lee, side: ours, role: Tech lead}',
  '  - {id: mkhan, name: Maryam Khan, side: ours, role: Director}',
  'communication:',
  '  statusReport: {cadence: weekly, audience: [hvoss], lastSent: 2026-11-01}',
  '  escalation: [mkhan, cfox]',
  'commitments:',
  '  - {id: C-1, summary: Live traffic feed, owner: alee, to: kpatel, due: 2026-11-02, status: open, history: [{on: 2026-10-01, from: 2026-10-15, to: 2026-10-25}, {on: 2026-10-20, from: 2026-10-25, to: 2026-11-02}]}',
  '  - {id: C-2, summary: Depot data export, owner: cfox, to: alee, due: 2026-11-10, status: open}',
  '  - {id: C-3, summary: Driver app beta, owner: alee, to: hvoss, due: 2026-12-15, status: in-progress, history: [{on: 2026-10-01, from: 2026-11-01, to: 2026-11-20}, {on: 2026-11-15, from: 2026-11-20, to: 2026-12-15}]}',
  '  - {id: C-4, summary: Moved once, owner: alee, due: 2026-12-20, status: open, history: [{on: 2026-11-01, from: 2026-12-01, to: 2026-12-20}]}',
  'concerns:',
  '  - {id: K-1, summary: Routes ignore road works, raised: 2026-11-10, by: tmoore, severity: low, status: open}',
  '  - {id: K-2, summary: Nobody answers the phone, raised: 2026-11-14, by: kpatel, status: open}',
  '  - {id: K-3, summary: ETA wrong by an hour, raised: 2026-11-18, by: hvoss, severity: high, status: open}',
  '  - {id: K-4, summary: Old one, raised: 2026-11-01, by: tmoore, severity: high, status: open, response: Fixed the map, respondedOn: 2026-11-02}',
  '  - {id: K-5, summary: Closed, raised: 2026-10-01, by: cfox, severity: high, status: closed, response: Done}',
  'risks:',
  '  - {id: R-1, summary: Map licence renewal, likelihood: high, impact: high, owner: alee, mitigation: Renew early}',
  '  - {id: R-2, summary: Northwind may not renew, likelihood: medium, impact: high, internal: true}',
  'goals:',
  '  - {id: G-1, statement: Fewer late deliveries, metric: late deliveries per week, target: 20, current: 35, definedBy: hvoss}',
  '  - {id: G-2, statement: Planner adoption, metric: share of routes planned, target: 90%, current: 90%, definedBy: hvoss}',
  '  - {id: G-3, statement: Happier drivers, metric: survey, target: good, current: mixed, definedBy: kpatel}',
  'milestones:',
  '  - {id: M-1, name: Pilot depot live, due: 2026-11-01, status: slipped}',
  '  - {id: M-2, name: All depots live, due: 2026-11-15}',
  '  - {id: M-3, name: Contract review, due: 2026-11-16, status: delivered, delivered: 2026-11-16}',
  'health: {status: broken, assessed: 2026-11-19}',
);

describe('reset-meeting agenda: the facts of wave 2', () => {
  const doc = generate('agenda', ACCOUNT, { today: '2026-11-20' });

  it('invites decision makers, whoever raised an open concern, whoever waits on late work, our owners of late work, our escalation contacts and our lead; never a customer as our escalation contact', () => {
    assert.deepStrictEqual(section(doc.content, '## Proposed attendees'), [
      '| Name | Role | Side | Why |',
      '|---|---|---|---|',
      '| Helena Voss | COO | customer | decision maker; raised K-3 |',
      '| Tom Moore | Analyst | customer | raised K-4, K-1 |',
      '| Kiran Patel | Dispatch lead | customer | raised K-2; waiting for C-1 |',
      '| Amir Lee | Tech lead | ours | waiting for C-2; owns late work: C-1; leads the partnership for us |',
      '| Maryam Khan | Director | ours | escalation contact |',
    ]);
    assert.deepStrictEqual(parseDocument(applyEdits(ACCOUNT, doc.edits)).toJS().meetings[0].attendees, ['hvoss', 'tmoore', 'kpatel', 'alee', 'mkhan']);
    assert.ok(!doc.content.includes('Cara Fox (IT manager), our escalation contact'));
    assert.deepStrictEqual(
      section(doc.content, "## 4. Senior management's part"),
      ['- Maryam Khan (Director), our escalation contact: attends, backs the re-commitments with people and time, and gives Northwind a direct line if the reset does not hold.'],
    );
  });

  it('"What we own" comes before the facts and states our misses plainly: our late work, concerns past their window, the lapsed report', () => {
    const text = doc.content;
    assert.ok(text.indexOf('## What we own') < text.indexOf('## 1. Listen first'));
    assert.deepStrictEqual(section(text, '## What we own'), [
      'Said first, plainly and without defence: where we did not do what we said.',
      '- We promised **C-1** Live traffic feed to Kiran Patel for 2026-11-02; it is 18 days late (owner Amir Lee). Its date has moved 2 times.',
      // K-3 (high, 2 days) and K-1 (low, 10 days) are still within their windows: not misses yet.
      '- We have not answered **K-2** Nobody answers the phone, raised by Kiran Patel on 2026-11-14: 6 days without a response, where a medium-severity concern should have one within 5 days.',
      '- Our weekly status report is 12 days overdue: the last went out on 2026-11-01, the next was due 2026-11-08.',
    ]);
  });

  it('orders open concerns by severity (none counts as medium), then age', () => {
    assert.deepStrictEqual(section(doc.content, '### Open concerns'), [
      'Most severe first, then the oldest.',
      '| Id | Concern | Raised by | Severity | Open for | Answered |',
      '|---|---|---|---|---|---|',
      '| K-4 | Old one | Tom Moore | high | 19 days | yes, 2026-11-02: Fixed the map |',
      '| K-3 | ETA wrong by an hour | Helena Voss | high | 2 days | no |',
      '| K-2 | Nobody answers the phone | Kiran Patel | medium (not set) | 6 days | no (past the 5 days to answer) |',
      '| K-1 | Routes ignore road works | Tom Moore | low | 10 days | no |',
    ]);
  });

  it('lists commitments moved twice or more that are not late yet, slipped or overdue milestones, goals off target; no internal risk', () => {
    assert.deepStrictEqual(section(doc.content, '### Commitments moved twice or more'), [
      'Not late yet, but their dates keep moving (the late ones are above, with how often they moved).',
      '| Id | Commitment | Owner | First promised | Due now | Times moved |',
      '|---|---|---|---|---|---|',
      '| C-3 | Driver app beta | Amir Lee | 2026-11-01 | 2026-12-15 | 2 |',
    ]);
    assert.deepStrictEqual(section(doc.content, '### Milestones slipped or overdue'), [
      '| Id | Milestone | Due | Status |',
      '|---|---|---|---|',
      '| M-1 | Pilot depot live | 2026-11-01 | slipped |',
      '| M-2 | All depots live | 2026-11-15 | planned, 5 days past due |',
    ]);
    assert.deepStrictEqual(section(doc.content, '### Goals not at target'), [
      'The current value is not the target; the file does not say whether higher or lower is better.',
      '| Id | Goal | Metric | Target | Current | Defined by |',
      '|---|---|---|---|---|---|',
      '| G-1 | Fewer late deliveries | late deliveries per week | 20 | 35 | Helena Voss |',
      '| G-3 | Happier drivers | survey | good | mixed | Kiran Patel |',
    ]);
    assert.deepStrictEqual(section(doc.content, '### Open risks'), [
      '| Id | Risk | Likelihood | Impact | Owner | Mitigation |',
      '|---|---|---|---|---|---|',
      '| R-1 | Map licence renewal | high | high | Amir Lee | Renew early |',
    ]);
    assert.ok(!doc.content.includes('may not renew'));
  });

  it('with nothing late of ours, "What we own" says the file records no miss', () => {
    const d = generate('agenda', yaml('version: 1', 'partnership: {name: P, customer: Q}', 'communication:', '  statusReport: {cadence: weekly, lastSent: 2026-11-19}'), { today: '2026-11-20' });
    assert.deepStrictEqual(section(d.content, '## What we own').slice(1), [
      '- The file records no miss of ours: no late commitment, no concern past its response window, status reports on schedule. Ask Q what we are missing.',
    ]);
  });
});

describe('reset-meeting agenda: one planned reset meeting', () => {
  const FILE = path.join(DIR, 'acme.partnership.yaml');
  const base = yaml(
    'version: 1',
    'partnership: {name: P, customer: Acme Corp, lead: alee}',
    'people:',
    '  - {id: jdoe, name: Jane Doe, side: customer, decisionMaker: true}',
    '  - {id: alee, name: Amir Lee, side: ours}',
    'health: {status: strained, assessed: 2026-11-15}',
  );
  /** Generate as the CLI would: the document is written (so the next name is taken), the edits applied. */
  function run(text: string, today: string, written: string[]): { text: string; doc: ReturnType<typeof generate> } {
    const doc = generate('agenda', text, { today, file: FILE, existing: written });
    written.push(doc.path);
    return { text: applyEdits(text, doc.edits), doc };
  }
  const meetings = (text: string) => parseDocument(text).toJS().meetings as Record<string, unknown>[];

  it('twice on one day: exactly one meeting, its agenda pointing at the newer document', () => {
    const written: string[] = [];
    const first = run(base, '2026-11-20', written);
    const second = run(first.text, '2026-11-20', written);
    assert.strictEqual(second.doc.path, path.join(DIR, 'acme.reset-2026-11-23-2.md'));
    assert.strictEqual(second.doc.recorded, 'the reset meeting of 2026-11-23');
    assert.deepStrictEqual(meetings(second.text), [{ date: '2026-11-23', kind: 'reset', attendees: ['jdoe', 'alee'], agenda: 'acme.reset-2026-11-23-2.md' }]);
    assert.strictEqual(second.text, first.text.replace('agenda: acme.reset-2026-11-23.md', 'agenda: acme.reset-2026-11-23-2.md'));
  });

  it('on a later day before the meeting: still the one meeting, on its own date; someone newly proposed is added, nobody removed', () => {
    const written: string[] = [];
    const first = run(base, '2026-11-20', written);
    const edited = first.text.replace('attendees: [jdoe, alee]', 'attendees: [jdoe, alee, guest]') + yaml('concerns:', '  - {id: K-1, summary: Slow, raised: 2026-11-20, by: bkim, status: open}');
    const withBkim = edited.replace('  - {id: alee, name: Amir Lee, side: ours}', '  - {id: alee, name: Amir Lee, side: ours}\n  - {id: bkim, name: Bo Kim, side: customer}');
    const later = run(withBkim, '2026-11-21', written);
    assert.ok(later.doc.content.includes('- **Date:** Monday 2026-11-23\n'));
    assert.strictEqual(later.doc.path, path.join(DIR, 'acme.reset-2026-11-23-2.md'));
    assert.deepStrictEqual(meetings(later.text), [{ date: '2026-11-23', kind: 'reset', attendees: ['jdoe', 'alee', 'guest', 'bkim'], agenda: 'acme.reset-2026-11-23-2.md' }]);
  });

  it('on the meeting day or after it: the earlier meeting counts as held, so a second one is planned', () => {
    const written: string[] = [];
    const first = run(base, '2026-11-20', written);
    const next = run(first.text, '2026-11-23', written);
    assert.deepStrictEqual(
      meetings(next.text).map((m) => [m.date, m.agenda]),
      [
        ['2026-11-23', 'acme.reset-2026-11-23.md'],
        ['2026-11-24', 'acme.reset-2026-11-24.md'],
      ],
    );
  });

  it('a meeting marked `status: planned` for today is still ahead; one cancelled, or of another kind, is not', () => {
    const today = yaml('meetings:', '  - {date: 2026-11-20, kind: reset, status: planned, agenda: old.md}');
    const once = run(base + today, '2026-11-20', []);
    assert.deepStrictEqual(meetings(once.text), [{ date: '2026-11-20', kind: 'reset', status: 'planned', agenda: 'acme.reset-2026-11-20.md', attendees: ['jdoe', 'alee'] }]);
    for (const other of ['  - {date: 2026-11-27, kind: reset, status: cancelled}', '  - {date: 2026-11-27, kind: review}']) {
      const out = run(base + yaml('meetings:', other), '2026-11-20', []);
      assert.strictEqual(meetings(out.text).length, 2, other);
      assert.strictEqual(meetings(out.text)[1].date, '2026-11-23', other);
    }
  });
});

describe('generated documents on a file with schema errors', () => {
  const text = yaml(
    'version: 1',
    'partnership: {name: P, customer: Acme Corp}',
    'people:',
    '  - {id: jdoe, name: Jane Doe, side: customer, decisionMaker: true}',
    '  - {id: alee, name: Amir Lee, side: our}',
    'communication:',
    '  statusReport: {cadence: weekyl, lastSent: 2026-11-16}',
    'commitments:',
    '  - {id: C-1, summary: Pilot, owner: alee, due: 2026-11-01, status: open}',
    '  - {id: C-7, summary: Export, owner: alee, due: 2026-11-02, status: in-progres}',
    '  - {summary: No id, due: 2026-11-03, status: open, colour: red}',
  );
  const expected = [
    'C-7 left out: \'in-progres\' is not a valid status (did you mean \'in-progress\'?); expected one of: open, in-progress, done, dropped',
  ];

  it('the agenda says at its top which entries were left out and why, and leaves them out', () => {
    const doc = generate('agenda', text, { today: '2026-11-20' });
    const top = doc.content.split('\n').slice(0, 9);
    assert.deepStrictEqual(top, [
      '# Reset meeting: P with Acme Corp',
      '',
      '> **4 entries of the partnership file left out of this agenda:** they have errors, so what they say is not used here. Fix the file and generate the agenda again.',
      '>',
      "> - alee left out: 'our' is not a valid side (did you mean 'ours'?); expected one of: customer, ours",
      "> - communication.statusReport.cadence (line 7) left out: 'weekyl' is not a valid cadence (did you mean 'weekly'?); expected one of: daily, weekly, biweekly, monthly, quarterly",
      "> - C-7 left out: 'in-progres' is not a valid status (did you mean 'in-progress'?); expected one of: open, in-progress, done, dropped",
      "> - the 3rd commitment left out: Unknown key 'colour' in commitment; expected one of: id, summary, owner, to, made, due, status, completed, history",
      '',
    ]);
    assert.deepStrictEqual(doc.leftOut, [
      "alee left out: 'our' is not a valid side (did you mean 'ours'?); expected one of: customer, ours",
      "communication.statusReport.cadence (line 7) left out: 'weekyl' is not a valid cadence (did you mean 'weekly'?); expected one of: daily, weekly, biweekly, monthly, quarterly",
      expected[0],
      "the 3rd commitment left out: Unknown key 'colour' in commitment; expected one of: id, summary, owner, to, made, due, status, completed, history",
    ]);
    assert.ok(doc.content.includes('| C-1 | Pilot | Amir Lee |'), 'C-1 is shown');
    assert.ok(!doc.content.includes('| C-7 |'), 'C-7 is not');
    assert.deepStrictEqual(parseDocument(applyEdits(text, doc.edits)).toJS().meetings[0].attendees, ['jdoe'], 'a person left out is not invited');
  });

  it('a person left out is named nowhere as a leader or contact: not invited, not in senior management, not a decider', () => {
    const people = yaml(
      'version: 1',
      'partnership: {name: P, customer: Acme Corp}',
      'people:',
      '  - {id: bwest, name: Bo West, side: customer, sponsor: true, decisionMaker: true, contactEvery: weekyl}',
      '  - {id: mkhan, name: Maryam Khan, side: ours, role: [Director]}',
      'communication:',
      '  statusReport: {cadence: weekly, lastSent: 2026-11-16}',
      '  escalation: [mkhan]',
    );
    const d = generate('agenda', people, { today: '2026-11-20' });
    assert.deepStrictEqual(d.leftOut?.map((l) => l.split(' left out')[0]), ['bwest', 'mkhan']);
    const body = d.content.slice(d.content.indexOf('- **Date:**'));
    assert.ok(!body.includes('Bo West') && !body.includes('Maryam Khan'), body);
    assert.ok(body.includes('- [ ] Name a senior manager on our side as the escalation contact (`communication.escalation`).'));
    assert.ok(body.includes("## 4. Senior management's part\n\nNone.\n"));
  });

  it('the status report says it at its top too', () => {
    const doc = generate('report', text, { today: '2026-11-20' });
    const lines = doc.content.split('\n');
    assert.strictEqual(lines[2], '> **4 entries of the partnership file left out of this status report:** they have errors, so what they say is not used here. Fix the file and generate the status report again.');
    assert.strictEqual(lines[6], "> - C-7 left out: 'in-progres' is not a valid status (did you mean 'in-progress'?); expected one of: open, in-progress, done, dropped");
    assert.strictEqual(doc.leftOut?.length, 4);
  });

  it('the notice names 20 entries, then says how many more', () => {
    const broken = Array.from({ length: 25 }, (_, i) => `  - {id: C-${i + 1}, summary: S, due: 2026-11-01, status: opne}`);
    const doc = generate('report', yaml('version: 1', 'partnership: {name: P, customer: Acme Corp}', 'commitments:', ...broken), { today: '2026-11-20' });
    const notice = doc.content.split('\n').filter((l) => l.startsWith('> - '));
    assert.strictEqual(notice.length, 21);
    assert.strictEqual(notice[19], "> - C-20 left out: 'opne' is not a valid status (did you mean 'open'?); expected one of: open, in-progress, done, dropped");
    assert.strictEqual(notice[20], '> - … and 5 more: `partnership check` lists every problem of the file.');
    assert.strictEqual(doc.leftOut?.length, 25, 'the CLI still counts all of them');
  });

  it('a required key missing outside the lists leaves nothing out: the notice says what the file lacks', () => {
    const lacking = yaml('version: 1', 'communication:', '  statusReport: {audience: []}', 'commitments:', '  - {id: C-1, summary: S}');
    for (const kind of ['report', 'agenda'] as const) {
      const doc = generate(kind, lacking, { today: '2026-11-20' });
      const what = kind === 'report' ? 'status report' : 'agenda';
      const top = doc.content.split('\n').slice(2, 7);
      assert.deepStrictEqual(top, [
        `> **1 entry of the partnership file left out of this ${what}:** it has errors, so what it says is not used here. Fix the file and generate the ${what} again.`,
        '>',
        "> - C-1 left out: Missing required key 'due' in commitment C-1; Missing required key 'status' in commitment C-1",
        '>',
        `> **The partnership file lacks required keys, so this ${what} shows less than it should:** 'partnership' in the file; 'cadence' in 'statusReport'. Add them and generate the ${what} again.`,
      ]);
      assert.deepStrictEqual(doc.leftOut, ["C-1 left out: Missing required key 'due' in commitment C-1; Missing required key 'status' in commitment C-1"], 'the CLI counts entries left out, not missing keys');
    }
  });

  it('the status report leaves them out too: no row, no bar in the timeline, a person left out named by id only', () => {
    const doc = generate('report', text, { today: '2026-11-20' });
    const body = doc.content.slice(doc.content.indexOf('## Period'));
    assert.ok(!body.includes('C-7') && !body.includes('Export'), 'C-7 is named only in the notice');
    assert.ok(!body.includes('No id'), 'the 3rd commitment is named only in the notice');
    assert.ok(!body.includes('Amir Lee'), 'alee is left out: named by id only');
    const overdue = body.slice(body.indexOf('## Overdue'), body.indexOf('## Dates changed'));
    assert.deepStrictEqual(overdue.split('\n').filter((l) => l.startsWith('| C-')), ['| C-1 | Pilot | alee | — | 2026-11-01 | 19 |']);
    const reliability = body.slice(body.indexOf('## Reliability'), body.indexOf('## Done this period'));
    assert.ok(reliability.includes('| Late | 1 |'), `only C-1 counts: ${reliability}`);
    const timeline = body.slice(body.indexOf('## Timeline'));
    assert.deepStrictEqual(timeline.split('\n').filter((l) => /:.*c-/.test(l)).map((l) => l.trim().split(' :')[0]), ['C-1 Pilot (19 days late)']);
  });

  it('a valid file has no notice and no leftOut', () => {
    const valid = text.replace('side: our}', 'side: ours}').replace('weekyl', 'weekly').replace('in-progres', 'in-progress').replace(', colour: red', '');
    for (const kind of ['agenda', 'report'] as const) {
      const doc = generate(kind, valid, { today: '2026-11-20' });
      assert.strictEqual(doc.leftOut, undefined);
      assert.ok(!doc.content.includes('left out'), kind);
    }
  });
});


describe('reset-meeting agenda: a side nobody qualifies from', () => {
  it('says what to add when nobody from our side is proposed', () => {
    const d = generate('agenda', yaml('version: 1', 'partnership: {name: P, customer: Q, kind: internal}', 'people:', '  - {id: cm, name: Carla Mendes, side: customer, decisionMaker: true}'), { today: '2026-11-20' });
    assert.deepStrictEqual(section(d.content, '## Proposed attendees'), [
      '| Name | Role | Side | Why |',
      '|---|---|---|---|',
      '| Carla Mendes | — | customer | decision maker |',
      'Nobody from our side qualifies: name our lead (`partnership.lead`) and a senior escalation contact (`communication.escalation`), people with `side: ours`, and generate the agenda again.',
    ]);
  });

  it('says what to add when nobody from the customer is proposed', () => {
    const d = generate('agenda', yaml('version: 1', 'partnership: {name: P, customer: Q, lead: al}', 'people:', '  - {id: al, name: Al Lee, side: ours}'), { today: '2026-11-20' });
    assert.deepStrictEqual(section(d.content, '## Proposed attendees').slice(3), [
      'Nobody from Q qualifies: mark their decision maker and sponsor (`decisionMaker: true`, `sponsor: true`) in `people:`, and generate the agenda again.',
    ]);
  });
});

describe('reset-meeting agenda: the sign-off, as communication-plan-unsigned judges it', () => {
  const plan = (signedOff: string) =>
    yaml(
      'version: 1',
      'partnership: {name: P, customer: Acme Corp}',
      'people:',
      '  - {id: jdoe, name: Jane Doe, side: customer, decisionMaker: true}',
      '  - {id: alee, name: Amir Lee, side: ours}',
      'communication:',
      '  statusReport: {cadence: weekly, lastSent: 2026-11-19}',
      '  reviewMeeting: {cadence: monthly, lastHeld: 2026-11-02}',
      `  signedOff: ${signedOff}`,
    );
  const lapses = (text: string) => section(generate('agenda', text, { today: '2026-11-20' }).content, '### Communication lapses');
  const decision = (text: string) => generate('agenda', text, { today: '2026-11-20' }).content.split('\n').find((l) => l.includes('communication plan') && l.startsWith('- [ ]'));

  it('signed by the customer: no lapse; confirm it still holds', () => {
    assert.deepStrictEqual(lapses(plan('{by: jdoe, on: 2026-04-01}')), ['None.']);
    assert.strictEqual(decision(plan('{by: jdoe, on: 2026-04-01}')), '- [ ] Confirm the communication plan signed off by Jane Doe on 2026-04-01 still holds, or have Jane Doe sign off the revised one.');
  });

  it('signed by one of ours: a lapse, as the rule says', () => {
    assert.deepStrictEqual(lapses(plan('{by: alee}')), ["- The communication plan was signed off by Amir Lee, who is not on Acme Corp's side, so Acme Corp has not agreed to it."]);
  });

  it('signed by someone the file does not know: no lapse (unknown-reference reports it, not the sign-off rule), and a decision to record who', () => {
    assert.deepStrictEqual(lapses(plan('{by: ghost}')), ['None.']);
    assert.strictEqual(decision(plan('{by: ghost}')), "- [ ] The communication plan's sign-off names ghost, who is not a person the file knows: record who at Acme Corp agreed to it, or have Jane Doe sign off the revised one.");
  });
});
