/**
 * A records query: the statement around its SELECT list, with the WHERE,
 * ORDER BY (always, for a stable order), LIMIT and OFFSET. Its child
 * subqueries are planned apart; they run later, once the parents are known.
 */
import type { Query } from '@jetstreamapp/soql-parser-js';
import { childPlan } from './children.ts';
import type { Compilation } from './compilation.ts';
import { whereCondition } from './conditions.ts';
import { recordsOrder } from './order.ts';
import type { RecordsPlan } from './plan.ts';
import type { Scope } from './scope.ts';
import { recordShape } from './select.ts';
import { allOf, column, frag, join, quote, sql } from './sql.ts';

export function recordsPlan(c: Compilation, scope: Scope, query: Query): RecordsPlan {
  const shape = recordShape(c, scope, query, (parent, sub) => childPlan(c, parent, sub));
  const select = [frag(`${column(scope.alias, 'Id')} AS __id`), ...shape.select];
  const where = whereCondition(c, scope, query.where);
  const order = recordsOrder(c, scope, query);
  const statement = sql(
    'SELECT ',
    join(select, ', '),
    ` FROM ${quote(scope.object.name)} ${scope.alias} `,
    join(scope.joinFrags(), ' '),
    ' WHERE ',
    allOf([...c.baseFilters(scope.object, scope.alias), where]),
    ' ORDER BY ',
    order,
    frag(' LIMIT ? OFFSET ?', [query.limit ?? -1, query.offset ?? 0]),
  );
  return {
    kind: 'records',
    object: scope.object,
    entries: shape.entries,
    columns: shape.columns,
    idSelected: shape.idSelected,
    statement,
  };
}
