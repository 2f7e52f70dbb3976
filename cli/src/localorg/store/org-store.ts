/**
 * The local org's records: create, read, update, delete and upsert with the
 * checks Salesforce makes before it writes, in SQLite transactions. A record
 * that fails a check writes nothing; a batch that must be all-or-none rolls back.
 */
import { createIdGenerator, toId18, isValidId } from '../ids.ts';
import type { RecordAccess } from '../sharing/access.ts';
import { fieldDetails, isRestrictedDelete } from '../schema/model.ts';
import type { FieldSchema, OrgSchema, SObjectSchema } from '../schema/types.ts';
import { createTables, quote } from './ddl.ts';
import { ApiError, notFound } from './errors.ts';
import type { StatementSync } from 'node:sqlite';
import type { Database } from './sqlite.ts';
import { toApiValue, toStoredValue, type StoredValue } from './values.ts';

/** Who writes: the audit fields and default owner come from it. */
export interface WriteContext {
  userId: string;
  /**
   * The org writing its own records (its Organization, profiles, users): fields the
   * API never lets a client set, such as Organization.Name, are writable here.
   */
  system?: boolean;
  /**
   * The writer's record access: a partner user's writes see only its schema and its rows, and a
   * row it cannot see answers as one that does not exist. Absent for the org's own writes.
   */
  access?: RecordAccess;
}

/** Runs inside the write's transaction, after the checks, before the row is stored (a trigger's part). */
export interface RecordTrigger {
  object: string;
  beforeWrite(values: Map<string, StoredValue>, previous: Readonly<Record<string, StoredValue>> | null): void;
}

export type ApiRecord = Record<string, unknown> & { attributes: { type: string; url: string } };

const SYSTEM_FIELDS = new Set([
  'Id',
  'IsDeleted',
  'CreatedDate',
  'CreatedById',
  'LastModifiedDate',
  'LastModifiedById',
  'SystemModstamp',
]);

export class OrgStore {
  readonly db: Database;
  readonly schema: OrgSchema;
  private readonly now: () => Date;
  private readonly triggers: RecordTrigger[] = [];
  /** Prepared statements by their SQL: preparing is a large share of a small write's cost. */
  private readonly statements = new Map<string, StatementSync>();
  private depth = 0;

  constructor(db: Database, schema: OrgSchema, now: () => Date = () => new Date()) {
    this.db = db;
    this.schema = schema;
    this.now = now;
    createTables(db, schema);
  }

  addTrigger(trigger: RecordTrigger): void {
    this.triggers.push(trigger);
  }

  /** Runs `work` in one transaction (a savepoint when nested): all of it is stored, or none. */
  transaction<T>(work: () => T): T {
    const level = this.begin();
    let result: T;
    try {
      result = work();
    } catch (error) {
      this.rollback(level);
      throw error;
    }
    this.commit(level);
    return result;
  }

  /**
   * `transaction` for work that awaits. Safe only while that work does no real I/O
   * (composite subrequests await already-settled promises): Node then runs it in one
   * turn of the event loop, so no other request's statements can slip into it.
   */
  async transactionAsync<T>(work: () => Promise<T>): Promise<T> {
    const level = this.begin();
    let result: T;
    try {
      result = await work();
    } catch (error) {
      this.rollback(level);
      throw error;
    }
    this.commit(level);
    return result;
  }

  private statement(sql: string): StatementSync {
    let prepared = this.statements.get(sql);
    if (!prepared) {
      prepared = this.db.prepare(sql);
      this.statements.set(sql, prepared);
    }
    return prepared;
  }

  /** Opens a transaction (level 0) or a savepoint inside one; returns its level. */
  private begin(): number {
    const level = this.depth;
    this.db.exec(level === 0 ? 'BEGIN IMMEDIATE' : `SAVEPOINT sp${level}`);
    this.depth = level + 1;
    return level;
  }

