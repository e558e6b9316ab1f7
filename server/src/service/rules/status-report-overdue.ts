// The status report is late: lastSent + cadence is before today, or nothing was ever sent.
import { formatDay, plural } from '../dates';
import { Rule } from './rule';

export const statusReportOverdue: Rule = {
  id: 'status-report-overdue',
  check(ctx) {
    const f = ctx.facts.statusReport();
    if (!f) return;
    const plan = ctx.model.communication!;
    const report = plan.obj('statusReport')!;
    const fixes = [{ title: 'Generate status report', kind: 'generate' as const, generate: 'report' as const }];
    if (!f.fieldPresent) {
      ctx.report(plan.keyRange('statusReport')!, `No ${f.cadence} status report has been sent yet (no lastSent recorded)`, fixes);
      return;
    }
    if (f.overdueDays === 0) return;
    ctx.report(
      report.valueRange('lastSent')!,
      `The ${f.cadence} status report is ${plural(f.overdueDays, 'day')} overdue: last sent ${formatDay(f.last!)}, next was due ${formatDay(f.next!)}`,
      fixes,
    );
  },
};
