// Dates that contradict each other or today.
import { formatDay } from '../dates';
import type { Obj } from '../model';
import { Rule, RuleContext } from './rule';

function before(ctx: RuleContext, item: Obj, laterKey: string, earlierKey: string, what: string, label: string): void {
  const later = item.day(laterKey);
  const earlier = item.day(earlierKey);
  if (later === undefined || earlier === undefined || later >= earlier) return;
  ctx.report(item.valueRange(laterKey)!, `${label} ${what} ${formatDay(later)}, before it was ${earlierKey === 'raised' ? 'raised' : 'made'} (${formatDay(earlier)})`);
}

/**
 * A day of slack: a file written where the date is already tomorrow (a time zone ahead) is not
 * "in the future" for a reviewer where it is still today.
 */
export const FUTURE_SLACK_DAYS = 1;

function notFuture(ctx: RuleContext, item: Obj | undefined, key: string, label: string): void {
  const day = item?.day(key);
  if (item === undefined || day === undefined || day <= ctx.today + FUTURE_SLACK_DAYS) return;
  ctx.report(item.valueRange(key)!, `${label} ${key} ${formatDay(day)} is in the future (today is ${formatDay(ctx.today)})`);
}

export const dateOrder: Rule = {
  id: 'date-order',
  check(ctx) {
    for (const c of ctx.model.commitments) {
      const id = c.str('id') ?? 'The commitment';
      before(ctx, c, 'due', 'made', 'is due', id);
      before(ctx, c, 'completed', 'made', 'was completed', id);
    }
    for (const k of ctx.model.concerns) {
      before(ctx, k, 'respondedOn', 'raised', 'was answered', k.str('id') ?? 'The concern');
    }
    const plan = ctx.model.communication;
    notFuture(ctx, plan?.obj('statusReport'), 'lastSent', 'Status report');
    notFuture(ctx, plan?.obj('reviewMeeting'), 'lastHeld', 'Review meeting');
    for (const p of ctx.model.people) notFuture(ctx, p, 'lastContact', `${p.str('name') ?? p.str('id') ?? 'Person'}:`);
  },
};
