// A value still marked "(replace me)": the starter file's placeholders, left in.
import { isMap, isScalar, isSeq, Node } from '../document';
import { oneLine, Rule } from './rule';

/** The mark the starter file puts on every value a person must fill in. */
export const PLACEHOLDER_MARK = '(replace me)';

export const placeholder: Rule = {
  id: 'placeholder',
  check(ctx) {
    if (!ctx.pd.text.includes(PLACEHOLDER_MARK)) return;
    const walk = (node: unknown): void => {
      if (isMap(node)) for (const pair of node.items) walk(pair.value);
      else if (isSeq(node)) for (const item of node.items) walk(item);
      else if (isScalar(node) && typeof node.value === 'string' && node.value.includes(PLACEHOLDER_MARK)) {
        ctx.report(ctx.pd.nodeRange(node as Node), `'${oneLine(node.value)}' is a placeholder: replace it with the real value`);
      }
    };
    walk(ctx.pd.root);
  },
};
