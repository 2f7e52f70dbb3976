/**
 * Decides a submitted registration: evaluates every rule of engagement in the
 * configured order, lets the first rule that fires decide (or the default
 * outcome when none does), and records the whole trace, so that anyone can see
 * why, and which version of the rules said so.
 *
 * Fail safe on incomplete evidence: when the evidence says a candidate query
 * reached its cap (`candidateLimitReached`, e.g. more than 500 accounts share
 * the customer's name key), a record beyond the cap may conflict, so the
 * registration is never Approved: an outcome that would have been Approved
 * becomes In Review (Rejected and In Review stay), with the partner-safe
 * summary of a plain In Review and no reason code, so the partner learns
 * nothing about other records; the decision (and the trace written to
 * Conflict_Details__c) names the cut candidate sets for the channel manager.
 * The Apex EngagementDecider applies the same rule.
 */
import { toIsoDate } from '../dates.ts';
import { protectionDays, protectionEndsOn } from '../lifecycle/index.ts';
import type {
  ConflictStatus,
  EngagementRule,
  IsoDate,
  IsoDateTime,
  MatchingConfig,
  Outcome,
  Partner,
  ProtectionConfig,
  Registration,
  RulesOfEngagementConfig,
  TierDefinition,
} from '../types.ts';
import { CONFLICT_KINDS, evaluateRule, type RuleFinding, type SummaryCode } from './evaluate-rule.ts';
import {
  CANDIDATE_SETS,
  gatherEvidence,
  updateRegistration,
  type CandidateSet,
  type CandidateSources,
  type ConflictEvidence,
} from './evidence.ts';
import { partnerSummary } from './summary.ts';

export interface DecisionConfig {
  rulesOfEngagement: RulesOfEngagementConfig;
  matching: MatchingConfig;
  protection: ProtectionConfig;
  tiers: readonly TierDefinition[];
}

export interface RuleTraceEntry {
  ruleId: string;
  kind: EngagementRule['kind'];
  /** False for a disabled rule. */
  evaluated: boolean;
  fired: boolean;
  outcome: Outcome | null;
  /** The one rule whose outcome became the decision. */
  decisive: boolean;
  evidence: string[];
  refs: string[];
}

export interface MatchSummary {
  id: string;
  score: number;
}

export interface Decision {
  registrationId: string;
  outcome: Outcome;
  conflictStatus: ConflictStatus;
  decidingRuleId: string | null;
  rulesVersion: string;
  summaryCode: SummaryCode | null;
  /** Safe to show the partner who registered. */
  partnerSummary: string;
  /** The best-matching account, to fill `Customer_Account__c`. */
  customerAccountId: string | null;
  submittedAt: IsoDateTime;
  /** Null while a person still has to decide (In Review). */
  decidedAt: IsoDateTime | null;
  protectionExpiresOn: IsoDate | null;
  trace: RuleTraceEntry[];
  matches: { accounts: MatchSummary[]; registrations: MatchSummary[]; opportunities: string[] };
  /**
   * The candidate sets cut by their cap (from the evidence, in CANDIDATE_SETS order); when not
   * empty the outcome is never Approved, and the trace says why.
   */
  candidateLimitReached: CandidateSet[];
}

const CONFLICT_SEVERITY: Readonly<Record<ConflictStatus, number>> = { None: 0, Potential: 1, Conflict: 2 };

