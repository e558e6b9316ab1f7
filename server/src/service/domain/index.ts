// The domain layer: every judgement about a partnership, computed once from the model, today and
// the config. Rules, the outline, hover and the generators only format these facts, so they can
// never disagree. Pure: no clock, no files, no text edits.
import { addCadence, Cadence, isCadence, nextWorkingDay } from '../dates';
import type { Obj, PartnershipModel } from '../model';
import type { Day, PartnershipConfig } from '../types';
import { defaultConfig } from '../config';

/** A day of slack for "in the future": a file written a time zone ahead is not wrong for a reviewer behind. */
export const FUTURE_SLACK_DAYS = 1;

export const ACTIVE_STATUSES: ReadonlySet<string> = new Set(['open', 'in-progress']);

// ---------------------------------------------------------------------------------------------
// Cadences

/**
 * The day one cadence period after `last`. `daily` counts working days (a report sent on Friday is
 * next due on Monday); the others are calendar arithmetic.
 */
export function nextDue(last: Day, cadence: Cadence, workingDays: readonly number[]): Day {
  return cadence === 'daily' ? nextWorkingDay(last, workingDays) : addCadence(last, cadence);
}

export interface CadenceFact {
  cadence: Cadence;
  /** The best evidence: the later of the field and the log. Undefined when there is none. */
  last?: Day;
  /** The field's own date (lastSent, lastHeld, lastContact), when it is a valid date. */
  field?: Day;
  /** The latest date in the meeting log, when it is later than the field (or there is no field). */
  logged?: Day;
  /** The key is present (with a valid date or not). */
  fieldPresent: boolean;
  /** When the next one is due: nextDue(last). */
  next?: Day;
  /** Days past `next` (positive only when overdue). */
  overdueDays: number;
}

function cadenceFact(cadence: Cadence, field: Day | undefined, fieldPresent: boolean, log: Day | undefined, today: Day, workingDays: readonly number[]): CadenceFact {
  const last = max(field, log);
  const next = last === undefined ? undefined : nextDue(last, cadence, workingDays);
  return {
    cadence,
    last,
    field,
    logged: log !== undefined && (field === undefined || log > field) ? log : undefined,
    fieldPresent,
    next,
    overdueDays: next !== undefined && next < today ? today - next : 0,
  };
}

function max(a: Day | undefined, b: Day | undefined): Day | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return a > b ? a : b;
}

// ---------------------------------------------------------------------------------------------
// Meetings

export type MeetingStatus = 'planned' | 'held' | 'cancelled';

/** `status`, else held when dated on or before today, else planned. Undefined for an undated meeting without status. */
export function meetingStatus(m: Obj, today: Day): MeetingStatus | undefined {
  const s = m.str('status');
  if (s === 'planned' || s === 'held' || s === 'cancelled') return s;
  if (m.has('status')) return undefined; // a bad status: the schema's
  const date = m.day('date');
  if (date === undefined) return undefined;
  return date <= today ? 'held' : 'planned';
}

export const REVIEW_KINDS: ReadonlySet<string> = new Set(['review', 'steering', 'reset']);

// ---------------------------------------------------------------------------------------------
// Commitments

export type CommitmentState = 'overdue' | 'due-soon' | 'open' | 'done' | 'dropped';

export interface HistoryBreak {
  /** The entry whose `from` or `on` does not follow the previous one. */
  entry: Obj;
  key: 'from' | 'on';
  expected?: Day;
  found: Day;
}

export interface CommitmentFact {
  c: Obj;
  status?: string;
  active: boolean;
  /** Agreed due: `due`. */
  due?: Day;
  /** As first promised: the first history entry's `from`, else `due`. */
  originalDue?: Day;
  made?: Day;
  completed?: Day;
  /** History entries. */
  moves: number;
  /** History entries made after the date they moved had passed (`on` after `from`). */
  lateRenegotiations: number;
  /** The latest history entry's `to`, if any. */
  lastRecordedDue?: Day;
  /** `due` differs from the latest history entry's `to`: a move nobody recorded. */
  silentSlip: boolean;
  /** The first place the history does not chain. */
  historyBreak?: HistoryBreak;
  /** The commitment's dates contradict each other or today: date-order reports it, and nothing judges lateness. */
  contradicts: boolean;
  state?: CommitmentState;
  /** Days after the agreed due: an overdue commitment's today − due, a late completion's completed − due. */
  daysLate: number;
}

