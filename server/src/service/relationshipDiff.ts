// What a change did to the relationship: two versions of one partnership file compared by what
// they record (commitments, concerns, health, people, the communication plan, milestones), not by
// their lines. The reviewer's `partnership diff` formats this list.
import type { Obj } from './model';
import { PartnershipModel } from './model';
import { ParsedDocument } from './document';
import type { Range } from './types';

export type ChangeKind =
  | 'commitment-added'
  | 'commitment-done'
  | 'commitment-dropped'
  | 'commitment-reopened'
  | 'commitment-moved'
  | 'commitment-removed'
  | 'concern-raised'
  | 'concern-answered'
  | 'concern-reopened'
  | 'concern-removed'
  | 'health-changed'
  | 'person-added'
  | 'person-removed'
  | 'person-changed'
  | 'plan-changed'
  | 'milestone-added'
  | 'milestone-changed';

export interface RelationshipChange {
  kind: ChangeKind;
  /** The id the change is about (C-12, K-1, jdoe), when it has one. */
  id?: string;
  message: string;
  /** 'warning' when the change itself deserves a reviewer's attention (a silent slip, a promise deleted). */
  severity: 'info' | 'warning';
  /** Where to look: in the new version, or in the old one for what was removed. */
  range: Range;
  inBase: boolean;
}

const quote = (s: string | undefined) => (s ? ` '${s}'` : '');

function byId(items: Obj[], key = 'id'): Map<string, Obj> {
  const map = new Map<string, Obj>();
  for (const item of items) {
    const id = item.str(key);
    if (id !== undefined && !map.has(id)) map.set(id, item);
  }
  return map;
}

function rangeOf(o: Obj, key?: string): Range {
  return (key && (o.valueRange(key) ?? o.keyRange(key))) || o.anchorRange();
}

