/**
 * The org's own records, made on first start: its Organization, the System
 * Administrator profile and the admin user, whose password is generated once,
 * printed once and kept in the data dir (readable by its owner only).
 */
import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SessionStore } from '../auth/sessions.ts';
import type { OrgStore } from '../store/org-store.ts';

export interface OrgIdentity {
  orgId: string;
  orgName: string;
  adminUserId: string;
  adminUsername: string;
  /** Only on the start that created the org: the admin password, to show the person once. */
  newAdminPassword: string | null;
}

/** Bootstrap writes need an author before any user exists: the org's automated process. */
const AUTOMATED_PROCESS = '005000000000001AAA';

export const CREDENTIALS_FILE = 'credentials.json';

/** The admin's username and password, as the first start wrote them into the data dir. */
export interface Credentials {
  username: string;
  password: string;
}

export function readCredentials(dataDir: string): Credentials {
  return JSON.parse(readFileSync(join(dataDir, CREDENTIALS_FILE), 'utf8')) as Credentials;
}

export function ensureOrgIdentity(store: OrgStore, sessions: SessionStore, dataDir: string): OrgIdentity {
  store.db.exec('CREATE TABLE IF NOT EXISTS "_trellis_meta" ("key" TEXT PRIMARY KEY, "value" TEXT NOT NULL)');
  const meta = (key: string): string | undefined =>
    (
      store.db.prepare('SELECT "value" FROM "_trellis_meta" WHERE "key" = ?').get(key) as
        { value: string } | undefined
    )?.value;
  const orgId = meta('orgId');
  const adminUserId = meta('adminUserId');
  if (orgId && adminUserId) {
    const admin = store.db.prepare('SELECT "Username" FROM "User" WHERE "Id" = ?').get(adminUserId) as
      { Username: string } | undefined;
    const org = store.db.prepare('SELECT "Name" FROM "Organization" WHERE "Id" = ?').get(orgId) as
      { Name: string } | undefined;
    return {
      orgId,
      orgName: org?.Name ?? 'Trellis Local Org',
      adminUserId,
      adminUsername: admin?.Username ?? '',
      newAdminPassword: null,
    };
  }

  return store.transaction(() => {
    const bootstrap = { userId: AUTOMATED_PROCESS, system: true };
    const orgName = 'Trellis Local Org';
    const newOrgId = store.create(
      'Organization',
      { Name: orgName, OrganizationType: 'Developer Edition', IsSandbox: false, InstanceName: 'LOCAL' },
      bootstrap,
    );
    const profileId = store.create(
      'Profile',
      { Name: 'System Administrator', UserType: 'Standard' },
      bootstrap,
    );
    // Unique across data dirs, as real usernames are across all of Salesforce: two local orgs
    // recorded in one sf auth store must not overwrite each other's entry.
    const username = `admin@${randomBytes(4).toString('hex')}.trellis.local`;
    const userId = store.create(
      'User',
      {
        Username: username,
        FirstName: 'Trellis',
        LastName: 'Admin',
        Email: username,
        Alias: 'tadmin',
        IsActive: true,
        ProfileId: profileId,
        UserType: 'Standard',
        TimeZoneSidKey: 'GMT',
        LocaleSidKey: 'en_US',
        LanguageLocaleKey: 'en_US',
        EmailEncodingKey: 'UTF-8',
      },
      bootstrap,
    );
    const password = `Tr3llis-${randomBytes(12).toString('base64url')}`;
    sessions.setPassword(userId, password);
    const insert = store.db.prepare('INSERT INTO "_trellis_meta" ("key", "value") VALUES (?, ?)');
    insert.run('orgId', newOrgId);
    insert.run('adminUserId', userId);
    writeFileSync(join(dataDir, CREDENTIALS_FILE), `${JSON.stringify({ username, password }, null, 2)}\n`, {
      mode: 0o600,
    });
    return {
      orgId: newOrgId,
      orgName,
      adminUserId: userId,
      adminUsername: username,
      newAdminPassword: password,
    };
  });
}

/** Profiles every org has beyond the admin's: Experience Cloud partner users get the partner one. */
const STANDARD_PROFILES = [
  {
    Name: 'Partner Community User',
    UserType: 'PowerPartner',
    Description: 'Experience Cloud partner users: the Trellis_Partner permission set goes with it',
  },
];

/** Creates the standard profiles a data dir made by an older version lacks; idempotent. */
export function ensureStandardProfiles(store: OrgStore): void {
  const existing = store.db.prepare('SELECT 1 FROM "Profile" WHERE "Name" = ? AND "IsDeleted" = 0');
  store.transaction(() => {
    for (const profile of STANDARD_PROFILES) {
      if (!existing.get(profile.Name))
        store.create('Profile', profile, { userId: AUTOMATED_PROCESS, system: true });
    }
  });
}
