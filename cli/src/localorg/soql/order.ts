/**
 * ORDER BY as SQL sort keys. Salesforce sorts picklists in the order their
 * values are defined, not alphabetically; and rows that tie must still come
 * back in a stable order (the order they were inserted), so records queries
 * end on a `rowid` tie-break.
 */
import type { OrderByClause, Query, Subquery } from '@jetstreamapp/soql-parser-js';
import type { Compilation } from './compilation.ts';
import { resolve, valueExpr } from './scope.ts';
import type { Resolved, Scope } from './scope.ts';
import { frag, join } from './sql.ts';
import type { Frag } from './sql.ts';

export function orderList(query: Query | Subquery): OrderByClause[] {
  return query.orderBy === undefined ? [] : Array.isArray(query.orderBy) ? query.orderBy : [query.orderBy];
}

export function direction(order: OrderByClause): string {
  const dir = (order.order ?? 'ASC').toUpperCase() === 'DESC' ? 'DESC' : 'ASC';
  return order.nulls ? `${dir} NULLS ${order.nulls.toUpperCase() === 'LAST' ? 'LAST' : 'FIRST'}` : dir;
}

/** The sort keys of a field: picklists sort in the order their values are defined, as in Salesforce. */
export function sortKeys(c: Compilation, resolved: Resolved): Frag[] {
  const field = resolved.field;
  if (!field.sortable || field.type === 'multipicklist') {
    throw c.source.error(
      'MALFORMED_QUERY',
      `field '${field.name}' can not be sorted in a query call`,
      resolved.raw,
      'order',
    );
  }
  const e = resolved.expr;
  if (field.type === 'picklist' && field.picklistValues.length > 0) {
    const values = field.picklistValues.map((p) => p.value);
    const whens = values.map((_, i) => `WHEN ? THEN ${i}`).join(' ');
    return [
      frag(
        `CASE ${e} ${whens} ELSE (CASE WHEN ${e} IS NULL THEN NULL ELSE ${values.length} END) END`,
        values,
      ),
      frag(e),
    ];
  }
  return [frag(valueExpr(resolved))];
}

export function sorted(keys: Frag[], order: OrderByClause): Frag {
  const dir = direction(order);
  return join(
    keys.map((k) => ({ sql: `${k.sql} ${dir}`, params: k.params })),
    ', ',
  );
}

/** The ORDER BY of a records query or child subquery, never empty: the tie-break is always there. */
export function recordsOrder(c: Compilation, scope: Scope, query: Query | Subquery): Frag {
  const parts = orderList(query).map((order) => {
    if ('fn' in order) {
      throw c.source.error(
        'MALFORMED_QUERY',
        `Ordered field must be grouped or aggregated: ${order.fn.rawValue ?? order.fn.functionName ?? ''}`,
        order.fn.functionName,
        'order',
      );
    }
    return sorted(sortKeys(c, resolve(c, scope, order.field, 'order')), order);
  });
  const last = orderList(query).at(-1);
  const tie = last && (last.order ?? 'ASC').toUpperCase() === 'DESC' ? 'DESC' : 'ASC';
  parts.push(frag(`${scope.alias}.rowid ${tie}`));
  return join(parts, ', ');
}
