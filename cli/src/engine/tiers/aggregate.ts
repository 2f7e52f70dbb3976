/** Combines a partner's metric rows in the window into the one figure a criterion compares. */
import type { MetricAggregate, MetricName, PartnerMetric } from '../types.ts';
import { roundFigure } from './numbers.ts';

/**
 * - `sum`: total over the rows (missing values add nothing).
 * - `average`: mean over the rows that have a value; a period without a survey answered
 *   (null satisfaction) neither helps nor hurts. No values at all: 0.
 * - `latest`: the value of the row with the greatest `periodStart` (a standing count such as
 *   certifications is what it is now, not a sum over quarters). Null there, or no rows: 0. Two rows
 *   for the same period: the later one in the input, as the later upsert would have overwritten it.
 * - `max`: the best single period. No values: 0.
 *
 * The result is rounded to two decimals (see `roundFigure`). `rows` must already be this partner's
 * rows inside the window.
 */
export function aggregateMetric(
  rows: readonly PartnerMetric[],
  metric: MetricName,
  aggregate: MetricAggregate,
): number {
  switch (aggregate) {
    case 'sum':
      return roundFigure(sumOf(rows, metric));
    case 'average':
      return roundFigure(averageOf(rows, metric));
    case 'latest':
      return roundFigure(latestOf(rows, metric));
    case 'max':
      return roundFigure(maxOf(rows, metric));
  }
}

function sumOf(rows: readonly PartnerMetric[], metric: MetricName): number {
  let total = 0;
  for (const row of rows) total += row[metric] ?? 0;
  return total;
}

function averageOf(rows: readonly PartnerMetric[], metric: MetricName): number {
  let total = 0;
  let count = 0;
  for (const row of rows) {
    const value = row[metric];
    if (value === null) continue;
    total += value;
    count++;
  }
  return count === 0 ? 0 : total / count;
}

function latestOf(rows: readonly PartnerMetric[], metric: MetricName): number {
  let latest: PartnerMetric | undefined;
  for (const row of rows) {
    if (latest === undefined || row.periodStart >= latest.periodStart) latest = row;
  }
  return latest?.[metric] ?? 0;
}

function maxOf(rows: readonly PartnerMetric[], metric: MetricName): number {
  let best: number | null = null;
  for (const row of rows) {
    const value = row[metric];
    if (value !== null && (best === null || value > best)) best = value;
  }
  return best ?? 0;
}
