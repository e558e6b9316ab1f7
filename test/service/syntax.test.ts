import * as assert from 'assert';
import { checkShown, yaml } from '../helpers';
import { HEALTHY, withLines } from './fixture';
import { ParsedDocument } from '../../server/src/service/document';
import { fastParseDocument } from '../../server/src/service/parse/fastParse';

describe('yaml-syntax and text encodings', () => {
  it('a syntax error is reported at its position and nothing else is', () => {
    assert.deepStrictEqual(checkShown(withLines({ 46: '    summary: "Pilot the audit dashboard' })), [
      '46:14-46:40 yaml-syntax error Missing closing double quote: this string is never closed',
    ]);
  });

  it('a duplicate key is a yaml-syntax error on the second key', () => {
    assert.deepStrictEqual(checkShown(withLines({ 51: ['    status: in-progress', '    status: done'] })), [
      "52:5-52:11 yaml-syntax error Duplicate key 'status': a mapping can set each key only once",
    ]);
  });

  it("a ': ' inside a plain value says to quote it", () => {
    assert.deepStrictEqual(checkShown(withLines({ 46: '    summary: Pilot: the audit dashboard' })), [
      `46:14-46:40 yaml-syntax error Unexpected ': ' inside a value: quote the value ("…") if it contains a colon followed by a space`,
    ]);
  });

  it('a tab used as indentation is reported once, on the tab, without the cascade that follows', () => {
    assert.deepStrictEqual(checkShown(withLines({ 3: '\tname: Acme compliance analytics' })), [
      '3:1-3:2 yaml-syntax error Tabs are not allowed as indentation in YAML: indent with spaces',
    ]);
  });

  it('independent duplicate keys are each reported', () => {
    assert.deepStrictEqual(checkShown(withLines({ 3: ['  name: A', '  name: B'], 51: ['    status: open', '    status: done'] })), [
      "4:3-4:7 yaml-syntax error Duplicate key 'name': a mapping can set each key only once",
      "53:5-53:11 yaml-syntax error Duplicate key 'status': a mapping can set each key only once",
    ]);
  });

  it('duplicate keys are found the same way in a tree the fast path read and in one yaml read', () => {
    // Keys that share a property name but are different values (1 and "1", null, ~ and '') are not
    // duplicates; the fast path finds duplicates while it builds the plain value, yaml's reading by a walk.
    const text = [
      'a:',
      '  1: x',
      '  "1": y',
      '  null: x',
      "  '': y",
      '  true: x',
      '  "true": y',
      'b:',
      '  - c: 1',
      '    d: 2',
      '    c: 3',
      '  - e: [x, y]',
      '    ~: 1',
      '    null: 2',
      '__proto__: 1',
      '__proto__: 2',
      '',
    ].join('\n');
    const read = (fastPath: boolean) => {
      const pd = new ParsedDocument(text, undefined, { fastPath });
      return { fast: fastPath && pd.doc.errors.length === 0, problems: pd.syntaxProblems.map((p) => `${p.start}-${p.end} ${p.message}`), value: pd.value };
    };
    const reference = read(false);
    assert.deepStrictEqual(reference.problems, [
      "84-85 Duplicate key 'c': a mapping can set each key only once",
      "116-120 Duplicate key 'null': a mapping can set each key only once",
      "137-146 Duplicate key '__proto__': a mapping can set each key only once",
    ]);
    assert.strictEqual(fastParseDocument(text, { uniqueKeys: false }) !== undefined, true, 'the fast path reads this text');
    assert.deepStrictEqual(read(true).problems, reference.problems);
    assert.strictEqual(read(true).value, undefined);
    const clean = text.replace('    c: 3\n', '').replace('    null: 2\n', '').replace('__proto__: 2\n', '');
    const fast = new ParsedDocument(clean, undefined, { fastPath: true });
    assert.deepStrictEqual(fast.syntaxProblems, []);
    assert.deepStrictEqual(fast.value, new ParsedDocument(clean, undefined, { fastPath: false }).value);
  });

  it('an undefined alias is a yaml-syntax error on the alias', () => {
    assert.deepStrictEqual(checkShown(withLines({ 40: '  escalation: *leads' })), [
      "40:15-40:21 yaml-syntax error Unknown alias '*leads': no anchor '&leads' is defined before it",
    ]);
  });

  it('a list or mapping used as a key is a yaml-syntax error on the key, and nothing is printed on stderr', async () => {
    const warnings: string[] = [];
    const listen = (w: Error) => warnings.push(w.message);
    process.on('warning', listen);
    try {
      assert.deepStrictEqual(checkShown(withLines({ 46: '    ? [summary]', 47: '    : Pilot the audit dashboard' })), [
        "46:7-46:16 yaml-syntax error A list cannot be a key: keys are names, such as 'due' or 'status'",
      ]);
      assert.deepStrictEqual(checkShown(withLines({ 46: '    ? {summary: x}', 47: '    : Pilot the audit dashboard' })), [
        "46:7-46:19 yaml-syntax error A mapping cannot be a key: keys are names, such as 'due' or 'status'",
      ]);
      assert.deepStrictEqual(checkShown(withLines({ 40: '  escalation: &leads [mkhan]', 41: ['  *leads : x', '  signedOff:'] })), [
        "41:3-41:9 yaml-syntax error A list cannot be a key: keys are names, such as 'due' or 'status'",
      ]);
      await new Promise((resolve) => setImmediate(resolve)); // process warnings are emitted on the next tick
    } finally {
      process.off('warning', listen);
    }
    assert.deepStrictEqual(warnings, []);
  });

  it('an alias bomb is stopped with a clear diagnostic', () => {
    const bomb = yaml(
      'version: 1',
      'a: &a [x, x, x, x, x, x, x, x, x, x]',
      'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]',
      'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]',
      'd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]',
      'e: [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]',
    );
    assert.deepStrictEqual(checkShown(bomb), [
      '3:8-3:10 yaml-syntax error Too many alias expansions (more than 1000): the document looks like an alias bomb and is not expanded',
    ]);
  });

  it('absurd nesting is a clear yaml-syntax error, not a crash', () => {
    const deep = `version: 1\nnotes: ${'['.repeat(10000)}${']'.repeat(10000)}\n`;
    const ds = checkShown(deep);
    assert.strictEqual(ds.length, 1);
    assert.match(ds[0], /^2:\d+-2:\d+ yaml-syntax error The YAML nests too deeply to be read \(the parser ran out of stack here\): a partnership file needs only a few levels$/);
  });

  it('absurd block nesting is the same clear yaml-syntax error', () => {
    let deep = '';
    for (let i = 0; i < 3000; i++) deep += `${' '.repeat(i)}a:\n`;
    const ds = checkShown(deep);
    assert.strictEqual(ds.length, 1);
    assert.match(ds[0], /^\d+:\d+-\d+:\d+ yaml-syntax error The YAML nests too deeply to be read \(the parser ran out of stack here\): a partnership file needs only a few levels$/);
  });

  it('a second document is a yaml-syntax error', () => {
    const ds = checkShown(HEALTHY + '---\nversion: 1\n');
    assert.strictEqual(ds.length, 1);
    assert.strictEqual(ds[0], "94:1-94:4 yaml-syntax error A partnership file holds one YAML document: remove this '---' and what follows, or move it to its own file");
  });

  it('CRLF line endings give the same positions as LF', () => {
    const lf = withLines({ 50: '    due: 2026-11-01', 47: '    ownr: alee' });
    assert.deepStrictEqual(checkShown(lf.replace(/\n/g, '\r\n')), checkShown(lf));
    assert.strictEqual(checkShown(lf).length, 2);
  });

  it('a BOM shifts only the first line, by the one character it occupies', () => {
    const text = withLines({ 1: 'version: 2' });
    assert.deepStrictEqual(checkShown(text), ['1:10-1:11 schema error Unsupported format version 2: this tool reads version 1']);
    assert.deepStrictEqual(checkShown('\uFEFF' + text), ['1:11-1:12 schema error Unsupported format version 2: this tool reads version 1']);
    assert.deepStrictEqual(checkShown('\uFEFF' + withLines({ 50: '    due: 2026-11-01' })), [
      "50:10-50:20 commitment-overdue warning C-12 'Pilot the audit dashboard', promised to Jane Doe, is 22 days overdue (due 2026-11-01)",
    ]);
  });

  it('positions count UTF-16 code units, as LSP does', () => {
    assert.deepStrictEqual(checkShown(withLines({ 46: '    summary: Pilot 📊 dashboard', 50: '    due: 2026-11-01' })), [
      "50:10-50:20 commitment-overdue warning C-12 'Pilot 📊 dashboard', promised to Jane Doe, is 22 days overdue (due 2026-11-01)",
    ]);
    assert.deepStrictEqual(checkShown(withLines({ 46: '    summary: 📊📊', 47: '    owner: alle # 📊' })).map((d) => d.slice(0, 11)), ['47:12-47:16']);
  });
});
