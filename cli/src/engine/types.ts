/**
 * The engine's vocabulary: plain data in, plain data out.
 *
 * Everything here is JSON-friendly (strings, numbers, booleans, arrays, plain
 * objects; dates as ISO 8601 strings) because the same shapes travel through
 * the test vectors that the Apex service is held to as well.
 */

/** Registration lifecycle states, as the `Status__c` picklist names them, in lifecycle order. */
export const REGISTRATION_STATUSES = [
  'Draft',
  'Submitted',
  'In Review',
  'Approved',
  'Rejected',
  'Extended',
  'Expired',
  'Converted',
  'Withdrawn',
] as const;

export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];

/** What the rules of engagement can decide for a submitted registration. */
export type Outcome = 'Approved' | 'In Review' | 'Rejected';

/** `Conflict_Status__c`: none found, something a person should look at, or a clear conflict. */
export type ConflictStatus = 'None' | 'Potential' | 'Conflict';

export const PARTNER_TYPES = ['Reseller', 'VAR', 'MSP', 'ISV', 'SI', 'Distributor'] as const;
export type PartnerType = (typeof PARTNER_TYPES)[number];

/** Commercial standing of a partner; rules can reject registrations from some of them. */
export const PARTNER_STATUSES = ['Active', 'Probation', 'Suspended', 'Terminated'] as const;
export type PartnerStatus = (typeof PARTNER_STATUSES)[number];

/** `Partner_Tier_Status__c`. */
export const TIER_STATUSES = ['OK', 'Grace', 'Proposed Downgrade'] as const;
export type TierStatus = (typeof TIER_STATUSES)[number];

export type Attribution = 'Sourced' | 'Influenced';

/** ISO date `YYYY-MM-DD`. */
export type IsoDate = string;
/** ISO date-time with zone, e.g. `2026-11-25T10:00:00.000Z`. */
export type IsoDateTime = string;

// ---------------------------------------------------------------------------
// Records the engine reads (already fetched from the org or the sample data)
// ---------------------------------------------------------------------------

/** A customer account as matching sees it. */
export interface CustomerAccount {
  id: string;
  name: string;
  /** Website or any domain-ish value; normalized by the engine. */
  website?: string | null;
  /** Country name or ISO code; normalized by the engine. */
  country?: string | null;
  ownerId?: string | null;
  /** Named / strategic accounts are always reviewed by a person. */
  strategic?: boolean;
}

/** An opportunity on a customer account. */
export interface Opportunity {
  id: string;
  accountId: string;
  name: string;
  ownerId: string;
  isClosed: boolean;
  productFamily?: string | null;
  /** Set when a partner already works the deal; absent for a direct rep's own opportunity. */
  partnerAccountId?: string | null;
  dealRegistrationId?: string | null;
}

export interface Partner {
  id: string;
  name: string;
  type: PartnerType;
  status: PartnerStatus;
  tier?: string | null;
}

/** A deal registration as the engine needs it, whether new or already decided. */
export interface Registration {
  id: string;
  partnerAccountId: string;
  customerName: string;
  /** A domain, URL or e-mail address of the customer. */
  customerDomain?: string | null;
  customerCountry?: string | null;
  productFamily?: string | null;
  estimatedAmount?: number | null;
  expectedCloseDate?: IsoDate | null;
  status: RegistrationStatus;
  submittedAt?: IsoDateTime | null;
  decidedAt?: IsoDateTime | null;
  protectionExpiresOn?: IsoDate | null;
  extensionCount?: number;
  customerAccountId?: string | null;
  opportunityId?: string | null;
  rejectionReason?: string | null;
}

/** One period of one partner's performance (`Partner_Metric__c`). */
export interface PartnerMetric {
  partnerAccountId: string;
  periodStart: IsoDate;
  sourcedRevenue: number;
  influencedRevenue: number;
  dealsWon: number;
  dealsRegistered: number;
  certifications: number;
  /** 0 to 100; null when no survey was answered in the period. */
  satisfactionScore: number | null;
}

export type MetricName = Exclude<keyof PartnerMetric, 'partnerAccountId' | 'periodStart'>;

// ---------------------------------------------------------------------------
// Configuration (validated by cli/src/config; these are the shapes it yields)
// ---------------------------------------------------------------------------

