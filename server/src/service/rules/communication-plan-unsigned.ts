// The communication plan has no sign-off, or was signed by someone not on the customer side.
import { Rule } from './rule';

export const communicationPlanUnsigned: Rule = {
  id: 'communication-plan-unsigned',
  check(ctx) {
    const root = ctx.model.root;
    const plan = ctx.model.communication;
    if (!root || !plan) return; // a missing plan is communication-plan-missing's
    const customer = ctx.model.customerName();
    const signed = plan.obj('signedOff');
    if (!plan.has('signedOff')) {
      ctx.report(root.keyRange('communication')!, `Nobody at ${customer} has signed off the communication plan: agree it with a customer decision maker and record signedOff`);
      return;
    }
    if (signed && !signed.has('by')) {
      ctx.report(plan.keyRange('signedOff')!, `The communication plan's signedOff does not say who signed it: record who at ${customer} agreed to it in 'by'`);
      return;
    }
    const by = signed?.ref('by');
    if (!by || !ctx.model.personById.has(by.id)) return; // schema or unknown-reference reports it
    const side = ctx.model.side(by.id);
    if (side === 'customer') return;
    if (side === undefined && ctx.model.personById.get(by.id)!.has('side')) return; // an invalid side is the schema's
    const name = ctx.model.personName(by.id);
    ctx.report(by.range, `The communication plan was signed off by ${name} (${by.id}), who is ${side === 'ours' ? 'on our side' : 'not on the customer side'}: the sign-off must come from ${customer}`);
  },
};
