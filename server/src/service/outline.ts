// The outline model: one tree per partnership file, with computed states. The tree view and
// document symbols are both built from it, so the editor never parses YAML itself.
import * as path from 'path';
import { formatDay, plural } from './dates';
import type { ParsedDocument } from './document';
import { attentionRank, summaryLine, summaryOfModel } from './summary';
import { CadenceFact, CommitmentFact, CommitmentState, factsOf, meetingStatus, reliabilityLine, reliabilityShort } from './domain';
import { Obj, PartnershipModel } from './model';
import type { Day, Range, ValidateOptions } from './types';

export type OutlineKind =
  | 'partnership'
  | 'group'
  | 'goal'
  | 'person'
  | 'communication'
  | 'commitment'
  | 'concern'
  | 'risk'
  | 'health'
  | 'meeting'
  | 'milestone';

export type { CommitmentState } from './domain';

export interface OutlineNode {
  kind: OutlineKind;
  /** Stable within a file: the section and id (or index), e.g. "commitments/C-12". */
  key: string;
  label: string;
  /** Short text after the label: "22 days late · rnair". */
  detail?: string;
  /** The whole item. */
  range: Range;
  /** What to reveal and select: the item's id or name. */
  selectionRange: Range;
  /** Computed state: a commitment's state, a health status, "stale" for a contact, "overdue" for a plan entry. */
  state?: string;
  /** decision-maker, sponsor, stale, customer, ours … */
  flags?: string[];
  children?: OutlineNode[];
}

export interface Outline {
  path: string;
  /** The partnership's name, or the file's stem when it has none. */
  name: string;
  customer?: string;
  health?: string;
  /** Counts the tree shows on the partnership node. */
  counts: { overdue: number; dueSoon: number; openConcerns: number };
  /** The reliability figures over the window: a short form for the node, the full line for its tooltip. Absent when no commitment counts. */
  reliability?: { summary: string; detail: string };
  /** The portfolio's view of the file: `partnership summary`'s line and its sort key (smallest first). */
  portfolio: { line: string; rank: number[] };
  root: OutlineNode;
}

/** An item's own text, without the blank lines and indentation that follow it. */
function wholeRange(o: Obj): Range {
  const r = o.node.range;
  return r ? o.pd.contentRange(r[0], r[1]) : o.pd.range(0, 0);
}

interface SectionRange {
  /** From the section's key to the end of its value. */
  range: Range;
  /** The key. */
  selectionRange: Range;
}

/** How many items a group lists at most when the caller limits it (the tree view of a huge file). */
export interface OutlineLimits {
  maxChildren?: number;
}

function group(key: string, label: string, children: OutlineNode[], section: SectionRange, detail?: string, limits?: OutlineLimits): OutlineNode {
  const node: OutlineNode = { kind: 'group', key, label, detail: detail ?? String(children.length), range: section.range, selectionRange: section.selectionRange, children };
  const max = limits?.maxChildren;
  if (max !== undefined && children.length > max) {
    // The rest stays one click away: the node reveals the first item not listed.
    const hidden = children.length - max;
    const first = children[max];
    node.children = [
      ...children.slice(0, max),
      { kind: 'group', key: `${key}/more`, label: `… ${hidden} more`, detail: 'in the file', range: first.range, selectionRange: first.selectionRange },
    ];
  }
  return node;
}

function commitmentDetail(f: CommitmentFact, today: Day, model: PartnershipModel): string {
  const c = f.c;
  const state = f.state;
  const due = f.due;
  const owner = model.personName(c.str('owner')) ?? 'no owner';
  let when = '';
  if (due !== undefined) {
    if (state === 'overdue') when = `${plural(f.daysLate, 'day')} late`;
    else if (state === 'due-soon' || state === 'open') when = due === today ? 'due today' : `due in ${plural(due - today, 'day')}`;
    else if (state === 'done') when = c.day('completed') !== undefined ? `done ${formatDay(c.day('completed')!)}` : 'done';
    else if (state === 'dropped') when = 'dropped';
  }
  return [when, owner].filter(Boolean).join(' · ');
}