/** A history entry that moved a due date after that date had already passed (`on` later than `from`). */
export function movedAfterDue(h: Obj): boolean {
  const on = h.day('on');
  const from = h.day('from');
  return on !== undefined && from !== undefined && on > from;
}

export function commitmentFact(c: Obj, today: Day, dueSoonDays: number): CommitmentFact {
  const status = c.str('status');
  const active = status !== undefined && ACTIVE_STATUSES.has(status);
  const due = c.day('due');
  const made = c.day('made');
  const completed = c.day('completed');
  const history = c.list('history');
  let lateRenegotiations = 0;
  let historyBreak: HistoryBreak | undefined;
  let prevTo: Day | undefined;
  let prevOn: Day | undefined;
  let futureOn = false;
  for (const h of history) {
    const on = h.day('on');
    const from = h.day('from');
    const to = h.day('to');
    if (movedAfterDue(h)) lateRenegotiations++;
    if (on !== undefined && on > today + FUTURE_SLACK_DAYS) futureOn = true;
    if (!historyBreak) {
      if (prevTo !== undefined && from !== undefined && from !== prevTo) historyBreak = { entry: h, key: 'from', expected: prevTo, found: from };
      else if (prevOn !== undefined && on !== undefined && on < prevOn) historyBreak = { entry: h, key: 'on', expected: prevOn, found: on };
    }
    if (to !== undefined) prevTo = to;
    if (on !== undefined) prevOn = on;
  }
  const first = history[0]?.day('from');
  const lastEntry = history.length > 0 ? history[history.length - 1] : undefined;
  const lastRecordedDue = lastEntry?.day('to');
  const contradicts =
    (due !== undefined && made !== undefined && due < made) ||
    (completed !== undefined && made !== undefined && completed < made) ||
    (made !== undefined && made > today + FUTURE_SLACK_DAYS) ||
    (completed !== undefined && completed > today + FUTURE_SLACK_DAYS) ||
    futureOn;
  let state: CommitmentState | undefined;
  if (status === 'done') state = 'done';
  else if (status === 'dropped') state = 'dropped';
  else if (active) {
    if (due === undefined || contradicts) state = 'open';
    else if (due < today) state = 'overdue';
    else if (due <= today + dueSoonDays) state = 'due-soon';
    else state = 'open';
  }
  let daysLate = 0;
  if (state === 'overdue') daysLate = today - due!;
  else if (state === 'done' && completed !== undefined && due !== undefined && completed > due) daysLate = completed - due;
  return {
    c,
    status,
    active,
    due,
    originalDue: first ?? due,
    made,
    completed,
    moves: history.length,
    lateRenegotiations,
    lastRecordedDue,
    silentSlip: lastRecordedDue !== undefined && due !== undefined && due !== lastRecordedDue,
    historyBreak,
    contradicts,
    state,
    daysLate,
  };
}

// ---------------------------------------------------------------------------------------------
// Concerns

export type Level = 'high' | 'medium' | 'low';

export interface ConcernFact {
  k: Obj;
  status?: string;
  raised?: Day;
  severity: Level;
  /** Days allowed for a first response, by severity. */
  window: number;
  /** Open, dated and without a response: days since raised. */
  daysUnanswered?: number;
  /** Unanswered past its window. */
  overdue: boolean;
}

export function concernFact(k: Obj, today: Day, config: PartnershipConfig): ConcernFact {
  const status = k.str('status');
  const raised = k.day('raised');
  const s = k.str('severity');
  const severity: Level = s === 'high' || s === 'low' ? s : 'medium';
  const window = config.concernResponseDays[severity];
  const daysUnanswered = status === 'open' && raised !== undefined && !k.has('response') ? today - raised : undefined;
  return { k, status, raised, severity, window, daysUnanswered, overdue: daysUnanswered !== undefined && daysUnanswered > window };
}

