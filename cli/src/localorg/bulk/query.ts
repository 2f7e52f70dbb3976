/**
 * Query jobs: the SOQL checked when the job is created (the SOQL engine's errors,
 * and what Bulk API 2.0 refuses: aggregates, GROUP BY, OFFSET, TYPEOF, child
 * subqueries), run in the background, and its rows written once to a CSV file
 * in the job's directory, with an index of where each row starts so that any
 * page (`locator`, `maxRecords`) is read straight from disk.
 */
import { closeSync, openSync, readSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { parseQuery, type FieldType } from '@jetstreamapp/soql-parser-js';
import type { DatabaseSync } from 'node:sqlite';
import {
  describeQueryColumns,
  openSoqlCursor,
  type QueryColumn,
  type SoqlContext,
  type SoqlCursor,
} from '../soql/index.ts';
import { COLUMN_DELIMITERS, LINE_ENDINGS, quotedLine } from './csv.ts';
import { BulkError } from './errors.ts';
import type { BulkJob } from './job-store.ts';

const RESULTS_FILE = 'results.csv';
const INDEX_FILE = 'results.idx';
/** Rows written per turn of the event loop, so that other requests are served meanwhile. */
const ROWS_PER_SLICE = 20_000;

/** A column of the result file: its header and the path of keys to its value in a record. */
interface OutputColumn {
  header: string;
  path: string[];
  datetime: boolean;
}

function outputColumns(columns: readonly QueryColumn[], prefix: string[] = []): OutputColumn[] {
  return columns.flatMap((column) => {
    const path = [...prefix, column.columnName];
    if (column.joinColumns.length > 0 && !column.aggregate) return outputColumns(column.joinColumns, path);
    return [{ header: path.join('.'), path, datetime: column.apexType === 'Datetime' }];
  });
}

function unsupported(message: string): BulkError {
  return new BulkError('API_ERROR', message);
}

function isAggregate(field: FieldType): boolean {
  return field.type === 'FieldFunctionExpression' && field.isAggregateFn === true;
}

/**
 * Checks a query job's SOQL as Salesforce does on create, and returns the object
 * it reads. Throws a BulkError with the SOQL engine's code, or an API_ERROR for
 * what Bulk API 2.0 does not support.
 */
export function checkBulkQuery(soql: string, context: SoqlContext): { object: string } {
  let object: string;
  try {
    object = describeQueryColumns(soql, context).entityName;
  } catch (error) {
    const coded = error as { errorCode?: unknown; message?: unknown };
    if (typeof coded.errorCode === 'string' && typeof coded.message === 'string') {
      throw new BulkError(coded.errorCode, coded.message);
    }
    throw error;
  }
  const query = parseQuery(soql);
  const fields = query.fields ?? [];
  if (fields.some((field) => field.type === 'FieldSubquery')) {
    throw unsupported('Aggregate Relationships not supported in Bulk Query');
  }
  if (fields.some(isAggregate) || query.groupBy !== undefined || query.having !== undefined) {
    throw unsupported('Aggregate queries are not supported in Bulk Query');
  }
  if (query.offset !== undefined) throw unsupported('OFFSET is not supported in Bulk Query');
  if (fields.some((field) => field.type === 'FieldTypeof')) {
    throw unsupported('TYPEOF is not supported in Bulk Query');
  }
  return { object };
}

function lookup(record: Record<string, unknown>, key: string): unknown {
  if (key in record) return record[key];
  const lower = key.toLowerCase();
  const found = Object.keys(record).find((name) => name.toLowerCase() === lower);
  return found === undefined ? undefined : record[found];
}

/** A value as Bulk API query results write it: datetimes in UTC with `Z`, null as empty. */
function csvValue(record: Record<string, unknown>, column: OutputColumn): string {
  let value: unknown = record;
  for (const key of column.path) {
    if (value === null || typeof value !== 'object') return '';
    value = lookup(value as Record<string, unknown>, key);
  }
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return column.datetime ? value.replace(/\+0000$/, 'Z') : value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/** The locator of the page starting at `row`: base64 of the row number, as Salesforce's are. */
export function encodeLocator(row: number): string {
  return Buffer.from(String(row)).toString('base64').replace(/=+$/, '');
}

/** The row a locator starts at, or undefined for a locator this org did not hand out. */
export function decodeLocator(locator: string): number | undefined {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(locator)) return undefined;
  const text = Buffer.from(locator, 'base64').toString('utf8');
  return /^\d+$/.test(text) ? Number(text) : undefined;
}

/**
 * A query job being run: its rows read from a read-only connection of its own, a slice at a time,
 * and written to the result file as they come. Memory stays at one slice whatever the result's
 * size, other requests are served between slices, and the export sees one snapshot of the data
 * (the read transaction of its connection) while writes go on.
 */
export class QueryRun {
  readonly job: BulkJob;
  private readonly context: SoqlContext;
  private readonly directory: string;
  private readonly openReader: () => DatabaseSync;
  private reader: DatabaseSync | undefined;
  private cursor: SoqlCursor | undefined;
  private columns: OutputColumn[] = [];
  private fd: number | undefined;
  /** Byte offset where each row starts; the last entry is where the file ends. */
  private offsets: number[] = [];
  private bytes = 0;
  private written = 0;

  constructor(job: BulkJob, context: SoqlContext, directory: string, openReader: () => DatabaseSync) {
    this.job = job;
    this.context = context;
    this.directory = directory;
    this.openReader = openReader;
  }

  /** Does the next part of the work; true once the result file is complete. */
  step(): boolean {
    const delimiter = COLUMN_DELIMITERS[this.job.columnDelimiter];
    const lineEnding = LINE_ENDINGS[this.job.lineEnding];
    if (!this.cursor) {
      const soql = this.job.query ?? '';
      this.columns = outputColumns(describeQueryColumns(soql, this.context).columnMetadata);
      this.reader = this.openReader();
      this.cursor = openSoqlCursor(soql, { ...this.context, db: this.reader });
      this.fd = openSync(join(this.directory, RESULTS_FILE), 'w', 0o600);
      this.write(
        quotedLine(
          this.columns.map((column) => column.header),
          delimiter,
          lineEnding,
        ),
      );
      return false;
    }
    const records = this.cursor.next(ROWS_PER_SLICE);
    let text = '';
    let sliceBytes = 0;
    for (const record of records) {
      const line = quotedLine(
        this.columns.map((column) => csvValue(record, column)),
        delimiter,
        lineEnding,
      );
      this.offsets.push(this.bytes + sliceBytes);
      sliceBytes += Buffer.byteLength(line);
      text += line;
    }
    this.write(text);
    this.written += records.length;
    if (records.length === ROWS_PER_SLICE) return false;
    this.offsets.push(this.bytes);
    this.finish();
    return true;
  }

  get rows(): number {
    return this.written;
  }

  /** True once the query has run and the result file is being written. */
  get started(): boolean {
    return this.cursor !== undefined;
  }

  private write(text: string): void {
    if (this.fd === undefined) return;
    const buffer = Buffer.from(text, 'utf8');
    writeSync(this.fd, buffer);
    this.bytes += buffer.length;
  }

  private finish(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
    // Rows start where the header ends when there are none.
    const offsets = this.offsets.length > 0 ? this.offsets : [this.bytes];
    writeFileSync(join(this.directory, INDEX_FILE), Buffer.from(new Float64Array(offsets).buffer), {
      mode: 0o600,
    });
    this.release();
  }

  /** Stops early (aborted, deleted, failed, the org closing): the file is closed and left incomplete. */
  cancel(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
    this.release();
  }

  /** Ends the read snapshot and closes the connection, so that the database can checkpoint again. */
  private release(): void {
    this.cursor?.close();
    this.reader?.close();
    this.reader = undefined;
  }
}

export interface ResultPage {
  file: string;
  /** Bytes of the header line (the file starts with it). */
  headerBytes: number;
  start: number;
  end: number;
  rows: number;
  /** The locator of the next page, or `'null'` on the last one. */
  nextLocator: string;
}

/** Where the page of `maxRecords` rows starting at row `first` lies in the result file. */
export function resultPage(directory: string, total: number, first: number, maxRecords: number): ResultPage {
  const indexFd = openSync(join(directory, INDEX_FILE), 'r');
  const entry = (row: number): number => {
    const buffer = Buffer.alloc(8);
    readSync(indexFd, buffer, 0, 8, row * 8);
    return buffer.readDoubleLE(0);
  };
  try {
    const headerBytes = entry(0);
    const last = Math.min(total, first + maxRecords);
    return {
      file: join(directory, RESULTS_FILE),
      headerBytes,
      start: entry(first),
      end: entry(last),
      rows: last - first,
      nextLocator: last < total ? encodeLocator(last) : 'null',
    };
  } finally {
    closeSync(indexFd);
  }
}
