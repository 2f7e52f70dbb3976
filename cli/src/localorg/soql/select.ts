/**
 * The SELECT list of a records query or child subquery: the SQL columns to
 * read, the record shape to nest them into (parents under their relationship
 * names), and the column metadata. Child subqueries are planned by the
 * caller's `childPlan`, since a child plan is itself built from a SELECT list.
 */
import type { FieldType as SelectItem, Query, Subquery } from '@jetstreamapp/soql-parser-js';
import { functionColumn, pathColumn } from './columns.ts';
import type { Compilation } from './compilation.ts';
import { SoqlError } from './errors.ts';
import type { Entry, RecordsPlan } from './plan.ts';
import { resolve } from './scope.ts';
import type { Resolved, Scope } from './scope.ts';
import { column, frag } from './sql.ts';
import type { Frag } from './sql.ts';
import type { QueryColumn } from './types.ts';

export interface RecordShape {
  select: Frag[];
  entries: Entry[];
  columns: QueryColumn[];
  idSelected: boolean;
}

export type ChildPlanner = (parent: Scope, sub: Subquery) => { key: string; plan: RecordsPlan };

/** A select item as written in the query (`c.Account.Name`), when the parser kept it. */
export const rawOf = (item: SelectItem, fallback: string): string =>
  'rawValue' in item && typeof item.rawValue === 'string' ? item.rawValue : fallback;

/** `FIELDS(ALL | STANDARD | CUSTOM)`, with Salesforce's limits on it. */
function expandFields(
  c: Compilation,
  scope: Scope,
  query: Query | Subquery,
  which: string,
  itemCount: number,
  addField: (resolved: Resolved, raw: string) => void,
): void {
  const kind = which.toUpperCase();
  if (kind !== 'ALL' && kind !== 'STANDARD' && kind !== 'CUSTOM') {
    throw c.source.error('MALFORMED_QUERY', `unexpected token: '${which}'`, which, 'select');
  }
  if (kind !== 'STANDARD' && (query.limit === undefined || query.limit > 200)) {
    throw new SoqlError('MALFORMED_QUERY', 'The SOQL FIELDS function must have a LIMIT of at most 200');
  }
  const fields = scope.object.fields.filter((f) =>
    kind === 'ALL' ? true : kind === 'CUSTOM' ? f.custom : !f.custom,
  );
  if (fields.length === 0 && itemCount === 1) {
    throw new SoqlError(
      'MALFORMED_QUERY',
      "'FIELDS(...)' expansion function must result in at least one field being selected.",
    );
  }
  for (const field of fields) addField(resolve(c, scope, field.name, 'select'), field.name);
}

export function recordShape(
  c: Compilation,
  scope: Scope,
  query: Query | Subquery,
  childPlan: ChildPlanner,
): RecordShape {
  const select: Frag[] = [];
  const entries: Entry[] = [];
  const columns: QueryColumn[] = [];
  let idSelected = false;
  const seen = new Set<string>();

  const addField = (resolved: Resolved, raw: string, toLabel = false): void => {
    if (seen.has(resolved.key)) throw new SoqlError('INVALID_FIELD', `duplicate field selected: ${raw}`);
    seen.add(resolved.key);
    let list = entries;
    for (const link of resolved.chain) {
      let parent = list.find(
        (e): e is Extract<Entry, { kind: 'parent' }> =>
          e.kind === 'parent' && e.key === link.relationshipName,
      );
      if (!parent) {
        // The parent's Id is read too: a missing parent is `null`, not a record of nulls.
        const idCol = c.col();
        select.push(frag(`${column(link.alias, 'Id')} AS ${idCol}`));
        parent = { kind: 'parent', key: link.relationshipName, object: link.object, idCol, entries: [] };
        list.push(parent);
      }
      list = parent.entries;
    }
    const col = c.col();
    select.push(frag(`${resolved.expr} AS ${col}`));
    list.push({
      kind: 'field',
      key: resolved.field.name,
      col,
      format: { kind: 'field', field: resolved.field, toLabel },
    });
    if (resolved.chain.length === 0 && resolved.field.name === 'Id') idSelected = true;
    columns.push(pathColumn(resolved));
  };

  const items = query.fields ?? [];
  for (const item of items) {
    switch (item.type) {
      case 'Field':
      case 'FieldRelationship': {
        const raw = item.type === 'Field' ? item.field : [...item.relationships, item.field].join('.');
        addField(resolve(c, scope, raw, 'select'), rawOf(item, raw));
        break;
      }
      case 'FieldSubquery': {
        const child = childPlan(scope, item.subquery);
        entries.push({ kind: 'child', key: child.key, plan: child.plan });
        columns.push({
          ...functionColumn(child.key, child.key, false),
          joinColumns: child.plan.columns,
        });
        break;
      }
      case 'FieldFunctionExpression': {
        const name = item.functionName.toUpperCase();
        const parameter = item.parameters[0];
        if (name === 'FIELDS') {
          expandFields(
            c,
            scope,
            query,
            typeof parameter === 'string' ? parameter : '',
            items.length,
            addField,
          );
        } else if ((name === 'TOLABEL' || name === 'CONVERTCURRENCY') && typeof parameter === 'string') {
          // One currency in the local org: convertCurrency() reads the field as stored.
          addField(resolve(c, scope, parameter, 'select'), item.rawValue ?? parameter, name === 'TOLABEL');
        } else {
          throw c.source.error(
            'MALFORMED_QUERY',
            `${item.functionName}() is not supported by the Trellis local org`,
            item.functionName,
            'select',
          );
        }
        break;
      }
      default:
        throw c.source.error(
          'MALFORMED_QUERY',
          'TYPEOF is not supported by the Trellis local org',
          'TYPEOF',
          'select',
        );
    }
  }
  return { select, entries, columns, idSelected };
}
