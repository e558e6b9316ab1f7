// Generated partnership files for the benchmark: deterministic (seeded), realistic in shape, with
// about 1% seeded errors of several kinds so that the right diagnostic counts are known.
//
// Proportions per 1,000 commitments: 100 people (half each side), 200 concerns, 100 meetings,
// 50 risks, 20 milestones, 10 goals.

/** The review date every run uses, so domain rules give the same result on every machine. */
export const BENCH_TODAY = '2026-11-20';

/** The kinds of seeded error and what each tool is expected to report for it. */
export const ERROR_KINDS = ['bad-enum', 'bad-date', 'unknown-key', 'unknown-person', 'duplicate-id', 'bad-severity'] as const;
export type ErrorKind = (typeof ERROR_KINDS)[number];

/** Seeded errors that are JSON-schema violations: any schema validator (yaml-language-server too) reports them. */
export const SCHEMA_KINDS: readonly ErrorKind[] = ['bad-enum', 'bad-date', 'unknown-key', 'bad-severity'];

export interface Generated {
  text: string;
  lines: number;
  commitments: number;
  seeded: Record<ErrorKind, number>;
  /** Error-level diagnostics our checker must report (every seeded error is one). */
  expectedErrors: number;
  /** Diagnostics a plain JSON-schema validator must report (the schema-kind seeded errors). */
  expectedSchemaErrors: number;
  /** Where a one-character edit goes: an offset inside a commitment summary near the middle of the file. */
  editOffset: number;
}

/** mulberry32: a small, fast, deterministic random source; the benchmark and the randomised tests share it. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DAY_MS = 86_400_000;
const TODAY_MS = Date.parse(`${BENCH_TODAY}T00:00:00Z`);
const day = (offsetDays: number) => new Date(TODAY_MS + offsetDays * DAY_MS).toISOString().slice(0, 10);

const FIRST = ['Jane', 'Amir', 'Priya', 'Tomasz', 'Sofia', 'Maryam', 'Linh', 'Kate', 'Marco', 'Anna', 'Sanjay', 'Ola', 'Ravi', 'Mei', 'Lars', 'Noor'];
const LAST = ['Doe', 'Lee', 'Nair', 'Brandt', 'Kowalski', 'Khan', 'Nguyen', "O'Brien", 'Rossi', 'Kowalczyk', 'Patel', 'Berg', 'Iyer', 'Chen', 'Olsen', 'Haddad'];
const ROLES = ['VP Compliance', 'Audit lead', 'IT security', 'Tech lead', 'Data engineer', 'Director of Delivery', 'Product owner', 'Analyst'];
const VERBS = ['Deliver', 'Review', 'Pilot', 'Migrate', 'Document', 'Automate', 'Fix', 'Present', 'Validate', 'Ship'];
const OBJECTS = ['the audit dashboard', 'the data feed', 'exception reports', 'the billing export', 'access reviews', 'the monthly close', 'the status template', 'SSO login', 'the archive job', 'retention rules'];

export interface GenerateOptions {
  commitments: number;
  seed?: number;
  /** Share of commitments that carry a seeded error (default 1%). */
  errorRate?: number;
  /** A name for the partnership (workspace files differ by it). */
  name?: string;
  /** Which error kind comes first (workspace files rotate through them). */
  firstKind?: number;
  /**
   * Notes as people keep them: multi-line summaries, responses, mitigations and meeting notes as
   * block scalars (`|`, `>`, with chomping indicators), with blank lines and lists inside.
   */
  notes?: boolean;
}

