/**
 * `columnMetadata` for `GET /query?columns=true`: the sf CLI lays out
 * `sf data query` tables from it, so each selected field, function and
 * relationship path is described the way Salesforce describes it.
 */
import type { FieldSchema } from '../schema/types.ts';
import { ID_TYPES, NUMBER_TYPES, TEXT_TYPES } from './fields.ts';
import type { Resolved } from './scope.ts';
import type { QueryColumn } from './types.ts';

export function fieldColumn(field: FieldSchema, name = field.name): QueryColumn {
  const apexType = ID_TYPES.has(field.type)
    ? 'Id'
    : field.type === 'boolean'
      ? 'Boolean'
      : field.type === 'int'
        ? 'Integer'
        : NUMBER_TYPES.has(field.type)
          ? 'Double'
          : field.type === 'date'
            ? 'Date'
            : field.type === 'datetime'
              ? 'Datetime'
              : 'String';
  return {
    aggregate: false,
    apexType,
    booleanType: field.type === 'boolean',
    columnName: name,
    custom: field.custom,
    displayName: name,
    foreignKeyName: null,
    insertable: field.createable,
    joinColumns: [],
    numberType: NUMBER_TYPES.has(field.type),
    textType: TEXT_TYPES.has(field.type),
    updatable: field.updateable,
  };
}

export function functionColumn(name: string, display: string, numberType: boolean): QueryColumn {
  return {
    aggregate: true,
    apexType: null,
    booleanType: false,
    columnName: name,
    custom: false,
    displayName: display,
    foreignKeyName: null,
    insertable: false,
    joinColumns: [],
    numberType,
    textType: false,
    updatable: false,
  };
}

/** A field reached through parents: each relationship wraps the column of what it leads to. */
export function pathColumn(resolved: Resolved): QueryColumn {
  let column = fieldColumn(resolved.field);
  for (const link of [...resolved.chain].reverse()) {
    column = {
      ...functionColumn(link.relationshipName, link.relationshipName, false),
      aggregate: false,
      foreignKeyName: link.fk.name,
      joinColumns: [column],
    };
  }
  return column;
}
