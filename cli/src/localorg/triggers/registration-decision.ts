/**
 * Plays the deployed Apex trigger's part on Deal_Registration__c: keeps the
 * customer match keys current, and when a registration enters Submitted,
 * through any API, decides it with the rules of engagement in the same
 * transaction: status, conflict status, the partner-safe summary, the internal
 * rule trace, the dates and the matched customer account.
 *
 * When a candidate query reached its cap (candidates.ts), the evidence says so
 * and the engine never approves: the outcome becomes In Review and
 * Conflict_Details__c carries `candidateLimitReached` with the cut sets.
 */
import {
  buildCandidateSources,
  decideWithEvidence,
  gatherEvidence,
  type DecisionConfig,
} from '../../engine/rules/index.ts';
import type { Registration } from '../../engine/types.ts';
import type { RecordTrigger } from '../store/org-store.ts';
import type { Database } from '../store/sqlite.ts';
import type { StoredValue } from '../store/values.ts';
import {
  candidateLimitReached,
  keysOf,
  readCandidateAccounts,
  readCandidateRegistrations,
  readOpenOpportunities,
  readPartner,
} from './candidates.ts';

/** The fields' sizes: a partner who types a long customer name still gets a decision that fits. */
const SUMMARY_LENGTH = 255;
const DETAILS_LENGTH = 131_072;

/** Apex's String.abbreviate: the text, or its first `max - 3` characters and '...' when longer. */
function abbreviate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 3)}...`;
}

export interface RegistrationTriggerOptions {
  db: Database;
  /** The org's deployed rules, protection and tiers. */
  config: () => DecisionConfig;
  now: () => Date;
}

const text = (value: StoredValue | undefined): string | null => (typeof value === 'string' ? value : null);

function current(
  values: ReadonlyMap<string, StoredValue>,
  previous: Readonly<Record<string, StoredValue>> | null,
  name: string,
): StoredValue | undefined {
  return values.has(name) ? values.get(name) : previous?.[name];
}

export function registrationDecisionTrigger(options: RegistrationTriggerOptions): RecordTrigger {
  return {
    object: 'Deal_Registration__c',
    beforeWrite(values, previous) {
      const field = (name: string): StoredValue | undefined => current(values, previous, name);
      const customerName = text(field('Customer_Name__c')) ?? '';
      const customerDomain = text(field('Customer_Domain__c'));
      const keys = keysOf(customerName, customerDomain);
      values.set('Customer_Name_Key__c', keys.nameKey || null);
      values.set('Customer_Domain_Key__c', keys.domainKey);

      const entersSubmitted =
        field('Status__c') === 'Submitted' && (previous === null || previous.Status__c !== 'Submitted');
      if (!entersSubmitted) return;

      const now = options.now().toISOString();
      const registration: Registration = {
        id: text(field('Id')) ?? '',
        partnerAccountId: text(field('Partner_Account__c')) ?? '',
        customerName,
        customerDomain,
        customerCountry: text(field('Customer_Country__c')),
        productFamily: text(field('Product_Family__c')),
        estimatedAmount:
          typeof field('Estimated_Amount__c') === 'number' ? (field('Estimated_Amount__c') as number) : null,
        status: 'Submitted',
        submittedAt: text(field('Submitted_At__c')) ?? now,
      };
      const config = options.config();
      const accounts = readCandidateAccounts(options.db, keys);
      const accountIds = accounts.map((account) => account.id);
      const others = readCandidateRegistrations(options.db, keys, accountIds, registration.id || null);
      const sources = buildCandidateSources({
        accounts,
        registrations: [...others, registration],
        opportunities: readOpenOpportunities(options.db, accountIds),
      });
      const evidence = {
        ...gatherEvidence(registration, sources, config.matching),
        candidateLimitReached: candidateLimitReached(accounts, others),
      };
      const partner = readPartner(options.db, registration.partnerAccountId);
      const decision = decideWithEvidence(registration, partner, evidence, config, now);

      values.set('Status__c', decision.outcome);
      values.set('Conflict_Status__c', decision.conflictStatus);
      values.set('Conflict_Summary__c', abbreviate(decision.partnerSummary, SUMMARY_LENGTH));
      values.set(
        'Conflict_Details__c',
        abbreviate(
          JSON.stringify({
            rulesVersion: decision.rulesVersion,
            decidingRuleId: decision.decidingRuleId,
            trace: decision.trace,
            matches: decision.matches,
            ...(decision.candidateLimitReached.length > 0
              ? { candidateLimitReached: decision.candidateLimitReached }
              : {}),
          }),
          DETAILS_LENGTH,
        ),
      );
      values.set('Rules_Version__c', decision.rulesVersion);
      values.set('Submitted_At__c', decision.submittedAt);
      values.set('Decided_At__c', decision.decidedAt);
      values.set('Protection_Expires_On__c', decision.protectionExpiresOn);
      if (decision.customerAccountId) values.set('Customer_Account__c', decision.customerAccountId);
    },
  };
}
