/**
 * Gathers what the rules of engagement judge: the accounts, open opportunities
 * and registrations that are probably the same customer as a new registration.
 * System-mode knowledge: it sees every partner's data, and must never reach a
 * partner except through the partner-safe summary.
 */
import type { CustomerAccount, Opportunity, Registration } from '../types.ts';
import { MatchIndex, type Evidence, type MatchOptions, type MatchableRecord } from '../match/match-index.ts';

export interface MatchedRecord<T> {
  record: T;
  score: number;
  evidence: Evidence[];
}

/** The candidate sets evidence is drawn from, by the names the trace gives them. */
export type CandidateSet = 'accounts' | 'registrations' | 'opportunities';

/** In this order in a decision and its trace. */
export const CANDIDATE_SETS: readonly CandidateSet[] = ['accounts', 'registrations', 'opportunities'];

export interface ConflictEvidence {
  /** Accounts that are probably the customer, best first. */
  accounts: MatchedRecord<CustomerAccount>[];
  /** Open opportunities on those accounts. */
  openOpportunities: Opportunity[];
  /** Other registrations (any partner, this one excluded) for the same customer. */
  registrations: MatchedRecord<Registration>[];
  /**
   * The candidate sets whose capped query returned as many rows as its cap, so that records
   * beyond it, which might conflict, were never seen. Set by whoever read the candidates (the
   * trigger, the Apex conflict check); absent or empty when the evidence is complete.
   */
  candidateLimitReached?: readonly CandidateSet[];
}

/** The org's data as matching needs it; registrations are looked up by id so their current state is used. */
export interface CandidateSources {
  accountIndex: MatchIndex;
  accountsById: ReadonlyMap<string, CustomerAccount>;
  registrationIndex: MatchIndex;
  registrationsById: Map<string, Registration>;
  /** Registration ids by the account they are linked to (`customerAccountId`). */
  registrationIdsByAccount: Map<string, string[]>;
  openOpportunitiesByAccount: ReadonlyMap<string, Opportunity[]>;
}

export interface CandidateData {
  accounts: readonly CustomerAccount[];
  registrations: readonly Registration[];
  opportunities: readonly Opportunity[];
}

export function registrationAsMatchable(registration: Registration): MatchableRecord {
  return {
    id: registration.id,
    name: registration.customerName,
    domain: registration.customerDomain ?? null,
    country: registration.customerCountry ?? null,
  };
}

export function buildCandidateSources(data: CandidateData): CandidateSources {
  const accountRecords = data.accounts.map((account) => ({
    id: account.id,
    name: account.name,
    domain: account.website ?? null,
    country: account.country ?? null,
  }));
  const openOpportunitiesByAccount = new Map<string, Opportunity[]>();
  for (const opportunity of data.opportunities) {
    if (opportunity.isClosed) continue;
    const list = openOpportunitiesByAccount.get(opportunity.accountId) ?? [];
    list.push(opportunity);
    openOpportunitiesByAccount.set(opportunity.accountId, list);
  }
  return {
    accountIndex: MatchIndex.build(accountRecords),
    accountsById: new Map(data.accounts.map((account) => [account.id, account])),
    registrationIndex: MatchIndex.build(data.registrations.map(registrationAsMatchable)),
    registrationsById: new Map(data.registrations.map((registration) => [registration.id, registration])),
    registrationIdsByAccount: groupIdsByAccount(data.registrations),
    openOpportunitiesByAccount,
  };
}

function groupIdsByAccount(registrations: readonly Registration[]): Map<string, string[]> {
  const byAccount = new Map<string, string[]>();
  for (const registration of registrations) {
    if (!registration.customerAccountId) continue;
    const ids = byAccount.get(registration.customerAccountId) ?? [];
    ids.push(registration.id);
    byAccount.set(registration.customerAccountId, ids);
  }
  return byAccount;
}

/** Records a registration's new state, keeping the account link lookup current. */
export function updateRegistration(sources: CandidateSources, registration: Registration): void {
  const previous = sources.registrationsById.get(registration.id);
  sources.registrationsById.set(registration.id, registration);
  const accountId = registration.customerAccountId;
  if (accountId && previous?.customerAccountId !== accountId) {
    const ids = sources.registrationIdsByAccount.get(accountId) ?? [];
    ids.push(registration.id);
    sources.registrationIdsByAccount.set(accountId, ids);
  }
}

export function gatherEvidence(
  registration: Registration,
  sources: CandidateSources,
  options: MatchOptions,
): ConflictEvidence {
  const query = registrationAsMatchable(registration);
  const accounts: MatchedRecord<CustomerAccount>[] = [];
  for (const match of sources.accountIndex.match(query, options)) {
    const account = sources.accountsById.get(match.id);
    if (account) accounts.push({ record: account, score: match.score, evidence: match.evidence });
  }
  const matchedAccountIds = new Set(accounts.map((match) => match.record.id));
  if (registration.customerAccountId && !matchedAccountIds.has(registration.customerAccountId)) {
    // A reviewer already tied this registration to an account: that link is certain.
    const linked = sources.accountsById.get(registration.customerAccountId);
    if (linked) {
      accounts.unshift({
        record: linked,
        score: 1,
        evidence: [{ kind: 'linked-account', detail: 'linked by a reviewer' }],
      });
      matchedAccountIds.add(linked.id);
    }
  }

  const openOpportunities = [...matchedAccountIds].flatMap(
    (id) => sources.openOpportunitiesByAccount.get(id) ?? [],
  );

  const registrations: MatchedRecord<Registration>[] = [];
  const seen = new Set<string>([registration.id]);
  // Registrations of the same customer found by name and domain...
  const wider = { ...options, maxCandidates: Math.max(options.maxCandidates, 50) };
  for (const match of sources.registrationIndex.match(query, wider)) {
    const other = sources.registrationsById.get(match.id);
    if (!other || seen.has(other.id)) continue;
    seen.add(other.id);
    registrations.push({ record: other, score: match.score, evidence: match.evidence });
  }
  // ...and those a reviewer linked to one of the matched accounts, whatever their spelling.
  for (const accountId of matchedAccountIds) {
    for (const id of sources.registrationIdsByAccount.get(accountId) ?? []) {
      const other = sources.registrationsById.get(id);
      if (!other || seen.has(id) || other.customerAccountId !== accountId) continue;
      seen.add(id);
      registrations.push({
        record: other,
        score: 1,
        evidence: [{ kind: 'linked-account', detail: `linked to matched account ${accountId}` }],
      });
    }
  }
  return { accounts, openOpportunities, registrations };
}
