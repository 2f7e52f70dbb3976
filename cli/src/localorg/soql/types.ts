/** The SOQL engine's public types: what a caller passes in and what it gets back. */
import type { DatabaseSync } from 'node:sqlite';
import type { OrgSchema } from '../schema/types.ts';

export type SqlParam = string | number | null;

export interface SoqlContext {
  schema: OrgSchema;
  db: DatabaseSync;
  /** `'64.0'`: used in `attributes.url`, `/services/data/v64.0/sobjects/Account/001...`. */
  apiVersion: string;
  /** Date literals (`TODAY`, `LAST_N_DAYS:n`, `THIS_QUARTER`...) are computed from it, in UTC. */
  now: Date;
  /** queryAll: rows with `IsDeleted = 1` are included; otherwise they are left out. */
  includeDeleted: boolean;
  /** Extra row filter per object, for a partner user's visibility: SQL over the table's alias, with params. */
  rowFilter?: (objectName: string, tableAlias: string) => { sql: string; params: SqlParam[] } | null;
}

export interface QueryResult {
  totalSize: number;
  done: true;
  records: Record<string, unknown>[];
}

/** One entry of `columnMetadata`, as `GET /query?q=...&columns=true` answers it. */
export interface QueryColumn {
  aggregate: boolean;
  apexType: string | null;
  booleanType: boolean;
  columnName: string;
  custom: boolean;
  displayName: string;
  foreignKeyName: string | null;
  insertable: boolean;
  joinColumns: QueryColumn[];
  numberType: boolean;
  textType: boolean;
  updatable: boolean;
}

export interface QueryColumns {
  columnMetadata: QueryColumn[];
  entityName: string;
  groupBy: boolean;
  idSelected: boolean;
  keyPrefix: string | null;
}
