// The reset-meeting agenda: a Markdown document built from the partnership file for the next
// working day (or for the reset meeting already planned ahead), plus the edit that plans the
// meeting in `meetings:`.
//
// Every judgement comes from the domain layer (`factsOf`, `domain/people`, `domain/goals`); this
// file only chooses and formats. The document has the same headings every time, whatever the file
// holds; a section with nothing to show says "None.". Every piece of text from the YAML is
// Markdown-escaped. Entries with schema errors are left out entirely and named at the top
// (`leftOut.ts`). The agenda is shown to the customer: internal risks (`internal: true`) and our
// health scores and note never appear in it.
//
// One planned reset meeting: when `meetings:` already holds a reset meeting still ahead — planned
// (by `status: planned`, or by a date after today without a status) and dated after today, or
// today with `status: planned` — the agenda is for that meeting: its date is kept, its `agenda:`
// points at the new document and anyone newly proposed is added to its attendees (nobody is
// removed: a person added by hand stays). Generating twice on one day therefore updates the one
// meeting; a second reset meeting is planned only once the first is no longer ahead.
import * as path from 'path';
import { formatDay, isCadence, nextWorkingDay, plural } from '../dates';
import { CommitmentFact, ConcernFact, Facts, factsOf, isOpenRisk, meetingStatus, MilestoneFact, riskUnmanaged } from '../domain';
import { goalFact, GoalFact } from '../domain/goals';
import { customerLeaders, ourEscalation, ourLead, planSignOff } from '../domain/people';
import { isSeq, type ParsedDocument } from '../document';
import { Obj, PartnershipModel } from '../model';
import type { Day, FileSystem, GeneratedDocument, PartnershipConfig, TextEdit } from '../types';
import { communicationLapses, idText, longDay, namesOf, personText, personWithRole, staleContacts, whoText } from './facts';
import { freeDocumentPath } from './files';
import { LeftOut, leftOutEntries, leftOutNotice } from './leftOut';
import { joinAnd, md, orNone, render, table } from './markdown';
import { appendItem, appendScalars, editableRoot, flowId, setScalar } from '../edits';

/** What the agenda is built from: the facts, narrowed to the entries it may show. */
interface Agenda {
  model: PartnershipModel;
  facts: Facts;
  today: Day;
  meetingDay: Day;
  leftOut: LeftOut;
  /** Overdue commitments, the longest overdue first. */
  late: CommitmentFact[];
  /** Open concerns by severity (high, medium, low; none counts as medium), then the oldest first. */
  concerns: ConcernFact[];
  attendees: Attendee[];
}

/** `leftOut`: what the file's schema errors leave out (`leftOutEntries(pd)`), when the caller has it already. */
export function generateAgenda(pd: ParsedDocument, absPath: string, today: Day, fs: FileSystem, config?: PartnershipConfig, leftOut: LeftOut = leftOutEntries(pd)): GeneratedDocument {
  const model = new PartnershipModel(pd);
  const facts = factsOf(model, today, config);
  const shown = (o: Obj) => !leftOut.nodes.has(o.node);
  const planned = plannedReset(model, facts, shown);
  const meetingDay = planned?.day ?? nextWorkingDay(today, facts.config.workingDays);
  const docPath = freeDocumentPath(fs, absPath, 'reset', formatDay(meetingDay));
  const late = facts.overdueCommitments().filter((f) => shown(f.c));
  const concerns = facts.concerns.filter((f) => f.status === 'open' && shown(f.k)).sort(bySeverityThenAge);
  const a: Agenda = { model, facts, today, meetingDay, leftOut, late, concerns, attendees: [] };
  a.attendees = proposedAttendees(a, shown);
  const content = agendaMarkdown(a, pd, absPath);
  const record = meetingEdits(pd, a, path.basename(docPath), planned?.m);
  return record.edits
    ? { path: docPath, content, edits: record.edits, recorded: record.what }
    : { path: docPath, content, edits: [], notRecorded: 'the meetings list cannot be changed safely here (an alias shares it, or the file is not a plain mapping): add the meeting by hand' };
}

