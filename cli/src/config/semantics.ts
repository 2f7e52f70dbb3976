/**
 * Checks that a schema cannot express: references between parts of the config
 * and orderings that would make decisions meaningless.
 */
import { configMessages as messages, type ConfigProblem } from './problems.ts';
import type { TrellisConfigFile } from './schema.ts';

function duplicates<T>(items: readonly T[], key: (item: T) => string | number): number[] {
  const seen = new Set<string | number>();
  const repeated: number[] = [];
  items.forEach((item, index) => {
    const value = key(item);
    if (seen.has(value)) repeated.push(index);
    seen.add(value);
  });
  return repeated;
}

export function semanticProblems(config: TrellisConfigFile): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const { rules } = config.rulesOfEngagement;
  const { tiers } = config.tiers;

  for (const index of duplicates(rules, (rule) => rule.id)) {
    const id = rules[index]?.id ?? '';
    problems.push({
      path: ['rulesOfEngagement', 'rules', index, 'id'],
      problem: `rule id "${id}" is used more than once; rule traces would be ambiguous`,
      fix: messages.getMessage('fix.duplicate', [id]),
    });
  }
  for (const index of duplicates(tiers, (tier) => tier.name)) {
    const name = tiers[index]?.name ?? '';
    problems.push({
      path: ['tiers', 'tiers', index, 'name'],
      problem: `tier name "${name}" is used more than once`,
      fix: messages.getMessage('fix.duplicate', [name]),
    });
  }
  for (const index of duplicates(tiers, (tier) => tier.rank)) {
    const rank = String(tiers[index]?.rank ?? '');
    problems.push({
      path: ['tiers', 'tiers', index, 'rank'],
      problem: `rank ${rank} is used by more than one tier`,
      fix: messages.getMessage('fix.duplicate', [rank]),
    });
  }
  if (!tiers.some((tier) => tier.rank === 0 && tier.criteria.length === 0)) {
    problems.push({
      path: ['tiers', 'tiers'],
      problem: 'no entry tier: a partner that meets no criteria would have no tier',
      fix: messages.getMessage('fix.entry_tier'),
    });
  }

  const tierNames = tiers.map((tier) => tier.name);
  for (const name of Object.keys(config.protection.byTier)) {
    if (!tierNames.includes(name)) {
      problems.push({
        path: ['protection', 'byTier', name],
        problem: `"${name}" is not a tier`,
        fix: messages.getMessage('fix.unknown_tier', [tierNames.join(', ')]),
      });
    }
  }

  problems.push(...tierOrderProblems(config));
  return problems;
}

/** A higher tier that asks less than a lower one on the same measure can never be the only one reached. */
function tierOrderProblems(config: TrellisConfigFile): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const tiers = config.tiers.tiers;
  const byRank = [...tiers].sort((a, b) => a.rank - b.rank);
  for (let i = 1; i < byRank.length; i++) {
    const lower = byRank[i - 1];
    const higher = byRank[i];
    if (!lower || !higher) continue;
    higher.criteria.forEach((criterion, criterionIndex) => {
      const counterpart = lower.criteria.find(
        (c) => c.metric === criterion.metric && c.aggregate === criterion.aggregate,
      );
      if (counterpart && counterpart.min > criterion.min) {
        problems.push({
          path: ['tiers', 'tiers', tiers.indexOf(higher), 'criteria', criterionIndex, 'min'],
          problem: `${higher.name} asks ${criterion.min} ${criterion.metric}, less than ${lower.name} (${counterpart.min})`,
          fix: messages.getMessage('fix.tier_order'),
        });
      }
    });
  }
  return problems;
}
