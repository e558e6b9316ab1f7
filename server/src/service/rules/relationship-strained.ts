// Health is strained or broken and no reset meeting is dated on or after the assessment.
import { formatDay } from '../dates';
import { Rule } from './rule';

export const relationshipStrained: Rule = {
  id: 'relationship-strained',
  check(ctx) {
    const health = ctx.model.health;
    const status = health?.str('status');
    const assessed = health?.day('assessed');
    if (!health || (status !== 'strained' && status !== 'broken') || assessed === undefined) return;
    // A cancelled reset meeting answers nothing.
    const planned = ctx.model.meetings.some((m) => m.str('kind') === 'reset' && m.str('status') !== 'cancelled' && (m.day('date') ?? -Infinity) >= assessed);
    if (planned) return;
    // A meeting whose date or kind the schema rejected may be the reset meeting: don't guess.
    const KINDS = ['kickoff', 'status', 'review', 'steering', 'reset'];
    if (ctx.model.meetings.some((m) => (m.has('date') && m.day('date') === undefined) || (m.has('kind') && !KINDS.includes(m.str('kind') ?? '')))) return;
    ctx.report(
      health.valueRange('status')!,
      `The relationship is ${status} (assessed ${formatDay(assessed)}) and no reset meeting is planned on or after that date`,
      [{ title: 'Generate reset-meeting agenda', kind: 'generate', generate: 'agenda' }],
    );
  },
};
