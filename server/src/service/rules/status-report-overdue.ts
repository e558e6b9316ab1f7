// The status report is late: lastSent + cadence is before today, or nothing was ever sent.
import { addCadence, formatDay, isCadence, plural } from '../dates';
import { Rule } from './rule';

export const statusReportOverdue: Rule = {
  id: 'status-report-overdue',
  check(ctx) {
    const report = ctx.model.communication?.obj('statusReport');
    if (!report) return;
    const cadence = report.str('cadence');
    if (!isCadence(cadence)) return;
    const fixes = [{ title: 'Generate status report', kind: 'generate' as const, generate: 'report' as const }];
    if (!report.has('lastSent')) {
      const plan = ctx.model.communication!;
      ctx.report(plan.keyRange('statusReport')!, `No ${cadence} status report has been sent yet (no lastSent recorded)`, fixes);
      return;
    }
    const last = report.day('lastSent');
    if (last === undefined) return;
    const next = addCadence(last, cadence);
    if (next >= ctx.today) return;
    ctx.report(
      report.valueRange('lastSent')!,
      `The ${cadence} status report is ${plural(ctx.today - next, 'day')} overdue: last sent ${formatDay(last)}, next was due ${formatDay(next)}`,
      fixes,
    );
  },
};
