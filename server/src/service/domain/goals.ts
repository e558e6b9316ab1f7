// Goals against their targets. The file does not say which direction is better (fewer hours, more
// uptime), so "off target" means only that the current value is not the target: a goal beyond its
// target is listed too, with both values, for the people in the room to read.
import type { Obj } from '../model';

export interface GoalFact {
  g: Obj;
  target?: string;
  current?: string;
  /** Both values are known and differ (as numbers when both read as the same kind of number). */
  offTarget: boolean;
}

/** "98%" → {n: 98, unit: "%"}; "40" / 40 → {n: 40, unit: ""}; anything else undefined. */
function quantity(value: unknown): { n: number; unit: string } | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return { n: value, unit: '' };
  if (typeof value !== 'string') return undefined;
  const m = /^\s*(-?\d+(?:\.\d+)?)\s*(.*?)\s*$/.exec(value);
  return m ? { n: Number(m[1]), unit: m[2] } : undefined;
}

export function goalFact(g: Obj): GoalFact {
  const t = g.scalar('target');
  const c = g.scalar('current');
  const shown = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : undefined);
  const target = shown(t);
  const current = shown(c);
  let offTarget = false;
  if (target !== undefined && current !== undefined) {
    const qt = quantity(t);
    const qc = quantity(c);
    offTarget = qt && qc && qt.unit === qc.unit ? qt.n !== qc.n : target.trim() !== current.trim();
  }
  return { g, target, current, offTarget };
}
