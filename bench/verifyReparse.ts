// Differential check of the incremental re-parse (server/src/service/reparse.ts): random edits of
// realistic files, each re-parsed incrementally where it applies and in full, and the two compared:
// tree (every property, ranges included), plain value, line starts, and the diagnostics.
// `node out/bench/verifyReparse.js [iterations] [seed]`; exits 1 on the first difference.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'fs';
import { join, resolve } from 'path';
import { isDeepStrictEqual } from 'util';
import { ParsedDocument } from '../server/src/service/document';
import { parseDay } from '../server/src/service/dates';
import { reparse } from '../server/src/service/parse/reparse';
import { sameClass } from '../server/src/service/parse/fastParse';
import { validateParsed } from '../server/src/service/validate';
import { generatePartnership, rng } from './generate';

const ROOT = resolve(__dirname, '..', '..');

function sources(): { name: string; text: string }[] {
  const out: { name: string; text: string }[] = [];
  for (const folder of ['examples', 'test/fixtures/service', 'test/fixtures/lsp', 'test/fixtures/quickfix']) {
    let names: string[] = [];
    try {
      names = readdirSync(join(ROOT, folder));
    } catch {
      continue;
    }
    for (const name of names) if (name.endsWith('.yaml')) out.push({ name: `${folder}/${name}`, text: readFileSync(join(ROOT, folder, name), 'utf8') });
  }
  out.push({ name: 'generated 40', text: generatePartnership({ commitments: 40, seed: 3 }).text });
  out.push({ name: 'generated 120 (CRLF)', text: generatePartnership({ commitments: 120, seed: 4, errorRate: 0 }).text.replace(/\n/g, '\r\n') });
  out.push({ name: 'generated 300', text: generatePartnership({ commitments: 300, seed: 5, errorRate: 0 }).text });
  out.push({ name: 'generated 150 with block-scalar notes', text: generatePartnership({ commitments: 150, seed: 6, notes: true }).text });
  return out;
}

const SNIPPETS = [
  'x', ' ', '-', ':', ': ', '#', '# note', "'", '"', '[', ']', '{', '}', ',', '\n', '\n\n', '&a ', '*a', '!', '!!str ', '|', '>', '%', '\t', '\r\n', '<<: ',
  '    owner: p1\n', '    status: done\n', '    # a comment\n', '  # a comment\n', '# top comment\n', '\n', '  - id: Z-1\n    summary: new\n    due: 2026-01-01\n    status: open\n',
  '  - ', '- ', '    history:\n      - on: 2026-01-01\n        reason: later\n', '    summary: "quoted\n      on two lines"\n', '---\n', '...\n', '    due: 2026-02-30\n', 'ownr', 'status: opne',
];

function edit(text: string, random: () => number): string {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)];
  const at = Math.floor(random() * (text.length + 1));
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  switch (Math.floor(random() * 7)) {
    case 0:
      return text.slice(0, at) + pick(SNIPPETS) + text.slice(at);
    case 1: {
      const n = 1 + Math.floor(random() * 4);
      return text.slice(0, at) + text.slice(Math.min(text.length, at + n));
    }
    case 2:
      return text.slice(0, lineStart) + pick(SNIPPETS.filter((s) => s.endsWith('\n'))) + text.slice(lineStart);
    case 3: {
      const end = text.indexOf('\n', at);
      return end < 0 ? text.slice(0, lineStart) : text.slice(0, lineStart) + text.slice(end + 1);
    }
    case 4: {
      // Retype a word.
      const m = /[A-Za-z0-9-]+/.exec(text.slice(at));
      if (!m) return text;
      const s = at + m.index;
      return text.slice(0, s) + pick(['open', 'done', 'p2', 'ghost', 'x', '2026-12-01', 'true', '42', '']) + text.slice(s + m[0].length);
    }
    case 5:
      return text.slice(0, at) + 'x' + text.slice(at); // the typing case
    default: {
      // Duplicate a line.
      const end = text.indexOf('\n', at);
      if (end < 0) return text;
      return text.slice(0, lineStart) + text.slice(lineStart, end + 1) + text.slice(lineStart);
    }
  }
}

