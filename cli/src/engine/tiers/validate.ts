/**
 * Checks on a tiers configuration that a JSON schema cannot express, because they relate tiers to
 * each other. The config loader reports them next to the schema's own errors.
 */
import type { TierCriterion, TierDefinition, TiersConfig } from '../types.ts';
import { formatFigure } from './numbers.ts';

/**
 * The problems found, in words an admin can act on; [] when the configuration is sound.
 *
 * - Tier names must be unique, ignoring case (they become picklist values, which Salesforce
 *   compares without case), and so must ranks.
 * - There must be an entry tier: rank 0 with no criteria, so that every partner qualifies for one.
 *   No rank may be below 0.
 * - A tier may not hold two criteria on the same metric and aggregate.
 * - A higher tier may not be easier than a lower one on any metric + aggregate: neither a lower
 *   `min`, nor leaving out a criterion a lower tier has. Otherwise a partner could qualify for a
 *   tier while failing one below it, and "highest tier whose criteria all hold" would skip a rung.
 */
export function validateTiersConfig(config: TiersConfig): string[] {
  return [
    ...duplicateNames(config.tiers),
    ...duplicateRanks(config.tiers),
    ...entryTierProblems(config.tiers),
    ...duplicateCriteria(config.tiers),
    ...easierHigherTiers(config.tiers),
  ];
}

function duplicateNames(tiers: readonly TierDefinition[]): string[] {
  return duplicatesBy(tiers, (tier) => tier.name.trim().toLowerCase()).map(
    (group) =>
      `Tier names must be unique (ignoring case): ${group.map((tier) => `"${tier.name}"`).join(', ')}.`,
  );
}

function duplicateRanks(tiers: readonly TierDefinition[]): string[] {
  return duplicatesBy(tiers, (tier) => String(tier.rank)).map(
    (group) =>
      `Tier ranks must be unique: rank ${group[0]?.rank ?? ''} is used by ${group.map((tier) => tier.name).join(', ')}.`,
  );
}

function entryTierProblems(tiers: readonly TierDefinition[]): string[] {
  const problems = tiers
    .filter((tier) => tier.rank < 0)
    .map((tier) => `Tier ${tier.name} has rank ${tier.rank}; ranks start at 0, the entry tier.`);
  const entry = tiers.find((tier) => tier.rank === 0);
  if (!entry) {
    problems.push(
      'No entry tier: one tier must have rank 0 and no criteria, so that every partner qualifies for a tier.',
    );
  } else if (entry.criteria.length > 0) {
    problems.push(
      `The entry tier ${entry.name} (rank 0) must have no criteria, so that every partner qualifies for a tier.`,
    );
  }
  return problems;
}

function duplicateCriteria(tiers: readonly TierDefinition[]): string[] {
  return tiers.flatMap((tier) =>
    duplicatesBy(tier.criteria, criterionKey).map(
      (group) => `Tier ${tier.name} has ${group.length} criteria on ${criterionKey(group[0])}; keep one.`,
    ),
  );
}

/** Walks up the ladder keeping, per metric + aggregate, the strictest requirement of the tiers below. */
function easierHigherTiers(tiers: readonly TierDefinition[]): string[] {
  const problems: string[] = [];
  const strictestBelow = new Map<string, { min: number; tier: string }>();
  const byRank = [...tiers].sort((a, b) => a.rank - b.rank);
  let pending: TierDefinition[] = [];
  for (const tier of byRank) {
    // Tiers of equal rank (already reported) are not compared with each other.
    if (pending[0] && pending[0].rank !== tier.rank) {
      for (const lower of pending) recordRequirements(strictestBelow, lower);
      pending = [];
    }
    pending.push(tier);
    const ownMins = new Map(tier.criteria.map((criterion) => [criterionKey(criterion), criterion.min]));
    for (const [key, lower] of strictestBelow) {
      const own = ownMins.get(key);
      if (own === undefined) {
        problems.push(
          `Tier ${tier.name} has no criterion on ${key}, yet the lower tier ${lower.tier} requires ${formatFigure(lower.min)}.`,
        );
      } else if (own < lower.min) {
        problems.push(
          `Tier ${tier.name} requires ${key} ≥ ${formatFigure(own)}, less than the lower tier ${lower.tier} (${formatFigure(lower.min)}).`,
        );
      }
    }
  }
  return problems;
}

function recordRequirements(
  strictest: Map<string, { min: number; tier: string }>,
  tier: TierDefinition,
): void {
  for (const criterion of tier.criteria) {
    const key = criterionKey(criterion);
    const known = strictest.get(key);
    if (!known || criterion.min > known.min) strictest.set(key, { min: criterion.min, tier: tier.name });
  }
}

function criterionKey(criterion: TierCriterion | undefined): string {
  return criterion ? `${criterion.metric} (${criterion.aggregate})` : '';
}

/** Groups of two or more items sharing a key, in order of first appearance. */
function duplicatesBy<T>(items: readonly T[], keyOf: (item: T) => string): T[][] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return [...groups.values()].filter((group) => group.length > 1);
}
