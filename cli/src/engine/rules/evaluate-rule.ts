/**
 * One function per kind of rule of engagement: does it fire for this
 * registration, with which outcome, on which evidence. Evaluators only read;
 * the order of rules and the final decision belong to `decide.ts`.
 */
import { companyNameKey, customerDomainKey } from '../normalize/index.ts';
import { isOpenStatus, isProtectionActive } from '../lifecycle/index.ts';
import type {
  AutoApproveRule,
  ConflictStatus,
  DuplicateRegistrationRule,
  EngagementRule,
  FirstInWinsRule,
  NamedAccountRule,
  OpenOpportunityRule,
  Outcome,
  Partner,
  PartnerStatusRule,
  Registration,
  IsoDate,
} from '../types.ts';
import type { ConflictEvidence, MatchedRecord } from './evidence.ts';

/** Why a rule fired, in words a reviewer reads in the trace (never shown to partners). */
export interface RuleFinding {
  fired: boolean;
  outcome: Outcome | null;
  conflict: ConflictStatus;
  /** Which partner-safe sentence explains this rule's outcome. */
  summaryCode: SummaryCode | null;
  evidence: string[];
  /** Ids of the records the finding rests on. */
  refs: string[];
}

export type SummaryCode =
  | 'partner-status'
  | 'duplicate'
  | 'already-protected'
  | 'near-simultaneous'
  | 'pending-elsewhere'
  | 'overlapping'
  | 'direct-engagement'
  | 'named-account'
  | 'auto-approved';

export interface RuleContext {
  registration: Registration;
  partner: Partner;
  evidence: ConflictEvidence;
  today: IsoDate;
}

const NOT_FIRED: RuleFinding = {
  fired: false,
  outcome: null,
  conflict: 'None',
  summaryCode: null,
  evidence: [],
  refs: [],
};

function sameFamily(a: string | null | undefined, b: string | null | undefined): boolean {
  // Unknown product family: assume the same, so that a missing field cannot dodge a conflict.
  return !a || !b || a.trim().toLowerCase() === b.trim().toLowerCase();
}

function describe(match: MatchedRecord<Registration>): string {
  const other = match.record;
  return `${other.id} (${other.status}, partner ${other.partnerAccountId}, submitted ${other.submittedAt ?? 'never'}, score ${match.score.toFixed(2)}: ${match.evidence.map((e) => e.detail).join('; ')})`;
}

function seconds(dateTime: string | null | undefined): number | null {
  if (!dateTime) return null;
  const ms = Date.parse(dateTime);
  return Number.isNaN(ms) ? null : ms / 1000;
}

/** True when `other` was submitted strictly after `mine` (unknown times count as not later). */
function submittedLater(other: Registration, mine: number | null): boolean {
  const theirs = seconds(other.submittedAt);
  return mine !== null && theirs !== null && theirs > mine;
}

function evaluatePartnerStatus(rule: PartnerStatusRule, context: RuleContext): RuleFinding {
  if (!rule.statuses.includes(context.partner.status)) return NOT_FIRED;
  return {
    fired: true,
    outcome: rule.outcome,
    conflict: 'None',
    summaryCode: 'partner-status',
    evidence: [`partner ${context.partner.id} is ${context.partner.status}`],
    refs: [context.partner.id],
  };
}

function evaluateDuplicate(rule: DuplicateRegistrationRule, context: RuleContext): RuleFinding {
  const { registration } = context;
  const mine = seconds(registration.submittedAt);
  // The earlier of two is the original: an undecided registration submitted after this one is the duplicate.
  const duplicates = context.evidence.registrations.filter((match) => {
    const other = match.record;
    if (other.partnerAccountId !== registration.partnerAccountId) return false;
    if (!isOpenStatus(other.status) || other.status === 'Draft') return false;
    if (!sameFamily(other.productFamily, registration.productFamily)) return false;
    const undecided = other.status === 'Submitted' || other.status === 'In Review';
    return !undecided || !submittedLater(other, mine);
  });
  if (duplicates.length === 0) return NOT_FIRED;
  return {
    fired: true,
    outcome: rule.outcome,
    conflict: 'Conflict',
    summaryCode: 'duplicate',
    evidence: duplicates.map((match) => `same partner's open registration ${describe(match)}`),
    refs: duplicates.map((match) => match.record.id),
  };
}

