// The communication plan has no sign-off, or was signed by someone not on the customer side.
import { planSignOff } from '../domain/people';
import { Rule } from './rule';

export const communicationPlanUnsigned: Rule = {
  id: 'communication-plan-unsigned',
  check(ctx) {
    const root = ctx.model.root;
    const plan = ctx.model.communication;
    const sign = planSignOff(ctx.model);
    if (!root || !plan) return; // a missing plan is communication-plan-missing's
    const customer = ctx.model.customerName();
    if (sign.state === 'missing' && !sign.hasSignedOff) {
      ctx.report(root.keyRange('communication')!, `Nobody at ${customer} has signed off the communication plan: agree it with a customer decision maker and record signedOff`);
    } else if (sign.state === 'missing') {
      ctx.report(plan.keyRange('signedOff')!, `The communication plan's signedOff does not say who signed it: record who at ${customer} agreed to it in 'by'`);
    } else if (sign.state === 'wrong-side') {
      // unknown: schema or unknown-reference reports it
      const by = plan.obj('signedOff')!.ref('by')!;
      const name = ctx.model.personName(by.id);
      ctx.report(by.range, `The communication plan was signed off by ${name} (${by.id}), who is ${sign.side === 'ours' ? 'on our side' : 'not on the customer side'}: the sign-off must come from ${customer}`);
    }
  },
};
