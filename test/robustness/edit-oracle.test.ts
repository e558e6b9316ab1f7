// The edit oracle: every edit the service makes — each quick fix at its diagnostic (through
// codeActions, as an editor gets it), the agenda's planned meeting and the status report's
// lastSent — over thousands of generated layouts of partnership files (layouts.ts). `yaml` reads
// the result: it must be one document without errors, its data exactly the data before plus the
// change the edit names, with every comment kept, the file's line breaks and BOM kept — or the
// service offers no edit, and only where an edit could not be made without changing something
// else (a node an alias also stands for). The seed is in the suite's title;
// PARTNERSHIP_FUZZ_SEED=… replays a run.
import * as assert from 'assert';
import fc from 'fast-check';
import * as path from 'path';
import { Document, isAlias, isMap, isPair, isScalar, isSeq, Lexer, parseAllDocuments, parseDocument } from 'yaml';
import { createLanguageService, Diagnostic, formatDay, parseDay, TextEdit } from '../../server/src/service';
import { layout } from './layouts';
import { property, SEED } from './util';

/** The features, from one language service (its methods need no `this`). */
const { codeActions } = createLanguageService({ fs: { readFile: () => undefined, exists: () => false } });

const FILE = '/work/team/acme.partnership.yaml';
const URI = 'file:///work/team/acme.partnership.yaml';
const TODAY = parseDay('2026-11-23')!;
const service = createLanguageService({ fs: { readFile: () => undefined, exists: () => false } });
const CASES = 1000;

type Path = (string | number)[];
type Json = unknown;

/** LSP semantics: every range refers to the original text; \r\n, \r and \n end a line. */
function apply(text: string, edits: readonly TextEdit[]): string {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\n') starts.push(i + 1);
    else if (text[i] === '\r' && text[i + 1] !== '\n') starts.push(i + 1);
  }
  const at = (p: { line: number; character: number }) => Math.min(starts[p.line] + p.character, p.line + 1 < starts.length ? starts[p.line + 1] : text.length);
  const sorted = edits.map((e) => ({ s: at(e.range.start), e: at(e.range.end), t: e.newText })).sort((a, b) => a.s - b.s || a.e - b.e);
  for (let i = 1; i < sorted.length; i++) assert.ok(sorted[i].s >= sorted[i - 1].e, 'the edits overlap');
  let out = text;
  for (let i = sorted.length - 1; i >= 0; i--) out = out.slice(0, sorted[i].s) + sorted[i].t + out.slice(sorted[i].e);
  return out;
}

/** The file's data, and that it is one clean document. */
function read(text: string, what: string): Json {
  const docs = parseAllDocuments(text);
  assert.ok(Array.isArray(docs) && docs.length === 1, `${Array.isArray(docs) ? docs.length : 'no'} documents in ${what}`);
  const doc = docs[0];
  const problems = [...doc.errors, ...doc.warnings].map((e) => e.message.split('\n')[0]);
  assert.ok(problems.length === 0, `YAML problems (${problems.join('; ')}) in ${what}`);
  return doc.toJS();
}

/** Every comment, in order (the lexer knows a block scalar's content from a comment). */
function comments(text: string): string[] {
  return [...new Lexer().lex(text)].filter((t) => t.startsWith('#')).map((t) => t.trimEnd());
}

/** The file before the edits, parsed once for all of them. */
let last: { text: string; doc: Document.Parsed; comments: string[] } | undefined;
function original(text: string): Document.Parsed {
  if (last?.text !== text) last = { text, doc: parseDocument(text), comments: comments(text) };
  return last.doc;
}

/** The path of the node (key or value) starting at `offset`: where a diagnostic points. */
function pathAt(text: string, offset: number): { path: Path; isKey: boolean } | undefined {
  const doc = original(text);
  let found: { path: Path; isKey: boolean } | undefined;
  const walk = (node: unknown, p: Path): void => {
    if (found) return;
    if (isMap(node)) {
      for (const pair of node.items) {
        const k = isScalar(pair.key) ? String(pair.key.value) : '?';
        if (isScalar(pair.key) && pair.key.range?.[0] === offset) found = { path: [...p, k], isKey: true };
        walk(pair.value, [...p, k]);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => walk(item, [...p, i]));
    } else if ((isScalar(node) || isAlias(node)) && node.range?.[0] === offset) found = { path: p, isKey: false };
  };
  walk(doc.contents, []);
  return found;
}

