// Cost grows linearly: for each hostile shape (aliases, unknown ids against many people, many
// keys, long lines, many diagnostics, …) the input doubles three times, and checking it (validate,
// then the outline, document symbols and references the editor asks for, the dashboard, the
// portfolio row and the generated documents) must not take more than
// about 2.5 times as long per doubling (a quadratic check takes 4 times as long). Each shape runs
// in a fresh process; each size is timed a few times after a garbage collection and the fastest
// kept; only ratios are compared, never absolute times, as the machine is shared.
import * as assert from 'assert';
import { COST_SHAPES } from './costShapes';
import { inChild } from './util';

/** Doublings per shape: sizes n, 2n, 4n, 8n. */
const DOUBLINGS = 3;
/** Runs per size; the fastest is kept (load on a shared machine only ever adds time). */
const RUNS = 5;
/** The largest growth per doubling allowed, as the geometric mean over the doublings. */
const MAX_GROWTH = 2.5;

const CHILD = `
  const svc = require(OUT + '/server/src/service');
  const { COST_SHAPES } = require(OUT + '/test/robustness/costShapes.js');
  require('v8').setFlagsFromString('--expose-gc');
  const gc = require('vm').runInNewContext('gc');
  const service = svc.createLanguageService({ fs: { readFile: () => undefined, exists: () => false } });
  const today = svc.parseDay('2026-11-23');
  const file = '/work/team/cost.partnership.yaml';
  const [index, doublings, runs] = INPUT.split(',').map(Number);
  const shape = COST_SHAPES[index];
  const check = (text) => {
    service.forget(file); // no parse kept: the next one is parsed in full
    service.forget('file:///x');
    const t0 = process.hrtime.bigint();
    const diagnostics = service.validate(text, file, { today });
    service.outline(text, file, { today }, { maxChildren: 200 });
    service.documentSymbols(text, file, { today });
    const line = text.split('\\n').findIndex((l) => /id: /.test(l));
    if (line >= 0) service.references(text, { line, character: text.split('\\n')[line].indexOf('id: ') + 5 }, 'file:///x', true);
    // What else reads the whole file: the dashboard, the portfolio row and the two documents.
    service.dashboard(text, file, today);
    service.summary(text, file, today);
    service.generateAgenda(text, file, today);
    service.generateStatusReport(text, file, today);
    return { ms: Number(process.hrtime.bigint() - t0) / 1e6, count: diagnostics.length };
  };
  check(shape.build(shape.start)); // compile the schema and warm the JIT first
  const sizes = [];
  for (let k = 0; k <= doublings; k++) {
    const n = shape.start * 2 ** k;
    const text = shape.build(n);
    const times = [];
    let count = 0;
    for (let r = 0; r < runs; r++) {
      gc();
      const t = check(text);
      times.push(t.ms);
      count = t.count;
    }
    times.sort((a, b) => a - b);
    // The fastest run: what the check costs, least disturbed by the other work of a shared machine.
    sizes.push({ n, chars: text.length, ms: times[0], diagnostics: count });
  }
  done(sizes);
`;

interface Size {
  n: number;
  chars: number;
  ms: number;
  diagnostics: number;
}

describe('robustness: the cost of a check grows linearly with the input', function () {
  this.timeout(180_000);
  COST_SHAPES.forEach((shape, index) => {
    it(`${shape.name}: ${shape.start.toLocaleString('en')} to ${(shape.start * 2 ** DOUBLINGS).toLocaleString('en')}`, () => {
      let sizes: Size[];
      try {
        sizes = inChild<Size[]>(CHILD, `${index},${DOUBLINGS},${RUNS}`, 150_000, 2048).result;
      } catch (err) {
        throw new Error(`${shape.name}: the checks did not finish in 150 s (${err instanceof Error ? err.message.slice(0, 300) : String(err)})`);
      }
      const growth = (sizes[DOUBLINGS].ms / sizes[0].ms) ** (1 / DOUBLINGS);
      const table = sizes.map((s) => `n=${s.n} (${s.chars} chars, ${s.diagnostics} diagnostics): ${s.ms.toFixed(0)} ms`).join('; ');
      if (process.env.PARTNERSHIP_COST_LOG) console.log(`      ${growth.toFixed(2)}x per doubling: ${table}`);
      assert.ok(growth <= MAX_GROWTH, `${shape.name}: time grew ${growth.toFixed(2)}x per doubling (at most ${MAX_GROWTH}x): ${table}`);
    });
  });
});
