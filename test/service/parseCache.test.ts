// The parse cache of a language service (service/parse/cache.ts): per instance, per document, and
// only an optimisation — a service with `optimiseParsing: false` (every text parsed in full by
// yaml's parseDocument) gives the same diagnostics and outline for every version of an edited file.
import * as assert from 'assert';
import { largerSample, warmUpSample } from '../../server/src/lsp/warmUp';
import { createLanguageService, Day, Diagnostic, LanguageService, parseDay } from '../../server/src/service';
import { ParseCache } from '../../server/src/service/parse/cache';

const TODAY: Day = parseDay('2026-11-23')!;
const noFiles = { readFile: () => undefined, exists: () => false };
/** About 110 KB: above the size where an edit is re-parsed incrementally. */
const LARGE = largerSample(warmUpSample()!, 50);

/** Versions of the large file as a user edits it: inside one commitment, across items, at the list's level. */
function editsOf(text: string): string[] {
  const mid = text.indexOf('summary: ', text.length >> 1) + 'summary: '.length;
  const due = text.indexOf('due: 2026-', mid) + 'due: '.length;
  const versions = [text];
  let t = text;
  for (const change of [
    (s: string) => s.slice(0, mid) + 'Ship ' + s.slice(mid), // typing inside a summary
    (s: string) => s.slice(0, due) + '2027' + s.slice(due + 4), // a date changed
    (s: string) => s.slice(0, due) + 'soon' + s.slice(due + 4), // a value the schema rejects
    (s: string) => s.slice(0, mid) + '"unclosed' + s.slice(mid), // a YAML error
    (s: string) => s.replace('"unclosed', ''), // and fixed again
    (s: string) => s.replace('  - id: C-3-1\n', '  - id: C-3-1\n    notes: added\n'), // a key added to an item
    (s: string) => s.replace('\n  - id: C-4-2\n', '\n  - id: C-4-2\n    owner: p1\n    owner: p3\n'), // a duplicate key
  ]) {
    t = change(t);
    versions.push(t);
  }
  return versions;
}

function check(service: LanguageService, text: string, path: string) {
  return { diagnostics: service.validate(text, path, { today: TODAY }), outline: service.outline(text, path, { today: TODAY }) };
}

describe('the parse cache', () => {
  it('gives what full parses give, for every version of an edited file (optimiseParsing: false is the reference)', () => {
    const optimised = createLanguageService({ fs: noFiles });
    const reference = createLanguageService({ fs: noFiles, optimiseParsing: false });
    const versions = editsOf(LARGE);
    for (let i = 1; i < versions.length; i++) assert.notStrictEqual(versions[i], versions[i - 1], `edit ${i} changes the text`);
    for (const [i, text] of versions.entries()) {
      assert.deepStrictEqual(check(optimised, text, '/w/a.partnership.yaml'), check(reference, text, '/w/a.partnership.yaml'), `version ${i}`);
    }
  });

  it('re-parses an edit of a large document from that document’s previous parse, which is retired', () => {
    const cache = new ParseCache();
    const [before, after] = editsOf(LARGE);
    const first = cache.parse(before, 'a');
    const second = cache.parse(after, 'a');
    assert.notStrictEqual(second, first);
    assert.throws(() => first.doc, /used after an incremental re-parse/);
    assert.strictEqual(cache.parse(after, 'b'), second, 'the same text under another name shares the parse');
  });

  it('fixes read after a re-parse of a newer text took their parse over are judged again for their own text, never from the moved tree', () => {
    const optimised = createLanguageService({ fs: noFiles });
    const reference = createLanguageService({ fs: noFiles, optimiseParsing: false });
    const [before, after] = editsOf(LARGE); // 'Ship ' typed in the middle: every offset after it moves
    const diagnostics = optimised.validate(before, '/w/a.partnership.yaml', { today: TODAY });
    optimised.validate(after, '/w/a.partnership.yaml', { today: TODAY }); // retires the parse of `before`
    const withFixes = (ds: Diagnostic[]) => ds.filter((d) => d.data).map((d) => ({ code: d.code, message: d.message, fixes: d.data!.fixes }));
    const expected = withFixes(reference.validate(before, '/w/a.partnership.yaml', { today: TODAY }));
    assert.ok(expected.filter((d) => d.fixes.some((f) => f.kind === 'quickfix')).length >= 20, 'many diagnostics with text edits, on both sides of the edit');
    assert.deepStrictEqual(withFixes(diagnostics), expected);
  });

  it('never re-parses with the switch off: each text is parsed in full', () => {
    const cache = new ParseCache({ optimise: false });
    const [before, after] = editsOf(LARGE);
    const first = cache.parse(before, 'a');
    cache.parse(after, 'a');
    assert.ok(first.doc.contents, 'the previous parse is still whole');
  });

  it('keeps one parse per document: two documents edited in turn, and two services, do not disturb each other', () => {
    const one = createLanguageService({ fs: noFiles });
    const other = createLanguageService({ fs: noFiles });
    const reference = createLanguageService({ fs: noFiles, optimiseParsing: false });
    const a = editsOf(LARGE);
    const b = editsOf(LARGE.replace('name: Warm-up', 'name: Second'));
    for (let i = 0; i < a.length; i++) {
      assert.deepStrictEqual(check(one, a[i], '/w/a.partnership.yaml'), check(reference, a[i], '/w/a.partnership.yaml'), `a, version ${i}`);
      assert.deepStrictEqual(check(one, b[i], '/w/b.partnership.yaml'), check(reference, b[i], '/w/b.partnership.yaml'), `b, version ${i}`);
      assert.deepStrictEqual(check(other, a[a.length - 1 - i], '/w/a.partnership.yaml'), check(reference, a[a.length - 1 - i], '/w/a.partnership.yaml'), `other service, version ${a.length - 1 - i}`);
    }
  });
});
