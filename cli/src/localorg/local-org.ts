/**
 * Starts a local org: its schema from force-app, its SQLite database in a data
 * dir (kept across restarts), its own records on first start, and the HTTP
 * server on 127.0.0.1. Tests and benchmarks start one in-process on a free port.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { SessionStore } from './auth/sessions.ts';
import { BulkJobs } from './bulk/jobs.ts';
import type { LocalOrgContext } from './http/context.ts';
import { FaultInjector, NO_FAULTS, type FaultSettings } from './http/faults.ts';
import { QueryCursors } from './http/query-cursors.ts';
import { listen } from './http/server.ts';
import { ensureOrgIdentity, ensureStandardProfiles, type OrgIdentity } from './org/identity.ts';
import { buildOrgSchema } from './schema/build.ts';
import type { OrgSchema } from './schema/types.ts';
import { OrgStore } from './store/org-store.ts';
import { openDatabase, openReader } from './store/sqlite.ts';
import { loadConfigFile } from '../config/load.ts';
import { accountKeysTrigger } from './triggers/account-keys.ts';
import { opportunityStageTrigger } from './triggers/opportunity-stage.ts';
import { registrationDecisionTrigger } from './triggers/registration-decision.ts';
import { registrationStatusGuard } from './triggers/registration-status-guard.ts';
import { userLicenseTrigger } from './triggers/user-license.ts';
import { AccessResolver } from './sharing/resolver.ts';
import { readPermissionSet } from './sharing/permission-set.ts';

export interface LocalOrgOptions {
  /** The project whose force-app defines the custom objects. */
  projectDir: string;
  dataDir: string;
  /** 0 picks a free port. */
  port: number;
  /** Faults to inject from the start (tests of retries); none unless given. */
  faults?: FaultSettings;
}

export interface LocalOrg {
  url: string;
  port: number;
  identity: OrgIdentity;
  schema: OrgSchema;
  store: OrgStore;
  close(): Promise<void>;
}

export const DATABASE_FILE = 'org.sqlite';

export async function startLocalOrg(options: LocalOrgOptions): Promise<LocalOrg> {
  mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
  const schema = await buildOrgSchema(options.projectDir);
  // The org's deployed configuration: until a deploy command exists, the project's config file.
  const config = await loadConfigFile(join(options.projectDir, 'config', 'trellis.config.json'));
  const db = openDatabase(join(options.dataDir, DATABASE_FILE));
  const store = new OrgStore(db, schema);
  store.addTrigger(accountKeysTrigger);
  store.addTrigger(opportunityStageTrigger);
  store.addTrigger(registrationStatusGuard);
  store.addTrigger(userLicenseTrigger(db));
  store.addTrigger(
    registrationDecisionTrigger({
      db,
      config: () => ({
        rulesOfEngagement: config.rulesOfEngagement,
        matching: config.matching,
        protection: config.protection,
        tiers: config.tiers.tiers,
      }),
      now: () => new Date(),
    }),
  );
  const sessions = new SessionStore(db);
  const identity = ensureOrgIdentity(store, sessions, options.dataDir);
  ensureStandardProfiles(store);
  const access = new AccessResolver(
    db,
    schema,
    await readPermissionSet(options.projectDir, 'Trellis_Partner'),
  );
  const faults = new FaultInjector(options.faults ?? NO_FAULTS);
  const context: LocalOrgContext = {
    store,
    sessions,
    identity,
    schema,
    instanceUrl: '',
    cursors: new QueryCursors(),
    bulk: new BulkJobs({
      store,
      access: (userId) => access.forUser(userId),
      faults,
      openReader: () => openReader(join(options.dataDir, DATABASE_FILE)),
      dataDir: options.dataDir,
      now: () => new Date(),
    }),
    faults,
    access,
    now: () => new Date(),
  };
  const listening = await listen(context, options.port);
  return {
    url: listening.url,
    port: listening.port,
    identity,
    schema,
    store,
    close: async () => {
      context.bulk.close();
      listening.server.closeAllConnections();
      await new Promise<void>((resolve) => {
        listening.server.close(() => {
          resolve();
        });
      });
      db.close();
    },
  };
}
