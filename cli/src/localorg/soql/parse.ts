/**
 * Parsing with `@jetstreamapp/soql-parser-js`, and what the engine needs on
 * top of it: the parser's errors turned into Salesforce's MALFORMED_QUERY
 * (with the row and column of the offending token), the WHERE and HAVING
 * chains rebuilt into a tree (the parser hands them over flat, parentheses as
 * counts), and string literals decoded with SOQL's escape sequences.
 */
import { parseQuery } from '@jetstreamapp/soql-parser-js';
import type {
  FunctionExp,
  HavingClause,
  LiteralType,
  Operator,
  Query,
  WhereClause,
} from '@jetstreamapp/soql-parser-js';
import { SoqlError, locatedMessage } from './errors.ts';
import type { Clause, Source } from './source.ts';

// ---------------------------------------------------------------------------
// Parsing and syntax errors

function foundToken(error: unknown): string | undefined {
  const message = error instanceof Error ? error.message : '';
  const patterns = [
    /but found --> '([\s\S]*)' <--\s*$/,
    /but found: '([\s\S]*)'\s*$/,
    /but found: ([\s\S]*)$/,
  ];
  for (const pattern of patterns) {
    const m = pattern.exec(message);
    if (m) return m[1] ?? '';
  }
  return undefined;
}

/** Where the parser stopped: the occurrence of `found` that makes a prefix of the query fail the same way. */
function offsetOfFound(text: string, found: string): number | undefined {
  const word = /\w/;
  const candidates: number[] = [];
  for (let i = text.indexOf(found); i >= 0; i = text.indexOf(found, i + 1)) {
    const startsWord = word.test(found.charAt(0)) && i > 0 && word.test(text.charAt(i - 1));
    const endsWord = word.test(found.charAt(found.length - 1)) && word.test(text.charAt(i + found.length));
    if (!startsWord && !endsWord) candidates.push(i);
  }
  for (const at of candidates) {
    try {
      parseQuery(text.slice(0, at + found.length));
    } catch (error) {
      if (foundToken(error) === found) return at;
    }
  }
  return candidates[0];
}

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  return { line: before.split('\n').length, column: offset - (before.lastIndexOf('\n') + 1) };
}

function syntaxError(text: string, error: unknown): SoqlError {
  const message = error instanceof Error ? error.message : String(error);
  const lexing = /unexpected character: ->([\s\S])<- at offset: (\d+)/.exec(message);
  if (lexing) {
    const char = lexing[1] ?? '';
    const offset = char === "'" ? text.trimEnd().length : Number(lexing[2]);
    const { line, column } = lineAndColumn(text, offset);
    const detail =
      char === "'"
        ? `line ${line}:${column} mismatched character '<EOF>' expecting '''`
        : `line ${line}:${column} no viable alternative at character '${char}'`;
    return new SoqlError('MALFORMED_QUERY', locatedMessage(text, offset, detail, column));
  }
  const found = foundToken(error);
  if (found === undefined) return new SoqlError('MALFORMED_QUERY', message);
  if (found === '') {
    return new SoqlError(
      'MALFORMED_QUERY',
      locatedMessage(text, text.trimEnd().length, "unexpected token: '<EOF>'"),
    );
  }
  const at = offsetOfFound(text, found);
  const detail = `unexpected token: '${found}'`;
  return new SoqlError('MALFORMED_QUERY', at === undefined ? detail : locatedMessage(text, at, detail));
}

export function parseSoql(text: string): Query {
  if (text.trim() === '') throw new SoqlError('MALFORMED_QUERY', "unexpected token: '<EOF>'");
  try {
    return parseQuery(text);
  } catch (error) {
    throw syntaxError(text, error);
  }
}

// ---------------------------------------------------------------------------
// WHERE / HAVING as a tree

/** One comparison of a WHERE or HAVING clause, as the parser gives it. */
export interface Leaf {
  field?: string;
  fn?: FunctionExp;
  operator: Operator | Lowercase<Operator> | '<>';
  value?: string | string[];
  literalType?: LiteralType | LiteralType[];
  dateLiteralVariable?: number | (number | null)[];
  valueQuery?: Query;
}

export type CondNode =
  { kind: 'and' | 'or'; items: CondNode[] } | { kind: 'not'; item: CondNode } | { kind: 'leaf'; leaf: Leaf };

