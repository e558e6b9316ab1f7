// The review meeting is late: lastHeld + cadence is before today.
import { addCadence, formatDay, isCadence, plural } from '../dates';
import { Rule } from './rule';

export const reviewMeetingOverdue: Rule = {
  id: 'review-meeting-overdue',
  check(ctx) {
    const review = ctx.model.communication?.obj('reviewMeeting');
    if (!review) return;
    const cadence = review.str('cadence');
    const last = review.day('lastHeld');
    if (!isCadence(cadence) || last === undefined) return;
    const next = addCadence(last, cadence);
    if (next >= ctx.today) return;
    ctx.report(
      review.valueRange('lastHeld')!,
      `The ${cadence} review meeting is ${plural(ctx.today - next, 'day')} overdue: last held ${formatDay(last)}, next was due ${formatDay(next)}`,
    );
  },
};