function itemNode(kind: OutlineKind, section: string, o: Obj, index: number, label: string, detail?: string): OutlineNode {
  const id = o.str('id');
  return {
    kind,
    key: `${section}/${id ?? index}`,
    label,
    detail,
    range: wholeRange(o),
    selectionRange: o.anchorRange(),
  };
}

export function buildOutline(pd: ParsedDocument, filePath: string, options: ValidateOptions, limits?: OutlineLimits): Outline {
  const today = options.today;
  const model = new PartnershipModel(pd);
  const facts = factsOf(model, today, options.config);
  const stem = path.basename(filePath).replace(/\.partnership\.ya?ml$/i, '');
  const p = model.partnership;
  const name = p?.str('name') ?? stem;
  const docRange = pd.range(0, pd.text.length);
  const children: OutlineNode[] = [];
  const counts = { overdue: 0, dueSoon: 0, openConcerns: 0 };
  const root = model.root;

  if (root) {
    const sectionRange = (key: string): SectionRange => {
      const pair = root.pair(key);
      const keyNode = pair?.key as { range?: [number, number, number] } | undefined;
      if (!keyNode?.range) return { range: docRange, selectionRange: docRange };
      const end = pair!.value?.range ? pair!.value.range[1] : keyNode.range[1];
      return { range: pd.contentRange(keyNode.range[0], end), selectionRange: pd.range(keyNode.range[0], keyNode.range[1]) };
    };

    if (model.goals.length > 0) {
      const goals = model.goals.map((g, i) => {
        const node = itemNode('goal', 'goals', g, i, `${g.str('id') ?? 'Goal'}: ${g.str('statement') ?? ''}`.trim());
        const metric = g.str('metric');
        const current = g.scalar('current');
        const target = g.scalar('target');
        node.detail = metric ? `${current ?? '?'} → ${target ?? '?'} ${metric}` : 'no metric';
        return node;
      });
      children.push(group('goals', 'Goals', goals, sectionRange('goals'), undefined, limits));
    }

    if (model.people.length > 0) {
      const contacts = new Map(facts.contacts.map((f) => [f.p.node, f]));
      const people = model.people.map((person, i) => {
        const flags: string[] = [];
        const side = person.str('side');
        if (side) flags.push(side);
        if (person.bool('decisionMaker')) flags.push('decision-maker');
        if (person.bool('sponsor')) flags.push('sponsor');
        const contact = contacts.get(person.node);
        const stale = contact?.stale === true;
        const last = contact?.last;
        if (stale) flags.push('stale');
        // contact-stale's other finding: a decision maker or sponsor nobody decided how often to talk to.
        if (contact?.needsCadence) flags.push('no-cadence');
        const bits = [person.str('role'), side === 'customer' ? model.customerName() : side === 'ours' ? 'ours' : undefined];
        if (person.bool('decisionMaker')) bits.push('decision maker');
        if (stale) bits.push(last !== undefined ? `no contact for ${plural(today - last, 'day')}` : 'never contacted');
        if (contact?.needsCadence) bits.push('no contact cadence');
        const node = itemNode('person', 'people', person, i, person.str('name') ?? person.str('id') ?? 'Person', bits.filter(Boolean).join(' · '));
        node.flags = flags;
        if (stale) node.state = 'stale';
        return node;
      });
      children.push(group('people', 'People', people, sectionRange('people'), undefined, limits));
    }

    const plan = model.communication;
    if (plan) {
      const entries: OutlineNode[] = [];
      const status = plan.obj('statusReport');
      const review = plan.obj('reviewMeeting');
      const planEntry = (key: string, label: string, o: Obj, f: CadenceFact | undefined, neverIsOverdue: boolean) => {
        let detail = o.str('cadence') ?? '';
        let state: string | undefined;
        if (f) {
          if (f.last === undefined) {
            detail += ' · never';
            // As the rules judge it: no report ever sent is overdue; a review never held is not reported.
            state = neverIsOverdue && !f.fieldPresent ? 'overdue' : undefined;
          } else {
            state = f.overdueDays > 0 ? 'overdue' : 'ok';
            detail += f.overdueDays > 0 ? ` · ${plural(f.overdueDays, 'day')} overdue` : ` · next ${formatDay(f.next!)}`;
          }
        }
        entries.push({ kind: 'communication', key: `communication/${key}`, label, detail, state, range: wholeRange(o), selectionRange: plan.keyRange(key)! });
      };
      if (status) planEntry('statusReport', 'Status report', status, facts.statusReport(), true);
      if (review) planEntry('reviewMeeting', 'Review meeting', review, facts.reviewMeeting(), false);
      const signed = plan.obj('signedOff');
      const by = signed?.str('by');
      entries.push({
        kind: 'communication',
        key: 'communication/signedOff',
        label: 'Signed off',
        detail: by ? `${model.personName(by)}${signed?.str('on') ? ` on ${signed.str('on')}` : ''}` : 'not signed off',
        state: by && model.side(by) === 'customer' ? 'ok' : 'unsigned',
        range: signed ? wholeRange(signed) : wholeRange(plan),
        selectionRange: plan.keyRange('signedOff') ?? root.keyRange('communication')!,
      });
      children.push(group('communication', 'Communication plan', entries, sectionRange('communication'), status?.str('cadence') ? `${status.str('cadence')} status` : 'no status report', limits));
    }

    if (model.commitments.length > 0) {
      const buckets: Record<string, OutlineNode[]> = { overdue: [], 'due-soon': [], open: [], done: [] };
      facts.commitments.forEach((f, i) => {
        const c = f.c;
        const state = f.state;
        const node = itemNode('commitment', 'commitments', c, i, `${c.str('id') ?? 'Commitment'}: ${c.str('summary') ?? ''}`.trim(), commitmentDetail(f, today, model));
        node.state = state;
        const bucket = state === 'dropped' || state === 'done' ? 'done' : state ?? 'open';
        buckets[bucket].push(node);
      });
      counts.overdue = buckets.overdue.length;
      counts.dueSoon = buckets['due-soon'].length;
      const r = sectionRange('commitments');
      const groups = [
        group('commitments/overdue', 'Overdue', buckets.overdue, r, undefined, limits),
        group('commitments/due-soon', 'Due soon', buckets['due-soon'], r, undefined, limits),
        group('commitments/open', 'Open', buckets.open, r, undefined, limits),
        group('commitments/done', 'Done', buckets.done, r, undefined, limits),
      ].filter((g) => g.children!.length > 0);
      const detail = counts.overdue > 0 ? `${counts.overdue} overdue` : String(model.commitments.length);
      children.push(group('commitments', 'Commitments', groups, r, detail));
    }

    if (model.concerns.length > 0) {
      const unanswered: number[] = [];
      const concerns = facts.concerns.map((f, i) => {
        const k = f.k;
        const raised = f.raised;
        const status = f.status;
        if (status === 'open') counts.openConcerns++;
        const silence = f.daysUnanswered;
        if (silence !== undefined) unanswered.push(silence);
        const age = silence !== undefined ? `unanswered for ${plural(silence, 'day')}` : status === 'open' && raised !== undefined ? `open ${plural(today - raised, 'day')}` : undefined;
        const bits = [status, k.str('severity'), age];
        if (status === 'open' && raised === undefined && !k.has('response')) bits.push('no response');
        const node = itemNode('concern', 'concerns', k, i, `${k.str('id') ?? 'Concern'}: ${k.str('summary') ?? ''}`.trim(), bits.filter(Boolean).join(' · '));
        node.state = status;
        return node;
      });
      const oldest = Math.max(...unanswered);
      const silence = unanswered.length === 0 ? '' : unanswered.length === 1 ? ` · unanswered for ${plural(oldest, 'day')}` : ` · ${unanswered.length} unanswered, the oldest for ${plural(oldest, 'day')}`;
      children.push(group('concerns', 'Concerns', concerns, sectionRange('concerns'), counts.openConcerns > 0 ? `${counts.openConcerns} open${silence}` : String(concerns.length), limits));
    }

    if (model.risks.length > 0) {
      const risks = model.risks.map((r, i) => {
        const node = itemNode('risk', 'risks', r, i, `${r.str('id') ?? 'Risk'}: ${r.str('summary') ?? ''}`.trim(), [r.str('status'), r.str('likelihood') && `likelihood ${r.str('likelihood')}`, r.str('impact') && `impact ${r.str('impact')}`].filter(Boolean).join(' · '));
        node.state = r.str('status');
        return node;
      });
      children.push(group('risks', 'Risks', risks, sectionRange('risks'), undefined, limits));
    }

    const health = model.health;
    if (health) {
      const scores = ['access', 'credibility', 'trust'].map((k) => (health.num(k) !== undefined ? `${k} ${health.num(k)}` : undefined)).filter(Boolean);
      children.push({
        kind: 'health',
        key: 'health',
        label: `Health: ${health.str('status') ?? 'unknown'}`,
        detail: [health.str('trend'), ...scores].filter(Boolean).join(' · '),
        state: health.str('status'),
        range: wholeRange(health),
        selectionRange: root.keyRange('health')!,
      });
    }

    if (model.meetings.length > 0) {
      const meetings = model.meetings.map((m, i) => {
        const status = meetingStatus(m, today) ?? 'held';
        const node = itemNode('meeting', 'meetings', m, i, `${m.str('date') ?? '?'} ${m.str('kind') ?? 'meeting'}`, status === 'held' ? m.str('notes') : status);
        node.key = `meetings/${i}`;
        node.state = status;
        return node;
      });
      children.push(group('meetings', 'Meetings', meetings, sectionRange('meetings'), undefined, limits));
    }

    if (model.milestones.length > 0) {
      const milestones = facts.milestones.map((f, i) => {
        const m = f.m;
        const status = f.status;
        const late = f.overdue;
        const node = itemNode('milestone', 'milestones', m, i, `${m.str('id') ?? 'Milestone'}: ${m.str('name') ?? ''}`.trim(), [status, m.str('due') && `due ${m.str('due')}`, late ? `${plural(f.daysLate, 'day')} late` : undefined].filter(Boolean).join(' · '));
        node.state = late ? 'late' : status;
        return node;
      });
      children.push(group('milestones', 'Milestones', milestones, sectionRange('milestones'), undefined, limits));
    }
  }

  const healthStatus = model.health?.str('status');
  const partnershipNode: OutlineNode = {
    kind: 'partnership',
    key: 'partnership',
    label: name,
    detail: [model.partnership?.str('customer'), healthStatus, model.commitments.length > 0 ? reliabilityShort(facts.reliability()) : undefined].filter(Boolean).join(' · '),
    state: healthStatus,
    range: docRange,
    selectionRange: root?.keyRange('partnership') ?? pd.range(0, 0),
    children,
  };
  const r = facts.reliability();
  const reliability = r.counted > 0 ? { summary: reliabilityShort(r), detail: reliabilityLine(r) } : undefined;
  const summary = summaryOfModel(model, filePath, today, options.config); // the same model: its facts are reused
  const portfolio = { line: summaryLine(summary), rank: attentionRank(summary) };
  return { path: filePath, name, customer: p?.str('customer'), health: healthStatus, counts, ...(reliability ? { reliability } : {}), portfolio, root: partnershipNode };
}
