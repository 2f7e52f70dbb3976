/**
 * Record access for one user, applied by every API the local org serves (REST, composite, bulk):
 * the schema the user sees, which rows of each object it sees, and the checks its writes pass
 * beyond field-level security.
 *
 * An internal user sees everything. A partner user sees the rows its Contact's Account shares with
 * it (in an org, through the partner's roles and sharing rules): that Account, its Contacts and
 * Users, its quarterly figures, and the registrations whose Partner_Account__c is that Account. A row it cannot see behaves exactly as a row that does not
 * exist (NOT_FOUND, left out of query results, "invalid cross reference id" when referenced), so
 * that neither an error nor a count tells it that another partner's record exists.
 */
import { ApiError } from '../store/errors.ts';
import type { OrgSchema } from '../schema/types.ts';
import type { SoqlContext } from '../soql/index.ts';
import type { StoredValue } from '../store/values.ts';
import type { Principal } from './principal.ts';

export type SqlParam = string | number | null;

/** A condition over one table alias, with its bound parameters. */
export interface RowCondition {
  sql: string;
  params: SqlParam[];
}

export interface RecordAccess {
  readonly userId: string;
  /** False for internal users: no row filter, the full schema, no extra write checks. */
  readonly restricted: boolean;
  readonly schema: OrgSchema;
  /** The rows of `objectName` this user sees, as SQL over `alias`; null when it sees them all. */
  rowFilter(objectName: string, alias: string): RowCondition | null;
  /**
   * Applies the deployed entry rules to a write beyond field-level security (the Apex
   * RegistrationEntryGuard's part): may fill in values, throws when the write is refused.
   * `previous` is null on create.
   */
  checkWrite(
    objectName: string,
    values: Map<string, StoredValue>,
    previous: Readonly<Record<string, StoredValue>> | null,
  ): void;
}

export function fullAccess(userId: string, schema: OrgSchema): RecordAccess {
  return {
    userId,
    restricted: false,
    schema,
    rowFilter: () => null,
    checkWrite: () => undefined,
  };
}

const column = (alias: string, name: string): string => `${alias}."${name}"`;

/**
 * Statuses a partner may create a registration in; the rest are the org's and the reviewers' to set.
 * The deployed trigger's RegistrationEntryGuard refuses the others in the same words.
 */
const PARTNER_STATUSES = new Set(['Draft', 'Submitted']);

export function partnerAccess(
  principal: Extract<Principal, { kind: 'partner' }>,
  schema: OrgSchema,
): RecordAccess {
  const { accountId, userId } = principal;
  return {
    userId,
    restricted: true,
    schema,
    rowFilter(objectName, alias) {
      switch (objectName) {
        case 'Account':
          return { sql: `${column(alias, 'Id')} = ?`, params: [accountId] };
        case 'Contact':
          return { sql: `${column(alias, 'AccountId')} = ?`, params: [accountId] };
        // Its Account's registrations, and its quarterly figures (master-detail: shared with the Account).
        case 'Deal_Registration__c':
        case 'Partner_Metric__c':
          return { sql: `${column(alias, 'Partner_Account__c')} = ?`, params: [accountId] };
        case 'User':
          return {
            sql: `(${column(alias, 'Id')} = ? OR ${column(alias, 'AccountId')} = ?)`,
            params: [userId, accountId],
          };
        case 'Profile':
        case 'Organization':
          return null;
        default:
          // Not reachable through the partner schema; refuse every row should a caller get here.
          return { sql: '0', params: [] };
      }
    },
    checkWrite(objectName, values, previous) {
      if (objectName !== 'Deal_Registration__c') return;
      if (previous === null) {
        // A partner registers for its own Account, as its own Contact: blank means "mine". Another
        // account is refused as a record it cannot see; any contact but its own, in the same words
        // whether that contact exists or not.
        if ((values.get('Partner_Account__c') ?? null) === null) values.set('Partner_Account__c', accountId);
        const contact = values.get('Partner_Contact__c') ?? null;
        if (contact === null) values.set('Partner_Contact__c', principal.contactId);
        else if (contact !== principal.contactId) {
          throw new ApiError(
            'FIELD_CUSTOM_VALIDATION_EXCEPTION',
            'A partner registers deals as its own contact.',
            { fields: ['Partner_Contact__c'] },
          );
        }
      }
      const status = values.get('Status__c');
      const changed = previous === null || previous.Status__c !== status;
      if (typeof status === 'string' && changed && !PARTNER_STATUSES.has(status)) {
        throw new ApiError(
          'FIELD_CUSTOM_VALIDATION_EXCEPTION',
          'A partner can only create a registration as Draft or Submitted; Trellis decides the rest.',
          { fields: ['Status__c'] },
        );
      }
    },
  };
}

/** The SOQL engine's context for one user: its schema and, for a partner, its rows only. */
export function soqlContextFor(
  access: RecordAccess,
  base: Omit<SoqlContext, 'schema' | 'rowFilter'>,
): SoqlContext {
  return {
    ...base,
    schema: access.schema,
    ...(access.restricted
      ? { rowFilter: (object: string, alias: string) => access.rowFilter(object, alias) }
      : {}),
  };
}
