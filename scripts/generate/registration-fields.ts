import type { Random } from '../lib/random.ts';
import { salesforceId } from './ids.ts';
import { WeightedTable } from './weighted-table.ts';

/**
 * The commercial fields of a registration: who registers, what, for how much, when.
 */

const PRODUCT_FAMILY_TABLE = new WeightedTable<string>([
  ['Security', 25],
  ['Networking', 20],
  ['Cloud', 25],
  ['Analytics', 15],
  ['Collaboration', 15],
]);

export function drawProductFamily(random: Random): string {
  return PRODUCT_FAMILY_TABLE.draw(random);
}

const MIN_AMOUNT = 5_000;
const MAX_AMOUNT = 2_000_000;
/** Log-normal: half the deals below 40,000, one in a hundred above about 600,000. */
const MEDIAN_AMOUNT = 40_000;
const SIGMA = 1.15;

/** A deal size as people estimate it: log-normal, rounded to two or three significant digits. */
export function drawAmount(random: Random): number {
  const normal = Math.sqrt(-2 * Math.log(1 - random.next())) * Math.cos(2 * Math.PI * random.next());
  const raw = Math.min(MAX_AMOUNT, Math.max(MIN_AMOUNT, MEDIAN_AMOUNT * Math.exp(SIGMA * normal)));
  const digits = random.chance(0.75) ? 2 : 3;
  const unit = 10 ** Math.max(2, Math.floor(Math.log10(raw)) - digits + 1);
  return Math.min(MAX_AMOUNT, Math.max(MIN_AMOUNT, Math.round(raw / unit) * unit));
}

/** The first quarter of 2026. */
const QUARTER_START = Date.UTC(2026, 0, 1);
const QUARTER_DAYS = 90;
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * A submission time in the quarter: mostly on weekdays and in working hours somewhere
 * between Europe and the Americas, as an ISO date-time.
 */
export function drawSubmittedAt(random: Random): string {
  let day = random.int(0, QUARTER_DAYS - 1);
  // Weekends get about a sixth of a weekday's registrations.
  while (isWeekend(QUARTER_START + day * DAY_MS) && !random.chance(0.15))
    day = random.int(0, QUARTER_DAYS - 1);
  const hourMs = random.chance(0.8) ? (7 + random.next() * 14) * 3_600_000 : random.next() * DAY_MS;
  return new Date(QUARTER_START + day * DAY_MS + Math.floor(hourMs)).toISOString();
}

function isWeekend(time: number): boolean {
  const weekday = new Date(time).getUTCDay();
  return weekday === 0 || weekday === 6;
}

/** Id series of generated partner accounts: Accounts like the customers, another pod. */
const PARTNER_ID_POD = '7P0';
export const DEFAULT_PARTNER_COUNT = 200;

export function generatedPartnerIds(count = DEFAULT_PARTNER_COUNT): string[] {
  return Array.from({ length: count }, (_, index) => salesforceId('001', PARTNER_ID_POD, index));
}

/**
 * Partners by how much they register: a few large partners register most deals (weights
 * falling as 1 / rank^0.8), the long tail now and then.
 */
export function partnerTable(partnerIds: readonly string[]): WeightedTable<string> {
  return new WeightedTable(partnerIds.map((id, rank) => [id, 1 / Math.pow(rank + 1, 0.8)] as const));
}