const SEVERITY_ORDER = { high: 0, medium: 1, low: 2 } as const;

function bySeverityThenAge(a: ConcernFact, b: ConcernFact): number {
  // An undated concern (the schema requires `raised`) sorts after the dated ones of its severity.
  const age = (f: ConcernFact) => f.raised ?? Number.MAX_SAFE_INTEGER;
  return SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || age(a) - age(b);
}

/** The earliest reset meeting still ahead (see the file's head), if any. */
function plannedReset(model: PartnershipModel, facts: Facts, shown: (o: Obj) => boolean): { m: Obj; day: Day } | undefined {
  let best: { m: Obj; day: Day } | undefined;
  for (const m of model.meetings) {
    const date = m.day('date');
    if (date === undefined || m.str('kind') !== 'reset' || !shown(m)) continue;
    if (meetingStatus(m, facts.today) !== 'planned') continue;
    const ahead = date > facts.today || (date === facts.today && m.str('status') === 'planned');
    if (ahead && (!best || date < best.day)) best = { m, day: date };
  }
  return best;
}

// ---------------------------------------------------------------------------------------------
// Attendees

interface Attendee {
  id: string;
  person: Obj;
  /** Why they are invited, as Markdown: "decision maker; sponsor", "owns late work: C-2". */
  reasons: string[];
}

/**
 * The customer's decision makers and sponsors, whoever raised an open concern, whoever a late
 * commitment was promised to, our owners of late work, our escalation contacts, our lead — in
 * that order, each person once with every reason they are there. Only people defined in
 * `people:` (and not left out) are proposed; escalation contacts and the lead only from our side.
 */
function proposedAttendees(a: Agenda, shown: (o: Obj) => boolean): Attendee[] {
  const { model } = a;
  const order = new Map<string, { person: Obj; tags: string[]; lists: Map<string, string[]> }>();
  const entry = (id: string | undefined) => {
    const person = id === undefined ? undefined : model.personById.get(id);
    if (id === undefined || !person || !shown(person)) return undefined;
    let e = order.get(id);
    if (!e) order.set(id, (e = { person, tags: [], lists: new Map() }));
    return e;
  };
  const tag = (id: string | undefined, reason: string) => {
    const e = entry(id);
    if (e && !e.tags.includes(reason)) e.tags.push(reason);
  };
  const list = (id: string | undefined, reason: string, item: Obj) => {
    const e = entry(id);
    if (!e) return;
    if (!e.lists.has(reason)) {
      e.lists.set(reason, []);
      e.tags.push(reason);
    }
    e.lists.get(reason)!.push(md(item.str('id') ?? item.str('summary') ?? 'an item'));
  };
  const { decisionMakers, sponsors } = customerLeaders(model);
  for (const p of model.people) {
    if (decisionMakers.includes(p)) tag(p.str('id'), 'decision maker');
    if (sponsors.includes(p)) tag(p.str('id'), 'sponsor');
  }
  for (const f of a.concerns) list(f.k.str('by'), 'raised', f.k);
  for (const f of a.late) list(f.c.str('to'), 'waiting for', f.c);
  for (const f of a.late) {
    const owner = f.c.str('owner');
    if (owner !== undefined && model.side(owner) === 'ours') list(owner, 'owns late work:', f.c);
  }
  for (const id of ourEscalation(model)) tag(id, 'escalation contact');
  tag(ourLead(model), 'leads the partnership for us');
  return [...order].map(([id, e]) => ({
    id,
    person: e.person,
    reasons: e.tags.map((t) => (e.lists.has(t) ? `${t} ${e.lists.get(t)!.join(', ')}` : t)),
  }));
}

function sideText(person: Obj): string {
  const side = person.str('side');
  return side === 'customer' || side === 'ours' ? side : '';
}

// ---------------------------------------------------------------------------------------------
// The document

