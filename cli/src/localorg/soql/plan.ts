/**
 * What a compiled query is: the SQL statement and the shape its rows are
 * turned into. It is the one contract between the compiler and `execute.ts`,
 * so it lives apart from both and depends on neither.
 */
import type { FieldSchema, SObjectSchema } from '../schema/types.ts';
import type { Frag } from './sql.ts';
import type { QueryColumn } from './types.ts';

/** How a result value is turned into JSON. */
export type ValueFormat =
  | { kind: 'field'; field: FieldSchema; toLabel: boolean }
  | { kind: 'count' }
  | { kind: 'number' }
  | { kind: 'date' };

export type Entry =
  | { kind: 'field'; key: string; col: string; format: ValueFormat }
  | { kind: 'parent'; key: string; object: SObjectSchema; idCol: string; entries: Entry[] }
  | { kind: 'child'; key: string; plan: RecordsPlan };

export interface RecordsPlan {
  kind: 'records';
  object: SObjectSchema;
  entries: Entry[];
  columns: QueryColumn[];
  idSelected: boolean;
  /** For a root query: the statement. For a child subquery: built per run with the parents' ids. */
  statement: Frag;
  /** Child subqueries: the statement's parts, around the parents' ids. */
  child?: { head: Frag; from: Frag; where: Frag; order: Frag; fk: string; limit?: number; offset?: number };
}

export interface AggregatePlan {
  kind: 'aggregate';
  object: SObjectSchema;
  items: { key: string; col: string; format: ValueFormat }[];
  columns: QueryColumn[];
  groupBy: boolean;
  statement: Frag;
}

export interface CountPlan {
  kind: 'count';
  object: SObjectSchema;
  statement: Frag;
}

export type Plan = RecordsPlan | AggregatePlan | CountPlan;
