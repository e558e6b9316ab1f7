// A customer-side person we have not been in touch with for longer than their contactEvery cadence
// (by the later of lastContact and the held meetings they attended) — and a customer decision
// maker or sponsor with no contactEvery at all: nobody decided how often to talk to them.
import { formatDay, plural } from '../dates';
import { setScalar } from '../edits';
import { quickFix, Rule } from './rule';

/** The cadence the quick fix proposes; the person changes it if another suits. */
export const DEFAULT_CONTACT_CADENCE = 'monthly';

export const contactStale: Rule = {
  id: 'contact-stale',
  check(ctx) {
    for (const f of ctx.facts.contacts) {
      const p = f.p;
      const name = p.str('name') ?? p.str('id') ?? 'A customer contact';
      if (f.needsCadence) {
        const dm = p.bool('decisionMaker') === true;
        const role = dm && p.bool('sponsor') === true ? 'a decision maker and sponsor' : dm ? 'a decision maker' : 'a sponsor';
        const range = p.valueRange('id') ?? p.valueRange('name');
        if (range) {
          ctx.report(
            range,
            `${name}, ${role} on the customer side, has no contactEvery: decide how often to stay in touch`,
            () => quickFix(`Add contactEvery: ${DEFAULT_CONTACT_CADENCE}`, [setScalar(ctx.pd, p.node, 'contactEvery', DEFAULT_CONTACT_CADENCE)], true),
          );
        }
        continue;
      }
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
