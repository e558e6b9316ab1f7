// Quick fixes against golden files: the fixture goes in, the golden is the exact text after the
// edit, and the fixed text must no longer have the diagnostic. UPDATE_GOLDEN=1 rewrites goldens
// (read them before committing: they are the spec).
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { Diagnostic, Fix } from '../../server/src/service';
import { applyEdits, check } from '../helpers';

const DIR = path.join(__dirname, '../../../test/fixtures/quickfix');

interface Case {
  file: string;
  rule: string;
  /** The fix whose title starts with this. */
  fix: string;
  golden: string;
  /** Every rule still reported on the fixed text, in order: what the user sees next. */
  after: string[];
}

const CASES: Case[] = [
  { file: 'overdue', rule: 'commitment-overdue', fix: 'Mark C-2 done today', golden: 'overdue.mark-done', after: ["contact-stale", "commitment-overdue"] },
  { file: 'overdue', rule: 'commitment-overdue', fix: 'Renegotiate C-2', golden: 'overdue.renegotiate-new-history', after: ["contact-stale", "commitment-due-soon", "commitment-overdue"] },
  { file: 'overdue', rule: 'commitment-overdue', fix: 'Renegotiate C-3', golden: 'overdue.renegotiate-existing-history', after: ["contact-stale", "commitment-overdue", "commitment-due-soon"] },
  { file: 'no-plan', rule: 'communication-plan-missing', fix: 'Insert a communication-plan skeleton', golden: 'no-plan.insert-plan', after: ["contact-stale", "communication-plan-unsigned", "status-report-overdue"] },
  { file: 'four-spaces', rule: 'communication-plan-missing', fix: 'Insert a communication-plan skeleton', golden: 'four-spaces.insert-plan', after: ["contact-stale", "communication-plan-unsigned", "status-report-overdue"] },
  { file: 'no-status-report', rule: 'communication-plan-missing', fix: 'Add a weekly statusReport', golden: 'no-status-report.add-status-report', after: ["contact-stale", "status-report-overdue"] },
  { file: 'typos', rule: 'schema', fix: "Rename 'ownr' to 'owner'", golden: 'typos.rename-key', after: ["communication-plan-missing", "contact-stale", "unknown-reference", "schema"] },
  { file: 'typos', rule: 'schema', fix: "Change 'in-progres' to 'in-progress'", golden: 'typos.enum', after: ["communication-plan-missing", "contact-stale", "schema", "unknown-reference"] },
  { file: 'typos', rule: 'unknown-reference', fix: "Change 'lnguen' to 'lnguyen'", golden: 'typos.reference', after: ["communication-plan-missing", "contact-stale", "schema", "schema"] },
  // Shapes people write too: flow lists and mappings, empty values with and without comments.
  { file: 'odd-shapes', rule: 'commitment-overdue', fix: 'Renegotiate C-1', golden: 'odd-shapes.renegotiate-flow-history', after: ["contact-stale", "commitment-due-soon", "commitment-overdue", "commitment-overdue", "schema", "commitment-overdue", "schema"] },
  { file: 'odd-shapes', rule: 'commitment-overdue', fix: 'Renegotiate C-2', golden: 'odd-shapes.renegotiate-flow-item', after: ["contact-stale", "commitment-overdue", "commitment-due-soon", "commitment-overdue", "schema", "commitment-overdue", "schema"] },
  { file: 'odd-shapes', rule: 'commitment-overdue', fix: 'Mark C-2 done today', golden: 'odd-shapes.mark-done-flow-item', after: ["contact-stale", "commitment-overdue", "commitment-overdue", "schema", "commitment-overdue", "schema"] },
  { file: 'odd-shapes', rule: 'commitment-overdue', fix: 'Renegotiate C-3', golden: 'odd-shapes.renegotiate-empty-history', after: ["contact-stale", "commitment-overdue", "commitment-overdue", "commitment-due-soon", "commitment-overdue", "schema"] },
  { file: 'odd-shapes', rule: 'commitment-overdue', fix: 'Mark C-4 done today', golden: 'odd-shapes.mark-done-empty-completed', after: ["contact-stale", "commitment-overdue", "commitment-overdue", "commitment-overdue", "schema"] },
  // A decision maker with no contact cadence: the fix sets one; without a recorded contact the rule then asks for lastContact.
  { file: 'overdue', rule: 'contact-stale', fix: 'Add contactEvery: monthly', golden: 'overdue.add-contact-every', after: ["contact-stale", "commitment-overdue", "commitment-overdue"] },
  { file: 'four-spaces', rule: 'contact-stale', fix: 'Add contactEvery: monthly', golden: 'four-spaces.add-contact-every', after: ["communication-plan-missing", "contact-stale"] },
  { file: 'crlf', rule: 'contact-stale', fix: 'Add contactEvery: monthly', golden: 'crlf.add-contact-every', after: ["contact-stale", "commitment-overdue"] },
  { file: 'crlf', rule: 'commitment-overdue', fix: 'Renegotiate C-2', golden: 'crlf.renegotiate', after: ["contact-stale", "commitment-due-soon"] },
];

function findFix(text: string, c: Case): { fix: Fix & { kind: 'quickfix' }; target: Diagnostic } {
  const ds = check(text);
  for (const d of ds.filter((x) => x.code === c.rule)) {
    const fix = d.data?.fixes.find((f) => f.title.startsWith(c.fix));
    if (fix && fix.kind === 'quickfix') return { fix, target: d };
  }
  throw new Error(`no fix '${c.fix}' for ${c.rule} in ${c.file}: ${ds.map((d) => `${d.code}: ${d.data?.fixes.map((f) => f.title).join(', ')}`).join('; ')}`);
}

describe('quick fixes (golden files)', () => {
  for (const c of CASES) {
    it(`${c.file}: ${c.fix}`, () => {
      const input = fs.readFileSync(path.join(DIR, `${c.file}.partnership.yaml`), 'utf8');
      const { fix, target } = findFix(input, c);
      const output = applyEdits(input, fix.edits);
      const goldenPath = path.join(DIR, `${c.golden}.golden.yaml`);
      if (process.env.UPDATE_GOLDEN) fs.writeFileSync(goldenPath, output);
      assert.strictEqual(output, fs.readFileSync(goldenPath, 'utf8'));
      // The problem the fix addresses is gone, and the fix introduced no new one.
      const before = check(input);
      const after = check(output);
      assert.ok(!after.some((d) => d.code === c.rule && d.message === target.message), `still reported: ${target.message}`);
      assert.deepStrictEqual(after.map((d) => d.code), c.after);
      // No new schema or syntax problem: the edit wrote valid format-v1 YAML.
      const structural = (ds: Diagnostic[]) => ds.filter((d) => d.code === 'schema' || d.code === 'yaml-syntax').map((d) => d.message);
      const introduced = structural(after).filter((m) => !structural(before).includes(m));
      assert.deepStrictEqual(introduced, []);
    });
  }

  it('CRLF files get CRLF in inserted lines', () => {
    const input = fs.readFileSync(path.join(DIR, 'crlf.partnership.yaml'), 'utf8');
    for (const c of CASES.filter((x) => x.file === 'crlf')) {
      const output = applyEdits(input, findFix(input, c).fix.edits);
      assert.ok(!/[^\r]\n/.test(output), `${c.fix}: a bare \\n was inserted`);
    }
  });
});
