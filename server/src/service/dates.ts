// Calendar arithmetic on whole days. A Day is days since 1970-01-01; no time zones, no clock.
import type { Day } from './types';

export type Cadence = 'daily' | 'weekly' | 'biweekly' | 'monthly' | 'quarterly';
export const CADENCES: readonly Cadence[] = ['daily', 'weekly', 'biweekly', 'monthly', 'quarterly'];

const MS_PER_DAY = 86_400_000;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

function daysInMonth(year: number, month: number): number {
  // month is 1-based; day 0 of the next month is the last day of this one.
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * The years a date may have: four digits that read back as written. Date.UTC reads years 0–99 as
 * 1900–1999, and a year past 9999 is printed as '+010000'.
 */
export const MIN_YEAR = 1000;
export const MAX_YEAR = 9999;

/**
 * The latest "today": a year before the last date, so that every date computed from today (a week
 * or a quarter ahead, the next working day) still has four digits.
 */
export const MAX_TODAY = Math.round(Date.UTC(MAX_YEAR - 1, 11, 31) / MS_PER_DAY);
export const MIN_TODAY = Math.round(Date.UTC(MIN_YEAR, 0, 1) / MS_PER_DAY);

/** Why a YYYY-MM-DD text is not a date, or undefined when it is one. */
export function dayProblem(text: string): 'shape' | 'calendar' | 'year' | undefined {
  const m = DATE_RE.exec(text);
  if (!m) return 'shape';
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return 'calendar';
  if (year < MIN_YEAR || year > MAX_YEAR) return 'year';
  return undefined;
}

/** `YYYY-MM-DD` of a real calendar date in the years MIN_YEAR–MAX_YEAR → Day; anything else → undefined. */
export function parseDay(text: unknown): Day | undefined {
  if (typeof text !== 'string' || dayProblem(text) !== undefined) return undefined;
  return Math.round(Date.UTC(Number(text.slice(0, 4)), Number(text.slice(5, 7)) - 1, Number(text.slice(8, 10))) / MS_PER_DAY);
}

/** A "today" given as text (`--today`, the reviewDate setting): a Day, or why it cannot be one. */
export function parseToday(text: string): { day: Day } | { problem: string } {
  const day = parseDay(text);
  if (day !== undefined && day >= MIN_TODAY && day <= MAX_TODAY) return { day };
  if (dayProblem(text) === 'year' || day !== undefined) return { problem: `expected a date from ${formatDay(MIN_TODAY)} to ${formatDay(MAX_TODAY)}` };
  return { problem: 'expected a real date as YYYY-MM-DD' };
}

export function formatDay(day: Day): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** The local calendar date of a clock reading. Only entry points call this. */
export function dayOfDate(date: Date): Day {
  return Math.round(Date.UTC(date.getFullYear(), date.getMonth(), date.getDate()) / MS_PER_DAY);
}

function addMonths(day: Day, months: number): Day {
  const d = new Date(day * MS_PER_DAY);
  const total = d.getUTCFullYear() * 12 + d.getUTCMonth() + months;
  const year = Math.floor(total / 12);
  const month = total - year * 12 + 1;
  const dom = Math.min(d.getUTCDate(), daysInMonth(year, month));
  return Math.round(Date.UTC(year, month - 1, dom) / MS_PER_DAY);
}

/** The day one cadence period after `day`: +1, +7, +14 days, +1 or +3 calendar months (clamped). */
export function addCadence(day: Day, cadence: Cadence): Day {
  switch (cadence) {
    case 'daily':
      return day + 1;
    case 'weekly':
      return day + 7;
    case 'biweekly':
      return day + 14;
    case 'monthly':
      return addMonths(day, 1);
    case 'quarterly':
      return addMonths(day, 3);
  }
}

export function isCadence(value: unknown): value is Cadence {
  return typeof value === 'string' && (CADENCES as readonly string[]).includes(value);
}

/** 0 = Sunday … 6 = Saturday. 1970-01-01 was a Thursday. */
export function weekday(day: Day): number {
  return (((day + 4) % 7) + 7) % 7;
}

/** Monday to Friday, as weekday() numbers. */
export const MON_TO_FRI: readonly number[] = [1, 2, 3, 4, 5];

/** The first working day strictly after `day` (Monday–Friday unless told otherwise; no working days at all: the next day). */
export function nextWorkingDay(day: Day, workingDays: readonly number[] = MON_TO_FRI): Day {
  if (workingDays.length === 0) return day + 1;
  let next = day + 1;
  while (!workingDays.includes(weekday(next))) next++;
  return next;
}

/** The day `cadence` before `day` (the inverse step of addCadence, months clamped the same way). */
export function subtractCadence(day: Day, cadence: Cadence): Day {
  switch (cadence) {
    case 'daily':
      return day - 1;
    case 'weekly':
      return day - 7;
    case 'biweekly':
      return day - 14;
    case 'monthly':
      return addMonths(day, -1);
    case 'quarterly':
      return addMonths(day, -3);
  }
}

export function plural(n: number, unit: string): string {
  return `${n} ${unit}${n === 1 ? '' : 's'}`;
}

/** "in 3 days", "tomorrow", "today", "yesterday", "22 days ago". */
export function relativeDays(day: Day, today: Day): string {
  const diff = day - today;
  if (diff === 0) return 'today';
  if (diff === 1) return 'tomorrow';
  if (diff === -1) return 'yesterday';
  return diff > 0 ? `in ${plural(diff, 'day')}` : `${plural(-diff, 'day')} ago`;
}
