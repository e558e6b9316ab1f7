// A record that says something happened without the detail that records it.
import { itemLabel, Rule } from './rule';

export const recordIncomplete: Rule = {
  id: 'record-incomplete',
  check(ctx) {
    for (const f of ctx.facts.commitments) {
      if (f.status === 'done' && !f.c.has('completed')) {
        ctx.report(f.c.valueRange('status')!, `${itemLabel(f.c.str('id'), f.c.str('summary'))} is done, but no completed date is recorded`);
      }
    }
    for (const f of ctx.facts.milestones) {
      if (f.status === 'delivered' && !f.m.has('delivered')) {
        ctx.report(f.m.valueRange('status')!, `${itemLabel(f.m.str('id'), f.m.str('name'))} is delivered, but no delivered date is recorded`);
      }
    }
    for (const f of ctx.facts.concerns) {
      if ((f.status === 'addressed' || f.status === 'closed') && !f.k.has('response')) {
        ctx.report(f.k.valueRange('status')!, `${itemLabel(f.k.str('id'), f.k.str('summary'))} is ${f.status}, but no response is recorded: write down what was said or done`);
      }
    }
  },
};
