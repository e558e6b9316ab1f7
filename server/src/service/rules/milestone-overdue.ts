// A milestone still planned (or without status) after its due date.
import { formatDay, plural } from '../dates';
import { replaceScalar } from '../edits';
import { itemLabel, quickFix, Rule } from './rule';

export const milestoneOverdue: Rule = {
  id: 'milestone-overdue',
  check(ctx) {
    for (const f of ctx.facts.milestones) {
      if (!f.overdue) continue;
      const label = itemLabel(f.m.str('id'), f.m.str('name'));
      const status = f.m.pair('status')?.value;
      ctx.report(
        f.m.valueRange('due')!,
        `${label} is ${plural(f.daysLate, 'day')} past its due date (${formatDay(f.due!)}) and still ${f.status ?? 'without a status'}: mark it delivered, or slipped and tell the customer`,
        () => status ? quickFix(`Mark ${f.m.str('id') ?? 'the milestone'} slipped`, [replaceScalar(ctx.pd, status, 'slipped')]) : [],
      );
    }
  },
};
