// A typed, defensive view of the partnership document. Every accessor returns undefined for a
// value of the wrong shape: the schema reports those, and the domain rules simply skip them.
import { parseDay } from './dates';
import { getPair, isMap, isScalar, isSeq, Node, Pair, ParsedDocument, YAMLMap } from './document';
import type { Day, Range } from './types';

export interface Ref {
  id: string;
  range: Range;
  /** The scalar the reference is written as (what a fix replaces). */
  node?: Node;
}

/** A reference whose range is computed when asked for: most references are fine and never reported. */
class NodeRef implements Ref {
  constructor(
    readonly id: string,
    readonly node: Node,
    private readonly pd: ParsedDocument,
  ) {}

  get range(): Range {
    return this.pd.nodeRange(this.node);
  }
}

/** parseDay for the same few dates over and over (every rule reads them): remembered per text. */
const days = new Map<string, Day | undefined>();

function dayOf(value: unknown): Day | undefined {
  if (typeof value !== 'string') return undefined;
  if (days.has(value)) return days.get(value);
  if (days.size >= 10_000) days.clear();
  const day = parseDay(value);
  days.set(value, day);
  return day;
}

/** Keys that a mapping holds under a misspelt name the schema reported ('ownr' for 'owner'). */
export type TypoKeys = WeakMap<YAMLMap, Set<string>>;

export class Obj {
  constructor(
    readonly node: YAMLMap,
    readonly pd: ParsedDocument,
    private readonly typos?: TypoKeys,
  ) {}

  pair(key: string): Pair<Node, Node | null> | undefined {
    return getPair(this.node, key);
  }

  /**
   * Whether the key is present — also under a misspelling the schema already reported, so a rule
   * about a missing key does not repeat that problem as a second diagnostic.
   */
  has(key: string): boolean {
    return this.pair(key) !== undefined || this.typos?.get(this.node)?.has(key) === true;
  }

  /** Present with a value that says something: not empty, not blank text (also under a misspelling). */
  filled(key: string): boolean {
    if (!this.has(key)) return false;
    if (!this.pair(key)) return true; // present only under a misspelling: the schema reports it
    const v = this.pair(key)!.value;
    if (v === null) return false;
    const s = this.scalar(key);
    return !(s === null || (typeof s === 'string' && s.trim() === ''));
  }

  /** Present with a value of the wrong type: the schema reports it, and rules treat it as unknown. */
  invalid(key: string): boolean {
    const p = this.pair(key);
    return p !== undefined && p.value !== null && this.scalar(key) === undefined && !isMap(p.value) && !isSeq(p.value);
  }

  /** The scalar value at `key`, whatever its type; undefined for a collection or a missing key. */
  scalar(key: string): unknown {
    const v = this.pair(key)?.value;
    return isScalar(v) ? v.value : undefined;
  }

  str(key: string): string | undefined {
    const v = this.scalar(key);
    return typeof v === 'string' && v.trim() !== '' ? v : undefined;
  }

  day(key: string): Day | undefined {
    return dayOf(this.scalar(key));
  }

  bool(key: string): boolean | undefined {
    const v = this.scalar(key);
    return typeof v === 'boolean' ? v : undefined;
  }

  num(key: string): number | undefined {
    const v = this.scalar(key);
    return typeof v === 'number' ? v : undefined;
  }

  obj(key: string): Obj | undefined {
    const v = this.pair(key)?.value;
    return isMap(v) ? new Obj(v, this.pd, this.typos) : undefined;
  }

  /** The mapping items of a sequence at `key` (other items are the schema's business). */
  list(key: string): Obj[] {
    const v = this.pair(key)?.value;
    if (!isSeq(v)) return [];
    const out: Obj[] = [];
    for (const item of v.items) if (isMap(item)) out.push(new Obj(item, this.pd, this.typos));
    return out;
  }

  /** The string items of a sequence at `key`, each with its range. */
  refs(key: string): Ref[] {
    const v = this.pair(key)?.value;
    if (!isSeq(v)) return [];
    const out: Ref[] = [];
    for (const item of v.items) {
      if (isScalar(item) && typeof item.value === 'string') out.push(new NodeRef(item.value, item, this.pd));
    }
    return out;
  }

  /** A single string reference at `key`, with its range. */
  ref(key: string): Ref | undefined {
    const v = this.pair(key)?.value;
    if (isScalar(v) && typeof v.value === 'string' && v.value !== '') return new NodeRef(v.value, v, this.pd);
    return undefined;
  }

  /** The range of the value at `key`, or of the key when the value is empty. */
  valueRange(key: string): Range | undefined {
    const p = this.pair(key);
    if (!p) return undefined;
    if (p.value && p.value.range) return this.pd.nodeRange(p.value);
    return this.pd.nodeRange(p.key as Node);
  }

  keyRange(key: string): Range | undefined {
    const p = this.pair(key);
    return p ? this.pd.nodeRange(p.key as Node) : undefined;
  }

