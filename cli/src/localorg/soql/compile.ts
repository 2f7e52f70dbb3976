/**
 * SOQL to SQL. A parsed query becomes a plan: the SQL statement (every
 * literal a bound parameter, every identifier from the schema), and the shape
 * the rows are turned into: records with `attributes`, parent records nested
 * under their relationship names, child subqueries run as one statement each
 * for all the parents at once, or AggregateResult records.
 *
 * Storage convention: see `schema/types.ts` (a table per sObject, a column per
 * field, text columns COLLATE NOCASE, booleans 0/1, dates and datetimes as
 * ISO text in UTC).
 */
import type {
  FieldType as SelectItem,
  FunctionExp,
  GroupByClause,
  OrderByClause,
  Query,
  Subquery,
} from '@jetstreamapp/soql-parser-js';
import type { FieldSchema, OrgSchema, SObjectSchema } from '../schema/types.ts';
import { SoqlError } from './errors.ts';
import { conditionTree, decodeString, parseSoql } from './parse.ts';
import type { CondNode, Leaf } from './parse.ts';
import { Source } from './source.ts';
import type { Clause } from './source.ts';
import { allOf, column, frag, join, placeholders, quote, sql } from './sql.ts';
import type { Frag } from './sql.ts';
import type { QueryColumn, SoqlContext, SqlParam } from './types.ts';
import { dateLiteralRange, datetimeLiteral, dayStart, normalizeId } from './values.ts';

// ---------------------------------------------------------------------------
// Plans

/** How a result value is turned into JSON. */
export type ValueFormat =
  | { kind: 'field'; field: FieldSchema; toLabel: boolean }
  | { kind: 'count' }
  | { kind: 'number' }
  | { kind: 'date' };

export type Entry =
  | { kind: 'field'; key: string; col: string; format: ValueFormat }
  | { kind: 'parent'; key: string; object: SObjectSchema; idCol: string; entries: Entry[] }
  | { kind: 'child'; key: string; plan: RecordsPlan };

export interface RecordsPlan {
  kind: 'records';
  object: SObjectSchema;
  entries: Entry[];
  columns: QueryColumn[];
  idSelected: boolean;
  /** For a root query: the statement. For a child subquery: built per run with the parents' ids. */
  statement: Frag;
  /** Child subqueries: the statement's parts, around the parents' ids. */
  child?: { head: Frag; from: Frag; where: Frag; order: Frag; fk: string; limit?: number; offset?: number };
}

export interface AggregatePlan {
  kind: 'aggregate';
  object: SObjectSchema;
  items: { key: string; col: string; format: ValueFormat }[];
  columns: QueryColumn[];
  groupBy: boolean;
  statement: Frag;
}

export interface CountPlan {
  kind: 'count';
  object: SObjectSchema;
  statement: Frag;
}

export type Plan = RecordsPlan | AggregatePlan | CountPlan;

// ---------------------------------------------------------------------------
// Vocabulary

const AGGREGATES = new Set(['COUNT', 'COUNT_DISTINCT', 'SUM', 'AVG', 'MIN', 'MAX']);

const DATE_FUNCTIONS: Record<string, (e: string) => string> = {
  CALENDAR_MONTH: (e) => `CAST(strftime('%m', ${e}) AS INTEGER)`,
  CALENDAR_QUARTER: (e) => `((CAST(strftime('%m', ${e}) AS INTEGER) + 2) / 3)`,
  CALENDAR_YEAR: (e) => `CAST(strftime('%Y', ${e}) AS INTEGER)`,
  DAY_IN_MONTH: (e) => `CAST(strftime('%d', ${e}) AS INTEGER)`,
  DAY_IN_WEEK: (e) => `(CAST(strftime('%w', ${e}) AS INTEGER) + 1)`,
  DAY_IN_YEAR: (e) => `CAST(strftime('%j', ${e}) AS INTEGER)`,
  DAY_ONLY: (e) => `date(${e})`,
  FISCAL_MONTH: (e) => `CAST(strftime('%m', ${e}) AS INTEGER)`,
  FISCAL_QUARTER: (e) => `((CAST(strftime('%m', ${e}) AS INTEGER) + 2) / 3)`,
  FISCAL_YEAR: (e) => `CAST(strftime('%Y', ${e}) AS INTEGER)`,
  HOUR_IN_DAY: (e) => `CAST(strftime('%H', ${e}) AS INTEGER)`,
  WEEK_IN_MONTH: (e) => `((CAST(strftime('%d', ${e}) AS INTEGER) - 1) / 7 + 1)`,
  WEEK_IN_YEAR: (e) => `((CAST(strftime('%j', ${e}) AS INTEGER) - 1) / 7 + 1)`,
};

const NUMBER_TYPES = new Set(['double', 'currency', 'percent', 'int']);
const TEXT_TYPES = new Set(['string', 'textarea', 'picklist', 'multipicklist', 'email', 'phone', 'url']);
const ID_TYPES = new Set(['id', 'reference']);

const ID_FIELD: FieldSchema = {
  name: 'Id',
  label: 'Record ID',
  type: 'id',
  soapType: 'tns:ID',
  length: 18,
  precision: 0,
  scale: 0,
  nillable: false,
  required: false,
  createable: false,
  updateable: false,
  filterable: true,
  sortable: true,
  groupable: true,
  defaultValue: null,
  picklistValues: [],
  restrictedPicklist: false,
  referenceTo: [],
  relationshipName: null,
  cascadeDelete: false,
  externalId: false,
  unique: false,
  caseSensitive: false,
  idLookup: true,
  nameField: false,
  custom: false,
  autoNumber: false,
  displayFormat: null,
  inlineHelpText: null,
};

const noSuchColumn = (field: string, entity: string): string =>
  `No such column '${field}' on entity '${entity}'. If you are attempting to use a custom field, be sure to append the '__c' after the custom field name. Please reference your WSDL or the describe call for the appropriate names.`;