function agendaMarkdown(a: Agenda, pd: ParsedDocument, absPath: string): string {
  const { model, facts, today, meetingDay, late } = a;
  const p = model.partnership;
  const name = md(p?.str('name') ?? path.basename(absPath).replace(/\.partnership\.ya?ml$/i, ''));
  const customer = md(model.customerName());
  const shown = (o: Obj) => !a.leftOut.nodes.has(o.node);

  const header: string[] = [`# Reset meeting: ${name} with ${customer}`];
  const notice = leftOutNotice(a.leftOut, 'agenda');
  if (pd.syntaxProblems.length > 0) {
    notice.push('> **Note:** the partnership file has YAML errors, so this agenda shows only what could be read. Fix the file and generate the agenda again.');
  }
  const intro: string[] = [
    `- **Date:** ${longDay(meetingDay)}`,
    `- **Prepared:** ${formatDay(today)}, from ${md(path.basename(absPath))}`,
    `- **Relationship:** ${healthLine(model.health)}`,
    `- **Aim:** hear how ${customer} sees the project, agree the facts, settle how we will work from here, and leave with dated re-commitments that both sides accept.`,
  ];

  const attendeeBlock = [
    '## Proposed attendees',
    '',
    ...(a.attendees.length === 0
      ? [
          'Nobody in the file qualifies yet, so nobody is proposed. Add these to the partnership file, then generate the agenda again:',
          '',
          `- ${customer}'s decision maker and sponsor: people with \`side: customer\` and \`decisionMaker: true\` or \`sponsor: true\`;`,
          '- our lead: `partnership.lead`, a person with `side: ours`;',
          '- our escalation contact: `communication.escalation`, a senior person with `side: ours`.',
        ]
      : [
          ...table(
            ['Name', 'Role', 'Side', 'Why'],
            a.attendees.map((x) => [md(x.person.str('name') ?? x.id), md(x.person.str('role')), sideText(x.person), x.reasons.join('; ')]),
          ),
          ...missingSide(a, customer),
        ]),
  ];

  const own = ['## What we own', '', 'Said first, plainly and without defence: where we did not do what we said.', '', ...ourMisses(a)];

  const silent = a.concerns.filter((f) => f.daysUnanswered !== undefined);
  const listen = [
    '## 1. Listen first',
    '',
    `Open with questions and let ${customer} talk. Take notes; explanations can wait until the facts.`,
    '',
    `1. How do you see the state of the project right now: what is working, and what is not?`,
    `2. What do you think of how we run the project: planning, reporting, decisions?`,
    `3. What is still bothering you that we have not resolved, or resolved badly?`,
    ...silent.map((f) => `   - Still without an answer from us: ${labelOf(f.k)}${raisedBy(model, f.k)}.`),
    `4. Is anyone on our team making this harder for you? What would help?`,
  ];

  const moving = facts.commitments.filter((f) => f.active && f.state !== 'overdue' && f.moves >= 2 && shown(f.c));
  const milestones = facts.milestones.filter((f) => (f.overdue || f.status === 'slipped') && shown(f.m));
  const goals = model.goals.filter(shown).map(goalFact).filter((g) => g.offTarget);
  const risks = model.risks.filter((r) => shown(r) && isOpenRisk(r) && r.bool('internal') !== true);
  const factsBlock = [
    '## 2. The facts',
    '',
    `From the partnership file as of ${formatDay(today)}.`,
    '',
    '### Overdue commitments',
    '',
    ...orNone(
      late.length === 0
        ? []
        : table(
            ['Id', 'Commitment', 'Owner', 'Promised to', 'Due', 'Days late', 'Times moved'],
            late.map((f) => [idText(f.c), md(f.c.str('summary')), personText(model, f.c.str('owner')) || '**no owner**', personText(model, f.c.str('to')), formatDay(f.due!), String(f.daysLate), String(f.moves)]),
          ),
    ),
    '',
    '### Commitments moved twice or more',
    '',
    ...orNone(
      moving.length === 0
        ? []
        : [
            'Not late yet, but their dates keep moving (the late ones are above, with how often they moved).',
            '',
            ...table(
              ['Id', 'Commitment', 'Owner', 'First promised', 'Due now', 'Times moved'],
              moving.map((f) => [idText(f.c), md(f.c.str('summary')), personText(model, f.c.str('owner')), f.originalDue === undefined ? '' : formatDay(f.originalDue), f.due === undefined ? '' : formatDay(f.due), String(f.moves)]),
            ),
          ],
    ),
    '',
    '### Open concerns',
    '',
    ...orNone(
      a.concerns.length === 0
        ? []
        : [
            'Most severe first, then the oldest.',
            '',
            ...table(
              ['Id', 'Concern', 'Raised by', 'Severity', 'Open for', 'Answered'],
              a.concerns.map((f) => [idText(f.k), md(f.k.str('summary')), personText(model, f.k.str('by')), f.k.has('severity') ? f.severity : `${f.severity} (not set)`, f.raised === undefined ? '' : plural(today - f.raised, 'day'), answeredText(f)]),
            ),
          ],
    ),
    '',
    '### Communication lapses',
    '',
    ...orNone(communicationLapses(model, today).map((l) => `- ${l}`)),
    '',
    '### Stale contacts',
    '',
    ...orNone(staleContacts(model, today).map((l) => `- ${l}`)),
    '',
    '### Milestones slipped or overdue',
    '',
    ...orNone(
      milestones.length === 0
        ? []
        : table(
            ['Id', 'Milestone', 'Due', 'Status'],
            milestones.map((f: MilestoneFact) => [md(f.m.str('id')), md(f.m.str('name')), f.due === undefined ? '' : formatDay(f.due), f.overdue ? `${f.status ?? 'planned'}, ${plural(f.daysLate, 'day')} past due` : 'slipped']),
          ),
    ),
    '',
    '### Goals not at target',
    '',
    ...orNone(
      goals.length === 0
        ? []
        : [
            'The current value is not the target; the file does not say whether higher or lower is better.',
            '',
            ...table(
            ['Id', 'Goal', 'Metric', 'Target', 'Current', 'Defined by'],
              goals.map((g: GoalFact) => [md(g.g.str('id')), md(g.g.str('statement')), md(g.g.str('metric')), md(g.target), md(g.current), personText(model, g.g.str('definedBy'))]),
            ),
          ],
    ),
    '',
    '### Open risks',
    '',
    ...orNone(
      risks.length === 0
        ? []
        : table(
            ['Id', 'Risk', 'Likelihood', 'Impact', 'Owner', 'Mitigation'],
            risks.map((r) => [idText(r), md(r.str('summary')), md(r.str('likelihood')), md(r.str('impact')), personText(model, r.str('owner')), md(r.str('mitigation'))]),
          ),
    ),
  ];

  const reset = ['## 3. Resetting how we work', '', 'For each: what the file says today, then what to agree in the meeting.', '', ...workingAgreements(a, risks)];

  const senior = ["## 4. Senior management's part", '', ...orNone(seniorLines(model, shown))];

  const recommit = [
    '## 5. Re-commitments',
    '',
    ...orNone(
      late.map((f) => {
        const owner = f.c.str('owner');
        const ownerText = owner === undefined ? 'owner to agree' : `owner ${personText(model, owner)}, to confirm`;
        return `- [ ] ${labelOf(f.c)}: was due ${formatDay(f.due!)} (${plural(f.daysLate, 'day')} late). New date: to agree; ${ownerText}.`;
      }),
    ),
  ];

  const decisions = ['## 6. Decisions and sign-off', '', ...decisionLines(model, late, shown)];

  const footer = [`_Generated from ${md(path.basename(absPath))} on ${formatDay(today)}. Record the outcome in the file: meeting notes, new due dates (with their history) and a fresh health assessment._`];

  return render([header, notice, intro, attendeeBlock, own, listen, factsBlock, reset, senior, recommit, decisions, footer]);
}

