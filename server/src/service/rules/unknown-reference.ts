// A person id used in a reference field that no entry under `people` defines.
import { flowId, replaceScalar } from '../edits';
import { personReferences } from '../model';
import { didYouMean, Suggester } from '../suggest';
import { quickFix, Rule, RuleContext } from './rule';

const ID_PATTERN = /^[A-Za-z][A-Za-z0-9_.-]*$/;

export const unknownReference: Rule = {
  id: 'unknown-reference',
  check(ctx) {
    const known = ctx.model.personById;
    const suggester = new Suggester(known.keys());
    for (const { field, ref } of personReferences(ctx)) {
      if (known.has(ref.id) || !ID_PATTERN.test(ref.id)) continue; // malformed ids are the schema's
      const suggestion = suggester.closest(ref.id);
      // Without a suggestion there is no fix (and no `data` on the diagnostic).
      const fixes = suggestion ? () => quickFix(`Change '${ref.id}' to '${suggestion}' (${ctx.model.personName(suggestion)})`, [replaceScalar(ctx.pd, ref.node, flowId(suggestion))], true) : undefined;
      ctx.report(ref.range, `Unknown person '${ref.id}' in ${field}${didYouMean(suggestion)}`, fixes);
    }
  },
};
