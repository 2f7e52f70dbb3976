/**
 * A filter's literal turned into the value SQLite compares: checked against
 * the type of the field it is compared with (Salesforce rejects `Amount =
 * 'x'` rather than coercing), ids normalized to 18 characters, datetimes to
 * stored UTC, and date literals (`THIS_QUARTER`) widened to a range of days.
 */
import type { FieldSchema } from '../schema/types.ts';
import type { Compilation } from './compilation.ts';
import type { SoqlError } from './errors.ts';
import { filterTypeName, ID_TYPES, NUMBER_TYPES, TEXT_TYPES } from './fields.ts';
import { decodeString } from './parse.ts';
import type { Clause } from './source.ts';
import type { SqlParam } from './types.ts';
import { dateLiteralRange, datetimeLiteral, dayStart, normalizeId } from './values.ts';

/** The left side of a comparison: a field, or a function standing in for one. */
export interface Target {
  expr: string;
  field: FieldSchema;
  /** The name in filter errors: the field's name, or the function as written. */
  name: string;
  raw: string;
}

export type Literal = { kind: 'value'; value: SqlParam } | { kind: 'range'; start: string; end: string };

export function typeError(c: Compilation, target: Target, clause: Clause | undefined): SoqlError {
  const type = filterTypeName(target.field);
  const quoted = type === 'string' || type === 'id';
  return c.source.error(
    'INVALID_FIELD',
    `value of filter criterion for field '${target.name}' must be of type ${type} and should ${quoted ? '' : 'not '}be enclosed in quotes`,
    target.raw,
    clause,
  );
}

/** `like`: the value is a LIKE pattern, so `\%` and `\_` stay escaped. */
export function literal(
  c: Compilation,
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
          throw c.source.error(
            'INVALID_QUERY_FILTER_OPERATOR',
            `invalid ID field: ${text}`,
            target.raw,
            clause,
          );
        }
        return value(id);
      }
      if (!TEXT_TYPES.has(kind)) throw typeError(c, target, clause);
      return value(decodeString(raw, like));
    }
    case 'INTEGER':
    case 'DECIMAL':
    case 'INTEGER_WITH_CURRENCY_PREFIX':
    case 'DECIMAL_WITH_CURRENCY_PREFIX': {
      if (!NUMBER_TYPES.has(kind)) throw typeError(c, target, clause);
      return value(Number(raw.replace(/^[A-Za-z]+/, '')));
    }
    case 'BOOLEAN':
      if (kind !== 'boolean') throw typeError(c, target, clause);
      return value(raw.toUpperCase() === 'TRUE' ? 1 : 0);
    case 'DATE':
      if (kind !== 'date') throw typeError(c, target, clause);
      return value(raw);
    case 'DATETIME': {
      const stored = datetimeLiteral(raw);
      if (kind !== 'datetime' || stored === undefined) throw typeError(c, target, clause);
      return value(stored);
    }
    case 'DATE_LITERAL':
    case 'DATE_N_LITERAL': {
      if (kind !== 'date' && kind !== 'datetime') throw typeError(c, target, clause);
      const range = dateLiteralRange(raw.split(':')[0] ?? raw, n, c.context.now);
      if (!range) {
        throw c.source.error('MALFORMED_QUERY', `unexpected token: '${raw}'`, raw.split(':')[0], clause);
      }
      return kind === 'date'
        ? { kind: 'range', start: range.start, end: range.end }
        : { kind: 'range', start: dayStart(range.start), end: dayStart(range.end) };
    }
    default:
      throw c.source.error('MALFORMED_QUERY', `unexpected token: '${raw}'`, raw, clause);
  }
}
