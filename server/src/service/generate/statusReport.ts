// The status report: the same eight sections in the same order every time, whether the news is
// good or bad — period, health, done this period, due next period, overdue, open concerns, open
// risks, milestones — plus the edit that records today as `communication.statusReport.lastSent`.
import * as path from 'path';
import { Cadence, formatDay, isCadence, plural } from '../dates';
import type { ParsedDocument } from '../document';
import { factsOf, nextDue } from '../domain';
import { Obj, PartnershipModel } from '../model';
import type { Day, FileSystem, GeneratedDocument, PartnershipConfig, TextEdit } from '../types';
import {
  ageText,
  commitmentsDueBetween,
  idText,
  namesOf,
  openConcerns,
  openRisks,
  overdueCommitments,
  personText,
  scoreText,
  subtractCadence,
} from './facts';
import { freeDocumentPath } from './files';
import { leftOutHeader } from './leftOut';
import { md, orNone, render, table } from './markdown';
import { setScalar } from '../edits';

/** The cadence assumed for the period when the plan does not give one. */
const DEFAULT_CADENCE: Cadence = 'weekly';

export function generateStatusReport(pd: ParsedDocument, absPath: string, today: Day, fs: FileSystem, config?: PartnershipConfig): GeneratedDocument {
  const model = new PartnershipModel(pd);
  factsOf(model, today, config); // every fact below is judged with this config
  const docPath = freeDocumentPath(fs, absPath, 'status', formatDay(today));
  const content = reportMarkdown(model, pd, absPath, today);
  const record = lastSentEdit(pd, model, today);
  return record.edit
    ? { path: docPath, content, edits: [record.edit], recorded: `the status report of ${formatDay(today)} as sent` }
    : { path: docPath, content, edits: [], notRecorded: record.why };
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

function reportMarkdown(model: PartnershipModel, pd: ParsedDocument, absPath: string, today: Day): string {
  const name = md(model.partnership?.str('name') ?? path.basename(absPath).replace(/\.partnership\.ya?ml$/i, ''));
  const customer = md(model.customerName());
  const period = reportPeriod(model, today);
  const report = model.communication?.obj('statusReport');

  const header = [`# Status report: ${name} for ${customer}`];
  header.push(...leftOutHeader(pd, 'status report'));
  if (pd.syntaxProblems.length > 0) {
    header.push('', '> **Note:** the partnership file has YAML errors, so this report shows only what could be read.');
  }

  const audience = report?.refs('audience').map((r) => r.id) ?? [];
  const channel = report?.str('channel');
  const to = audience.length > 0 ? `${namesOf(model, audience)}${channel ? `, by ${md(channel)}` : ''}` : 'not defined';
  const periodBlock = [
    '## Period',
    '',
    `- **Covers:** ${formatDay(period.start)} to ${formatDay(period.end)}`,
    `- **Previous report:** ${period.previous !== undefined ? formatDay(period.previous) : 'none recorded'}`,
    `- **Next report:** ${formatDay(period.next)} (${period.agreed ? period.cadence : `no cadence agreed; ${period.cadence} assumed`})`,
    `- **To:** ${to}`,
  ];

  const health = model.health;
  const healthBlock = ['## Health', ''];
  if (!health) healthBlock.push('None.');
  else {
    const assessed = health.day('assessed');
    healthBlock.push(
      ...table(
        ['Status', 'Trend', 'Access', 'Credibility', 'Trust', 'Assessed'],
        [[md(health.str('status')), md(health.str('trend')), scoreText(health, 'access'), scoreText(health, 'credibility'), scoreText(health, 'trust'), assessed !== undefined ? formatDay(assessed) : '']],
      ),
    );
    const note = health.str('note');
    if (note) healthBlock.push('', `Note: ${md(note)}`);
  }

  const done = doneBetween(model, period.start, period.end);
  const doneBlock = [
    '## Done this period',
    '',
    ...orNone(
      done.length === 0
        ? []
        : table(
            ['Id', 'Commitment', 'Owner', 'Completed', 'Against due date'],
            done.map(({ c, completed }) => [idText(c), md(c.str('summary')), personText(model, c.str('owner')), formatDay(completed), againstDue(c.day('due'), completed)]),
          ),
    ),
  ];

  const upcoming = commitmentsDueBetween(model, today, today, period.next);
  const nextBlock = [
    '## Due next period',
    '',
    ...orNone(
      upcoming.length === 0
        ? []
        : table(
            ['Id', 'Commitment', 'Owner', 'Due', 'Status'],
            upcoming.map((c) => [idText(c), md(c.str('summary')), personText(model, c.str('owner')), formatDay(c.day('due')!), md(c.str('status'))]),
          ),
    ),
  ];

  const late = overdueCommitments(model, today);
  const overdueBlock = [
    '## Overdue',
    '',
    ...orNone(
      late.length === 0
        ? []
        : table(
            ['Id', 'Commitment', 'Owner', 'Promised to', 'Due', 'Days late'],
            late.map(({ c, due, daysLate }) => [idText(c), md(c.str('summary')), personText(model, c.str('owner')) || '**no owner**', personText(model, c.str('to')), formatDay(due), String(daysLate)]),
          ),
    ),
  ];

  const concerns = openConcerns(model);
  const concernBlock = [
    '## Open concerns',
    '',
    ...orNone(
      concerns.length === 0
        ? []
        : table(
            ['Id', 'Concern', 'Raised by', 'Severity', 'Open for', 'Response'],
            concerns.map((k) => [idText(k), md(k.str('summary')), personText(model, k.str('by')), md(k.str('severity')), ageText(k.day('raised'), today), responseText(k)]),
          ),
    ),
  ];

  const risks = openRisks(model);
  const riskBlock = [
    '## Open risks',
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

  const milestones = model.milestones;
  const milestoneBlock = [
    '## Milestones',
    '',
    ...orNone(
      milestones.length === 0
        ? []
        : table(
            ['Id', 'Milestone', 'Status', 'Due', 'Delivered'],
            milestones.map((m) => {
              const due = m.day('due');
              const delivered = m.day('delivered');
              return [idText(m), md(m.str('name')), milestoneStatus(m, today), due !== undefined ? formatDay(due) : '', delivered !== undefined ? `${formatDay(delivered)} (${againstDue(due, delivered) || 'no due date'})` : ''];
            }),
          ),
    ),
  ];

  const footer = [`_Generated from ${md(path.basename(absPath))} on ${formatDay(today)}._`];

  return render([header, periodBlock, healthBlock, doneBlock, nextBlock, overdueBlock, concernBlock, riskBlock, milestoneBlock, footer]);
}

/** Commitments marked done with a completion date in [from, to], in completion order. */
function doneBetween(model: PartnershipModel, from: Day, to: Day): { c: Obj; completed: Day }[] {
  const out: { c: Obj; completed: Day }[] = [];
  for (const c of model.commitments) {
    const completed = c.day('completed');
    if (c.str('status') !== 'done' || completed === undefined || completed < from || completed > to) continue;
    out.push({ c, completed });
  }
  return out.sort((a, b) => a.completed - b.completed);
}

/** "on time", "3 days early", "2 days late"; "" without a due date. */
function againstDue(due: Day | undefined, actual: Day): string {
  if (due === undefined) return '';
  if (actual === due) return 'on time';
  return actual < due ? `${plural(due - actual, 'day')} early` : `${plural(actual - due, 'day')} late`;
}

function responseText(k: Obj): string {
  const response = k.str('response');
  if (!response) return 'none yet';
  const on = k.day('respondedOn');
  return on !== undefined ? `${formatDay(on)}: ${md(response)}` : md(response);
}

function milestoneStatus(m: Obj, today: Day): string {
  const status = m.str('status');
  const due = m.day('due');
  const text = md(status ?? 'unknown');
  if (status !== 'delivered' && due !== undefined && due < today) return `${text}, ${plural(today - due, 'day')} past due`;
  return text;
}

/** Record that the report went out today, or say why not (no status report in the plan, already recorded, an edit refused). */
function lastSentEdit(pd: ParsedDocument, model: PartnershipModel, today: Day): { edit?: TextEdit; why?: string } {
  const report = model.communication?.obj('statusReport');
  if (!report) return { why: 'the file has no communication.statusReport to record lastSent in' };
  const date = formatDay(today);
  if (report.scalar('lastSent') === date) return { why: `lastSent already says ${date}` };
  const edit = setScalar(pd, report.node, 'lastSent', date);
  return edit ? { edit } : { why: 'lastSent cannot be changed safely here (an alias shares it, or the plan is not a plain mapping): set it by hand' };
}
