/**
 * Who a session's user is, as far as record access goes: an internal user (the admin) sees the
 * whole org; a partner user (UserType PowerPartner, the user of a Contact) sees what a sharing
 * set gives it, keyed by its Contact's Account.
 */
import type { Database } from '../store/sqlite.ts';

export type Principal =
  | { kind: 'internal'; userId: string }
  | { kind: 'partner'; userId: string; contactId: string; accountId: string };

/** User types that are Experience Cloud external users: their access comes from their Account. */
export const EXTERNAL_USER_TYPES: ReadonlySet<string> = new Set([
  'PowerPartner',
  'PowerCustomerSuccess',
  'CustomerSuccess',
  'CspLitePortal',
]);

/** A lookup of principals by user id; its statement is prepared once, as every request needs it. */
export function principalLookup(db: Database): (userId: string) => Principal {
  const statement = db.prepare(
    `SELECT u."UserType" AS "userType", u."ContactId" AS "contactId", c."AccountId" AS "accountId"
     FROM "User" u LEFT JOIN "Contact" c ON c."Id" = u."ContactId" WHERE u."Id" = ?`,
  );
  return (userId) => {
    const row = statement.get(userId) as
      { userType: string | null; contactId: string | null; accountId: string | null } | undefined;
    if (!row || !EXTERNAL_USER_TYPES.has(row.userType ?? '')) return { kind: 'internal', userId };
    // An external user whose Contact or Account is gone keeps no access at all: an id no row has.
    return { kind: 'partner', userId, contactId: row.contactId ?? '', accountId: row.accountId ?? '' };
  };
}
