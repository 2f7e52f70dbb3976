/**
 * The rest of a query's records, kept for `nextRecordsUrl` (queryMore) as a real
 * org keeps a query locator: for a while, then forgotten.
 */
import { randomBytes } from 'node:crypto';

interface Cursor {
  /** Only the user who ran the query may page through it. */
  userId: string;
  records: unknown[];
  totalSize: number;
  expiresAt: number;
}

const LIFETIME_MS = 15 * 60 * 1000;

export class QueryCursors {
  private readonly cursors = new Map<string, Cursor>();

  /** A new locator over `records` for the user who ran the query. */
  open(userId: string, records: unknown[], totalSize: number): string {
    this.sweep();
    const id = `01g${randomBytes(9).toString('base64url')}`;
    this.cursors.set(id, { userId, records, totalSize, expiresAt: Date.now() + LIFETIME_MS });
    return id;
  }

  get(id: string, userId: string): Cursor | undefined {
    const cursor = this.cursors.get(id);
    if (!cursor || cursor.expiresAt < Date.now() || cursor.userId !== userId) return undefined;
    return cursor;
  }

  close(id: string): void {
    this.cursors.delete(id);
  }

  private sweep(): void {
    const now = Date.now();
    for (const [id, cursor] of this.cursors) if (cursor.expiresAt < now) this.cursors.delete(id);
  }
}
