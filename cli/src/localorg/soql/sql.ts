/** SQL text with its bound parameters, composed in the order the text is written. */
import type { SqlParam } from './types.ts';

export interface Frag {
  sql: string;
  params: SqlParam[];
}

export const frag = (sql: string, params: SqlParam[] = []): Frag => ({ sql, params });

/** `"Name"`: identifiers only ever come from the schema, and are quoted anyway. */
export const quote = (identifier: string): string => `"${identifier.replace(/"/g, '""')}"`;

export const column = (alias: string, field: string): string => `${alias}.${quote(field)}`;

export function join(parts: readonly Frag[], separator: string): Frag {
  return { sql: parts.map((p) => p.sql).join(separator), params: parts.flatMap((p) => p.params) };
}

/** Several conditions that must all hold; `1` when there are none. */
export function allOf(parts: readonly (Frag | undefined)[]): Frag {
  const present = parts.filter((p): p is Frag => p !== undefined);
  if (present.length === 0) return frag('1');
  if (present.length === 1) return present[0] as Frag;
  return join(
    present.map((p) => ({ sql: `(${p.sql})`, params: p.params })),
    ' AND ',
  );
}

/** Concatenates fragments and strings into one statement. */
export function sql(...parts: (Frag | string)[]): Frag {
  return {
    sql: parts.map((p) => (typeof p === 'string' ? p : p.sql)).join(''),
    params: parts.flatMap((p) => (typeof p === 'string' ? [] : p.params)),
  };
}

export const placeholders = (count: number): string => Array.from({ length: count }, () => '?').join(', ');
