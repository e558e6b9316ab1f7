// Hostile shapes whose size doubles: each builds a file with n of something (aliases, unknown ids,
// keys, characters on one line, diagnostics…). The cost suite checks that the time to check them
// grows about linearly with n (see cost.test.ts).

const HEAD = 'version: 1\npartnership:\n  name: Cost\n  customer: Mallory Inc\n';

function lines(n: number, line: (i: number) => string): string {
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(line(i));
  return out.join('\n') + '\n';
}

/** An id of letters only (ids must start with a letter), distinct per i, all of one length. */
function word(i: number, prefix: string): string {
  let s = '';
  for (let k = 0; k < 5; k++) {
    s += String.fromCharCode(97 + (i % 26));
    i = Math.floor(i / 26);
  }
  return prefix + s;
}

export interface CostShape {
  name: string;
  /** The smallest n measured; the suite doubles it several times. */
  start: number;
  build(n: number): string;
}

export const COST_SHAPES: CostShape[] = [
  // Each alias once resolved by a walk of the whole document: quadratic.
  { name: 'aliases of one anchor in a flow list', start: 2_500, build: (n) => `${HEAD}anchor: &a hello\nnotes: [${Array(n).fill('*a').join(', ')}]\n` },
  { name: 'anchors, each aliased once', start: 2_000, build: (n) => `${HEAD}notes:\n${lines(n, (i) => `  - &a${i} v${i}`)}others:\n${lines(n, (i) => `  - *a${i}`)}` },
  // "Did you mean": every unknown id against every person id.
  {
    name: 'unknown person ids against as many people',
    start: 400,
    build: (n) =>
      `${HEAD}people:\n${lines(n, (i) => `  - {id: ${word(i, 'p')}, name: P, side: customer}`)}commitments:\n${lines(n, (i) => `  - {id: C-${i}, summary: S, owner: ${word(i, 'q')}, due: 2026-12-01, status: done}`)}`,
  },
  {
    name: 'unknown keys in one mapping (did you mean, key lookups)',
    start: 1_000,
    build: (n) => `${HEAD}people:\n  - name: J\n    side: customer\n${lines(n, (i) => `    ${word(i, 'k')}: ${i}`)}    decisionMaker: maybe\n    id: jdoe\n`,
  },
  { name: 'unknown top-level keys before many schema errors', start: 500, build: (n) => `${HEAD}${lines(n, (i) => `${word(i, 'x')}: 1`)}commitments:\n${lines(n, (i) => `  - {id: C-${i}, summary: S, due: 2026-13-01, status: opne}`)}` },
  { name: 'a long line: one summary', start: 200_000, build: (n) => `${HEAD}commitments:\n  - id: C-1\n    summary: ${'Deliver the audit dashboard '.slice(0, 27).repeat(Math.ceil(n / 27)).slice(0, n)}\n    due: 2026-11-01\n    status: open\n` },
  { name: 'a long line: a flow list of values', start: 20_000, build: (n) => `${HEAD}notes: [${Array(n).fill('a').join(',')}]\n` },
  {
    name: 'many diagnostics: overdue commitments with one duplicate id',
    start: 400,
    build: (n) => `${HEAD}people:\n  - {id: jdoe, name: J, side: customer}\ncommitments:\n${lines(n, (i) => `  - id: C-${i % 2 === 0 ? i : 1}\n    summary: Deliver part ${i}\n    owner: jdoe\n    to: jdoe\n    due: 2026-11-01\n    status: open`)}`,
  },
  // Reliability per owner once filtered every commitment per owner: quadratic in the dashboard,
  // the hover and the outline of a file with thousands of owners.
  {
    name: 'many owners, one commitment each',
    start: 1_000,
    build: (n) =>
      `${HEAD}people:\n${lines(n, (i) => `  - {id: ${word(i, 'p')}, name: P${i}, side: ours}`)}commitments:\n${lines(n, (i) => `  - {id: C-${i}, summary: S, owner: ${word(i, 'p')}, due: 2026-${String(1 + (i % 12)).padStart(2, '0')}-10, status: ${i % 3 === 0 ? 'done' : 'open'}${i % 3 === 0 ? ', completed: 2026-11-01' : ''}}`)}`,
  },
  { name: 'many references to one unknown person', start: 500, build: (n) => `${HEAD}people:\n  - {id: jdoe, name: J, side: customer}\nmeetings:\n${lines(n, () => `  - {date: 2026-11-01, kind: review, attendees: [jdoe, jdeo, jdoe]}`)}` },
];
