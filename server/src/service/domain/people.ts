// Who is who in the relationship, judged once: the customer's leaders, our escalation contacts and
// our lead. A person named in `escalation` or `lead` counts only when they are on our side
// (`wrong-side` reports the others); an id that `people:` does not define counts for nobody.
import type { Obj, PartnershipModel } from '../model';

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
