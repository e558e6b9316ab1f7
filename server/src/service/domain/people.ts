// Who is who in the relationship, judged once: the customer's leaders, our escalation contacts and
// our lead. A person named in `escalation` or `lead` counts only when they are on our side
// (`wrong-side` reports the others); an id that `people:` does not define counts for nobody.
import type { Obj, PartnershipModel } from '../model';
import type { Day } from '../types';

/** The customer's decision makers and sponsors, in file order. */
export function customerLeaders(model: PartnershipModel): { decisionMakers: Obj[]; sponsors: Obj[] } {
  const decisionMakers: Obj[] = [];
  const sponsors: Obj[] = [];
  for (const p of model.people) {
    if (p.str('side') !== 'customer') continue;
    if (p.bool('decisionMaker')) decisionMakers.push(p);
    if (p.bool('sponsor')) sponsors.push(p);
  }
  return { decisionMakers, sponsors };
}

/** Our escalation contacts' ids: defined, on our side, each once, in plan order. */
export function ourEscalation(model: PartnershipModel): string[] {
  const ids = model.communication?.refs('escalation').map((r) => r.id) ?? [];
  return [...new Set(ids.filter((id) => model.side(id) === 'ours'))];
}

/** `partnership.lead` when it names one of our people. */
export function ourLead(model: PartnershipModel): string | undefined {
  const id = model.partnership?.ref('lead')?.id;
  return id !== undefined && model.side(id) === 'ours' ? id : undefined;
}

/** Who signed the communication plan off, as `communication-plan-unsigned` judges it. */
export type PlanSignOff =
  | { state: 'no-plan' }
  /** No `signedOff`, or one that does not say `by` whom. */
  | { state: 'missing'; hasSignedOff: boolean }
  /** `by` names nobody in `people:`, or someone whose side is invalid: other problems' (unknown-reference, schema). */
  | { state: 'unknown'; by: string }
  /** Signed by someone not on the customer side. */
  | { state: 'wrong-side'; by: string; side?: 'ours' }
  | { state: 'signed'; by: string; on?: Day };

export function planSignOff(model: PartnershipModel): PlanSignOff {
  const plan = model.communication;
  if (!plan) return { state: 'no-plan' };
  const signed = plan.obj('signedOff');
  const by = signed?.ref('by');
  if (!plan.has('signedOff') || (signed && !signed.has('by'))) return { state: 'missing', hasSignedOff: plan.has('signedOff') };
  if (!by || !model.personById.has(by.id)) return { state: 'unknown', by: by?.id ?? '' };
  const side = model.side(by.id);
  if (side === 'customer') return { state: 'signed', by: by.id, on: signed!.day('on') };
  if (side === undefined && model.personById.get(by.id)!.has('side')) return { state: 'unknown', by: by.id };
  return { state: 'wrong-side', by: by.id, side };
}
