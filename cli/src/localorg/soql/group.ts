/**
 * GROUP BY, and what makes a query an aggregate query. Both COUNT() and
 * aggregate queries group, and the `key` of each grouped item is what the
 * SELECT list, HAVING and ORDER BY are checked against.
 */
import type { GroupByClause, Query, Subquery } from '@jetstreamapp/soql-parser-js';
import type { FieldSchema } from '../schema/types.ts';
import type { Compilation } from './compilation.ts';
import { AGGREGATES, DATE_FUNCTIONS, dateFunction } from './functions.ts';
import { resolve } from './scope.ts';
import type { Scope } from './scope.ts';

/** GROUP BY, aggregate functions or date functions: the rows answered are AggregateResults. */
export function isAggregate(query: Query | Subquery): boolean {
  if (query.groupBy !== undefined && (!Array.isArray(query.groupBy) || query.groupBy.length > 0)) return true;
  return (query.fields ?? []).some((f) => {
    if (f.type !== 'FieldFunctionExpression') return false;
    const name = f.functionName.toUpperCase();
    return AGGREGATES.has(name) || name in DATE_FUNCTIONS;
  });
}

export function groupList(query: Query): GroupByClause[] {
  return query.groupBy === undefined ? [] : Array.isArray(query.groupBy) ? query.groupBy : [query.groupBy];
}

export function groupItem(
  c: Compilation,
  scope: Scope,
  group: GroupByClause,
): { expr: string; key: string; field: FieldSchema } {
  if ('fn' in group) {
    const name = (group.fn.functionName ?? '').toUpperCase();
    if (name === 'ROLLUP' || name === 'CUBE') {
      throw c.source.error(
        'MALFORMED_QUERY',
        `GROUP BY ${name} is not supported by the Trellis local org`,
        group.fn.functionName,
        'group',
      );
    }
    return dateFunction(c, scope, group.fn, 'group');
  }
  const resolved = resolve(c, scope, group.field, 'group');
  if (!resolved.field.groupable || resolved.field.type === 'multipicklist') {
    throw c.source.error(
      'MALFORMED_QUERY',
      `field '${resolved.field.name}' can not be grouped in a query call`,
      group.field,
      'group',
    );
  }
  return { expr: resolved.expr, key: resolved.key, field: resolved.field };
}

/** The GROUP BY of a statement: empty when there is none. */
export function groupBySql(groups: readonly { expr: string }[]): string {
  return groups.length ? ` GROUP BY ${groups.map((g) => g.expr).join(', ')}` : '';
}