// ---------------------------------------------------------------------------------------------
// People

export interface ContactFact {
  p: Obj;
  id?: string;
  /** Contact cadence, or undefined when none (or invalid). */
  cadence?: CadenceFact;
  /** Customer decision maker or sponsor without a `contactEvery`. */
  needsCadence: boolean;
  /** The cadence is set and there is no evidence of contact at all. */
  never: boolean;
  stale: boolean;
  /** The best evidence of the last contact (field or meetings attended). */
  last?: Day;
}

// ---------------------------------------------------------------------------------------------
// Milestones

export interface MilestoneFact {
  m: Obj;
  status?: string;
  due?: Day;
  /** Planned (or no status) and past due. */
  overdue: boolean;
  daysLate: number;
}

export function milestoneFact(m: Obj, today: Day): MilestoneFact {
  const status = m.str('status');
  const due = m.day('due');
  const pending = !m.has('status') || status === 'planned';
  const overdue = pending && due !== undefined && due < today;
  return { m, status, due, overdue, daysLate: overdue ? today - due! : 0 };
}

// ---------------------------------------------------------------------------------------------
// Risks

/** Not mitigated or closed; a risk with no status at all counts as open. */
export function isOpenRisk(r: Obj): boolean {
  const status = r.scalar('status');
  return status === undefined || status === null || status === 'open';
}

/** Open, likelihood or impact high, and no owner or no mitigation. */
export function riskUnmanaged(r: Obj): { missing: ('owner' | 'mitigation')[] } | undefined {
  if (!isOpenRisk(r)) return undefined;
  if (r.str('likelihood') !== 'high' && r.str('impact') !== 'high') return undefined;
  const missing: ('owner' | 'mitigation')[] = [];
  if (!r.filled('owner')) missing.push('owner');
  if (!r.filled('mitigation')) missing.push('mitigation');
  return missing.length > 0 ? { missing } : undefined;
}

// ---------------------------------------------------------------------------------------------
// Reliability (article 001 as numbers)

export interface Reliability {
  /** Commitments in the window that are done or late (the base of the rates). */
  counted: number;
  done: number;
  dropped: number;
  /** Done, completed on or before the due date first promised. */
  onTimeAsPromised: number;
  /** Done, completed on or before the agreed due date. */
  keptAsAgreed: number;
  /** Done after the agreed due, or still open past it. */
  late: number;
  /** Days late of the late ones: median and maximum (0 when none). */
  slipMedian: number;
  slipMax: number;
  moves: number;
  lateRenegotiations: number;
}

export function reliabilityOf(facts: readonly CommitmentFact[], today: Day, windowDays: number): Reliability {
  const from = today - windowDays;
  const inWindow = (d: Day | undefined) => d !== undefined && d >= from && d <= today;
  const r: Reliability = { counted: 0, done: 0, dropped: 0, onTimeAsPromised: 0, keptAsAgreed: 0, late: 0, slipMedian: 0, slipMax: 0, moves: 0, lateRenegotiations: 0 };
  const slips: number[] = [];
  for (const f of facts) {
    if (!inWindow(f.due) && !inWindow(f.completed)) continue;
    r.moves += f.moves;
    r.lateRenegotiations += f.lateRenegotiations;
    if (f.state === 'dropped') {
      r.dropped++;
      continue;
    }
    if (f.state === 'done') {
      r.done++;
      r.counted++;
      if (f.completed !== undefined && f.originalDue !== undefined && f.completed <= f.originalDue) r.onTimeAsPromised++;
      if (f.completed !== undefined && f.due !== undefined && f.completed <= f.due) r.keptAsAgreed++;
    } else if (f.state === 'overdue') {
      r.counted++;
    }
    if (f.daysLate > 0) {
      r.late++;
      slips.push(f.daysLate);
    }
  }
  if (slips.length > 0) {
    slips.sort((a, b) => a - b);
    const mid = Math.floor(slips.length / 2);
    r.slipMedian = slips.length % 2 === 1 ? slips[mid] : Math.round((slips[mid - 1] + slips[mid]) / 2);
    r.slipMax = slips[slips.length - 1];
  }
  return r;
}

