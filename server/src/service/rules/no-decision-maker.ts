// No customer-side person has decisionMaker: true.
import { isSeq, Node } from '../document';
import { Rule } from './rule';

function isEmptyList(v: Node | null | undefined): boolean {
  return isSeq(v) && v.items.length === 0;
}

export const noDecisionMaker: Rule = {
  id: 'no-decision-maker',
  check(ctx) {
    const root = ctx.model.root;
    if (!root || !root.has('partnership')) return;
    // People the schema rejected (a misspelt side, a non-boolean decisionMaker, a section that is
    // not a list) are unknowns, not evidence: the schema already reports them.
    const peopleValue = root.pair('people')?.value;
    if (root.has('people') && peopleValue !== undefined && ctx.model.people.length === 0 && !isEmptyList(peopleValue)) return;
    if (ctx.model.people.some((p) => p.has('side') && p.str('side') !== 'customer' && p.str('side') !== 'ours')) return;
    const customerSide = ctx.model.people.filter((p) => p.str('side') === 'customer');
    if (customerSide.some((p) => p.bool('decisionMaker') === true || (p.has('decisionMaker') && p.bool('decisionMaker') === undefined))) return;
    const customer = ctx.model.customerName();
    // 'partnership' may be present only under a misspelling the schema reported: point at the first key then.
    const range = root.keyRange('people') ?? root.keyRange('partnership') ?? root.anchorRange();
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
