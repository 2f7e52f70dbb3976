/**
 * Where Bulk API 2.0 jobs live: one row per job in `_trellis_bulk_jobs`, the
 * per-record results of ingest jobs in `_trellis_bulk_results` (one row per
 * processed chunk, written in the chunk's own transaction, so the results never
 * disagree with the records committed), and the uploaded CSV and query results
 * as files under `bulk/<jobId>/` in the data dir. All of it survives a restart.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { StatementSync } from 'node:sqlite';
import type { Database } from '../store/sqlite.ts';
import type { ColumnDelimiter, LineEnding } from './csv.ts';

export type JobState = 'Open' | 'UploadComplete' | 'InProgress' | 'JobComplete' | 'Failed' | 'Aborted';
export type JobType = 'V2Ingest' | 'V2Query';
export const INGEST_OPERATIONS = ['insert', 'update', 'upsert', 'delete', 'hardDelete'] as const;
export type IngestOperation = (typeof INGEST_OPERATIONS)[number];
export const QUERY_OPERATIONS = ['query', 'queryAll'] as const;
export type QueryOperation = (typeof QUERY_OPERATIONS)[number];

export interface BulkJob {
  id: string;
  jobType: JobType;
  operation: IngestOperation | QueryOperation;
  object: string;
  createdById: string;
  /** ISO 8601 in UTC with milliseconds and `Z`. */
  createdDate: string;
  systemModstamp: string;
  state: JobState;
  externalIdFieldName: string | null;
  lineEnding: LineEnding;
  columnDelimiter: ColumnDelimiter;
  /** `'64.0'`: the version of the URL the job was created through. */
  apiVersion: string;
  /** The SOQL of a query job. */
  query: string | null;
  errorMessage: string | null;
  numberRecordsProcessed: number;
  numberRecordsFailed: number;
  /** How many times data was uploaded (PUT .../batches); Salesforce accepts only one. */
  uploads: number;
  /** Ingest: the offset in the uploaded text just after the last processed record (0: not started). */
  position: number;
  /** Ingest: chunks committed so far. */
  chunks: number;
  /** Milliseconds spent processing. */
  totalProcessingTime: number;
}

type Row = Omit<BulkJob, 'jobType' | 'operation' | 'state' | 'lineEnding' | 'columnDelimiter'> & {
  jobType: string;
  operation: string;
  state: string;
  lineEnding: string;
  columnDelimiter: string;
};

const COLUMNS: readonly (keyof BulkJob)[] = [
  'id',
  'jobType',
  'operation',
  'object',
  'createdById',
  'createdDate',
  'systemModstamp',
  'state',
  'externalIdFieldName',
  'lineEnding',
  'columnDelimiter',
  'apiVersion',
  'query',
  'errorMessage',
  'numberRecordsProcessed',
  'numberRecordsFailed',
  'uploads',
  'position',
  'chunks',
  'totalProcessingTime',
];

const INTEGER_COLUMNS = new Set<keyof BulkJob>([
  'numberRecordsProcessed',
  'numberRecordsFailed',
  'uploads',
  'position',
  'chunks',
  'totalProcessingTime',
]);

export type ResultKind = 'success' | 'failed';

export class JobStore {
  readonly db: Database;
  /** `<dataDir>/bulk`: one directory per job. */
  readonly directory: string;
  private readonly statements = new Map<string, StatementSync>();

  constructor(db: Database, dataDir: string) {
    this.db = db;
    this.directory = join(dataDir, 'bulk');
    const columns = COLUMNS.map((name) => {
      if (name === 'id') return '"id" TEXT PRIMARY KEY';
      if (INTEGER_COLUMNS.has(name)) return `"${name}" INTEGER NOT NULL DEFAULT 0`;
      return `"${name}" TEXT`;
    });
    db.exec(`CREATE TABLE IF NOT EXISTS "_trellis_bulk_jobs" (${columns.join(', ')})`);
    db.exec(
      'CREATE TABLE IF NOT EXISTS "_trellis_bulk_results" ("jobId" TEXT NOT NULL, "chunk" INTEGER NOT NULL, "success" TEXT NOT NULL, "failed" TEXT NOT NULL, PRIMARY KEY ("jobId", "chunk"))',
    );
  }

