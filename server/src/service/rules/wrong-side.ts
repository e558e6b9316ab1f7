// A person field naming someone on the wrong side of the relationship.
import type { Ref } from '../model';
import { Rule, RuleContext } from './rule';

function sideOf(ctx: RuleContext, ref: Ref): 'customer' | 'ours' | undefined {
  return ctx.model.side(ref.id); // unknown people are unknown-reference's
}

export const wrongSide: Rule = {
  id: 'wrong-side',
  check(ctx) {
    const m = ctx.model;
    const customer = m.customerName();
    const plan = m.communication;
    const lead = m.partnership?.ref('lead');
    if (lead && sideOf(ctx, lead) === 'customer') {
      ctx.report(lead.range, `The partnership lead ${m.personName(lead.id)} is on ${customer}'s side: the lead keeps this relationship for us, name one of our people`);
    }
    for (const g of m.goals) {
      const by = g.ref('definedBy');
      if (by && sideOf(ctx, by) === 'ours') {
        ctx.report(by.range, `${g.str('id') ?? 'The goal'} is defined by ${m.personName(by.id)}, who is on our side: the customer sets the measure of success, name who at ${customer} defined it`);
      }
    }
    for (const ref of plan?.refs('escalation') ?? []) {
      if (sideOf(ctx, ref) === 'customer') {
        ctx.report(ref.range, `The escalation contact ${m.personName(ref.id)} is on ${customer}'s side: escalation goes to our own people`);
      }
    }
    const report = plan?.obj('statusReport');
    const audience = report?.refs('audience') ?? [];
    // Only when every name is known to be ours: an unknown person or side is another rule's (or the schema's).
    if (audience.length > 0 && audience.every((r) => sideOf(ctx, r) === 'ours')) {
      ctx.report(report!.valueRange('audience')!, `The status report's audience names nobody at ${customer}: a status report is for the customer`);
    }
  },
};
