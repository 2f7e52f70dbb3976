/**
 * Processing of an ingest job's CSV, as Salesforce does it: the header names the
 * fields (API names; `Partner_Account__r.External_Id__c` names a parent by one of
 * its external ids), each later line is one record written through the store
 * with Salesforce's checks. An empty value leaves a field alone, `#N/A` blanks
 * it. A record that fails is reported in the failed results with
 * `CODE:message:fields --` and writes nothing; the others are stored.
 */
import { isValidId, toId18 } from '../ids.ts';
import type { FieldSchema, OrgSchema, SObjectSchema } from '../schema/types.ts';
import type { RecordAccess } from '../sharing/access.ts';
import { quote } from '../store/ddl.ts';
import { ApiError } from '../store/errors.ts';
import type { OrgStore, WriteContext } from '../store/org-store.ts';
import type { StatementSync } from 'node:sqlite';
import {
  COLUMN_DELIMITERS,
  CsvReader,
  isBlankRecord,
  LINE_ENDINGS,
  quotedIfNeeded,
  quotedLine,
  type CsvRecord,
} from './csv.ts';
import type { BulkJob, IngestOperation } from './job-store.ts';

/** The value that blanks a field (an empty value leaves it as it is). */
export const NULL_VALUE = '#N/A';

/** `isValidId` without its type guard, so that a value it refuses can still be quoted in an error. */
function isId(text: string): boolean {
  return isValidId(text);
}

/** Stops the whole job: it moves to Failed with this message, and what is left is unprocessed. */
export class JobFailure extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'JobFailure';
  }
}

interface Column {
  index: number;
  /** The field of the job's object this column writes (for a relationship column, the reference field). */
  field: FieldSchema;
  /** A relationship column: the parent object and the external id field its values are looked up by. */
  lookup?: { object: SObjectSchema; field: FieldSchema };
}

interface Plan {
  header: string[];
  columns: Column[];
  /** The `Id` column, for update, delete and hardDelete. */
  idColumn: Column | undefined;
  /** The upsert key's column. */
  keyColumn: Column | undefined;
  keyField: FieldSchema | undefined;
}

const BOOLEAN_VALUES = new Map<string, boolean>([
  ['true', true],
  ['false', false],
  ['1', true],
  ['0', false],
  ['yes', true],
  ['no', false],
]);

/** A failed record's `sf__Error`: `CODE:message:Field1 Field2 --`, or `CODE:message:--` without fields. */
export function errorText(error: unknown): string {
  const coded = error as { errorCode?: unknown; message?: unknown; fields?: unknown };
  if (typeof coded.errorCode === 'string' && typeof coded.message === 'string') {
    const fields = Array.isArray(coded.fields) ? coded.fields.filter((f) => typeof f === 'string') : [];
    return `${coded.errorCode}:${coded.message}:${fields.length > 0 ? `${fields.join(' ')} --` : '--'}`;
  }
  return `UNKNOWN_EXCEPTION:${error instanceof Error ? error.message : String(error)}:--`;
}

function fieldNotFound(name: string): JobFailure {
  return new JobFailure(`InvalidBatch : Field name not found : ${name}`);
}

