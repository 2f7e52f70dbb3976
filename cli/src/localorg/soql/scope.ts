/**
 * Field paths and the joins they cause. A scope is one FROM object (the
 * query's, a child subquery's or a semi-join's) with the parent tables its
 * paths have joined so far; a path walked twice (`Account.Name`,
 * `Account.Industry`) reuses the same join, so the joins live on the scope.
 */
import type { FieldSchema, SObjectSchema } from '../schema/types.ts';
import type { Compilation } from './compilation.ts';
import { noSuchColumn, noSuchRelationship } from './messages.ts';
import type { Clause } from './source.ts';
import { allOf, column, frag, quote, sql } from './sql.ts';
import type { Frag } from './sql.ts';

export interface JoinInfo {
  alias: string;
  object: SObjectSchema;
  fk: FieldSchema;
  relationshipName: string;
  frag: Frag;
}

export class Scope {
  readonly object: SObjectSchema;
  readonly alias: string;
  readonly soqlAlias: string | undefined;
  /** A child subquery or a semi-join: its names are not located by the outer query's clauses. */
  readonly nested: boolean;
  readonly joins = new Map<string, JoinInfo>();

  constructor(object: SObjectSchema, alias: string, soqlAlias: string | undefined, nested = false) {
    this.object = object;
    this.alias = alias;
    this.soqlAlias = soqlAlias;
    this.nested = nested;
  }

  /** The clause an error is located in. */
  at(clause: Clause | undefined): Clause | undefined {
    return this.nested ? undefined : clause;
  }

  joinFrags(): Frag[] {
    return [...this.joins.values()].map((j) => j.frag);
  }
}

export interface Resolved {
  field: FieldSchema;
  owner: SObjectSchema;
  /** The SQL column. */
  expr: string;
  /** Relationships walked, from the scope's object outwards. */
  chain: JoinInfo[];
  /** Identity for GROUP BY matching: `account.owner.name`. */
  key: string;
  raw: string;
}

function relationshipField(object: SObjectSchema, name: string): FieldSchema | undefined {
  const wanted = name.toLowerCase();
  return object.fields.find((f) => f.relationshipName?.toLowerCase() === wanted);
}

/** A field path (`Name`, `Account.Owner.Name`, `c.Account.Name`), joining the parents it walks. */
export function resolve(c: Compilation, scope: Scope, path: string, clause: Clause | undefined): Resolved {
  let segments = path.split('.');
  if (segments.length > 1) {
    const first = (segments[0] ?? '').toLowerCase();
    if (scope.soqlAlias && first === scope.soqlAlias.toLowerCase()) segments = segments.slice(1);
    else if (first === scope.object.name.toLowerCase() && !relationshipField(scope.object, first)) {
      segments = segments.slice(1);
    }
  }
  let object = scope.object;
  let alias = scope.alias;
  let key = '';
  const chain: JoinInfo[] = [];
  for (const segment of segments.slice(0, -1)) {
    const fk = relationshipField(object, segment);
    const target = fk?.referenceTo.map((name) => c.schema.object(name)).find((o) => o !== undefined);
    if (!fk || !target) {
      throw c.source.error(
        'INVALID_FIELD',
        noSuchRelationship(segment, 'field path'),
        path,
        scope.at(clause),
      );
    }
    key += `${(fk.relationshipName ?? segment).toLowerCase()}.`;
    let joined = scope.joins.get(key);
    if (!joined) {
      const joinAlias = c.alias();
      const on = allOf([
        frag(`${column(joinAlias, 'Id')} = ${column(alias, fk.name)}`),
        ...c.baseFilters(target, joinAlias),
      ]);
      joined = {
        alias: joinAlias,
        object: target,
        fk,
        relationshipName: fk.relationshipName ?? segment,
        frag: sql(`LEFT JOIN ${quote(target.name)} ${joinAlias} ON `, on),
      };
      scope.joins.set(key, joined);
    }
    chain.push(joined);
    object = target;
    alias = joined.alias;
  }
  const last = segments[segments.length - 1] ?? '';
  const field = c.fieldOf(object, last);
  if (!field) throw c.source.error('INVALID_FIELD', noSuchColumn(last, object.name), path, scope.at(clause));
  return {
    field,
    owner: object,
    expr: column(alias, field.name),
    chain,
    key: key + field.name.toLowerCase(),
    raw: path,
  };
}

/** The SQL value of a field for comparisons and sorting: booleans of missing parents are false. */
export function valueExpr(resolved: { field: FieldSchema; expr: string }): string {
  return resolved.field.type === 'boolean' ? `IFNULL(${resolved.expr}, 0)` : resolved.expr;
}
