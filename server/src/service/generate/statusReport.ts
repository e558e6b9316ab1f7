// The status report: a document meant to be sent to the customer, built only from the domain
// layer's facts, with the same sections in the same order every time whether the news is good or
// bad — goals, reliability, done, due next, overdue, dates changed, concerns, shared risks,
// milestones — and "None." where there is nothing to say. It never carries our health assessment,
// an `internal` risk, or anything about people beyond names and roles; `internal: true` adds those
// in a section marked as ours, under a file name that says so. Generating records nothing:
// `recordStatusReportSent` is the separate step once the report has gone out.
import * as path from 'path';
import { Cadence, formatDay, isCadence, plural } from '../dates';
import type { ParsedDocument } from '../document';
import { factsOf, isOpenRisk, nextDue, rate, Reliability, reliabilityOf } from '../domain';
import { ganttMarkdown } from './gantt';
import { datesMovedBetween, goalFacts, GoalState, isInternalRisk, milestonesAhead, milestonesReachedBetween } from '../domain/report';
import { Obj, PartnershipModel } from '../model';
import type { Day, FileSystem, GeneratedDocument, PartnershipConfig, TextEdit } from '../types';
import { ageText, idText, personText, personWithRole, scoreText, subtractCadence } from './facts';
import { fileStem, freeDocumentPath } from './files';
import { joinAnd, md, orNone, render, table } from './markdown';
import { LeftOut, leftOutEntries, leftOutNotice } from './leftOut';
import { setScalar } from '../edits';

/** The cadence assumed for the period when the plan does not give one. */
const DEFAULT_CADENCE: Cadence = 'weekly';

export interface StatusReportOptions {
  /** Add our own assessment (health, internal risks) in a section marked internal; the file name says so too. */
  internal?: boolean;
}

/** How a report is recorded as sent: only by `recordStatusReportSent`, never by generating. */
export const NOT_RECORDED_ON_GENERATE = 'a report is recorded as sent only once it has gone out (partnership report FILE --sent, or "Mark as sent" in the editor)';

/** `leftOut`: what the file's schema errors leave out (`leftOutEntries(pd)`), when the caller has it already. */
export function generateStatusReport(
  pd: ParsedDocument,
  absPath: string,
  today: Day,
  fs: FileSystem,
  config?: PartnershipConfig,
  options: StatusReportOptions = {},
  leftOut: LeftOut = leftOutEntries(pd),
): GeneratedDocument {
  const model = new PartnershipModel(pd);
  factsOf(model, today, config); // every fact below is judged with this config
  const docPath = freeDocumentPath(fs, absPath, options.internal ? 'status-internal' : 'status', formatDay(today));
  const content = reportMarkdown(model, pd, absPath, today, options.internal === true, leftOut);
  return { path: docPath, content, edits: [], notRecorded: NOT_RECORDED_ON_GENERATE };
}

interface Period {
  start: Day;
  end: Day;
  cadence: Cadence;
  /** The plan's cadence, when it has a valid one. */
  agreed: boolean;
  previous?: Day;
  next: Day;
}

/**
 * From the day after the last report to today. When no earlier report is recorded (or its date
 * is not before today), the period is one cadence long, as if a report had gone out on schedule.
 */
export function reportPeriod(model: PartnershipModel, today: Day): Period {
  const report = model.communication?.obj('statusReport');
  const planCadence = report?.str('cadence');
  const agreed = isCadence(planCadence);
  const cadence = agreed ? planCadence : DEFAULT_CADENCE;
  const last = report?.day('lastSent');
  const previous = last !== undefined && last < today ? last : undefined;
  const start = (previous ?? subtractCadence(today, cadence)) + 1;
  return { start, end: today, cadence, agreed, previous, next: nextDue(today, cadence, factsOf(model, today).config.workingDays) };
}

