// An open concern with no response for longer than its severity's response window (concernResponseDays).
import { formatDay, plural } from '../dates';
import { itemLabel, Rule } from './rule';

export const concernUnanswered: Rule = {
  id: 'concern-unanswered',
  check(ctx) {
    for (const f of ctx.facts.concerns) {
      if (!f.overdue) continue;
      const k = f.k;
      const by = ctx.model.personName(k.str('by'));
      const label = itemLabel(k.str('id'), k.str('summary'));
      ctx.report(
        k.anchorRange(),
        `${label}${by ? `, raised by ${by},` : ''} has had no response for ${plural(f.daysUnanswered!, 'day')} (raised ${formatDay(f.raised!)})`,
      );
    }
  },
};
