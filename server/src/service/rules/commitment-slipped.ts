// A commitment whose due date moved without a history entry, or whose history does not chain.
import { formatDay } from '../dates';
import { appendItem } from '../edits';
import { quickFix, Rule } from './rule';

export const commitmentSlipped: Rule = {
  id: 'commitment-slipped',
  check(ctx) {
    for (const f of ctx.facts.commitments) {
      if (f.contradicts) continue; // date-order's: one problem, one diagnostic
      const id = f.c.str('id') ?? 'The commitment';
      if (f.historyBreak) {
        const b = f.historyBreak;
        const message =
          b.key === 'from'
            ? `${id}'s history does not chain: this move starts from ${formatDay(b.found)}, but the previous one moved the date to ${formatDay(b.expected!)}; a move in between is not recorded`
            : `${id}'s history goes back in time: this move is dated ${formatDay(b.found)}, before the previous one (${formatDay(b.expected!)})`;
        ctx.report(b.entry.valueRange(b.key)!, message);
        continue;
      }
      if (!f.silentSlip) continue;
      const from = formatDay(f.lastRecordedDue!);
      const to = formatDay(f.due!);
      ctx.report(
        f.c.valueRange('due')!,
        `${id} is due ${to}, but its history last moved it to ${from}: the date changed without a record of when, or why`,
        () => quickFix(`Record the move of ${id} from ${from} to ${to} in history`, [
          appendItem(ctx.pd, f.c.node, 'history', [`on: ${formatDay(ctx.today)}`, `from: ${from}`, `to: ${to}`]),
        ]),
      );
    }
  },
};