/** Compare two versions of a partnership file; either may be missing (a file added or deleted). */
export function relationshipChanges(baseText: string | undefined, headText: string | undefined): RelationshipChange[] {
  const base = baseText === undefined ? undefined : new PartnershipModel(new ParsedDocument(baseText));
  const head = headText === undefined ? undefined : new PartnershipModel(new ParsedDocument(headText));
  const changes: RelationshipChange[] = [];
  const add = (c: Omit<RelationshipChange, 'inBase'> & { inBase?: boolean }) => changes.push({ inBase: false, ...c });
  const name = (m: PartnershipModel | undefined, id: string | undefined) => (id ? (m?.personName(id) ?? id) : undefined);

  // Commitments.
  const baseC = byId(base?.commitments ?? []);
  const headC = byId(head?.commitments ?? []);
  for (const [id, h] of headC) {
    const b = baseC.get(id);
    const summary = quote(h.str('summary'));
    if (!b) {
      const parts = [h.str('owner') && `owner ${name(head, h.str('owner'))}`, h.str('to') && `promised to ${name(head, h.str('to'))}`, h.str('due') && `due ${h.str('due')}`].filter(Boolean);
      add({ kind: 'commitment-added', id, severity: 'info', range: rangeOf(h, 'id'), message: `${id}${summary} added${parts.length ? `: ${parts.join(', ')}` : ''}` });
      continue;
    }
    const before = b.str('status');
    const after = h.str('status');
    if (before !== after) {
      if (after === 'done') {
        const completed = h.str('completed');
        add({ kind: 'commitment-done', id, severity: 'info', range: rangeOf(h, 'status'), message: `${id}${summary} done${completed ? ` on ${completed}` : ''}${h.str('due') ? ` (due ${h.str('due')})` : ''}` });
      } else if (after === 'dropped') {
        add({ kind: 'commitment-dropped', id, severity: 'info', range: rangeOf(h, 'status'), message: `${id}${summary} dropped` });
      } else if ((before === 'done' || before === 'dropped') && (after === 'open' || after === 'in-progress')) {
        add({ kind: 'commitment-reopened', id, severity: 'info', range: rangeOf(h, 'status'), message: `${id}${summary} reopened: ${before} → ${after}` });
      }
    }
    const fromDue = b.str('due');
    const toDue = h.str('due');
    if (fromDue && toDue && fromDue !== toDue) {
      const recorded = h.list('history').length > b.list('history').length && h.list('history').some((e) => e.str('to') === toDue);
      add({
        kind: 'commitment-moved',
        id,
        severity: recorded ? 'info' : 'warning',
        range: rangeOf(h, 'due'),
        message: recorded
          ? `${id}${summary} moved from ${fromDue} to ${toDue} (recorded in history)`
          : `${id}${summary} moved from ${fromDue} to ${toDue} without a history entry: record the renegotiation (on, from, to, reason) in history`,
      });
    }
  }
  for (const [id, b] of baseC) {
    if (headC.has(id)) continue;
    const status = b.str('status');
    const open = status === 'open' || status === 'in-progress';
    add({
      kind: 'commitment-removed',
      id,
      severity: open ? 'warning' : 'info',
      range: rangeOf(b, 'id'),
      inBase: true,
      message: open ? `${id}${quote(b.str('summary'))} removed from the file while ${status}: mark it done or dropped instead, so the record stays` : `${id}${quote(b.str('summary'))} removed from the file (it was ${status ?? 'without a status'})`,
    });
  }

  // Concerns.
  const baseK = byId(base?.concerns ?? []);
  const headK = byId(head?.concerns ?? []);
  for (const [id, h] of headK) {
    const b = baseK.get(id);
    const summary = quote(h.str('summary'));
    if (!b) {
      const by = name(head, h.str('by'));
      add({ kind: 'concern-raised', id, severity: 'info', range: rangeOf(h, 'id'), message: `${id}${summary} raised${by ? ` by ${by}` : ''}${h.str('severity') ? ` (severity ${h.str('severity')})` : ''}` });
      continue;
    }
    const answeredBefore = b.filled('response') || b.str('status') !== 'open';
    const answeredAfter = h.filled('response') || h.str('status') !== 'open';
    if (!answeredBefore && answeredAfter) {
      add({ kind: 'concern-answered', id, severity: 'info', range: rangeOf(h, h.filled('response') ? 'response' : 'status'), message: `${id}${summary} answered${h.str('respondedOn') ? ` on ${h.str('respondedOn')}` : ''}${h.str('status') !== 'open' ? ` (${h.str('status')})` : ''}` });
    } else if (b.str('status') !== 'open' && h.str('status') === 'open') {
      add({ kind: 'concern-reopened', id, severity: 'info', range: rangeOf(h, 'status'), message: `${id}${summary} reopened` });
    }
  }
  for (const [id, b] of baseK) {
    if (headK.has(id)) continue;
    const open = b.str('status') === 'open';
    add({ kind: 'concern-removed', id, severity: open ? 'warning' : 'info', range: rangeOf(b, 'id'), inBase: true, message: `${id}${quote(b.str('summary'))} removed from the file${open ? ' while open: close it with a response instead' : ''}` });
  }

  // Health.
  const bh = base?.health;
  const hh = head?.health;
  if (hh && (bh?.str('status') !== hh.str('status') || bh?.str('trend') !== hh.str('trend'))) {
    const from = bh ? `${bh.str('status') ?? '?'}${bh.str('trend') ? ` (${bh.str('trend')})` : ''}` : 'not assessed';
    const to = `${hh.str('status') ?? '?'}${hh.str('trend') ? ` (${hh.str('trend')})` : ''}`;
    add({ kind: 'health-changed', severity: 'info', range: rangeOf(hh, 'status'), message: `Health ${from} → ${to}${hh.str('assessed') ? `, assessed ${hh.str('assessed')}` : ''}` });
  }

  // People.
  const baseP = byId(base?.people ?? []);
  const headP = byId(head?.people ?? []);
  for (const [id, h] of headP) {
    const b = baseP.get(id);
    const who = `${h.str('name') ?? id} (${id})`;
    if (!b) {
      const role = [h.str('side') === 'customer' ? 'customer' : h.str('side') === 'ours' ? 'ours' : undefined, h.bool('decisionMaker') ? 'decision maker' : undefined].filter(Boolean).join(', ');
      add({ kind: 'person-added', id, severity: 'info', range: rangeOf(h, 'id'), message: `${who} added${role ? `: ${role}` : ''}` });
    } else if (!!b.bool('decisionMaker') !== !!h.bool('decisionMaker')) {
      add({ kind: 'person-changed', id, severity: 'info', range: rangeOf(h, 'decisionMaker'), message: `${who} ${h.bool('decisionMaker') ? 'is now' : 'is no longer'} a decision maker` });
    }
  }
  for (const [id, b] of baseP) {
    if (!headP.has(id)) add({ kind: 'person-removed', id, severity: 'info', range: rangeOf(b, 'id'), inBase: true, message: `${b.str('name') ?? id} (${id}) removed` });
  }

  // The communication plan.
  const bc = base?.communication;
  const hc = head?.communication;
  if (hc || bc) {
    const plan = (c: Obj | undefined) => ({
      report: c?.obj('statusReport')?.str('cadence'),
      review: c?.obj('reviewMeeting')?.str('cadence'),
      signedBy: c?.obj('signedOff')?.str('by'),
    });
    const pb = plan(bc);
    const ph = plan(hc);
    const where = hc ? rangeOf(hc) : rangeOf(bc!);
    if (pb.report !== ph.report) add({ kind: 'plan-changed', severity: 'info', range: (hc?.obj('statusReport') && rangeOf(hc.obj('statusReport')!, 'cadence')) || where, message: `Status report cadence ${pb.report ?? 'none'} → ${ph.report ?? 'none'}` });
    if (pb.review !== ph.review) add({ kind: 'plan-changed', severity: 'info', range: (hc?.obj('reviewMeeting') && rangeOf(hc.obj('reviewMeeting')!, 'cadence')) || where, message: `Review meeting cadence ${pb.review ?? 'none'} → ${ph.review ?? 'none'}` });
    if (pb.signedBy !== ph.signedBy) {
      add({
        kind: 'plan-changed',
        severity: 'info',
        range: (hc?.obj('signedOff') && rangeOf(hc.obj('signedOff')!, 'by')) || where,
        message: ph.signedBy ? `Communication plan signed off by ${name(head, ph.signedBy)}${hc?.obj('signedOff')?.str('on') ? ` on ${hc.obj('signedOff')!.str('on')}` : ''}` : 'Communication plan sign-off removed',
      });
    }
  }

  // Milestones.
  const baseM = byId(base?.milestones ?? []);
  for (const [id, h] of byId(head?.milestones ?? [])) {
    const b = baseM.get(id);
    const label = `${id}${quote(h.str('name'))}`;
    if (!b) add({ kind: 'milestone-added', id, severity: 'info', range: rangeOf(h, 'id'), message: `Milestone ${label} added, due ${h.str('due') ?? '?'}` });
    else if (b.str('status') !== h.str('status')) add({ kind: 'milestone-changed', id, severity: 'info', range: rangeOf(h, 'status'), message: `Milestone ${label} ${b.str('status') ?? 'planned'} → ${h.str('status') ?? 'planned'}` });
    else if (b.str('due') !== h.str('due')) add({ kind: 'milestone-changed', id, severity: 'info', range: rangeOf(h, 'due'), message: `Milestone ${label} moved from ${b.str('due') ?? '?'} to ${h.str('due') ?? '?'}` });
  }
  return changes;
}
