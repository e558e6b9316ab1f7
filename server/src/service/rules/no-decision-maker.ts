// No customer-side person has decisionMaker: true.
import { Rule } from './rule';

export const noDecisionMaker: Rule = {
  id: 'no-decision-maker',
  check(ctx) {
    const root = ctx.model.root;
    if (!root || !root.has('partnership')) return;
    const customerSide = ctx.model.people.filter((p) => p.str('side') === 'customer');
    if (customerSide.some((p) => p.bool('decisionMaker') === true || p.invalid('decisionMaker') || p.has('decisionMaker') && p.bool('decisionMaker') === undefined)) return;
    const customer = ctx.model.customerName();
    const range = root.keyRange('people') ?? root.keyRange('partnership')!;
    const only = customerSide.length === 1 ? customerSide[0].str('name') ?? customerSide[0].str('id') : undefined;
    const who =
      customerSide.length === 0
        ? `No one from ${customer} is listed under people`
        : only !== undefined
          ? `${only}, the only person listed for ${customer}, is not marked decisionMaker: true`
          : `None of the ${customerSide.length} people listed for ${customer} is marked decisionMaker: true`;
    ctx.report(range, `${who}: record who can decide and obtain resources on the customer side`);
  },
};
