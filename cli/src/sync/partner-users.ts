/**
 * Experience Cloud partner users for the demo: the user of a Contact of each partner Account,
 * on the org's partner profile, with a password so that it can sign in through the
 * username-password flow and meet the org as a partner does (its own Account and registrations
 * only). An org without a partner profile (Experience Cloud not enabled) gets none, and says so.
 */
import { randomBytes } from 'node:crypto';
import type { RecordFields, RecordsConnection } from '../salesforce/records.ts';
import { insertRecords } from '../salesforce/records.ts';

/** The profile Salesforce gives Experience Cloud partner users (Partner Community license). */
export const PARTNER_PROFILE = 'Partner Community User';

export interface PartnerContact {
  contactId: string;
  firstName: string;
  lastName: string;
  email: string;
  accountName: string;
}

export interface PartnerUser {
  userId: string;
  username: string;
  accountName: string;
  /** Only in memory and in the credentials file the command writes (mode 0600); never printed. */
  password: string;
}

export type PartnerUsersOutcome = { users: PartnerUser[] } | { users: []; skipped: string };

/** A password that meets Salesforce's default policy: 8+ characters, letters and numbers. */
function newPassword(): string {
  return `Partner-${randomBytes(12).toString('base64url')}-7q`;
}

export async function createPartnerUsers(
  connection: RecordsConnection,
  contacts: readonly PartnerContact[],
): Promise<PartnerUsersOutcome> {
  const profiles = await connection.query(
    `SELECT Id FROM Profile WHERE Name = '${PARTNER_PROFILE}' AND UserType = 'PowerPartner' LIMIT 1`,
  );
  const profileId = profiles.records[0]?.Id;
  if (typeof profileId !== 'string') {
    return {
      users: [],
      skipped: `The org has no "${PARTNER_PROFILE}" profile (Experience Cloud is not enabled): no partner users were created.`,
    };
  }
  // Usernames are unique across all of Salesforce: a per-run suffix keeps two seeded orgs apart.
  const suffix = randomBytes(3).toString('hex');
  const users: RecordFields[] = contacts.map((contact, i) => ({
    ContactId: contact.contactId,
    ProfileId: profileId,
    FirstName: contact.firstName,
    LastName: contact.lastName,
    Email: contact.email,
    Username: `${contact.email}.${suffix}`,
    Alias: `p${suffix.slice(0, 3)}${String(i).padStart(3, '0')}`.slice(0, 8),
    TimeZoneSidKey: 'GMT',
    LocaleSidKey: 'en_US',
    LanguageLocaleKey: 'en_US',
    EmailEncodingKey: 'UTF-8',
  }));
  let ids: string[];
  try {
    ids = await insertRecords(connection, 'User', users);
  } catch (error) {
    // A real org refuses partner users until partner accounts are enabled (IsPartner) and their
    // owners have a role: the demo data stands without them, so say why rather than fail the seed.
    return {
      users: [],
      skipped: `The org refused the partner users, so none were created: ${(error as Error).message}`,
    };
  }
  const created: PartnerUser[] = [];
  for (const [i, userId] of ids.entries()) {
    const password = newPassword();
    // The REST resource Salesforce offers admins for setting a user's password.
    await connection.requestPost(`/services/data/v${connection.version}/sobjects/User/${userId}/password`, {
      NewPassword: password,
    });
    created.push({
      userId,
      username: String(users[i]?.Username ?? ''),
      accountName: contacts[i]?.accountName ?? '',
      password,
    });
  }
  return { users: created };
}
