/**
 * Salesforce's CSV dialect for Bulk API 2.0: a header row, then one record per
 * line; fields separated by the job's column delimiter; a field that holds the
 * delimiter, a quote or a line break is enclosed in double quotes, with quotes
 * doubled inside. Records end with the job's line ending (LF or CRLF); inside
 * quotes, any line break is part of the value.
 */

export const COLUMN_DELIMITERS = {
  COMMA: ',',
  TAB: '\t',
  PIPE: '|',
  SEMICOLON: ';',
  CARET: '^',
  BACKQUOTE: '`',
} as const;
export type ColumnDelimiter = keyof typeof COLUMN_DELIMITERS;

export const LINE_ENDINGS = { LF: '\n', CRLF: '\r\n' } as const;
export type LineEnding = keyof typeof LINE_ENDINGS;

export function isColumnDelimiter(value: unknown): value is ColumnDelimiter {
  return typeof value === 'string' && Object.hasOwn(COLUMN_DELIMITERS, value);
}

export function isLineEnding(value: unknown): value is LineEnding {
  return value === 'LF' || value === 'CRLF';
}

/** One record read from the text: its fields, where the next record starts, and how this one ended. */
export interface CsvRecord {
  fields: string[];
  /** Offset just after this record's line ending. */
  end: number;
  /** `'\n'`, `'\r\n'`, or `''` for the last record of a file without a final line break. */
  terminator: '' | '\n' | '\r\n';
}

/** A quote left open: nothing after it can be read as records. */
export class CsvFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CsvFormatError';
  }
}

const QUOTE = 34; // "
const LF = 10;
const CR = 13;

/** Reads records one at a time from `text`, starting at `position`. */
export class CsvReader {
  readonly text: string;
  position: number;
  private readonly delimiter: number;

  constructor(text: string, delimiter: ColumnDelimiter, position = 0) {
    this.text = text;
    this.delimiter = COLUMN_DELIMITERS[delimiter].charCodeAt(0);
    this.position = position;
  }

  get done(): boolean {
    return this.position >= this.text.length;
  }

  /** The next record, or null at the end of the text. */
  next(): CsvRecord | null {
    const text = this.text;
    const length = text.length;
    let at = this.position;
    if (at >= length) return null;
    const fields: string[] = [];
    for (;;) {
      let value: string;
      if (text.charCodeAt(at) === QUOTE) {
        // A quoted field: up to the closing quote; "" is one quote.
        let parts = '';
        let from = at + 1;
        for (;;) {
          const close = text.indexOf('"', from);
          if (close === -1) {
            throw new CsvFormatError(`a quoted field starting at character ${at + 1} is never closed`);
          }
          parts += text.slice(from, close);
          if (text.charCodeAt(close + 1) === QUOTE) {
            parts += '"';
            from = close + 2;
            continue;
          }
          at = close + 1;
          break;
        }
        // Anything between the closing quote and the next delimiter is kept, as lenient readers do.
        let tail = at;
        while (tail < length) {
          const code = text.charCodeAt(tail);
          if (code === this.delimiter || code === LF || (code === CR && text.charCodeAt(tail + 1) === LF))
            break;
          tail++;
        }
        value = parts + text.slice(at, tail);
        at = tail;
      } else {
        let end = at;
        while (end < length) {
          const code = text.charCodeAt(end);
          if (code === this.delimiter || code === LF || (code === CR && text.charCodeAt(end + 1) === LF))
            break;
          end++;
        }
        value = text.slice(at, end);
        at = end;
      }
      fields.push(value);
      if (at >= length) {
        this.position = length;
        return { fields, end: length, terminator: '' };
      }
      const code = text.charCodeAt(at);
      if (code === this.delimiter) {
        at++;
        if (at >= length) {
          fields.push('');
          this.position = length;
          return { fields, end: length, terminator: '' };
        }
        continue;
      }
      const terminator = code === CR ? '\r\n' : '\n';
      at += terminator.length;
      this.position = at;
      return { fields, end: at, terminator };
    }
  }
}

/** True for a line with nothing on it, which is skipped rather than read as a record. */
export function isBlankRecord(record: CsvRecord): boolean {
  return record.fields.length === 1 && record.fields[0] === '';
}

/** A value quoted as Salesforce writes result files: always in double quotes. */
export function quoted(value: string): string {
  return `"${value.replace(/"/g, '""')}"`;
}

/** A value quoted only when it must be: it holds the delimiter, a quote or a line break. */
export function quotedIfNeeded(value: string, delimiter: string): string {
  return value.includes(delimiter) || /["\r\n]/.test(value) ? quoted(value) : value;
}

/** One line of a result file: every value quoted. */
export function quotedLine(values: readonly string[], delimiter: string, lineEnding: string): string {
  let line = '';
  for (let i = 0; i < values.length; i++) {
    if (i > 0) line += delimiter;
    line += quoted(values[i] ?? '');
  }
  return line + lineEnding;
}