/**
 * First in wins. Against each other partner's registration for the same customer:
 * - protected (approved or extended, not yet ended) and submitted earlier, outside
 *   the tie window: the other partner was first -> `outcome`;
 * - submitted within the tie window either way, or protected although submitted
 *   later, or still pending but submitted earlier: a person decides -> `tieOutcome`.
 */
function evaluateFirstInWins(rule: FirstInWinsRule, context: RuleContext): RuleFinding {
  const { registration, today } = context;
  const mine = seconds(registration.submittedAt);
  const lost: MatchedRecord<Registration>[] = [];
  const unclear: MatchedRecord<Registration>[] = [];
  for (const match of context.evidence.registrations) {
    const other = match.record;
    if (other.partnerAccountId === registration.partnerAccountId) continue;
    if (rule.sameProductFamily && !sameFamily(other.productFamily, registration.productFamily)) continue;
    const theirs = seconds(other.submittedAt);
    const gap = mine !== null && theirs !== null ? theirs - mine : null;
    const tie = gap !== null && Math.abs(gap) <= rule.tieWindowSeconds;
    const earlier = gap === null ? true : gap < 0;
    if (isProtectionActive(other, today)) {
      if (tie || !earlier) unclear.push(match);
      else lost.push(match);
    } else if (
      (other.status === 'Submitted' || other.status === 'In Review') &&
      !submittedLater(other, mine)
    ) {
      // Undecided and not later than this one: it may yet win. A later one will be judged against this one.
      unclear.push(match);
    }
  }
  if (lost.length > 0) {
    return {
      fired: true,
      outcome: rule.outcome,
      conflict: 'Conflict',
      summaryCode: 'already-protected',
      evidence: lost.map((match) => `another partner was first: ${describe(match)}`),
      refs: lost.map((match) => match.record.id),
    };
  }
  if (unclear.length > 0) {
    const reasons = unclear.map((match) => unclearReason(match.record, mine, rule.tieWindowSeconds, today));
    const summaryCode: SummaryCode = reasons.includes('near-simultaneous')
      ? 'near-simultaneous'
      : reasons.includes('overlapping')
        ? 'overlapping'
        : 'pending-elsewhere';
    return {
      fired: true,
      outcome: rule.tieOutcome,
      conflict: 'Potential',
      summaryCode,
      evidence: unclear.map(
        (match, i) => `${UNCLEAR_WORDS[reasons[i] ?? 'pending-elsewhere']}: ${describe(match)}`,
      ),
      refs: unclear.map((match) => match.record.id),
    };
  }
  return NOT_FIRED;
}

type UnclearReason = 'near-simultaneous' | 'overlapping' | 'pending-elsewhere';

const UNCLEAR_WORDS: Readonly<Record<UnclearReason, string>> = {
  'near-simultaneous': 'submitted within the tie window',
  overlapping: 'protected although submitted after this one',
  'pending-elsewhere': 'undecided earlier registration',
};

function unclearReason(
  other: Registration,
  mine: number | null,
  tieWindowSeconds: number,
  today: IsoDate,
): UnclearReason {
  const theirs = seconds(other.submittedAt);
  if (mine !== null && theirs !== null && Math.abs(theirs - mine) <= tieWindowSeconds)
    return 'near-simultaneous';
  return isProtectionActive(other, today) ? 'overlapping' : 'pending-elsewhere';
}

function evaluateOpenOpportunity(rule: OpenOpportunityRule, context: RuleContext): RuleFinding {
  const direct = context.evidence.openOpportunities.filter(
    (opportunity) =>
      !opportunity.partnerAccountId &&
      !opportunity.dealRegistrationId &&
      (!rule.sameProductFamily || sameFamily(opportunity.productFamily, context.registration.productFamily)),
  );
  if (direct.length === 0) return NOT_FIRED;
  return {
    fired: true,
    outcome: rule.outcome,
    conflict: 'Potential',
    summaryCode: 'direct-engagement',
    evidence: direct.map(
      (opportunity) =>
        `open opportunity ${opportunity.id} "${opportunity.name}" owned by ${opportunity.ownerId} on account ${opportunity.accountId}`,
    ),
    refs: direct.map((opportunity) => opportunity.id),
  };
}

