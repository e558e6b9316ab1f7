// The schema's validator is generated at build time (server/src/build/schemaValidator.ts). These
// tests prove the generated file is the one the schema and the options give today, and that it
// judges every value as the schema compiled at run time with the same options does: same errors,
// same order, same data and parent schema (the messages are made of them).
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { parse } from 'yaml';
import { compileAtRunTime, GENERATED_PATH, validatorSource } from '../../server/src/build/schemaValidator';
import { validatePartnership } from '../../server/src/service/schemaValidator.generated';

const ROOT = path.resolve(__dirname, '../../..');

/** Every value of the examples, and copies with one value replaced by a wrong one, one place at a time. */
function corpus(): unknown[] {
  const values: unknown[] = [];
  const wrong: unknown[] = [null, 0, -1, 2.5, true, '', 'x', '2026-02-30', '0999-01-01', '2026-11-23', [], [1], {}, { id: 'a b' }];
  for (const name of fs.readdirSync(path.join(ROOT, 'examples')).sort()) {
    const text = fs.readFileSync(path.join(ROOT, 'examples', name), 'utf8');
    const value = parse(text) as unknown;
    values.push(value);
    const json = JSON.stringify(value);
    // Each place in the value, as a path.
    const paths: (string | number)[][] = [];
    const walk = (v: unknown, at: (string | number)[]): void => {
      paths.push(at);
      if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...at, i]));
      else if (v !== null && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, [...at, k]);
    };
    walk(value, []);
    paths.forEach((at, i) => {
      if (at.length === 0) return;
      for (const w of [wrong[i % wrong.length], wrong[(i + 7) % wrong.length]]) {
        const copy = JSON.parse(json) as Record<string | number, unknown>;
        let holder = copy;
        for (const key of at.slice(0, -1)) holder = holder[key] as Record<string | number, unknown>;
        holder[at[at.length - 1]] = w;
        values.push(copy);
      }
      if (i % 5 === 0 && typeof at[at.length - 1] === 'string') {
        // An unknown key beside it.
        const again = JSON.parse(json) as Record<string | number, unknown>;
        let h = again;
        for (const key of at.slice(0, -1)) h = h[key] as Record<string | number, unknown>;
        h[`${String(at[at.length - 1])}x`] = 1;
        values.push(again);
      }
    });
  }
  return values;
}

describe('the schema validator generated at build time', () => {
  it('is up to date with the schema and the options (else run npm run build)', () => {
    const file = path.join(ROOT, GENERATED_PATH);
    assert.ok(fs.existsSync(file), `${GENERATED_PATH} is missing: run npm run build`);
    assert.ok(fs.readFileSync(file, 'utf8') === validatorSource(), `${GENERATED_PATH} is not what the schema gives today: run npm run build`);
  });

  it('gives the errors of the schema compiled at run time, for the examples and thousands of wrong values', () => {
    const reference = compileAtRunTime();
    const values = corpus();
    assert.ok(values.length > 1000, `only ${values.length} values`);
    let invalid = 0;
    const keywords = new Set<string>();
    for (const value of values) {
      const expected = reference(value);
      const actual = validatePartnership(value);
      assert.strictEqual(actual, expected, JSON.stringify(value).slice(0, 300));
      assert.deepStrictEqual(validatePartnership.errors, reference.errors, JSON.stringify(value).slice(0, 300));
      if (!actual) invalid++;
      for (const e of validatePartnership.errors ?? []) keywords.add(e.keyword);
    }
    assert.ok(invalid > values.length / 2, `${invalid} of ${values.length} values invalid`);
    for (const k of ['type', 'required', 'additionalProperties', 'enum', 'format', 'pattern', 'const', 'minLength']) assert.ok(keywords.has(k), `no '${k}' error among ${[...keywords].join(', ')}`);
  });
});
