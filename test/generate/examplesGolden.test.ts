// The agenda and the status report of every example in examples/ against their golden files, as of the day `npm start`
// judges the examples (README): the Markdown must equal `examples/<name>.reset.golden.md` and the
// example after the edit `examples/<name>.reset.golden.yaml`, byte for byte; the customer's status
// report must equal `examples/<name>.status.golden.md` (generating it edits nothing). A new example without
// goldens fails here. UPDATE_GOLDEN=1 rewrites them: read every changed line, they are the spec.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { AGENDA_SECTIONS, applyEdits, DIR, FIXTURES, generate, headings, keepsLines, REPORT_SECTIONS } from './util';

const EXAMPLES = path.join(__dirname, '../../../examples');
const GOLDEN = path.join(FIXTURES, 'examples');
const TODAY = '2026-11-23';

function golden(file: string, actual: string): void {
  const p = path.join(GOLDEN, file);
  if (process.env.UPDATE_GOLDEN) {
    fs.mkdirSync(GOLDEN, { recursive: true });
    fs.writeFileSync(p, actual);
  }
  assert.ok(fs.existsSync(p), `${file} is missing (UPDATE_GOLDEN=1 to write it, then read it)`);
  assert.strictEqual(actual, fs.readFileSync(p, 'utf8'), `${file} differs (UPDATE_GOLDEN=1 to rewrite, then read the diff)`);
}

describe('the agenda and the status report of every example (golden files)', () => {
  const names = fs
    .readdirSync(EXAMPLES)
    .filter((f) => f.endsWith('.partnership.yaml'))
    .map((f) => f.replace(/\.partnership\.yaml$/, ''))
    .sort();

  it('covers the examples the README describes, and no golden is left over', () => {
    assert.deepStrictEqual(names, ['acme-analytics', 'brightwater-utilities', 'copperleaf-bakery', 'globex-typos', 'northwind-logistics', 'platform-team', 'tessellate-alliance']);
    if (!process.env.UPDATE_GOLDEN) {
      const goldens = fs.readdirSync(GOLDEN).sort();
      assert.deepStrictEqual(goldens, names.flatMap((n) => [`${n}.reset.golden.md`, `${n}.reset.golden.yaml`, `${n}.status.golden.md`]));
    }
  });

  for (const name of names) {
    describe(name, () => {
      const input = fs.readFileSync(path.join(EXAMPLES, `${name}.partnership.yaml`), 'utf8');
      const doc = generate('agenda', input, { today: TODAY, file: path.join(DIR, `${name}.partnership.yaml`) });
      const output = applyEdits(input, doc.edits);

      it('writes the expected Markdown', () => golden(`${name}.reset.golden.md`, doc.content));
      it('plans the meeting as expected, keeping every line of the file', () => {
        golden(`${name}.reset.golden.yaml`, output);
        assert.ok(keepsLines(input, output));
      });
      it('has every section, in order', () => assert.deepStrictEqual(headings(doc.content).slice(1), AGENDA_SECTIONS));

      const report = generate('report', input, { today: TODAY, file: path.join(DIR, `${name}.partnership.yaml`) });
      it('writes the expected status report, every section in order, and edits nothing', () => {
        golden(`${name}.status.golden.md`, report.content);
        assert.deepStrictEqual(headings(report.content).slice(1), REPORT_SECTIONS);
        assert.deepStrictEqual(report.edits, []);
      });
    });
  }
});
