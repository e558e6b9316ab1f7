// The dates a partnership file promises, as calendar entries: open commitments' due dates,
// milestones ahead, meetings planned from today on, and the next status report and review. Each
// entry has a UID made of the partnership and the item's id, so importing the calendar again
// updates the entries instead of adding copies. The CLI turns these into iCalendar.
import { formatDay } from './dates';
import { ParsedDocument } from './document';
import { partnershipFileStem } from './generate/starter';
import { PartnershipModel } from './model';
import { nextReview, nextStatusReport } from './planDates';
import type { Day } from './types';

export interface CalendarEntry {
  /** Stable across runs and edits elsewhere: `<partnership>/<kind>/<id>@partnership`. */
  uid: string;
  day: Day;
  summary: string;
  description: string;
  kind: 'commitment' | 'milestone' | 'meeting' | 'status-report' | 'review';
  /** 0-based line of the item in its file. */
  line: number;
}

/** The calendar entries of one partnership file, as of `today` (meetings before it are history). */
export function calendarEntries(text: string, fileName: string, today: Day): CalendarEntry[] {
  const pd = new ParsedDocument(text);
  const model = new PartnershipModel(pd);
  const name = model.partnership?.str('name') ?? fileName.replace(/\.partnership\.yaml$/i, '');
  const customer = model.partnership?.str('customer');
  const key = partnershipFileStem(name);
  const title = customer ? `${name} (${customer})` : name;
  const person = (id: string | undefined) => (id ? (model.personName(id) ?? id) : undefined);
  const entries: CalendarEntry[] = [];

  for (const c of model.commitments) {
    const status = c.str('status');
    const due = c.day('due');
    const id = c.str('id');
    if ((status !== 'open' && status !== 'in-progress') || due === undefined || !id) continue;
    const who = [person(c.str('owner')), person(c.str('to'))].filter(Boolean).join(' → ');
    entries.push({
      uid: `${key}/commitment/${id}@partnership`,
      day: due,
      summary: `${id} due: ${c.str('summary') ?? ''}`.trim(),
      description: `${title}. ${who ? `${who}. ` : ''}Status ${status}.`,
      kind: 'commitment',
      line: c.anchorRange().start.line,
    });
  }
  model.milestones.forEach((m, i) => {
    const due = m.day('due');
    if (due === undefined || m.str('status') === 'delivered') return;
    const id = m.str('id') ?? `#${i + 1}`;
    entries.push({ uid: `${key}/milestone/${id}@partnership`, day: due, summary: `Milestone: ${m.str('name') ?? id}`, description: `${title}.`, kind: 'milestone', line: m.anchorRange().start.line });
  });
  for (const m of model.meetings) {
    const day = m.day('date');
    const kind = m.str('kind') ?? 'meeting';
    if (day === undefined || day < today) continue;
    entries.push({
      uid: `${key}/meeting/${formatDay(day)}-${kind}@partnership`,
      day,
      summary: `${kind[0].toUpperCase()}${kind.slice(1)} meeting: ${name}`,
      description: `${title}.${m.str('agenda') ? ` Agenda: ${m.str('agenda')}.` : ''}`,
      kind: 'meeting',
      line: m.anchorRange().start.line,
    });
  }
  const report = nextStatusReport(model);
  if (report) entries.push({ uid: `${key}/status-report@partnership`, day: report.day, summary: `Status report due: ${name}`, description: `${title}. ${report.why}.`, kind: 'status-report', line: report.line });
  const review = nextReview(model);
  if (review) entries.push({ uid: `${key}/review@partnership`, day: review.day, summary: `Review meeting due: ${name}`, description: `${title}. ${review.why}.`, kind: 'review', line: review.line });
  return entries.sort((a, b) => a.day - b.day || a.uid.localeCompare(b.uid));
}
