// What a rule is: an id and a check that reports problems with ranges, messages and fixes.
import type { Facts } from '../domain';
import type { ParsedDocument } from '../document';
import type { PartnershipModel } from '../model';
import type { Day, Fix, PartnershipConfig, Range, RuleId, TextEdit } from '../types';

export interface RuleContext {
  readonly model: PartnershipModel;
  readonly pd: ParsedDocument;
  readonly today: Day;
  readonly config: PartnershipConfig;
  /** Every judgement about the file, computed once (rules only format these). */
  readonly facts: Facts;
  /** `fixes` as a function is called only when a code action asks for them (see validate.ts). */
  report(range: Range, message: string, fixes?: Fixes): void;
}

export type Fixes = Fix[] | (() => Fix[]);

export interface Rule {
  readonly id: RuleId;
  check(ctx: RuleContext): void;
}

/** "C-12 'Pilot the audit dashboard'" — how messages name an item. */
/** Text from the file as it belongs in a one-line message: whitespace and line breaks collapsed. */
export function oneLine(text: string): string;
export function oneLine(text: string | undefined): string | undefined;
export function oneLine(text: string | undefined): string | undefined {
  return text === undefined ? undefined : text.replace(/\s+/g, ' ').trim();
}

export function itemLabel(id: string | undefined, summary: string | undefined): string {
  id = oneLine(id);
  summary = oneLine(summary);
  if (id && summary) return `${id} '${summary}'`;
  if (id) return id;
  if (summary) return `'${summary}'`;
  return 'An item';
}

/** A quick fix, or nothing when one of its edits could not be made safely on this file's shape. */
export function quickFix(title: string, edits: (TextEdit | undefined)[], isPreferred = false): Fix[] {
  if (edits.some((e) => e === undefined)) return [];
  const fix: Fix = { title, kind: 'quickfix', edits: edits as TextEdit[] };
  if (isPreferred) fix.isPreferred = true;
  return [fix];
}
