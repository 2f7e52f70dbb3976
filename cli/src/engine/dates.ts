/**
 * Calendar-date helpers for the engine, all in UTC.
 *
 * Protection periods, close dates and tier anniversaries count whole calendar days. Counting them
 * on UTC dates, never on local time, gives the same answer on every machine and in Apex.
 * The arithmetic runs on day numbers, so month ends, year ends and leap days need no special case.
 *
 * Malformed input throws a RangeError: records and configuration are validated before they reach
 * the engine, so a bad date here is a bug to surface, not a decision to take.
 */
import type { IsoDate, IsoDateTime } from './types.ts';

const MS_PER_DAY = 86_400_000;
const MS_PER_MINUTE = 60_000;

/** `YYYY-MM-DD`, four-digit years only: the shape Salesforce Date fields and JSON use. */
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * `YYYY-MM-DDTHH:MM[:SS[.fraction]]` followed by `Z` or `±HH:MM`. A zone is required: without one
 * the instant, and so its UTC date, would depend on the machine that reads it.
 */
const ISO_DATE_TIME =
  /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|([+-])(\d{2}):(\d{2}))$/;

interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function parseCalendarDate(value: string): CalendarDate | null {
  const match = ISO_DATE.exec(value);
  if (!match) return null;
  const [, year, month, day] = match.map(Number) as [number, number, number, number];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

function requireCalendarDate(value: string): CalendarDate {
  const date = parseCalendarDate(value);
  if (!date) throw new RangeError(`Not an ISO date (YYYY-MM-DD): ${JSON.stringify(value)}`);
  return date;
}

/** Days since 1970-01-01. setUTCFullYear, unlike Date.UTC, does not read years 0-99 as 1900-1999. */
function toDayNumber({ year, month, day }: CalendarDate): number {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return date.getTime() / MS_PER_DAY;
}

function fromDayNumber(dayNumber: number): IsoDate {
  const date = new Date(dayNumber * MS_PER_DAY);
  const year = date.getUTCFullYear();
  if (year < 0 || year > 9999) throw new RangeError(`Date outside years 0000-9999 (day ${dayNumber})`);
  const pad = (value: number, width: number) => String(value).padStart(width, '0');
  return `${pad(year, 4)}-${pad(date.getUTCMonth() + 1, 2)}-${pad(date.getUTCDate(), 2)}`;
}

export function isValidIsoDate(value: string): boolean {
  return parseCalendarDate(value) !== null;
}

export function isValidIsoDateTime(value: string): boolean {
  return parseDateTimeToMinutes(value) !== null;
}

/**
 * Minutes since 1970-01-01T00:00Z, or null when malformed. Seconds and fractions are left out:
 * they never carry an instant across midnight, and the engine only needs its UTC date.
 */
function parseDateTimeToMinutes(value: string): number | null {
  const match = ISO_DATE_TIME.exec(value);
  if (!match) return null;
  const [, datePart = '', hours, minutes, seconds, sign, offsetHours, offsetMinutes] = match;
  const date = parseCalendarDate(datePart);
  if (!date) return null;
  if (Number(hours) > 23 || Number(minutes) > 59 || Number(seconds ?? 0) > 59) return null;
  if (Number(offsetHours ?? 0) > 23 || Number(offsetMinutes ?? 0) > 59) return null;
  const offset = (sign === '-' ? -1 : 1) * (Number(offsetHours ?? 0) * 60 + Number(offsetMinutes ?? 0));
  return toDayNumber(date) * 1440 + Number(hours) * 60 + Number(minutes) - offset;
}

/** The UTC calendar date of an instant: `2026-01-15T23:30:00-05:00` is `2026-01-16`. */
export function toIsoDate(dateTime: IsoDateTime): IsoDate {
  const minutes = parseDateTimeToMinutes(dateTime);
  if (minutes === null) {
    throw new RangeError(
      `Not an ISO date-time with a zone (e.g. 2026-01-15T10:00:00Z): ${JSON.stringify(dateTime)}`,
    );
  }
  return fromDayNumber(Math.floor((minutes * MS_PER_MINUTE) / MS_PER_DAY));
}

/** The date `days` calendar days after `date` (before it when negative). */
export function addDays(date: IsoDate, days: number): IsoDate {
  if (!Number.isInteger(days)) throw new RangeError(`Days must be a whole number: ${days}`);
  return fromDayNumber(toDayNumber(requireCalendarDate(date)) + days);
}

/** `to - from` in whole days: positive when `to` is later. */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return toDayNumber(requireCalendarDate(to)) - toDayNumber(requireCalendarDate(from));
}

/** -1, 0 or 1, for `Array.prototype.sort` and for readable comparisons. */
export function compareIsoDate(a: IsoDate, b: IsoDate): number {
  requireCalendarDate(a);
  requireCalendarDate(b);
  // Valid `YYYY-MM-DD` strings sort as text in date order.
  return a < b ? -1 : a > b ? 1 : 0;
}
