// When the communication plan says the next status report and review meeting are due: the last
// one plus its cadence. (The rules judge lateness from the same dates; the domain layer will own
// both once it computes them from all the evidence, the meetings log included.)
import { addCadence, formatDay, isCadence } from './dates';
import type { PartnershipModel } from './model';
import type { Day } from './types';

export interface PlanDate {
  day: Day;
  /** Why that day, in words: "weekly, last sent 2026-11-02". */
  why: string;
  /** 0-based line of the plan entry. */
  line: number;
}

export function nextStatusReport(model: PartnershipModel): PlanDate | undefined {
  const report = model.communication?.obj('statusReport');
  const cadence = report?.str('cadence');
  const last = report?.day('lastSent');
  if (!report || !isCadence(cadence) || last === undefined) return undefined;
  return { day: addCadence(last, cadence), why: `${capitalised(cadence)}, last sent ${formatDay(last)}`, line: report.valueRange('lastSent')!.start.line };
}

export function nextReview(model: PartnershipModel): PlanDate | undefined {
  const review = model.communication?.obj('reviewMeeting');
  const cadence = review?.str('cadence');
  const last = review?.day('lastHeld');
  if (!review || !isCadence(cadence) || last === undefined) return undefined;
  return { day: addCadence(last, cadence), why: `${capitalised(cadence)}, last held ${formatDay(last)}`, line: review.valueRange('lastHeld')!.start.line };
}

function capitalised(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
