/**
 * Opens the local org's SQLite database through Node's built-in `node:sqlite`.
 * Node 24 still flags that module experimental and prints a warning when it
 * loads; this one warning is filtered so that it does not reach users' terminals.
 */
import { createRequire } from 'node:module';
import type { DatabaseSync as DatabaseSyncType } from 'node:sqlite';

const require = createRequire(import.meta.url);
let loaded: typeof import('node:sqlite') | undefined;

function sqlite(): typeof import('node:sqlite') {
  if (loaded) return loaded;
  const emitWarning = process.emitWarning.bind(process);
  process.emitWarning = (warning: string | Error, ...rest: unknown[]): void => {
    if (String(warning).includes('SQLite is an experimental feature')) return;
    Reflect.apply(emitWarning, process, [warning, ...rest]);
  };
  try {
    loaded = require('node:sqlite') as typeof import('node:sqlite');
  } finally {
    process.emitWarning = emitWarning;
  }
  return loaded;
}

export type Database = DatabaseSyncType;

/** A database in `file` (created if missing), or in memory for `:memory:`. */
export function openDatabase(file: string): Database {
  const { DatabaseSync } = sqlite();
  const db = new DatabaseSync(file);
  // WAL lets readers go on while a write commits; NORMAL sync is durable across a process crash.
  db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = OFF;');
  return db;
}

/**
 * A second, read-only connection to the same database file: a long export reads from it at its
 * own pace, in a snapshot of its own (WAL), while the main connection goes on writing.
 */
export function openReader(file: string): Database {
  const { DatabaseSync } = sqlite();
  return new DatabaseSync(file, { readOnly: true });
}
