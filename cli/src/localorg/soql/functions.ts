/**
 * SOQL's aggregate functions (`COUNT`, `SUM`...) and date functions
 * (`CALENDAR_YEAR`, `DAY_ONLY`...) as SQL expressions. SELECT, GROUP BY,
 * HAVING and ORDER BY all accept them, with the same checks on the field
 * they are applied to, so they are translated in one place.
 */
import type { FunctionExp } from '@jetstreamapp/soql-parser-js';
import type { FieldSchema } from '../schema/types.ts';
import type { Compilation } from './compilation.ts';
import { NUMBER_TYPES } from './fields.ts';
import type { ValueFormat } from './plan.ts';
import { resolve } from './scope.ts';
import type { Scope } from './scope.ts';
import type { Clause } from './source.ts';

export const AGGREGATES = new Set(['COUNT', 'COUNT_DISTINCT', 'SUM', 'AVG', 'MIN', 'MAX']);

/** Fiscal functions equal the calendar ones: the org's fiscal year starts in January. */
export const DATE_FUNCTIONS: Record<string, (e: string) => string> = {
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

/** The field inside `FN(field)` or `FN(convertTimezone(field))` / `FN(convertCurrency(field))`. */
function innerField(fn: FunctionExp): string | undefined {
  const parameter = fn.parameters?.[0];
  if (typeof parameter === 'string') return parameter;
  if (parameter && typeof parameter === 'object') {
    const inner = (parameter.functionName ?? '').toLowerCase();
    if (inner === 'converttimezone' || inner === 'convertcurrency') return innerField(parameter);
  }
  return undefined;
}

/** A date function; its `key` (`CALENDAR_YEAR(closedate)`) matches it against GROUP BY. */
export function dateFunction(
  c: Compilation,
  scope: Scope,
  fn: FunctionExp,
  clause: Clause | undefined,
): { expr: string; key: string; field: FieldSchema } {
  const name = (fn.functionName ?? '').toUpperCase();
  const build = DATE_FUNCTIONS[name];
  const parameter = innerField(fn);
  if (!build || parameter === undefined) {
    throw c.source.error(
      'MALFORMED_QUERY',
      `unexpected token: '${fn.functionName ?? ''}'`,
      fn.functionName,
      clause,
    );
  }
  const resolved = resolve(c, scope, parameter, clause);
  const type = resolved.field.type;
  const datetimeOnly = name === 'DAY_ONLY' || name === 'HOUR_IN_DAY';
  if (type !== 'datetime' && (datetimeOnly || type !== 'date')) {
    throw c.source.error(
      'MALFORMED_QUERY',
      `Invalid field: ${resolved.field.name}. ${name} can only be applied to ${datetimeOnly ? 'dateTime' : 'date or dateTime'} fields`,
      parameter,
      clause,
    );
  }
  return { expr: build(resolved.expr), key: `${name}(${resolved.key})`, field: resolved.field };
}

/** An aggregate function, with how its value is formatted: counts as integers, sums as numbers. */
export function aggregateExpr(
  c: Compilation,
  scope: Scope,
  fn: FunctionExp,
  clause: Clause | undefined,
): { expr: string; format: ValueFormat; field?: FieldSchema } {
  const name = (fn.functionName ?? '').toUpperCase();
  if (name === 'COUNT' && (fn.parameters ?? []).length === 0)
    return { expr: 'COUNT(*)', format: { kind: 'count' } };
  const parameter = innerField(fn);
  if (parameter === undefined) {
    throw c.source.error(
      'MALFORMED_QUERY',
      `unexpected token: '${fn.rawValue ?? name}'`,
      fn.functionName,
      clause,
    );
  }
  const resolved = resolve(c, scope, parameter, clause);
  const field = resolved.field;
  const numeric = NUMBER_TYPES.has(field.type);
  const supported =
    name === 'SUM' || name === 'AVG'
      ? numeric
      : field.type !== 'boolean' &&
        field.type !== 'multipicklist' &&
        !(field.type === 'textarea' && field.length > 255);
  if (!supported) {
    throw c.source.error(
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
