// The dashboard's data: what the editor's dashboard draws for one partnership file — the
// commitments on a timeline, the milestones, the health assessments over time, reliability per
// owner and the open concerns. It formats the domain's facts (dates as YYYY-MM-DD, each mark with
// the range to reveal in the file); it judges nothing itself, and the webview judges nothing either.
import { formatDay } from './dates';
import type { ParsedDocument } from './document';
import { CommitmentFact, CommitmentState, factsOf, Level, movedAfterDue, Reliability, reliabilityLine } from './domain';
import { Obj, PartnershipModel } from './model';
import type { Day, PartnershipConfig, Range } from './types';

/** Something drawn that a click reveals: the range to select in the file. */
export interface DashboardMark {
  range: Range;
}

export interface DashboardCommitment extends DashboardMark {
  id?: string;
  summary?: string;
  owner?: string;
  ownerName?: string;
  /** The domain's state; undefined for a status it does not know. */
  state?: CommitmentState;
  made?: string;
  /** The agreed due date, and the one first promised (before any renegotiation). */
  due?: string;
  originalDue?: string;
  completed?: string;
  /** Where the commitment's line ends: its completion, today while it is active, else nothing. */
  end?: string;
  /** The late span (agreed due → completed or today) and its days; absent when not late. */
  late?: DashboardSpan & { days: number };
  /** Each renegotiation, a history entry. */
  renegotiations: DashboardRenegotiation[];
}

export interface DashboardSpan extends DashboardMark {
  from: string;
  to: string;
}

export interface DashboardRenegotiation extends DashboardMark {
  on?: string;
  from?: string;
  to?: string;
  /** Moved after the date it moved had already passed. */
  afterDue: boolean;
}

export interface DashboardMilestone extends DashboardMark {
  id?: string;
  name: string;
  status?: string;
  due?: string;
  overdue: boolean;
  daysLate: number;
}

export interface DashboardAssessment extends DashboardMark {
  assessed: string;
  status: string;
  trend?: string;
  access?: number;
  credibility?: number;
  trust?: number;
  /** The one in `health` itself, not from `health.previous`. */
  current: boolean;
}

export interface DashboardOwner extends DashboardMark {
  id: string;
  name: string;
  reliability: Reliability;
  /** The reliability line the outline and hover show. */
  line: string;
}

export interface DashboardConcern extends DashboardMark {
  id?: string;
  summary?: string;
  severity: Level;
  raised: string;
  /** Days since raised. */
  age: number;
  answered: boolean;
  /** Unanswered past the response window of its severity. */
  overdue: boolean;
  window: number;
}

export interface DashboardData {
  name: string;
  customer?: string;
  today: string;
  commitments: DashboardCommitment[];
  milestones: DashboardMilestone[];
  /** Oldest first. */
  health: DashboardAssessment[];
  /** Owners of commitments, in the order the people are listed (unknown ids after them). */
  owners: DashboardOwner[];
  /** Open concerns with a raised date, oldest first. */
  concerns: DashboardConcern[];
  reliabilityWindowDays: number;
  /** How many there are in the file: more than drawn when over the limits below. */
  totals: { commitments: number; owners: number; concerns: number };
}

/**
 * The most the dashboard draws of each: a chart of thousands of bars is no longer read, and the
 * data would weigh megabytes. Commitments: those whose span is nearest to today; owners: those
 * with the most commitments; concerns: the oldest.
 */
export const DASHBOARD_LIMITS = { commitments: 200, owners: 50, concerns: 100 } as const;

const day = (d: Day | undefined): string | undefined => (d === undefined ? undefined : formatDay(d));

