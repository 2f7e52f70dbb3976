/**
 * The local org's Bulk API 2.0 jobs: created, fed and closed by the HTTP routes,
 * processed in the background by a queue in the server process, one job at a
 * time and a chunk per turn of the event loop, so that the org keeps answering
 * other requests while a large job runs.
 *
 * An ingest chunk (up to CHUNK_ROWS records) is one store transaction: each
 * record is written in its own savepoint (a bad record fails alone), and the
 * chunk's results and the job's counts are stored in the same transaction. A
 * restart finds a job that was in progress half done and reports it as Failed;
 * the chunks committed before stay committed, the rest is in its unprocessed
 * records. Jobs that were waiting (UploadComplete) are processed after a restart.
 */
import { closeSync, createWriteStream, existsSync, openSync, readFileSync, readSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { once } from 'node:events';
import { createIdGenerator } from '../ids.ts';
import type { DatabaseSync } from 'node:sqlite';
import { soqlContextFor, type RecordAccess } from '../sharing/access.ts';
import type { SoqlContext } from '../soql/index.ts';
import type { OrgStore } from '../store/org-store.ts';
import { isColumnDelimiter, isLineEnding, type ColumnDelimiter, type LineEnding } from './csv.ts';
import { BulkError, jobNotFound, notAnEnumValue } from './errors.ts';
import { IngestRun, JobFailure, uploadedHeader } from './ingest.ts';
import {
  INGEST_OPERATIONS,
  JobStore,
  QUERY_OPERATIONS,
  type BulkJob,
  type JobState,
  type JobType,
  type QueryOperation,
} from './job-store.ts';
import { checkBulkQuery, QueryRun } from './query.ts';

/** Records per ingest chunk, and the time a chunk may take before the rest waits for the next turn. */
export const CHUNK_ROWS = 1000;
const CHUNK_MS = 100;
/** Salesforce takes up to 150 MB of CSV per job. */
const MAX_UPLOAD_BYTES = 150 * 1024 * 1024;
export const UPLOAD_FILE = 'upload.csv';
const HEADER_READ_BYTES = 64 * 1024;
const JOB_KEY_PREFIX = '750';

const INJECTED =
  'InternalServerError : The job failed midway (a fault injected on demand). The records of the chunks processed before were committed; the others are in the unprocessed records.';

const INJECTED_QUERY = 'InternalServerError : The job failed midway (a fault injected on demand).';

const INTERRUPTED =
  'InternalServerError : The local org stopped while this job was in progress. The records of the chunks processed before were committed; the others are in the unprocessed records.';

export interface BulkJobsOptions {
  store: OrgStore;
  /** A read-only connection to the database, for a query job to export from at its own pace. */
  openReader: () => DatabaseSync;
  /** Injected faults: a job that fails midway (`bulk-job`). */
  faults?: { failsBulkChunk(chunksDone: number): boolean };
  /** The record access of a job's creator: its jobs see and write only what it may. */
  access: (userId: string) => RecordAccess;
  dataDir: string;
  now: () => Date;
}

type Active = { kind: 'ingest'; run: IngestRun } | { kind: 'query'; run: QueryRun };

function isOneOf<T extends string>(values: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (values as readonly string[]).includes(value);
}

function enumOption<T extends string>(
  value: unknown,
  fallback: T,
  check: (value: unknown) => value is T,
  enumName: string,
): T {
  if (value === undefined || value === null) return fallback;
  if (!check(value)) throw notAnEnumValue(enumName, value);
  return value;
}

function checkContentType(value: unknown): void {
  if (value !== undefined && value !== null && value !== 'CSV') {
    throw new BulkError(
      'INVALIDJOB',
      `Unsupported content type: ${JSON.stringify(value)}. Bulk API 2.0 accepts CSV.`,
    );
  }
}

export class BulkJobs {
  readonly jobs: JobStore;
  private readonly store: OrgStore;
  private readonly access: (userId: string) => RecordAccess;
  private readonly faults: BulkJobsOptions['faults'];
  private readonly openReader: () => DatabaseSync;
  private readonly now: () => Date;
  private readonly queue: string[] = [];
  private active: Active | undefined;
  private timer: NodeJS.Immediate | undefined;
  private closed = false;

  constructor(options: BulkJobsOptions) {
    this.store = options.store;
    this.access = options.access;
    this.faults = options.faults;
    this.openReader = options.openReader;
    this.now = options.now;
    this.jobs = new JobStore(options.store.db, options.dataDir);
    this.recover();
  }

  /** After a restart: jobs cut off in progress fail, jobs that were waiting are queued again. */
  private recover(): void {
    const stamp = this.timestamp();
    for (const job of this.jobs.inStates(['InProgress'])) {
      this.jobs.update(job.id, { state: 'Failed', errorMessage: INTERRUPTED, systemModstamp: stamp });
    }
    for (const job of this.jobs.inStates(['UploadComplete'])) this.queue.push(job.id);
    this.schedule();
  }

  private timestamp(): string {
    return this.now().toISOString();
  }

  private newJob(
    fields: Pick<BulkJob, 'jobType' | 'operation' | 'object' | 'state' | 'apiVersion' | 'createdById'> &
      Partial<BulkJob>,
  ): BulkJob {
    const stamp = this.timestamp();
    const job: BulkJob = {
      id: createIdGenerator(JOB_KEY_PREFIX, this.jobs.nextNumber()).next(),
      createdDate: stamp,
      systemModstamp: stamp,
      externalIdFieldName: null,
      lineEnding: 'LF',
      columnDelimiter: 'COMMA',
      query: null,
      errorMessage: null,
      numberRecordsProcessed: 0,
      numberRecordsFailed: 0,
      uploads: 0,
      position: 0,
      chunks: 0,
      totalProcessingTime: 0,
      ...fields,
    };
    this.jobs.insert(job);
    return job;
  }

  createIngestJob(body: Record<string, unknown>, userId: string, apiVersion: string): BulkJob {
    const access = this.access(userId);
    const operation = body.operation;
    if (operation === undefined || operation === null) {
      throw new BulkError('INVALIDJOB', 'The operation of the job is required');
    }
    if (!isOneOf(INGEST_OPERATIONS, operation)) throw notAnEnumValue('OperationEnum', operation);
    checkContentType(body.contentType);
    const columnDelimiter = enumOption<ColumnDelimiter>(
      body.columnDelimiter,
      'COMMA',
      isColumnDelimiter,
      'ColumnDelimiterEnum',
    );
    const lineEnding = enumOption<LineEnding>(body.lineEnding, 'LF', isLineEnding, 'LineEndingEnum');
    const objectName = typeof body.object === 'string' ? body.object : '';
    if (objectName === '') throw new BulkError('INVALIDJOB', 'The object of the job is required');
    const object = access.schema.object(objectName);
    if (!object) {
      throw new BulkError('INVALIDENTITY', `Entity '${objectName}' is not supported by the Bulk API.`);
    }
    if (operation === 'hardDelete' && access.restricted) {
      throw new BulkError('FEATURENOTENABLED', 'hardDelete needs the Bulk API Hard Delete permission');
    }
    let externalIdFieldName: string | null = null;
    if (operation === 'upsert') {
      const given = typeof body.externalIdFieldName === 'string' ? body.externalIdFieldName : '';
      if (given === '') {
        throw new BulkError(
          'INVALIDJOB',
          `External ID was blank for ${object.name}. An External ID must be specified for upsert.`,
        );
      }
      const field = access.schema.field(object.name, given);
      if (!field || !(field.externalId || field.name === 'Id')) {
        throw new BulkError(
          'INVALIDJOB',
          `Field name provided, ${given} does not match an External ID, Salesforce Id, or indexed field for ${object.name}`,
        );
      }
      externalIdFieldName = field.name;
    }
    return this.newJob({
      jobType: 'V2Ingest',
      operation,
      object: object.name,
      state: 'Open',
      apiVersion,
      createdById: userId,
      externalIdFieldName,
      lineEnding,
      columnDelimiter,
    });
  }

  createQueryJob(body: Record<string, unknown>, userId: string, apiVersion: string): BulkJob {
    const operation = body.operation ?? 'query';
    if (!isOneOf<QueryOperation>(QUERY_OPERATIONS, operation))
      throw notAnEnumValue('OperationEnum', operation);
    checkContentType(body.contentType);
    const columnDelimiter = enumOption<ColumnDelimiter>(
      body.columnDelimiter,
      'COMMA',
      isColumnDelimiter,
      'ColumnDelimiterEnum',
    );
    const lineEnding = enumOption<LineEnding>(body.lineEnding, 'LF', isLineEnding, 'LineEndingEnum');
    const query = typeof body.query === 'string' ? body.query.trim() : '';
    if (query === '') throw new BulkError('INVALIDJOB', 'The query of the job is required');
    const { object } = checkBulkQuery(query, this.soqlContext(userId, apiVersion, operation));
    const job = this.newJob({
      jobType: 'V2Query',
      operation,
      object,
      state: 'UploadComplete',
      apiVersion,
      createdById: userId,
      lineEnding,
      columnDelimiter,
      query,
    });
    this.enqueue(job.id);
    return job;
  }

  /** The query as its creator runs it: a partner's job returns only the partner's rows. */
  private soqlContext(userId: string, apiVersion: string, operation: QueryOperation): SoqlContext {
    return soqlContextFor(this.access(userId), {
      db: this.store.db,
      apiVersion,
      now: this.now(),
      includeDeleted: operation === 'queryAll',
    });
  }

  /** A job of this type, or 404 as Salesforce answers for an id it does not know. */
  get(id: string, jobType: JobType): BulkJob {
    const job = this.jobs.get(id);
    if (!job || job.jobType !== jobType) throw jobNotFound();
    return job;
  }

  /**
   * `get` as one user asks for it: a restricted user (a partner) knows only its own jobs, and
   * another user's answers as if it did not exist.
   */
  getFor(id: string, jobType: JobType, userId: string): BulkJob {
    const job = this.get(id, jobType);
    if (job.createdById !== userId && this.access(userId).restricted) throw jobNotFound();
    return job;
  }

  list(jobType: JobType, userId: string): BulkJob[] {
    const jobs = this.jobs.list(jobType);
    return this.access(userId).restricted ? jobs.filter((job) => job.createdById === userId) : jobs;
  }

  /** Stores the CSV of `PUT .../batches`. Only an Open job takes data. */
  async upload(id: string, source: AsyncIterable<Buffer | string> | Iterable<Buffer>): Promise<void> {
    const job = this.get(id, 'V2Ingest');
    if (job.state !== 'Open') {
      throw new BulkError('INVALIDJOBSTATE', `Job ${id} is not Open: its state is ${job.state}`, 409);
    }
    const directory = this.jobs.ensureJobDirectory(id);
    // Salesforce accepts a second upload but then refuses to close the job; the first one is kept.
    const file = join(directory, job.uploads === 0 ? UPLOAD_FILE : `upload-${job.uploads}.csv`);
    const out = createWriteStream(file, { mode: 0o600 });
    let size = 0;
    try {
      for await (const chunk of source) {
        const buffer = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
        size += buffer.length;
        if (size > MAX_UPLOAD_BYTES) {
          throw new BulkError('ClientInputError', 'The job data exceeds the maximum of 150 MB');
        }
        if (!out.write(buffer)) await once(out, 'drain');
      }
      out.end();
      await once(out, 'finish');
    } catch (error) {
      out.destroy();
      rmSync(file, { force: true });
      throw error;
    }
    const current = this.jobs.get(id);
    if (current?.state !== 'Open') {
      rmSync(file, { force: true });
      throw new BulkError(
        'INVALIDJOBSTATE',
        `Job ${id} is not Open: its state is ${current?.state ?? 'Deleted'}`,
        409,
      );
    }
    this.jobs.update(id, { uploads: current.uploads + 1, systemModstamp: this.timestamp() });
  }

  /** `PATCH {state}`: UploadComplete queues an Open ingest job; Aborted stops a job that has not ended. */
  setState(id: string, jobType: JobType, state: unknown): BulkJob {
    const job = this.get(id, jobType);
    if (state === 'UploadComplete' && jobType === 'V2Ingest') {
      if (job.state !== 'Open') {
        throw new BulkError('INVALIDJOBSTATE', `Job ${id} can't be closed: its state is ${job.state}`);
      }
      if (job.uploads > 1) {
        throw new BulkError(
          'INVALIDJOB',
          `Found multipe contents for job: <${id.slice(0, 15)}>, please 'Close' / 'Abort' / 'Delete' the current Job then create a new Job and make sure you only do 'PUT' once on a given Job.`,
        );
      }
      this.jobs.update(id, { state: 'UploadComplete', systemModstamp: this.timestamp() });
      this.enqueue(id);
      return this.get(id, jobType);
    }
    if (state === 'Aborted') {
      if (job.state === 'JobComplete' || job.state === 'Failed' || job.state === 'Aborted') {
        throw new BulkError('INVALIDJOBSTATE', `Job ${id} can't be aborted: its state is ${job.state}`);
      }
      this.jobs.update(id, { state: 'Aborted', systemModstamp: this.timestamp() });
      this.stopIfActive(id);
      return this.get(id, jobType);
    }
    if (
      typeof state === 'string' &&
      ['Open', 'UploadComplete', 'InProgress', 'JobComplete', 'Failed'].includes(state)
    ) {
      throw new BulkError('INVALIDJOBSTATE', `A job's state can't be set to ${state}`);
    }
    throw notAnEnumValue('JobStateEnum', state);
  }

  /** Deletes a job that is not Open or in progress, with its data and results. */
  delete(id: string, jobType: JobType): void {
    const job = this.get(id, jobType);
    if (job.state === 'Open' || job.state === 'InProgress') {
      throw new BulkError('INVALIDJOBSTATE', `Job ${id} can't be deleted while its state is ${job.state}`);
    }
    this.stopIfActive(id);
    const queued = this.queue.indexOf(id);
    if (queued !== -1) this.queue.splice(queued, 1);
    this.jobs.delete(id);
  }

  /** The uploaded CSV of an ingest job ('' when nothing was uploaded). */
  uploadedText(id: string): string {
    const file = join(this.jobs.jobDirectory(id), UPLOAD_FILE);
    return existsSync(file) ? readFileSync(file, 'utf8') : '';
  }

  /** The header of an ingest job's uploaded CSV, read from the start of the file only. */
  uploadedHeader(job: BulkJob): string[] {
    const file = join(this.jobs.jobDirectory(job.id), UPLOAD_FILE);
    if (!existsSync(file)) return [];
    const fd = openSync(file, 'r');
    try {
      const buffer = Buffer.alloc(HEADER_READ_BYTES);
      const read = readSync(fd, buffer, 0, HEADER_READ_BYTES, 0);
      const start = uploadedHeader(buffer.subarray(0, read).toString('utf8'), job);
      // A header longer than what was read (or cut inside quotes) is read from the whole file.
      if (start.complete || read < HEADER_READ_BYTES) return start.header;
    } finally {
      closeSync(fd);
    }
    return uploadedHeader(this.uploadedText(job.id), job).header;
  }

  /** Stops processing (the org is closing). Jobs in progress are left as they are: a restart reports them. */
  close(): void {
    this.closed = true;
    if (this.timer) clearImmediate(this.timer);
    this.timer = undefined;
    if (this.active?.kind === 'query') this.active.run.cancel();
    this.active = undefined;
  }

  private enqueue(id: string): void {
    if (!this.queue.includes(id)) this.queue.push(id);
    this.schedule();
  }

  private stopIfActive(id: string): void {
    if (this.active?.run.job.id !== id) return;
    if (this.active.kind === 'query') this.active.run.cancel();
    this.active = undefined;
    this.schedule();
  }

  private schedule(): void {
    if (this.closed || this.timer) return;
    if (!this.active && this.queue.length === 0) return;
    this.timer = setImmediate(() => {
      this.timer = undefined;
      this.tick();
      this.schedule();
    });
  }

  /** One turn: start the next job if none is running, then do one part of the running one. */
  private tick(): void {
    let active = this.active;
    if (!active) {
      const id = this.queue.shift();
      if (id === undefined) return;
      active = this.begin(id);
      this.active = active;
      if (!active) return;
    }
    // Aborted or deleted meanwhile: stop here.
    if (this.jobs.get(active.run.job.id)?.state !== 'InProgress') {
      this.active = undefined;
      return;
    }
    if (active.kind === 'ingest') this.ingestChunk(active.run);
    else this.querySlice(active.run);
  }

  private begin(id: string): Active | undefined {
    const job = this.jobs.get(id);
    if (job?.state !== 'UploadComplete') return undefined;
    const started = { ...job, state: 'InProgress' as JobState, systemModstamp: this.timestamp() };
    this.jobs.update(id, { state: 'InProgress', systemModstamp: started.systemModstamp });
    try {
      if (job.jobType === 'V2Query') {
        const directory = this.jobs.ensureJobDirectory(id);
        const context = this.soqlContext(job.createdById, job.apiVersion, job.operation as QueryOperation);
        return { kind: 'query', run: new QueryRun(started, context, directory, this.openReader) };
      }
      const run = new IngestRun(started, this.store, this.access(job.createdById), this.uploadedText(id));
      run.start();
      return { kind: 'ingest', run };
    } catch (error) {
      this.fail(id, error);
      return undefined;
    }
  }

  private ingestChunk(run: IngestRun): void {
    const id = run.job.id;
    const began = performance.now();
    try {
      const done = this.store.transaction(() => {
        const job = this.get(id, 'V2Ingest');
        if (this.faults?.failsBulkChunk(job.chunks)) throw new JobFailure(INJECTED);
        const result = run.chunk(CHUNK_ROWS, began + CHUNK_MS);
        if (result.processed > 0) this.jobs.addResults(id, job.chunks, result.success, result.failures);
        this.jobs.update(id, {
          numberRecordsProcessed: job.numberRecordsProcessed + result.processed,
          numberRecordsFailed: job.numberRecordsFailed + result.failed,
          position: result.position,
          chunks: job.chunks + (result.processed > 0 ? 1 : 0),
          totalProcessingTime: job.totalProcessingTime + Math.round(performance.now() - began),
          systemModstamp: this.timestamp(),
          ...(result.done ? { state: 'JobComplete' } : {}),
        });
        return result.done;
      });
      if (done) this.active = undefined;
    } catch (error) {
      this.fail(id, error);
    }
  }

  private querySlice(run: QueryRun): void {
    const id = run.job.id;
    const began = performance.now();
    try {
      // Midway: once the query has run and its result file is begun, as the ingest fault strikes after a chunk.
      if (this.faults?.failsBulkChunk(run.started ? 1 : 0)) throw new JobFailure(INJECTED_QUERY);
      const done = run.step();
      const job = this.get(id, 'V2Query');
      this.jobs.update(id, {
        totalProcessingTime: job.totalProcessingTime + Math.round(performance.now() - began),
        systemModstamp: this.timestamp(),
        ...(done ? { state: 'JobComplete', numberRecordsProcessed: run.rows } : {}),
      });
      if (done) this.active = undefined;
    } catch (error) {
      run.cancel();
      this.fail(id, error);
    }
  }

  private fail(id: string, error: unknown): void {
    if (this.active?.run.job.id === id) this.active = undefined;
    const message =
      error instanceof JobFailure
        ? error.message
        : error instanceof Error && error.name === 'CsvFormatError'
          ? `ClientInputError : ${error.message}`
          : `InternalServerError : ${error instanceof Error ? error.message : String(error)}`;
    if (!this.jobs.get(id)) return;
    this.jobs.update(id, { state: 'Failed', errorMessage: message, systemModstamp: this.timestamp() });
  }
}
