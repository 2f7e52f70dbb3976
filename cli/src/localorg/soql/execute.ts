/**
 * Runs a compiled plan and shapes the rows as Salesforce returns them:
 * `attributes` first, then the fields in SELECT order under the names the
 * schema spells, parents nested (or `null`), child subqueries as
 * `{ totalSize, done, records }` (or `null`), aggregates as AggregateResult.
 */
import type { DatabaseSync, SQLOutputValue, StatementSync } from 'node:sqlite';
import type { SObjectSchema } from '../schema/types.ts';
import { childStatement } from './children.ts';
import { compileSoql } from './compile.ts';
import type { Entry, RecordsPlan, ValueFormat } from './plan.ts';
import type { Frag } from './sql.ts';
import type { QueryColumns, QueryResult, SoqlContext } from './types.ts';
import { cleanNumber, formatDatetime } from './values.ts';

type Row = Record<string, SQLOutputValue>;
type Rec = Record<string, unknown>;

const STATEMENT_CACHE_SIZE = 256;
const statements = new WeakMap<DatabaseSync, Map<string, StatementSync>>();

function run(db: DatabaseSync, statement: Frag): Row[] {
  let cache = statements.get(db);
  if (!cache) {
    cache = new Map();
    statements.set(db, cache);
  }
  let prepared = cache.get(statement.sql);
  if (!prepared) {
    prepared = db.prepare(statement.sql);
    if (cache.size >= STATEMENT_CACHE_SIZE) {
      const oldest = cache.keys().next().value;
      if (oldest !== undefined) cache.delete(oldest);
    }
    cache.set(statement.sql, prepared);
  }
  return prepared.all(...statement.params);
}

function label(field: Extract<ValueFormat, { kind: 'field' }>['field'], value: string): string {
  const wanted = value.toLowerCase();
  return field.picklistValues.find((p) => p.value.toLowerCase() === wanted)?.label ?? value;
}

function formatValue(format: ValueFormat, value: SQLOutputValue): unknown {
  if (format.kind === 'count') return value === null ? 0 : Number(value);
  if (format.kind === 'number') return value === null ? null : cleanNumber(Number(value));
  if (value === null) return format.kind === 'field' && format.field.type === 'boolean' ? false : null;
  if (format.kind === 'date') return String(value);
  const field = format.field;
  switch (field.type) {
    case 'boolean':
      return Number(value) !== 0;
    case 'int':
    case 'double':
    case 'currency':
    case 'percent':
      return typeof value === 'number' ? value : Number(value);
    case 'datetime':
      return formatDatetime(String(value));
    case 'picklist':
      return format.toLabel ? label(field, String(value)) : String(value);
    case 'multipicklist':
      return format.toLabel
        ? String(value)
            .split(';')
            .map((v) => label(field, v))
            .join(';')
        : String(value);
    default:
      return String(value);
  }
}

class Shaper {
  private readonly base: string;

  constructor(apiVersion: string) {
    this.base = `/services/data/v${apiVersion.replace(/^v/i, '')}/sobjects/`;
  }

  record(object: SObjectSchema, id: SQLOutputValue, entries: Entry[], row: Row): Rec {
    const rec: Rec = { attributes: { type: object.name, url: `${this.base}${object.name}/${String(id)}` } };
    for (const entry of entries) {
      if (entry.kind === 'field') rec[entry.key] = formatValue(entry.format, row[entry.col] ?? null);
      else if (entry.kind === 'parent') {
        const parentId = row[entry.idCol] ?? null;
        rec[entry.key] = parentId === null ? null : this.record(entry.object, parentId, entry.entries, row);
      } else rec[entry.key] = null;
    }
    return rec;
  }
}

function fetchRecords(
  context: SoqlContext,
  shaper: Shaper,
  plan: RecordsPlan,
  parentIds?: readonly string[],
): { rec: Rec; id: string; fk: string }[] {
  const rows = run(context.db, parentIds ? childStatement(plan, parentIds) : plan.statement);
  return shapeRows(context, shaper, plan, rows);
}