/** Reads the header: every column must name a field of the object or a parent's external id. */
function planColumns(
  schema: OrgSchema,
  object: SObjectSchema,
  operation: IngestOperation,
  externalIdFieldName: string | null,
  header: string[],
): Plan {
  const columns: Column[] = [];
  const seen = new Set<string>();
  const deleting = operation === 'delete' || operation === 'hardDelete';
  header.forEach((raw, index) => {
    const name = raw.trim();
    const dot = name.indexOf('.');
    let column: Column;
    if (dot > 0) {
      // `Relationship.Field`, or `Relationship:Type.Field` for a polymorphic relationship.
      const [relationship = '', type] = name.slice(0, dot).split(':');
      const reference = object.fields.find(
        (field) =>
          field.type === 'reference' && field.relationshipName?.toLowerCase() === relationship.toLowerCase(),
      );
      const targetName =
        type === undefined
          ? reference?.referenceTo[0]
          : reference?.referenceTo.find((allowed) => allowed.toLowerCase() === type.toLowerCase());
      const target = targetName === undefined ? undefined : schema.object(targetName);
      const keyField = target ? schema.field(target.name, name.slice(dot + 1)) : undefined;
      if (!reference || !target || !keyField || !(keyField.externalId || keyField.name === 'Id')) {
        throw fieldNotFound(name);
      }
      column = { index, field: reference, lookup: { object: target, field: keyField } };
    } else {
      const field = schema.field(object.name, name);
      if (!field) {
        // A delete reads only the Id column; the others are not looked at.
        if (deleting) return;
        throw fieldNotFound(name);
      }
      column = { index, field };
    }
    const key = column.field.name.toLowerCase();
    if (seen.has(key)) throw new JobFailure(`InvalidBatch : Duplicate field name : ${name}`);
    seen.add(key);
    columns.push(column);
  });
  const idColumn = columns.find((column) => !column.lookup && column.field.name === 'Id');
  const keyField =
    operation === 'upsert' && externalIdFieldName !== null
      ? schema.field(object.name, externalIdFieldName)
      : undefined;
  const keyColumn = keyField
    ? columns.find((column) => !column.lookup && column.field.name === keyField.name)
    : undefined;
  return { header, columns, idColumn, keyColumn, keyField };
}

/** One record's outcome: the line for the successful or the failed results. */
interface Outcome {
  ok: boolean;
  line: string;
}

export interface ChunkResult {
  processed: number;
  failed: number;
  /** Lines for the successful and failed results. */
  success: string;
  failures: string;
  /** The offset in the text just after the last record read. */
  position: number;
  done: boolean;
}

/**
 * One ingest job being processed: the uploaded text, where reading has got to,
 * and the header's plan. The caller runs each chunk in one store transaction.
 */
export class IngestRun {
  readonly job: BulkJob;
  private readonly store: OrgStore;
  private readonly schema: OrgSchema;
  private readonly object: SObjectSchema;
  private readonly operation: IngestOperation;
  private readonly reader: CsvReader;
  private readonly delimiter: string;
  private readonly lineEnding: string;
  private readonly writer: WriteContext;
  private readonly lookups = new Map<string, StatementSync>();
  private plan: Plan | undefined;

  private readonly access: RecordAccess;

  /** `access` is the job's creator's: a partner's job sees and writes only what the partner may. */
  constructor(job: BulkJob, store: OrgStore, access: RecordAccess, text: string) {
    this.job = job;
    this.store = store;
    this.access = access;
    this.schema = access.schema;
    const object = this.schema.object(job.object);
    if (!object)
      throw new JobFailure(`InvalidJob : Entity '${job.object}' is not supported by the Bulk API.`);
    this.object = object;
    this.operation = job.operation as IngestOperation;
    this.delimiter = COLUMN_DELIMITERS[job.columnDelimiter];
    this.lineEnding = LINE_ENDINGS[job.lineEnding];
    this.writer = { userId: job.createdById, access };
    // A byte-order mark before the header is not part of the first column's name.
    this.reader = new CsvReader(text, job.columnDelimiter, text.startsWith('\uFEFF') ? 1 : 0);
  }

  /** Reads the header on the first call. Throws a JobFailure when the file cannot be processed. */
  start(): void {
    if (this.plan) return;
    const header = this.reader.next();
    if (!header) {
      this.plan = { header: [], columns: [], idColumn: undefined, keyColumn: undefined, keyField: undefined };
      return;
    }
    if (header.terminator !== '' && header.terminator !== this.lineEnding) {
      throw new JobFailure(
        `ClientInputError : LineEnding is invalid on user data. Current LineEnding setting is ${this.job.lineEnding}`,
      );
    }
    this.plan = planColumns(
      this.schema,
      this.object,
      this.operation,
      this.job.externalIdFieldName,
      header.fields,
    );
  }

  /** Processes up to `maxRows` records, or fewer when `deadline` (a `performance.now()` time) passes. */
  chunk(maxRows: number, deadline: number): ChunkResult {
    this.start();
    const plan = this.plan;
    let processed = 0;
    let failed = 0;
    let success = '';
    let failures = '';
    while (processed < maxRows && (processed === 0 || performance.now() < deadline)) {
      const record = this.reader.next();
      if (!record) break;
      if (isBlankRecord(record) || !plan || plan.header.length === 0) continue;
      const outcome = this.apply(plan, record);
      processed++;
      if (outcome.ok) success += outcome.line;
      else {
        failed++;
        failures += outcome.line;
      }
    }
    return {
      processed,
      failed,
      success,
      failures,
      position: this.reader.position,
      done: this.reader.done,
    };
  }

