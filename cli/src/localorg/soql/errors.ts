/**
 * Salesforce's SOQL errors: the error codes the API answers with and the
 * "ERROR at Row:R:Column:C" block it puts before the text when it can point at
 * the part of the query that is wrong.
 */

export type SoqlErrorCode =
  | 'MALFORMED_QUERY'
  | 'INVALID_FIELD'
  | 'INVALID_TYPE'
  | 'INVALID_QUERY_FILTER_OPERATOR'
  | 'NUMBER_OUTSIDE_VALID_RANGE';

export class SoqlError extends Error {
  readonly errorCode: SoqlErrorCode;

  constructor(errorCode: SoqlErrorCode, message: string) {
    super(message);
    this.name = 'SoqlError';
    this.errorCode = errorCode;
  }
}

/** Characters shown at most before and after the error's start in the echoed query line. */
const WINDOW = 41;
const TOKEN = /'(?:\\.|[^'\\])*'?|[A-Za-z0-9_.:$]+|\S/g;

/**
 * The message with Salesforce's location block:
 * `\n<the query line, or a window of it>\n<spaces>^\nERROR at Row:1:Column:8\n<text>`.
 * `offset` is the 0-based index in the query; the column is 1-based, unless
 * `column` is given (the lexer's errors report a 0-based column, as Salesforce's do).
 */
export function locatedMessage(query: string, offset: number, text: string, column?: number): string {
  const before = query.slice(0, offset);
  const row = before.split('\n').length;
  const lineStart = before.lastIndexOf('\n') + 1;
  const lineEndAt = query.indexOf('\n', lineStart);
  const line = query.slice(lineStart, lineEndAt < 0 ? query.length : lineEndAt).replace(/\r$/, '');
  const at = offset - lineStart;
  const col = column ?? at + 1;

  let start = 0;
  let end = line.length;
  if (at > WINDOW || line.length - at > WINDOW) {
    const tokens = [...line.matchAll(TOKEN)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
    const first = tokens.find((t) => t.start >= at - WINDOW && t.end > 0);
    start = first && first.start <= at ? first.start : at;
    let last = at;
    for (const t of tokens) {
      if (t.end <= at) continue;
      if (t.start <= at || t.end - at <= WINDOW) last = t.end;
      else break;
    }
    end = Math.max(last, at);
  }
  const snippet = line.slice(start, end);
  const caret = Math.max(0, col - 1 - start);
  return `\n${snippet}\n${' '.repeat(caret)}^\nERROR at Row:${row}:Column:${col}\n${text}`;
}