/** Anchored nodes on the way to `p` (and its direct children) that an alias refers to. */
function aliasedOnPath(text: string, p: Path): boolean {
  const doc = original(text);
  const referenced = new Set<string>();
  const walk = (node: unknown): void => {
    if (isAlias(node)) referenced.add(node.source);
    if (isMap(node) || isSeq(node)) for (const item of node.items as unknown[]) {
      if (isPair(item)) {
        walk(item.key);
        walk(item.value);
      } else walk(item);
    }
  };
  walk(doc.contents);
  const hit = (n: unknown) => (isScalar(n) || isMap(n) || isSeq(n)) && n.anchor !== undefined && referenced.has(n.anchor);
  let node: unknown = doc.contents;
  for (let i = 0; ; i++) {
    if (hit(node)) return true;
    if (isMap(node)) for (const pair of node.items) if (hit(pair.value) || hit(pair.key)) if (i === p.length) return true;
    if (i === p.length) return false;
    const step = p[i];
    if (isMap(node)) node = node.items.find((x) => isScalar(x.key) && String(x.key.value) === step)?.value;
    else if (isSeq(node)) node = node.items[step as number];
    else return false;
  }
}

function get(data: Json, p: Path): Json {
  return p.reduce<Json>((x, k) => (x as Record<string | number, Json>)?.[k], data);
}

function set(data: Json, p: Path, value: Json): void {
  (get(data, p.slice(0, -1)) as Record<string | number, Json>)[p[p.length - 1]] = value;
}

function personName(data: Json, id: unknown): string | undefined {
  const people = (data as { people?: { id?: string; name?: string }[] }).people ?? [];
  const name = people.find((x) => x.id === id)?.name ?? (typeof id === 'string' ? id : undefined);
  return name?.replace(/\s+/g, ' ').trim();
}

/**
 * The audience a new status report got: the customer's decision makers and sponsors as the service
 * reads them (an alias names nobody), so only checked to be such people, in the order of `people`.
 */
function audienceOf(after: Json, before: Json): Json {
  const audience = get(after, ['communication', 'statusReport', 'audience']);
  assert.ok(Array.isArray(audience), 'the new statusReport has no audience list');
  const people = (before as { people?: { id?: string; side?: string; decisionMaker?: boolean; sponsor?: boolean }[] }).people ?? [];
  const deciders = people.filter((x) => x.id && x.side === 'customer' && (x.decisionMaker === true || x.sponsor === true)).map((x) => x.id!);
  assert.deepStrictEqual(audience, deciders.filter((id) => audience.includes(id)), 'the audience is not customer decision makers in order');
  return audience;
}

interface Expectation {
  /** The data after the edit, computed from the data before (and what the edit chose). */
  expected?: (before: Json, after: Json) => Json;
  /** For the agenda: checks the after data itself. */
  check?: (before: Json, after: Json) => void;
  /** Where the edit writes: refusing it is right only when an alias shares a node on the way. */
  target: Path;
}

const clone = (x: Json): Json => structuredClone(x);