  private apply(plan: Plan, record: CsvRecord): Outcome {
    const values = plan.header.map((_, i) => record.fields[i] ?? '');
    try {
      if (record.fields.length > plan.header.length) {
        throw new ApiError(
          'INVALID_FIELD',
          `The row has ${record.fields.length} columns and the header ${plan.header.length}`,
        );
      }
      const { id, created } = this.write(plan, values);
      return {
        ok: true,
        line: quotedLine([id, created ? 'true' : 'false', ...values], this.delimiter, this.lineEnding),
      };
    } catch (error) {
      const text = errorText(this.inBulkTerms(error, plan, values));
      return { ok: false, line: quotedLine(['', text, ...values], this.delimiter, this.lineEnding) };
    }
  }

  /**
   * A value the field cannot hold: the REST API calls it a JSON_PARSER_ERROR, the
   * Bulk API (there is no JSON) INVALID_TYPE_ON_FIELD_IN_RECORD.
   */
  private inBulkTerms(error: unknown, plan: Plan, values: string[]): unknown {
    if (!(error instanceof ApiError) || error.errorCode !== 'JSON_PARSER_ERROR') return error;
    const [name] = error.fields;
    const column = plan.columns.find((candidate) => candidate.field.name === name);
    if (!column) return error;
    return {
      errorCode: 'INVALID_TYPE_ON_FIELD_IN_RECORD',
      message: `${column.field.label}: value not of required type: ${values[column.index] ?? ''}`,
      fields: [column.field.name],
    };
  }

  private write(plan: Plan, values: string[]): { id: string; created: boolean } {
    const object = this.object.name;
    switch (this.operation) {
      case 'insert':
        return {
          id: this.store.create(object, this.body(plan, values, undefined), this.writer),
          created: true,
        };
      case 'update': {
        const id = this.recordId(plan, values, 'an update');
        this.existing(() => {
          this.store.update(object, id, this.body(plan, values, plan.idColumn), this.writer);
        });
        return { id, created: false };
      }
      case 'upsert': {
        const keyField = plan.keyField;
        const key = plan.keyColumn ? (values[plan.keyColumn.index] ?? '') : '';
        if (!keyField || key === '' || key === NULL_VALUE) {
          const name = keyField?.name ?? this.job.externalIdFieldName ?? '';
          throw new ApiError('MISSING_ARGUMENT', `${name} not specified`);
        }
        const skip = keyField.name === 'Id' ? plan.keyColumn : undefined;
        return this.existing(() =>
          this.store.upsert(object, keyField.name, key, this.body(plan, values, skip), this.writer),
        );
      }
      case 'delete':
      case 'hardDelete': {
        const id = this.recordId(plan, values, 'a delete');
        this.existing(() => {
          this.store.delete(object, id, this.writer);
          if (this.operation === 'hardDelete') this.purge(this.object, toId18(id));
        });
        return { id, created: false };
      }
    }
  }

  /** The record a row names in its Id column, in its 18-character form. */
  private recordId(plan: Plan, values: string[], call: string): string {
    const raw = plan.idColumn ? (values[plan.idColumn.index] ?? '').trim() : '';
    if (raw === '' || raw === NULL_VALUE) {
      throw new ApiError('MISSING_ARGUMENT', `Id not specified in ${call} call`);
    }
    if (!isId(raw)) {
      throw new ApiError('MALFORMED_ID', `${this.object.label} ID: id value of incorrect type: ${raw}`, {
        fields: ['Id'],
      });
    }
    return toId18(raw);
  }

  /** A record the row names that does not exist is reported as Salesforce reports it in bulk. */
  private existing<T>(work: () => T): T {
    try {
      return work();
    } catch (error) {
      if (error instanceof ApiError && error.errorCode === 'NOT_FOUND') {
        throw new ApiError('INVALID_CROSS_REFERENCE_KEY', 'invalid cross reference id');
      }
      throw error;
    }
  }

