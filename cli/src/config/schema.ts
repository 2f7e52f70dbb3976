/**
 * The zod schema of `config/trellis.config.json`: the rules of engagement, the
 * protection windows and the partner tiers, kept as versioned config.
 *
 * Objects are strict so that a misspelt key is an error rather than a silently
 * ignored setting; defaults keep the file short for the common case. The JSON
 * Schema that editors use for completion is generated from this file
 * (`npm run schema`), so the two cannot drift apart.
 */
import { z } from 'zod';
import { PARTNER_STATUSES, PARTNER_TYPES, type TrellisConfig } from '../engine/types.ts';

const outcome = z
  .enum(['Approved', 'In Review', 'Rejected'])
  .describe('What the rule decides when it fires.');
const partnerType = z.enum(PARTNER_TYPES);
const partnerStatus = z.enum(PARTNER_STATUSES);
const actorRole = z.enum(['Partner', 'ChannelManager', 'Admin', 'System']);
const metricName = z.enum([
  'sourcedRevenue',
  'influencedRevenue',
  'dealsWon',
  'dealsRegistered',
  'certifications',
  'satisfactionScore',
]);
const days = z.int().min(0).max(3650);
const ruleId = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'use lowercase letters, digits and dashes, at most 40 characters')
  .describe('Stable identifier, shown in every rule trace.');

const ruleBase = {
  id: ruleId,
  description: z.string().max(255).optional(),
  enabled: z.boolean().default(true).describe('A disabled rule stays in the trace as not evaluated.'),
};

const partnerStatusRule = z.strictObject({
  ...ruleBase,
  kind: z.literal('partnerStatus'),
  statuses: z.array(partnerStatus).min(1),
  outcome: outcome.default('Rejected'),
});

const duplicateRegistrationRule = z.strictObject({
  ...ruleBase,
  kind: z.literal('duplicateRegistration'),
  outcome: outcome.default('Rejected'),
});

const firstInWinsRule = z.strictObject({
  ...ruleBase,
  kind: z.literal('firstInWins'),
  sameProductFamily: z.boolean().default(true),
  tieWindowSeconds: z.int().min(0).max(86_400).default(60),
  outcome: outcome.default('Rejected'),
  tieOutcome: outcome.default('In Review'),
});

const openOpportunityRule = z.strictObject({
  ...ruleBase,
  kind: z.literal('openOpportunity'),
  sameProductFamily: z.boolean().default(false),
  outcome: outcome.default('In Review'),
});

const namedAccountRule = z.strictObject({
  ...ruleBase,
  kind: z.literal('namedAccount'),
  accounts: z.array(z.string().min(1)).default([]).describe('Account ids, names or web domains.'),
  includeStrategicFlag: z.boolean().default(true),
  outcome: outcome.default('In Review'),
});

const autoApproveRule = z.strictObject({
  ...ruleBase,
  kind: z.literal('autoApprove'),
  maxAmount: z.number().positive(),
  partnerTypes: z.array(partnerType).default([]).describe('Only partners of these types; empty means all.'),
  outcome: outcome.default('Approved'),
});

export const engagementRuleSchema = z.discriminatedUnion('kind', [
  partnerStatusRule,
  duplicateRegistrationRule,
  firstInWinsRule,
  openOpportunityRule,
  namedAccountRule,
  autoApproveRule,
]);

const versionString = z
  .string()
  .min(1)
  .max(40)
  .describe('Recorded on every decision, so that a decision can be traced to the rules it used.');

export const rulesOfEngagementSchema = z.strictObject({
  version: versionString,
  rules: z.array(engagementRuleSchema).min(1),
  defaultOutcome: outcome.default('In Review'),
});

export const matchingSchema = z.strictObject({
  threshold: z.number().min(0.5).max(1).default(0.85),
  maxCandidates: z.int().min(1).max(100).default(10),
});

export const protectionSchema = z.strictObject({
  defaultDays: days.default(90),
  byTier: z.record(z.string(), days).default({}),
  byPartnerType: z.partialRecord(partnerType, days).default({}),
  extension: z
    .strictObject({
      maxExtensions: z.int().min(0).max(10).default(1),
      days: days.default(30),
      allowedRoles: z.array(actorRole).default(['ChannelManager', 'Admin']),
      requestWindowDays: days.default(30),
    })
    .default({
      maxExtensions: 1,
      days: 30,
      allowedRoles: ['ChannelManager', 'Admin'],
      requestWindowDays: 30,
    }),
});

const tierCriterion = z.strictObject({
  metric: metricName,
  aggregate: z.enum(['sum', 'average', 'latest', 'max']),
  min: z.number().min(0),
});

const tierDefinition = z.strictObject({
  name: z.string().min(1).max(40),
  rank: z.int().min(0).max(20),
  criteria: z.array(tierCriterion).default([]),
  protectionDays: days.optional(),
});

export const tiersSchema = z.strictObject({
  version: versionString,
  trailingQuarters: z.int().min(1).max(12).default(4),
  gracePeriodDays: days.default(90),
  maxStepsDownPerRun: z.int().min(1).max(10).default(1),
  tiers: z.array(tierDefinition).min(1),
});

export const trellisConfigSchema = z.strictObject({
  $schema: z.string().optional().describe('Path of the JSON Schema, for editor completion.'),
  matching: matchingSchema.default({ threshold: 0.85, maxCandidates: 10 }),
  rulesOfEngagement: rulesOfEngagementSchema,
  protection: protectionSchema,
  tiers: tiersSchema,
});

export type TrellisConfigFile = z.output<typeof trellisConfigSchema>;

// The engine defines its own vocabulary and imports nothing of the project; this
// line makes the compiler prove that what the schema yields is what the engine takes.
export const asEngineConfig = (config: TrellisConfigFile): TrellisConfig => config;
