// The one starter file (`partnership init`, the editor's "New partnership file") and its file-name
// stem. The text must equal test/fixtures/service/starter.golden.yaml byte for byte; UPDATE_GOLDEN=1
// rewrites it: read every changed line before committing, it is what a new user sees first.
import * as assert from 'assert';
import fc from 'fast-check';
import * as fs from 'fs';
import * as path from 'path';
import { parse } from 'yaml';
import { partnershipFileStem, starterFile } from '../../server/src/service';
import { check, checkShown, day } from '../helpers';

const GOLDEN = path.resolve(__dirname, '../../../test/fixtures/service/starter.golden.yaml');
const TODAY = '2026-11-23';

/** The starter's name and customer as a YAML reader sees them. */
function readBack(text: string): { name: unknown; customer: unknown } {
  const { partnership } = parse(text) as { partnership: { name: unknown; customer: unknown } };
  return { name: partnership.name, customer: partnership.customer };
}

describe('service: starter file', () => {
  it('is exactly the golden text for a fixed name, customer and day', () => {
    const text = starterFile({ name: 'Globex: data platform', customer: 'Globex Corporation', today: day(TODAY) });
    if (process.env.UPDATE_GOLDEN) fs.writeFileSync(GOLDEN, text);
    assert.strictEqual(text, fs.readFileSync(GOLDEN, 'utf8'), 'starter.golden.yaml differs (UPDATE_GOLDEN=1 to rewrite, then read the diff)');
  });

  it('checks without errors; the findings say what to do first: fill in the placeholders, get the plan signed off, report, make contact', () => {
    const text = starterFile({ name: 'Globex: data platform', customer: 'Globex Corporation', today: day(TODAY) });
    assert.deepStrictEqual(checkShown(text, TODAY), [
      "11:12-11:71 placeholder information 'What we are building together, in one sentence (replace me)' is a placeholder: replace it with the real value",
      "17:16-17:75 placeholder information 'The outcome the customer wants, in their words (replace me)' is a placeholder: replace it with the real value",
      "18:13-18:54 placeholder information 'how the customer measures it (replace me)' is a placeholder: replace it with the real value",
      "19:13-19:55 placeholder information 'the number that means success (replace me)' is a placeholder: replace it with the real value",
      "25:11-25:37 placeholder information 'Customer lead (replace me)' is a placeholder: replace it with the real value",
      '30:19-30:26 contact-stale information Customer lead (replace me) should be contacted monthly, but no lastContact is recorded',
      "34:11-34:37 placeholder information 'Our tech lead (replace me)' is a placeholder: replace it with the real value",
      '39:1-39:14 communication-plan-unsigned warning Nobody at Globex Corporation has signed off the communication plan: agree it with a customer decision maker and record signedOff',
      '40:3-40:15 status-report-overdue warning No weekly status report has been sent yet (no lastSent recorded)',
    ]);
  });

  it('claims nothing that has not happened: no health, meeting, contact, report or start date, only the day it was started in a comment', () => {
    const text = starterFile({ name: 'Acme', customer: 'Acme Corp', today: day('2027-01-05') });
    const dated = text.split('\n').filter((line) => /\d{4}-\d{2}-\d{2}/.test(line));
    assert.deepStrictEqual(dated, ['# Started 2027-01-05. Update it after every meeting and whenever a promise is made;']);
    const value = parse(text) as Record<string, unknown>;
    assert.deepStrictEqual([value.health, value.meetings], [undefined, []]);
  });

  it('each placeholder filled in, the placeholder findings are gone', () => {
    const text = starterFile({ name: 'Acme', customer: 'Acme Corp', today: day(TODAY) }).replace(/ \(replace me\)/g, '');
    assert.deepStrictEqual(check(text, TODAY).filter((d) => d.code === 'placeholder'), []);
  });

  it('writes names as typed: plain when that reads back the same, quoted otherwise', () => {
    const awkward = [
      'Acme Corp',
      'Globex: data',
      'yes',
      'No',
      'null',
      '~',
      '#1 customer',
      'a #hashtag',
      "O'Brien & Sons",
      'a "quoted" name',
      "'single'",
      '2026-11-23',
      '42',
      '0x1F',
      '0o17',
      '1e5',
      '.inf',
      'Trailing ',
      ' leading',
      '- dash',
      '? question',
      '@at',
      '`tick`',
      '%percent',
      '!tag',
      '&anchor',
      '*alias',
      '|',
      '>',
      '[flow]',
      '{map}',
      'a, b',
      'back\\slash',
      'Société Générale – Zürich',
      '日本',
      'tab\there',
      'line\nbreak',
      'nbsp\u00a0',
    ];
    for (const name of awkward) {
      const text = starterFile({ name, customer: name, today: day(TODAY) });
      assert.deepStrictEqual(readBack(text), { name, customer: name }, JSON.stringify(name));
      assert.deepStrictEqual(
        check(text, TODAY).filter((d) => d.severity === 1),
        [],
        `${JSON.stringify(name)} makes the starter invalid`,
      );
    }
    const plain = starterFile({ name: 'Acme compliance analytics', customer: "O'Brien Logistics (EMEA)", today: day(TODAY) });
    assert.match(plain, /^ {2}name: Acme compliance analytics$/m);
    assert.match(plain, /^ {2}customer: O'Brien Logistics \(EMEA\)$/m);
    const quoted = starterFile({ name: 'Globex: data', customer: '0x1F', today: day(TODAY) });
    assert.match(quoted, /^ {2}name: "Globex: data"$/m);
    assert.match(quoted, /^ {2}customer: "0x1F"$/m);
  });

  it('any non-empty text round-trips and keeps the starter valid, the header comment on one line', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', minLength: 1, maxLength: 30 }), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 30 }), (name, customer) => {
        const text = starterFile({ name, customer, today: day(TODAY) });
        assert.deepStrictEqual(readBack(text), { name, customer });
        assert.deepStrictEqual(check(text, TODAY).filter((d) => d.severity === 1), []);
        assert.strictEqual(text.split('\n')[1], '# Started 2026-11-23. Update it after every meeting and whenever a promise is made;');
      }),
      { numRuns: 100, seed: 20261123 },
    );
  });
});

describe('service: partnership file stem', () => {
  it('is the name in lower case with dashes, accents dropped, at most 60 characters', () => {
    assert.strictEqual(partnershipFileStem('Acme compliance analytics'), 'acme-compliance-analytics');
    assert.strictEqual(partnershipFileStem('Acme Analytics (EMEA)'), 'acme-analytics-emea');
    assert.strictEqual(partnershipFileStem('  Globex: "Data" platform #2 '), 'globex-data-platform-2');
    assert.strictEqual(partnershipFileStem('Société Générale – Zürich'), 'societe-generale-zurich');
    assert.strictEqual(partnershipFileStem('Globex Rollout'), 'globex-rollout');
    assert.strictEqual(partnershipFileStem('x'.repeat(80)).length, 60);
    assert.strictEqual(partnershipFileStem(`${'a'.repeat(59)} b`), 'a'.repeat(59), 'no dash at the end after cutting');
  });

  it('falls back to "partnership" when nothing usable is left', () => {
    for (const name of ['日本', '', '   ', '---', '…']) assert.strictEqual(partnershipFileStem(name), 'partnership', JSON.stringify(name));
  });

  it('is always a safe file-name stem', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 100 }), (name) => {
        assert.match(partnershipFileStem(name), /^[a-z0-9]+(-[a-z0-9]+)*$/);
        assert.ok(partnershipFileStem(name).length <= 60);
      }),
      { numRuns: 300, seed: 20261123 },
    );
  });
});
