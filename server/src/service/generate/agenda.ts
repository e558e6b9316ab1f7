// The reset-meeting agenda: a Markdown document built from the partnership file for the next
// working day, plus the edit that plans the meeting in `meetings:`.
//
// The document has the same headings every time, whatever the file holds; a section with nothing
// to show says "None.". Every piece of text from the YAML is Markdown-escaped.
import * as path from 'path';
import { formatDay, isCadence, nextWorkingDay, plural } from '../dates';
import { factsOf } from '../domain';
import type { ParsedDocument } from '../document';
import { Obj, PartnershipModel } from '../model';
import type { Day, FileSystem, GeneratedDocument, PartnershipConfig, TextEdit } from '../types';
import {
  ageText,
  communicationLapses,
  customerLeaders,
  escalationIds,
  idText,
  Late,
  longDay,
  namesOf,
  openConcerns,
  openRisks,
  overdueCommitments,
  personText,
  personWithRole,
  scoreText,
  signOff,
  staleContacts,
  timesMoved,
  unanswered,
  whoText,
} from './facts';
import { freeDocumentPath } from './files';
import { joinAnd, md, orNone, render, table } from './markdown';
import { appendItem, editableRoot, flowId } from '../edits';

export function generateAgenda(pd: ParsedDocument, absPath: string, today: Day, fs: FileSystem, config?: PartnershipConfig): GeneratedDocument {
  const model = new PartnershipModel(pd);
  factsOf(model, today, config); // every fact below is judged with this config
  const meetingDay = nextWorkingDay(today);
  const docPath = freeDocumentPath(fs, absPath, 'reset', formatDay(meetingDay));
  const late = overdueCommitments(model, today);
  const attendees = proposedAttendees(model, late);
  const content = agendaMarkdown(model, pd, absPath, today, meetingDay, late, attendees);
  const edit = plannedMeetingEdit(pd, meetingDay, attendees, path.basename(docPath));
  return edit
    ? { path: docPath, content, edits: [edit], recorded: `the reset meeting of ${formatDay(meetingDay)}` }
    : { path: docPath, content, edits: [], notRecorded: 'the meetings list cannot be changed safely here (an alias shares it, or the file is not a plain mapping): add the meeting by hand' };
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
 * The customer's decision makers and sponsors, our owners of late work, our escalation contacts —
 * in that order, each person once with every reason they are there. Only people defined in
 * `people:` are proposed: an undefined id cannot be invited (unknown-reference reports it).
 */
function proposedAttendees(model: PartnershipModel, late: Late[]): Attendee[] {
  interface Why {
    decisionMaker: boolean;
    sponsor: boolean;
    late: string[];
    escalation: boolean;
  }
  const order = new Map<string, Why>();
  const why = (id: string | undefined): Why | undefined => {
    if (id === undefined || !model.personById.has(id)) return undefined;
    let w = order.get(id);
    if (!w) {
      w = { decisionMaker: false, sponsor: false, late: [], escalation: false };
      order.set(id, w);
    }
    return w;
  };
  const { decisionMakers, sponsors } = customerLeaders(model);
  for (const p of model.people) {
    const isDm = decisionMakers.includes(p);
    const isSponsor = sponsors.includes(p);
    if (!isDm && !isSponsor) continue;
    const w = why(p.str('id'));
    if (!w) continue;
    w.decisionMaker ||= isDm;
    w.sponsor ||= isSponsor;
  }
  for (const { c } of late) {
    const owner = c.str('owner');
    if (owner === undefined || model.side(owner) !== 'ours') continue;
    why(owner)?.late.push(md(c.str('id') ?? c.str('summary') ?? 'a commitment'));
  }
  for (const id of escalationIds(model)) {
    const w = why(id);
    if (w) w.escalation = true;
  }
  return [...order].map(([id, w]) => {
    const reasons: string[] = [];
    if (w.decisionMaker) reasons.push('decision maker');
    if (w.sponsor) reasons.push('sponsor');
    if (w.late.length > 0) reasons.push(`owns late work: ${w.late.join(', ')}`);
    if (w.escalation) reasons.push('escalation contact');
    return { id, person: model.personById.get(id)!, reasons };
  });
}

function sideText(person: Obj): string {
  const side = person.str('side');
  return side === 'customer' || side === 'ours' ? side : '';
}

// ---------------------------------------------------------------------------------------------
// The document

function agendaMarkdown(
  model: PartnershipModel,
  pd: ParsedDocument,
  absPath: string,
  today: Day,
  meetingDay: Day,
  late: Late[],
  attendees: Attendee[],
): string {
  const p = model.partnership;
  const name = md(p?.str('name') ?? path.basename(absPath).replace(/\.partnership\.ya?ml$/i, ''));
  const customer = md(model.customerName());
  const health = model.health;
  const concerns = openConcerns(model);
  const silent = concerns.filter(unanswered);

  const header: string[] = [`# Reset meeting: ${name} with ${customer}`];
  const intro: string[] = [
    `- **Date:** ${longDay(meetingDay)}`,
    `- **Prepared:** ${formatDay(today)}, from ${md(path.basename(absPath))}`,
    `- **Relationship:** ${healthLine(health)}`,
    `- **Aim:** hear how ${customer} sees the project, agree the facts, settle how we will work from here, and leave with dated re-commitments that both sides accept.`,
  ];
  if (pd.syntaxProblems.length > 0) {
    intro.push('', '> **Note:** the partnership file has YAML errors, so this agenda shows only what could be read. Fix the file and generate the agenda again.');
  }

  const attendeeBlock = [
    '## Proposed attendees',
    '',
    ...orNone(
      attendees.length === 0
        ? []
        : table(
            ['Name', 'Role', 'Side', 'Why'],
            attendees.map((a) => [md(a.person.str('name') ?? a.id), md(a.person.str('role')), sideText(a.person), a.reasons.join('; ')]),
          ),
    ),
  ];

  const listen = [
    '## 1. Listen first',
    '',
    `Open with questions and let ${customer} talk. Take notes; explanations and defence can wait until the facts.`,
    '',
    `1. How do you see the state of the project right now: what is working, and what is not?`,
    `2. What do you think of how we run the project: planning, reporting, decisions?`,
    `3. What is still bothering you that we have not resolved, or resolved badly?`,
    ...silent.map((k) => `   - Still without an answer from us: ${labelOf(k)}${raisedBy(model, k)}.`),
    `4. Is anyone on our team making this harder for you? What would help?`,
  ];

  const facts = [
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
            late.map(({ c, due, daysLate }) => [
              idText(c),
              md(c.str('summary')),
              personText(model, c.str('owner')) || '**no owner**',
              personText(model, c.str('to')),
              formatDay(due),
              String(daysLate),
              String(timesMoved(model, today, c)),
            ]),
          ),
    ),
    '',
    '### Open concerns',
    '',
    ...orNone(
      concerns.length === 0
        ? []
        : table(
            ['Id', 'Concern', 'Raised by', 'Severity', 'Open for', 'Answered'],
            concerns.map((k) => [idText(k), md(k.str('summary')), personText(model, k.str('by')), md(k.str('severity')), ageText(k.day('raised'), today), answeredText(k)]),
          ),
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
    '### Open risks',
    '',
    ...orNone(
      openRisks(model).length === 0
        ? []
        : table(
            ['Id', 'Risk', 'Likelihood', 'Impact', 'Owner', 'Mitigation'],
            openRisks(model).map((r) => [idText(r), md(r.str('summary')), md(r.str('likelihood')), md(r.str('impact')), personText(model, r.str('owner')), md(r.str('mitigation'))]),
          ),
    ),
  ];

  const reset = ['## 3. Resetting how we work', '', 'For each: what the file says today, then what to agree in the meeting.', '', ...workingAgreements(model, today)];

  const senior = ["## 4. Senior management's part", '', ...orNone(seniorLines(model))];

  const recommit = [
    '## 5. Re-commitments',
    '',
    ...orNone(
      late.map(({ c, due, daysLate }) => {
        const owner = c.str('owner');
        const ownerText = owner === undefined ? 'owner to agree' : `owner ${personText(model, owner)}, to confirm`;
        return `- [ ] ${labelOf(c)}: was due ${formatDay(due)} (${plural(daysLate, 'day')} late). New date: to agree; ${ownerText}.`;
      }),
    ),
  ];

  const decisions = ['## 6. Decisions and sign-off', '', ...decisionLines(model, late)];

  const footer = [`_Generated from ${md(path.basename(absPath))} on ${formatDay(today)}. Record the outcome in the file: meeting notes, new due dates (with their history) and a fresh health assessment._`];

  return render([header, intro, attendeeBlock, listen, facts, reset, senior, recommit, decisions, footer]);
}

