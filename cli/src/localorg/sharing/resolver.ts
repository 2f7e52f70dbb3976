/**
 * Gives each request the record access of its user. The user is looked up on every request (one
 * indexed read) rather than cached, so a Contact moved to another Account moves its user's access
 * at once; the partner schema, the same for every partner, is built once.
 */
import type { LocalOrgSchema } from '../schema/build.ts';
import type { Database } from '../store/sqlite.ts';
import { fullAccess, partnerAccess, type RecordAccess } from './access.ts';
import { partnerSchema } from './partner-schema.ts';
import { principalLookup, type Principal } from './principal.ts';

export class AccessResolver {
  private readonly principal: (userId: string) => Principal;
  private readonly schema: LocalOrgSchema;
  private partnerView: LocalOrgSchema | undefined;

  constructor(db: Database, schema: LocalOrgSchema) {
    this.principal = principalLookup(db);
    this.schema = schema;
  }

  forUser(userId: string): RecordAccess {
    const principal = this.principal(userId);
    if (principal.kind === 'internal') return fullAccess(userId, this.schema);
    this.partnerView ??= partnerSchema(this.schema);
    return partnerAccess(principal, this.partnerView);
  }
}
