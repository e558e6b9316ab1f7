// An open or in-progress commitment due within `dueSoonDays` (today counts as due soon).
import { formatDay, plural } from '../dates';
import { ACTIVE_STATUSES, commitmentLabel } from './commitment-overdue';
import { Rule } from './rule';

export const commitmentDueSoon: Rule = {
  id: 'commitment-due-soon',
  check(ctx) {
    const horizon = ctx.today + ctx.config.dueSoonDays;
    for (const c of ctx.model.commitments) {
      const status = c.str('status');
      const due = c.day('due');
      if (!status || !ACTIVE_STATUSES.has(status) || due === undefined || due < ctx.today || due > horizon) continue;
      const left = due - ctx.today;
      const when = left === 0 ? 'today' : left === 1 ? 'tomorrow' : `in ${plural(left, 'day')}`;
      ctx.report(c.valueRange('due')!, `${commitmentLabel(ctx, c)} is due ${when} (${formatDay(due)})`);
    }
  },
};
