// Hover for partnership files: each field's documentation from the schema; on a value, what that
// value means here — an enum value's description, a date's distance from today (a late
// commitment's due date says how overdue it is), the person a reference points at.
import { parseDay, plural, relativeDays } from './dates';
import { isMap, isScalar, isSeq, keyName, locate, Node, Pair, ParsedDocument } from './document';
import { factsOf, Reliability, reliabilityLine } from './domain';
import { Obj, PartnershipModel } from './model';
import { MarkupContent, personMarkdown } from './completion';
import { documentationOf, enumDocumentation, isPersonRef, JsonPath, schemaAt } from './schema';
import type { Day, PartnershipConfig, Position, Range } from './types';

export interface Hover {
  contents: MarkupContent;
  range: Range;
}

export interface HoverOptions {
  today: Day;
  /** The config that applies to the file (its folder's `.partnershiprc.yaml`), as validate takes it: the figures judge by it. */
  config?: PartnershipConfig;
}

/** The scalar under an offset and its path; `isKey` when it is a mapping key. */
export interface NodeHit {
  path: (string | number)[];
  node: Node;
  isKey: boolean;
}

function within(offset: number, range: readonly number[] | null | undefined): boolean {
  return range != null && range[0] <= offset && offset <= range[1];
}

/** Walk down from the root to the scalar (key or value) at `offset`. */
export function nodeAt(pd: ParsedDocument, offset: number): NodeHit | undefined {
  let node: Node | null = pd.root;
  const path: (string | number)[] = [];
  while (node) {
    if (isMap(node)) {
      let next: Node | null = null;
      for (const pair of node.items as Pair<Node, Node | null>[]) {
        const key = pair.key;
        if (isScalar(key) && within(offset, key.range)) return { path: [...path, String(key.value)], node: key, isKey: true };
        if (pair.value && within(offset, pair.value.range)) {
          const name = keyName(pair);
          if (name === undefined) return undefined;
          path.push(name);
          next = pair.value;
          break;
        }
      }
      node = next;
    } else if (isSeq(node)) {
      const index: number = (node.items as Node[]).findIndex((item) => item && within(offset, item.range));
      if (index < 0) return undefined;
      path.push(index);
      node = node.items[index] as Node;
    } else if (isScalar(node)) {
      return { path, node, isKey: false };
    } else {
      return undefined;
    }
  }
  return undefined;
}

const ACTIVE = new Set(['open', 'in-progress']);

/** "22 days overdue" for a late commitment's due date, else "in 3 days" / "22 days ago". */
function dateText(pd: ParsedDocument, path: JsonPath, day: Day, today: Day): string {
  if (path.length === 3 && path[0] === 'commitments' && path[2] === 'due') {
    const item = locate(pd.root, path.slice(0, 2))?.node;
    if (isMap(item)) {
      const status = new Obj(item, pd).str('status');
      if (status && ACTIVE.has(status)) {
        if (day < today) return `${plural(today - day, 'day')} overdue`;
        if (day === today) return 'due today';
        return `due ${relativeDays(day, today)}`;
      }
    }
  }
  return relativeDays(day, today);
}

export function hover(pd: ParsedDocument, position: Position, options: HoverOptions): Hover | null {
  const hit = nodeAt(pd, pd.offsetAt(position));
  if (!hit) return null;
  const range = pd.nodeRange(hit.node);
  const { path } = hit;
  const last = path[path.length - 1];
  // A list item's documentation is its list's: `audience` says more than "a person id".
  const field = schemaAt(typeof last === 'number' ? path.slice(0, -1) : path);
  const doc = documentationOf(field);

  if (hit.isKey) {
    if (path.length === 1 && path[0] === 'commitments') {
      const r = factsOf(new PartnershipModel(pd), options.today, options.config).reliability();
      const parts = [reliabilityMarkdown('Reliability', r), doc].filter((p): p is string => Boolean(p));
      return { contents: { kind: 'markdown', value: parts.join('\n\n---\n\n') }, range };
    }
    return doc ? { contents: { kind: 'markdown', value: doc }, range } : null;
  }

  const value = isScalar(hit.node) ? hit.node.value : undefined;
  const s = schemaAt(path);
  let about: string | undefined;
  if (s && typeof value === 'string') {
    const model = () => new PartnershipModel(pd);
    if (isPersonRef(s)) {
      about = personMarkdown(model(), value) ?? `\`${value}\` is not defined under \`people\``;
    } else if (path.length === 3 && path[0] === 'people' && last === 'id') {
      const m = model();
      const person = locate(pd.root, path.slice(0, 2))?.node;
      if (isMap(person) && m.personById.get(value)?.node === person) {
        about = personMarkdown(m, value);
        // Our people's promises, as numbers: only for someone who owns commitments.
        if (factsOf(m, options.today, options.config).byOwner().has(value)) {
          about = [about, reliabilityMarkdown(`Reliability of ${m.personName(value)}`, factsOf(m, options.today, options.config).reliabilityOfOwner(value))].filter(Boolean).join('\n\n');
        }
      }
    } else if (s.ref === 'date') {
      const day = parseDay(value);
      if (day !== undefined) about = `\`${value}\` — ${dateText(pd, path, day, options.today)}`;
    }
  }
  if (s?.enum && about === undefined) {
    const d = enumDocumentation(s, value);
    if (d) about = `\`${String(value)}\` — ${d}`;
  }
  const parts = [about, doc].filter((p): p is string => Boolean(p));
  if (parts.length === 0) return null;
  return { contents: { kind: 'markdown', value: parts.join('\n\n---\n\n') }, range };
}

/** "**Reliability** (last 90 days): on time as first promised 1/2 (50%) · …" */
function reliabilityMarkdown(title: string, r: Reliability): string {
  return `**${title}** (commitments due or completed in the window): ${reliabilityLine(r)}`;
}
