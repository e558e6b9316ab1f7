// The review meeting is late: the last review (lastHeld or the meeting log, whichever is later) plus its cadence is before today.
import { formatDay, plural } from '../dates';
import { Rule } from './rule';

export const reviewMeetingOverdue: Rule = {
  id: 'review-meeting-overdue',
  check(ctx) {
    const f = ctx.facts.reviewMeeting();
    if (!f || f.overdueDays === 0) return;
    const plan = ctx.model.communication!;
    const review = plan.obj('reviewMeeting')!;
    const range = f.field !== undefined ? review.valueRange('lastHeld')! : plan.keyRange('reviewMeeting')!;
    ctx.report(range, `The ${f.cadence} review meeting is ${plural(f.overdueDays, 'day')} overdue: last held ${formatDay(f.last!)}, next was due ${formatDay(f.next!)}`);
  },
};