function reportMarkdown(model: PartnershipModel, pd: ParsedDocument, absPath: string, today: Day, internal: boolean, leftOut: LeftOut): string {
  const facts = factsOf(model, today);
  // An entry with schema errors is left out whole (named at the top); a person left out is named by id only.
  const shown = (o: Obj) => !leftOut.nodes.has(o.node);
  const who = (id: string | undefined) => (id !== undefined && leftOut.nodes.has(model.personById.get(id)?.node) ? md(id) : personText(model, id));
  const whoWithRole = (id: string) => (leftOut.nodes.has(model.personById.get(id)?.node) ? md(id) : personWithRole(model, id));
  const name = md(model.partnership?.str('name') ?? path.basename(absPath).replace(/\.partnership\.ya?ml$/i, ''));
  const customer = md(model.customerName());
  const period = reportPeriod(model, today);
  const report = model.communication?.obj('statusReport');

  const header = [internal ? `# INTERNAL status report: ${name} for ${customer} (not for sending)` : `# Status report: ${name} for ${customer}`];
  if (internal) header.push('', `> **Internal:** this version carries our own assessment of the relationship and our internal risks. Send the customer version instead (without --internal).`);
  const notice = leftOutNotice(leftOut, 'status report');
  if (notice.length > 0) header.push('', ...notice);
  if (pd.syntaxProblems.length > 0) {
    header.push('', '> **Note:** the partnership file has YAML errors, so this report shows only what could be read.');
  }

  // Addressed as a letter: the customer's people by name and role, from the person who keeps the relationship.
  const audience = [...new Set(report?.refs('audience').map((r) => r.id) ?? [])];
  const channel = report?.str('channel');
  const to = audience.length > 0 ? `${joinAnd(audience.map(whoWithRole))}${channel ? `, by ${md(channel)}` : ''}` : 'not agreed (the communication plan names no audience)';
  const lead = model.partnership?.ref('lead')?.id;
  const periodBlock = [
    '## Period',
    '',
    `- **Covers:** ${formatDay(period.start)} to ${formatDay(period.end)}`,
    `- **Previous report:** ${period.previous !== undefined ? formatDay(period.previous) : 'none recorded'}`,
    `- **Next report:** ${formatDay(period.next)} (${period.agreed ? period.cadence : `no cadence agreed; ${period.cadence} assumed`})`,
    `- **To:** ${to}`,
    ...(lead ? [`- **From:** ${whoWithRole(lead)}`] : []),
  ];

  const goals = goalFacts(model).filter((f) => shown(f.g));
  const goalBlock = [
    '## Goals',
    '',
    ...orNone(
      goals.length === 0
        ? []
        : table(
            ['Id', 'Goal', 'Metric', 'Target', 'Current', 'Defined by', 'State'],
            goals.map((f) => [idText(f.g), md(f.g.str('statement')), md(f.g.str('metric')), md(f.target), md(f.current), who(f.g.str('definedBy')), GOAL_STATE[f.state]]),
          ),
    ),
  ];

  // Over the commitments the report shows: one left out for its errors does not count either.
  const reliability = leftOut.nodes.size === 0 ? facts.reliability() : reliabilityOf(facts.commitments.filter((f) => shown(f.c)), today, facts.config.reliabilityWindowDays);
  const reliabilityBlock = ['## Reliability', '', ...reliabilityLines(reliability, facts.config.reliabilityWindowDays, today)];

  const done = facts.commitments
    .filter((f) => shown(f.c) && f.state === 'done' && f.completed !== undefined && f.completed >= period.start && f.completed <= period.end)
    .sort((a, b) => a.completed! - b.completed!);
  const doneBlock = [
    '## Done this period',
    '',
    ...orNone(
      done.length === 0
        ? []
        : table(
            ['Id', 'Commitment', 'Owner', 'Completed', 'Against due date'],
            done.map((f) => [idText(f.c), md(f.c.str('summary')), who(f.c.str('owner')), formatDay(f.completed!), againstDue(f.due, f.completed!, f.daysLate)]),
          ),
    ),
  ];

  const upcoming = facts.commitmentsDueBetween(today, period.next).filter((f) => shown(f.c));
  const nextBlock = [
    '## Due next period',
    '',
    ...orNone(
      upcoming.length === 0
        ? []
        : table(
            ['Id', 'Commitment', 'Owner', 'Due', 'Status'],
            upcoming.map((f) => [idText(f.c), md(f.c.str('summary')), who(f.c.str('owner')), formatDay(f.due!), md(f.status)]),
          ),
    ),
  ];

  const late = facts.overdueCommitments().filter((f) => shown(f.c));
  const overdueBlock = [
    '## Overdue',
    '',
    ...orNone(
      late.length === 0
        ? []
        : table(
            ['Id', 'Commitment', 'Owner', 'Promised to', 'Due', 'Days late'],
            late.map((f) => [idText(f.c), md(f.c.str('summary')), who(f.c.str('owner')) || '**no owner**', who(f.c.str('to')), formatDay(f.due!), String(f.daysLate)]),
          ),
    ),
  ];

  const moved = datesMovedBetween(model, period.start, period.end).filter((m) => shown(m.c));
  const movedBlock = [
    '## Dates changed this period',
    '',
    ...orNone(
      moved.length === 0
        ? []
        : table(
            ['Id', 'Commitment', 'Changed on', 'From', 'To', 'Reason'],
            moved.map((m) => [idText(m.c), md(m.c.str('summary')), formatDay(m.on), dayText(m.from), dayText(m.to), m.reason ? md(m.reason) : 'no reason recorded']),
          ),
    ),
  ];

  const concerns = facts.concerns.filter((f) => f.status === 'open' && shown(f.k));
  const concernBlock = [
    '## Open concerns',
    '',
    ...orNone(
      concerns.length === 0
        ? []
        : table(
            ['Id', 'Concern', 'Raised by', 'Severity', 'Open for', 'Response'],
            concerns.map((f) => [idText(f.k), md(f.k.str('summary')), who(f.k.str('by')), md(f.k.str('severity')), ageText(f.raised, today), responseText(f.k)]),
          ),
    ),
  ];

  const shared = model.risks.filter((r) => shown(r) && isOpenRisk(r) && !isInternalRisk(r));
  const riskBlock = ['## Shared risks', '', ...orNone(shared.length === 0 ? [] : riskTable(shared, who))];

  const reached = milestonesReachedBetween(model, period.start, period.end).filter((r) => shown(r.m));
  const reachedBlock = [
    '## Milestones reached',
    '',
    ...orNone(reached.map((r) => `- 🎉 **${idText(r.m) ? `${idText(r.m)} ` : ''}${md(r.m.str('name'))}** reached on ${formatDay(r.delivered)}${r.due !== undefined ? ` (${againstDue(r.due, r.delivered, Math.max(0, r.delivered - r.due))})` : ''}.`)),
  ];

  const ahead = milestonesAhead(model, today).filter((f) => shown(f.m));
  const aheadBlock = [
    '## Milestones ahead',
    '',
    ...orNone(
      ahead.length === 0
        ? []
        : table(
            ['Id', 'Milestone', 'Due', 'Status'],
            ahead.map((f) => [idText(f.m), md(f.m.str('name')), dayText(f.due), milestoneState(f.status, f.overdue, f.daysLate)]),
          ),
    ),
  ];

  // The same commitments and milestones as a picture (GitHub renders the Mermaid block).
  const timelineBlock = ['## Timeline', '', ...orNone(ganttMarkdown(facts, { leaveOut: leftOut.nodes }))];

  const blocks = [header, periodBlock, goalBlock, reliabilityBlock, doneBlock, nextBlock, overdueBlock, movedBlock, concernBlock, riskBlock, reachedBlock, aheadBlock, timelineBlock];
  if (internal) blocks.push(internalSection(model, shown, who));
  blocks.push([`_Generated from ${md(path.basename(absPath))} on ${formatDay(today)}._`]);
  return render(blocks);
}