/** What a quick fix, by its title, must do to the data. */
function quickFixMeaning(text: string, before: Json, d: Diagnostic, title: string): Expectation {
  const located = pathAt(text, offsetOf(text, d.range.start));
  assert.ok(located, `the diagnostic '${d.message}' points at no node`);
  const p = located.path;
  let m: RegExpExecArray | null;
  if ((m = /^Mark (.+) done today \((\d{4}-\d\d-\d\d)\)$/.exec(title))) {
    const c = p.slice(0, -1);
    const day = m[2];
    return {
      target: c,
      expected: (b) => {
        const x = clone(b);
        set(x, [...c, 'status'], 'done');
        set(x, [...c, 'completed'], day);
        return x;
      },
    };
  }
  if ((m = /^Renegotiate (.+): move due to (\d{4}-\d\d-\d\d) /.exec(title))) {
    const c = p.slice(0, -1);
    const to = m[2];
    return {
      target: c,
      expected: (b, a) => {
        const x = clone(b);
        const item = get(x, c) as Record<string, Json>;
        const entry: Record<string, Json> = { on: formatDay(TODAY), from: item.due, to };
        // No reason is written: what was agreed is the person's to record.
        item.due = to;
        item.history = [...(Array.isArray(item.history) ? item.history : []), entry];
        return x;
      },
    };
  }
  if ((m = /^Record the move of (.+) from (\d{4}-\d\d-\d\d) to (\d{4}-\d\d-\d\d) in history$/.exec(title))) {
    const c = p.slice(0, -1);
    const [from, to] = [m[2], m[3]];
    return {
      target: c,
      expected: (b) => {
        const x = clone(b);
        const item = get(x, c) as Record<string, Json>;
        item.history = [...(Array.isArray(item.history) ? item.history : []), { on: formatDay(TODAY), from, to }];
        return x;
      },
    };
  }
  if ((m = /^Mark (.+) slipped$/.exec(title))) {
    const ms = p.slice(0, -1);
    return {
      target: [...ms, 'status'],
      expected: (b) => {
        const x = clone(b);
        set(x, [...ms, 'status'], 'slipped');
        return x;
      },
    };
  }
  if ((m = /^Set (lastHeld|lastContact) to (\d{4}-\d\d-\d\d)$/.exec(title))) {
    const day = m[2];
    return {
      target: p,
      expected: (b) => {
        const x = clone(b);
        set(x, p, day);
        return x;
      },
    };
  }
  if ((m = /^Add contactEvery: (daily|weekly|biweekly|monthly|quarterly)$/.exec(title))) {
    // On the person's id: the person gains the cadence, nothing else changes.
    const person = p.slice(0, -1);
    const cadence = m[1];
    return {
      target: person,
      expected: (b) => {
        const x = clone(b);
        set(x, [...person, 'contactEvery'], cadence);
        return x;
      },
    };
  }
  if (title === 'Insert a communication-plan skeleton') {
    return {
      target: [],
      expected: (b, a) => ({
        ...(b as object),
        communication: { statusReport: { cadence: 'weekly', channel: 'email', audience: audienceOf(a, b) }, reviewMeeting: { cadence: 'biweekly' } },
      }),
    };
  }
  if (title === 'Add a weekly statusReport to the communication plan') {
    return {
      target: ['communication'],
      expected: (b, a) => {
        const x = clone(b);
        set(x, ['communication', 'statusReport'], { cadence: 'weekly', channel: 'email', audience: audienceOf(a, b) });
        return x;
      },
    };
  }
  if ((m = /^Rename '(.+)' to '(.+)'$/.exec(title))) {
    assert.ok(located.isKey, `'${title}' is not at a key`);
    const [from, to] = [m[1], m[2]];
    const holder = p.slice(0, -1);
    return {
      target: p,
      expected: (b) => {
        const x = clone(b);
        const obj = get(x, holder) as Record<string, Json>;
        const renamed: Record<string, Json> = {};
        for (const [k, v] of Object.entries(obj)) renamed[k === from ? to : k] = v;
        set(x, holder, renamed);
        if (holder.length === 0) return renamed;
        return x;
      },
    };
  }
  if ((m = /^Change '(.+)' to '([^']+)'/.exec(title))) {
    const to = m[2];
    return {
      target: p,
      expected: (b) => {
        const x = clone(b);
        set(x, p, to);
        return x;
      },
    };
  }
  throw new Error(`the oracle does not know the quick fix '${title}': teach it what the fix means`);
}

function offsetOf(text: string, pos: { line: number; character: number }): number {
  let line = 0;
  let i = 0;
  while (line < pos.line && i < text.length) {
    if (text[i] === '\n' || (text[i] === '\r' && text[i + 1] !== '\n')) line++;
    i++;
  }
  return i + pos.character;
}

const counts = { files: 0, edits: 0, refused: 0 };

