// An open or in-progress commitment whose due date has passed.
import { formatDay, plural } from '../dates';
import { appendItem, replaceScalar, setScalar } from '../edits';
import type { Obj } from '../model';
import type { Fix } from '../types';
import { itemLabel, quickFix, Rule, RuleContext } from './rule';

export { ACTIVE_STATUSES } from '../domain';

/** "C-12 'Pilot the audit dashboard', promised to Jane Doe" */
export function commitmentLabel(ctx: RuleContext, c: Obj): string {
  const label = itemLabel(c.str('id'), c.str('summary'));
  const to = ctx.model.personName(c.str('to'));
  return to ? `${label}, promised to ${to},` : label;
}

export const RENEGOTIATE_DAYS = 7;

export function overdueFixes(ctx: RuleContext, c: Obj): Fix[] {
  const { pd, today } = ctx;
  const id = c.str('id') ?? 'the commitment';
  const due = c.day('due')!;
  const newDue = today + RENEGOTIATE_DAYS;
  // The reason is the person's to write: the tool cannot know what was agreed.
  const historyLines = [`on: ${formatDay(today)}`, `from: ${formatDay(due)}`, `to: ${formatDay(newDue)}`];
  return [
    ...quickFix(
      `Mark ${id} done today (${formatDay(today)})`,
      [replaceScalar(pd, c.pair('status')!.value, 'done'), setScalar(pd, c.node, 'completed', formatDay(today))],
      true,
    ),
    ...quickFix(`Renegotiate ${id}: move due to ${formatDay(newDue)} (a week from today) and record it in history`, [
      replaceScalar(pd, c.pair('due')!.value, formatDay(newDue)),
      appendItem(pd, c.node, 'history', historyLines),
    ]),
    { title: 'Generate reset-meeting agenda', kind: 'generate', generate: 'agenda' },
  ];
}

export const commitmentOverdue: Rule = {
  id: 'commitment-overdue',
  check(ctx) {
    for (const f of ctx.facts.commitments) {
      if (f.state !== 'overdue') continue;
      ctx.report(
        f.c.valueRange('due')!,
        `${commitmentLabel(ctx, f.c)} is ${plural(f.daysLate, 'day')} overdue (due ${formatDay(f.due!)})`,
        () => overdueFixes(ctx, f.c),
      );
    }
  },
};
