/**
 * Typed reads of the org's records as the engine's vocabulary: each repository
 * owns one object's field list and its mapping to an engine type, so SOQL field
 * names live in one place. Results are read to the end through query paging.
 */
import type {
  CustomerAccount,
  Opportunity,
  Partner,
  PartnerMetric,
  PartnerStatus,
  PartnerType,
  Registration,
  RegistrationStatus,
} from '../engine/types.ts';

/** What a repository needs of a connection: jsforce's and @salesforce/core's both fit. */
export interface QueryConnection {
  query(
    soql: string,
    options?: { autoFetch?: boolean; maxFetch?: number },
  ): PromiseLike<{ records: unknown[] }>;
}

type Row = Record<string, unknown>;

const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);
const number = (value: unknown): number | null => (typeof value === 'number' ? value : null);
/** Datetimes come back as `2026-11-25T10:00:00.000+0000`; the engine takes ISO 8601 with `Z`. */
const dateTime = (value: unknown): string | null =>
  typeof value === 'string' ? new Date(value.replace(/\+0000$/, 'Z')).toISOString() : null;

async function readAll(connection: QueryConnection, soql: string): Promise<Row[]> {
  const result = await connection.query(soql, { autoFetch: true, maxFetch: Number.MAX_SAFE_INTEGER });
  return result.records as Row[];
}

const where = (condition: string | undefined): string => (condition ? ` WHERE ${condition}` : '');

export const REGISTRATION_FIELDS = [
  'Id',
  'Partner_Account__c',
  'Customer_Name__c',
  'Customer_Domain__c',
  'Customer_Country__c',
  'Customer_Account__c',
  'Product_Family__c',
  'Estimated_Amount__c',
  'Expected_Close_Date__c',
  'Status__c',
  'Submitted_At__c',
  'Decided_At__c',
  'Protection_Expires_On__c',
  'Extension_Count__c',
  'Opportunity__c',
  'Rejection_Reason__c',
] as const;

export function toRegistration(row: Row): Registration {
  return {
    id: String(row.Id),
    partnerAccountId: text(row.Partner_Account__c) ?? '',
    customerName: text(row.Customer_Name__c) ?? '',
    customerDomain: text(row.Customer_Domain__c),
    customerCountry: text(row.Customer_Country__c),
    customerAccountId: text(row.Customer_Account__c),
    productFamily: text(row.Product_Family__c),
    estimatedAmount: number(row.Estimated_Amount__c),
    expectedCloseDate: text(row.Expected_Close_Date__c),
    status: (text(row.Status__c) ?? 'Draft') as RegistrationStatus,
    submittedAt: dateTime(row.Submitted_At__c),
    decidedAt: dateTime(row.Decided_At__c),
    protectionExpiresOn: text(row.Protection_Expires_On__c),
    extensionCount: number(row.Extension_Count__c) ?? 0,
    opportunityId: text(row.Opportunity__c),
    rejectionReason: text(row.Rejection_Reason__c),
  };
}

export async function readRegistrations(
  connection: QueryConnection,
  condition?: string,
): Promise<Registration[]> {
  const rows = await readAll(
    connection,
    `SELECT ${REGISTRATION_FIELDS.join(', ')} FROM Deal_Registration__c${where(condition)}`,
  );
  return rows.map(toRegistration);
}

export async function readPartners(connection: QueryConnection): Promise<Partner[]> {
  const rows = await readAll(
    connection,
    'SELECT Id, Name, Partner_Type__c, Partner_Status__c, Partner_Tier__c FROM Account WHERE Partner_Type__c != null',
  );
  return rows.map((row) => ({
    id: String(row.Id),
    name: text(row.Name) ?? '',
    type: text(row.Partner_Type__c) as PartnerType,
    // An account without a status was made a partner before statuses existed: treat it as active.
    status: (text(row.Partner_Status__c) ?? 'Active') as PartnerStatus,
    tier: text(row.Partner_Tier__c),
  }));
}

export async function readCustomerAccounts(
  connection: QueryConnection,
  condition = 'Partner_Type__c = null',
): Promise<CustomerAccount[]> {
  const rows = await readAll(
    connection,
    `SELECT Id, Name, Website, BillingCountry, OwnerId, Strategic_Account__c FROM Account${where(condition)}`,
  );
  return rows.map((row) => ({
    id: String(row.Id),
    name: text(row.Name) ?? '',
    website: text(row.Website),
    country: text(row.BillingCountry),
    ownerId: text(row.OwnerId),
    strategic: row.Strategic_Account__c === true,
  }));
}

export async function readOpenOpportunities(connection: QueryConnection): Promise<Opportunity[]> {
  const rows = await readAll(
    connection,
    'SELECT Id, AccountId, Name, OwnerId, IsClosed, Product_Family__c, PartnerAccountId, Deal_Registration__c FROM Opportunity WHERE IsClosed = false AND AccountId != null',
  );
  return rows.map((row) => ({
    id: String(row.Id),
    accountId: text(row.AccountId) ?? '',
    name: text(row.Name) ?? '',
    ownerId: text(row.OwnerId) ?? '',
    isClosed: row.IsClosed === true,
    productFamily: text(row.Product_Family__c),
    partnerAccountId: text(row.PartnerAccountId),
    dealRegistrationId: text(row.Deal_Registration__c),
  }));
}

export async function readPartnerMetrics(
  connection: QueryConnection,
  condition?: string,
): Promise<PartnerMetric[]> {
  const rows = await readAll(
    connection,
    `SELECT Partner_Account__c, Period_Start__c, Sourced_Revenue__c, Influenced_Revenue__c, Deals_Won__c, Deals_Registered__c, Certifications__c, Satisfaction_Score__c FROM Partner_Metric__c${where(condition)}`,
  );
  return rows.map((row) => ({
    partnerAccountId: text(row.Partner_Account__c) ?? '',
    periodStart: text(row.Period_Start__c) ?? '',
    sourcedRevenue: number(row.Sourced_Revenue__c) ?? 0,
    influencedRevenue: number(row.Influenced_Revenue__c) ?? 0,
    dealsWon: number(row.Deals_Won__c) ?? 0,
    dealsRegistered: number(row.Deals_Registered__c) ?? 0,
    certifications: number(row.Certifications__c) ?? 0,
    satisfactionScore: number(row.Satisfaction_Score__c),
  }));
}