  /** A commit that fails (disk full, I/O error) undoes its level and leaves the store usable. */
  private commit(level: number): void {
    try {
      this.db.exec(level === 0 ? 'COMMIT' : `RELEASE sp${level}`);
    } catch (error) {
      this.rollback(level);
      throw error;
    }
    this.depth = level;
  }

  private rollback(level: number): void {
    try {
      if (level > 0) this.db.exec(`ROLLBACK TO sp${level}; RELEASE sp${level}`);
      else if (this.db.isTransaction) this.db.exec('ROLLBACK');
    } finally {
      this.depth = level;
    }
  }

  object(name: string, access?: RecordAccess): SObjectSchema {
    const object = this.schema.object(name);
    if (!object || (access?.restricted && !access.schema.object(name))) {
      throw new ApiError('NOT_FOUND', `The requested resource does not exist`, { status: 404 });
    }
    return object;
  }

  create(objectName: string, body: Readonly<Record<string, unknown>>, context: WriteContext): string {
    const object = this.object(objectName, context.access);
    this.checkObjectAccess(object, 'createable', context.access);
    const insert = (): string => {
      const values = this.checkedValues(object, body, 'create', context);
      context.access?.checkWrite(object.name, values, null);
      // References the caller gave are checked; the audit fields and the default owner are the org's own.
      const given = new Set(values.keys());
      for (const field of object.fields) {
        if (!values.has(field.name) && field.defaultValue !== null && field.createable) {
          values.set(field.name, toStoredValue(field, field.defaultValue));
        }
      }
      const id = this.nextId(object);
      const now = this.now().toISOString();
      values.set('Id', id);
      this.setIfField(object, values, 'OwnerId', values.get('OwnerId') ?? context.userId);
      for (const name of ['CreatedDate', 'LastModifiedDate', 'SystemModstamp'])
        this.setIfField(object, values, name, now);
      for (const name of ['CreatedById', 'LastModifiedById'])
        this.setIfField(object, values, name, context.userId);
      this.setIfField(object, values, 'IsDeleted', 0);
      this.fillAutoNumber(object, values);
      this.fillDerivedFields(object, values, null);
      this.runTriggers(object, values, null);
      this.checkRequired(object, values);
      this.checkReferences(object, values, given, context.access);
      this.checkUnique(object, values, null, context.access);
      const names = [...values.keys()];
      this.statement(
        `INSERT INTO ${quote(object.name)} (${names.map(quote).join(', ')}) VALUES (${names.map(() => '?').join(', ')})`,
      ).run(...names.map((name) => values.get(name) ?? null));
      return id;
    };
    // A create is read-only checks and then one INSERT, which SQLite applies whole or not at all: inside
    // a caller's transaction (a bulk chunk, a collection's record) it needs no savepoint of its own, which
    // would cost a fifth of a bulk row. A refused row only leaves a gap in the id and auto-number
    // counters, as Salesforce's numbers have gaps. Alone, one transaction keeps counter and row together.
    return this.depth > 0 ? insert() : this.transaction(insert);
  }

  update(
    objectName: string,
    rawId: string,
    body: Readonly<Record<string, unknown>>,
    context: WriteContext,
  ): void {
    const object = this.object(objectName, context.access);
    this.transaction(() => {
      const previous = this.liveRow(object, rawId, context.access);
      this.checkObjectAccess(object, 'updateable', context.access);
      const values = this.checkedValues(object, body, 'update', context, previous);
      context.access?.checkWrite(object.name, values, previous);
      const given = new Set(values.keys());
      const now = this.now().toISOString();
      this.setIfField(object, values, 'LastModifiedDate', now);
      this.setIfField(object, values, 'SystemModstamp', now);
      this.setIfField(object, values, 'LastModifiedById', context.userId);
      this.fillDerivedFields(object, values, previous);
      this.runTriggers(object, values, previous);
      const merged = new Map<string, StoredValue>(Object.entries(previous));
      for (const [name, value] of values) merged.set(name, value);
      this.checkRequired(object, merged);
      this.checkReferences(object, values, given, context.access);
      this.checkUnique(object, values, String(previous.Id), context.access);
      const names = [...values.keys()];
      if (names.length === 0) return;
      this.statement(
        `UPDATE ${quote(object.name)} SET ${names.map((name) => `${quote(name)} = ?`).join(', ')} WHERE "Id" = ?`,
      ).run(...names.map((name) => values.get(name) ?? null), String(previous.Id));
    });
  }

