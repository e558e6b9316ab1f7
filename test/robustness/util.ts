// Shared by the robustness suites: the fuzzing seed, the invariants every diagnostic must keep,
// generous size-proportional time budgets, and peak memory of a child process.
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import fc from 'fast-check';
import * as fs from 'fs';
import * as path from 'path';
import { Diagnostic, Position, Range, RULE_IDS, TextEdit } from '../../server/src/service';

export const ROOT = path.resolve(__dirname, '../../..');
export const OUT = path.join(ROOT, 'out');

/**
 * One seed per run: PARTNERSHIP_FUZZ_SEED when set (to replay a failure), else a fresh one, so
 * every CI run explores new inputs. Suites put it in their titles and every failure repeats it.
 */
export const SEED = process.env.PARTNERSHIP_FUZZ_SEED !== undefined ? Number(process.env.PARTNERSHIP_FUZZ_SEED) : Math.floor(Math.random() * 2 ** 31);
if (!Number.isSafeInteger(SEED)) throw new Error(`PARTNERSHIP_FUZZ_SEED must be an integer, got '${process.env.PARTNERSHIP_FUZZ_SEED}'`);

/** Cases run by every property so far, across suites (the issue asks for at least 10,000). */
export const counted = { cases: 0, bytes: 0, slowestMsPerKb: 0 };

/** fc.assert with the run's seed (offset per property) and the seed to replay in any failure. */
export function property<T>(name: string, arb: fc.Arbitrary<T>, numRuns: number, predicate: (value: T) => void, offset: number): void {
  const seed = (SEED + offset) % 2 ** 31;
  const details = fc.check(
    fc.property(arb, (value) => {
      counted.cases++;
      predicate(value);
    }),
    { numRuns, seed },
  );
  if (!details.failed) return;
  const example = JSON.stringify(details.counterexample);
  const shown = example.length > 3000 ? `${example.slice(0, 3000)}… (${example.length} characters)` : example;
  const cause = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
  throw new Error(
    `${name} failed after ${details.numRuns} cases; replay the whole suite with PARTNERSHIP_FUZZ_SEED=${SEED} ` +
      `(fast-check seed ${seed}, path ${details.counterexamplePath})\n${cause.slice(0, 3000)}\ncounterexample: ${shown}`,
  );
}

/** The text's lines as LSP counts them (\r\n, \n and a lone \r all end a line), without their breaks. */
export function lspLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

function inside(p: Position, lines: string[]): boolean {
  return Number.isInteger(p.line) && Number.isInteger(p.character) && p.line >= 0 && p.line < lines.length && p.character >= 0 && p.character <= lines[p.line].length;
}

function before(a: Position, b: Position): boolean {
  return a.line < b.line || (a.line === b.line && a.character <= b.character);
}

/** A range whose both ends are real positions in the text, start before end. */
export function assertRangeInside(range: Range, lines: string[], what: string): void {
  assert.ok(inside(range.start, lines) && inside(range.end, lines) && before(range.start, range.end), `${what}: range ${JSON.stringify(range)} is not inside the ${lines.length}-line document`);
}

/** What every diagnostic must be, whatever the input: well-formed, inside the text, fixes too. */
export function assertDiagnosticsSound(text: string, diagnostics: Diagnostic[]): void {
  const lines = lspLines(text);
  for (const d of diagnostics) {
    const what = `${d.code} '${d.message.slice(0, 200)}' in ${JSON.stringify(text.slice(0, 300))}`;
    assert.ok(!/Internal error/i.test(d.message), `the service failed internally: ${what}`);
    assert.strictEqual(d.source, 'partnership');
    assert.ok((RULE_IDS as readonly string[]).includes(String(d.code)), `unknown code ${d.code}`);
    assert.ok([1, 2, 3, 4].includes(d.severity), `severity ${d.severity}`);
    assert.ok(typeof d.message === 'string' && d.message.trim().length > 0, `empty message: ${what}`);
    assertRangeInside(d.range, lines, what);
    const fixes = (d.data as { fixes?: { kind: string; edits?: TextEdit[] }[] } | undefined)?.fixes ?? [];
    for (const f of fixes) for (const e of f.edits ?? []) assertRangeInside(e.range, lines, `a fix of ${what}`);
  }
}

/**
 * A time budget proportional to the input: a large constant (a busy CI machine, a GC pause, the
 * first call compiling the schema) plus a generous per-KB allowance. Far above what the code needs,
 * so it never flakes, yet far below what a super-linear blow-up or a hang would take.
 */
export function budgetMs(chars: number, perKbMs = 50, constantMs = 2000): number {
  return constantMs + (perKbMs * chars) / 1024;
}

export function timed<T>(f: () => T): { value: T; ms: number } {
  const t0 = process.hrtime.bigint();
  const value = f();
  return { value, ms: Number(process.hrtime.bigint() - t0) / 1e6 };
}

export interface ChildResult<T> {
  result: T;
  /** Peak resident memory of the child (VmHWM), in MiB. */
  peakMiB: number;
  ms: number;
}

/**
 * Run `script` (CommonJS, with `OUT` pointing at the compiled tree and `INPUT` at an optional
 * argument) in a fresh node process, so its peak memory is its own; the script must call
 * `done(result)`. The child is killed after `timeoutMs`.
 */
export function inChild<T>(script: string, input: string, timeoutMs: number, maxOldSpaceMiB = 1024): ChildResult<T> {
  const prelude = `
    const OUT = ${JSON.stringify(OUT)};
    const INPUT = process.argv[process.argv.length - 1];
    const done = (result) => {
      const status = require('fs').readFileSync('/proc/self/status', 'utf8');
      const hwm = Number(/VmHWM:\\s*(\\d+)/.exec(status)[1]) / 1024;
      process.stdout.write(JSON.stringify({ result, peakMiB: hwm, ms: Number(process.hrtime.bigint() - T0) / 1e6 }));
    };
    const T0 = process.hrtime.bigint();
  `;
  const r = spawnSync(process.execPath, [`--max-old-space-size=${maxOldSpaceMiB}`, '-e', prelude + script, input], {
    encoding: 'utf8',
    timeout: timeoutMs,
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.error) throw new Error(`child failed: ${r.error.message}; stderr: ${r.stderr}`);
  if (r.status !== 0) throw new Error(`child exited with ${r.status} (signal ${r.signal}); stderr: ${r.stderr.slice(0, 2000)}`);
  return JSON.parse(r.stdout) as ChildResult<T>;
}

/** The valid example files the mutations start from. */
export function examples(): { name: string; text: string }[] {
  const dirs = [path.join(ROOT, 'examples'), path.join(ROOT, 'test', 'fixtures', 'generate'), path.join(ROOT, 'test', 'fixtures', 'lsp'), path.join(ROOT, 'test', 'fixtures', 'service')];
  const out: { name: string; text: string }[] = [];
  for (const dir of dirs) {
    for (const name of fs.readdirSync(dir).sort()) {
      if (name.endsWith('.partnership.yaml')) out.push({ name, text: fs.readFileSync(path.join(dir, name), 'utf8') });
    }
  }
  return out;
}