function healthLine(health: Obj | undefined): string {
  if (!health) return 'not assessed';
  const assessed = health.day('assessed');
  let line = md(health.str('status') ?? 'unknown');
  if (assessed !== undefined) line += ` (assessed ${formatDay(assessed)})`;
  const trend = health.str('trend');
  if (trend) line += `, trend ${md(trend)}`;
  const scores = ['access', 'credibility', 'trust'].map((k) => (scoreText(health, k) ? `${k} ${scoreText(health, k)}` : '')).filter(Boolean);
  if (scores.length > 0) line += `; ${scores.join(', ')}`;
  const note = health.str('note');
  if (note) line += `. Note: ${md(note)}`;
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

function answeredText(k: Obj): string {
  if (unanswered(k)) return 'no';
  const on = k.day('respondedOn');
  const response = k.str('response');
  const head = on !== undefined ? `yes, ${formatDay(on)}` : 'yes';
  return response ? `${head}: ${md(response)}` : head;
}

// ---------------------------------------------------------------------------------------------
// Resetting how we work

function workingAgreements(model: PartnershipModel, today: Day): string[] {
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
  const concerns = model.concerns;
  const risks = model.risks;
  if (concerns.length > 0 || risks.length > 0) {
    const open = openConcerns(model);
    const noResponse = open.filter(unanswered).length;
    const noOwner = open.filter((k) => !k.str('owner')).length;
    const openR = openRisks(model);
    const noMitigation = openR.filter((r) => !r.str('mitigation')).length;
    const riskNoOwner = openR.filter((r) => !r.str('owner')).length;
    issues =
      `concerns and risks are tracked in the partnership file: ${plural(open.length, 'open concern')} ` +
      `(${noResponse} without a response, ${noOwner} without an owner); ${plural(openR.length, 'open risk')} ` +
      `(${riskNoOwner} without an owner, ${noMitigation} without a mitigation)`;
    const escalation = escalationIds(model);
    if (escalation.length > 0) issues += `; escalation to ${namesOf(model, escalation)}`;
  }

  let meetings = 'not defined';
  if (review) {
    const held = factsOf(model, today).reviewMeeting();
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

function seniorLines(model: PartnershipModel): string[] {
  const lines: string[] = [];
  const customer = md(model.customerName());
  for (const id of escalationIds(model)) {
    lines.push(`- ${personWithRole(model, id)}, our escalation contact: attends, backs the re-commitments with people and time, and gives ${customer} a direct line if the reset does not hold.`);
  }
  for (const s of customerLeaders(model).sponsors) {
    lines.push(`- ${whoText(s)}, sponsor at ${customer}: hears the plan first-hand and confirms it on the customer's side.`);
  }
  return lines;
}

function decisionLines(model: PartnershipModel, late: Late[]): string[] {
  const customer = md(model.customerName());
  const { decisionMakers } = customerLeaders(model);
  const deciders = decisionMakers.length > 0 ? joinAnd(decisionMakers.map((p) => md(p.str('name') ?? p.str('id') ?? 'a decision maker'))) : `a decision maker at ${customer}`;
  const lines = [
    '- [ ] How status is reported from now on: format, day, audience.',
    '- [ ] How financials are reported.',
    '- [ ] How issues and risks are logged, owned and escalated.',
    '- [ ] How meetings are run.',
  ];
  if (late.length > 0) lines.push(late.length === 1 ? '- [ ] A new date and an owner for the re-commitment above.' : `- [ ] A new date and an owner for each of the ${late.length} re-commitments above.`);
  const sign = signOff(model);
  if (sign.state === 'signed') {
    lines.push(`- [ ] Confirm the communication plan signed off by ${sign.by}${sign.on ? ` on ${sign.on}` : ''} still holds, or have ${deciders} sign off the revised one.`);
  } else {
    const what = sign.state === 'no-plan' ? 'There is no communication plan' : 'The communication plan is not signed off by the customer';
    lines.push(`- [ ] ${what}: write down what was agreed above and get ${deciders} to sign it off (record it under \`communication.signedOff\`).`);
  }
  if (decisionMakers.length === 0) lines.push(`- [ ] Find out who at ${customer} can decide and commit resources, and record them with \`decisionMaker: true\`.`);
  if (escalationIds(model).length === 0) lines.push('- [ ] Name a senior manager on our side as the escalation contact (`communication.escalation`).');
  lines.push('- [ ] The date of the next check-in, and who updates the partnership file afterwards.');
  return lines;
}

// ---------------------------------------------------------------------------------------------
// The edit: a planned reset meeting

function plannedMeetingEdit(pd: ParsedDocument, meetingDay: Day, attendees: Attendee[], agendaName: string): TextEdit | undefined {
  const lines = [
    `date: ${formatDay(meetingDay)}`,
    'kind: reset',
    `attendees: [${attendees.map((a) => flowId(a.id)).join(', ')}]`,
    `agenda: ${agendaScalar(agendaName)}`,
  ];
  const root = editableRoot(pd);
  return root ? appendItem(pd, root, 'meetings', lines) : undefined;
}

/** The agenda's file name as a YAML scalar that is safe in block and flow context alike. */
function agendaScalar(name: string): string {
  return /^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(name) ? name : JSON.stringify(name);
}