export function decideWithEvidence(
  registration: Registration,
  partner: Partner,
  evidence: ConflictEvidence,
  config: DecisionConfig,
  now: IsoDateTime,
): Decision {
  const today = toIsoDate(now);
  const context = { registration, partner, evidence, today };
  const { rules } = config.rulesOfEngagement;
  const findings = new Map<string, RuleFinding>();

  // Conflict rules first: auto-approval depends on whether any of them fired.
  for (const rule of rules) {
    if (rule.enabled !== false && CONFLICT_KINDS.has(rule.kind))
      findings.set(rule.id, evaluateRule(rule, context, false));
  }
  const conflictFound = [...findings.values()].some((finding) => finding.fired);
  for (const rule of rules) {
    if (rule.enabled !== false && !findings.has(rule.id))
      findings.set(rule.id, evaluateRule(rule, context, conflictFound));
  }

  const deciding = rules.find((rule) => findings.get(rule.id)?.fired === true);
  const decidingFinding = deciding ? findings.get(deciding.id) : undefined;
  const ruled = decidingFinding?.outcome ?? config.rulesOfEngagement.defaultOutcome;
  const limitReached = CANDIDATE_SETS.filter((set) => evidence.candidateLimitReached?.includes(set));
  // Incomplete evidence cannot prove the absence of a conflict: a person decides instead.
  const failSafe = ruled === 'Approved' && limitReached.length > 0;
  const outcome: Outcome = failSafe ? 'In Review' : ruled;
  let conflictStatus: ConflictStatus = 'None';
  for (const finding of findings.values()) {
    if (finding.fired && CONFLICT_SEVERITY[finding.conflict] > CONFLICT_SEVERITY[conflictStatus]) {
      conflictStatus = finding.conflict;
    }
  }

  const protectionExpiresOn =
    outcome === 'Approved'
      ? protectionEndsOn(now, protectionDays(partner, config.protection, config.tiers))
      : null;
  const summaryCode = failSafe ? null : (decidingFinding?.summaryCode ?? null);
  return {
    registrationId: registration.id,
    outcome,
    conflictStatus,
    decidingRuleId: deciding?.id ?? null,
    rulesVersion: config.rulesOfEngagement.version,
    summaryCode,
    partnerSummary: partnerSummary({
      outcome,
      code: summaryCode,
      customerName: registration.customerName,
      protectionExpiresOn,
    }),
    customerAccountId: evidence.accounts[0]?.record.id ?? registration.customerAccountId ?? null,
    submittedAt: registration.submittedAt ?? now,
    decidedAt: outcome === 'In Review' ? null : now,
    protectionExpiresOn,
    trace: rules.map((rule) => {
      const finding = findings.get(rule.id);
      return {
        ruleId: rule.id,
        kind: rule.kind,
        evaluated: finding !== undefined,
        fired: finding?.fired ?? false,
        outcome: finding?.fired ? finding.outcome : null,
        decisive: rule === deciding,
        evidence: finding?.evidence ?? [],
        refs: finding?.refs ?? [],
      };
    }),
    matches: {
      accounts: evidence.accounts.map((match) => ({ id: match.record.id, score: match.score })),
      registrations: evidence.registrations.map((match) => ({ id: match.record.id, score: match.score })),
      opportunities: evidence.openOpportunities.map((opportunity) => opportunity.id),
    },
    candidateLimitReached: limitReached,
  };
}

export function decideRegistration(
  registration: Registration,
  partner: Partner,
  sources: CandidateSources,
  config: DecisionConfig,
  now: IsoDateTime,
): Decision {
  const evidence = gatherEvidence(registration, sources, config.matching);
  return decideWithEvidence(registration, partner, evidence, config, now);
}

/** The registration as it stands after a decision, for the caller to write back. */
export function applyDecision(registration: Registration, decision: Decision): Registration {
  return {
    ...registration,
    status: decision.outcome,
    submittedAt: decision.submittedAt,
    decidedAt: decision.decidedAt,
    protectionExpiresOn: decision.protectionExpiresOn,
    customerAccountId: decision.customerAccountId,
  };
}

/**
 * Decides many submitted registrations as the org would, one after another in the
 * order they were submitted (ties broken by id), each seeing the decisions before it.
 * Partners missing from `partnersById` are treated as unknown, hence reviewed.
 */
export function decideInSubmissionOrder(
  registrations: readonly Registration[],
  partnersById: ReadonlyMap<string, Partner>,
  sources: CandidateSources,
  config: DecisionConfig,
  now: IsoDateTime,
): Decision[] {
  const ordered = [...registrations].sort(
    (a, b) => (a.submittedAt ?? now).localeCompare(b.submittedAt ?? now) || a.id.localeCompare(b.id),
  );
  const decisions: Decision[] = [];
  for (const registration of ordered) {
    const partner =
      partnersById.get(registration.partnerAccountId) ?? unknownPartner(registration.partnerAccountId);
    const decision = decideRegistration(
      registration,
      partner,
      sources,
      config,
      registration.submittedAt ?? now,
    );
    updateRegistration(sources, applyDecision(registration, decision));
    decisions.push(decision);
  }
  return decisions;
}

function unknownPartner(id: string): Partner {
  return { id, name: id, type: 'Reseller', status: 'Probation', tier: null };
}
