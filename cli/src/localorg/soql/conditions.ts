/**
 * WHERE and HAVING: the condition tree walked into SQL, each comparison's
 * left side resolved (a field, an aggregate or a date function, checked
 * against GROUP BY in HAVING), and semi-joins (`Id IN (SELECT ...)`), which
 * are conditions over a scope of their own.
 */
import type { Query, WhereClause } from '@jetstreamapp/soql-parser-js';
import type { FieldSchema, SObjectSchema } from '../schema/types.ts';
import type { Compilation } from './compilation.ts';
import { comparison } from './comparison.ts';
import { ID_FIELD, ID_TYPES } from './fields.ts';
import { AGGREGATES, aggregateExpr, dateFunction } from './functions.ts';
import type { Target } from './literals.ts';
import { unsupportedType } from './messages.ts';
import { conditionTree } from './parse.ts';
import type { CondNode, Leaf } from './parse.ts';
import { resolve, Scope, valueExpr } from './scope.ts';
import type { Clause } from './source.ts';
import { allOf, frag, join, quote, sql } from './sql.ts';
import type { Frag } from './sql.ts';

/** In HAVING: what the query groups by, the only plain fields a condition may name. */
export interface AggregateScope {
  /** Keys of the grouped fields and date functions. */
  grouped: Set<string>;
}

export function condition(
  c: Compilation,
  scope: Scope,
  node: CondNode,
  clause: Clause | undefined,
  aggregate?: AggregateScope,
): Frag {
  switch (node.kind) {
    case 'and':
    case 'or': {
      const parts = node.items.map((item) => condition(c, scope, item, clause, aggregate));
      const joined = join(
        parts.map((p) => ({ sql: `(${p.sql})`, params: p.params })),
        node.kind === 'and' ? ' AND ' : ' OR ',
      );
      return joined;
    }
    case 'not': {
      const inner = condition(c, scope, node.item, clause, aggregate);
      return sql('NOT IFNULL((', inner, '), 0)');
    }
    case 'leaf':
      return leafCondition(c, scope, node.leaf, clause, aggregate);
  }
}

/** A WHERE clause as SQL; `undefined` when the query has none. */
export function whereCondition(
  c: Compilation,
  scope: Scope,
  where: WhereClause | undefined,
): Frag | undefined {
  const tree = conditionTree(where, c.source, 'where');
  return tree ? condition(c, scope, tree, 'where') : undefined;
}

function leafCondition(
  c: Compilation,
  scope: Scope,
  leaf: Leaf,
  clause: Clause | undefined,
  aggregate?: AggregateScope,
): Frag {
  const upper: string = leaf.operator.toUpperCase();
  const operator = upper === '<>' ? '!=' : upper;
  if (leaf.valueQuery) return semiJoin(c, scope, leaf, operator, clause);
  const where = scope.at(clause);
  let target: Target;
  if (leaf.fn) {
    const name = (leaf.fn.functionName ?? '').toUpperCase();
    if (AGGREGATES.has(name)) {
      if (!aggregate) {
        throw c.source.error(
          'MALFORMED_QUERY',
          `unexpected token: '${leaf.fn.functionName ?? ''}'`,
          leaf.fn.functionName,
          where,
        );
      }
      const agg = aggregateExpr(c, scope, leaf.fn, clause);
      // A count or a sum has no field: a pseudo-field of its type checks the literal it is compared with.
      const field: FieldSchema =
        agg.format.kind === 'field'
          ? agg.format.field
          : {
              ...ID_FIELD,
              name: leaf.fn.rawValue ?? name,
              type: agg.format.kind === 'count' ? 'int' : 'double',
            };
      target = { expr: agg.expr, field, name: leaf.fn.rawValue ?? name, raw: leaf.fn.rawValue ?? name };
    } else {
      const date = dateFunction(c, scope, leaf.fn, clause);
      if (aggregate && !aggregate.grouped.has(date.key)) {
        throw c.source.error(
          'MALFORMED_QUERY',
          `Field must be grouped or aggregated: ${leaf.fn.rawValue ?? name}`,
          leaf.fn.functionName,
          where,
        );
      }
      const field: FieldSchema = { ...ID_FIELD, name, type: name === 'DAY_ONLY' ? 'date' : 'int' };
      target = {
        expr: date.expr,
        field,
        name: leaf.fn.rawValue ?? name,
        raw: leaf.fn.functionName ?? name,
      };
    }
  } else {
    const path = leaf.field ?? '';
    const resolved = resolve(c, scope, path, clause);
    if (aggregate && !aggregate.grouped.has(resolved.key)) {
      throw c.source.error('MALFORMED_QUERY', `Field must be grouped or aggregated: ${path}`, path, clause);
    }
    target = {
      expr: valueExpr(resolved),
      field: resolved.field,
      name: resolved.field.name,
      raw: path,
    };
  }
  return comparison(c, target, operator, leaf, where);
}

