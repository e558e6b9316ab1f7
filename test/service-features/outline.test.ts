import * as assert from 'assert';
import { createLanguageService, OutlineNode } from '../../server/src/service';
import { fixture, r, TODAY } from './util';

const service = createLanguageService({ fs: { readFile: () => undefined, exists: () => false } });
const text = fixture('initech.partnership.yaml');
const find = (node: OutlineNode, key: string): OutlineNode => {
  if (node.key === key) return node;
  for (const c of node.children ?? []) {
    try {
      return find(c, key);
    } catch {
      // not under this child
    }
  }
  throw new Error(`no node ${key}`);
};

describe('outline limits (the tree view of a huge file)', () => {
  const full = service.outline(text, '/work/initech.partnership.yaml', { today: TODAY });
  const limited = service.outline(text, '/work/initech.partnership.yaml', { today: TODAY }, { maxChildren: 2 });

  it('list at most maxChildren items per group, then "… N more" revealing the first one not listed', () => {
    const people = find(limited.root, 'people');
    const all = find(full.root, 'people');
    assert.strictEqual(people.detail, '4', 'the count is of all the people');
    assert.deepStrictEqual(
      people.children!.map((c) => [c.kind, c.key, c.label, c.detail]),
      [
        ['person', 'people/bporter', 'Bill Porter', all.children![0].detail],
        ['person', 'people/mwaddams', 'Milton Waddams', all.children![1].detail],
        ['group', 'people/more', '… 2 more', 'in the file'],
      ],
    );
    const more = people.children![2];
    assert.deepStrictEqual([r(more.range), r(more.selectionRange)], [r(all.children![2].range), r(all.children![2].selectionRange)]);
    assert.strictEqual(more.children, undefined, 'a leaf: a click reveals it');
  });

  it('leave groups within the limit, the counts and the rest of the outline as they are', () => {
    assert.deepStrictEqual(limited.counts, full.counts);
    assert.deepStrictEqual(find(limited.root, 'communication').children!.map((c) => c.label), ['Status report', 'Review meeting', '… 1 more']);
    assert.deepStrictEqual(find(limited.root, 'commitments'), find(full.root, 'commitments'), 'each bucket holds at most two here');
    assert.deepStrictEqual(find(limited.root, 'goals'), find(full.root, 'goals'));
  });
});

describe('outline wording (what the tree view shows)', () => {
  const concerns = (extra: string[]) => {
    const withConcerns = text.replace('\nhealth:', `\n${extra.join('\n')}\n\nhealth:`);
    return find(service.outline(withConcerns, '/work/initech.partnership.yaml', { today: TODAY }).root, 'concerns');
  };

  it('the Concerns group says how long the open concerns went unanswered', () => {
    assert.strictEqual(find(service.outline(text, '/work/initech.partnership.yaml', { today: TODAY }).root, 'concerns').detail, '1 open', 'K-1 has a response');
    const one = concerns(['  - id: K-2', '    summary: Invoices list the wrong cost centre', '    raised: 2026-10-30', '    status: open']);
    assert.strictEqual(one.detail, '2 open · unanswered for 24 days');
    assert.deepStrictEqual(one.children!.map((c) => c.detail), ['open · high · open 13 days', 'open · unanswered for 24 days']);
    const two = concerns(['  - id: K-2', '    summary: Invoices list the wrong cost centre', '    raised: 2026-10-30', '    status: open', '  - id: K-3', '    summary: No demo since October', '    raised: 2026-11-20', '    status: open', '  - id: K-4', '    summary: Undated', '    status: open']);
    assert.strictEqual(two.detail, '4 open · 2 unanswered, the oldest for 24 days');
    assert.deepStrictEqual(two.children!.map((c) => c.detail), ['open · high · open 13 days', 'open · unanswered for 24 days', 'open · unanswered for 3 days', 'open · no response']);
  });

  it("a commitment's detail names its owner as the view does, not by id", () => {
    const outline = service.outline(text, '/work/initech.partnership.yaml', { today: TODAY });
    assert.strictEqual(find(outline.root, 'commitments/C-7').detail, '22 days late · Ravi Nair');
    const unknownOwner = service.outline(text.replace('owner: rnair', 'owner: nobody'), '/work/initech.partnership.yaml', { today: TODAY });
    assert.strictEqual(find(unknownOwner.root, 'commitments/C-7').detail, '22 days late · nobody', 'an unknown id is shown as written');
  });
});
