/**
 * Aggregate queries (GROUP BY, aggregate and date functions): AggregateResult
 * rows keyed by alias or `exprN`. Unlike a records query, every field named
 * in SELECT, HAVING or ORDER BY must be grouped or aggregated, as Salesforce
 * checks it.
 */
import type { OrderByClause, Query } from '@jetstreamapp/soql-parser-js';
import { fieldColumn, functionColumn } from './columns.ts';
import type { Compilation } from './compilation.ts';
import { condition, whereCondition } from './conditions.ts';
import type { AggregateScope } from './conditions.ts';
import { SoqlError } from './errors.ts';
import { NUMBER_TYPES } from './fields.ts';
import { AGGREGATES, DATE_FUNCTIONS, aggregateExpr, dateFunction } from './functions.ts';
import { groupBySql, groupItem, groupList } from './group.ts';
import { direction, orderList, sortKeys, sorted } from './order.ts';
import { conditionTree } from './parse.ts';
import type { AggregatePlan, ValueFormat } from './plan.ts';
import { resolve } from './scope.ts';
import type { Scope } from './scope.ts';
import { rawOf } from './select.ts';
import { allOf, frag, join, quote, sql } from './sql.ts';
import type { Frag } from './sql.ts';
import type { QueryColumn } from './types.ts';

/** One ORDER BY item: an aggregate, or something the query groups by. */
function aggregateOrder(c: Compilation, scope: Scope, grouped: Set<string>, o: OrderByClause): Frag {
  const dir = direction(o);
  if ('fn' in o) {
    const name = (o.fn.functionName ?? '').toUpperCase();
    if (AGGREGATES.has(name)) return frag(`${aggregateExpr(c, scope, o.fn, 'order').expr} ${dir}`);
    const date = dateFunction(c, scope, o.fn, 'order');
    if (!grouped.has(date.key)) {
      throw c.source.error(
        'MALFORMED_QUERY',
        `Ordered field must be grouped or aggregated: ${o.fn.rawValue ?? name}`,
        o.fn.functionName,
        'order',
      );
    }
    return frag(`${date.expr} ${dir}`);
  }
  const resolved = resolve(c, scope, o.field, 'order');
  if (!grouped.has(resolved.key)) {
    throw c.source.error(
      'MALFORMED_QUERY',
      `Ordered field must be grouped or aggregated: ${o.field}`,
      o.field,
      'order',
    );
  }
  return sorted(sortKeys(c, resolved), o);
}

export function aggregatePlan(c: Compilation, scope: Scope, query: Query): AggregatePlan {
  const groups = groupList(query).map((g) => groupItem(c, scope, g));
  const grouped = new Set(groups.map((g) => g.key));
  const items: AggregatePlan['items'] = [];
  const columns: QueryColumn[] = [];
  const select: Frag[] = [];
  const keys = new Set<string>();
  let expr = 0;

  const add = (key: string, e: string, format: ValueFormat, meta: QueryColumn): void => {
    if (keys.has(key.toLowerCase())) throw new SoqlError('MALFORMED_QUERY', `duplicate alias: ${key}`);
    keys.add(key.toLowerCase());
    const col = c.col();
    select.push(frag(`${e} AS ${col}`));
    items.push({ key, col, format });
    columns.push(meta);
  };

  for (const item of query.fields ?? []) {
    if (item.type === 'Field' || item.type === 'FieldRelationship') {
      const raw = item.type === 'Field' ? item.field : [...item.relationships, item.field].join('.');
      const resolved = resolve(c, scope, raw, 'select');
      if (!grouped.has(resolved.key)) {
        throw c.source.error(
          'MALFORMED_QUERY',
          `Field must be grouped or aggregated: ${rawOf(item, raw)}`,
          rawOf(item, raw),
          'select',
        );
      }
      const key =
        ('alias' in item && typeof item.alias === 'string' ? item.alias : undefined) ?? resolved.field.name;
      add(
        key,
        resolved.expr,
        { kind: 'field', field: resolved.field, toLabel: false },
        fieldColumn(resolved.field, key),
      );
    } else if (item.type === 'FieldFunctionExpression') {
      const name = item.functionName.toUpperCase();
      const display = item.rawValue ?? `${item.functionName}()`;
      if (AGGREGATES.has(name)) {
        const agg = aggregateExpr(c, scope, item, 'select');
        const key = item.alias ?? `expr${expr++}`;
        const numeric = agg.format.kind !== 'field' || NUMBER_TYPES.has(agg.format.field.type);
        add(key, agg.expr, agg.format, functionColumn(key, display, numeric));
      } else if (name in DATE_FUNCTIONS) {
        const date = dateFunction(c, scope, item, 'select');
        // A date function of a grouped date field has one value per group: it needs no GROUP BY of its own.
        const fieldKey = date.key.slice(date.key.indexOf('(') + 1, -1);
        const byField = date.field.type === 'date' && grouped.has(fieldKey);
        if (!grouped.has(date.key) && !byField) {
          throw c.source.error(
            'MALFORMED_QUERY',
            `Field must be grouped or aggregated: ${display}`,
            item.functionName,
            'select',
          );
        }
        const key = item.alias ?? `expr${expr++}`;
        add(
          key,
          date.expr,
          name === 'DAY_ONLY' ? { kind: 'date' } : { kind: 'count' },
          functionColumn(key, display, name !== 'DAY_ONLY'),
        );
      } else {
        throw c.source.error(
          'MALFORMED_QUERY',
          `${item.functionName}() can not be used in an aggregate query`,
          item.functionName,
          'select',
        );
      }
    } else if (item.type === 'FieldSubquery') {
      throw c.source.error(
        'MALFORMED_QUERY',
        'Child relationship subqueries can not be used in an aggregate query',
        item.subquery.relationshipName,
        'select',
      );
    } else {
      throw c.source.error(
        'MALFORMED_QUERY',
        'TYPEOF is not supported by the Trellis local org',
        'TYPEOF',
        'select',
      );
    }
  }

  const aggregateScope: AggregateScope = { grouped };
  const where = whereCondition(c, scope, query.where);
  const havingTree = conditionTree(query.having, c.source, 'having');
  const having = havingTree ? condition(c, scope, havingTree, 'having', aggregateScope) : undefined;
  const order = orderList(query).map((o) => aggregateOrder(c, scope, grouped, o));

  const statement = sql(
    'SELECT ',
    join(select, ', '),
    ` FROM ${quote(scope.object.name)} ${scope.alias} `,
    join(scope.joinFrags(), ' '),
    ' WHERE ',
    allOf([...c.baseFilters(scope.object, scope.alias), where]),
    groupBySql(groups),
    having ? sql(' HAVING ', having) : '',
    order.length ? sql(' ORDER BY ', join(order, ', ')) : '',
    frag(' LIMIT ? OFFSET ?', [query.limit ?? -1, query.offset ?? 0]),
  );
  return { kind: 'aggregate', object: scope.object, items, columns, groupBy: groups.length > 0, statement };
}
