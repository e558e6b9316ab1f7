// An open or in-progress commitment that names no owner.
import { ACTIVE_STATUSES } from './commitment-overdue';
import { itemLabel, Rule } from './rule';

export const commitmentUnowned: Rule = {
  id: 'commitment-unowned',
  check(ctx) {
    for (const c of ctx.model.commitments) {
      const status = c.str('status');
      if (!status || !ACTIVE_STATUSES.has(status) || c.has('owner')) continue;
      ctx.report(c.anchorRange(), `${itemLabel(c.str('id'), c.str('summary'))} is ${status} and has no owner: name the person responsible for it`);
    }
  },
};
