// What the agenda and the status report both say about a partnership, formatted from the domain
// layer's facts (the judgements the rules make, so the documents agree with the diagnostics).
import { formatDay, plural } from '../dates';
import { factsOf, isOpenRisk } from '../domain';
import { planSignOff } from '../domain/people';
import type { Obj, PartnershipModel } from '../model';
import type { Day } from '../types';
import { joinAnd, md } from './markdown';

export { subtractCadence } from '../dates';

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** "Monday 2026-11-23". */
export function longDay(day: Day): string {
  const wd = (((day + 4) % 7) + 7) % 7;
  return `${WEEKDAYS[wd]} ${formatDay(day)}`;
}

/** A person id as Markdown: their name when they are defined, else the id. Empty for no id. */
export function personText(model: PartnershipModel, id: string | undefined): string {
  return id === undefined ? '' : md(model.personName(id));
}

/** "Jane Doe (VP Compliance)". */
export function personWithRole(model: PartnershipModel, id: string): string {
  const role = model.personById.get(id)?.str('role');
  return role ? `${personText(model, id)} (${md(role)})` : personText(model, id);
}

/** "C-12" / "—": an item's id as Markdown. */
export function idText(o: Obj): string {
  return md(o.str('id'));
}

/** A count of days as text; "" (a table shows "—") when unknown or negative. */
export function daysText(n: number | undefined): string {
  return n === undefined || n < 0 ? '' : plural(n, 'day');
}

// ---------------------------------------------------------------------------------------------
// Commitments

export interface Late {
  c: Obj;
  due: Day;
  daysLate: number;
}

/** Open or in-progress commitments due before today, the longest overdue first (file order on ties). */
export function overdueCommitments(model: PartnershipModel, today: Day): Late[] {
  return factsOf(model, today)
    .overdueCommitments()
    .map((f) => ({ c: f.c, due: f.due!, daysLate: f.daysLate }));
}

/** Open or in-progress commitments due from `from` to `to`, inclusive, soonest first. */
export function commitmentsDueBetween(model: PartnershipModel, today: Day, from: Day, to: Day): Obj[] {
  return factsOf(model, today)
    .commitmentsDueBetween(from, to)
    .map((f) => f.c);
}

// ---------------------------------------------------------------------------------------------
// Concerns and risks

export function openConcerns(model: PartnershipModel): Obj[] {
  return model.concerns.filter((k) => k.str('status') === 'open');
}

/** Risks not mitigated or closed; a risk with no status at all counts as open. */
export function openRisks(model: PartnershipModel): Obj[] {
  return model.risks.filter(isOpenRisk);
}

/** "3 days" since `day`, or "" when unknown or in the future. */
export function ageText(day: Day | undefined, today: Day): string {
  return day === undefined ? '' : daysText(today - day);
}

// ---------------------------------------------------------------------------------------------
// People

/** Customer-side people whose contact cadence has lapsed, as the contact-stale rule sees them. */
export function staleContacts(model: PartnershipModel, today: Day): string[] {
  const out: string[] = [];
  for (const f of factsOf(model, today).contacts) {
    const who = whoText(f.p);
    const c = f.cadence;
    if (!c || !f.stale) continue;
    if (f.never) out.push(`${who}: no contact recorded at all; agreed ${c.cadence}.`);
    else out.push(`${who}: no contact for ${plural(today - c.last!, 'day')} (last ${formatDay(c.last!)}); agreed ${c.cadence}, so contact was due ${formatDay(c.next!)}.`);
  }
  return out;
}

/** A person object as "Name (role)". */
export function whoText(p: Obj): string {
  const name = md(p.str('name') ?? p.str('id') ?? 'Someone');
  const role = p.str('role');
  return role ? `${name} (${md(role)})` : name;
}

// ---------------------------------------------------------------------------------------------
// The communication plan

/** Person ids of a reference list, with their names joined: "Jane Doe and Priya Nair". */
export function namesOf(model: PartnershipModel, ids: string[]): string {
  return joinAnd(ids.map((id) => personText(model, id)));
}

/** Lapses in the communication plan, one line each, in plan order. */
export function communicationLapses(model: PartnershipModel, today: Day): string[] {
  const plan = model.communication;
  const customer = md(model.customerName());
  if (!plan) return ['There is no communication plan: no agreed status report, review meeting or escalation path.'];
  const out: string[] = [];

  const facts = factsOf(model, today);
  const report = plan.obj('statusReport');
  const sent = facts.statusReport();
  if (!report) out.push('The plan has no status report.');
  else if (!sent) out.push('The status report has no valid cadence, so nobody can tell when one is late.');
  else if (!sent.fieldPresent) out.push(`No ${sent.cadence} status report has been sent yet.`);
  else if (sent.overdueDays > 0) {
    out.push(`The ${sent.cadence} status report is ${plural(sent.overdueDays, 'day')} overdue: last sent ${formatDay(sent.last!)}, the next was due ${formatDay(sent.next!)}.`);
  }

  const review = plan.obj('reviewMeeting');
  const held = facts.reviewMeeting();
  if (!review) out.push('The plan has no regular review meeting.');
  else if (!held) out.push('The review meeting has no valid cadence.');
  else if (held.overdueDays > 0) {
    out.push(`The ${held.cadence} review meeting is ${plural(held.overdueDays, 'day')} overdue: last held ${formatDay(held.last!)}, the next was due ${formatDay(held.next!)}.`);
  }

  const sign = planSignOff(model);
  if (sign.state === 'missing') out.push(`Nobody at ${customer} has signed off the communication plan.`);
  else if (sign.state === 'wrong-side') out.push(`The communication plan was signed off by ${personText(model, sign.by)}, who is not on ${customer}'s side, so ${customer} has not agreed to it.`);
  return out;
}

/** A 1–5 score as "3/5", or "" when it is missing or not a number. */
export function scoreText(health: Obj | undefined, key: string): string {
  const n = health?.num(key);
  return n === undefined || !Number.isFinite(n) ? '' : `${md(String(n))}/5`;
}
