// What a diagnostic is about, as a key that survives edits elsewhere in the file: the YAML path
// to the node at its start, list items named by their `id` when they have one
// ("commitments/C-12/due"). `check --new-since` and `diff` match diagnostics across two versions
// of a file by rule and subject, never by line.
import { isMap, isPair, isScalar, isSeq, Node, ParsedDocument } from './document';
import type { Diagnostic } from './types';

/** The subject of each diagnostic, in order. */
export function diagnosticSubjects(pd: ParsedDocument, diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.map((d) => subjectAt(pd, pd.offsetAt(d.range.start)));
}

function subjectAt(pd: ParsedDocument, offset: number): string {
  const segments: string[] = [];
  let node: Node | null | undefined = pd.root;
  // Descend to the deepest collection entry whose range holds the offset (bounded by the depth
  // limit the parser already enforces).
  for (let depth = 0; node && depth < 1_000; depth++) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && holds(p.key as Node | null, offset, p.value as Node | null));
      if (!pair) break;
      segments.push(isScalar(pair.key) ? String(pair.key.value) : '?');
      const value = pair.value as Node | null;
      if (!value || !inside(value, offset)) break;
      node = value;
    } else if (isSeq(node)) {
      const index = node.items.findIndex((item) => inside(item as Node, offset));
      if (index < 0) break;
      const item = node.items[index] as Node;
      const id = isMap(item) ? item.get('id') : undefined;
      segments.push(typeof id === 'string' || typeof id === 'number' ? String(id) : `#${index}`);
      node = item;
    } else {
      break;
    }
  }
  return segments.join('/');
}

function inside(node: Node | null | undefined, offset: number): boolean {
  const r = node?.range;
  return !!r && r[0] <= offset && offset <= r[2];
}

/** A pair holds the offset from its key's start to its value's end. */
function holds(key: Node | null, offset: number, value: Node | null): boolean {
  const start = key?.range?.[0] ?? value?.range?.[0];
  const end = value?.range?.[2] ?? key?.range?.[2];
  return start !== undefined && end !== undefined && start <= offset && offset <= end;
}

/**
 * The diagnostics of `head` that `base` does not have: for each rule and subject, the ones beyond
 * the number base has (so two unknown owners where base had one report one).
 */
export function newDiagnostics<T extends { code: string }>(head: readonly T[], headSubjects: readonly string[], base: readonly { code: string }[], baseSubjects: readonly string[]): T[] {
  const remaining = new Map<string, number>();
  base.forEach((d, i) => {
    const key = `${d.code}\u0000${baseSubjects[i]}`;
    remaining.set(key, (remaining.get(key) ?? 0) + 1);
  });
  return head.filter((d, i) => {
    const key = `${d.code}\u0000${headSubjects[i]}`;
    const left = remaining.get(key) ?? 0;
    if (left > 0) {
      remaining.set(key, left - 1);
      return false;
    }
    return true;
  });
}
