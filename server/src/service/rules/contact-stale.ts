// A customer-side person we have not been in touch with for longer than their contactEvery cadence
// (by the later of lastContact and the held meetings they attended).
import { formatDay, plural } from '../dates';
import { Rule } from './rule';

export const contactStale: Rule = {
  id: 'contact-stale',
  check(ctx) {
    for (const f of ctx.facts.contacts) {
      const p = f.p;
      const name = p.str('name') ?? p.str('id') ?? 'A customer contact';
      const c = f.cadence;
      if (!c) continue;
      if (f.never) {
        ctx.report(p.valueRange('contactEvery')!, `${name} should be contacted ${c.cadence}, but no lastContact is recorded`);
        continue;
      }
      if (c.overdueDays === 0) continue;
      const range = c.field !== undefined ? p.valueRange('lastContact')! : p.valueRange('contactEvery')!;
      ctx.report(
        range,
        `No contact with ${name} for ${plural(ctx.today - c.last!, 'day')} (last ${formatDay(c.last!)}); agreed ${c.cadence}, so the next contact was due ${formatDay(c.next!)}`,
      );
    }
  },
};