/** A line saying what to add when one side of the table is empty. */
function missingSide(a: Agenda, customer: string): string[] {
  const sides = new Set(a.attendees.map((x) => x.person.str('side')));
  if (!sides.has('ours')) {
    return ['', 'Nobody from our side qualifies: name our lead (`partnership.lead`) and a senior escalation contact (`communication.escalation`), people with `side: ours`, and generate the agenda again.'];
  }
  if (!sides.has('customer')) {
    return ['', `Nobody from ${customer} qualifies: mark their decision maker and sponsor (\`decisionMaker: true\`, \`sponsor: true\`) in \`people:\`, and generate the agenda again.`];
  }
  return [];
}

/** "What we own": our late commitments, concerns left unanswered past their window, a lapsed status report. */
function ourMisses(a: Agenda): string[] {
  const { model, facts, today } = a;
  const customer = md(model.customerName());
  const lines: string[] = [];
  for (const f of a.late) {
    const owner = f.c.str('owner');
    if (owner === undefined || model.side(owner) !== 'ours') continue;
    const to = f.c.str('to');
    const moved = f.moves > 0 ? ` Its date has moved ${f.moves === 1 ? 'once' : `${f.moves} times`}.` : '';
    lines.push(`- We promised ${labelOf(f.c)}${to ? ` to ${personText(model, to)}` : ''} for ${formatDay(f.due!)}; it is ${plural(f.daysLate, 'day')} late (owner ${personText(model, owner)}).${moved}`);
  }
  for (const f of a.concerns) {
    if (!f.overdue) continue;
    const by = f.k.str('by');
    lines.push(`- We have not answered ${labelOf(f.k)}${by ? `, raised by ${personText(model, by)}` : ''} on ${formatDay(f.raised!)}: ${plural(f.daysUnanswered!, 'day')} without a response, where a ${f.severity}-severity concern should have one within ${plural(f.window, 'day')}.`);
  }
  const plan = model.communication;
  const report = facts.statusReport();
  if (!plan?.obj('statusReport')) lines.push(`- We have no agreed status report: ${customer} gets no regular account of the work from us.`);
  else if (report && !report.fieldPresent) lines.push(`- No ${report.cadence} status report has gone out from us yet.`);
  else if (report && report.overdueDays > 0) {
    lines.push(`- Our ${report.cadence} status report is ${plural(report.overdueDays, 'day')} overdue: the last went out on ${formatDay(report.last!)}, the next was due ${formatDay(report.next!)}.`);
  }
  if (lines.length === 0) {
    lines.push(`- The file records no miss of ours: no late commitment, no concern past its response window, status reports on schedule. Ask ${customer} what we are missing.`);
  }
  return lines;
}

