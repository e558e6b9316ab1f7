// A portfolio at a glance: one row per partnership file, from the domain facts the rules format
// too, sorted by what needs the tech lead first (broken before strained before watch, then late
// commitments, then unanswered concerns). The CLI's `summary` and the editor's portfolio read it.
import type { ParsedDocument } from './document';
import { factsOf } from './domain';
import { PartnershipModel } from './model';
import type { Day, PartnershipConfig } from './types';

export interface PartnershipSummary {
  /** The file, as the caller named it. */
  path: string;
  name: string;
  customer?: string;
  health?: string;
  trend?: string;
  /** Open commitments past their agreed due date, and the most days late among them. */
  late: number;
  maxDaysLate: number;
  /** Open commitments due from tomorrow to a week from today. */
  dueWithinWeek: number;
  /** Open concerns without a response, and the oldest of them. */
  unansweredConcerns: number;
  oldestUnansweredConcern?: { id?: string; days: number; severity: string };
  /** Days since the last status report was sent; undefined when none is recorded. */
  daysSinceStatusReport?: number;
  /** Customer decision makers (or sponsors) whose contact is stale, by name. */
  staleDecisionMakers: string[];
  /** On time as first promised, over the reliability window: done on time / counted. */
  onTime?: { kept: number; counted: number; percent: number };
  nextMilestone?: { id?: string; name: string; due: string; daysAway: number };
}

const HEALTH_ORDER: Record<string, number> = { broken: 0, strained: 1, watch: 2 };

export function summarise(pd: ParsedDocument, path: string, today: Day, config?: PartnershipConfig): PartnershipSummary {
  return summaryOfModel(new PartnershipModel(pd), path, today, config);
}

/** The row of a model whose facts may already be computed (the outline's: factsOf caches them per model). */
export function summaryOfModel(model: PartnershipModel, path: string, today: Day, config?: PartnershipConfig): PartnershipSummary {
  const facts = factsOf(model, today, config);
  const name = model.partnership?.str('name') ?? path.replace(/^.*[\\/]/, '').replace(/\.partnership\.yaml$/i, '');
  const overdue = facts.overdueCommitments();
  const unanswered = facts.concerns.filter((k) => k.daysUnanswered !== undefined).sort((a, b) => b.daysUnanswered! - a.daysUnanswered!);
  const report = facts.statusReport();
  const reliability = facts.reliability();
  const upcoming = facts.milestones.filter((m) => m.due !== undefined && m.due >= today && (m.status === undefined || m.status === 'planned')).sort((a, b) => a.due! - b.due!)[0];
  const stale = facts.contacts.filter((c) => c.stale && (c.p.bool('decisionMaker') === true || c.p.bool('sponsor') === true)).map((c) => c.p.str('name') ?? c.id ?? '?');
  return {
    path,
    name,
    customer: model.partnership?.str('customer'),
    health: model.health?.str('status'),
    trend: model.health?.str('trend'),
    late: overdue.length,
    maxDaysLate: overdue.reduce((m, f) => Math.max(m, f.daysLate), 0),
    dueWithinWeek: facts.commitmentsDueBetween(today + 1, today + 7).length,
    unansweredConcerns: unanswered.length,
    oldestUnansweredConcern: unanswered[0] && { id: unanswered[0].k.str('id'), days: unanswered[0].daysUnanswered!, severity: unanswered[0].severity },
    daysSinceStatusReport: report?.last === undefined ? undefined : today - report.last,
    staleDecisionMakers: stale,
    onTime: reliability.counted > 0 ? { kept: reliability.onTimeAsPromised, counted: reliability.counted, percent: Math.round((100 * reliability.onTimeAsPromised) / reliability.counted) } : undefined,
    nextMilestone: upcoming && { id: upcoming.m.str('id'), name: upcoming.m.str('name') ?? upcoming.m.str('id') ?? '', due: upcoming.m.str('due')!, daysAway: upcoming.due! - today },
  };
}

/** What needs attention first: health, then late commitments, then unanswered concerns, then the name. */
export function compareByAttention(a: PartnershipSummary, b: PartnershipSummary): number {
  return compareRanks(attentionRank(a), attentionRank(b)) || a.name.localeCompare(b.name) || a.path.localeCompare(b.path);
}

/**
 * The sort key of what needs attention first, smallest first: health (broken, strained, watch,
 * not assessed, healthy), then more late commitments, then more unanswered concerns. The editor
 * sorts its portfolio by it without judging anything itself.
 */
export function attentionRank(s: PartnershipSummary): number[] {
  return [HEALTH_ORDER[s.health ?? ''] ?? (s.health === 'healthy' ? 4 : 3), -s.late, -s.unansweredConcerns];
}

export function compareRanks(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** The one line the tree, the status bar and the summary share: "strained · 2 late · on-time 62%". */
export function summaryLine(s: PartnershipSummary): string {
  const parts = [s.health ?? 'health not assessed'];
  if (s.late > 0) parts.push(`${s.late} late`);
  if (s.unansweredConcerns > 0) parts.push(`${s.unansweredConcerns} unanswered`);
  if (s.onTime) parts.push(`on-time ${s.onTime.percent}%`);
  return parts.join(' · ');
}