const GOAL_STATE: Record<GoalState, string> = {
  'on-target': 'on target',
  'off-target': '**off target**',
  unknown: 'not measured against the target',
};

function reliabilityLines(r: Reliability, windowDays: number, today: Day): string[] {
  const window = `Commitments due or completed from ${formatDay(today - windowDays)} to ${formatDay(today)}.`;
  if (r.counted === 0 && r.dropped === 0) return [window, '', 'None.'];
  return [
    window,
    '',
    ...table(
      ['Measure', 'Value'],
      [
        ['On time as first promised', `${r.onTimeAsPromised} of ${r.counted} (${rate(r.onTimeAsPromised, r.counted)})`],
        ['Kept as agreed', `${r.keptAsAgreed} of ${r.counted} (${rate(r.keptAsAgreed, r.counted)})`],
        ['Late', String(r.late)],
        ['Slip, median', plural(r.slipMedian, 'day')],
        ['Slip, longest', plural(r.slipMax, 'day')],
        ['Due dates moved', String(r.moves)],
        ['Moved after the date had passed', String(r.lateRenegotiations)],
        ['Dropped', String(r.dropped)],
      ],
    ),
  ];
}

function riskTable(risks: Obj[], who: (id: string | undefined) => string): string[] {
  return table(
    ['Id', 'Risk', 'Likelihood', 'Impact', 'Owner', 'Mitigation'],
    risks.map((r) => [idText(r), md(r.str('summary')), md(r.str('likelihood')), md(r.str('impact')), who(r.str('owner')), md(r.str('mitigation'))]),
  );
}

