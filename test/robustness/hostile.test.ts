// Hostile YAML through the language service: alias bombs, 10,000-deep nesting, a 20 MB file, 1 MB
// single lines, huge mappings, YAML tags that other loaders execute, merge keys. Each gives a clear
// diagnostic; each is measured in a fresh process (time of the service's own work, peak resident
// memory), against budgets proportional to the input; and nothing in the file is ever executed.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { createLanguageService, Diagnostic, parseDay } from '../../server/src/service';
import { HOSTILE } from './inputs';
import { assertDiagnosticsSound, budgetMs, inChild } from './util';

/** The features, from one language service (its methods need no `this`). */
const { completion, documentSymbols, hover } = createLanguageService({ fs: { readFile: () => undefined, exists: () => false } });

const TODAY = parseDay('2026-11-23')!;
const FILE = '/work/team/hostile.partnership.yaml';

interface Outcome {
  length: number;
  validateMs: number;
  allMs: number;
  count: number;
  codes: string[];
  first: { code: string; message: string; range: Diagnostic['range'] }[];
  longestMessage: number;
  rangesInside: string;
  /** An upper estimate of the YAML values in the text (lines, flow separators, indicators). */
  values: number;
  /** Whether the text was parsed at all (not refused as too large). */
  parsed: boolean;
}

/** Runs in the child: build the input, validate it, then every editor feature on it. */
const CHILD = `
  const svc = require(OUT + '/server/src/service');
  const { HOSTILE } = require(OUT + '/test/robustness/inputs.js');
  const { assertDiagnosticsSound } = require(OUT + '/test/robustness/util.js');
  const service = svc.createLanguageService({ fs: { readFile: () => undefined, exists: () => false } });
  const today = svc.parseDay('2026-11-23');
  const file = '/work/team/hostile.partnership.yaml';
  service.validate('version: 1\\n', file, { today }); // compile the schema first: measure the input's own cost
  const text = HOSTILE[INPUT]();
  const t0 = process.hrtime.bigint();
  const diagnostics = service.validate(text, file, { today });
  const validateMs = Number(process.hrtime.bigint() - t0) / 1e6;
  service.outline(text, file, { today });
  service.documentSymbols(text, file, { today });
  for (const line of [0, 3, 5, 1000]) {
    service.hover(text, { line, character: 8 }, { today });
    service.completion(text, { line, character: 8 }, { today });
  }
  service.generateAgenda(text, file, today);
  service.generateStatusReport(text, file, today);
  const allMs = Number(process.hrtime.bigint() - t0) / 1e6;
  let rangesInside = 'yes';
  try { assertDiagnosticsSound(text, diagnostics); } catch (err) { rangesInside = err.message.slice(0, 500); }
  done({
    length: text.length,
    validateMs,
    allMs,
    count: diagnostics.length,
    codes: [...new Set(diagnostics.map((d) => d.code))],
    first: diagnostics.slice(0, 20).map((d) => ({ code: d.code, message: d.message.slice(0, 400), range: d.range })),
    longestMessage: Math.max(0, ...diagnostics.map((d) => d.message.length)),
    rangesInside,
    values: (text.match(/[\\n,[{]|[-:?][ \\t\\r]/g) || []).length + 1,
    parsed: !diagnostics.some((d) => /^This file (is too large|has too many values)/.test(d.message)),
  });
`;

