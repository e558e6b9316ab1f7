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
    const first = new Map<string, { section: string; range: Range }>();
    for (const section of SECTIONS) {
      for (const item of root.list(section) as Obj[]) {
        const id = item.str('id');
        if (id === undefined) continue;
        const range = item.valueRange('id')!;
        const earlier = first.get(id);
        if (!earlier) {
          first.set(id, { section: SINGULAR[section], range });
          continue;
        }
        const where = earlier.section === SINGULAR[section] ? `another ${earlier.section}` : `a ${earlier.section}`;
        ctx.report(range, `Duplicate id '${id}': already defined for ${where} on line ${earlier.range.start.line + 1}`);
      }
    }
  },
};
