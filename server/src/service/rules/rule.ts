// What a rule is: an id and a check that reports problems with ranges, messages and fixes.
import type { ParsedDocument } from '../document';
import type { PartnershipModel } from '../model';
import type { Day, Fix, PartnershipConfig, Range, RuleId } from '../types';

export interface RuleContext {
  readonly model: PartnershipModel;
  readonly pd: ParsedDocument;
  readonly today: Day;
  readonly config: PartnershipConfig;
  report(range: Range, message: string, fixes?: Fix[]): void;
}

export interface Rule {
  readonly id: RuleId;
  check(ctx: RuleContext): void;
}

/** "C-12 'Pilot the audit dashboard'" — how messages name an item. */
export function itemLabel(id: string | undefined, summary: string | undefined): string {
  if (id && summary) return `${id} '${summary}'`;
  if (id) return id;
  if (summary) return `'${summary}'`;
  return 'An item';
}