/**
 * The health status, when it was assessed and the trend: the scores and the note are our private
 * judgement of people in the room, and the agenda is shown to them.
 */
function healthLine(health: Obj | undefined): string {
  if (!health) return 'not assessed';
  const assessed = health.day('assessed');
  let line = md(health.str('status') ?? 'unknown');
  if (assessed !== undefined) line += ` (assessed ${formatDay(assessed)})`;
  const trend = health.str('trend');
  if (trend) line += `, trend ${md(trend)}`;
  return line;
}

/** "**C-2** Live traffic feed" — an item's id in bold and its summary, both escaped. */
function labelOf(o: Obj): string {
  const id = o.str('id');
  const summary = o.str('summary');
  if (id && summary) return `**${md(id)}** ${md(summary)}`;
  if (id) return `**${md(id)}**`;
  return summary ? md(summary) : 'an unnamed item';
}

function raisedBy(model: PartnershipModel, k: Obj): string {
  const by = k.str('by');
  const raised = k.day('raised');
  const bits: string[] = [];
  if (by) bits.push(`raised by ${personText(model, by)}`);
  if (raised !== undefined) bits.push(`on ${formatDay(raised)}`);
  return bits.length > 0 ? `, ${bits.join(' ')}` : '';
}

function answeredText(f: ConcernFact): string {
  if (f.daysUnanswered !== undefined) return f.overdue ? `no (past the ${plural(f.window, 'day')} to answer)` : 'no';
  const on = f.k.day('respondedOn');
  const response = f.k.str('response');
  const head = on !== undefined ? `yes, ${formatDay(on)}` : 'yes';
  return response ? `${head}: ${md(response)}` : head;
}

