// A goal with no metric or no target cannot be measured in the customer's terms.
import { itemLabel, Rule } from './rule';

export const goalWithoutMetric: Rule = {
  id: 'goal-without-metric',
  check(ctx) {
    for (const g of ctx.model.goals) {
      const hasMetric = g.filled('metric');
      const hasTarget = g.filled('target');
      if (hasMetric && hasTarget) continue;
      const missing = !hasMetric && !hasTarget ? 'no metric and no target' : !hasMetric ? 'no metric' : 'no target';
      ctx.report(g.anchorRange(), `Goal ${itemLabel(g.str('id'), g.str('statement'))} has ${missing}: say how ${ctx.model.customerName()} will measure it`);
    }
  },
};