  /** Moves the record, and its master-detail children, to the recycle bin (IsDeleted), as Salesforce does. */
  delete(objectName: string, rawId: string, context: WriteContext): void {
    const object = this.object(objectName, context.access);
    this.transaction(() => {
      const previous = this.liveRow(object, rawId, context.access);
      this.checkObjectAccess(object, 'deletable', context.access);
      this.softDelete(object, String(previous.Id), context);
    });
  }

  /**
   * Upsert by external id: no match creates (true), one match updates (false),
   * several matches are refused as Salesforce refuses them (300 MULTIPLE_CHOICES).
   */
  upsert(
    objectName: string,
    fieldName: string,
    value: string,
    body: Readonly<Record<string, unknown>>,
    context: WriteContext,
  ): { id: string; created: boolean } {
    const object = this.object(objectName, context.access);
    const field = (context.access?.schema ?? this.schema).field(object.name, fieldName);
    if (!field || !(field.externalId || field.name === 'Id')) {
      throw new ApiError(
        'NOT_FOUND',
        `Provided external ID field does not exist or is not accessible: ${fieldName}`,
        {
          status: 404,
        },
      );
    }
    return this.transaction(() => {
      const key = field.name === 'Id' ? (isValidId(value) ? toId18(value) : value) : value;
      const matches = this.idsByField(object, field, key, 2, context.access);
      if (matches.length > 1) {
        throw new ApiError(
          'MULTIPLE_CHOICES',
          `More than one record found for external id field ${field.name}`,
          {
            status: 300,
          },
        );
      }
      const given = Object.entries(body).find(([name]) => name.toLowerCase() === field.name.toLowerCase());
      // The body may repeat the key, as a number or in another case: compare as the field stores and compares it.
      const sameKey = (bodyValue: unknown): boolean => {
        const stored = String(toStoredValue(field, bodyValue));
        return field.caseSensitive ? stored === value : stored.toLowerCase() === value.toLowerCase();
      };
      if (given && field.name !== 'Id' && !sameKey(given[1])) {
        throw new ApiError(
          'INVALID_FIELD',
          `The value of ${field.name} in the request body does not match the value in the URL`,
          { fields: [field.name] },
        );
      }
      const [match] = matches;
      if (match) {
        this.update(object.name, match, body, context);
        return { id: match, created: false };
      }
      if (field.name === 'Id') throw notFound();
      return { id: this.create(object.name, { ...body, [field.name]: value }, context), created: true };
    });
  }

  /** Ids of live records whose `field` equals `value`, at most `limit`, among those `access` sees. */
  idsByField(
    object: SObjectSchema,
    field: FieldSchema,
    value: string,
    limit: number,
    access?: RecordAccess,
  ): string[] {
    const visible = access?.rowFilter(object.name, 't') ?? null;
    const rows = this.statement(
      `SELECT t."Id" FROM ${quote(object.name)} t WHERE t.${quote(field.name)} = ? AND t."IsDeleted" = 0${visible ? ` AND ${visible.sql}` : ''} LIMIT ${limit}`,
    ).all(value, ...(visible?.params ?? [])) as { Id: string }[];
    return rows.map((row) => row.Id);
  }

  /** The record as the REST API returns it, or a 404 error; `fields` limits and orders the fields. */
  retrieve(
    objectName: string,
    rawId: string,
    apiVersion: string,
    fields?: readonly string[],
    access?: RecordAccess,
  ): ApiRecord {
    const object = this.object(objectName, access);
    const row = this.liveRow(object, rawId, access);
    const schema = access?.schema ?? this.schema;
    const selected = fields
      ? fields.map((name) => {
          const field = schema.field(object.name, name.trim());
          if (!field) {
            throw new ApiError(
              'INVALID_FIELD',
              `No such column '${name.trim()}' on sobject of type ${object.name}`,
            );
          }
          return field;
        })
      : (schema.object(object.name)?.fields ?? object.fields);
    return this.toApiRecord(object, row, apiVersion, selected);
  }

