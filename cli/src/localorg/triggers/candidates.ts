/**
 * Reads, in system mode, the records a submitted registration must be judged
 * against: the way the deployed Apex does it, with selective queries on the
 * indexed match keys rather than a scan of every account.
 *
 * Bounds (the same the Apex service keeps, so that a submit stays far inside
 * governor limits on millions of accounts): accounts and registrations whose
 * domain key or name key equals the registration's, or whose name key starts
 * with its first word (which catches legal-form changes and typos after the
 * first word), at most CANDIDATE_LIMIT of each; the open opportunities of the
 * accounts found; registrations linked to those accounts.
 *
 * Fail safe at the cap: a capped query that returned CANDIDATE_LIMIT rows may
 * have left out a record that conflicts, so `candidateLimitReached` names it
 * and the engine then never approves the registration (an Approved outcome
 * becomes In Review, the trace says which candidate sets were cut). The Apex
 * conflict check does the same, per registration and for its batch queries.
 */
import { companyNameKey, customerDomainKey } from '../../engine/normalize/index.ts';
import type { CandidateSet } from '../../engine/rules/index.ts';
import type {
  CustomerAccount,
  Opportunity,
  Partner,
  PartnerStatus,
  PartnerType,
  Registration,
  RegistrationStatus,
} from '../../engine/types.ts';
import type { Database } from '../store/sqlite.ts';

export const CANDIDATE_LIMIT = 500;

type Row = Record<string, string | number | null>;

const text = (value: string | number | null | undefined): string | null =>
  typeof value === 'string' ? value : null;
const amount = (value: string | number | null | undefined): number | null =>
  typeof value === 'number' ? value : null;

