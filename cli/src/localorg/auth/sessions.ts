/**
 * Passwords and access tokens of the local org's users. Tokens look like a real
 * org's (`00D...!...`, the shape @salesforce/core and the sf CLI expect), are
 * random, and are kept only as SHA-256 hashes, so neither the database nor any
 * log holds a usable token. Sessions survive restarts: an alias in the sf auth
 * store keeps working after `trellis org stop` and `start`.
 */
import { createHash, randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';
import type { StatementSync } from 'node:sqlite';
import type { Database } from '../store/sqlite.ts';

export interface Session {
  userId: string;
  orgId: string;
  username: string;
}

const hash = (token: string): string => createHash('sha256').update(token).digest('hex');

export class SessionStore {
  private readonly db: Database;
  private verifyStatement: StatementSync | undefined;

  constructor(db: Database) {
    this.db = db;
    db.exec(`CREATE TABLE IF NOT EXISTS "_trellis_sessions" (
      "tokenHash" TEXT PRIMARY KEY, "userId" TEXT NOT NULL, "orgId" TEXT NOT NULL, "username" TEXT NOT NULL, "issuedAt" TEXT NOT NULL)`);
    db.exec(`CREATE TABLE IF NOT EXISTS "_trellis_passwords" (
      "userId" TEXT PRIMARY KEY, "salt" TEXT NOT NULL, "hash" TEXT NOT NULL)`);
  }

  setPassword(userId: string, password: string): void {
    const salt = randomBytes(16).toString('hex');
    const derived = scryptSync(password, salt, 32).toString('hex');
    this.db
      .prepare(
        'INSERT INTO "_trellis_passwords" ("userId", "salt", "hash") VALUES (?, ?, ?) ON CONFLICT("userId") DO UPDATE SET "salt" = excluded."salt", "hash" = excluded."hash"',
      )
      .run(userId, salt, derived);
  }

  checkPassword(userId: string, password: string): boolean {
    const row = this.db
      .prepare('SELECT "salt", "hash" FROM "_trellis_passwords" WHERE "userId" = ?')
      .get(userId) as { salt: string; hash: string } | undefined;
    if (!row) return false;
    const derived = scryptSync(password, row.salt, 32);
    return timingSafeEqual(derived, Buffer.from(row.hash, 'hex'));
  }

  /** A new access token for the user; the caller hands it out once and forgets it. */
  issue(session: Session): string {
    const token = `${session.orgId.slice(0, 15)}!${randomBytes(48).toString('base64url')}`;
    this.db
      .prepare(
        'INSERT INTO "_trellis_sessions" ("tokenHash", "userId", "orgId", "username", "issuedAt") VALUES (?, ?, ?, ?, ?)',
      )
      .run(hash(token), session.userId, session.orgId, session.username, new Date().toISOString());
    return token;
  }

  verify(token: string): Session | undefined {
    // Every API call checks its token: the statement is prepared once.
    this.verifyStatement ??= this.db.prepare(
      'SELECT "userId", "orgId", "username" FROM "_trellis_sessions" WHERE "tokenHash" = ?',
    );
    const row = this.verifyStatement.get(hash(token)) as Session | undefined;
    return row ? { userId: row.userId, orgId: row.orgId, username: row.username } : undefined;
  }

  revoke(token: string): void {
    this.db.prepare('DELETE FROM "_trellis_sessions" WHERE "tokenHash" = ?').run(hash(token));
  }
}
