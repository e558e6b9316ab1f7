// Generated documents against golden files: a realistic strained and a realistic healthy
// partnership, each with a fixed today. The Markdown must equal `<fixture>.<kind>.golden.md` and
// the partnership file after the agenda's edits must equal `<fixture>.reset.golden.yaml`, byte for
// byte; the status report leaves the file as it is (recording it as sent is a separate step).
// UPDATE_GOLDEN=1 rewrites the goldens: read every changed line before committing, they are the spec.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { createLanguageService, Diagnostic, RuleId } from '../../server/src/service';
import { AGENDA_SECTIONS, applyEdits, day, DIR, FIXTURES, generate, headings, keepsLines, Kind, memFs, REPORT_SECTIONS } from './util';

interface Case {
  fixture: string;
  kind: Kind;
  today: string;
  /** The generated document's file name. */
  name: string;
  /** Diagnostics (by rule) the edit must make go away. */
  resolves: RuleId[];
}

const CASES: Case[] = [
  { fixture: 'meridian-billing', kind: 'agenda', today: '2026-11-20', name: 'meridian-billing.reset-2026-11-23.md', resolves: ['relationship-strained'] },
  { fixture: 'meridian-billing', kind: 'report', today: '2026-11-20', name: 'meridian-billing.status-2026-11-20.md', resolves: [] },
  { fixture: 'kestrel-retail', kind: 'agenda', today: '2026-11-18', name: 'kestrel-retail.reset-2026-11-19.md', resolves: [] },
  { fixture: 'kestrel-retail', kind: 'report', today: '2026-11-18', name: 'kestrel-retail.status-2026-11-18.md', resolves: [] },
];

function diagnostics(text: string, today: string): Diagnostic[] {
  return createLanguageService({ fs: memFs() }).validate(text, path.join(DIR, 'x.partnership.yaml'), { today: day(today) });
}

function golden(file: string, actual: string): void {
  const p = path.join(FIXTURES, file);
  if (process.env.UPDATE_GOLDEN) fs.writeFileSync(p, actual);
  assert.strictEqual(actual, fs.readFileSync(p, 'utf8'), `${file} differs (UPDATE_GOLDEN=1 to rewrite, then read the diff)`);
}

describe('generated documents (golden files)', () => {
  for (const c of CASES) {
    const tag = c.kind === 'agenda' ? 'reset' : 'status';
    describe(`${c.fixture}: ${c.kind} on ${c.today}`, () => {
      const input = fs.readFileSync(path.join(FIXTURES, `${c.fixture}.partnership.yaml`), 'utf8');
      const file = path.join(DIR, `${c.fixture}.partnership.yaml`);
      const doc = generate(c.kind, input, { today: c.today, file });
      const output = applyEdits(input, doc.edits);

      it('names the document beside the partnership file', () => {
        assert.strictEqual(doc.path, path.join(DIR, c.name));
      });

      it('writes the expected Markdown', () => golden(`${c.fixture}.${tag}.golden.md`, doc.content));

      if (c.kind === 'agenda') it('edits the partnership file as expected', () => golden(`${c.fixture}.${tag}.golden.yaml`, output));
      else it('leaves the partnership file as it is', () => assert.strictEqual(output, input));

      it('has every section, in order', () => {
        const expected = c.kind === 'agenda' ? AGENDA_SECTIONS : REPORT_SECTIONS;
        assert.deepStrictEqual(headings(doc.content).slice(1), expected);
      });

      it('changes nothing else in the file and introduces no new problem', () => {
        assert.strictEqual(doc.edits.length, c.kind === 'agenda' ? 1 : 0);
        assert.ok(keepsLines(input, output), 'every original line is kept, in order');
        const before = diagnostics(input, c.today).map((d) => d.code);
        const after = diagnostics(output, c.today).map((d) => d.code);
        for (const rule of c.resolves) {
          assert.ok(before.includes(rule), `${rule} fires before`);
          assert.ok(!after.includes(rule), `${rule} is gone after`);
        }
        assert.deepStrictEqual(after, before.filter((r) => !c.resolves.includes(r)));
      });

      it('is deterministic', () => {
        const again = generate(c.kind, input, { today: c.today, file });
        assert.deepStrictEqual(again, doc);
      });
    });
  }
});
