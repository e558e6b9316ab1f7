// A "last…" field older than what the meeting log shows.
import { formatDay } from '../dates';
import { replaceScalar } from '../edits';
import { quickFix, Rule } from './rule';

export const recordOutdated: Rule = {
  id: 'record-outdated',
  check(ctx) {
    const review = ctx.facts.reviewMeeting();
    const plan = ctx.model.communication;
    if (review && review.field !== undefined && review.logged !== undefined) {
      const held = plan!.obj('reviewMeeting')!;
      const day = formatDay(review.logged);
      ctx.report(
        held.valueRange('lastHeld')!,
        `lastHeld says ${formatDay(review.field)}, but the meeting log has a review held on ${day}`,
        () => quickFix(`Set lastHeld to ${day}`, [replaceScalar(ctx.pd, held.pair('lastHeld')!.value, day)], true),
      );
    }
    for (const f of ctx.facts.contacts) {
      const field = f.p.day('lastContact');
      const logged = f.id === undefined ? undefined : ctx.facts.attended.get(f.id);
      if (field === undefined || logged === undefined || logged <= field) continue;
      const day = formatDay(logged);
      const name = f.p.str('name') ?? f.id!;
      ctx.report(
        f.p.valueRange('lastContact')!,
        `${name}'s lastContact says ${formatDay(field)}, but they attended a meeting held on ${day}`,
        () => quickFix(`Set lastContact to ${day}`, [replaceScalar(ctx.pd, f.p.pair('lastContact')!.value, day)], true),
      );
    }
  },
};