export function generatePartnership(options: GenerateOptions): Generated {
  const n = options.commitments;
  const random = rng(options.seed ?? 1);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)];
  const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  const errorRate = options.errorRate ?? 0.01;
  const seeded = Object.fromEntries(ERROR_KINDS.map((k) => [k, 0])) as Record<ErrorKind, number>;
  const out: string[] = [];
  const push = (line: string) => out.push(line);
  // Notes draw from their own random source, so the files without notes stay as they were.
  const noteRandom = rng((options.seed ?? 1) * 31 + 7);
  const NOTE_LINES = [
    'Agreed in the review meeting; the customer wants a written plan.',
    '- export the audit trail as CSV',
    '- add the access review to the monthly pack',
    'Their data team is short-staffed until the new hire starts.',
    'Risk: the feed arrives late on the last day of the month.',
    'Follow up with legal before anything is sent: "no PII in exports".',
    'Numbers: 12 of 14 checks pass; #3 and #9 need the new fields.',
  ];
  const HEADERS = ['|', '>', '|-', '>-', '|+'];
  /** A block scalar at `indent` under `key`, or undefined when this one stays on one line. */
  const note = (indent: string, key: string, share: number): string[] | undefined => {
    if (!options.notes || noteRandom() >= share) return undefined;
    const lines = [`${indent}${key}: ${HEADERS[Math.floor(noteRandom() * HEADERS.length)]}`];
    const count = 2 + Math.floor(noteRandom() * 4);
    for (let k = 0; k < count; k++) {
      if (k > 0 && noteRandom() < 0.2) lines.push('');
      lines.push(`${indent}  ${NOTE_LINES[Math.floor(noteRandom() * NOTE_LINES.length)]}`);
    }
    return lines;
  };

  const peopleCount = Math.max(4, Math.round(n / 10));
  const concernCount = Math.max(1, Math.round(n / 5));
  const meetingCount = Math.max(1, Math.round(n / 10));
  const riskCount = Math.max(1, Math.round(n / 20));
  const milestoneCount = Math.max(1, Math.round(n / 50));
  const goalCount = Math.max(1, Math.round(n / 100));

  const customers: string[] = [];
  const ours: string[] = [];
  for (let i = 0; i < peopleCount; i++) (i % 2 === 0 ? customers : ours).push(`p${i + 1}`);

  push(`# Generated for the benchmark: ${n} commitments.`);
  push('version: 1');
  push('');
  push('partnership:');
  push(`  name: ${options.name ?? `Benchmark partnership ${n}`}`);
  push('  customer: Acme Corp');
  push('  kind: external');
  push('  since: 2024-01-15');
  push('  summary: A generated relationship of realistic shape');
  push('');
  push('goals:');
  for (let i = 0; i < goalCount; i++) {
    push(`  - id: G-${i + 1}`);
    push(`    statement: ${pick(VERBS)} ${pick(OBJECTS)} on time`);
    push('    metric: days late per month');
    push(`    target: ${int(0, 5)}`);
    push(`    current: ${int(0, 20)}`);
    push(`    definedBy: ${pick(customers)}`);
  }
  push('');
  push('people:');
  for (let i = 0; i < peopleCount; i++) {
    const id = `p${i + 1}`;
    const customer = i % 2 === 0;
    push(`  - id: ${id}`);
    push(`    name: ${pick(FIRST)} ${pick(LAST)}`);
    push(`    side: ${customer ? 'customer' : 'ours'}`);
    push(`    role: ${pick(ROLES)}`);
    if (i === 0) {
      push('    decisionMaker: true');
      push('    sponsor: true');
    }
    push(`    email: ${id}@example.com`);
    if (customer) {
      push('    contactEvery: monthly');
      push(`    lastContact: ${day(-int(1, 40))}`);
    }
  }
  push('');
  push('communication:');
  push('  statusReport:');
  push('    cadence: weekly');
  push('    channel: email');
  push(`    audience: [${customers.slice(0, 3).join(', ')}]`);
  push(`    lastSent: ${day(-3)}`);
  push('  reviewMeeting:');
  push('    cadence: biweekly');
  push(`    lastHeld: ${day(-6)}`);
  push(`  escalation: [${ours[0]}]`);
  push('  signedOff:');
  push(`    by: ${customers[0]}`);
  push('    on: 2024-02-01');
  push('');

  // Seeded errors are spread evenly: every 1/errorRate-th commitment, cycling through the kinds.
  const every = errorRate > 0 ? Math.max(1, Math.round(1 / errorRate)) : Infinity;
  let errorIndex = options.firstKind ?? 0;
  const nextKind = (): ErrorKind => ERROR_KINDS[errorIndex++ % ERROR_KINDS.length];
  let editOffset = -1;
  let size = out.reduce((s, l) => s + l.length + 1, 0);
  const track = (line: string) => {
    out.push(line);
    size += line.length + 1;
  };

  track('commitments:');
  for (let i = 0; i < n; i++) {
    const kind: ErrorKind | undefined = i % every === Math.floor(every / 2) ? nextKind() : undefined;
    const made = -int(10, 900);
    const due = made + int(7, 90);
    const past = due < 0;
    // Most past commitments were kept; a few are late; future ones are open or in progress.
    const status = past ? (random() < 0.97 ? 'done' : random() < 0.5 ? 'dropped' : 'open') : random() < 0.6 ? 'open' : 'in-progress';
    const id = kind === 'duplicate-id' && i > 0 ? `C-${i}` : `C-${i + 1}`;
    track(`  - id: ${id}`);
    // The edit goes into a one-line summary: that commitment keeps one.
    const editHere = editOffset < 0 && i >= n / 2;
    if (editHere) editOffset = size + '    summary: '.length + 1;
    const blockSummary = editHere ? undefined : note('    ', 'summary', 0.3);
    if (blockSummary) blockSummary.forEach(track);
    else track(`    summary: ${pick(VERBS)} ${pick(OBJECTS)} for release ${Math.floor(i / 10) + 1}`);
    if (kind === 'unknown-key') track(`    ownr: ${pick(ours)}`);
    else if (kind === 'unknown-person') track(`    owner: ghost${i}`);
    else track(`    owner: ${pick(ours)}`);
    track(`    to: ${pick(customers)}`);
    track(`    made: ${day(made)}`);
    track(kind === 'bad-date' ? `    due: 2026-13-${String(int(10, 28))}` : `    due: ${day(due)}`);
    track(`    status: ${kind === 'bad-enum' ? 'opne' : status}`);
    if (status === 'done' && kind !== 'bad-enum') track(`    completed: ${day(Math.min(due + int(-5, 3), -1))}`);
    if (random() < 0.15) {
      track('    history:');
      track(`      - on: ${day(made + 2)}`);
      track(`        from: ${day(due - 7)}`);
      track(`        to: ${day(due)}`);
      track('        reason: waiting for the data feed');
    }
    if (kind) seeded[kind]++; // a bad severity is placed in a concern below
  }
  track('');
  track('concerns:');
  const badSeverity = seeded['bad-severity'];
  let severityPlaced = 0;
  for (let i = 0; i < concernCount; i++) {
    const raised = -int(5, 700);
    const open = random() < 0.1;
    const wrong = severityPlaced < badSeverity && i % Math.max(1, Math.floor(concernCount / Math.max(1, badSeverity))) === 0;
    if (wrong) severityPlaced++;
    track(`  - id: K-${i + 1}`);
    track(`    summary: ${pick(OBJECTS)} ${pick(['arrives late', 'is unclear', 'keeps failing', 'needs an owner'])}`);
    track(`    raised: ${day(raised)}`);
    track(`    by: ${pick(customers)}`);
    track(`    severity: ${wrong ? 'critical' : pick(['low', 'medium', 'high'])}`);
    track(`    status: ${open ? 'open' : 'closed'}`);
    track(`    owner: ${pick(ours)}`);
    const response = note('    ', 'response', 0.4);
    if (response) response.forEach(track);
    else track('    response: Agreed a fix and a date in the review meeting');
    track(`    respondedOn: ${day(Math.min(raised + int(0, 4), 0))}`);
  }
  // Not enough concerns to carry every bad severity (tiny files): count only those placed.
  seeded['bad-severity'] = severityPlaced;
  track('');
  track('risks:');
  for (let i = 0; i < riskCount; i++) {
    track(`  - id: R-${i + 1}`);
    track(`    summary: ${pick(OBJECTS)} may slip`);
    track(`    owner: ${pick(ours)}`);
    track(`    likelihood: ${pick(['low', 'medium', 'high'])}`);
    track(`    impact: ${pick(['low', 'medium', 'high'])}`);
    const mitigation = note('    ', 'mitigation', 0.5);
    if (mitigation) mitigation.forEach(track);
    else track('    mitigation: Escalate early and agree a fallback');
    track(`    status: ${pick(['open', 'mitigated', 'closed'])}`);
  }
  track('');
  track('health:');
  track('  status: healthy');
  track(`  assessed: ${day(-2)}`);
  track('  trend: steady');
  track('  access: 4');
  track('  credibility: 4');
  track('  trust: 4');
  track('');
  track('meetings:');
  for (let i = 0; i < meetingCount; i++) {
    track(`  - date: ${day(-7 * (meetingCount - i))}`);
    track(`    kind: ${pick(['status', 'review', 'steering'])}`);
    track(`    attendees: [${pick(customers)}, ${pick(ours)}]`);
    const notes = note('    ', 'notes', 0.7);
    if (notes) notes.forEach(track);
    else track(`    notes: Went through ${pick(OBJECTS)}`);
  }
  track('');
  track('milestones:');
  for (let i = 0; i < milestoneCount; i++) {
    const due = int(-400, 200);
    const delivered = due < 0;
    track(`  - id: M-${i + 1}`);
    track(`    name: Release ${i + 1}`);
    track(`    due: ${day(due)}`);
    track(`    status: ${delivered ? 'delivered' : 'planned'}`);
    if (delivered) track(`    delivered: ${day(due + int(-3, 0))}`);
  }
  const text = out.join('\n') + '\n';
  const expectedErrors = ERROR_KINDS.reduce((s, k) => s + seeded[k], 0);
  const expectedSchemaErrors = SCHEMA_KINDS.reduce((s, k) => s + seeded[k], 0);
  return { text, lines: out.length, commitments: n, seeded, expectedErrors, expectedSchemaErrors, editOffset };
}
