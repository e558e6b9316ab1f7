// A person id used in a reference field that no entry under `people` defines.
import type { Obj, Ref } from '../model';
import { closest, didYouMean } from '../suggest';
import type { Fix } from '../types';
import { Rule, RuleContext } from './rule';

/** Every place a person id may appear: the item, the field, and whether the field is a list. */
export function* personReferences(ctx: Pick<RuleContext, 'model'>): Generator<{ field: string; ref: Ref }> {
  const m = ctx.model;
  const single = function* (items: Obj[], ...keys: string[]) {
    for (const item of items) for (const key of keys) {
      const ref = item.ref(key);
      if (ref) yield { field: key, ref };
    }
  };
  const many = function* (item: Obj | undefined, key: string) {
    if (item) for (const ref of item.refs(key)) yield { field: key, ref };
  };
  yield* single(m.goals, 'definedBy');
  yield* single(m.commitments, 'owner', 'to');
  yield* single(m.concerns, 'by', 'owner');
  yield* single(m.risks, 'owner');
  const plan = m.communication;
  yield* many(plan?.obj('statusReport'), 'audience');
  yield* many(plan, 'escalation');
  const signed = plan?.obj('signedOff');
  if (signed) yield* single([signed], 'by');
  for (const meeting of m.meetings) yield* many(meeting, 'attendees');
}

const ID_PATTERN = /^[A-Za-z][A-Za-z0-9_.-]*$/;

export const unknownReference: Rule = {
  id: 'unknown-reference',
  check(ctx) {
    const known = ctx.model.personById;
    for (const { field, ref } of personReferences(ctx)) {
      if (known.has(ref.id) || !ID_PATTERN.test(ref.id)) continue; // malformed ids are the schema's
      const suggestion = closest(ref.id, known.keys());
      const fixes: Fix[] = suggestion
        ? [{ title: `Change '${ref.id}' to '${suggestion}' (${ctx.model.personName(suggestion)})`, kind: 'quickfix', isPreferred: true, edits: [{ range: ref.range, newText: suggestion }] }]
        : [];
      ctx.report(ref.range, `Unknown person '${ref.id}' in ${field}${didYouMean(suggestion)}`, fixes);
    }
  },
};