/** Rows of a plan as API records, each with its child subqueries' records (fetched for these rows only). */
function shapeRows(
  context: SoqlContext,
  shaper: Shaper,
  plan: RecordsPlan,
  rows: readonly Row[],
): { rec: Rec; id: string; fk: string }[] {
  const out = rows.map((row) => ({
    rec: shaper.record(plan.object, row.__id ?? null, plan.entries, row),
    id: String(row.__id),
    fk: String(row.__fk ?? ''),
  }));
  for (const entry of plan.entries) {
    if (entry.kind !== 'child' || out.length === 0) continue;
    const children = fetchRecords(
      context,
      shaper,
      entry.plan,
      out.map((o) => o.id),
    );
    const byParent = new Map<string, Rec[]>();
    for (const child of children) {
      const list = byParent.get(child.fk);
      if (list) list.push(child.rec);
      else byParent.set(child.fk, [child.rec]);
    }
    for (const o of out) {
      const records = byParent.get(o.id);
      o.rec[entry.key] = records ? { totalSize: records.length, done: true, records } : null;
    }
  }
  return out;
}

/** Runs a SOQL query: every matching row (the HTTP layer pages them itself). */
export function executeSoql(soql: string, context: SoqlContext): QueryResult {
  const plan = compileSoql(soql, context);
  if (plan.kind === 'count') {
    const row = run(context.db, plan.statement)[0];
    return { totalSize: Number(row?.n ?? 0), done: true, records: [] };
  }
  if (plan.kind === 'aggregate') {
    const records = run(context.db, plan.statement).map((row) => {
      const rec: Rec = { attributes: { type: 'AggregateResult' } };
      for (const item of plan.items) rec[item.key] = formatValue(item.format, row[item.col] ?? null);
      return rec;
    });
    return { totalSize: records.length, done: true, records };
  }
  const records = fetchRecords(context, new Shaper(context.apiVersion), plan).map((o) => o.rec);
  return { totalSize: records.length, done: true, records };
}

/** A query's records a batch at a time: see `openSoqlCursor`. */
export interface SoqlCursor {
  /** Up to `max` more records; fewer than `max` once the rows are exhausted. */
  next(max: number): Rec[];
  /** Releases the statement (and so its read snapshot) before the rows are exhausted. */
  close(): void;
}

/**
 * Runs a query whose records may be too many to hold at once (a Bulk API query job exporting
 * millions): rows are read from the statement as they are asked for, and each batch's child
 * subqueries are fetched with it. Counts and aggregates, which are small, are answered whole.
 */
export function openSoqlCursor(soql: string, context: SoqlContext): SoqlCursor {
  const plan = compileSoql(soql, context);
  if (plan.kind !== 'records') {
    let pending: Rec[] = executeSoql(soql, context).records;
    return {
      next: () => {
        const batch = pending;
        pending = [];
        return batch;
      },
      close: () => {
        pending = [];
      },
    };
  }
  const rows = context.db.prepare(plan.statement.sql).iterate(...plan.statement.params);
  const shaper = new Shaper(context.apiVersion);
  return {
    next(max) {
      const batch: Row[] = [];
      while (batch.length < max) {
        const step = rows.next();
        if (step.done === true) break;
        batch.push(step.value);
      }
      return shapeRows(context, shaper, plan, batch).map((o) => o.rec);
    },
    close() {
      rows.return?.();
    },
  };
}

/**
 * What `GET /query?q=...&columns=true` answers (the sf CLI asks it to lay out
 * `sf data query` results): the query checked as it would run, nothing read.
 */
export function describeQueryColumns(soql: string, context: SoqlContext): QueryColumns {
  const plan = compileSoql(soql, context);
  return {
    columnMetadata: plan.kind === 'count' ? [] : plan.columns,
    entityName: plan.object.name,
    groupBy: plan.kind === 'aggregate' && plan.groupBy,
    idSelected: plan.kind === 'records' && plan.idSelected,
    keyPrefix: plan.object.keyPrefix || null,
  };
}