/** "3 of 4 on time as first promised (75%)" parts; undefined rate when nothing counts. */
export function rate(n: number, of: number): string {
  return of === 0 ? '—' : `${Math.round((100 * n) / of)}%`;
}

/** One line: "On time as first promised 2/4 (50%) · kept as agreed 3/4 (75%) · 1 late, slip median 4 days, max 4 · 3 moves, 1 after the date had passed". */
export function reliabilityLine(r: Reliability): string {
  if (r.counted === 0 && r.dropped === 0) return 'no commitments due or completed in the window';
  const parts = [
    `on time as first promised ${r.onTimeAsPromised}/${r.counted} (${rate(r.onTimeAsPromised, r.counted)})`,
    `kept as agreed ${r.keptAsAgreed}/${r.counted} (${rate(r.keptAsAgreed, r.counted)})`,
    r.late > 0 ? `${r.late} late, slip median ${r.slipMedian} d, max ${r.slipMax} d` : 'none late',
    `${r.moves} move${r.moves === 1 ? '' : 's'}${r.lateRenegotiations > 0 ? `, ${r.lateRenegotiations} after the date had passed` : ''}`,
  ];
  if (r.dropped > 0) parts.push(`${r.dropped} dropped`);
  return parts.join(' · ');
}

/** The tree's short form: "on time 50% as promised, 75% as agreed" (lateness is the node's "N overdue"). Empty when nothing counts. */
export function reliabilityShort(r: Reliability): string {
  if (r.counted === 0) return '';
  return `on time ${rate(r.onTimeAsPromised, r.counted)} as promised, ${rate(r.keptAsAgreed, r.counted)} as agreed`;
}

// ---------------------------------------------------------------------------------------------
// All facts of one file

export class Facts {
  readonly config: PartnershipConfig;
  private _commitments?: CommitmentFact[];
  private _byOwner?: Map<string, CommitmentFact[]>;
  private _byNode?: Map<unknown, CommitmentFact>;
  private _concerns?: ConcernFact[];
  private _contacts?: ContactFact[];
  private _milestones?: MilestoneFact[];
  private _attended?: Map<string, Day>;
  private _lastReviewLogged?: { day?: Day };

  constructor(
    readonly model: PartnershipModel,
    readonly today: Day,
    config?: PartnershipConfig,
  ) {
    this.config = config ?? defaultConfig();
  }

  get commitments(): CommitmentFact[] {
    return (this._commitments ??= this.model.commitments.map((c) => commitmentFact(c, this.today, this.config.dueSoonDays)));
  }

  /** The fact of one commitment of this model. */
  commitment(c: Obj): CommitmentFact | undefined {
    if (!this._byNode) {
      this._byNode = new Map();
      for (const f of this.commitments) this._byNode.set(f.c.node, f);
    }
    return this._byNode.get(c.node);
  }

  /** Overdue commitments, the longest overdue first (file order on ties). */
  overdueCommitments(): CommitmentFact[] {
    return this.commitments.filter((f) => f.state === 'overdue').sort((a, b) => a.due! - b.due!);
  }

  /** Active commitments (dates not contradicting) due from `from` to `to`, soonest first. */
  commitmentsDueBetween(from: Day, to: Day): CommitmentFact[] {
    return this.commitments.filter((f) => f.active && !f.contradicts && f.due !== undefined && f.due >= from && f.due <= to).sort((a, b) => a.due! - b.due!);
  }

  get concerns(): ConcernFact[] {
    return (this._concerns ??= this.model.concerns.map((k) => concernFact(k, this.today, this.config)));
  }

  get milestones(): MilestoneFact[] {
    return (this._milestones ??= this.model.milestones.map((m) => milestoneFact(m, this.today)));
  }

  isHeld(m: Obj): boolean {
    return meetingStatus(m, this.today) === 'held';
  }

