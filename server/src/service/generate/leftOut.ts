// What a generated document leaves out of a file with schema errors, said once for both documents.
// An entry of a list (a person, a commitment, a concern, …) with a schema error is not trusted in
// part: the document leaves the whole entry out and says so at the top, with the schema's own
// message, instead of dropping it silently. An error outside the lists (a misspelt cadence) is
// named too: the value is not used.
import { isMap, isScalar, isSeq, getPair, Node, ParsedDocument } from '../document';
import { validateSchema } from '../schema';
import { md } from './markdown';

/** The top-level lists whose entries a document shows one by one. */
const LISTS = ['people', 'goals', 'commitments', 'concerns', 'risks', 'meetings', 'milestones'] as const;
const NOUN: Record<(typeof LISTS)[number], string> = {
  people: 'person',
  goals: 'goal',
  commitments: 'commitment',
  concerns: 'concern',
  risks: 'risk',
  meetings: 'meeting',
  milestones: 'milestone',
};

export interface LeftOutEntry {
  /** "C-7", "the meeting of 2026-10-01", "the 3rd commitment", "communication (line 14)". */
  label: string;
  /** The schema's messages for it, in file order. */
  reasons: string[];
  /** The list item's node; undefined for a value outside the lists. */
  node?: unknown;
}

export interface LeftOut {
  entries: LeftOutEntry[];
  /**
   * Required keys missing outside the lists ("'partnership' in the file"): nothing is left out for
   * them, the document shows what there is; its notice says what is missing.
   */
  missing: string[];
  /** The nodes of left-out list items: `has(obj.node)` says whether a document may show it. */
  nodes: ReadonlySet<unknown>;
}

const NOTHING: LeftOut = { entries: [], missing: [], nodes: new Set() };

function ordinal(n: number): string {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : ({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th';
  return `${n}${suffix}`;
}

function itemLabel(list: (typeof LISTS)[number], item: unknown, index: number): string {
  if (isMap(item)) {
    const id = getPair(item, 'id')?.value;
    if (isScalar(id) && typeof id.value === 'string' && id.value.trim() !== '') return id.value;
    const date = getPair(item, 'date')?.value;
    if (list === 'meetings' && isScalar(date) && typeof date.value === 'string') return `the meeting of ${date.value}`;
  }
  return `the ${ordinal(index + 1)} ${NOUN[list]}`;
}

/** The entries and values a document leaves out, from the file's schema problems (none when the YAML does not parse). */
export function leftOutEntries(pd: ParsedDocument): LeftOut {
  const root = pd.root;
  if (pd.syntaxProblems.length > 0 || !isMap(root)) return NOTHING;
  const problems = validateSchema(pd);
  if (problems.length === 0) return NOTHING;
  // The list items in file order (they do not overlap), found by binary search: a file may hold
  // hundreds of thousands of entries and thousands of problems.
  const items: { list: (typeof LISTS)[number]; index: number; node: Node; start: number; end: number }[] = [];
  for (const list of LISTS) {
    const seq = getPair(root, list)?.value;
    if (!isSeq(seq)) continue;
    seq.items.forEach((item, index) => {
      const node = item as Node | null;
      if (node?.range) items.push({ list, index, node, start: node.range[0], end: node.range[1] });
    });
  }
  items.sort((a, b) => a.start - b.start);
  const itemAt = (at: number) => {
    let lo = 0;
    let hi = items.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (items[mid].end <= at) lo = mid + 1;
      else if (items[mid].start > at) hi = mid - 1;
      else return items[mid];
    }
    return undefined;
  };
  const byKey = new Map<unknown, LeftOutEntry>();
  const entries: LeftOutEntry[] = [];
  const missing: string[] = [];
  for (const p of problems) {
    const at = pd.offsetAt(p.range.start);
    const item = itemAt(at);
    const required = /^Missing required key '(.*)' in (.*)$/.exec(p.message);
    if (!item && required) {
      missing.push(`'${required[1]}' in ${required[2]}`);
      continue;
    }
    const key = item ? item.node : `line ${p.range.start.line}`;
    let entry = byKey.get(key);
    if (!entry) {
      entry = item ? { label: itemLabel(item.list, item.node, item.index), reasons: [], node: item.node } : { label: `${pathAt(pd, at)} (line ${p.range.start.line + 1})`, reasons: [] };
      byKey.set(key, entry);
      entries.push(entry);
    }
    entry.reasons.push(p.message);
  }
  return { entries, missing, nodes: new Set(entries.filter((e) => e.node !== undefined).map((e) => e.node)) };
}

/** The dotted path of the deepest key whose pair holds `offset`: "communication.statusReport.cadence", or "the file". */
function pathAt(pd: ParsedDocument, offset: number): string {
  const keys: string[] = [];
  let node: unknown = pd.root;
  for (;;) {
    if (isMap(node)) {
      const pair = node.items.find((p) => {
        const start = (p.key as Node | null)?.range?.[0];
        const end = (p.value as Node | null)?.range?.[1] ?? (p.key as Node | null)?.range?.[1];
        return start !== undefined && end !== undefined && offset >= start && offset <= end;
      });
      if (!pair || !isScalar(pair.key)) break;
      keys.push(String(pair.key.value));
      node = pair.value;
    } else if (isSeq(node)) {
      const index = node.items.findIndex((it) => {
        const r = (it as Node | null)?.range;
        return r != null && offset >= r[0] && offset <= r[1];
      });
      if (index < 0) break;
      keys.push(String(index + 1));
      node = node.items[index];
    } else break;
  }
  return keys.length > 0 ? keys.join('.') : 'the file';
}

/**
 * The notice at the top of a document: one line per entry left out, with why. Empty when nothing
 * was left out.
 */
/** Entries the notice names one by one; a document is not the place for a file's every error. */
export const MAX_LISTED = 20;

export function leftOutNotice(leftOut: LeftOut, document: 'agenda' | 'status report'): string[] {
  const out: string[] = [];
  const n = leftOut.entries.length;
  if (n > 0) {
    out.push(
      `> **${n === 1 ? '1 entry' : `${n} entries`} of the partnership file left out of this ${document}:** ${n === 1 ? 'it has' : 'they have'} errors, so what ${n === 1 ? 'it says is' : 'they say is'} not used here. Fix the file and generate the ${document} again.`,
      '>',
      ...leftOut.entries.slice(0, MAX_LISTED).map((e) => `> - ${md(e.label)} left out: ${e.reasons.map(md).join('; ')}`),
      ...(n > MAX_LISTED ? [`> - … and ${n - MAX_LISTED} more: \`partnership check\` lists every problem of the file.`] : []),
    );
  }
  if (leftOut.missing.length > 0) {
    if (out.length > 0) out.push('>');
    out.push(`> **The partnership file lacks required keys, so this ${document} shows less than it should:** ${leftOut.missing.map(md).join('; ')}. Add them and generate the ${document} again.`);
  }
  return out;
}

/** For the CLI and the editor: "C-7 left out: …", one per entry. */
export function leftOutLines(leftOut: LeftOut): string[] {
  return leftOut.entries.map((e) => `${e.label} left out: ${e.reasons.join('; ')}`);
}