/** `%` and `_` in a key must match themselves in LIKE. */
const likePrefix = (word: string): string => `${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export interface CandidateKeys {
  nameKey: string;
  domainKey: string | null;
}

export function keysOf(customerName: string, customerDomain: string | null | undefined): CandidateKeys {
  return {
    nameKey: companyNameKey(customerName),
    domainKey: customerDomain ? customerDomainKey(customerDomain) : null,
  };
}

function keyFilter(
  nameColumn: string,
  domainColumn: string,
  keys: CandidateKeys,
): { sql: string; params: string[] } {
  const clauses: string[] = [];
  const params: string[] = [];
  if (keys.domainKey) {
    clauses.push(`"${domainColumn}" = ?`);
    params.push(keys.domainKey);
  }
  if (keys.nameKey) {
    clauses.push(`"${nameColumn}" = ?`);
    params.push(keys.nameKey);
    const firstWord = keys.nameKey.split(' ')[0] ?? '';
    if (firstWord.length >= 3) {
      clauses.push(`"${nameColumn}" LIKE ? ESCAPE '\\'`);
      params.push(likePrefix(firstWord));
    }
  }
  return { sql: clauses.length > 0 ? clauses.join(' OR ') : '0', params };
}

export function readCandidateAccounts(db: Database, keys: CandidateKeys): CustomerAccount[] {
  const filter = keyFilter('Trellis_Name_Key__c', 'Trellis_Domain_Key__c', keys);
  const rows = db
    .prepare(
      `SELECT "Id", "Name", "Website", "BillingCountry", "OwnerId", "Strategic_Account__c" FROM "Account"
       WHERE "IsDeleted" = 0 AND "Partner_Type__c" IS NULL AND (${filter.sql}) ORDER BY "Id" LIMIT ${CANDIDATE_LIMIT}`,
    )
    .all(...filter.params) as Row[];
  return rows.map((row) => ({
    id: String(row.Id),
    name: text(row.Name) ?? '',
    website: text(row.Website),
    country: text(row.BillingCountry),
    ownerId: text(row.OwnerId),
    strategic: row.Strategic_Account__c === 1,
  }));
}

function toRegistration(row: Row): Registration {
  return {
    id: String(row.Id),
    partnerAccountId: text(row.Partner_Account__c) ?? '',
    customerName: text(row.Customer_Name__c) ?? '',
    customerDomain: text(row.Customer_Domain__c),
    customerCountry: text(row.Customer_Country__c),
    customerAccountId: text(row.Customer_Account__c),
    productFamily: text(row.Product_Family__c),
    estimatedAmount: amount(row.Estimated_Amount__c),
    status: (text(row.Status__c) ?? 'Draft') as RegistrationStatus,
    submittedAt: text(row.Submitted_At__c),
    decidedAt: text(row.Decided_At__c),
    protectionExpiresOn: text(row.Protection_Expires_On__c),
  };
}

const REGISTRATION_COLUMNS =
  '"Id", "Partner_Account__c", "Customer_Name__c", "Customer_Domain__c", "Customer_Country__c", "Customer_Account__c", "Product_Family__c", "Estimated_Amount__c", "Status__c", "Submitted_At__c", "Decided_At__c", "Protection_Expires_On__c"';

export function readCandidateRegistrations(
  db: Database,
  keys: CandidateKeys,
  accountIds: readonly string[],
  ownId: string | null,
): Registration[] {
  const filter = keyFilter('Customer_Name_Key__c', 'Customer_Domain_Key__c', keys);
  const linked =
    accountIds.length > 0 ? ` OR "Customer_Account__c" IN (${accountIds.map(() => '?').join(', ')})` : '';
  const rows = db
    .prepare(
      `SELECT ${REGISTRATION_COLUMNS} FROM "Deal_Registration__c"
       WHERE "IsDeleted" = 0 AND "Id" IS NOT ? AND ((${filter.sql})${linked}) ORDER BY "Id" LIMIT ${CANDIDATE_LIMIT}`,
    )
    .all(ownId, ...filter.params, ...accountIds) as Row[];
  return rows.map(toRegistration);
}

/**
 * The candidate sets whose query returned as many rows as its cap, so more may exist: the
 * accounts and the registrations (the open opportunities of the accounts found are not capped).
 */
export function candidateLimitReached(
  accounts: readonly CustomerAccount[],
  registrations: readonly Registration[],
): CandidateSet[] {
  const cut: CandidateSet[] = [];
  if (accounts.length >= CANDIDATE_LIMIT) cut.push('accounts');
  if (registrations.length >= CANDIDATE_LIMIT) cut.push('registrations');
  return cut;
}

export function readOpenOpportunities(db: Database, accountIds: readonly string[]): Opportunity[] {
  if (accountIds.length === 0) return [];
  const rows = db
    .prepare(
      `SELECT "Id", "AccountId", "Name", "OwnerId", "IsClosed", "Product_Family__c", "PartnerAccountId", "Deal_Registration__c"
       FROM "Opportunity" WHERE "IsDeleted" = 0 AND "IsClosed" = 0 AND "AccountId" IN (${accountIds.map(() => '?').join(', ')})`,
    )
    .all(...accountIds) as Row[];
  return rows.map((row) => ({
    id: String(row.Id),
    accountId: text(row.AccountId) ?? '',
    name: text(row.Name) ?? '',
    ownerId: text(row.OwnerId) ?? '',
    isClosed: false,
    productFamily: text(row.Product_Family__c),
    partnerAccountId: text(row.PartnerAccountId),
    dealRegistrationId: text(row.Deal_Registration__c),
  }));
}

/** The submitting partner; an account that is not a partner is treated as one on probation (reviewed). */
export function readPartner(db: Database, id: string): Partner {
  const row = db
    .prepare(
      'SELECT "Id", "Name", "Partner_Type__c", "Partner_Status__c", "Partner_Tier__c" FROM "Account" WHERE "Id" = ?',
    )
    .get(id) as Row | undefined;
  return {
    id,
    name: text(row?.Name) ?? id,
    type: (text(row?.Partner_Type__c) ?? 'Reseller') as PartnerType,
    status: (text(row?.Partner_Status__c) ??
      (text(row?.Partner_Type__c) ? 'Active' : 'Probation')) as PartnerStatus,
    tier: text(row?.Partner_Tier__c),
  };
}
