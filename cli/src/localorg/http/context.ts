/** What every route of the local org's HTTP server works with. */
import type { SessionStore } from '../auth/sessions.ts';
import type { AccessResolver } from '../sharing/resolver.ts';
import type { BulkJobs } from '../bulk/jobs.ts';
import type { OrgIdentity } from '../org/identity.ts';
import type { OrgSchema } from '../schema/types.ts';
import type { OrgStore } from '../store/org-store.ts';
import type { FaultInjector } from './faults.ts';
import type { QueryCursors } from './query-cursors.ts';

export interface LocalOrgContext {
  store: OrgStore;
  sessions: SessionStore;
  identity: OrgIdentity;
  schema: OrgSchema;
  /** `http://127.0.0.1:PORT`, known once the server listens. */
  instanceUrl: string;
  cursors: QueryCursors;
  /** Bulk API 2.0 jobs and their background processing. */
  bulk: BulkJobs;
  faults: FaultInjector;
  /** Each user's record access: everything for internal users, their own Account's rows for partners. */
  access: AccessResolver;
  now: () => Date;
}

/** API versions served, oldest first: what jsforce, @salesforce/core and the sf CLI ask for. */
export const API_VERSIONS: readonly string[] = Array.from({ length: 66 - 31 + 1 }, (_, i) => `${31 + i}.0`);
export const LATEST_API_VERSION = API_VERSIONS[API_VERSIONS.length - 1] ?? '66.0';
