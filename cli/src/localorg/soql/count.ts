/**
 * `SELECT COUNT() FROM ...`: no records, only `totalSize`. It counts what the
 * query would answer, LIMIT, OFFSET and GROUP BY included, so the query runs
 * as a subquery and its rows are counted.
 */
import type { Query } from '@jetstreamapp/soql-parser-js';
import type { Compilation } from './compilation.ts';
import { whereCondition } from './conditions.ts';
import { groupBySql, groupItem, groupList } from './group.ts';
import type { CountPlan } from './plan.ts';
import type { Scope } from './scope.ts';
import { allOf, frag, join, quote, sql } from './sql.ts';

export function countPlan(c: Compilation, scope: Scope, query: Query): CountPlan {
  if ((query.fields ?? []).length > 1) {
    throw c.source.error(
      'MALFORMED_QUERY',
      'COUNT() must be the only element in the SELECT list',
      'COUNT',
      'select',
    );
  }
  const where = whereCondition(c, scope, query.where);
  const groups = groupList(query).map((g) => groupItem(c, scope, g));
  const inner = sql(
    `SELECT 1 FROM ${quote(scope.object.name)} ${scope.alias} `,
    join(scope.joinFrags(), ' '),
    ' WHERE ',
    allOf([...c.baseFilters(scope.object, scope.alias), where]),
    groupBySql(groups),
    frag(' LIMIT ? OFFSET ?', [query.limit ?? -1, query.offset ?? 0]),
  );
  return { kind: 'count', object: scope.object, statement: sql('SELECT COUNT(*) AS n FROM (', inner, ')') };
}
