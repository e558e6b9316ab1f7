import * as assert from 'assert';
import { createLanguageService } from '../../server/src/service';
import { applyEdits, at, fixture, r, TODAY } from './util';

/** The features, from one language service (its methods need no `this`). */
const { definition, documentHighlights, prepareRename, references, rename } = createLanguageService({ fs: { readFile: () => undefined, exists: () => false } });

const text = fixture('initech.partnership.yaml');
const URI = 'file:///work/initech.partnership.yaml';

/** Every place rnair is written in the fixture, in file order. */
const RNAIR = ['34:8-34:13', '60:11-60:16', '67:11-67:16', '80:11-80:16', '96:35-96:40'];

describe('person ids: definition, references, rename', () => {
  it('goes from a reference to the id under people', () => {
    const locations = definition(text, at(text, 'owner: rnair', 9), URI);
    assert.deepStrictEqual(locations.map((l) => [l.uri, r(l.range)]), [[URI, '34:8-34:13']]);
  });

  it('goes from a flow-list item and from signedOff.by too', () => {
    assert.deepStrictEqual(definition(text, at(text, 'skim]', 1), URI).map((l) => r(l.range)), ['38:8-38:12']);
    assert.deepStrictEqual(definition(text, at(text, 'by: bporter', 5, 'signedOff:'), URI).map((l) => r(l.range)), ['20:8-20:15']);
  });

  it('finds every reference, with or without the definition', () => {
    assert.deepStrictEqual(references(text, at(text, 'owner: rnair', 9), URI, true).map((l) => r(l.range)), RNAIR);
    assert.deepStrictEqual(references(text, at(text, 'owner: rnair', 9), URI, false).map((l) => r(l.range)), RNAIR.slice(1));
    // From the definition itself.
    assert.deepStrictEqual(references(text, at(text, 'id: rnair', 5), URI, true).map((l) => r(l.range)), RNAIR);
  });

  it('highlights the definition as a write and references as reads', () => {
    const h = documentHighlights(text, at(text, 'id: skim', 5));
    assert.deepStrictEqual(h.map((x) => [r(x.range), x.kind]), [['38:8-38:12', 3], ['52:15-52:19', 2]]);
  });

  it('answers nothing off a person id', () => {
    assert.deepStrictEqual(definition(text, at(text, 'id: C-7', 5), URI), []);
    assert.deepStrictEqual(references(text, at(text, 'summary: Automate', 12), URI, true), []);
    assert.strictEqual(prepareRename(text, at(text, 'id: C-7', 5)), null);
  });

  it('prepares a rename on the id, without quotes', () => {
    assert.deepStrictEqual(prepareRename(text, at(text, 'to: bporter', 6)), {
      range: { start: { line: 61, character: 8 }, end: { line: 61, character: 15 } },
      placeholder: 'bporter',
    });
    const quoted = text.replace('    to: bporter\n', '    to: "bporter"\n');
    assert.strictEqual(r(prepareRename(quoted, at(quoted, 'to: "bporter"', 6))!.range), '61:9-61:16');
  });

  it('renames a person everywhere, and the file still validates the same', () => {
    const result = rename(text, at(text, 'owner: rnair', 9), 'ravi', URI);
    assert.ok(result.ok);
    const edits = result.edit.changes[URI];
    assert.deepStrictEqual(edits.map((e) => [r(e.range), e.newText]), RNAIR.map((range) => [range, 'ravi']));
    const renamed = applyEdits(text, edits);
    assert.ok(renamed.includes('attendees: [bporter, mwaddams, ravi]'));
    const service = createLanguageService({ fs: { readFile: () => undefined, exists: () => false } });
    const codes = (t: string) => service.validate(t, '/work/initech.partnership.yaml', { today: TODAY }).map((d) => d.code);
    assert.deepStrictEqual(codes(renamed), codes(text));
  });

  it('keeps quotes, and quotes a name YAML would read as another type', () => {
    const quoted = text.replace('    to: bporter\n', "    to: 'bporter'\n");
    const result = rename(quoted, at(quoted, 'id: bporter', 5), 'bill', URI);
    assert.ok(result.ok);
    assert.deepStrictEqual(
      result.edit.changes[URI].map((e) => [r(e.range), e.newText]),
      [
        ['17:15-17:22', 'bill'],
        ['20:8-20:15', 'bill'],
        ['47:15-47:22', 'bill'],
        ['54:8-54:15', 'bill'],
        ['61:9-61:16', 'bill'],
        ['77:8-77:15', 'bill'],
        ['96:16-96:23', 'bill'],
      ],
    );
    const toNull = rename(text, at(text, 'id: skim', 5), 'null', URI);
    assert.ok(toNull.ok);
    assert.deepStrictEqual(toNull.edit.changes[URI].map((e) => e.newText), ['"null"', '"null"']);
  });

  it('refuses an invalid id and one already used anywhere in the file', () => {
    assert.deepStrictEqual(rename(text, at(text, 'owner: rnair', 9), 'Ravi Nair', URI), {
      ok: false,
      message: "'Ravi Nair' is not a valid id: an id starts with a letter A–Z or a–z and has only those letters, digits 0–9, '_', '.' and '-'",
    });
    assert.deepStrictEqual(rename(text, at(text, 'owner: rnair', 9), 'K-1', URI), {
      ok: false,
      message: "'K-1' is already the id of a concern in this file; ids must be unique across the file",
    });
    assert.deepStrictEqual(rename(text, at(text, 'owner: rnair', 9), 'skim', URI), {
      ok: false,
      message: "'skim' is already the id of a person in this file; ids must be unique across the file",
    });
  });
});