/** What each hostile input must be told, and at most how many diagnostics it may get. */
const EXPECTED: Record<string, { message: RegExp; code?: string; most?: number }> = {
  'billion laughs': { code: 'yaml-syntax', message: /alias bomb/, most: 1 },
  'an alias bomb through mapping keys': { code: 'yaml-syntax', message: /^A mapping cannot be a key: keys are names/, most: 1 },
  '10,000-deep flow sequences': { code: 'yaml-syntax', message: /nests too deeply/, most: 1 },
  '10,000-deep flow mappings': { code: 'yaml-syntax', message: /nests too deeply/, most: 1 },
  '10,000-deep block sequences on one line': { code: 'yaml-syntax', message: /nests too deeply/, most: 1 },
  '10,000-deep block mappings (one more space per level)': { code: 'yaml-syntax', message: /^This file is too large to check \(47\.7 MiB; the limit is /, most: 1 },
  '100,000-deep flow sequences': { code: 'yaml-syntax', message: /nests too deeply/, most: 1 },
  'a 20 MB file': { code: 'yaml-syntax', message: /^This file is too large to check \(20\.0 MiB; the limit is /, most: 1 },
  'a 1 MB single line: the summary of an overdue commitment': { code: 'commitment-overdue', message: /^C-1 'Deliver the audit dashboard Deliver [^']{0,100}…' is 22 days overdue \(due 2026-11-01\)$/ },
  'a 1 MB single line: a flow list of 490,000 values': { code: 'schema', message: /^Unknown key 'notes'/, most: 3 },
  'a 1 MB single line of YAML punctuation': { code: 'yaml-syntax', message: /./, most: 5 },
  '50,000 keys in one mapping': { code: 'schema', message: /^Unknown key 'k0'/, most: 10_000 },
  '50,000 copies of one key': { code: 'yaml-syntax', message: /^Duplicate key 'name'/, most: 10_000 },
  'a million values on 2 MB (over the limit)': { code: 'yaml-syntax', message: /^This file (has too many values to check \(about 1048\d{3}; the limit is 1000000\)|is too large to check)/, most: 1 },
  '300,000 empty commitments (under the limit)': { code: 'schema', message: /^Missing required key/, most: 10_000 },
  '200,000 unknown people referenced': { code: 'unknown-reference', message: /^Unknown person 'zz' in audience/, most: 10_000 },
};

/**
 * Peak memory allowed: the node process and the service (about 100 MiB), plus for a text that is
 * parsed 2 KiB per value in it (the yaml tree, the schema's errors, the outline), else a few copies
 * of the text.
 */
function memoryBoundMiB(r: Outcome): number {
  return 300 + (r.parsed ? (2048 * r.values) / 1048576 : (8 * r.length) / 1048576);
}

export const hostileFigures: { name: string; chars: number; ms: number; peakMiB: number; bound: number }[] = [];

describe('robustness: hostile YAML through the language service', function () {
  this.timeout(300_000);

  for (const name of Object.keys(HOSTILE)) {
    it(`${name}: a clear diagnostic, in bounded time and memory`, () => {
      const expected = EXPECTED[name];
      assert.ok(expected, `no expectation for '${name}'`);
      const { result, peakMiB } = inChild<Outcome>(CHILD, name, 240_000, 3072);
      const shown = JSON.stringify(result.first, null, 1);
      assert.strictEqual(result.rangesInside, 'yes');
      assert.ok(result.count >= 1, `no diagnostic for ${name}`);
      assert.ok(result.first.some((d) => (expected.code === undefined || d.code === expected.code) && expected.message.test(d.message)), `expected ${expected.code} ${expected.message} among ${shown}`);
      if (expected.most !== undefined) assert.ok(result.count <= expected.most, `${result.count} diagnostics, expected at most ${expected.most}: ${shown}`);
      assert.ok(result.longestMessage <= 1000, `a message of ${result.longestMessage} characters is not a clear one`);
      assert.ok(result.validateMs <= budgetMs(result.length), `validation took ${result.validateMs.toFixed(0)} ms, over its budget of ${budgetMs(result.length).toFixed(0)} ms`);
      assert.ok(result.allMs <= 6 * budgetMs(result.length), `validation and the editor features took ${result.allMs.toFixed(0)} ms, over ${(6 * budgetMs(result.length)).toFixed(0)} ms`);
      assert.ok(peakMiB <= memoryBoundMiB(result), `peak memory ${peakMiB.toFixed(0)} MiB, over ${memoryBoundMiB(result).toFixed(0)} MiB`);
      hostileFigures.push({ name, chars: result.length, ms: result.allMs, peakMiB, bound: memoryBoundMiB(result) });
    });
  }

  after(() => {
    if (hostileFigures.length === 0) return;
    // Figures for the README's Reliability section.
    for (const f of hostileFigures) console.log(`      ${f.name}: ${(f.chars / 1048576).toFixed(2)} MiB, ${f.ms.toFixed(0)} ms, peak ${f.peakMiB.toFixed(0)} MiB (bound ${f.bound.toFixed(0)})`);
  });
});

describe('robustness: YAML tags and merge keys are reported, never executed', () => {
  const service = createLanguageService({ fs: { readFile: () => undefined, exists: () => false } });
  let dir: string;
  let marker: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'partnership-tags-'));
    marker = path.join(dir, 'executed');
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  /** Every feature on the text; none may create the marker file a loader that executes tags would. */
  function everything(text: string): Diagnostic[] {
    const diagnostics = service.validate(text, FILE, { today: TODAY });
    assertDiagnosticsSound(text, diagnostics);
    service.outline(text, FILE, { today: TODAY });
    documentSymbols(text, FILE, { today: TODAY });
    hover(text, { line: 4, character: 12 }, { today: TODAY });
    completion(text, { line: 4, character: 12 }, { today: TODAY });
    service.generateAgenda(text, FILE, TODAY);
    service.parseConfig(text, '/work/team/.partnershiprc.yaml');
    assert.ok(!fs.existsSync(marker), `something in the file was executed: ${text}`);
    return diagnostics;
  }

  const write = () => `require('fs').writeFileSync('${marker}', 'pwned')`;
  const head = 'version: 1\npartnership:\n  name: Tags\n  customer: Mallory Inc\n';
  const cases: [string, () => string, string][] = [
    ['!!js/function', () => `${head}  summary: !!js/function "function () { ${write()} }"\n`, '!!js/function'],
    ['!!js/function as a key', () => `${head}? !!js/function "function () { ${write()} }"\n: x\n`, '!!js/function'],
    ['!!js/eval', () => `${head}  summary: !!js/eval "${write()}"\n`, '!!js/eval'],
    ['!!js/regexp', () => `${head}  summary: !!js/regexp /(a+)+$/\n`, '!!js/regexp'],
    ['!!js/undefined', () => `${head}  summary: !!js/undefined ''\n`, '!!js/undefined'],
    ['!!python/object/apply', () => `${head}  summary: !!python/object/apply:os.system ["touch ${marker}"]\n`, '!!python/object/apply:os.system'],
    ['!!ruby/object', () => `${head}  summary: !ruby/object:Gem::Installer {i: x}\n`, '!ruby/object:Gem::Installer'],
    ['!!binary', () => `${head}  summary: !!binary aGVsbG8gd29ybGQ=\n`, '!!binary'],
    ['!!set', () => `${head}  summary: !!set {a, b}\n`, '!!set'],
    ['!!omap', () => `${head}  summary: !!omap [a: 1, b: 2]\n`, '!!omap'],
    ['!!pairs', () => `${head}  summary: !!pairs [a: 1, a: 2]\n`, '!!pairs'],
    ['!!timestamp', () => `${head}  since: !!timestamp 2024-03-01\n`, '!!timestamp'],
    ['a local tag', () => `${head}  summary: !Ref Something\n`, '!Ref'],
    ['a verbatim tag', () => `${head}  summary: !<tag:example.com,2000:app/exec> ls\n`, '!<tag:example.com,2000:app/exec>'],
    ['a %TAG directive', () => `%TAG !e! tag:example.com,2000:app/\n---\n${head}  summary: !e!exec ls\n`, '!e!exec'],
    ['a tag on a mapping', () => `${head}people: !!js/object\n  - id: x\n`, '!!js/object'],
  ];
  for (const [name, text, tag] of cases) {
    it(`${name}: one yaml-syntax diagnostic on the tag, nothing executed`, () => {
      const t = text();
      const diagnostics = everything(t);
      const tagged = diagnostics.filter((d) => d.code === 'yaml-syntax' && d.message.includes(`Tag '${tag}' is not supported`));
      assert.strictEqual(tagged.length, 1, JSON.stringify(diagnostics.map((d) => d.message)));
      assert.deepStrictEqual(diagnostics.map((d) => d.code), ['yaml-syntax'], 'nothing else is judged until the tag is gone');
      const line = t.split('\n')[tagged[0].range.start.line];
      assert.strictEqual(line.slice(tagged[0].range.start.character, tagged[0].range.end.character), tag, 'the range is the tag itself');
    });
  }

  it('the core tags of YAML 1.2 (!!str, !!int …) are plain values, not reported', () => {
    const t = `${head}  summary: !!str 1234\ngoals:\n  - id: G-1\n    statement: !!str Halve the time\n    metric: hours\n    target: !!int 40\n`;
    assert.deepStrictEqual(
      everything(t).filter((d) => d.code === 'yaml-syntax' || d.code === 'schema'),
      [],
    );
  });

  const merges: [string, string][] = [
    ['a merge key from an alias', `${head}people:\n  - &base {id: a, name: A, side: customer}\n  - <<: *base\n    id: b\n`],
    ['a merge key of a flow mapping', `${head}people:\n  - <<: {name: A, side: customer}\n    id: b\n`],
    ['a merge key of several aliases', `${head}x: &x {name: A}\ny: &y {side: ours}\npeople:\n  - <<: [*x, *y]\n    id: b\n`],
    ['a merge key over an alias bomb', `${HOSTILE['billion laughs']()}people:\n  - <<: *lol9\n    id: b\n`],
  ];
  for (const [name, text] of merges) {
    it(`${name}: a clear diagnostic, bounded, nothing merged`, () => {
      const started = Date.now();
      const diagnostics = everything(text);
      assert.ok(Date.now() - started < budgetMs(text.length));
      const merge = diagnostics.filter((d) => /merge key|alias bomb/i.test(d.message));
      assert.ok(merge.length >= 1, JSON.stringify(diagnostics.map((d) => d.message)));
      if (!/alias bomb/.test(merge[0].message)) {
        const line = text.split('\n')[merge[0].range.start.line];
        assert.strictEqual(line.slice(merge[0].range.start.character, merge[0].range.end.character), '<<', 'the range is the merge key');
        assert.ok(!diagnostics.some((d) => /Missing required key 'name'/.test(d.message)), 'the keys a merge would bring are not reported missing as well');
      }
    });
  }
});
