// Dates whose years read back as written: years 1000–9999 in files, "today" up to 9998-12-31 so
// that every date computed from it keeps four digits.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { createLanguageService, formatDay, parseDay, parseToday } from '../../server/src/service';
import { cleanup, emptyDir, run, TODAY } from '../cli/cliHelpers';

const service = createLanguageService({ fs: { readFile: () => undefined, exists: () => false } });
const FILE = (due: string) =>
  `version: 1\npartnership:\n  name: Years\n  customer: Acme Corp\npeople:\n  - {id: jdoe, name: Jane Doe, side: customer, decisionMaker: true}\ncommitments:\n  - id: C-1\n    summary: Pilot\n    to: jdoe\n    owner: jdoe\n    due: ${due}\n    status: open\n`;

describe('dates: years that round-trip', () => {
  it('reads every date of years 1000–9999 as written, and no other', () => {
    for (const text of ['1000-01-01', '1582-10-10', '2026-11-23', '9999-12-31']) assert.strictEqual(formatDay(parseDay(text)!), text);
    for (const text of ['0026-11-13', '0000-01-01', '0999-12-31', '2026-02-29']) assert.strictEqual(parseDay(text), undefined, text);
  });

  it('reports a year before 1000 in a file as a schema error, and judges nothing by it', () => {
    const ds = service.validate(FILE('0026-11-13'), '/x/years.partnership.yaml', { today: parseDay(TODAY)! });
    assert.deepStrictEqual(
      ds.filter((d) => d.code !== 'communication-plan-missing').map((d) => `${d.range.start.line}:${d.range.start.character} ${d.code} ${d.message}`),
      [
        // The file's decision maker has no contact cadence: a finding of its own, not about the date.
        '5:9 contact-stale Jane Doe, a decision maker on the customer side, has no contactEvery: decide how often to stay in touch',
        "11:9 schema '0026-11-13' is outside the years 1000–9999 ('due' must be a date YYYY-MM-DD with a four-digit year from 1000)",
      ],
    );
  });

  it('takes "today" up to 9998-12-31, so dates computed from it keep four digits', () => {
    assert.deepStrictEqual(parseToday('9998-12-31'), { day: parseDay('9998-12-31') });
    assert.deepStrictEqual(parseToday('9999-12-31'), { problem: 'expected a date from 1000-01-01 to 9998-12-31' });
    assert.deepStrictEqual(parseToday('0026-11-13'), { problem: 'expected a date from 1000-01-01 to 9998-12-31' });
    assert.deepStrictEqual(parseToday('2026-02-30'), { problem: 'expected a real date as YYYY-MM-DD' });
  });

  it('the CLI refuses --today 9999-12-31 with exit 2 and writes nothing', () => {
    const dir = emptyDir();
    try {
      const file = path.join(dir, 'acme.partnership.yaml');
      fs.writeFileSync(file, FILE('2026-11-01'));
      for (const args of [['agenda', file], ['check', file]]) {
        const r = run([...args, '--today', '9999-12-31'], dir);
        assert.strictEqual(r.status, 2, r.stderr);
        assert.match(r.stderr, /^partnership: invalid --today '9999-12-31': expected a date from 1000-01-01 to 9998-12-31/);
      }
      assert.deepStrictEqual(fs.readdirSync(dir), ['acme.partnership.yaml']);
      assert.strictEqual(fs.readFileSync(file, 'utf8'), FILE('2026-11-01'));
    } finally {
      cleanup(dir);
    }
  });
});
