/**
 * The zod schema of a sample data set (`config/sample-data.json`): the records
 * `trellis demo` decides and tiers without any org. Until the local org exists
 * this is the only data source; its shapes are the engine's own.
 */
import { z } from 'zod';
import {
  PARTNER_STATUSES,
  PARTNER_TYPES,
  REGISTRATION_STATUSES,
  TIER_STATUSES,
  type CustomerAccount,
  type Opportunity,
  type Partner,
  type PartnerMetric,
  type Registration,
} from '../engine/types.ts';
import type { PartnerTierState } from '../engine/tiers/index.ts';
import { parseJsonDocument, readDocument } from './document.ts';

const isoDate = z.iso.date();
const isoDateTime = z.iso.datetime({ offset: true });
const id = z.string().min(1).max(18);

const account = z.strictObject({
  id,
  name: z.string().min(1),
  website: z.string().nullable().optional(),
  country: z.string().nullable().optional(),
  ownerId: z.string().nullable().optional(),
  strategic: z.boolean().optional(),
});

const opportunity = z.strictObject({
  id,
  accountId: id,
  name: z.string().min(1),
  ownerId: z.string(),
  isClosed: z.boolean(),
  productFamily: z.string().nullable().optional(),
  partnerAccountId: id.nullable().optional(),
  dealRegistrationId: id.nullable().optional(),
});

const partner = z.strictObject({
  id,
  name: z.string().min(1),
  type: z.enum(PARTNER_TYPES),
  status: z.enum(PARTNER_STATUSES),
  tier: z.string().nullable().optional(),
  tierStatus: z.enum(TIER_STATUSES).default('OK'),
  tierSince: isoDate.nullable().default(null),
  graceStartedOn: isoDate.nullable().default(null),
});

const registration = z.strictObject({
  id,
  partnerAccountId: id,
  customerName: z.string().min(1),
  customerDomain: z.string().nullable().optional(),
  customerCountry: z.string().nullable().optional(),
  productFamily: z.string().nullable().optional(),
  estimatedAmount: z.number().nonnegative().nullable().optional(),
  expectedCloseDate: isoDate.nullable().optional(),
  status: z.enum(REGISTRATION_STATUSES),
  submittedAt: isoDateTime.nullable().optional(),
  decidedAt: isoDateTime.nullable().optional(),
  protectionExpiresOn: isoDate.nullable().optional(),
  extensionCount: z.int().min(0).optional(),
  customerAccountId: id.nullable().optional(),
});

const metric = z.strictObject({
  partnerAccountId: id,
  periodStart: isoDate,
  sourcedRevenue: z.number().nonnegative(),
  influencedRevenue: z.number().nonnegative(),
  dealsWon: z.int().min(0),
  dealsRegistered: z.int().min(0),
  certifications: z.int().min(0),
  satisfactionScore: z.number().min(0).max(100).nullable(),
});

export const sampleDataSchema = z.strictObject({
  description: z.string().optional(),
  asOf: isoDateTime.describe(
    'The moment the sample is decided at, so that the demo prints the same every day.',
  ),
  partners: z.array(partner).min(1),
  accounts: z.array(account),
  opportunities: z.array(opportunity),
  registrations: z.array(registration),
  metrics: z.array(metric),
});

export type SampleData = z.output<typeof sampleDataSchema>;

export interface SampleRecords {
  asOf: string;
  partners: Partner[];
  tierStates: PartnerTierState[];
  accounts: CustomerAccount[];
  opportunities: Opportunity[];
  registrations: Registration[];
  metrics: PartnerMetric[];
}

export const DEFAULT_SAMPLE_FILE = 'config/sample-data.json';

export async function loadSampleData(file: string = DEFAULT_SAMPLE_FILE): Promise<SampleRecords> {
  const data = parseJsonDocument(await readDocument(file), file, sampleDataSchema);
  return {
    asOf: data.asOf,
    partners: data.partners.map(({ id, name, type, status, tier }) => ({ id, name, type, status, tier })),
    tierStates: data.partners.map((p) => ({
      partnerAccountId: p.id,
      tier: p.tier ?? null,
      status: p.tierStatus,
      tierSince: p.tierSince,
      graceStartedOn: p.graceStartedOn,
    })),
    accounts: data.accounts,
    opportunities: data.opportunities,
    registrations: data.registrations,
    metrics: data.metrics,
  };
}
