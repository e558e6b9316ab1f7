// An id defined twice anywhere in the file (people, goals, commitments, concerns, risks, milestones).
import type { Obj } from '../model';
import { Rule } from './rule';

const SECTIONS = ['people', 'goals', 'commitments', 'concerns', 'risks', 'milestones'] as const;
const SINGULAR: Record<(typeof SECTIONS)[number], string> = {
  people: 'person',
  goals: 'goal',
  commitments: 'commitment',
  concerns: 'concern',
  risks: 'risk',
  milestones: 'milestone',
};

export const duplicateId: Rule = {
  id: 'duplicate-id',
  check(ctx) {
    const root = ctx.model.root;
    if (!root) return;
    // Every definition in file order, so the one reported is always the later one. Positions are
    // computed for the duplicates only (a large file has thousands of ids and few duplicates).
    const definitions: { id: string; section: string; item: Obj; offset: number }[] = [];
    for (const section of SECTIONS) {
      for (const item of root.list(section) as Obj[]) {
        const id = item.str('id');
        const value = item.pair('id')?.value;
        if (id === undefined || !value?.range) continue;
        definitions.push({ id, section: SINGULAR[section], item, offset: value.range[0] });
      }
    }
    definitions.sort((a, b) => a.offset - b.offset);
    const first = new Map<string, (typeof definitions)[number]>();
    for (const d of definitions) {
      const earlier = first.get(d.id);
      if (!earlier) {
        first.set(d.id, d);
        continue;
      }
      const where = earlier.section === d.section ? `another ${earlier.section}` : `a ${earlier.section}`;
      ctx.report(d.item.valueRange('id')!, `Duplicate id '${d.id}': already defined for ${where} on line ${ctx.pd.positionAt(earlier.offset).line + 1}`);
    }
  },
};
