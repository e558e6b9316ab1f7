// The registry of domain rules, in the order their diagnostics are reported.
import { commitmentDueSoon } from './commitment-due-soon';
import { commitmentOverdue } from './commitment-overdue';
import { commitmentSlipped } from './commitment-slipped';
import { commitmentUnowned } from './commitment-unowned';
import { communicationPlanMissing } from './communication-plan-missing';
import { communicationPlanUnsigned } from './communication-plan-unsigned';
import { concernUnanswered } from './concern-unanswered';
import { contactStale } from './contact-stale';
import { dateOrder } from './date-order';
import { duplicateId } from './duplicate-id';
import { goalWithoutMetric } from './goal-without-metric';
import { noDecisionMaker } from './no-decision-maker';
import { milestoneOverdue } from './milestone-overdue';
import { placeholder } from './placeholder';
import { recordIncomplete } from './record-incomplete';
import { recordOutdated } from './record-outdated';
import { relationshipStrained } from './relationship-strained';
import { reviewMeetingOverdue } from './review-meeting-overdue';
import { riskUnmanagedRule } from './risk-unmanaged';
import type { Rule } from './rule';
import { statusReportOverdue } from './status-report-overdue';
import { unknownReference } from './unknown-reference';
import { wrongSide } from './wrong-side';

/** yaml-syntax and schema are reported by the parser and the schema validator, not here. */
export const DOMAIN_RULES: readonly Rule[] = [
  unknownReference,
  duplicateId,
  commitmentOverdue,
  commitmentSlipped,
  commitmentDueSoon,
  commitmentUnowned,
  communicationPlanMissing,
  communicationPlanUnsigned,
  statusReportOverdue,
  reviewMeetingOverdue,
  noDecisionMaker,
  contactStale,
  concernUnanswered,
  relationshipStrained,
  goalWithoutMetric,
  dateOrder,
  milestoneOverdue,
  recordIncomplete,
  recordOutdated,
  wrongSide,
  riskUnmanagedRule,
  placeholder,
];
