/**
 * Gives each request the record access of its user. The user is looked up on every request (one
 * indexed read) rather than cached, so a Contact moved to another Account moves its user's access
 * at once; the partner schema, the same for every partner, is built once.
 */
import type { LocalOrgSchema } from '../schema/build.ts';
import type { Database } from '../store/sqlite.ts';
import { fullAccess, partnerAccess, type RecordAccess } from './access.ts';
import { partnerSchema } from './partner-schema.ts';
import type { PermissionSet } from './permission-set.ts';
import { principalLookup, type Principal } from './principal.ts';

export class AccessResolver {
  private readonly principal: (userId: string) => Principal;
  private readonly schema: LocalOrgSchema;
  private readonly partnerPermissions: PermissionSet;
  private partnerView: LocalOrgSchema | undefined;

  /** `partnerPermissions`: what partner users are granted beyond their profile (Trellis_Partner). */
  constructor(db: Database, schema: LocalOrgSchema, partnerPermissions: PermissionSet) {
    this.principal = principalLookup(db);
    this.schema = schema;
    this.partnerPermissions = partnerPermissions;
  }

  forUser(userId: string): RecordAccess {
    const principal = this.principal(userId);
    if (principal.kind === 'internal') return fullAccess(userId, this.schema);
    this.partnerView ??= partnerSchema(this.schema, this.partnerPermissions);
    return partnerAccess(principal, this.partnerView);
  }
}