type Piece = '(' | ')' | 'AND' | 'OR' | 'NOT' | { leaf: Leaf };

interface Chain {
  left: unknown;
  operator?: string;
  right?: Chain;
}

function isLeaf(value: unknown): value is Leaf {
  return typeof value === 'object' && value !== null && ('field' in value || 'fn' in value);
}

function flatten(chain: Chain | undefined, out: Piece[]): void {
  for (let node = chain; node; node = node.right) {
    const left = node.left as Record<string, unknown> | null;
    const open = left && typeof left.openParen === 'number' ? left.openParen : 0;
    for (let i = 0; i < open; i++) out.push('(');
    if (isLeaf(left)) {
      out.push({ leaf: left });
      const close = typeof left.closeParen === 'number' ? left.closeParen : 0;
      for (let i = 0; i < close; i++) out.push(')');
    }
    const operator = node.operator?.toUpperCase();
    if (operator === 'AND' || operator === 'OR' || operator === 'NOT') out.push(operator);
  }
}

/**
 * The condition as a tree. SOQL has no precedence between AND and OR: mixing
 * them without parentheses is a syntax error, as Salesforce answers it.
 */
export function conditionTree(
  clause: WhereClause | HavingClause | undefined,
  source: Source,
  where: Clause,
): CondNode | undefined {
  if (!clause) return undefined;
  const pieces: Piece[] = [];
  flatten(clause, pieces);
  let i = 0;
  const malformed = (): SoqlError => new SoqlError('MALFORMED_QUERY', "unexpected token: '<EOF>'");

  const unary = (): CondNode => {
    const piece = pieces[i++];
    if (piece === 'NOT') return { kind: 'not', item: unary() };
    if (piece === '(') {
      const inner = expression();
      if (pieces[i++] !== ')') throw malformed();
      return inner;
    }
    if (piece && typeof piece === 'object') return { kind: 'leaf', leaf: piece.leaf };
    throw malformed();
  };
  const expression = (): CondNode => {
    const items = [unary()];
    let operator: 'AND' | 'OR' | undefined;
    for (let next = pieces[i]; next === 'AND' || next === 'OR'; next = pieces[i]) {
      if (operator && next !== operator) {
        throw source.errorAt(
          'MALFORMED_QUERY',
          `unexpected token: '${next}'`,
          source.findKeyword(next, where) ?? undefined,
        );
      }
      operator = next;
      i++;
      items.push(unary());
    }
    return operator ? { kind: operator === 'AND' ? 'and' : 'or', items } : (items[0] as CondNode);
  };
  const tree = expression();
  if (i !== pieces.length) throw malformed();
  return tree;
}

// ---------------------------------------------------------------------------
// String literals

const SIMPLE_ESCAPES: Record<string, string> = {
  n: '\n',
  r: '\r',
  t: '\t',
  b: '\u0007',
  f: '\f',
  '"': '"',
  "'": "'",
  '\\': '\\',
};

/**
 * A quoted SOQL string decoded. With `like`, the result is a SQLite LIKE
 * pattern for `ESCAPE '\'`: `\%` and `\_` stay literal characters, `%` and `_`
 * stay wildcards.
 */
export function decodeString(raw: string, like = false): string {
  const body = raw.startsWith("'") && raw.endsWith("'") && raw.length >= 2 ? raw.slice(1, -1) : raw;
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const c = body.charAt(i);
    if (c !== '\\') {
      out += c;
      continue;
    }
    const next = body.charAt(i + 1);
    i++;
    const simple = SIMPLE_ESCAPES[next.toLowerCase()];
    if (simple !== undefined) {
      out += like && simple === '\\' ? '\\\\' : simple;
    } else if ((next === 'u' || next === 'U') && /^[0-9a-fA-F]{4}$/.test(body.slice(i + 1, i + 5))) {
      out += String.fromCharCode(parseInt(body.slice(i + 1, i + 5), 16));
      i += 4;
    } else if (like && (next === '%' || next === '_')) {
      out += `\\${next}`;
    } else {
      throw new SoqlError(
        'MALFORMED_QUERY',
        `Invalid string literal '${body}'. Illegal character sequence '\\${next}' in string literal.`,
      );
    }
  }
  return out;
}
