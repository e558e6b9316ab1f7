// "Did you mean …": the closest candidate by edit distance, when it is close enough to be a typo.

/** Optimal string alignment distance (Levenshtein plus adjacent transpositions). */
export function editDistance(a: string, b: string): number {
  const m = a.length;
  const n = b.length;
  if (m === 0) return n;
  if (n === 0) return m;
  let prev2 = new Array<number>(n + 1).fill(0);
  let prev = Array.from({ length: n + 1 }, (_, j) => j);
  let cur = new Array<number>(n + 1).fill(0);
  for (let i = 1; i <= m; i++) {
    cur[0] = i;
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2] + 1);
      cur[j] = v;
    }
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return prev[n];
}

/** The candidate closest to `word`, if within a typo's distance (case differences count as half). */
export function closest(word: string, candidates: Iterable<string>): string | undefined {
  return search(word, [...candidates].map(lowered), { left: Infinity });
}

interface Candidate {
  text: string;
  lower: string;
}

const lowered = (text: string): Candidate => ({ text, lower: text.toLowerCase() });

/**
 * How much comparing one Suggester may do, in edit-distance table cells (the product of the two
 * lengths, summed over comparisons): about a tenth of a second. Enough for hundreds of misspelt
 * ids against hundreds of people; 5,000 against 5,000 would take half a minute.
 */
export const SUGGEST_BUDGET = 4_000_000;

/**
 * "Did you mean" over one set of candidates for many words (unknown ids against the file's
 * people): each distinct word is searched once, and all searches together stay within `budget`.
 * A search the budget cannot finish suggests nothing, so the cost is linear in the words.
 */
export class Suggester {
  private readonly memo = new Map<string, string | undefined>();
  private readonly candidates: Candidate[];
  private readonly work: { left: number };
  constructor(candidates: Iterable<string>, budget = SUGGEST_BUDGET) {
    this.candidates = [...candidates].map(lowered);
    this.work = { left: budget };
  }

  closest(word: string): string | undefined {
    if (this.memo.has(word)) return this.memo.get(word);
    const found = this.work.left > 0 ? search(word, this.candidates, this.work) : undefined;
    this.memo.set(word, found);
    return found;
  }
}

/** The closest candidate; each candidate looked at costs one cell, each comparison the product of the lengths. */
function search(word: string, candidates: readonly Candidate[], work: { left: number }): string | undefined {
  const lower = word.toLowerCase();
  const limit = Math.max(1, Math.min(3, Math.floor(word.length / 3)));
  let best: string | undefined;
  let bestScore = Infinity;
  for (const { text: c, lower: cl } of candidates) {
    if (c === word) continue;
    if (--work.left < 0) return undefined; // out of budget: no suggestion rather than a partial one
    let score: number;
    if (cl === lower) score = 0.5;
    else if (lower.length >= 3 && cl.startsWith(lower)) score = 1; // an abbreviation: 'warn' → 'warning'
    else if (Math.abs(cl.length - lower.length) > limit) continue;
    else {
      work.left -= lower.length * cl.length;
      if (work.left < 0) return undefined;
      score = editDistance(lower, cl);
    }
    if (score <= limit && score < bestScore) {
      best = c;
      bestScore = score;
    }
  }
  return best;
}

export function didYouMean(suggestion: string | undefined): string {
  return suggestion === undefined ? '' : ` (did you mean '${suggestion}'?)`;
}