  /** The record body of a row: empty values left out, `#N/A` as null, parents looked up. */
  private body(plan: Plan, values: string[], skip: Column | undefined): Record<string, unknown> {
    const body: Record<string, unknown> = {};
    for (const column of plan.columns) {
      if (column === skip) continue;
      const raw = values[column.index] ?? '';
      if (raw === '') continue;
      if (raw === NULL_VALUE) {
        body[column.field.name] = null;
        continue;
      }
      if (column.lookup) {
        body[column.field.name] = this.lookup(column.lookup, raw);
        continue;
      }
      const field = column.field;
      body[field.name] =
        field.type === 'boolean' ? (BOOLEAN_VALUES.get(raw.trim().toLowerCase()) ?? raw) : raw;
    }
    return body;
  }

  /** The id of the parent whose external id is `value`. */
  private lookup(target: { object: SObjectSchema; field: FieldSchema }, value: string): string {
    if (target.field.name === 'Id') {
      if (!isId(value)) {
        throw new ApiError('MALFORMED_ID', `${target.object.label} ID: id value of incorrect type: ${value}`);
      }
      return toId18(value);
    }
    const key = `${target.object.name}.${target.field.name}`;
    // Only parents the job's creator sees: another partner's record is "not found", as if absent.
    const visible = this.access.rowFilter(target.object.name, 't');
    let statement = this.lookups.get(key);
    if (!statement) {
      const comparison = target.field.caseSensitive
        ? `t.${quote(target.field.name)} = ? COLLATE BINARY`
        : `t.${quote(target.field.name)} = ?`;
      statement = this.store.db.prepare(
        `SELECT t."Id" FROM ${quote(target.object.name)} t WHERE ${comparison} AND t."IsDeleted" = 0${visible ? ` AND ${visible.sql}` : ''} LIMIT 2`,
      );
      this.lookups.set(key, statement);
    }
    const matches = statement.all(value, ...(visible?.params ?? [])) as { Id: string }[];
    if (matches.length !== 1) {
      throw new ApiError(
        'INVALID_FIELD',
        matches.length === 0
          ? `Foreign key external ID: ${value} not found for field ${target.field.name} in entity ${target.object.name}`
          : `Foreign key external ID: ${value} matches more than one record for field ${target.field.name} in entity ${target.object.name}`,
      );
    }
    return matches[0]?.Id ?? '';
  }

  /**
   * hardDelete: the record and the children deleted with it skip the recycle bin.
   * The store has moved them there already (with its checks); this empties it of them.
   */
  private purge(object: SObjectSchema, id: string): void {
    for (const relationship of object.childRelationships) {
      if (!relationship.cascadeDelete) continue;
      const child = this.schema.object(relationship.childSObject);
      if (!child) continue;
      const children = this.store.db
        .prepare(
          `SELECT "Id" FROM ${quote(child.name)} WHERE ${quote(relationship.field)} = ? AND "IsDeleted" = 1`,
        )
        .all(id) as { Id: string }[];
      for (const row of children) this.purge(child, row.Id);
    }
    this.store.db.prepare(`DELETE FROM ${quote(object.name)} WHERE "Id" = ?`).run(id);
  }
}

/** The header line of the result files: `"sf__Id","sf__Created",<the columns as uploaded>`. */
export function resultHeader(
  header: readonly string[],
  kind: 'success' | 'failed',
  delimiter: string,
  lineEnding: string,
): string {
  const first = kind === 'success' ? '"sf__Id","sf__Created"' : '"sf__Id","sf__Error"';
  const rest = header.map((name) => quotedIfNeeded(name, delimiter));
  return [first.replace(',', delimiter), ...rest].join(delimiter) + lineEnding;
}

/**
 * The header of an uploaded text and where it ends; `complete` when a line
 * ending closed it (otherwise the text may have been cut short).
 */
export function uploadedHeader(
  text: string,
  job: BulkJob,
): { header: string[]; end: number; complete: boolean } {
  const reader = new CsvReader(text, job.columnDelimiter, text.startsWith('\uFEFF') ? 1 : 0);
  try {
    const record = reader.next();
    return {
      header: record?.fields ?? [],
      end: record?.end ?? 0,
      complete: record !== null && record.terminator !== '',
    };
  } catch {
    return { header: [], end: 0, complete: false };
  }
}
