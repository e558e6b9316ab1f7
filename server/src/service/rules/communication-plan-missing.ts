// No communication plan, or a plan without a status report.
import { insertSection, setKey, yamlString } from '../edits';
import type { Fix } from '../types';
import { Rule, RuleContext } from './rule';

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
  return `[${defaultAudience(ctx).map(yamlString).join(', ')}]`;
}

export const communicationPlanMissing: Rule = {
  id: 'communication-plan-missing',
  check(ctx) {
    const root = ctx.model.root;
    if (!root) return;
    const customer = ctx.model.customerName();
    const comm = root.pair('communication');
    if (!comm) {
      const fix: Fix = {
        title: 'Insert a communication-plan skeleton',
        kind: 'quickfix',
        isPreferred: true,
        edits: [
          insertSection(ctx.pd, 'communication', [
            'communication:',
            '  statusReport:',
            '    cadence: weekly',
            '    channel: email',
            `    audience: ${audienceText(ctx)}`,
            '  reviewMeeting:',
            '    cadence: biweekly',
          ]),
        ],
      };
      const anchor = root.keyRange('partnership') ?? root.anchorRange();
      ctx.report(anchor, `No communication plan: agree with ${customer} how often status is reported, to whom and how (add a 'communication' section with a statusReport)`, [fix]);
      return;
    }
    const plan = ctx.model.communication;
    if (!plan || plan.has('statusReport')) return;
    const fix: Fix = {
      title: 'Add a weekly statusReport to the communication plan',
      kind: 'quickfix',
      isPreferred: true,
      edits: [insertStatusReport(ctx)],
    };
    ctx.report(root.keyRange('communication')!, `The communication plan has no statusReport: agree with ${customer} how often status is reported and to whom`, [fix]);
  },
};

function insertStatusReport(ctx: RuleContext) {
  const plan = ctx.model.communication!;
  const eol = ctx.pd.eol();
  const unit = '  ';
  if (plan.node.items.length === 0 || plan.node.flow) {
    return setKey(ctx.pd, plan.node, 'statusReport', `{ cadence: weekly, audience: ${audienceText(ctx)} }`);
  }
  const first = plan.node.items[0].key as { range?: [number, number, number] };
  const indent = ctx.pd.positionAt(first.range![0]).character;
  const pad = ' '.repeat(indent);
  const text = `${eol}${pad}${unit}cadence: weekly${eol}${pad}${unit}channel: email${eol}${pad}${unit}audience: ${audienceText(ctx)}`;
  const edit = setKey(ctx.pd, plan.node, 'statusReport', '');
  return { range: edit.range, newText: edit.newText.replace(/ $/, '') + text };
}
