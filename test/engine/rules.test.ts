import {
  buildCandidateSources,
  decideRegistration,
  type DecisionConfig,
} from '../../cli/src/engine/rules/index.ts';
import type {
  CustomerAccount,
  EngagementRule,
  Opportunity,
  Partner,
  Registration,
  TierDefinition,
  MatchingConfig,
  ProtectionConfig,
  RulesOfEngagementConfig,
} from '../../cli/src/engine/types.ts';
import { caseTitle, readVectors, type VectorCase } from '../helpers/vectors.ts';

interface RulesCase extends VectorCase {
  now: string;
  registration: Registration;
  rulesOverride?: EngagementRule[];
  partnerOverride?: Partial<Partner>;
  registrationOverride?: Partial<Registration>;
  expectedMatches?: { accounts?: string[]; registrations?: string[] };
  expectedNotEvaluated?: string[];
  expected: {
    outcome: string;
    conflictStatus: string;
    decidingRuleId: string | null;
    summaryCode: string | null;
    customerAccountId: string | null;
    firedRules: string[];
    protectionExpiresOn: string | null;
  };
}

interface RulesVectors {
  config: {
    matching: MatchingConfig;
    rulesOfEngagement: RulesOfEngagementConfig;
    protection: ProtectionConfig;
    tiers: TierDefinition[];
  };
  world: {
    partners: Partner[];
    accounts: CustomerAccount[];
    opportunities: Opportunity[];
    registrations: Registration[];
  };
  cases: RulesCase[];
}

const vectors = readVectors('rules.json') as RulesVectors;
const { world } = vectors;

function decide(vector: RulesCase) {
  const registration = { ...vector.registration, ...vector.registrationOverride };
  const basePartner = world.partners.find((p) => p.id === registration.partnerAccountId);
  if (!basePartner) throw new Error(`${vector.id}: unknown partner ${registration.partnerAccountId}`);
  const partner = { ...basePartner, ...vector.partnerOverride };
  const config: DecisionConfig = {
    ...vectors.config,
    rulesOfEngagement: {
      ...vectors.config.rulesOfEngagement,
      rules: vector.rulesOverride ?? vectors.config.rulesOfEngagement.rules,
    },
  };
  const sources = buildCandidateSources({ ...world, registrations: [...world.registrations, registration] });
  return decideRegistration(registration, partner, sources, config, vector.now);
}

/** Strings the partner must never read: other partners, amounts, internal owners and record ids. */
function forbiddenFor(vector: RulesCase): string[] {
  const own = vector.registration.partnerAccountId;
  const others = world.partners.filter((p) => p.id !== own);
  const amounts = [...world.registrations, vector.registration]
    .map((r) => r.estimatedAmount)
    .filter((amount): amount is number => typeof amount === 'number')
    .flatMap((amount) => [String(amount), amount.toLocaleString('en-US')]);
  return [
    ...others.flatMap((p) => [p.id, p.name]),
    ...amounts,
    ...world.opportunities.flatMap((o) => [o.id, o.ownerId, o.name]),
    ...world.accounts.map((a) => a.id),
    ...world.registrations.map((r) => r.id),
  ];
}

describe('rules of engagement vectors', () => {
  test('the vector file is well formed', () => {
    const ids = vectors.cases.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(vectors.cases.length).toBeGreaterThanOrEqual(30);
  });

  test.each(vectors.cases.map((c) => [caseTitle(c), c] as const))('%s', (_title, vector) => {
    const decision = decide(vector);
    expect({
      outcome: decision.outcome,
      conflictStatus: decision.conflictStatus,
      decidingRuleId: decision.decidingRuleId,
      summaryCode: decision.summaryCode,
      customerAccountId: decision.customerAccountId,
      firedRules: decision.trace.filter((entry) => entry.fired).map((entry) => entry.ruleId),
      protectionExpiresOn: decision.protectionExpiresOn,
    }).toEqual(vector.expected);
    expect(decision.rulesVersion).toBe(vectors.config.rulesOfEngagement.version);
    expect(decision.decidedAt).toBe(decision.outcome === 'In Review' ? null : vector.now);
    for (const forbidden of forbiddenFor(vector)) expect(decision.partnerSummary).not.toContain(forbidden);
    if (vector.expectedMatches?.accounts) {
      expect(decision.matches.accounts.map((m) => m.id)).toEqual(vector.expectedMatches.accounts);
    }
    if (vector.expectedMatches?.registrations) {
      expect(decision.matches.registrations.map((m) => m.id)).toEqual(vector.expectedMatches.registrations);
    }
    for (const ruleId of vector.expectedNotEvaluated ?? []) {
      expect(decision.trace.find((entry) => entry.ruleId === ruleId)).toMatchObject({
        evaluated: false,
        fired: false,
      });
    }
  });

  test('the trace lists every configured rule once, in order, with exactly one decisive rule when any fired', () => {
    for (const vector of vectors.cases) {
      const decision = decide(vector);
      const rules = vector.rulesOverride ?? vectors.config.rulesOfEngagement.rules;
      expect(decision.trace.map((entry) => entry.ruleId)).toEqual(rules.map((rule) => rule.id));
      expect(decision.trace.filter((entry) => entry.decisive)).toHaveLength(decision.decidingRuleId ? 1 : 0);
    }
  });
});
