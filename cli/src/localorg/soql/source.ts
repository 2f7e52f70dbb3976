/**
 * The query text, tokenized only to find where a name or a literal sits, so
 * that an error can say "ERROR at Row:1:Column:N" as Salesforce does. The
 * grammar itself is the parser's business (`parse.ts`).
 */
import { SoqlError, locatedMessage } from './errors.ts';
import type { SoqlErrorCode } from './errors.ts';

interface Token {
  text: string;
  start: number;
  kind: 'ident' | 'string' | 'other';
  depth: number;
}

const TOKENS =
  /\s+|'(?:\\.|[^'\\])*'?|[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*|[0-9][0-9A-Za-z.:+-]*|!=|<>|<=|>=|./gy;

export type Clause = 'select' | 'from' | 'where' | 'group' | 'having' | 'order';

const CLAUSE_KEYWORD: Record<Clause, string> = {
  select: 'select',
  from: 'from',
  where: 'where',
  group: 'group',
  having: 'having',
  order: 'order',
};

export class Source {
  readonly text: string;
  private tokens: Token[] | undefined;

  constructor(text: string) {
    this.text = text;
  }

  private lex(): Token[] {
    if (this.tokens) return this.tokens;
    const tokens: Token[] = [];
    let depth = 0;
    TOKENS.lastIndex = 0;
    for (let m = TOKENS.exec(this.text); m; m = TOKENS.exec(this.text)) {
      const text = m[0];
      if (/^\s/.test(text)) continue;
      if (text === ')') depth = Math.max(0, depth - 1);
      const kind = text.startsWith("'") ? 'string' : /^[A-Za-z_]/.test(text) ? 'ident' : 'other';
      tokens.push({ text, start: m.index, kind, depth });
      if (text === '(') depth++;
    }
    this.tokens = tokens;
    return tokens;
  }

  /**
   * Where a name (`Foo__c`, `Account.Owner.Name`) or a literal (`'abc'`) is
   * written: its first occurrence in the clause the error is about, else
   * anywhere in the query.
   */
  find(needle: string, clause?: Clause): number | undefined {
    const tokens = this.lex();
    const wanted = needle.toLowerCase();
    const exact = (t: Token): boolean =>
      t.kind === 'string' ? t.text === needle : t.kind === 'ident' && t.text.toLowerCase() === wanted;
    // `c.Account.Name`, written with the object's alias, is reported as `Account.Name`.
    const prefixed = (t: Token): boolean => t.kind === 'ident' && t.text.toLowerCase().endsWith(`.${wanted}`);
    let from = 0;
    if (clause) {
      const keyword = CLAUSE_KEYWORD[clause];
      const at = tokens.findIndex(
        (t) => t.depth === 0 && t.kind === 'ident' && t.text.toLowerCase() === keyword,
      );
      if (at >= 0) from = at;
    }
    const after = tokens.slice(from);
    const hit = after.find(exact) ?? tokens.find(exact) ?? after.find(prefixed) ?? tokens.find(prefixed);
    return hit?.start;
  }

  /** The first `keyword` (`AND`, `OR`) after the clause's keyword. */
  findKeyword(keyword: string, clause: Clause): number | undefined {
    const tokens = this.lex();
    const start = tokens.findIndex(
      (t) => t.depth === 0 && t.kind === 'ident' && t.text.toLowerCase() === CLAUSE_KEYWORD[clause],
    );
    if (start < 0) return undefined;
    return tokens
      .slice(start)
      .find((t) => t.kind === 'ident' && t.text.toLowerCase() === keyword.toLowerCase())?.start;
  }

  /** An error, located at `needle` when it can be found in the query. */
  error(code: SoqlErrorCode, text: string, needle?: string, clause?: Clause): SoqlError {
    const at = needle === undefined ? undefined : this.find(needle, clause);
    return new SoqlError(code, at === undefined ? text : locatedMessage(this.text, at, text));
  }

  errorAt(code: SoqlErrorCode, text: string, offset: number | undefined): SoqlError {
    return new SoqlError(code, offset === undefined ? text : locatedMessage(this.text, offset, text));
  }
}