// A scan decides thousands of registrations with one rule list: normalize each list once.
const namedAccountKeys = new WeakMap<NamedAccountRule, ReadonlySet<string>>();

/** The rule's entries as ids, `name:<key>` and `domain:<key>`. */
function listedKeys(rule: NamedAccountRule): ReadonlySet<string> {
  let listed = namedAccountKeys.get(rule);
  if (listed) return listed;
  const keys = new Set<string>();
  for (const entry of rule.accounts) {
    keys.add(entry);
    const name = companyNameKey(entry);
    if (name) keys.add(`name:${name}`);
    const domain = customerDomainKey(entry);
    if (domain && entry.includes('.')) keys.add(`domain:${domain}`);
  }
  listed = keys;
  namedAccountKeys.set(rule, listed);
  return listed;
}

function evaluateNamedAccount(rule: NamedAccountRule, context: RuleContext): RuleFinding {
  const listed = listedKeys(rule);
  const isListed = (name: string, domain: string | null | undefined, id?: string): boolean => {
    const domainKey = domain ? customerDomainKey(domain) : null;
    return (
      (id !== undefined && listed.has(id)) ||
      listed.has(`name:${companyNameKey(name)}`) ||
      (domainKey !== null && listed.has(`domain:${domainKey}`))
    );
  };
  const reasons: string[] = [];
  const refs: string[] = [];
  for (const match of context.evidence.accounts) {
    const account = match.record;
    if (isListed(account.name, account.website, account.id))
      reasons.push(`account ${account.id} "${account.name}" is a named account`);
    else if (rule.includeStrategicFlag && account.strategic)
      reasons.push(`account ${account.id} "${account.name}" is flagged strategic`);
    else continue;
    refs.push(account.id);
  }
  const { registration } = context;
  if (reasons.length === 0 && isListed(registration.customerName, registration.customerDomain)) {
    reasons.push(`customer "${registration.customerName}" is on the named-account list`);
  }
  if (reasons.length === 0) return NOT_FIRED;
  return {
    fired: true,
    outcome: rule.outcome,
    conflict: 'None',
    summaryCode: 'named-account',
    evidence: reasons,
    refs,
  };
}

function evaluateAutoApprove(
  rule: AutoApproveRule,
  context: RuleContext,
  conflictFound: boolean,
): RuleFinding {
  const amount = context.registration.estimatedAmount;
  if (conflictFound) return { ...NOT_FIRED, evidence: ['a conflict or possible conflict was found'] };
  if (amount === null || amount === undefined) return { ...NOT_FIRED, evidence: ['no estimated amount'] };
  if (amount >= rule.maxAmount)
    return { ...NOT_FIRED, evidence: [`amount ${amount} is not below ${rule.maxAmount}`] };
  if (rule.partnerTypes.length > 0 && !rule.partnerTypes.includes(context.partner.type)) {
    return { ...NOT_FIRED, evidence: [`partner type ${context.partner.type} is not eligible`] };
  }
  return {
    fired: true,
    outcome: rule.outcome,
    conflict: 'None',
    summaryCode: 'auto-approved',
    evidence: [`no conflict and amount ${amount} below ${rule.maxAmount}`],
    refs: [],
  };
}

/**
 * Evaluates one rule. `conflictFound` says whether any conflict rule fired
 * (the auto-approve rule approves only when nothing conflicts, wherever it stands in the order).
 */
export function evaluateRule(
  rule: EngagementRule,
  context: RuleContext,
  conflictFound: boolean,
): RuleFinding {
  switch (rule.kind) {
    case 'partnerStatus':
      return evaluatePartnerStatus(rule, context);
    case 'duplicateRegistration':
      return evaluateDuplicate(rule, context);
    case 'firstInWins':
      return evaluateFirstInWins(rule, context);
    case 'openOpportunity':
      return evaluateOpenOpportunity(rule, context);
    case 'namedAccount':
      return evaluateNamedAccount(rule, context);
    case 'autoApprove':
      return evaluateAutoApprove(rule, context, conflictFound);
  }
}

/** Rules whose firing means a conflict, evaluated before auto-approval whatever the configured order. */
export const CONFLICT_KINDS: ReadonlySet<EngagementRule['kind']> = new Set([
  'duplicateRegistration',
  'firstInWins',
  'openOpportunity',
]);