  /** The live row `access` sees, or the 404 Salesforce answers: NOT_FOUND, or ENTITY_IS_DELETED from the recycle bin. */
  private liveRow(
    object: SObjectSchema,
    rawId: string,
    access: RecordAccess | undefined,
  ): Record<string, StoredValue> {
    const row = this.visibleRow(object, rawId, access);
    if (!row) throw notFound();
    if (row.IsDeleted === 1) throw new ApiError('ENTITY_IS_DELETED', 'entity is deleted', { status: 404 });
    return row;
  }

  /** `row`, unless `access` cannot see it: then undefined, exactly as for an id that does not exist. */
  private visibleRow(
    object: SObjectSchema,
    rawId: string,
    access: RecordAccess | undefined,
  ): Record<string, StoredValue> | undefined {
    const row = this.row(object, rawId);
    const visible = row ? (access?.rowFilter(object.name, 't') ?? null) : null;
    if (!row || !visible) return row;
    const seen = this.statement(
      `SELECT 1 FROM ${quote(object.name)} t WHERE t."Id" = ? AND ${visible.sql}`,
    ).get(String(row.Id), ...visible.params);
    return seen ? row : undefined;
  }

  /** Object permissions of a restricted user: a record it sees but may not change is refused as Salesforce refuses it. */
  private checkObjectAccess(
    object: SObjectSchema,
    permission: 'createable' | 'updateable' | 'deletable',
    access: RecordAccess | undefined,
  ): void {
    if (!access?.restricted || access.schema.object(object.name)?.[permission]) return;
    throw new ApiError('INSUFFICIENT_ACCESS_OR_READONLY', 'insufficient access rights on object id', {
      status: 400,
    });
  }

  toApiRecord(
    object: SObjectSchema,
    row: Readonly<Record<string, StoredValue>>,
    apiVersion: string,
    fields: readonly FieldSchema[] = object.fields,
  ): ApiRecord {
    const record: ApiRecord = {
      attributes: {
        type: object.name,
        url: `/services/data/v${apiVersion}/sobjects/${object.name}/${String(row.Id)}`,
      },
    };
    for (const field of fields) record[field.name] = toApiValue(field, row[field.name]);
    return record;
  }

  /** The stored row for an id of this object (15 or 18 characters), deleted or not. */
  row(object: SObjectSchema, rawId: string): Record<string, StoredValue> | undefined {
    if (!isValidId(rawId) || !rawId.startsWith(object.keyPrefix)) return undefined;
    return this.statement(`SELECT * FROM ${quote(object.name)} WHERE "Id" = ?`).get(toId18(rawId)) as
      Record<string, StoredValue> | undefined;
  }

  private softDelete(object: SObjectSchema, id: string, context: WriteContext): void {
    const now = this.now().toISOString();
    this.statement(
      `UPDATE ${quote(object.name)} SET "IsDeleted" = 1, "SystemModstamp" = ?, "LastModifiedById" = ? WHERE "Id" = ?`,
    ).run(now, context.userId, id);
    for (const relationship of object.childRelationships) {
      const child = this.object(relationship.childSObject);
      const field = quote(relationship.field);
      if (relationship.cascadeDelete) {
        const children = this.statement(
          `SELECT "Id" FROM ${quote(child.name)} WHERE ${field} = ? AND "IsDeleted" = 0`,
        ).all(id) as { Id: string }[];
        for (const row of children) this.softDelete(child, row.Id, context);
      } else if (isRestrictedDelete(relationship)) {
        // Restrict: the delete fails whole while a live child points here (the caller's transaction undoes it).
        const blocking = this.statement(
          `SELECT "Id" FROM ${quote(child.name)} WHERE ${field} = ? AND "IsDeleted" = 0 LIMIT 1`,
        ).get(id) as { Id: string } | undefined;
        if (blocking) {
          throw new ApiError(
            'DELETE_FAILED',
            `Your attempt to delete ${id} could not be completed because it is associated with the following ${child.labelPlural.toLowerCase()}.: ${blocking.Id}`,
          );
        }
      } else {
        // Clear the value of this field (SetNull), as Salesforce does for a lookup whose parent goes.
        this.statement(
          `UPDATE ${quote(child.name)} SET ${field} = NULL, "SystemModstamp" = ? WHERE ${field} = ? AND "IsDeleted" = 0`,
        ).run(now, id);
      }
    }
  }