  /** Each person id → the latest held meeting they attended. */
  get attended(): Map<string, Day> {
    if (this._attended) return this._attended;
    const out = new Map<string, Day>();
    for (const m of this.model.meetings) {
      const date = m.day('date');
      if (date === undefined || !this.isHeld(m)) continue;
      for (const ref of m.refs('attendees')) {
        const prev = out.get(ref.id);
        if (prev === undefined || date > prev) out.set(ref.id, date);
      }
    }
    return (this._attended = out);
  }

  /** The latest held review, steering or reset meeting in the log. */
  get lastReviewLogged(): Day | undefined {
    if (this._lastReviewLogged) return this._lastReviewLogged.day;
    let day: Day | undefined;
    for (const m of this.model.meetings) {
      const date = m.day('date');
      if (date === undefined || !REVIEW_KINDS.has(m.str('kind') ?? '') || !this.isHeld(m)) continue;
      day = max(day, date);
    }
    this._lastReviewLogged = { day };
    return day;
  }

  /** The status report's cadence, judged by `lastSent`. Undefined without a report or valid cadence. */
  statusReport(): CadenceFact | undefined {
    const report = this.model.communication?.obj('statusReport');
    const cadence = report?.str('cadence');
    if (!report || !isCadence(cadence)) return undefined;
    return cadenceFact(cadence, report.day('lastSent'), report.has('lastSent'), undefined, this.today, this.config.workingDays);
  }

  /** The review meeting's cadence, judged by the later of `lastHeld` and the meeting log. */
  reviewMeeting(): CadenceFact | undefined {
    const review = this.model.communication?.obj('reviewMeeting');
    const cadence = review?.str('cadence');
    if (!review || !isCadence(cadence)) return undefined;
    return cadenceFact(cadence, review.day('lastHeld'), review.has('lastHeld'), this.lastReviewLogged, this.today, this.config.workingDays);
  }

  get contacts(): ContactFact[] {
    if (this._contacts) return this._contacts;
    const out: ContactFact[] = [];
    for (const p of this.model.people) {
      if (p.str('side') !== 'customer') continue;
      const id = p.str('id');
      const field = p.day('lastContact');
      const logged = id === undefined ? undefined : this.attended.get(id);
      const c = p.str('contactEvery');
      const cadence = isCadence(c) ? cadenceFact(c, field, p.has('lastContact'), logged, this.today, this.config.workingDays) : undefined;
      const never = cadence !== undefined && !cadence.fieldPresent && cadence.last === undefined;
      const needsCadence = !p.has('contactEvery') && (p.bool('decisionMaker') === true || p.bool('sponsor') === true);
      out.push({ p, id, cadence, needsCadence, never, stale: never || (cadence !== undefined && cadence.overdueDays > 0), last: max(field, logged) });
    }
    return (this._contacts = out);
  }

  /** Reliability over the window, overall. */
  reliability(): Reliability {
    return reliabilityOf(this.commitments, this.today, this.config.reliabilityWindowDays);
  }

  /** The commitments each owner owns, in file order (grouped once: a file may have thousands of owners). */
  byOwner(): ReadonlyMap<string, readonly CommitmentFact[]> {
    if (this._byOwner) return this._byOwner;
    const out = new Map<string, CommitmentFact[]>();
    for (const f of this.commitments) {
      const owner = f.c.str('owner');
      if (owner === undefined) continue;
      const list = out.get(owner);
      if (list) list.push(f);
      else out.set(owner, [f]);
    }
    return (this._byOwner = out);
  }

  /** Reliability over the window for the commitments one person owns. */
  reliabilityOfOwner(id: string): Reliability {
    return reliabilityOf(this.byOwner().get(id) ?? [], this.today, this.config.reliabilityWindowDays);
  }
}

/** The facts of a model for a day and config, computed once and shared by every rule. */
const cache = new WeakMap<PartnershipModel, Facts>();

export function factsOf(model: PartnershipModel, today: Day, config?: PartnershipConfig): Facts {
  const f = cache.get(model);
  if (f && f.today === today && (config === undefined || f.config === config)) return f;
  const fresh = new Facts(model, today, config);
  cache.set(model, fresh);
  return fresh;
}