const noSuchRelationship = (name: string, where: string): string =>
  `Didn't understand relationship '${name}' in ${where}. If you are attempting to use a custom relationship, be sure to append the '__r' after the custom relationship name. Please reference your WSDL or the describe call for the appropriate names.`;

const unsupportedType = (name: string): string =>
  `sObject type '${name}' is not supported. If you are attempting to use a custom object, be sure to append the '__c' after the entity name. Please reference your WSDL or the describe call for the appropriate names.`;

/** `double`, `date`, `dateTime`... as Salesforce names a field's type in filter errors. */
function filterTypeName(field: FieldSchema): string {
  if (ID_TYPES.has(field.type)) return 'id';
  if (field.type === 'int') return 'int';
  if (NUMBER_TYPES.has(field.type)) return 'double';
  if (field.type === 'boolean') return 'boolean';
  if (field.type === 'date') return 'date';
  if (field.type === 'datetime') return 'dateTime';
  return 'string';
}

export function fieldColumn(field: FieldSchema, name = field.name): QueryColumn {
  const apexType = ID_TYPES.has(field.type)
    ? 'Id'
    : field.type === 'boolean'
      ? 'Boolean'
      : field.type === 'int'
        ? 'Integer'
        : NUMBER_TYPES.has(field.type)
          ? 'Double'
          : field.type === 'date'
            ? 'Date'
            : field.type === 'datetime'
              ? 'Datetime'
              : 'String';
  return {
    aggregate: false,
    apexType,
    booleanType: field.type === 'boolean',
    columnName: name,
    custom: field.custom,
    displayName: name,
    foreignKeyName: null,
    insertable: field.createable,
    joinColumns: [],
    numberType: NUMBER_TYPES.has(field.type),
    textType: TEXT_TYPES.has(field.type),
    updatable: field.updateable,
  };
}

function functionColumn(name: string, display: string, numberType: boolean): QueryColumn {
  return {
    aggregate: true,
    apexType: null,
    booleanType: false,
    columnName: name,
    custom: false,
    displayName: display,
    foreignKeyName: null,
    insertable: false,
    joinColumns: [],
    numberType,
    textType: false,
    updatable: false,
  };
}

/** A select item as written in the query (`c.Account.Name`), when the parser kept it. */
const rawOf = (item: SelectItem, fallback: string): string =>
  'rawValue' in item && typeof item.rawValue === 'string' ? item.rawValue : fallback;

// ---------------------------------------------------------------------------
// Scopes and paths

interface JoinInfo {
  alias: string;
  object: SObjectSchema;
  fk: FieldSchema;
  relationshipName: string;
  frag: Frag;
}

class Scope {
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

interface Resolved {
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

interface Target {
  expr: string;
  field: FieldSchema;
  /** The name in filter errors: the field's name, or the function as written. */
  name: string;
  raw: string;
}

type Literal = { kind: 'value'; value: SqlParam } | { kind: 'range'; start: string; end: string };

interface AggregateScope {
  /** Keys of the grouped fields and date functions. */
  grouped: Set<string>;
}

// ---------------------------------------------------------------------------
// The compiler

export class Compiler {
  private readonly schema: OrgSchema;
  private readonly context: SoqlContext;
  readonly source: Source;
  private aliases = 0;
  private columns = 0;

  constructor(text: string, context: SoqlContext) {
    this.context = context;
    this.schema = context.schema;
    this.source = new Source(text);
  }

  compile(): Plan {
    const query = parseSoql(this.source.text);
    const name = query.sObject ?? '';
    const object = this.schema.object(name);
    if (!object) throw this.source.error('INVALID_TYPE', unsupportedType(name), name, 'from');
    const scope = new Scope(object, this.alias(), query.sObjectAlias);
    this.checkClauses(query);
    const items = query.fields ?? [];
    const isCount =
      items.length > 0 &&
      items.some(
        (f) =>
          f.type === 'FieldFunctionExpression' &&
          f.functionName.toUpperCase() === 'COUNT' &&
          f.parameters.length === 0,
      );
    if (isCount) return this.countPlan(scope, query);
    if (this.isAggregate(query)) return this.aggregatePlan(scope, query);
    return this.recordsPlan(scope, query);
  }

  // -- helpers ---------------------------------------------------------------

  private alias(): string {
    return `t${this.aliases++}`;
  }

  private col(): string {
    return `c${this.columns++}`;
  }

  private fieldOf(object: SObjectSchema, name: string): FieldSchema | undefined {
    return this.schema.field(object.name, name) ?? (name.toLowerCase() === 'id' ? ID_FIELD : undefined);
  }

  private checkClauses(query: Query): void {
    if (query.offset !== undefined && query.offset > 2000) {
      throw new SoqlError('NUMBER_OUTSIDE_VALID_RANGE', 'Maximum SOQL offset allowed is 2000');
    }
    if (query.usingScope && query.usingScope.toLowerCase() !== 'everything') {
      throw this.source.error(
        'MALFORMED_QUERY',
        `USING SCOPE ${query.usingScope} is not supported by the Trellis local org`,
        query.usingScope,
      );
    }
    if (query.withDataCategory) {
      throw new SoqlError('MALFORMED_QUERY', 'WITH DATA CATEGORY is not supported by the Trellis local org');
    }
  }

  private isAggregate(query: Query | Subquery): boolean {
    if (query.groupBy !== undefined && (!Array.isArray(query.groupBy) || query.groupBy.length > 0))
      return true;
    return (query.fields ?? []).some((f) => {
      if (f.type !== 'FieldFunctionExpression') return false;
      const name = f.functionName.toUpperCase();
      return AGGREGATES.has(name) || name in DATE_FUNCTIONS;
    });
  }

  /** Filters every row of an object's table carries: soft deletes and the caller's visibility. */
  private baseFilters(object: SObjectSchema, alias: string): Frag[] {
    const filters: Frag[] = [];
    if (!this.context.includeDeleted && object.fields.some((f) => f.name === 'IsDeleted')) {
      filters.push(frag(`${column(alias, 'IsDeleted')} = 0`));
    }
    const visible = this.context.rowFilter?.(object.name, alias);
    if (visible) filters.push(frag(visible.sql, visible.params));
    return filters;
  }