  private checkedValues(
    object: SObjectSchema,
    body: Readonly<Record<string, unknown>>,
    operation: 'create' | 'update',
    context: WriteContext,
    previous: Readonly<Record<string, StoredValue>> | null = null,
  ): Map<string, StoredValue> {
    const system = context.system === true;
    // Field-level security: a restricted user's schema has only the fields it sees, and marks what it may write.
    const schema = context.access?.schema ?? this.schema;
    const values = new Map<string, StoredValue>();
    const notWritable: string[] = [];
    for (const [name, value] of Object.entries(body)) {
      if (name === 'attributes') continue;
      const field = schema.field(object.name, name);
      if (!field) {
        throw new ApiError('INVALID_FIELD', `No such column '${name}' on sobject of type ${object.name}`, {
          fields: [name],
        });
      }
      // Id in an update body is tolerated when it names the same record (jsforce sends it).
      if (field.name === 'Id' && operation === 'update') continue;
      const stored = toStoredValue(field, value);
      const writable = system || (operation === 'create' ? field.createable : field.updateable);
      // Repeating the value a read-only field already has is no change (upserts resend master-detail parents).
      const unchanged = previous !== null && previous[field.name] === stored;
      if (!writable || SYSTEM_FIELDS.has(field.name)) {
        if (!unchanged) notWritable.push(field.name);
        continue;
      }
      values.set(field.name, stored);
    }
    if (notWritable.length > 0) {
      throw new ApiError(
        'INVALID_FIELD_FOR_INSERT_UPDATE',
        `Unable to create/update fields: ${notWritable.join(', ')}. Please check the security settings of this field and verify that it is read/write for your profile or permission set.`,
        { fields: notWritable },
      );
    }
    return values;
  }

  private checkRequired(object: SObjectSchema, values: ReadonlyMap<string, StoredValue>): void {
    const missing = object.fields
      .filter((field) => field.required && (values.get(field.name) ?? null) === null)
      .map((field) => field.name);
    if (missing.length > 0) {
      throw new ApiError('REQUIRED_FIELD_MISSING', `Required fields are missing: [${missing.join(', ')}]`, {
        fields: missing,
      });
    }
  }

  private checkReferences(
    object: SObjectSchema,
    values: ReadonlyMap<string, StoredValue>,
    given: ReadonlySet<string>,
    access: RecordAccess | undefined,
  ): void {
    for (const [name, value] of values) {
      if (!given.has(name)) continue;
      const field = this.schema.field(object.name, name);
      if (!field || field.type !== 'reference' || value === null) continue;
      const id = String(value);
      const target = this.schema.byKeyPrefix(id.slice(0, 3));
      if (
        !target ||
        !field.referenceTo.some((allowed) => allowed.toLowerCase() === target.name.toLowerCase())
      ) {
        throw new ApiError('FIELD_INTEGRITY_EXCEPTION', `${field.label}: id value of incorrect type: ${id}`, {
          fields: [field.name],
        });
      }
      // A record the writer cannot see is refused exactly as one that does not exist.
      const visible = access?.rowFilter(target.name, 't') ?? null;
      const exists = this.statement(
        `SELECT 1 FROM ${quote(target.name)} t WHERE t."Id" = ? AND t."IsDeleted" = 0${visible ? ` AND ${visible.sql}` : ''}`,
      ).get(id, ...(visible?.params ?? []));
      if (!exists) {
        throw new ApiError('INVALID_CROSS_REFERENCE_KEY', `invalid cross reference id`, {
          fields: [field.name],
        });
      }
    }
  }

