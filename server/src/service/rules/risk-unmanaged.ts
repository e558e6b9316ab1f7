// An open risk that is likely or would hurt, with nobody owning it or no plan against it.
import { riskUnmanaged } from '../domain';
import { itemLabel, Rule } from './rule';

export const riskUnmanagedRule: Rule = {
  id: 'risk-unmanaged',
  check(ctx) {
    for (const r of ctx.model.risks) {
      const u = riskUnmanaged(r);
      if (!u) continue;
      const high = [r.str('likelihood') === 'high' ? 'likely' : undefined, r.str('impact') === 'high' ? 'high-impact' : undefined].filter(Boolean).join(', ');
      const missing = u.missing.length === 2 ? 'no owner and no mitigation' : `no ${u.missing[0]}`;
      ctx.report(r.anchorRange(), `${itemLabel(r.str('id'), r.str('summary'))} is open and ${high} but has ${missing}`);
    }
  },
};