export function dashboardData(pd: ParsedDocument, filePath: string, today: Day, config?: PartnershipConfig): DashboardData {
  const model = new PartnershipModel(pd);
  const facts = factsOf(model, today, config);
  const drawn = nearestToday(facts.commitments, today, DASHBOARD_LIMITS.commitments);
  const commitments = drawn.map((f): DashboardCommitment => {
    const c = f.c;
    const end = f.state === 'done' ? f.completed : f.active ? today : undefined;
    return {
      id: c.str('id'),
      summary: c.str('summary'),
      owner: c.str('owner'),
      ownerName: model.personName(c.str('owner')),
      state: f.state,
      made: day(f.made),
      due: day(f.due),
      originalDue: day(f.originalDue),
      completed: day(f.completed),
      end: day(end),
      late: f.daysLate > 0 && f.due !== undefined ? { from: formatDay(f.due), to: formatDay(f.due + f.daysLate), days: f.daysLate, range: c.valueRange('due')! } : undefined,
      renegotiations: c.list('history').map((h) => ({
        on: day(h.day('on')),
        from: day(h.day('from')),
        to: day(h.day('to')),
        afterDue: movedAfterDue(h),
        range: h.valueRange('on') ?? h.anchorRange(),
      })),
      range: c.anchorRange(),
    };
  });
  const milestones = facts.milestones.map((f): DashboardMilestone => ({
    id: f.m.str('id'),
    name: f.m.str('name') ?? f.m.str('id') ?? '',
    status: f.status,
    due: day(f.due),
    overdue: f.overdue,
    daysLate: f.daysLate,
    range: f.m.anchorRange(),
  }));
  const health: DashboardAssessment[] = [];
  const h = model.health;
  if (h) {
    const assessment = (o: Obj, current: boolean) => {
      const assessed = o.day('assessed');
      const status = o.str('status');
      if (assessed === undefined || status === undefined) return;
      health.push({ assessed: formatDay(assessed), status, trend: o.str('trend'), access: o.num('access'), credibility: o.num('credibility'), trust: o.num('trust'), current, range: o.valueRange('status')! });
    };
    for (const p of h.list('previous')) assessment(p, false);
    assessment(h, true);
    health.sort((a, b) => a.assessed.localeCompare(b.assessed) || Number(a.current) - Number(b.current));
  }
  const byOwner = facts.byOwner();
  const ownerIds = [...byOwner.keys()];
  const personIndex = new Map(model.people.map((p, i) => [p.str('id'), i]));
  ownerIds.sort((a, b) => (personIndex.get(a) ?? Infinity) - (personIndex.get(b) ?? Infinity));
  const ownersDrawn =
    ownerIds.length <= DASHBOARD_LIMITS.owners
      ? ownerIds
      : [...ownerIds].sort((a, b) => byOwner.get(b)!.length - byOwner.get(a)!.length).slice(0, DASHBOARD_LIMITS.owners).sort((a, b) => ownerIds.indexOf(a) - ownerIds.indexOf(b));
  const owners = ownersDrawn.map((id): DashboardOwner => {
    const r = facts.reliabilityOfOwner(id);
    const person = model.people[personIndex.get(id) ?? -1];
    const firstCommitment = byOwner.get(id)![0].c;
    return { id, name: model.personName(id) ?? id, reliability: r, line: reliabilityLine(r), range: person?.anchorRange() ?? firstCommitment.valueRange('owner')! };
  });
  const concerns = facts.concerns
    .filter((k) => k.status === 'open' && k.raised !== undefined)
    .map((k): DashboardConcern => ({
      id: k.k.str('id'),
      summary: k.k.str('summary'),
      severity: k.severity,
      raised: formatDay(k.raised!),
      age: today - k.raised!,
      answered: k.daysUnanswered === undefined,
      overdue: k.overdue,
      window: k.window,
      range: k.k.anchorRange(),
    }))
    .sort((a, b) => b.age - a.age);
  return {
    totals: { commitments: facts.commitments.length, owners: ownerIds.length, concerns: concerns.length },
    name: model.partnership?.str('name') ?? filePath.replace(/^.*[\\/]/, '').replace(/\.partnership\.yaml$/i, ''),
    customer: model.partnership?.str('customer'),
    today: formatDay(today),
    commitments,
    milestones,
    health,
    owners,
    concerns: concerns.slice(0, DASHBOARD_LIMITS.concerns),
    reliabilityWindowDays: facts.config.reliabilityWindowDays,
  };
}

/** The `max` commitments whose span (made → completion, today or due) is nearest to today, in file order. */
function nearestToday(all: readonly CommitmentFact[], today: Day, max: number): readonly CommitmentFact[] {
  if (all.length <= max) return all;
  const distance = (f: CommitmentFact) => {
    const start = f.made ?? f.due;
    const end = (f.state === 'done' ? f.completed : f.active ? today : undefined) ?? f.due ?? start;
    if (start === undefined || end === undefined) return Infinity;
    return end < today ? today - end : start > today ? start - today : 0;
  };
  const ranked = all.map((f, i) => ({ i, d: distance(f) })).sort((x, y) => x.d - y.d || x.i - y.i);
  const keep = new Set(ranked.slice(0, max).map((r) => r.i));
  return all.filter((_, i) => keep.has(i));
}
