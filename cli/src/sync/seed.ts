/**
 * `trellis org seed`: loads a realistic demo into an org through its public API.
 * Partner accounts of each type with contacts, customer accounts (the sample's,
 * plus N generated across countries), open and closed opportunities, eight
 * quarters of partner metrics, and registrations in every lifecycle state. The
 * submitted ones are left to the org to decide as they land, as partners' are:
 * the deployed trigger (the local org plays its part) writes the decision and
 * its rule trace.
 */
import { SfError } from '@salesforce/core';
import { generateAccounts } from '../../../scripts/generate/index.ts';
import { loadSampleData } from '../config/sample-data.ts';
import { addDays, toIsoDate } from '../engine/dates.ts';
import type { Registration } from '../engine/types.ts';
import {
  countRecords,
  insertRecords,
  updateRecords,
  type RecordFields,
  type RecordsConnection,
} from '../salesforce/records.ts';
import { createPartnerUsers, type PartnerContact, type PartnerUser } from './partner-users.ts';

export interface SeedOptions {
  /** Generated customer accounts on top of the sample's. */
  accounts: number;
  seed: string;
  sampleFile: string;
  /** Give each partner Account's first Contact a partner user (Experience Cloud). */
  partnerUsers: boolean;
}

export interface SeedResult {
  counts: Record<string, number>;
  seconds: number;
  /** With their passwords: the caller keeps them out of its output. */
  partnerUsers: PartnerUser[];
  /** Why no partner users were created, when they were asked for and could not be. */
  partnerUsersSkipped?: string;
}

const CONTACT_NAMES: readonly (readonly [string, string])[] = [
  ['Maria', 'Garcia'],
  ['James', 'Smith'],
  ['Aiko', 'Tanaka'],
  ['Lukas', 'Müller'],
  ['Priya', 'Sharma'],
  ['Olivia', 'Brown'],
  ['Noah', 'Johansson'],
  ['Chloé', 'Dubois'],
  ['Mateo', 'Rossi'],
  ['Amara', 'Okafor'],
];

const slug = (text: string): string =>
  text
    .normalize('NFKD')
    .replace(/[^\w\s-]/g, '')
    .trim()
    .toLowerCase()
    .replace(/\s+/g, '-');

function stageFor(isClosed: boolean, index: number): string {
  if (isClosed) return index % 3 === 0 ? 'Closed Lost' : 'Closed Won';
  return (
    ['Prospecting', 'Qualification', 'Needs Analysis', 'Proposal/Price Quote', 'Negotiation/Review'][
      index % 5
    ] ?? 'Prospecting'
  );
}

/** Partner accounts already in the org: a seeded org, or one with real data. */
function partnerAccounts(connection: RecordsConnection): Promise<number> {
  return countRecords(connection, 'Account', 'Partner_Type__c != null');
}

/** Refuses to seed twice: a second demo on top of the first would only confuse. */
async function ensureEmpty(connection: RecordsConnection): Promise<void> {
  const partners = await partnerAccounts(connection);
  if (partners > 0) {
    throw new SfError(
      `The org already has ${partners} partner accounts: it has been seeded, or holds real data.`,
      'AlreadySeeded',
      [
        'Run "trellis org reset" and "trellis org start" for an empty local org, or pass --if-empty to skip seeding quietly.',
      ],
    );
  }
}

export async function isSeeded(connection: RecordsConnection): Promise<boolean> {
  return (await partnerAccounts(connection)) > 0;
}

