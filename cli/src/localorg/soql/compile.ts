/**
 * SOQL to SQL: the entry point. A parsed query becomes a plan (`plan.ts`):
 * the SQL statement (every literal a bound parameter, every identifier from
 * the schema), and the shape the rows are turned into. This module checks
 * what no single clause owns and picks the kind of plan; each kind is built
 * by its own module (`records.ts`, `aggregate.ts`, `count.ts`).
 *
 * Storage convention: see `schema/types.ts` (a table per sObject, a column per
 * field, text columns COLLATE NOCASE, booleans 0/1, dates and datetimes as
 * ISO text in UTC).
 */
import type { Query } from '@jetstreamapp/soql-parser-js';
import { aggregatePlan } from './aggregate.ts';
import { Compilation } from './compilation.ts';
import { countPlan } from './count.ts';
import { SoqlError } from './errors.ts';
import { isAggregate } from './group.ts';
import { unsupportedType } from './messages.ts';
import { parseSoql } from './parse.ts';
import type { Plan } from './plan.ts';
import { recordsPlan } from './records.ts';
import { Scope } from './scope.ts';
import type { Source } from './source.ts';
import type { SoqlContext } from './types.ts';

/** Whole-query options the local org does not support, or Salesforce's limits on them. */
function checkClauses(source: Source, query: Query): void {
  if (query.offset !== undefined && query.offset > 2000) {
    throw new SoqlError('NUMBER_OUTSIDE_VALID_RANGE', 'Maximum SOQL offset allowed is 2000');
  }
  if (query.usingScope && query.usingScope.toLowerCase() !== 'everything') {
    throw source.error(
      'MALFORMED_QUERY',
      `USING SCOPE ${query.usingScope} is not supported by the Trellis local org`,
      query.usingScope,
    );
  }
  if (query.withDataCategory) {
    throw new SoqlError('MALFORMED_QUERY', 'WITH DATA CATEGORY is not supported by the Trellis local org');
  }
}

export function compileSoql(text: string, context: SoqlContext): Plan {
  const c = new Compilation(text, context);
  const query = parseSoql(c.source.text);
  const name = query.sObject ?? '';
  const object = c.schema.object(name);
  if (!object) throw c.source.error('INVALID_TYPE', unsupportedType(name), name, 'from');
  const scope = new Scope(object, c.alias(), query.sObjectAlias);
  checkClauses(c.source, query);
  const items = query.fields ?? [];
  const isCount =
    items.length > 0 &&
    items.some(
      (f) =>
        f.type === 'FieldFunctionExpression' &&
        f.functionName.toUpperCase() === 'COUNT' &&
        f.parameters.length === 0,
    );
  if (isCount) return countPlan(c, scope, query);
  if (isAggregate(query)) return aggregatePlan(c, scope, query);
  return recordsPlan(c, scope, query);
}
