// An id defined twice anywhere in the file (people, goals, commitments, concerns, risks, milestones).
import type { Obj } from '../model';
import type { Range } from '../types';
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
    // Every definition in file order, so the one reported is always the later one.
    const definitions: { id: string; section: string; range: Range; offset: number }[] = [];
    for (const section of SECTIONS) {
      for (const item of root.list(section) as Obj[]) {
        const id = item.str('id');
        const value = item.pair('id')?.value;
        if (id === undefined || !value?.range) continue;
        definitions.push({ id, section: SINGULAR[section], range: item.valueRange('id')!, offset: value.range[0] });
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
      ctx.report(d.range, `Duplicate id '${d.id}': already defined for ${where} on line ${earlier.range.start.line + 1}`);
    }
  },
};