  private relationshipField(object: SObjectSchema, name: string): FieldSchema | undefined {
    const wanted = name.toLowerCase();
    return object.fields.find((f) => f.relationshipName?.toLowerCase() === wanted);
  }

  /** A field path (`Name`, `Account.Owner.Name`, `c.Account.Name`), joining the parents it walks. */
  private resolve(scope: Scope, path: string, clause: Clause | undefined): Resolved {
    let segments = path.split('.');
    if (segments.length > 1) {
      const first = (segments[0] ?? '').toLowerCase();
      if (scope.soqlAlias && first === scope.soqlAlias.toLowerCase()) segments = segments.slice(1);
      else if (first === scope.object.name.toLowerCase() && !this.relationshipField(scope.object, first)) {
        segments = segments.slice(1);
      }
    }
    let object = scope.object;
    let alias = scope.alias;
    let key = '';
    const chain: JoinInfo[] = [];
    for (const segment of segments.slice(0, -1)) {
      const fk = this.relationshipField(object, segment);
      const target = fk?.referenceTo.map((name) => this.schema.object(name)).find((o) => o !== undefined);
      if (!fk || !target) {
        throw this.source.error(
          'INVALID_FIELD',
          noSuchRelationship(segment, 'field path'),
          path,
          scope.at(clause),
        );
      }
      key += `${(fk.relationshipName ?? segment).toLowerCase()}.`;
      let joined = scope.joins.get(key);
      if (!joined) {
        const joinAlias = this.alias();
        const on = allOf([
          frag(`${column(joinAlias, 'Id')} = ${column(alias, fk.name)}`),
          ...this.baseFilters(target, joinAlias),
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
    const field = this.fieldOf(object, last);
    if (!field)
      throw this.source.error('INVALID_FIELD', noSuchColumn(last, object.name), path, scope.at(clause));
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
  private valueExpr(resolved: { field: FieldSchema; expr: string }): string {
    return resolved.field.type === 'boolean' ? `IFNULL(${resolved.expr}, 0)` : resolved.expr;
  }

  private dateFunction(
    scope: Scope,
    fn: FunctionExp,
    clause: Clause | undefined,
  ): { expr: string; key: string; field: FieldSchema } {
    const name = (fn.functionName ?? '').toUpperCase();
    const build = DATE_FUNCTIONS[name];
    const parameter = this.innerField(fn);
    if (!build || parameter === undefined) {
      throw this.source.error(
        'MALFORMED_QUERY',
        `unexpected token: '${fn.functionName ?? ''}'`,
        fn.functionName,
        clause,
      );
    }
    const resolved = this.resolve(scope, parameter, clause);
    const type = resolved.field.type;
    const datetimeOnly = name === 'DAY_ONLY' || name === 'HOUR_IN_DAY';
    if (type !== 'datetime' && (datetimeOnly || type !== 'date')) {
      throw this.source.error(
        'MALFORMED_QUERY',
        `Invalid field: ${resolved.field.name}. ${name} can only be applied to ${datetimeOnly ? 'dateTime' : 'date or dateTime'} fields`,
        parameter,
        clause,
      );
    }
    return { expr: build(resolved.expr), key: `${name}(${resolved.key})`, field: resolved.field };
  }

  /** The field inside `FN(field)` or `FN(convertTimezone(field))` / `FN(convertCurrency(field))`. */
  private innerField(fn: FunctionExp): string | undefined {
    const parameter = fn.parameters?.[0];
    if (typeof parameter === 'string') return parameter;
    if (parameter && typeof parameter === 'object') {
      const inner = (parameter.functionName ?? '').toLowerCase();
      if (inner === 'converttimezone' || inner === 'convertcurrency') return this.innerField(parameter);
    }
    return undefined;
  }

  private aggregateExpr(
    scope: Scope,
    fn: FunctionExp,
    clause: Clause | undefined,
  ): { expr: string; format: ValueFormat; field?: FieldSchema } {
    const name = (fn.functionName ?? '').toUpperCase();
    if (name === 'COUNT' && (fn.parameters ?? []).length === 0)
      return { expr: 'COUNT(*)', format: { kind: 'count' } };
    const parameter = this.innerField(fn);
    if (parameter === undefined) {
      throw this.source.error(
        'MALFORMED_QUERY',
        `unexpected token: '${fn.rawValue ?? name}'`,
        fn.functionName,
        clause,
      );
    }
    const resolved = this.resolve(scope, parameter, clause);
    const field = resolved.field;
    const numeric = NUMBER_TYPES.has(field.type);
    const supported =
      name === 'SUM' || name === 'AVG'
        ? numeric
        : field.type !== 'boolean' &&
          field.type !== 'multipicklist' &&
          !(field.type === 'textarea' && field.length > 255);
    if (!supported) {
      throw this.source.error(
        'MALFORMED_QUERY',
        `field ${field.name} does not support aggregate operator ${name}`,
        fn.functionName,
        clause,
      );
    }
    const e = resolved.expr;
    switch (name) {
      case 'COUNT':
        return { expr: `COUNT(${e})`, format: { kind: 'count' }, field };
      case 'COUNT_DISTINCT':
        return { expr: `COUNT(DISTINCT ${e})`, format: { kind: 'count' }, field };
      case 'SUM':
      case 'AVG':
        return { expr: `${name}(${e})`, format: { kind: 'number' }, field };
      default:
        return { expr: `${name}(${e})`, format: { kind: 'field', field, toLabel: false }, field };
    }
  }

  // -- WHERE / HAVING --------------------------------------------------------

  private condition(
    scope: Scope,
    node: CondNode,
    clause: Clause | undefined,
    aggregate?: AggregateScope,
  ): Frag {
    switch (node.kind) {
      case 'and':
      case 'or': {
        const parts = node.items.map((item) => this.condition(scope, item, clause, aggregate));
        const joined = join(
          parts.map((p) => ({ sql: `(${p.sql})`, params: p.params })),
          node.kind === 'and' ? ' AND ' : ' OR ',
        );
        return joined;
      }
      case 'not': {
        const inner = this.condition(scope, node.item, clause, aggregate);
        return sql('NOT IFNULL((', inner, '), 0)');
      }
      case 'leaf':
        return this.leaf(scope, node.leaf, clause, aggregate);
    }
  }

  private leaf(scope: Scope, leaf: Leaf, clause: Clause | undefined, aggregate?: AggregateScope): Frag {
    const upper: string = leaf.operator.toUpperCase();
    const operator = upper === '<>' ? '!=' : upper;
    if (leaf.valueQuery) return this.semiJoin(scope, leaf, operator, clause);
    const where = scope.at(clause);
    let target: Target;
    if (leaf.fn) {
      const name = (leaf.fn.functionName ?? '').toUpperCase();
      if (AGGREGATES.has(name)) {
        if (!aggregate) {
          throw this.source.error(
            'MALFORMED_QUERY',
            `unexpected token: '${leaf.fn.functionName ?? ''}'`,
            leaf.fn.functionName,
            where,
          );
        }
        const agg = this.aggregateExpr(scope, leaf.fn, clause);
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
        const date = this.dateFunction(scope, leaf.fn, clause);
        if (aggregate && !aggregate.grouped.has(date.key)) {
          throw this.source.error(
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
      const resolved = this.resolve(scope, path, clause);
      if (aggregate && !aggregate.grouped.has(resolved.key)) {
        throw this.source.error(
          'MALFORMED_QUERY',
          `Field must be grouped or aggregated: ${path}`,
          path,
          clause,
        );
      }
      target = {
        expr: this.valueExpr(resolved),
        field: resolved.field,
        name: resolved.field.name,
        raw: path,
      };
    }
    return this.comparison(target, operator, leaf, where);
  }

  private typeError(target: Target, clause: Clause | undefined): SoqlError {
    const type = filterTypeName(target.field);
    const quoted = type === 'string' || type === 'id';
    return this.source.error(
      'INVALID_FIELD',
      `value of filter criterion for field '${target.name}' must be of type ${type} and should ${quoted ? '' : 'not '}be enclosed in quotes`,
      target.raw,
      clause,
    );
  }

  private literal(
    target: Target,
    raw: string,
    type: string | undefined,
    n: number | undefined,
    like: boolean,
    clause: Clause | undefined,
  ): Literal {
    const field = target.field;
    const kind = field.type;
    const value = (v: SqlParam): Literal => ({ kind: 'value', value: v });
    switch (type) {
      case 'NULL':
        return value(null);
      case 'STRING': {
        if (ID_TYPES.has(kind)) {
          const text = decodeString(raw);
          if (text === '') return value(null);
          const id = normalizeId(text);
          if (id === undefined) {
            throw this.source.error(
              'INVALID_QUERY_FILTER_OPERATOR',
              `invalid ID field: ${text}`,
              target.raw,
              clause,
            );
          }
          return value(id);
        }
        if (!TEXT_TYPES.has(kind)) throw this.typeError(target, clause);
        return value(decodeString(raw, like));
      }
      case 'INTEGER':
      case 'DECIMAL':
      case 'INTEGER_WITH_CURRENCY_PREFIX':
      case 'DECIMAL_WITH_CURRENCY_PREFIX': {
        if (!NUMBER_TYPES.has(kind)) throw this.typeError(target, clause);
        return value(Number(raw.replace(/^[A-Za-z]+/, '')));
      }
      case 'BOOLEAN':
        if (kind !== 'boolean') throw this.typeError(target, clause);
        return value(raw.toUpperCase() === 'TRUE' ? 1 : 0);
      case 'DATE':
        if (kind !== 'date') throw this.typeError(target, clause);
        return value(raw);
      case 'DATETIME': {
        const stored = datetimeLiteral(raw);
        if (kind !== 'datetime' || stored === undefined) throw this.typeError(target, clause);
        return value(stored);
      }
      case 'DATE_LITERAL':
      case 'DATE_N_LITERAL': {
        if (kind !== 'date' && kind !== 'datetime') throw this.typeError(target, clause);
        const range = dateLiteralRange(raw.split(':')[0] ?? raw, n, this.context.now);
        if (!range) {
          throw this.source.error('MALFORMED_QUERY', `unexpected token: '${raw}'`, raw.split(':')[0], clause);
        }
        return kind === 'date'
          ? { kind: 'range', start: range.start, end: range.end }
          : { kind: 'range', start: dayStart(range.start), end: dayStart(range.end) };
      }
      default:
        throw this.source.error('MALFORMED_QUERY', `unexpected token: '${raw}'`, raw, clause);
    }
  }

  private comparison(target: Target, operator: string, leaf: Leaf, clause: Clause | undefined): Frag {
    const e = target.expr;
    const field = target.field;
    const rawValues = Array.isArray(leaf.value) ? leaf.value : [leaf.value ?? ''];
    const literalType = leaf.literalType;
    const types: (string | undefined)[] = Array.isArray(literalType)
      ? literalType
      : rawValues.map(() => literalType);
    const ns = Array.isArray(leaf.dateLiteralVariable)
      ? leaf.dateLiteralVariable
      : rawValues.map(() => leaf.dateLiteralVariable as number | undefined);

    if (operator === 'INCLUDES' || operator === 'EXCLUDES') {
      if (field.type !== 'multipicklist') {
        throw this.source.error(
          'INVALID_QUERY_FILTER_OPERATOR',
          'includes or excludes operator only valid on multipicklist field',
          target.raw,
          clause,
        );
      }
      const terms = rawValues.map((raw, i) => {
        if (types[i] !== 'STRING') throw this.typeError(target, clause);
        return this.picklistTerm(e, decodeString(raw));
      });
      const any = join(
        terms.map((t) => ({ sql: `(${t.sql})`, params: t.params })),
        ' OR ',
      );
      return operator === 'INCLUDES' ? any : sql(`(${e} IS NULL OR NOT (`, any, '))');
    }
    if (operator === 'LIKE' && ID_TYPES.has(field.type)) {
      throw this.source.error(
        'INVALID_QUERY_FILTER_OPERATOR',
        'invalid operator on id field',
        target.raw,
        clause,
      );
    }

    const literals = rawValues.map((raw, i) =>
      this.literal(target, raw, types[i] ?? undefined, ns[i] ?? undefined, operator === 'LIKE', clause),
    );
    const list = operator === 'IN' || operator === 'NOT IN';

    if (field.type === 'multipicklist' && (operator === '=' || operator === '!=')) {
      const only = literals[0];
      if (only?.kind === 'value' && typeof only.value === 'string') {
        const exact = this.picklistTerm(e, only.value, true);
        return operator === '=' ? exact : sql(`(${e} IS NULL OR NOT (`, exact, '))');
      }
    }

    if (literals.some((l) => l.kind === 'range')) {
      const within = (l: Literal): Frag =>
        l.kind === 'range'
          ? frag(`(${e} >= ? AND ${e} < ?)`, [l.start, l.end])
          : l.value === null
            ? frag(`${e} IS NULL`)
            : frag(`${e} = ?`, [l.value]);
      if (list) {
        const any = join(literals.map(within), ' OR ');
        return operator === 'IN' ? sql('(', any, ')') : sql(`(${e} IS NULL OR NOT (`, any, '))');
      }
      const range = literals[0];
      if (range?.kind !== 'range') return frag('0');
      switch (operator) {
        case '=':
          return within(range);
        case '!=':
          return frag(`(${e} IS NULL OR ${e} < ? OR ${e} >= ?)`, [range.start, range.end]);
        case '<':
          return frag(`${e} < ?`, [range.start]);
        case '<=':
          return frag(`${e} < ?`, [range.end]);
        case '>':
          return frag(`${e} >= ?`, [range.end]);
        case '>=':
          return frag(`${e} >= ?`, [range.start]);
        default:
          throw this.source.error(
            'INVALID_QUERY_FILTER_OPERATOR',
            'invalid operator on date field',
            target.raw,
            clause,
          );
      }
    }

    const values = literals.map((l) => (l.kind === 'value' ? l.value : null));
    const boolean = field.type === 'boolean';
    if (list) {
      const present = values.filter((v): v is string | number => v !== null);
      const hasNull = values.length > present.length;
      if (boolean && hasNull) present.push(0);
      const inList =
        present.length > 100
          ? frag(`${e} ${operator} (SELECT value FROM json_each(?))`, [JSON.stringify(present)])
          : frag(`${e} ${operator} (${placeholders(present.length)})`, present);
      if (operator === 'IN') {
        if (present.length === 0) return frag(hasNull && !boolean ? `${e} IS NULL` : '0');
        return hasNull && !boolean ? sql(`(${e} IS NULL OR `, inList, ')') : inList;
      }
      if (present.length === 0) return frag(hasNull && !boolean ? `${e} IS NOT NULL` : '1');
      return hasNull && !boolean
        ? sql(`(${e} IS NOT NULL AND `, inList, ')')
        : sql(`(${e} IS NULL OR `, inList, ')');
    }
    const v = values[0] ?? null;
    switch (operator) {
      case '=':
        if (v === null) return frag(boolean ? `${e} = 0` : `${e} IS NULL`);
        return frag(`${e} = ?`, [v]);
      case '!=':
        if (v === null) return frag(boolean ? `${e} = 1` : `${e} IS NOT NULL`);
        return boolean ? frag(`${e} <> ?`, [v]) : frag(`(${e} IS NULL OR ${e} <> ?)`, [v]);
      case '<':
      case '<=':
      case '>':
      case '>=':
        return v === null ? frag('0') : frag(`${e} ${operator} ?`, [v]);
      case 'LIKE':
        return v === null ? frag('0') : frag(`${e} LIKE ? ESCAPE '\\'`, [v]);
      default:
        throw this.source.error(
          'MALFORMED_QUERY',
          `unexpected token: '${leaf.operator}'`,
          leaf.operator,
          clause,
        );
    }
  }

  /** A multi-select picklist value holds every value of `term` (`'a;b'`), or exactly them. */
  private picklistTerm(e: string, term: string, exact = false): Frag {
    const values = [
      ...new Set(
        term
          .split(';')
          .map((v) => v.trim().toLowerCase())
          .filter((v) => v !== ''),
      ),
    ];
    if (values.length === 0) return frag(exact ? `${e} IS NULL` : '0');
    const parts = values.map((v) => frag(`instr(';' || lower(${e}) || ';', ?) > 0`, [`;${v};`]));
    if (exact) parts.push(frag(`length(${e}) - length(replace(${e}, ';', '')) = ?`, [values.length - 1]));
    return join(parts, ' AND ');
  }

  private semiJoin(scope: Scope, leaf: Leaf, operator: string, clause: Clause | undefined): Frag {
    const path = leaf.field ?? '';
    const sub = leaf.valueQuery as Query;
    if (clause === 'having') {
      throw this.source.error(
        'MALFORMED_QUERY',
        'Semi join sub-selects are not allowed in a HAVING clause',
        path,
        scope.at(clause),
      );
    }
    const left = this.resolve(scope, path, clause);
    if (left.chain.length > 0 || !ID_TYPES.has(left.field.type)) {
      throw this.source.error(
        'MALFORMED_QUERY',
        `The left operand of a semi join or anti join must be an Id or reference field of ${scope.object.name}: ${path}`,
        path,
        scope.at(clause),
      );
    }
    if (operator !== 'IN' && operator !== 'NOT IN') {
      throw this.source.error(
        'MALFORMED_QUERY',
        `unexpected token: '${leaf.operator}'`,
        leaf.operator,
        clause,
      );
    }
    const name = sub.sObject ?? '';
    const object = this.schema.object(name);
    if (!object) throw this.source.error('INVALID_TYPE', unsupportedType(name), name);
    const selected = sub.fields ?? [];
    const only = selected[0];
    if (selected.length !== 1 || only?.type !== 'Field') {
      throw this.source.error(
        'MALFORMED_QUERY',
        'Semi join sub-selects can select only one field, an Id or reference field, without relationships',
        name,
      );
    }
    const subScope = new Scope(object, this.alias(), sub.sObjectAlias, true);
    const selectedField = this.resolve(subScope, only.field, 'where');
    const targetsOf = (field: FieldSchema, owner: SObjectSchema): string[] =>
      (field.type === 'id' ? [owner.name] : field.referenceTo).map((t) => t.toLowerCase());
    const leftTargets = targetsOf(left.field, left.owner);
    if (
      !ID_TYPES.has(selectedField.field.type) ||
      !targetsOf(selectedField.field, object).some((t) => leftTargets.includes(t))
    ) {
      throw this.source.error(
        'MALFORMED_QUERY',
        `The selected field '${selectedField.field.name}' in the subquery and the left operand field in the where expression in the outer query '${left.field.name}' should point to the same object type`,
        path,
        scope.at(clause),
      );
    }
    const tree = conditionTree(sub.where, this.source, 'where');
    const where = tree ? this.condition(subScope, tree, 'where') : undefined;
    const inner = sql(
      `SELECT ${selectedField.expr} FROM ${quote(object.name)} ${subScope.alias} `,
      join(subScope.joinFrags(), ' '),
      ' WHERE ',
      allOf([frag(`${selectedField.expr} IS NOT NULL`), ...this.baseFilters(object, subScope.alias), where]),
    );
    return operator === 'IN'
      ? sql(`${left.expr} IN (`, inner, ')')
      : sql(`(${left.expr} IS NULL OR ${left.expr} NOT IN (`, inner, '))');
  }

  // -- ORDER BY --------------------------------------------------------------

  private orderList(query: Query | Subquery): OrderByClause[] {
    return query.orderBy === undefined ? [] : Array.isArray(query.orderBy) ? query.orderBy : [query.orderBy];
  }

  private direction(order: OrderByClause): string {
    const dir = (order.order ?? 'ASC').toUpperCase() === 'DESC' ? 'DESC' : 'ASC';
    return order.nulls ? `${dir} NULLS ${order.nulls.toUpperCase() === 'LAST' ? 'LAST' : 'FIRST'}` : dir;
  }

  /** The sort keys of a field: picklists sort in the order their values are defined, as in Salesforce. */
  private sortKeys(resolved: Resolved): Frag[] {
    const field = resolved.field;
    if (!field.sortable || field.type === 'multipicklist') {
      throw this.source.error(
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
    return [frag(this.valueExpr(resolved))];
  }

  private sorted(keys: Frag[], order: OrderByClause): Frag {
    const dir = this.direction(order);
    return join(
      keys.map((k) => ({ sql: `${k.sql} ${dir}`, params: k.params })),
      ', ',
    );
  }

  private recordsOrder(scope: Scope, query: Query | Subquery): Frag {
    const parts = this.orderList(query).map((order) => {
      if ('fn' in order) {
        throw this.source.error(
          'MALFORMED_QUERY',
          `Ordered field must be grouped or aggregated: ${order.fn.rawValue ?? order.fn.functionName ?? ''}`,
          order.fn.functionName,
          'order',
        );
      }
      return this.sorted(this.sortKeys(this.resolve(scope, order.field, 'order')), order);
    });
    const last = this.orderList(query).at(-1);
    const tie = last && (last.order ?? 'ASC').toUpperCase() === 'DESC' ? 'DESC' : 'ASC';
    parts.push(frag(`${scope.alias}.rowid ${tie}`));
    return join(parts, ', ');
  }

  // -- SELECT: records -------------------------------------------------------

  private recordsPlan(scope: Scope, query: Query): RecordsPlan {
    const shape = this.recordShape(scope, query);
    const select = [frag(`${column(scope.alias, 'Id')} AS __id`), ...shape.select];
    const tree = conditionTree(query.where, this.source, 'where');
    const where = tree ? this.condition(scope, tree, 'where') : undefined;
    const order = this.recordsOrder(scope, query);
    const statement = sql(
      'SELECT ',
      join(select, ', '),
      ` FROM ${quote(scope.object.name)} ${scope.alias} `,
      join(scope.joinFrags(), ' '),
      ' WHERE ',
      allOf([...this.baseFilters(scope.object, scope.alias), where]),
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

  /** The SELECT list of a records query or subquery: SQL columns, the record shape, the column metadata. */
  private recordShape(
    scope: Scope,
    query: Query | Subquery,
  ): { select: Frag[]; entries: Entry[]; columns: QueryColumn[]; idSelected: boolean } {
    const select: Frag[] = [];
    const entries: Entry[] = [];
    const columns: QueryColumn[] = [];
    let idSelected = false;
    const seen = new Set<string>();

    const addField = (resolved: Resolved, raw: string, toLabel = false): void => {
      if (seen.has(resolved.key)) throw new SoqlError('INVALID_FIELD', `duplicate field selected: ${raw}`);
      seen.add(resolved.key);
      let list = entries;
      for (const link of resolved.chain) {
        let parent = list.find(
          (e): e is Extract<Entry, { kind: 'parent' }> =>
            e.kind === 'parent' && e.key === link.relationshipName,
        );
        if (!parent) {
          const idCol = this.col();
          select.push(frag(`${column(link.alias, 'Id')} AS ${idCol}`));
          parent = { kind: 'parent', key: link.relationshipName, object: link.object, idCol, entries: [] };
          list.push(parent);
        }
        list = parent.entries;
      }
      const col = this.col();
      select.push(frag(`${resolved.expr} AS ${col}`));
      list.push({
        kind: 'field',
        key: resolved.field.name,
        col,
        format: { kind: 'field', field: resolved.field, toLabel },
      });
      if (resolved.chain.length === 0 && resolved.field.name === 'Id') idSelected = true;
      columns.push(this.pathColumn(resolved));
    };

    const items = query.fields ?? [];
    for (const item of items) {
      switch (item.type) {
        case 'Field':
        case 'FieldRelationship': {
          const raw = item.type === 'Field' ? item.field : [...item.relationships, item.field].join('.');
          addField(this.resolve(scope, raw, 'select'), rawOf(item, raw));
          break;
        }
        case 'FieldSubquery': {
          const child = this.childPlan(scope, item.subquery);
          entries.push({ kind: 'child', key: child.key, plan: child.plan });
          columns.push({
            ...functionColumn(child.key, child.key, false),
            joinColumns: child.plan.columns,
          });
          break;
        }
        case 'FieldFunctionExpression': {
          const name = item.functionName.toUpperCase();
          const parameter = item.parameters[0];
          if (name === 'FIELDS') {
            this.expandFields(
              scope,
              query,
              typeof parameter === 'string' ? parameter : '',
              items.length,
              addField,
            );
          } else if ((name === 'TOLABEL' || name === 'CONVERTCURRENCY') && typeof parameter === 'string') {
            addField(
              this.resolve(scope, parameter, 'select'),
              item.rawValue ?? parameter,
              name === 'TOLABEL',
            );
          } else {
            throw this.source.error(
              'MALFORMED_QUERY',
              `${item.functionName}() is not supported by the Trellis local org`,
              item.functionName,
              'select',
            );
          }
          break;
        }
        default:
          throw this.source.error(
            'MALFORMED_QUERY',
            'TYPEOF is not supported by the Trellis local org',
            'TYPEOF',
            'select',
          );
      }
    }
    return { select, entries, columns, idSelected };
  }

  private pathColumn(resolved: Resolved): QueryColumn {
    let column = fieldColumn(resolved.field);
    for (const link of [...resolved.chain].reverse()) {
      column = {
        ...functionColumn(link.relationshipName, link.relationshipName, false),
        aggregate: false,
        foreignKeyName: link.fk.name,
        joinColumns: [column],
      };
    }
    return column;
  }

  private expandFields(
    scope: Scope,
    query: Query | Subquery,
    which: string,
    itemCount: number,
    addField: (resolved: Resolved, raw: string) => void,
  ): void {
    const kind = which.toUpperCase();
    if (kind !== 'ALL' && kind !== 'STANDARD' && kind !== 'CUSTOM') {
      throw this.source.error('MALFORMED_QUERY', `unexpected token: '${which}'`, which, 'select');
    }
    if (kind !== 'STANDARD' && (query.limit === undefined || query.limit > 200)) {
      throw new SoqlError('MALFORMED_QUERY', 'The SOQL FIELDS function must have a LIMIT of at most 200');
    }
    const fields = scope.object.fields.filter((f) =>
      kind === 'ALL' ? true : kind === 'CUSTOM' ? f.custom : !f.custom,
    );
    if (fields.length === 0 && itemCount === 1) {
      throw new SoqlError(
        'MALFORMED_QUERY',
        "'FIELDS(...)' expansion function must result in at least one field being selected.",
      );
    }
    for (const field of fields) addField(this.resolve(scope, field.name, 'select'), field.name);
  }

  private childPlan(parent: Scope, sub: Subquery): { key: string; plan: RecordsPlan } {
    const wanted = sub.relationshipName.toLowerCase();
    const relationship = parent.object.childRelationships.find(
      (r) => r.relationshipName.toLowerCase() === wanted,
    );
    const object = relationship ? this.schema.object(relationship.childSObject) : undefined;
    const fk = relationship && object ? this.fieldOf(object, relationship.field) : undefined;
    if (!relationship || !object || !fk) {
      const written = [...(sub.sObjectPrefix ?? []), sub.relationshipName].join('.');
      throw this.source.error(
        'INVALID_TYPE',
        noSuchRelationship(sub.relationshipName, 'FROM part of query call'),
        written,
      );
    }
    if (this.isAggregate(sub)) {
      throw this.source.error(
        'MALFORMED_QUERY',
        'Aggregate functions and GROUP BY are not supported in a child relationship subquery',
        sub.relationshipName,
      );
    }
    if (sub.offset !== undefined && sub.offset > 2000) {
      throw new SoqlError('NUMBER_OUTSIDE_VALID_RANGE', 'Maximum SOQL offset allowed is 2000');
    }
    const scope = new Scope(object, this.alias(), undefined, true);
    const shape = this.recordShape(scope, sub);
    const fkExpr = column(scope.alias, fk.name);
    const tree = conditionTree(sub.where, this.source, 'where');
    const where = tree ? this.condition(scope, tree, 'where') : undefined;
    const order = this.recordsOrder(scope, sub);
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
        where: allOf([...this.baseFilters(object, scope.alias), where]),
        order,
        fk: fkExpr,
        ...(sub.limit !== undefined ? { limit: sub.limit } : {}),
        ...(sub.offset !== undefined ? { offset: sub.offset } : {}),
      },
    };
    return { key: relationship.relationshipName, plan };
  }

  // -- SELECT COUNT() ----------------------------------------------------------

  private countPlan(scope: Scope, query: Query): CountPlan {
    if ((query.fields ?? []).length > 1) {
      throw this.source.error(
        'MALFORMED_QUERY',
        'COUNT() must be the only element in the SELECT list',
        'COUNT',
        'select',
      );
    }
    const tree = conditionTree(query.where, this.source, 'where');
    const where = tree ? this.condition(scope, tree, 'where') : undefined;
    const groups = this.groupList(query).map((g) => this.groupItem(scope, g));
    const inner = sql(
      `SELECT 1 FROM ${quote(scope.object.name)} ${scope.alias} `,
      join(scope.joinFrags(), ' '),
      ' WHERE ',
      allOf([...this.baseFilters(scope.object, scope.alias), where]),
      groups.length ? ` GROUP BY ${groups.map((g) => g.expr).join(', ')}` : '',
      frag(' LIMIT ? OFFSET ?', [query.limit ?? -1, query.offset ?? 0]),
    );
    return { kind: 'count', object: scope.object, statement: sql('SELECT COUNT(*) AS n FROM (', inner, ')') };
  }

  // -- SELECT with aggregates / GROUP BY ------------------------------------------

  private groupList(query: Query): GroupByClause[] {
    return query.groupBy === undefined ? [] : Array.isArray(query.groupBy) ? query.groupBy : [query.groupBy];
  }

  private groupItem(scope: Scope, group: GroupByClause): { expr: string; key: string; field: FieldSchema } {
    if ('fn' in group) {
      const name = (group.fn.functionName ?? '').toUpperCase();
      if (name === 'ROLLUP' || name === 'CUBE') {
        throw this.source.error(
          'MALFORMED_QUERY',
          `GROUP BY ${name} is not supported by the Trellis local org`,
          group.fn.functionName,
          'group',
        );
      }
      return this.dateFunction(scope, group.fn, 'group');
    }
    const resolved = this.resolve(scope, group.field, 'group');
    if (!resolved.field.groupable || resolved.field.type === 'multipicklist') {
      throw this.source.error(
        'MALFORMED_QUERY',
        `field '${resolved.field.name}' can not be grouped in a query call`,
        group.field,
        'group',
      );
    }
    return { expr: resolved.expr, key: resolved.key, field: resolved.field };
  }

  private aggregatePlan(scope: Scope, query: Query): AggregatePlan {
    const groups = this.groupList(query).map((g) => this.groupItem(scope, g));
    const grouped = new Set(groups.map((g) => g.key));
    const items: AggregatePlan['items'] = [];
    const columns: QueryColumn[] = [];
    const select: Frag[] = [];
    const keys = new Set<string>();
    let expr = 0;

    const add = (key: string, e: string, format: ValueFormat, meta: QueryColumn): void => {
      if (keys.has(key.toLowerCase())) throw new SoqlError('MALFORMED_QUERY', `duplicate alias: ${key}`);
      keys.add(key.toLowerCase());
      const col = this.col();
      select.push(frag(`${e} AS ${col}`));
      items.push({ key, col, format });
      columns.push(meta);
    };

    for (const item of query.fields ?? []) {
      if (item.type === 'Field' || item.type === 'FieldRelationship') {
        const raw = item.type === 'Field' ? item.field : [...item.relationships, item.field].join('.');
        const resolved = this.resolve(scope, raw, 'select');
        if (!grouped.has(resolved.key)) {
          throw this.source.error(
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
          const agg = this.aggregateExpr(scope, item, 'select');
          const key = item.alias ?? `expr${expr++}`;
          const numeric = agg.format.kind !== 'field' || NUMBER_TYPES.has(agg.format.field.type);
          add(key, agg.expr, agg.format, functionColumn(key, display, numeric));
        } else if (name in DATE_FUNCTIONS) {
          const date = this.dateFunction(scope, item, 'select');
          const fieldKey = date.key.slice(date.key.indexOf('(') + 1, -1);
          const byField = date.field.type === 'date' && grouped.has(fieldKey);
          if (!grouped.has(date.key) && !byField) {
            throw this.source.error(
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
          throw this.source.error(
            'MALFORMED_QUERY',
            `${item.functionName}() can not be used in an aggregate query`,
            item.functionName,
            'select',
          );
        }
      } else if (item.type === 'FieldSubquery') {
        throw this.source.error(
          'MALFORMED_QUERY',
          'Child relationship subqueries can not be used in an aggregate query',
          item.subquery.relationshipName,
          'select',
        );
      } else {
        throw this.source.error(
          'MALFORMED_QUERY',
          'TYPEOF is not supported by the Trellis local org',
          'TYPEOF',
          'select',
        );
      }
    }

    const aggregateScope: AggregateScope = { grouped };
    const tree = conditionTree(query.where, this.source, 'where');
    const where = tree ? this.condition(scope, tree, 'where') : undefined;
    const havingTree = conditionTree(query.having, this.source, 'having');
    const having = havingTree ? this.condition(scope, havingTree, 'having', aggregateScope) : undefined;
    const order = this.orderList(query).map((o) => {
      const dir = this.direction(o);
      if ('fn' in o) {
        const name = (o.fn.functionName ?? '').toUpperCase();
        if (AGGREGATES.has(name)) return frag(`${this.aggregateExpr(scope, o.fn, 'order').expr} ${dir}`);
        const date = this.dateFunction(scope, o.fn, 'order');
        if (!grouped.has(date.key)) {
          throw this.source.error(
            'MALFORMED_QUERY',
            `Ordered field must be grouped or aggregated: ${o.fn.rawValue ?? name}`,
            o.fn.functionName,
            'order',
          );
        }
        return frag(`${date.expr} ${dir}`);
      }
      const resolved = this.resolve(scope, o.field, 'order');
      if (!grouped.has(resolved.key)) {
        throw this.source.error(
          'MALFORMED_QUERY',
          `Ordered field must be grouped or aggregated: ${o.field}`,
          o.field,
          'order',
        );
      }
      return this.sorted(this.sortKeys(resolved), o);
    });

    const statement = sql(
      'SELECT ',
      join(select, ', '),
      ` FROM ${quote(scope.object.name)} ${scope.alias} `,
      join(scope.joinFrags(), ' '),
      ' WHERE ',
      allOf([...this.baseFilters(scope.object, scope.alias), where]),
      groups.length ? ` GROUP BY ${groups.map((g) => g.expr).join(', ')}` : '',
      having ? sql(' HAVING ', having) : '',
      order.length ? sql(' ORDER BY ', join(order, ', ')) : '',
      frag(' LIMIT ? OFFSET ?', [query.limit ?? -1, query.offset ?? 0]),
    );
    return { kind: 'aggregate', object: scope.object, items, columns, groupBy: groups.length > 0, statement };
  }
}

export function compileSoql(text: string, context: SoqlContext): Plan {
  return new Compiler(text, context).compile();
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