/** Every enumerable property of two yaml trees, recursively. */
function diff(a: unknown, b: unknown, path: string): string | undefined {
  if (a === b) return undefined;
  if (typeof a === 'number' && typeof b === 'number' && Number.isNaN(a) && Number.isNaN(b)) return undefined;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return `${path}: ${String(a)} ≠ ${String(b)}`;
  if (!sameClass(a, b)) return `${path}: different kinds of node`;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const key of keys) {
    if (key === 'schema' || key === 'options' || key === 'directives') continue;
    const d = diff((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], `${path}.${key}`);
    if (d) return d;
  }
  return undefined;
}

function main(): void {
  const iterations = Number(process.argv[2] ?? 3000);
  const random = rng(Number(process.argv[3] ?? 1));
  const today = parseDay('2026-11-20')!;
  const docs = sources();
  let applied = 0;
  let declined = 0;
  for (let i = 0; i < iterations; i++) {
    const source = docs[i % docs.length];
    // A short chain of edits, so incremental documents are themselves re-parsed.
    let prev = new ParsedDocument(source.text);
    const steps = 1 + Math.floor(random() * 6);
    for (let step = 0; step < steps; step++) {
      const text = edit(prev.text, random);
      if (text === prev.text) continue;
      const incremental = reparse(prev, text, 0);
      const full = new ParsedDocument(text);
      if (!incremental) {
        declined++;
        prev = full;
        continue;
      }
      applied++;
      const problems: string[] = [];
      if (full.syntaxProblems.length > 0) problems.push(`the full parse has problems: ${full.syntaxProblems.map((p) => p.message).join('; ')}`);
      const treeDiff = diff(incremental.doc, full.doc, 'doc');
      if (treeDiff) problems.push(`tree: ${treeDiff}`);
      if (!isDeepStrictEqual(incremental.value, full.value)) problems.push('value differs');
      const lines = (pd: ParsedDocument) => Array.from({ length: pd.lineCount() }, (_, k) => pd.lineStart(k));
      if (!isDeepStrictEqual(lines(incremental), lines(full))) problems.push('line starts differ');
      if (incremental.valueCount !== full.valueCount) problems.push(`value count ${incremental.valueCount} ≠ ${full.valueCount}`);
      if (problems.length === 0 && !isDeepStrictEqual(validateParsed(incremental, { today }), validateParsed(full, { today }))) problems.push('diagnostics differ');
      if (problems.length > 0) {
        process.stderr.write(`DIFFERENCE in ${source.name}, iteration ${i}, step ${step}:\n  ${problems.join('\n  ')}\n`);
        const [s] = changed(prev.text, text);
        process.stderr.write(`  edit near offset ${s}: ${JSON.stringify(prev.text.slice(Math.max(0, s - 80), s + 80))}\n  → ${JSON.stringify(text.slice(Math.max(0, s - 80), s + 80))}\n`);
        mkdirSync(join(ROOT, 'bench', 'results'), { recursive: true });
        writeFileSync(join(ROOT, 'bench', 'results', 'reparse-before.yaml'), prev.text);
        writeFileSync(join(ROOT, 'bench', 'results', 'reparse-after.yaml'), text);
        process.stderr.write('  texts written to bench/results/reparse-{before,after}.yaml\n');
        process.exitCode = 1;
        return;
      }
      prev = incremental;
    }
  }
  process.stdout.write(`reparse: ${applied} edits re-parsed incrementally and identical to a full parse; ${declined} declined (full parse)\n`);
}

function changed(a: string, b: string): [number] {
  let p = 0;
  while (p < a.length && p < b.length && a[p] === b[p]) p++;
  return [p];
}

main();