/** Our own view, for `--internal` only: the health assessment (current and earlier) and the internal risks. */
function internalSection(model: PartnershipModel, shown: (o: Obj) => boolean, who: (id: string | undefined) => string): string[] {
  const out = ['## Internal: our assessment (not for the customer)', ''];
  const health = model.health;
  if (!health) out.push('No health assessment recorded.');
  else {
    const rows = [health, ...health.list('previous')].map((h) => [
      md(h.str('status')),
      md(h.str('trend')),
      scoreText(h, 'access'),
      scoreText(h, 'credibility'),
      scoreText(h, 'trust'),
      dayText(h.day('assessed')),
      md(h.str('note')),
    ]);
    out.push(...table(['Status', 'Trend', 'Access', 'Credibility', 'Trust', 'Assessed', 'Note'], rows));
  }
  const internalRisks = model.risks.filter((r) => shown(r) && isOpenRisk(r) && isInternalRisk(r));
  out.push('', '### Internal risks', '', ...orNone(internalRisks.length === 0 ? [] : riskTable(internalRisks, who)));
  return out;
}

function dayText(d: Day | undefined): string {
  return d === undefined ? '' : formatDay(d);
}

/** "on time", "3 days early", "2 days late" (lateness from the domain's fact); "" without a due date. */
function againstDue(due: Day | undefined, actual: Day, daysLate: number): string {
  if (due === undefined) return '';
  if (daysLate > 0) return `${plural(daysLate, 'day')} late`;
  return actual < due ? `${plural(due - actual, 'day')} early` : 'on time';
}

function responseText(k: Obj): string {
  const response = k.str('response');
  if (!response) return 'none yet';
  const on = k.day('respondedOn');
  return on !== undefined ? `${formatDay(on)}: ${md(response)}` : md(response);
}

function milestoneState(status: string | undefined, overdue: boolean, daysLate: number): string {
  const text = md(status ?? 'planned');
  return overdue ? `${text}, ${plural(daysLate, 'day')} past due` : text;
}

// ---------------------------------------------------------------------------------------------
// Recording a report as sent

export interface SentRecord {
  /** The edit setting `communication.statusReport.lastSent` to today. */
  edit?: TextEdit;
  /** What the edit records, for a person: "the status report of 2026-11-20 as sent". */
  recorded?: string;
  /** Why there is no edit: no status report in the plan, already recorded today, an edit refused. */
  why?: string;
}

/** Record that the report went out today, or say why not. */
export function recordStatusReportSent(pd: ParsedDocument, today: Day): SentRecord {
  const model = new PartnershipModel(pd);
  const report = model.communication?.obj('statusReport');
  if (!report) return { why: 'the file has no communication.statusReport to record lastSent in' };
  const date = formatDay(today);
  const last = report.day('lastSent');
  if (report.scalar('lastSent') === date || last === today) return { why: `lastSent already says ${date}` };
  // A report of an earlier day (a run with an older --today, or two people recording at once) never moves it back.
  if (last !== undefined && last > today) return { why: `lastSent already says ${formatDay(last)}, later than ${date}: not moved back` };
  const edit = setScalar(pd, report.node, 'lastSent', date);
  return edit ? { edit, recorded: `the status report of ${date} as sent` } : { why: 'lastSent cannot be changed safely here (an alias shares it, or the plan is not a plain mapping): set it by hand' };
}

/** The customer-facing report generated today beside the file, if it exists (`<stem>.status-<today>.md`). */
export function todaysReportPath(fs: FileSystem, absPath: string, today: Day): string | undefined {
  const candidate = path.join(path.dirname(absPath), `${fileStem(absPath)}.status-${formatDay(today)}.md`);
  try {
    return fs.exists(candidate) ? candidate : undefined;
  } catch {
    return undefined;
  }
}
