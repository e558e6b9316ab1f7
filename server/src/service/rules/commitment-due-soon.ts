// An open or in-progress commitment due within `dueSoonDays` (today counts as due soon).
import { formatDay, plural } from '../dates';
import { commitmentLabel } from './commitment-overdue';
import { Rule } from './rule';

export const commitmentDueSoon: Rule = {
  id: 'commitment-due-soon',
  check(ctx) {
    for (const f of ctx.facts.commitments) {
      if (f.state !== 'due-soon') continue;
      const left = f.due! - ctx.today;
      const when = left === 0 ? 'today' : left === 1 ? 'tomorrow' : `in ${plural(left, 'day')}`;
      ctx.report(f.c.valueRange('due')!, `${commitmentLabel(ctx, f.c)} is due ${when} (${formatDay(f.due!)})`);
    }
  },
};
