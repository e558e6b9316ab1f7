// An open concern with no response, raised more than concernResponseDays ago.
import { formatDay, plural } from '../dates';
import type { Obj } from '../model';
import type { Day } from '../types';
import { itemLabel, Rule } from './rule';

/** Days an open concern has gone without a response since it was raised; undefined when it is answered, closed or undated. */
export function daysUnanswered(k: Obj, today: Day): number | undefined {
  const raised = k.day('raised');
  if (k.str('status') !== 'open' || raised === undefined || k.has('response')) return undefined;
  return today - raised;
}

export const concernUnanswered: Rule = {
  id: 'concern-unanswered',
  check(ctx) {
    for (const k of ctx.model.concerns) {
      const age = daysUnanswered(k, ctx.today);
      if (age === undefined || age <= ctx.config.concernResponseDays) continue;
      const raised = k.day('raised')!;
      const by = ctx.model.personName(k.str('by'));
      const label = itemLabel(k.str('id'), k.str('summary'));
      ctx.report(
        k.anchorRange(),
        `${label}${by ? `, raised by ${by},` : ''} has had no response for ${plural(age, 'day')} (raised ${formatDay(raised)})`,
      );
    }
  },
};
