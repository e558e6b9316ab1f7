// An open concern with no response, raised more than concernResponseDays ago.
import { formatDay, plural } from '../dates';
import { itemLabel, Rule } from './rule';

export const concernUnanswered: Rule = {
  id: 'concern-unanswered',
  check(ctx) {
    for (const k of ctx.model.concerns) {
      const raised = k.day('raised');
      if (k.str('status') !== 'open' || raised === undefined || k.has('response')) continue;
      const age = ctx.today - raised;
      if (age <= ctx.config.concernResponseDays) continue;
      const by = ctx.model.personName(k.str('by'));
      const label = itemLabel(k.str('id'), k.str('summary'));
      ctx.report(
        k.anchorRange(),
        `${label}${by ? `, raised by ${by},` : ''} has had no response for ${plural(age, 'day')} (raised ${formatDay(raised)})`,
      );
    }
  },
};