/** deepStrictEqual, whose failure names the first differing path before the (long) texts. */
function sameData(actual: Json, expected: Json, at: Path, what: string, shown: string): void {
  const fail = (why: string) => assert.fail(`${what}: at ${JSON.stringify(at)} ${why}\n${shown}`);
  if (typeof actual !== 'object' || actual === null || typeof expected !== 'object' || expected === null) {
    if (!Object.is(actual, expected)) fail(`${JSON.stringify(actual)} instead of ${JSON.stringify(expected)}`);
    return;
  }
  if (Array.isArray(actual) !== Array.isArray(expected)) fail('a list and a mapping');
  const keys = new Set([...Object.keys(actual), ...Object.keys(expected)]);
  for (const k of keys) {
    if (!(k in actual)) fail(`'${k}' is missing`);
    if (!(k in expected)) fail(`'${k}' is new`);
    sameData((actual as Record<string, Json>)[k], (expected as Record<string, Json>)[k], [...at, k], what, shown);
  }
}

/** Apply one edit and check that it did exactly what it means. */
function checkEdit(text: string, before: Json, edits: TextEdit[], meaning: Expectation, what: string): void {
  counts.edits++;
  const out = apply(text, edits);
  const shown = `${what}\n--- before ---\n${text}\n--- after ---\n${out}`;
  const after = read(out, `${what}: the edited file\n${shown}`);
  if (meaning.expected) sameData(after, meaning.expected(before, after), [], `${what}: the data changed otherwise than the edit means`, shown);
  if (meaning.check) meaning.check(before, after);
  original(text);
  assert.deepStrictEqual(comments(out), last!.comments, `${what}: comments were not kept\n${shown}`);
  if (text.startsWith('\uFEFF')) assert.ok(out.startsWith('\uFEFF') && !out.slice(1).includes('\uFEFF'), `${shown}\nthe BOM moved`);
  if (/\r\n/.test(text)) assert.ok(!/(^|[^\r])\n/.test(out), `${shown}\na bare line feed in a CRLF file`);
}

function refusalAllowed(text: string, meaning: Expectation, what: string): void {
  counts.refused++;
  assert.ok(aliasedOnPath(text, meaning.target), `${what}: no edit was offered, though nothing forbids it\n${text}`);
}

