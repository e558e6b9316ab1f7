// Dates that contradict each other, or record something that happened in the future.
import { formatDay } from '../dates';
import { FUTURE_SLACK_DAYS } from '../domain';
import type { Obj } from '../model';
import { Rule, RuleContext } from './rule';

export { FUTURE_SLACK_DAYS };

/** Reports `laterKey` before `earlierKey`; true when it did. */
function before(ctx: RuleContext, item: Obj, laterKey: string, earlierKey: string, what: string, label: string): boolean {
  const later = item.day(laterKey);
  const earlier = item.day(earlierKey);
  if (later === undefined || earlier === undefined || later >= earlier) return false;
  ctx.report(item.valueRange(laterKey)!, `${label} ${what} ${formatDay(later)}, before it was ${earlierKey === 'raised' ? 'raised' : 'made'} (${formatDay(earlier)})`);
  return true;
}

/** Reports a date that records something that happened but lies beyond tomorrow. */
function notFuture(ctx: RuleContext, item: Obj | undefined, key: string, label: string): void {
  const day = item?.day(key);
  if (item === undefined || day === undefined || day <= ctx.today + FUTURE_SLACK_DAYS) return;
  ctx.report(item.valueRange(key)!, `${label} ${key} ${formatDay(day)} is in the future (today is ${formatDay(ctx.today)})`);
}

export const dateOrder: Rule = {
  id: 'date-order',
  check(ctx) {
    const m = ctx.model;
    notFuture(ctx, m.partnership, 'since', 'The partnership:');
    // The domain already knows which commitments have dates that contradict each other or today.
    for (const f of ctx.facts.commitments) {
      if (!f.contradicts) continue;
      const c = f.c;
      const id = c.str('id') ?? 'The commitment';
      // One diagnostic per contradiction: a `made` after `due` is reported once, as the due date's problem.
      const dueEarly = before(ctx, c, 'due', 'made', 'is due', id);
      const doneEarly = before(ctx, c, 'completed', 'made', 'was completed', id);
      if (!doneEarly) notFuture(ctx, c, 'completed', `${id}:`);
      if (!dueEarly && !doneEarly) notFuture(ctx, c, 'made', `${id}:`);
      for (const h of c.list('history')) notFuture(ctx, h, 'on', `${id}'s move:`);
    }
    for (const k of m.concerns) {
      const id = k.str('id') ?? 'The concern';
      notFuture(ctx, k, 'raised', `${id}:`);
      if (!before(ctx, k, 'respondedOn', 'raised', 'was answered', id)) notFuture(ctx, k, 'respondedOn', `${id}:`);
    }
    const plan = m.communication;
    notFuture(ctx, plan?.obj('statusReport'), 'lastSent', 'Status report');
    notFuture(ctx, plan?.obj('reviewMeeting'), 'lastHeld', 'Review meeting');
    notFuture(ctx, plan?.obj('signedOff'), 'on', 'The communication plan was signed off:');
    for (const p of m.people) notFuture(ctx, p, 'lastContact', `${p.str('name') ?? p.str('id') ?? 'Person'}:`);
    const health = m.health;
    notFuture(ctx, health, 'assessed', 'Health');
    for (const h of health?.list('previous') ?? []) notFuture(ctx, h, 'assessed', 'An earlier health assessment:');
    for (const ms of m.milestones) notFuture(ctx, ms, 'delivered', `${ms.str('id') ?? 'The milestone'}:`);
    for (const meeting of m.meetings) {
      if (meeting.str('status') === 'held') notFuture(ctx, meeting, 'date', `A meeting marked held:`);
    }
  },
};
