import * as assert from 'assert';
import { check, checkShown, yaml } from '../helpers';
import { HEALTHY, withLines } from './fixture';

describe('schema diagnostics', () => {
  it('an unknown key is reported on the key, with "did you mean" and a rename fix, and nothing else', () => {
    const ds = check(withLines({ 47: '    ownr: alee' }));
    // One problem, one diagnostic: commitment-unowned does not also report the misspelt owner.
    assert.deepStrictEqual(ds.map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1}-${d.range.end.line + 1}:${d.range.end.character + 1} ${d.code} ${d.message}`), [
      "47:5-47:9 schema Unknown key 'ownr' in commitment C-12 (did you mean 'owner'?)",
    ]);
    const fix = ds.find((d) => d.code === 'schema')!.data!.fixes[0];
    assert.deepStrictEqual(fix, { title: "Rename 'ownr' to 'owner'", kind: 'quickfix', isPreferred: true, edits: [{ range: ds.find((d) => d.code === 'schema')!.range, newText: 'owner' }] });
  });

  it('an unknown key with no close name lists the valid keys', () => {
    assert.deepStrictEqual(checkShown(withLines({ 82: '  mood: 3' })), [
      "82:3-82:7 schema error Unknown key 'mood' in 'health'; expected one of: status, assessed, trend, access, credibility, trust, note, previous",
    ]);
  });

  it('a bad enum value is reported on the value, with a suggestion; the domain rules skip it', () => {
    const ds = check(withLines({ 50: '    due: 2026-11-01', 51: '    status: opne' }));
    assert.deepStrictEqual(ds.map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1}-${d.range.end.line + 1}:${d.range.end.character + 1} ${d.code} ${d.message}`), [
      "51:13-51:17 schema 'opne' is not a valid status (did you mean 'open'?); expected one of: open, in-progress, done, dropped",
    ]);
    assert.deepStrictEqual(ds[0].data!.fixes[0], { title: "Change 'opne' to 'open'", kind: 'quickfix', isPreferred: true, edits: [{ range: ds[0].range, newText: 'open' }] });
  });

  it('an impossible date is one schema error on the value and no rule reads it', () => {
    assert.deepStrictEqual(checkShown(withLines({ 50: '    due: 2026-02-30' })), [
      "50:10-50:20 schema error '2026-02-30' is not a real calendar date ('due' must be a date YYYY-MM-DD)",
    ]);
    assert.deepStrictEqual(checkShown(withLines({ 50: '    due: next week' })), [
      "50:10-50:19 schema error 'next week' is not a date: 'due' must be written YYYY-MM-DD",
    ]);
  });

  it('a missing required key is reported on the parent key (or the item id in a list)', () => {
    assert.deepStrictEqual(checkShown(withLines({ 4: null })), ["2:1-2:12 schema error Missing required key 'customer' in 'partnership'"]);
    assert.deepStrictEqual(checkShown(withLines({ 16: null })), ["15:5-15:7 schema error Missing required key 'name' in person jdoe"]);
    assert.deepStrictEqual(checkShown(withLines({ 1: null })), ["1:1-1:12 schema error Missing required key 'version' in the file"]);
  });

  it('type, range and pattern errors name the key and the value', () => {
    assert.deepStrictEqual(checkShown(withLines({ 82: '  access: 7' })), ["82:11-82:12 schema error 'access' must be between 1 and 5, not 7"]);
    // …and no-decision-maker does not repeat it.
    assert.deepStrictEqual(checkShown(withLines({ 19: '    decisionMaker: yes' })), [
      "19:20-19:23 schema error 'decisionMaker' must be true or false, not the text 'yes'",
    ]);
    assert.deepStrictEqual(checkShown(withLines({ 1: 'version: 2' })), ['1:10-1:11 schema error Unsupported format version 2: this tool reads version 1']);
    // Version 1's rules do not judge a file of another version.
    assert.deepStrictEqual(checkShown(withLines({ 1: 'version: 2', 50: '    due: 2026-11-01' })), ['1:10-1:11 schema error Unsupported format version 2: this tool reads version 1']);
    assert.deepStrictEqual(checkShown(withLines({ 90: '  - id: 1st' })), [
      "90:9-90:12 schema error '1st' is not a valid id for 'id': an id starts with a letter A–Z or a–z and has only those letters, digits 0–9, '_', '.' and '-'",
    ]);
    assert.deepStrictEqual(checkShown(withLines({ 3: '  name: ""' })), ["3:9-3:11 schema error 'name' must not be empty"]);
  });

  it('a misspelt key does not make the rules about the missing key fire', () => {
    assert.deepStrictEqual(checkShown(withLines({ 10: '    metrc: hours per audit', 36: '    lastSnt: 2026-11-20' })), [
      "10:5-10:10 schema error Unknown key 'metrc' in goal G-1 (did you mean 'metric'?)",
      "36:5-36:12 schema error Unknown key 'lastSnt' in 'statusReport' (did you mean 'lastSent'?)",
    ]);
    assert.deepStrictEqual(checkShown(withLines({ 31: 'comunication:' })), [
      "31:1-31:13 schema error Unknown key 'comunication' in the top level (did you mean 'communication'?)",
    ]);
  });

  it('one problem gives one diagnostic: a wrongly typed section is not also walked', () => {
    assert.deepStrictEqual(checkShown(withLines({ 44: 'commitments: soon', 45: null, 46: null, 47: null, 48: null, 49: null, 50: null, 51: null, 52: null, 53: null, 54: null, 55: null, 56: null, 57: null, 58: null, 59: null })), [
      "44:14-44:18 schema error 'commitments' must be a list, not the text 'soon'",
    ]);
  });

  it('an empty file and a non-mapping top level get one clear diagnostic', () => {
    assert.deepStrictEqual(checkShown(''), ["1:1-1:1 schema error The file is empty: a partnership file starts with 'version: 1' and a 'partnership' section"]);
    assert.deepStrictEqual(checkShown('# only a comment\n'), ["1:1-1:1 schema error The file is empty: a partnership file starts with 'version: 1' and a 'partnership' section"]);
    assert.deepStrictEqual(checkShown(yaml('- version: 1', '- partnership: x')), [
      '1:1-3:1 schema error The top level must be a mapping of keys (version, partnership, people, …), not a list',
    ]);
    assert.deepStrictEqual(checkShown('just text\n'), [
      "1:1-1:10 schema error The top level must be a mapping of keys (version, partnership, people, …), not the text 'just text'",
    ]);
  });

  it('the full example of PRODUCT.md validates against the schema', () => {
    const ds = check(HEALTHY).filter((d) => d.code === 'schema');
    assert.deepStrictEqual(ds, []);
  });
});