// ---------------------------------------------------------------------------------------------
// Resetting how we work

function workingAgreements(a: Agenda, risks: Obj[]): string[] {
  const { model, facts } = a;
  const plan = model.communication;
  const report = plan?.obj('statusReport');
  const review = plan?.obj('reviewMeeting');

  let reporting = 'not defined';
  if (report) {
    const cadence = report.str('cadence');
    const parts = [isCadence(cadence) ? `${cadence} report` : 'a report with no valid cadence'];
    const channel = report.str('channel');
    if (channel) parts.push(`by ${md(channel)}`);
    const audience = report.refs('audience').map((r) => r.id);
    parts.push(audience.length > 0 ? `to ${namesOf(model, audience)}` : 'with no audience named');
    const last = report.day('lastSent');
    let line = parts.join(' ');
    line += last !== undefined ? `; last sent ${formatDay(last)}` : '; none sent yet';
    reporting = line;
  }

  let issues = 'not defined';
  if (model.concerns.length > 0 || model.risks.length > 0) {
    const noResponse = a.concerns.filter((f) => f.daysUnanswered !== undefined).length;
    const noOwner = a.concerns.filter((f) => !f.k.str('owner')).length;
    const unmanaged = risks.filter((r) => riskUnmanaged(r) !== undefined).length;
    const riskNoOwner = risks.filter((r) => !r.str('owner')).length;
    issues =
      `concerns and risks are tracked in the partnership file: ${plural(a.concerns.length, 'open concern')} ` +
      `(${noResponse} without a response, ${noOwner} without an owner); ${plural(risks.length, 'open risk')} ` +
      `(${riskNoOwner} without an owner, ${unmanaged} serious and without an owner or a mitigation)`;
    const escalation = shownEscalation(model, (o) => !a.leftOut.nodes.has(o.node));
    if (escalation.length > 0) issues += `; escalation to ${namesOf(model, escalation)}`;
  }

  let meetings = 'not defined';
  if (review) {
    const held = facts.reviewMeeting();
    const last = held?.last ?? review.day('lastHeld');
    meetings = held ? `${held.cadence} review meeting` : 'a review meeting with no valid cadence';
    if (last !== undefined) {
      meetings += `; last held ${formatDay(last)}`;
      if (held) meetings += held.overdueDays > 0 ? `, the next was due ${formatDay(held.next!)}` : `, next due ${formatDay(held.next!)}`;
    } else meetings += '; none held yet';
  }

  const item = (title: string, current: string, agree: string) => [`### ${title}`, '', `- Current: ${current}.`, `- To agree: ${agree}`, ''];
  const lines = [
    ...item('Status reporting', reporting, 'a fixed layout that does not change with the news; the day it goes out; who receives it; who writes it.'),
    ...item('Financial reporting', 'not defined', 'how budget, spend and forecast are reported, how often and to whom, and how a change in cost is raised before it happens.'),
    ...item('Issue and risk handling', issues, `how a new issue or risk is logged, who owns it, how soon ${md(model.customerName())} hears back, and when it is escalated.`),
    ...item('How meetings are run', meetings, 'who chairs, the standing agenda, how often, and how decisions and actions are written down and shared.'),
  ];
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

// ---------------------------------------------------------------------------------------------
// Senior management, decisions

/** Escalation contacts and customer leaders the agenda may show (people left out for errors are not). */
function shownEscalation(model: PartnershipModel, shown: (o: Obj) => boolean): string[] {
  return ourEscalation(model).filter((id) => shown(model.personById.get(id)!));
}

function seniorLines(model: PartnershipModel, shown: (o: Obj) => boolean): string[] {
  const lines: string[] = [];
  const customer = md(model.customerName());
  for (const id of shownEscalation(model, shown)) {
    lines.push(`- ${personWithRole(model, id)}, our escalation contact: attends, backs the re-commitments with people and time, and gives ${customer} a direct line if the reset does not hold.`);
  }
  for (const s of customerLeaders(model).sponsors.filter(shown)) {
    lines.push(`- ${whoText(s)}, sponsor at ${customer}: hears the plan first-hand and confirms it on the customer's side.`);
  }
  return lines;
}

function decisionLines(model: PartnershipModel, late: CommitmentFact[], shown: (o: Obj) => boolean): string[] {
  const customer = md(model.customerName());
  const decisionMakers = customerLeaders(model).decisionMakers.filter(shown);
  const deciders = decisionMakers.length > 0 ? joinAnd(decisionMakers.map((p) => md(p.str('name') ?? p.str('id') ?? 'a decision maker'))) : `a decision maker at ${customer}`;
  const lines = [
    '- [ ] How status is reported from now on: format, day, audience.',
    '- [ ] How financials are reported.',
    '- [ ] How issues and risks are logged, owned and escalated.',
    '- [ ] How meetings are run.',
  ];
  if (late.length > 0) lines.push(late.length === 1 ? '- [ ] A new date and an owner for the re-commitment above.' : `- [ ] A new date and an owner for each of the ${late.length} re-commitments above.`);
  const sign = planSignOff(model);
  if (sign.state === 'signed') {
    lines.push(`- [ ] Confirm the communication plan signed off by ${personText(model, sign.by)}${sign.on !== undefined ? ` on ${formatDay(sign.on)}` : ''} still holds, or have ${deciders} sign off the revised one.`);
  } else if (sign.state === 'unknown' && sign.by !== '') {
    lines.push(`- [ ] The communication plan's sign-off names ${md(sign.by)}, who is not a person the file knows: record who at ${customer} agreed to it, or have ${deciders} sign off the revised one.`);
  } else {
    const what = sign.state === 'no-plan' ? 'There is no communication plan' : 'The communication plan is not signed off by the customer';
    lines.push(`- [ ] ${what}: write down what was agreed above and get ${deciders} to sign it off (record it under \`communication.signedOff\`).`);
  }
  if (decisionMakers.length === 0) lines.push(`- [ ] Find out who at ${customer} can decide and commit resources, and record them with \`decisionMaker: true\`.`);
  if (shownEscalation(model, shown).length === 0) lines.push('- [ ] Name a senior manager on our side as the escalation contact (`communication.escalation`).');
  lines.push('- [ ] The date of the next check-in, and who updates the partnership file afterwards.');
  return lines;
}

// ---------------------------------------------------------------------------------------------
// The edit: one planned reset meeting

function meetingEdits(pd: ParsedDocument, a: Agenda, agendaName: string, planned: Obj | undefined): { edits?: TextEdit[]; what: string } {
  const ids = a.attendees.map((x) => x.id);
  const day = formatDay(a.meetingDay);
  if (planned) {
    const edits: (TextEdit | undefined)[] = [setScalar(pd, planned.node, 'agenda', agendaScalar(agendaName))];
    const have = new Set(planned.refs('attendees').map((r) => r.id));
    const missing = ids.filter((id) => !have.has(id)).map(flowId);
    if (missing.length > 0) {
      const value = planned.pair('attendees')?.value;
      edits.push(isSeq(value) ? appendScalars(pd, value, missing) : setScalar(pd, planned.node, 'attendees', `[${missing.join(', ')}]`));
    }
    return edits.every((e) => e !== undefined) ? { edits: edits as TextEdit[], what: `the reset meeting of ${day}` } : { what: '' };
  }
  const lines = [`date: ${day}`, 'kind: reset', ...(ids.length > 0 ? [`attendees: [${ids.map(flowId).join(', ')}]`] : []), `agenda: ${agendaScalar(agendaName)}`];
  const root = editableRoot(pd);
  const edit = root ? appendItem(pd, root, 'meetings', lines) : undefined;
  return edit ? { edits: [edit], what: `the reset meeting of ${day}` } : { what: '' };
}

/** The agenda's file name as a YAML scalar that is safe in block and flow context alike. */
function agendaScalar(name: string): string {
  return /^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(name) ? name : JSON.stringify(name);
}
