// No communication plan, or a plan without a status report.
import { addMapping, flowId, indentUnit, insertSection } from '../edits';
import { quickFix, Rule, RuleContext } from './rule';

/** Person ids the status report should reach by default: the customer's decision makers. */
function defaultAudience(ctx: RuleContext): string[] {
  const ids: string[] = [];
  for (const p of ctx.model.people) {
    const id = p.str('id');
    if (id && p.str('side') === 'customer' && (p.bool('decisionMaker') || p.bool('sponsor'))) ids.push(id);
  }
  return ids;
}

function audienceText(ctx: RuleContext): string {
  return `[${defaultAudience(ctx).map(flowId).join(', ')}]`;
}

/** Re-indent lines written with 2-space steps to the file's own indentation unit. */
function indented(ctx: RuleContext, lines: string[]): string[] {
  const unit = indentUnit(ctx.pd);
  return lines.map((l) => {
    const depth = (l.length - l.trimStart().length) / 2;
    return ' '.repeat(depth * unit) + l.trimStart();
  });
}

export const communicationPlanMissing: Rule = {
  id: 'communication-plan-missing',
  check(ctx) {
    const root = ctx.model.root;
    if (!root) return;
    const customer = ctx.model.customerName();
    if (!root.has('communication')) {
      const fixes = () => quickFix(
        'Insert a communication-plan skeleton',
        [
          insertSection(ctx.pd, 'communication', indented(ctx, [
            'communication:',
            '  statusReport:',
            '    cadence: weekly',
            '    channel: email',
            `    audience: ${audienceText(ctx)}`,
            '  reviewMeeting:',
            '    cadence: biweekly',
          ])),
        ],
        true,
      );
      const anchor = root.keyRange('partnership') ?? root.anchorRange();
      ctx.report(anchor, `No communication plan: agree with ${customer} how often status is reported, to whom and how (add a 'communication' section with a statusReport)`, fixes);
      return;
    }
    const plan = ctx.model.communication;
    if (!plan || plan.has('statusReport')) return;
    const fixes = () => quickFix(
      'Add a weekly statusReport to the communication plan',
      [addMapping(ctx.pd, plan.node, 'statusReport', ['cadence: weekly', 'channel: email', `audience: ${audienceText(ctx)}`])],
      true,
    );
    ctx.report(root.keyRange('communication')!, `The communication plan has no statusReport: agree with ${customer} how often status is reported and to whom`, fixes);
  },
};
