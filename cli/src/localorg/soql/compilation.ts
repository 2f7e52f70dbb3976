/**
 * The state one compilation shares across all its parts: the schema, the
 * caller's context, the query text for located errors, and the counters that
 * keep SQL table aliases and result column names unique across the main
 * query, its joins, its child subqueries and its semi-joins.
 */
import type { FieldSchema, OrgSchema, SObjectSchema } from '../schema/types.ts';
import { ID_FIELD } from './fields.ts';
import { Source } from './source.ts';
import { column, frag } from './sql.ts';
import type { Frag } from './sql.ts';
import type { SoqlContext } from './types.ts';

export class Compilation {
  readonly schema: OrgSchema;
  readonly context: SoqlContext;
  readonly source: Source;
  private aliases = 0;
  private columns = 0;

  constructor(text: string, context: SoqlContext) {
    this.context = context;
    this.schema = context.schema;
    this.source = new Source(text);
  }

  /** A fresh table alias: `t0`, `t1`... */
  alias(): string {
    return `t${this.aliases++}`;
  }

  /** A fresh result column name: `c0`, `c1`... */
  col(): string {
    return `c${this.columns++}`;
  }

  fieldOf(object: SObjectSchema, name: string): FieldSchema | undefined {
    return this.schema.field(object.name, name) ?? (name.toLowerCase() === 'id' ? ID_FIELD : undefined);
  }

  /** Filters every row of an object's table carries: soft deletes and the caller's visibility. */
  baseFilters(object: SObjectSchema, alias: string): Frag[] {
    const filters: Frag[] = [];
    if (!this.context.includeDeleted && object.fields.some((f) => f.name === 'IsDeleted')) {
      filters.push(frag(`${column(alias, 'IsDeleted')} = 0`));
    }
    const visible = this.context.rowFilter?.(object.name, alias);
    if (visible) filters.push(frag(visible.sql, visible.params));
    return filters;
  }
}