export async function seedOrg(connection: RecordsConnection, options: SeedOptions): Promise<SeedResult> {
  const started = performance.now();
  await ensureEmpty(connection);
  const sample = await loadSampleData(options.sampleFile);
  const today = toIsoDate(sample.asOf);
  const counts: Record<string, number> = {};
  const idOf = new Map<string, string>();
  const remember = (sampleIds: readonly string[], newIds: readonly string[]): void => {
    sampleIds.forEach((sampleId, i) => idOf.set(sampleId, newIds[i] ?? ''));
  };
  const mapped = (sampleId: string | null | undefined): string | null =>
    sampleId ? (idOf.get(sampleId) ?? null) : null;

  // Partners, with their tier state as the last recalculation left it.
  const states = new Map(sample.tierStates.map((state) => [state.partnerAccountId, state]));
  const partnerIds = await insertRecords(
    connection,
    'Account',
    sample.partners.map((partner) => {
      const state = states.get(partner.id);
      return {
        Name: partner.name,
        Partner_Type__c: partner.type,
        Partner_Status__c: partner.status,
        Partner_Tier__c: partner.tier ?? null,
        Partner_Tier_Status__c: state?.status ?? 'OK',
        Partner_Tier_Since__c: state?.tierSince ?? null,
        Partner_Grace_Started_On__c: state?.graceStartedOn ?? null,
        Website: `${slug(partner.name)}.example.com`,
      };
    }),
  );
  remember(
    sample.partners.map((partner) => partner.id),
    partnerIds,
  );
  counts['Account (partners)'] = partnerIds.length;

  const contacts: RecordFields[] = sample.partners.flatMap((partner, p) =>
    [0, 1].map((k) => {
      const [first, last] = CONTACT_NAMES[(p * 2 + k) % CONTACT_NAMES.length] ?? ['Pat', 'Lee'];
      return {
        FirstName: first,
        LastName: last,
        Email: `${slug(first)}.${slug(last)}@${slug(partner.name)}.example.com`,
        Title: k === 0 ? 'Partner Account Manager' : 'Sales Engineer',
        AccountId: mapped(partner.id),
      };
    }),
  );
  const contactIds = await insertRecords(connection, 'Contact', contacts);
  counts.Contact = contactIds.length;
  // The partner account manager (each partner's first contact) signs in to the partner pages.
  const partnerContacts: PartnerContact[] = sample.partners.map((partner, p) => ({
    contactId: contactIds[p * 2] ?? '',
    firstName: String(contacts[p * 2]?.FirstName ?? ''),
    lastName: String(contacts[p * 2]?.LastName ?? ''),
    email: String(contacts[p * 2]?.Email ?? ''),
    accountName: partner.name,
  }));
  const partnerUsers = options.partnerUsers
    ? await createPartnerUsers(connection, partnerContacts)
    : { users: [] as PartnerUser[] };
  counts['User (partners)'] = partnerUsers.users.length;

  // Customers: the sample's story, then generated ones across countries and legal forms.
  const customerIds = await insertRecords(
    connection,
    'Account',
    sample.accounts.map((account) => ({
      Name: account.name,
      Website: account.website ?? null,
      BillingCountry: account.country ?? null,
      Strategic_Account__c: account.strategic === true,
    })),
  );
  remember(
    sample.accounts.map((account) => account.id),
    customerIds,
  );
  const generated = generateAccounts(options.accounts, options.seed);
  const generatedIds = await insertRecords(
    connection,
    'Account',
    generated.map((account) => ({
      Name: account.name,
      Website: account.website,
      BillingCountry: account.country,
    })),
  );
  counts['Account (customers)'] = customerIds.length + generatedIds.length;

  // Opportunities: the sample's, and on generated customers a mix of open direct deals and closed ones.
  const opportunities: RecordFields[] = sample.opportunities.map((opportunity, i) => ({
    Name: opportunity.name,
    AccountId: mapped(opportunity.accountId),
    StageName: stageFor(opportunity.isClosed, i),
    CloseDate: addDays(today, opportunity.isClosed ? -30 - i : 45 + i),
    Product_Family__c: opportunity.productFamily ?? null,
    PartnerAccountId: mapped(opportunity.partnerAccountId),
    Amount: 50_000 + i * 12_500,
  }));
  generatedIds.forEach((accountId, i) => {
    if (i % 4 !== 0 && i % 7 !== 0) return;
    const closed = i % 4 !== 0;
    opportunities.push({
      Name: `${generated[i]?.name ?? 'Customer'} - ${closed ? 'Renewal' : 'Expansion'}`,
      AccountId: accountId,
      StageName: stageFor(closed, i),
      CloseDate: addDays(today, closed ? -(i % 300) - 1 : (i % 120) + 10),
      Product_Family__c: ['Security', 'Networking', 'Cloud', 'Analytics', 'Collaboration'][i % 5] ?? 'Cloud',
      Amount: 10_000 + ((i * 7919) % 490_000),
    });
  });
  counts.Opportunity = (await insertRecords(connection, 'Opportunity', opportunities)).length;

  const partnerNames = new Map(sample.partners.map((partner) => [partner.id, partner.name]));
  counts.Partner_Metric__c = (
    await insertRecords(
      connection,
      'Partner_Metric__c',
      sample.metrics.map((metric) => {
        const key = `${slug(partnerNames.get(metric.partnerAccountId) ?? metric.partnerAccountId)}-${metric.periodStart}`;
        return {
          Name: key,
          External_Id__c: key,
          Partner_Account__c: mapped(metric.partnerAccountId),
          Period_Start__c: metric.periodStart,
          Sourced_Revenue__c: metric.sourcedRevenue,
          Influenced_Revenue__c: metric.influencedRevenue,
          Deals_Won__c: metric.dealsWon,
          Deals_Registered__c: metric.dealsRegistered,
          Certifications__c: metric.certifications,
          Satisfaction_Score__c: metric.satisfactionScore,
        };
      }),
    )
  ).length;

  counts.Deal_Registration__c = await seedRegistrations(connection, sample, mapped, today);
  return {
    counts,
    seconds: (performance.now() - started) / 1000,
    partnerUsers: partnerUsers.users,
    ...('skipped' in partnerUsers ? { partnerUsersSkipped: partnerUsers.skipped } : {}),
  };
}

type SampleRecords = Awaited<ReturnType<typeof loadSampleData>>;