function semiJoin(
  c: Compilation,
  scope: Scope,
  leaf: Leaf,
  operator: string,
  clause: Clause | undefined,
): Frag {
  const path = leaf.field ?? '';
  const sub = leaf.valueQuery as Query;
  if (clause === 'having') {
    throw c.source.error(
      'MALFORMED_QUERY',
      'Semi join sub-selects are not allowed in a HAVING clause',
      path,
      scope.at(clause),
    );
  }
  const left = resolve(c, scope, path, clause);
  if (left.chain.length > 0 || !ID_TYPES.has(left.field.type)) {
    throw c.source.error(
      'MALFORMED_QUERY',
      `The left operand of a semi join or anti join must be an Id or reference field of ${scope.object.name}: ${path}`,
      path,
      scope.at(clause),
    );
  }
  if (operator !== 'IN' && operator !== 'NOT IN') {
    throw c.source.error('MALFORMED_QUERY', `unexpected token: '${leaf.operator}'`, leaf.operator, clause);
  }
  const name = sub.sObject ?? '';
  const object = c.schema.object(name);
  if (!object) throw c.source.error('INVALID_TYPE', unsupportedType(name), name);
  const selected = sub.fields ?? [];
  const only = selected[0];
  if (selected.length !== 1 || only?.type !== 'Field') {
    throw c.source.error(
      'MALFORMED_QUERY',
      'Semi join sub-selects can select only one field, an Id or reference field, without relationships',
      name,
    );
  }
  const subScope = new Scope(object, c.alias(), sub.sObjectAlias, true);
  const selectedField = resolve(c, subScope, only.field, 'where');
  const targetsOf = (field: FieldSchema, owner: SObjectSchema): string[] =>
    (field.type === 'id' ? [owner.name] : field.referenceTo).map((t) => t.toLowerCase());
  const leftTargets = targetsOf(left.field, left.owner);
  if (
    !ID_TYPES.has(selectedField.field.type) ||
    !targetsOf(selectedField.field, object).some((t) => leftTargets.includes(t))
  ) {
    throw c.source.error(
      'MALFORMED_QUERY',
      `The selected field '${selectedField.field.name}' in the subquery and the left operand field in the where expression in the outer query '${left.field.name}' should point to the same object type`,
      path,
      scope.at(clause),
    );
  }
  const where = whereCondition(c, subScope, sub.where);
  const inner = sql(
    `SELECT ${selectedField.expr} FROM ${quote(object.name)} ${subScope.alias} `,
    join(subScope.joinFrags(), ' '),
    ' WHERE ',
    allOf([frag(`${selectedField.expr} IS NOT NULL`), ...c.baseFilters(object, subScope.alias), where]),
  );
  // The anti-join keeps rows whose field is empty, which SQL's NOT IN alone would drop.
  return operator === 'IN'
    ? sql(`${left.expr} IN (`, inner, ')')
    : sql(`(${left.expr} IS NULL OR ${left.expr} NOT IN (`, inner, '))');
}
