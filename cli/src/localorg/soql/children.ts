/**
 * Child relationship subqueries (`SELECT (SELECT Id FROM Contacts) FROM
 * Account`). Each runs as one statement for all the parents at once, not one
 * per parent, so its plan keeps the statement in parts and the parents' ids
 * are put in when it runs; a per-parent LIMIT or OFFSET becomes a window over
 * each parent's rows.
 */
import type { Subquery } from '@jetstreamapp/soql-parser-js';
import type { Compilation } from './compilation.ts';
import { whereCondition } from './conditions.ts';
import { SoqlError } from './errors.ts';
import { isAggregate } from './group.ts';
import { noSuchRelationship } from './messages.ts';
import { recordsOrder } from './order.ts';
import type { RecordsPlan } from './plan.ts';
import { Scope } from './scope.ts';
import { recordShape } from './select.ts';
import { allOf, column, frag, join, quote, sql } from './sql.ts';
import type { Frag } from './sql.ts';

export function childPlan(c: Compilation, parent: Scope, sub: Subquery): { key: string; plan: RecordsPlan } {
  const wanted = sub.relationshipName.toLowerCase();
  const relationship = parent.object.childRelationships.find(
    (r) => r.relationshipName.toLowerCase() === wanted,
  );
  const object = relationship ? c.schema.object(relationship.childSObject) : undefined;
  const fk = relationship && object ? c.fieldOf(object, relationship.field) : undefined;
  if (!relationship || !object || !fk) {
    const written = [...(sub.sObjectPrefix ?? []), sub.relationshipName].join('.');
    throw c.source.error(
      'INVALID_TYPE',
      noSuchRelationship(sub.relationshipName, 'FROM part of query call'),
      written,
    );
  }
  if (isAggregate(sub)) {
    throw c.source.error(
      'MALFORMED_QUERY',
      'Aggregate functions and GROUP BY are not supported in a child relationship subquery',
      sub.relationshipName,
    );
  }
  if (sub.offset !== undefined && sub.offset > 2000) {
    throw new SoqlError('NUMBER_OUTSIDE_VALID_RANGE', 'Maximum SOQL offset allowed is 2000');
  }
  const scope = new Scope(object, c.alias(), undefined, true);
  const shape = recordShape(c, scope, sub, (p, s) => childPlan(c, p, s));
  const fkExpr = column(scope.alias, fk.name);
  const where = whereCondition(c, scope, sub.where);
  const order = recordsOrder(c, scope, sub);
  const head = sql(
    'SELECT ',
    join([frag(`${column(scope.alias, 'Id')} AS __id`), frag(`${fkExpr} AS __fk`), ...shape.select], ', '),
  );
  const from = sql(` FROM ${quote(object.name)} ${scope.alias} `, join(scope.joinFrags(), ' '));
  const plan: RecordsPlan = {
    kind: 'records',
    object,
    entries: shape.entries,
    columns: shape.columns,
    idSelected: shape.idSelected,
    statement: frag(''),
    child: {
      head,
      from,
      where: allOf([...c.baseFilters(object, scope.alias), where]),
      order,
      fk: fkExpr,
      ...(sub.limit !== undefined ? { limit: sub.limit } : {}),
      ...(sub.offset !== undefined ? { offset: sub.offset } : {}),
    },
  };
  return { key: relationship.relationshipName, plan };
}

/** The statement of a child subquery for a set of parent ids. */
export function childStatement(plan: RecordsPlan, parentIds: readonly string[]): Frag {
  const child = plan.child;
  if (!child) return plan.statement;
  const filter = allOf([
    frag(`${child.fk} IN (SELECT value FROM json_each(?))`, [JSON.stringify(parentIds)]),
    child.where,
  ]);
  if (child.limit === undefined && child.offset === undefined) {
    return sql(child.head, child.from, ' WHERE ', filter, ' ORDER BY ', child.order);
  }
  const offset = child.offset ?? 0;
  const windowed = sql(
    child.head,
    ', ROW_NUMBER() OVER (PARTITION BY ',
    child.fk,
    ' ORDER BY ',
    child.order,
    ') AS __rn',
    child.from,
    ' WHERE ',
    filter,
  );
  const upper = child.limit === undefined ? '' : ' AND __rn <= ?';
  return sql(
    'SELECT * FROM (',
    windowed,
    frag(
      `) WHERE __rn > ?${upper} ORDER BY __rn`,
      child.limit === undefined ? [offset] : [offset, offset + child.limit],
    ),
  );
}