  private checkUnique(
    object: SObjectSchema,
    values: ReadonlyMap<string, StoredValue>,
    ownId: string | null,
    access: RecordAccess | undefined,
  ): void {
    for (const [name, value] of values) {
      const field = this.schema.field(object.name, name);
      if (!field?.unique || value === null) continue;
      const comparison = field.caseSensitive
        ? `${quote(field.name)} = ? COLLATE BINARY`
        : `${quote(field.name)} = ?`;
      const clash = this.statement(
        `SELECT "Id" FROM ${quote(object.name)} WHERE ${comparison} AND "IsDeleted" = 0 AND "Id" IS NOT ? LIMIT 1`,
      ).get(value, ownId) as { Id: string } | undefined;
      if (clash) {
        throw new ApiError(
          'DUPLICATE_VALUE',
          // The clashing record's id is named only to a user who may see every record.
          access?.restricted
            ? `duplicate value found: ${field.name} duplicates value on another record`
            : `duplicate value found: ${field.name} duplicates value on record with id: ${clash.Id}`,
          { fields: [field.name] },
        );
      }
    }
  }

  private runTriggers(
    object: SObjectSchema,
    values: Map<string, StoredValue>,
    previous: Readonly<Record<string, StoredValue>> | null,
  ): void {
    for (const trigger of this.triggers) {
      if (trigger.object.toLowerCase() === object.name.toLowerCase()) trigger.beforeWrite(values, previous);
    }
  }

  private setIfField(
    object: SObjectSchema,
    values: Map<string, StoredValue>,
    name: string,
    value: StoredValue,
  ): void {
    if (this.schema.field(object.name, name)) values.set(name, value);
  }

  private fillAutoNumber(object: SObjectSchema, values: Map<string, StoredValue>): void {
    const nameField = object.fields.find((field) => field.autoNumber);
    if (!nameField?.displayFormat) return;
    const number = this.nextCounter(`autonumber:${object.name}`);
    // `DR-{000000}`: the braces hold as many zeros as the number is padded to.
    const formatted = nameField.displayFormat.replace(/\{(0+)\}/, (_, zeros: string) =>
      String(number).padStart(zeros.length, '0'),
    );
    values.set(nameField.name, formatted);
  }

  /**
   * Fields Salesforce computes: a Contact's or User's Name from its parts, and a
   * custom object's text Name, which is the record's Id when none is given.
   */
  private fillDerivedFields(
    object: SObjectSchema,
    values: Map<string, StoredValue>,
    previous: Readonly<Record<string, StoredValue>> | null,
  ): void {
    for (const field of object.fields) {
      const details = fieldDetails(field);
      if (details.derivedFrom) {
        if (!details.derivedFrom.some((part) => values.has(part)) && previous) continue;
        const parts = details.derivedFrom
          .map((part) => (values.has(part) ? values.get(part) : previous?.[part]))
          .filter((part): part is string => typeof part === 'string' && part !== '');
        values.set(field.name, parts.length > 0 ? parts.join(' ') : null);
      }
      if (details.nameDefaultsToId && previous === null && (values.get(field.name) ?? null) === null) {
        values.set(field.name, values.get('Id') ?? null);
      }
    }
  }

  private nextId(object: SObjectSchema): string {
    return createIdGenerator(object.keyPrefix, this.nextCounter(`id:${object.name}`)).next();
  }

  private nextCounter(name: string): number {
    const row = this.statement(
      'INSERT INTO "_trellis_counters" ("name", "next") VALUES (?, 2) ON CONFLICT("name") DO UPDATE SET "next" = "next" + 1 RETURNING "next"',
    ).get(name) as { next: number };
    return row.next - 1;
  }
}
