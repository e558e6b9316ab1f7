import * as assert from 'assert';
import { createLanguageService, DocumentSymbol, Range } from '../../server/src/service';
import { fixture, r, TODAY } from './util';

/** The features, from one language service (its methods need no `this`). */
const { documentSymbols } = createLanguageService({ fs: { readFile: () => undefined, exists: () => false } });

const text = fixture('initech.partnership.yaml');

function tree(symbols: DocumentSymbol[], depth = 0): string[] {
  return symbols.flatMap((s) => [`${'  '.repeat(depth)}${s.name} [${s.kind}] ${s.detail ?? ''}`.trimEnd(), ...tree(s.children ?? [], depth + 1)]);
}

const inside = (inner: Range, outer: Range) =>
  (inner.start.line > outer.start.line || (inner.start.line === outer.start.line && inner.start.character >= outer.start.character)) &&
  (inner.end.line < outer.end.line || (inner.end.line === outer.end.line && inner.end.character <= outer.end.character));

describe('document symbols', () => {
  const symbols = documentSymbols(text, '/work/initech.partnership.yaml', { today: TODAY });

  it('follow the outline model, with commitments back in file order', () => {
    assert.deepStrictEqual(tree(symbols), [
      'Initech claims platform [4] Initech Insurance · watch · on time 0% as promised, 0% as agreed',
      '  Goals [3] 1',
      '    G-1: Settle a standard claim within five working days [14] 9 → 5 median working days to settle',
      '  People [3] 4',
      '    Bill Porter [19] Head of Claims · Initech Insurance · decision maker',
      '    Milton Waddams [19] Claims Operations Lead · Initech Insurance',
      '    Ravi Nair [19] Tech lead · ours',
      '    Sun Kim [19] Director of Delivery · ours',
      '  Communication plan [3] weekly status',
      '    Status report [11] weekly · next 2026-11-27',
      '    Review meeting [11] biweekly · next 2026-12-01',
      '    Signed off [11] Bill Porter on 2026-06-10',
      '  Commitments [3] 1 overdue',
      '    C-7: Automate intake of scanned claim forms [24] 22 days late · Ravi Nair',
      '    C-8: Weekly export of settlement metrics [24] due in 3 days · Ravi Nair',
      '  Concerns [3] 1 open',
      '    K-1: Intake automation keeps slipping [8] open · high · open 13 days',
      '  Health: watch [16] declining · access 4 · credibility 3 · trust 3',
      '  Meetings [3] 1',
      '    2026-11-17 review [23] Intake demo postponed to the next review',
    ]);
  });

  it('span each item from its first key to its last character, selecting its id', () => {
    const commitments = symbols[0].children!.find((s) => s.name === 'Commitments')!;
    assert.strictEqual(r(commitments.range), '57:0-71:23');
    assert.strictEqual(r(commitments.selectionRange), '57:0-57:11');
    const c7 = commitments.children![0];
    assert.strictEqual(r(c7.range), '58:4-64:16');
    assert.strictEqual(r(c7.selectionRange), '58:8-58:11');
  });

  it('keep every selectionRange and child inside its parent, as clients require', () => {
    const walk = (s: DocumentSymbol) => {
      assert.ok(inside(s.selectionRange, s.range), `${s.name}: selection ${r(s.selectionRange)} outside ${r(s.range)}`);
      for (const c of s.children ?? []) {
        assert.ok(inside(c.range, s.range), `${c.name} outside ${s.name}`);
        walk(c);
      }
    };
    symbols.forEach(walk);
  });

  it('still give the file a symbol when it does not parse', () => {
    const broken = documentSymbols('version: 1\npartnership:\n  name: [\n', '/work/broken.partnership.yaml', { today: TODAY });
    assert.strictEqual(broken.length, 1);
    assert.ok(broken[0].name.length > 0);
  });
});
