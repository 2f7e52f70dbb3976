/** A bulk tier run: every partner decided against one shared context. */
import type { IsoDate, PartnerMetric, TiersConfig } from '../types.ts';
import { createTierContext, type TierContext } from './context.ts';
import { decideForPartner } from './decide.ts';
import type { PartnerTierState, TierChange, TierDecision } from './model.ts';
import { isInWindow } from './window.ts';

const NO_ROWS: readonly PartnerMetric[] = [];

/**
 * Decides every partner in `states` (see `decideTier`), in the order given. `changes` lists the
 * decisions that changed something, in the same order: the `Tier_Change__c` records to write.
 *
 * Metrics are grouped by partner in one pass, keeping only rows in the window, so the run is linear
 * in partners plus rows (100,000 partners × 8 quarters take a fraction of a second).
 */
export function recalculateTiers(
  states: readonly PartnerTierState[],
  metrics: readonly PartnerMetric[],
  config: TiersConfig,
  asOf: IsoDate,
): { decisions: TierDecision[]; changes: TierChange[] } {
  const context = createTierContext(config, asOf);
  const rowsByPartner = groupRowsInWindow(context, metrics);
  const decisions: TierDecision[] = [];
  const changes: TierChange[] = [];
  for (const state of states) {
    const decision = decideForPartner(context, state, rowsByPartner.get(state.partnerAccountId) ?? NO_ROWS);
    decisions.push(decision);
    if (decision.change) changes.push(decision.change);
  }
  return { decisions, changes };
}

function groupRowsInWindow(
  context: TierContext,
  metrics: readonly PartnerMetric[],
): Map<string, PartnerMetric[]> {
  const rowsByPartner = new Map<string, PartnerMetric[]>();
  for (const row of metrics) {
    if (!isInWindow(row.periodStart, context.window)) continue;
    const rows = rowsByPartner.get(row.partnerAccountId);
    if (rows) rows.push(row);
    else rowsByPartner.set(row.partnerAccountId, [row]);
  }
  return rowsByPartner;
}