/** The sample's registrations, plus one in each state the sample lacks. */
async function seedRegistrations(
  connection: RecordsConnection,
  sample: SampleRecords,
  mapped: (id: string | null | undefined) => string | null,
  today: string,
): Promise<number> {
  const [first, second] = sample.partners;
  const accountNamed = (prefix: string): string | null =>
    sample.accounts.find((account) => account.name.startsWith(prefix))?.id ?? null;
  const extraStates: Registration[] = [
    {
      id: 'draft',
      partnerAccountId: first?.id ?? '',
      customerName: 'Initech',
      customerAccountId: accountNamed('Initech'),
      customerDomain: 'initech.com',
      productFamily: 'Cloud',
      estimatedAmount: 18_000,
      status: 'Draft',
    },
    {
      id: 'extended',
      partnerAccountId: second?.id ?? '',
      customerName: 'Stark Industries',
      customerAccountId: accountNamed('Stark Industries'),
      customerDomain: 'starkindustries.com',
      productFamily: 'Cloud',
      estimatedAmount: 64_000,
      status: 'Extended',
      submittedAt: `${addDays(today, -100)}T10:00:00.000Z`,
      decidedAt: `${addDays(today, -100)}T10:00:01.000Z`,
      protectionExpiresOn: addDays(today, 20),
      extensionCount: 1,
    },
    {
      id: 'expired',
      partnerAccountId: first?.id ?? '',
      customerName: 'Umbrella Pharmaceuticals',
      customerAccountId: accountNamed('Umbrella Pharmaceuticals'),
      customerDomain: 'umbrella-pharma.de',
      productFamily: 'Analytics',
      estimatedAmount: 90_000,
      status: 'Expired',
      submittedAt: `${addDays(today, -200)}T10:00:00.000Z`,
      decidedAt: `${addDays(today, -199)}T09:00:00.000Z`,
      protectionExpiresOn: addDays(today, -109),
    },
    {
      id: 'withdrawn',
      partnerAccountId: second?.id ?? '',
      customerName: 'Hooli',
      customerAccountId: accountNamed('Hooli'),
      customerDomain: 'hooli.co.uk',
      productFamily: 'Security',
      estimatedAmount: 12_000,
      status: 'Withdrawn',
      submittedAt: `${addDays(today, -12)}T10:00:00.000Z`,
    },
    {
      id: 'converted',
      partnerAccountId: first?.id ?? '',
      customerName: 'Cyberdyne Systems',
      customerAccountId: accountNamed('Cyberdyne Systems'),
      customerDomain: 'cyberdyne.co.jp',
      productFamily: 'Networking',
      estimatedAmount: 140_000,
      status: 'Converted',
      submittedAt: `${addDays(today, -60)}T10:00:00.000Z`,
      decidedAt: `${addDays(today, -60)}T10:00:01.000Z`,
      protectionExpiresOn: addDays(today, 30),
    },
  ];
  // In the order they were submitted, so that the org decides each as it would have arrived;
  // the sample's submitted ones are decided by the org itself (the trigger) as they land.
  const all = [...sample.registrations, ...extraStates].sort((a, b) =>
    (a.submittedAt ?? '9').localeCompare(b.submittedAt ?? '9'),
  );
  const ids = await insertRecords(
    connection,
    'Deal_Registration__c',
    all.map((registration) => ({
      Partner_Account__c: mapped(registration.partnerAccountId),
      Customer_Name__c: registration.customerName,
      Customer_Domain__c: registration.customerDomain ?? null,
      Customer_Country__c: registration.customerCountry ?? null,
      Customer_Account__c: mapped(registration.customerAccountId),
      Product_Family__c: registration.productFamily ?? null,
      Estimated_Amount__c: registration.estimatedAmount ?? null,
      Status__c: registration.status,
      Submitted_At__c: registration.submittedAt ?? null,
      Decided_At__c: registration.decidedAt ?? null,
      Protection_Expires_On__c: registration.protectionExpiresOn ?? null,
      Extension_Count__c: registration.extensionCount ?? 0,
    })),
  );
  // The converted registration gets its opportunity, attributed to the partner that sourced it.
  const convertedIndex = all.findIndex((registration) => registration.status === 'Converted');
  const convertedId = ids[convertedIndex];
  const converted = all[convertedIndex];
  if (convertedId && converted) {
    const [opportunityId] = await insertRecords(connection, 'Opportunity', [
      {
        Name: `${converted.customerName} – ${converted.productFamily ?? 'Deal'}`,
        StageName: 'Proposal/Price Quote',
        CloseDate: addDays(today, 30),
        Amount: converted.estimatedAmount ?? null,
        AccountId: mapped(converted.customerAccountId),
        Deal_Registration__c: convertedId,
        Partner_Attribution__c: 'Sourced',
        PartnerAccountId: mapped(converted.partnerAccountId),
        Product_Family__c: converted.productFamily ?? null,
      },
    ]);
    if (opportunityId)
      await updateRecords(connection, 'Deal_Registration__c', [
        { Id: convertedId, Opportunity__c: opportunityId },
      ]);
  }
  return ids.length;
}
