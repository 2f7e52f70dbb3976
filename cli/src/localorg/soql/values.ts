/**
 * Values between SOQL, SQLite and the JSON Salesforce returns: date literal
 * ranges (computed in UTC from the context's clock), datetime literals and
 * Salesforce's datetime format, and record ids (15 or 18 characters).
 */

const DAY = 86_400_000;

/** A half-open range of days, `[start, end)`, as `YYYY-MM-DD`. */
export interface DayRange {
  start: string;
  end: string;
}

const ymd = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

function utcDay(year: number, month: number, day = 1): number {
  return Date.UTC(year, month, day);
}

/**
 * The days a date literal covers. Weeks start on Sunday (the en_US locale);
 * the fiscal year is the calendar year (the org default: it starts in January).
 */
export function dateLiteralRange(literal: string, n: number | undefined, now: Date): DayRange | undefined {
  const today = utcDay(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const year = now.getUTCFullYear();
  const month = now.getUTCMonth();
  const weekStart = today - now.getUTCDay() * DAY;
  const quarterMonth = month - (month % 3);
  const days = (from: number, count: number): DayRange => ({
    start: ymd(from),
    end: ymd(from + count * DAY),
  });
  const months = (fromMonth: number, count: number): DayRange => ({
    start: ymd(utcDay(year, fromMonth)),
    end: ymd(utcDay(year, fromMonth + count)),
  });
  const years = (fromYear: number, count: number): DayRange => ({
    start: ymd(utcDay(fromYear, 0)),
    end: ymd(utcDay(fromYear + count, 0)),
  });
  const k = n ?? 0;
  switch (literal.toUpperCase().replace('_FISCAL_', '_')) {
    case 'YESTERDAY':
      return days(today - DAY, 1);
    case 'TODAY':
      return days(today, 1);
    case 'TOMORROW':
      return days(today + DAY, 1);
    case 'LAST_WEEK':
      return days(weekStart - 7 * DAY, 7);
    case 'THIS_WEEK':
      return days(weekStart, 7);
    case 'NEXT_WEEK':
      return days(weekStart + 7 * DAY, 7);
    case 'LAST_MONTH':
      return months(month - 1, 1);
    case 'THIS_MONTH':
      return months(month, 1);
    case 'NEXT_MONTH':
      return months(month + 1, 1);
    case 'LAST_90_DAYS':
      return days(today - 90 * DAY, 91);
    case 'NEXT_90_DAYS':
      return days(today + DAY, 90);
    case 'LAST_N_DAYS':
      return days(today - k * DAY, k + 1);
    case 'NEXT_N_DAYS':
      return days(today + DAY, k);
    case 'N_DAYS_AGO':
      return days(today - k * DAY, 1);
    case 'LAST_N_WEEKS':
      return days(weekStart - 7 * k * DAY, 7 * k);
    case 'NEXT_N_WEEKS':
      return days(weekStart + 7 * DAY, 7 * k);
    case 'N_WEEKS_AGO':
      return days(weekStart - 7 * k * DAY, 7);
    case 'LAST_N_MONTHS':
      return months(month - k, k);
    case 'NEXT_N_MONTHS':
      return months(month + 1, k);
    case 'N_MONTHS_AGO':
      return months(month - k, 1);
    case 'THIS_QUARTER':
      return months(quarterMonth, 3);
    case 'LAST_QUARTER':
      return months(quarterMonth - 3, 3);
    case 'NEXT_QUARTER':
      return months(quarterMonth + 3, 3);
    case 'LAST_N_QUARTERS':
      return months(quarterMonth - 3 * k, 3 * k);
    case 'NEXT_N_QUARTERS':
      return months(quarterMonth + 3, 3 * k);
    case 'N_QUARTERS_AGO':
      return months(quarterMonth - 3 * k, 3);
    case 'THIS_YEAR':
      return years(year, 1);
    case 'LAST_YEAR':
      return years(year - 1, 1);
    case 'NEXT_YEAR':
      return years(year + 1, 1);
    case 'LAST_N_YEARS':
      return years(year - k, k);
    case 'NEXT_N_YEARS':
      return years(year + 1, k);
    case 'N_YEARS_AGO':
      return years(year - k, 1);
    default:
      return undefined;
  }
}

/** A SOQL datetime literal (`2026-11-25T10:00:00Z`, `...+05:30`, `...-0800`) as the stored UTC form. */
export function datetimeLiteral(literal: string): string | undefined {
  const m = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?)(Z|[+-]\d{2}:?\d{2})$/i.exec(literal);
  if (!m) return undefined;
  const zone = (m[2] ?? 'Z').toUpperCase();
  const offset = zone === 'Z' ? 'Z' : zone.includes(':') ? zone : `${zone.slice(0, 3)}:${zone.slice(3)}`;
  const time = new Date(`${m[1] ?? ''}${offset}`);
  return Number.isNaN(time.getTime()) ? undefined : time.toISOString();
}

/** The start of a day as the stored datetime form. */
export const dayStart = (day: string): string => `${day}T00:00:00.000Z`;

/** A stored datetime as Salesforce returns it: `2026-11-25T10:00:00.000+0000`. */
export function formatDatetime(stored: string): string {
  const m = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.(\d+))?(?:Z|\+00:?00)?$/.exec(stored);
  if (m) return `${m[1] ?? ''}.${(m[2] ?? '').padEnd(3, '0').slice(0, 3)}+0000`;
  const time = new Date(stored);
  return Number.isNaN(time.getTime()) ? stored : time.toISOString().replace('Z', '+0000');
}

const SUFFIX_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';

/**
 * An id literal as stored: 15-character ids get their case-safe suffix, and
 * 18-character ids are case-normalized by theirs (so `001...aaa` finds
 * `001...AAA`). `undefined` when it isn't an id at all.
 */
export function normalizeId(literal: string): string | undefined {
  if (!/^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/.test(literal)) return undefined;
  if (literal.length === 15) {
    let suffix = '';
    for (let chunk = 0; chunk < 3; chunk++) {
      let bits = 0;
      for (let i = 0; i < 5; i++) {
        const c = literal.charAt(chunk * 5 + i);
        if (c >= 'A' && c <= 'Z') bits |= 1 << i;
      }
      suffix += SUFFIX_ALPHABET.charAt(bits);
    }
    return literal + suffix;
  }
  const suffix = literal.slice(15).toUpperCase();
  let body = '';
  for (let chunk = 0; chunk < 3; chunk++) {
    const bits = SUFFIX_ALPHABET.indexOf(suffix.charAt(chunk));
    if (bits < 0) return literal;
    for (let i = 0; i < 5; i++) {
      const c = literal.charAt(chunk * 5 + i);
      body += bits & (1 << i) ? c.toUpperCase() : c.toLowerCase();
    }
  }
  return body + suffix;
}

/** Float noise removed from sums and averages: `0.30000000000000004` is `0.3`. */
export const cleanNumber = (value: number): number => Number(value.toPrecision(15));
