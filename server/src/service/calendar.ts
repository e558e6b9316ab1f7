// The dates a partnership file promises, as calendar entries: open commitments' due dates,
// milestones ahead, meetings planned from today on, and the next status report and review. Each
// entry has a UID made of the partnership and the item's id, so importing the calendar again
// updates the entries instead of adding copies. The CLI turns these into iCalendar.
import { formatDay } from './dates';
import type { ParsedDocument } from './document';
import { partnershipFileStem } from './generate/starter';
import { PartnershipModel } from './model';
import { factsOf } from './domain';
import type { Day, PartnershipConfig } from './types';

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
export function calendarEntries(pd: ParsedDocument, fileName: string, today: Day, config?: PartnershipConfig): CalendarEntry[] {
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
  // The next report and review as the rules judge them: from the best evidence (the meeting log
  // too), on working days for a daily cadence.
  const facts = factsOf(model, today, config);
  const plan = model.communication;
  const report = facts.statusReport();
  if (report?.next !== undefined && report.last !== undefined) {
    const line = plan?.obj('statusReport')?.anchorRange().start.line ?? 0;
    entries.push({ uid: `${key}/status-report@partnership`, day: report.next, summary: `Status report due: ${name}`, description: `${title}. ${capitalised(report.cadence)}, last sent ${formatDay(report.last)}.`, kind: 'status-report', line });
  }
  const review = facts.reviewMeeting();
  if (review?.next !== undefined && review.last !== undefined) {
    const line = plan?.obj('reviewMeeting')?.anchorRange().start.line ?? 0;
    entries.push({ uid: `${key}/review@partnership`, day: review.next, summary: `Review meeting due: ${name}`, description: `${title}. ${capitalised(review.cadence)}, last held ${formatDay(review.last)}.`, kind: 'review', line });
  }
  return entries.sort((a, b) => a.day - b.day || a.uid.localeCompare(b.uid));
}

function capitalised(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