  /** Where to point at this item as a whole: its `id` value, else its first key. */
  anchorRange(): Range {
    const id = this.pair('id');
    if (id?.value?.range) return this.pd.nodeRange(id.value);
    const first = this.node.items[0] as Pair<Node, Node | null> | undefined;
    if (first) return this.pd.nodeRange(first.key as Node);
    return this.pd.nodeRange(this.node);
  }
}

export type PersonSide = 'customer' | 'ours';

/** Names as they belong in one-line messages. */
function collapse(text: string | undefined): string | undefined {
  return text === undefined ? undefined : text.replace(/\s+/g, ' ').trim();
}

/** Everything rules look up more than once, indexed in one pass. */
export class PartnershipModel {
  readonly root: Obj | undefined;
  readonly people: Obj[];
  /** First definition of each person id. */
  readonly personById = new Map<string, Obj>();
  readonly commitments: Obj[];
  readonly concerns: Obj[];
  readonly goals: Obj[];
  readonly risks: Obj[];
  readonly meetings: Obj[];
  readonly milestones: Obj[];

  constructor(
    readonly pd: ParsedDocument,
    typos?: TypoKeys,
  ) {
    const root = pd.root;
    this.root = isMap(root) ? new Obj(root, pd, typos) : undefined;
    const r = this.root;
    this.people = r ? r.list('people') : [];
    for (const p of this.people) {
      const id = p.str('id');
      if (id !== undefined && !this.personById.has(id)) this.personById.set(id, p);
    }
    this.commitments = r ? r.list('commitments') : [];
    this.concerns = r ? r.list('concerns') : [];
    this.goals = r ? r.list('goals') : [];
    this.risks = r ? r.list('risks') : [];
    this.meetings = r ? r.list('meetings') : [];
    this.milestones = r ? r.list('milestones') : [];
  }

  get partnership(): Obj | undefined {
    return this.root?.obj('partnership');
  }

  get communication(): Obj | undefined {
    return this.root?.obj('communication');
  }

  get health(): Obj | undefined {
    return this.root?.obj('health');
  }

  customerName(): string {
    return collapse(this.partnership?.str('customer')) ?? 'the customer';
  }

  /** "Jane Doe" for a known person id, else the id itself. */
  personName(id: string | undefined): string | undefined {
    if (id === undefined) return undefined;
    return collapse(this.personById.get(id)?.str('name')) ?? id;
  }

  side(id: string): PersonSide | undefined {
    const s = this.personById.get(id)?.str('side');
    return s === 'customer' || s === 'ours' ? s : undefined;
  }
}

/** Every place a person id may appear: the item, the field, and whether the field is a list. In file order per section. */
export function personReferences(ctx: { model: PartnershipModel }): { field: string; ref: Ref }[] {
  // An array, not a generator: on a large file the generator's bookkeeping cost more than the work.
  const m = ctx.model;
  const out: { field: string; ref: Ref }[] = [];
  const single = (items: Obj[], ...keys: string[]) => {
    for (const item of items) {
      for (const key of keys) {
        const ref = item.ref(key);
        if (ref) out.push({ field: key, ref });
      }
    }
  };
  const many = (item: Obj | undefined, key: string) => {
    if (item) for (const ref of item.refs(key)) out.push({ field: key, ref });
  };
  const partnership = m.partnership;
  if (partnership) single([partnership], 'lead');
  single(m.goals, 'definedBy');
  single(m.commitments, 'owner', 'to');
  single(m.concerns, 'by', 'owner');
  single(m.risks, 'owner');
  const plan = m.communication;
  many(plan?.obj('statusReport'), 'audience');
  many(plan, 'escalation');
  const signed = plan?.obj('signedOff');
  if (signed) single([signed], 'by');
  for (const meeting of m.meetings) many(meeting, 'attendees');
  return out;
}

/**
 * The side a person field names: our people own and escalate, the customer's people receive
 * promises, raise concerns, define goals and sign off the plan. Fields absent here (meeting
 * attendees) take either side. Keyed by the enclosing section or object and the field.
 */
const FIELD_SIDES: Record<string, PersonSide> = {
  'goals.definedBy': 'customer',
  'commitments.owner': 'ours',
  'commitments.to': 'customer',
  'concerns.by': 'customer',
  'concerns.owner': 'ours',
  'risks.owner': 'ours',
  'statusReport.audience': 'customer',
  'communication.escalation': 'ours',
  'signedOff.by': 'customer',
  'partnership.lead': 'ours',
};

/** The side the person field at `path` (e.g. ['commitments', 3, 'owner']) should name, if it matters. */
export function expectedSide(path: readonly (string | number)[]): PersonSide | undefined {
  const names = path.filter((p): p is string => typeof p === 'string');
  if (names.length < 2) return undefined;
  return FIELD_SIDES[`${names[names.length - 2]}.${names[names.length - 1]}`];
}
