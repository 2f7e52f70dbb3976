/**
 * Everything about a tier run that does not depend on the partner: the tiers in rank order, the
 * window, and which aggregates to compute. Built once per run, so that a run over 100,000 partners
 * sorts the tiers and works out the quarter boundaries once, not 100,000 times.
 */
import type {
  IsoDate,
  MetricAggregate,
  MetricName,
  TierCriterion,
  TierDefinition,
  TiersConfig,
} from '../types.ts';
import { trailingQuartersWindow, type EvaluationWindow } from './window.ts';

/** One distinct metric + aggregate pair; several tiers usually share it (revenue sum, say). */
export interface AggregateKey {
  metric: MetricName;
  aggregate: MetricAggregate;
}

export interface PlannedCriterion {
  criterion: TierCriterion;
  /** Index into `TierContext.aggregateKeys`, so each figure is computed once per partner. */
  keyIndex: number;
}

export interface PlannedTier {
  definition: TierDefinition;
  criteria: readonly PlannedCriterion[];
}

export interface TierContext {
  config: TiersConfig;
  asOf: IsoDate;
  window: EvaluationWindow;
  /** Lowest rank first. A tier's position here is its step on the ladder. */
  tiers: readonly PlannedTier[];
  positionByName: ReadonlyMap<string, number>;
  aggregateKeys: readonly AggregateKey[];
  /** `maxStepsDownPerRun`, at least 1: with 0 a proposed downgrade would name the current tier. */
  maxStepsDown: number;
}

export function createTierContext(config: TiersConfig, asOf: IsoDate): TierContext {
  if (config.tiers.length === 0) throw new RangeError('The tiers configuration has no tiers.');
  const aggregateKeys: AggregateKey[] = [];
  const keyIndexByName = new Map<string, number>();
  const keyIndexOf = ({ metric, aggregate }: TierCriterion): number => {
    const name = `${metric}:${aggregate}`;
    let index = keyIndexByName.get(name);
    if (index === undefined) {
      index = aggregateKeys.push({ metric, aggregate }) - 1;
      keyIndexByName.set(name, index);
    }
    return index;
  };
  const tiers = [...config.tiers]
    .sort((a, b) => a.rank - b.rank)
    .map((definition) => ({
      definition,
      criteria: definition.criteria.map((criterion) => ({ criterion, keyIndex: keyIndexOf(criterion) })),
    }));
  return {
    config,
    asOf,
    window: trailingQuartersWindow(asOf, config.trailingQuarters),
    tiers,
    positionByName: new Map(tiers.map((tier, position) => [tier.definition.name, position])),
    aggregateKeys,
    maxStepsDown: Math.max(1, config.maxStepsDownPerRun),
  };
}
