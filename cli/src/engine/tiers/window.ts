/**
 * The evaluation window: whole calendar quarters only, so that a partner is never judged on a
 * quarter that is still running (its figures are incomplete until the quarter closes).
 */
import { addDays, isValidIsoDate } from '../dates.ts';
import type { IsoDate } from '../types.ts';

export interface EvaluationWindow {
  /** First day of the earliest quarter evaluated. */
  start: IsoDate;
  /** Last day of the quarter just before the one containing the evaluation date. */
  end: IsoDate;
}

/**
 * The `trailingQuarters` complete calendar quarters before the quarter containing `asOf`:
 * asOf 2026-11-25 with 4 quarters gives 2025-10-01..2026-09-30. Quarter boundaries are computed on
 * year and month numbers, so no time zone or Date locale can move them.
 */
export function trailingQuartersWindow(asOf: IsoDate, trailingQuarters: number): EvaluationWindow {
  if (!isValidIsoDate(asOf)) throw new RangeError(`Not an ISO date (YYYY-MM-DD): ${JSON.stringify(asOf)}`);
  const year = Number(asOf.slice(0, 4));
  const month = Number(asOf.slice(5, 7));
  // Months counted from January of year 0, so that stepping back across years is plain subtraction.
  const currentQuarterFirstMonth = year * 12 + Math.floor((month - 1) / 3) * 3;
  const windowFirstMonth = currentQuarterFirstMonth - 3 * trailingQuarters;
  return {
    start: firstDayOfMonth(windowFirstMonth),
    end: addDays(firstDayOfMonth(currentQuarterFirstMonth), -1),
  };
}

/**
 * Whether a metric row's period starts inside the window. Rows carry `YYYY-MM-DD` dates (validated
 * on import), which sort as text in date order: no parsing in the hot loop of a bulk run.
 */
export function isInWindow(periodStart: IsoDate, window: EvaluationWindow): boolean {
  return periodStart >= window.start && periodStart <= window.end;
}

function firstDayOfMonth(monthsSinceYearZero: number): IsoDate {
  const year = Math.floor(monthsSinceYearZero / 12);
  const month = monthsSinceYearZero - year * 12 + 1;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-01`;
}
