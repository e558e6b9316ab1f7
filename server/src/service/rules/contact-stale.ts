// A customer-side person we have not been in touch with for longer than their contactEvery cadence.
import { addCadence, formatDay, isCadence, plural } from '../dates';
import { Rule } from './rule';

export const contactStale: Rule = {
  id: 'contact-stale',
  check(ctx) {
    for (const p of ctx.model.people) {
      const cadence = p.str('contactEvery');
      if (p.str('side') !== 'customer' || !isCadence(cadence)) continue;
      const name = p.str('name') ?? p.str('id') ?? 'A customer contact';
      if (!p.has('lastContact')) {
        ctx.report(p.valueRange('contactEvery')!, `${name} should be contacted ${cadence}, but no lastContact is recorded`);
        continue;
      }
      const last = p.day('lastContact');
      if (last === undefined) continue;
      const next = addCadence(last, cadence);
      if (next >= ctx.today) continue;
      ctx.report(
        p.valueRange('lastContact')!,
        `No contact with ${name} for ${plural(ctx.today - last, 'day')} (last ${formatDay(last)}); agreed ${cadence}, so the next contact was due ${formatDay(next)}`,
      );
    }
  },
};
