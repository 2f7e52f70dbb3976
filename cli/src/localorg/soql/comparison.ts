/**
 * One SOQL comparison (`field op value`) as SQL, with SOQL's semantics where
 * SQL's differ: `!=` and `NOT IN` keep NULLs, `= null` means IS NULL, a
 * missing boolean is false, date literals compare as day ranges, and
 * multi-select picklists match by their `;`-separated values.
 */
import type { Compilation } from './compilation.ts';
import { ID_TYPES } from './fields.ts';
import { literal, typeError } from './literals.ts';
import type { Literal, Target } from './literals.ts';
import { decodeString } from './parse.ts';
import type { Leaf } from './parse.ts';
import type { Clause } from './source.ts';
import { frag, join, placeholders, sql } from './sql.ts';
import type { Frag } from './sql.ts';

/** A multi-select picklist value holds every value of `term` (`'a;b'`), or exactly them. */
function picklistTerm(e: string, term: string, exact = false): Frag {
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

/** `operator` is upper case, `<>` already spelled `!=`. */
export function comparison(
  c: Compilation,
  target: Target,
  operator: string,
  leaf: Leaf,
  clause: Clause | undefined,
): Frag {
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
      throw c.source.error(
        'INVALID_QUERY_FILTER_OPERATOR',
        'includes or excludes operator only valid on multipicklist field',
        target.raw,
        clause,
      );
    }
    const terms = rawValues.map((raw, i) => {
      if (types[i] !== 'STRING') throw typeError(c, target, clause);
      return picklistTerm(e, decodeString(raw));
    });
    const any = join(
      terms.map((t) => ({ sql: `(${t.sql})`, params: t.params })),
      ' OR ',
    );
    return operator === 'INCLUDES' ? any : sql(`(${e} IS NULL OR NOT (`, any, '))');
  }
  if (operator === 'LIKE' && ID_TYPES.has(field.type)) {
    throw c.source.error('INVALID_QUERY_FILTER_OPERATOR', 'invalid operator on id field', target.raw, clause);
  }

  const literals = rawValues.map((raw, i) =>
    literal(c, target, raw, types[i] ?? undefined, ns[i] ?? undefined, operator === 'LIKE', clause),
  );
  const list = operator === 'IN' || operator === 'NOT IN';

  if (field.type === 'multipicklist' && (operator === '=' || operator === '!=')) {
    const only = literals[0];
    if (only?.kind === 'value' && typeof only.value === 'string') {
      const exact = picklistTerm(e, only.value, true);
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
        throw c.source.error(
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
      throw c.source.error('MALFORMED_QUERY', `unexpected token: '${leaf.operator}'`, leaf.operator, clause);
  }
}