function checkFile(seed: number): void {
  const { text, traits } = layout(seed);
  const before = read(text, `the generated layout (a bug in layouts.ts), seed ${seed}\n${text}`);
  counts.files++;
  const diagnostics = service.validate(text, FILE, { today: TODAY });
  assert.ok(!diagnostics.some((d) => d.code === 'yaml-syntax'), `the service reads seed ${seed} as broken YAML:\n${text}`);
  for (const d of diagnostics) {
    const actions = codeActions({ uri: URI, diagnostics: [d], commands: { agenda: 'a', report: 'r' }, only: ['quickfix'] });
    const what = `seed ${seed} (${traits}), ${d.code} at ${d.range.start.line + 1}:${d.range.start.character + 1} '${d.message}'`;
    for (const a of actions) {
      if (!a.edit) continue;
      const edits = 'changes' in a.edit ? a.edit.changes[URI] : a.edit.documentChanges[0].edits;
      checkEdit(text, before, edits, quickFixMeaning(text, before, d, a.title), `${what}: '${a.title}'`);
    }
    // The fixes a diagnostic always has, unless the edit would change an aliased copy too.
    const titles = actions.map((a) => a.title);
    const expected: [string, string][] = [];
    if (d.code === 'commitment-overdue') {
      const id = /^(C-\d+)/.exec(d.message)![1];
      expected.push([`Mark ${id} done today (${formatDay(TODAY)})`, `Mark ${id} done today (${formatDay(TODAY)})`]);
      expected.push([`Renegotiate ${id}: move due to ${formatDay(TODAY + 7)} (a week from today) and record it in history`, `Renegotiate ${id}: move due to ${formatDay(TODAY + 7)} `]);
    } else if (d.code === 'communication-plan-missing') {
      const t = d.message.startsWith('No communication plan') ? 'Insert a communication-plan skeleton' : 'Add a weekly statusReport to the communication plan';
      expected.push([t, t]);
    } else if (/did you mean '([^']+)'/.test(d.message)) {
      const suggestion = /did you mean '([^']+)'/.exec(d.message)![1];
      const t = d.code === 'schema' && d.message.startsWith('Unknown key') ? `Rename '${/'([^']+)'/.exec(d.message)![1]}' to '${suggestion}'` : `Change '${/'([^']+)'/.exec(d.message)![1]}' to '${suggestion}'`;
      expected.push([t, t]);
    }
    for (const [full, prefix] of expected) {
      if (!titles.some((t) => t.startsWith(prefix))) refusalAllowed(text, quickFixMeaning(text, before, d, full), `${what}: '${full}'`);
    }
  }

  // The agenda's planned meeting: one more item in `meetings`, nothing else.
  const agenda = service.generateAgenda(text, FILE, TODAY);
  const agendaMeaning: Expectation = {
    target: ['meetings'],
    check: (b, a) => {
      const meetings = (a as { meetings?: Record<string, Json>[] }).meetings;
      assert.ok(Array.isArray(meetings) && meetings.length > 0, `seed ${seed}: no meetings after the agenda`);
      const planned = meetings[meetings.length - 1];
      const x = clone(b) as { meetings?: Json };
      x.meetings = [...(Array.isArray(x.meetings) ? x.meetings : []), planned];
      sameData(a, x, [], `seed ${seed}: the agenda changed more than meetings`, '');
      // No attendees key only when nobody qualifies, and then the agenda says what to add.
      if (Object.keys(planned).includes('attendees')) assert.deepStrictEqual(Object.keys(planned), ['date', 'kind', 'attendees', 'agenda']);
      else {
        assert.deepStrictEqual(Object.keys(planned), ['date', 'kind', 'agenda']);
        assert.match(agenda.content, /Nobody in the file qualifies yet, so nobody is proposed\. Add these to the partnership file/, `seed ${seed}: a meeting without attendees and no word on whom to add`);
      }
      assert.strictEqual(planned.kind, 'reset');
      assert.strictEqual(planned.agenda, path.basename(agenda.path));
      assert.ok(parseDay(String(planned.date))! > TODAY);
    },
  };
  const agendaWhat = `seed ${seed} (${traits}): the agenda's planned meeting`;
  if (agenda.edits.length > 0) checkEdit(text, before, agenda.edits, agendaMeaning, agendaWhat);
  else refusalAllowed(text, { target: (before as { meetings?: Json }).meetings ? ['meetings'] : [] }, agendaWhat);

  // The status report's record (report --sent, Mark as sent): lastSent set to today, nothing else;
  // no edit without a status report. Generating the report itself edits nothing.
  assert.deepStrictEqual(service.generateStatusReport(text, FILE, TODAY).edits, [], `seed ${seed}: generating a report edits nothing`);
  const sent = service.recordStatusReportSent(text, FILE, TODAY);
  const report = { edits: sent.edit ? [sent.edit] : [] };
  const plan = get(before, ['communication', 'statusReport']);
  const reportWhat = `seed ${seed} (${traits}): the status report's lastSent`;
  const reportMeaning: Expectation = {
    target: ['communication', 'statusReport'],
    expected: (b) => {
      const x = clone(b);
      set(x, ['communication', 'statusReport', 'lastSent'], formatDay(TODAY));
      return x;
    },
  };
  if (report.edits.length > 0) checkEdit(text, before, report.edits, reportMeaning, reportWhat);
  else if (plan !== null && typeof plan === 'object' && !Array.isArray(plan) && (plan as { lastSent?: Json }).lastSent !== formatDay(TODAY)) {
    // A later lastSent is never moved back: no edit, and the record says so.
    const last = (plan as { lastSent?: Json }).lastSent;
    const later = typeof last === 'string' && (parseDay(last) ?? -Infinity) > TODAY;
    if (later) assert.match(sent.why ?? '', /^lastSent already says .*: not moved back$/, `${reportWhat}: ${sent.why}`);
    else refusalAllowed(text, reportMeaning, reportWhat);
  }
}

describe(`edit oracle: every edit means exactly its change, over ${CASES} generated layouts (seed ${SEED}; replay with PARTNERSHIP_FUZZ_SEED=${SEED})`, () => {
  it('quick fixes, the agenda record and the report record', function () {
    this.timeout(120_000);
    property('the edit oracle', fc.integer({ min: 0, max: 2 ** 31 - 1 }), CASES, checkFile, 901);
    // The oracle must have judged real edits, not only refusals.
    assert.ok(counts.edits > CASES * 2, `only ${counts.edits} edits checked over ${counts.files} files`);
    assert.ok(counts.refused < counts.edits / 10, `${counts.refused} refusals against ${counts.edits} edits`);
  });
});