export interface MatchingConfig {
  /** Score from which a candidate counts as the same customer (0..1). */
  threshold: number;
  /** Most candidates kept per registration, best first. */
  maxCandidates: number;
}

interface RuleBase {
  id: string;
  description?: string;
  /** A disabled rule is listed in the trace as not evaluated. */
  enabled?: boolean;
}

/** Reject registrations from partners in one of these statuses. */
export interface PartnerStatusRule extends RuleBase {
  kind: 'partnerStatus';
  statuses: PartnerStatus[];
  outcome: Outcome;
}

/** The same partner already has an open registration for this customer and product family. */
export interface DuplicateRegistrationRule extends RuleBase {
  kind: 'duplicateRegistration';
  outcome: Outcome;
}

/**
 * First in wins: another partner's active (approved or extended, protection not
 * yet ended) registration for the same customer and product family decides.
 * Registrations submitted within `tieWindowSeconds` of each other are a tie,
 * and pending ones from other partners are not yet a decision: both go to `tieOutcome`.
 */
export interface FirstInWinsRule extends RuleBase {
  kind: 'firstInWins';
  /** When false, any product family conflicts. */
  sameProductFamily: boolean;
  tieWindowSeconds: number;
  outcome: Outcome;
  tieOutcome: Outcome;
}

/** An open opportunity owned by a direct rep on the matched customer: channel conflict. */
export interface OpenOpportunityRule extends RuleBase {
  kind: 'openOpportunity';
  sameProductFamily: boolean;
  outcome: Outcome;
}

/** Named / strategic accounts always go to a person. */
export interface NamedAccountRule extends RuleBase {
  kind: 'namedAccount';
  /** Account ids, names or domains; names and domains are normalized before comparing. */
  accounts: string[];
  /** Also fire for accounts flagged `strategic`. */
  includeStrategicFlag: boolean;
  outcome: Outcome;
}

/** Approve at once when nothing conflicts and the amount is below a threshold. */
export interface AutoApproveRule extends RuleBase {
  kind: 'autoApprove';
  maxAmount: number;
  /** Only partners of these types; empty means all. */
  partnerTypes: PartnerType[];
  outcome: Outcome;
}

export type EngagementRule =
  | PartnerStatusRule
  | DuplicateRegistrationRule
  | FirstInWinsRule
  | OpenOpportunityRule
  | NamedAccountRule
  | AutoApproveRule;

export type RuleKind = EngagementRule['kind'];

export interface RulesOfEngagementConfig {
  version: string;
  rules: EngagementRule[];
  /** The outcome when no rule fires. */
  defaultOutcome: Outcome;
}

/** Who acts on a registration; `System` is the engine itself (the trigger, a scheduled job). */
export type ActorRole = 'Partner' | 'ChannelManager' | 'Admin' | 'System';

export interface ProtectionConfig {
  /** Days of protection from approval when nothing more specific applies. */
  defaultDays: number;
  /** Days by partner tier name; wins over `byPartnerType`. */
  byTier: Record<string, number>;
  byPartnerType: Partial<Record<PartnerType, number>>;
  extension: {
    maxExtensions: number;
    days: number;
    allowedRoles: ActorRole[];
    /** An extension may be asked for only this many days before protection ends, or later. */
    requestWindowDays: number;
  };
}

export type MetricAggregate = 'sum' | 'average' | 'latest' | 'max';

export interface TierCriterion {
  metric: MetricName;
  /** How the trailing periods are combined; revenue and deals sum, scores average, certifications take the latest. */
  aggregate: MetricAggregate;
  min: number;
}

export interface TierDefinition {
  name: string;
  /** 0 is the entry tier; higher is better. Unique. */
  rank: number;
  /** All must hold. The entry tier usually has none. */
  criteria: TierCriterion[];
  /** Days of protection a registration from this tier gets, if set (overrides `protection.byTier`). */
  protectionDays?: number;
}

export interface TiersConfig {
  version: string;
  /** Quarters of metrics evaluated, counting back from the evaluation date. */
  trailingQuarters: number;
  gracePeriodDays: number;
  maxStepsDownPerRun: number;
  tiers: TierDefinition[];
}

export interface TrellisConfig {
  matching: MatchingConfig;
  rulesOfEngagement: RulesOfEngagementConfig;
  protection: ProtectionConfig;
  tiers: TiersConfig;
}