  private statement(sql: string): StatementSync {
    let prepared = this.statements.get(sql);
    if (!prepared) {
      prepared = this.db.prepare(sql);
      this.statements.set(sql, prepared);
    }
    return prepared;
  }

  /** The next job number, kept with the org's other counters so that ids never repeat. */
  nextNumber(): number {
    const row = this.statement(
      'INSERT INTO "_trellis_counters" ("name", "next") VALUES (\'id:_bulk_job\', 2) ON CONFLICT("name") DO UPDATE SET "next" = "next" + 1 RETURNING "next"',
    ).get() as { next: number };
    return row.next - 1;
  }

  insert(job: BulkJob): void {
    this.statement(
      `INSERT INTO "_trellis_bulk_jobs" (${COLUMNS.map((name) => `"${name}"`).join(', ')}) VALUES (${COLUMNS.map(() => '?').join(', ')})`,
    ).run(...COLUMNS.map((name) => job[name]));
  }

  get(id: string): BulkJob | undefined {
    const row = this.statement('SELECT * FROM "_trellis_bulk_jobs" WHERE "id" = ?').get(id) as
      Row | undefined;
    return row ? (row as BulkJob) : undefined;
  }

  list(jobType: JobType): BulkJob[] {
    return this.statement(
      'SELECT * FROM "_trellis_bulk_jobs" WHERE "jobType" = ? ORDER BY "createdDate", "id"',
    ).all(jobType) as unknown as BulkJob[];
  }

  inStates(states: readonly JobState[]): BulkJob[] {
    return this.statement(
      `SELECT * FROM "_trellis_bulk_jobs" WHERE "state" IN (${states.map(() => '?').join(', ')}) ORDER BY "createdDate", "id"`,
    ).all(...states) as unknown as BulkJob[];
  }

  update(id: string, changes: Partial<Omit<BulkJob, 'id'>>): void {
    const entries = Object.entries(changes) as [keyof BulkJob, string | number | null | undefined][];
    if (entries.length === 0) return;
    this.statement(
      `UPDATE "_trellis_bulk_jobs" SET ${entries.map(([name]) => `"${name}" = ?`).join(', ')} WHERE "id" = ?`,
    ).run(...entries.map(([, value]) => value ?? null), id);
  }

  /** Forgets the job: its row, its results and its files. */
  delete(id: string): void {
    this.statement('DELETE FROM "_trellis_bulk_results" WHERE "jobId" = ?').run(id);
    this.statement('DELETE FROM "_trellis_bulk_jobs" WHERE "id" = ?').run(id);
    rmSync(this.jobDirectory(id), { recursive: true, force: true });
  }

  addResults(id: string, chunk: number, success: string, failed: string): void {
    this.statement(
      'INSERT INTO "_trellis_bulk_results" ("jobId", "chunk", "success", "failed") VALUES (?, ?, ?, ?)',
    ).run(id, chunk, success, failed);
  }

  /**
   * The result lines of every committed chunk, in order, read one chunk at a time
   * (no statement stays open while the caller writes them out).
   */
  *results(id: string, kind: ResultKind): Generator<string> {
    const column = kind === 'success' ? '"success"' : '"failed"';
    const statement = this.statement(
      `SELECT "chunk", ${column} AS "text" FROM "_trellis_bulk_results" WHERE "jobId" = ? AND "chunk" > ? ORDER BY "chunk" LIMIT 1`,
    );
    let after = -1;
    for (;;) {
      const row = statement.get(id, after) as { chunk: number; text: string } | undefined;
      if (!row) return;
      after = row.chunk;
      if (row.text !== '') yield row.text;
    }
  }

  jobDirectory(id: string): string {
    return join(this.directory, id);
  }

  /** The job's directory, created if missing. */
  ensureJobDirectory(id: string): string {
    const directory = this.jobDirectory(id);
    mkdirSync(directory, { recursive: true, mode: 0o700 });
    return directory;
  }
}
