// Facts the status report states and the diagnostics do not: how far each goal is from its target,
// which due dates were moved in a period (with the reasons recorded), which milestones were reached
// in it and which are ahead. Pure, like the rest of the domain layer.
import type { Obj, PartnershipModel } from '../model';
import type { Day } from '../types';
import { milestoneFact, MilestoneFact } from './index';

// ---------------------------------------------------------------------------------------------
// Goals

/** `on-target`: current meets target; `off-target`: it does not; `unknown`: no current value, or the two cannot be compared. */
export type GoalState = 'on-target' | 'off-target' | 'unknown';

export interface GoalFact {
  g: Obj;
  /** Target and current as written (a number or text), undefined when absent. */
  target?: string;
  current?: string;
  state: GoalState;
}

interface Measure {
  value: number;
  /** What follows the number ("%", "hour"), lower-cased, trimmed, singular ("days" and "day" compare). */
  unit: string;
  /** For a target: "under 2 days" / "at least 95%" bound one side; a plain number is a point. */
  bound: 'at-most' | 'at-least' | 'exactly';
}

const AT_MOST = /^(?:<=?|≤|under|below|less than|at most|max(?:imum)?|no more than|up to)\s*/i;
const AT_LEAST = /^(?:>=?|≥|over|above|more than|at least|min(?:imum)?|no less than)\s*/i;

/** "under 2 days" → {2, "days", at-most}; "95%" → {95, "%", exactly}; undefined when no number leads it. */
function measure(value: unknown): Measure | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? { value, unit: '', bound: 'exactly' } : undefined;
  if (typeof value !== 'string') return undefined;
  let text = value.trim();
  let bound: Measure['bound'] = 'exactly';
  if (AT_MOST.test(text)) {
    bound = 'at-most';
    text = text.replace(AT_MOST, '');
  } else if (AT_LEAST.test(text)) {
    bound = 'at-least';
    text = text.replace(AT_LEAST, '');
  }
  const m = /^(-?\d+(?:[.,]\d+)?)\s*(.*)$/.exec(text);
  if (!m) return undefined;
  return { value: Number(m[1].replace(',', '.')), unit: m[2].trim().toLowerCase().replace(/(\w\w)s$/, '$1'), bound };
}

/**
 * A goal against its target. A target written with a direction ("under 2 days", "at least 95%",
 * "≤ 1") is met on that side of it; a plain target ("1", "98%") is met only when the current
 * value equals it. Values in different units are not compared.
 */
export function goalFact(g: Obj): GoalFact {
  const rawTarget = g.scalar('target');
  const rawCurrent = g.scalar('current');
  const target = rawTarget === undefined || rawTarget === null || String(rawTarget).trim() === '' ? undefined : String(rawTarget);
  const current = rawCurrent === undefined || rawCurrent === null || String(rawCurrent).trim() === '' ? undefined : String(rawCurrent);
  const t = measure(rawTarget);
  const c = measure(rawCurrent);
  let state: GoalState = 'unknown';
  if (t && c && c.bound === 'exactly' && (c.unit === t.unit || c.unit === '' || t.unit === '')) {
    const met = t.bound === 'at-most' ? c.value <= t.value : t.bound === 'at-least' ? c.value >= t.value : c.value === t.value;
    state = met ? 'on-target' : 'off-target';
  }
  return { g, target, current, state };
}

export function goalFacts(model: PartnershipModel): GoalFact[] {
  return model.goals.map(goalFact);
}

// ---------------------------------------------------------------------------------------------
// Dates moved

export interface DateMove {
  c: Obj;
  /** The history entry. */
  entry: Obj;
  on: Day;
  from?: Day;
  to?: Day;
  reason?: string;
}

/** History entries recorded (`on`) from `from` to `to` inclusive, oldest first (file order on ties). */
export function datesMovedBetween(model: PartnershipModel, from: Day, to: Day): DateMove[] {
  const out: DateMove[] = [];
  for (const c of model.commitments) {
    for (const entry of c.list('history')) {
      const on = entry.day('on');
      if (on === undefined || on < from || on > to) continue;
      out.push({ c, entry, on, from: entry.day('from'), to: entry.day('to'), reason: entry.str('reason') });
    }
  }
  return out.map((m, i) => ({ m, i })).sort((a, b) => a.m.on - b.m.on || a.i - b.i).map(({ m }) => m);
}

// ---------------------------------------------------------------------------------------------
// Milestones

/** Delivered milestones with a `delivered` date from `from` to `to`, in delivery order. */
export function milestonesReachedBetween(model: PartnershipModel, from: Day, to: Day): { m: Obj; delivered: Day; due?: Day }[] {
  const out: { m: Obj; delivered: Day; due?: Day }[] = [];
  for (const m of model.milestones) {
    const delivered = m.day('delivered');
    if (m.str('status') !== 'delivered' || delivered === undefined || delivered < from || delivered > to) continue;
    out.push({ m, delivered, due: m.day('due') });
  }
  return out.sort((a, b) => a.delivered - b.delivered);
}

/** Milestones not delivered yet (planned, slipped or no status), soonest due first, undated last. */
export function milestonesAhead(model: PartnershipModel, today: Day): MilestoneFact[] {
  return model.milestones
    .filter((m) => m.str('status') !== 'delivered')
    .map((m) => milestoneFact(m, today))
    .map((f, i) => ({ f, i }))
    .sort((a, b) => (a.f.due ?? Infinity) - (b.f.due ?? Infinity) || a.i - b.i)
    .map(({ f }) => f);
}

// ---------------------------------------------------------------------------------------------
// Risks

/** `internal: true`: never shown in a document meant for the customer. */
export function isInternalRisk(r: Obj): boolean {
  return r.bool('internal') === true;
}
