/**
 * The objects and fields SOQL in Apex names: inline queries (`[SELECT ... FROM ...]`, with their
 * relationship paths, child subqueries, semi-joins, TYPEOF, GROUP BY, HAVING and ORDER BY) and
 * the query strings given to `Database.query`, `queryWithBinds`, `countQuery` and
 * `getQueryLocator` (and their `WithBinds` forms): string literals, `+` and the file's
 * `static final String` constants are evaluated, other parts of a query built at run time stand
 * in as neutral text, so a selector's field-list constant and WHERE clause are checked even when
 * a filter is computed. apex-parser finds the queries; soql-parser-js parses each one.
 */
import {
  ApexParserBaseListener,
  ApexParseTreeWalker,
  Arth2ExpressionContext,
  BoundExpressionContext,
  IdPrimaryContext,
  LiteralPrimaryContext,
  PrimaryExpressionContext,
  type ApexParseTree,
  type ApexParserRuleContext,
  type ClassBodyDeclarationContext,
  type DotExpressionContext,
  type ExpressionContext,
  type FieldDeclarationContext,
  type SoqlLiteralContext,
} from '@apexdevtools/apex-parser';
import {
  parseQuery,
  type FieldType,
  type FunctionExp,
  type HavingClause,
  type Query,
  type WhereClause,
} from '@jetstreamapp/soql-parser-js';

import type { Schema } from './schema.ts';

/**
 * A SOQL query found in Apex. Its text is made of pieces of the source: `segments` maps each
 * piece's first character in `text` to its offset in the Apex file.
 */
export interface SoqlSource {
  text: string;
  segments: { start: number; sourceOffset: number }[];
  /**
   * Built at run time from literals, string constants and other expressions: the unknown parts
   * stand in as `Id`, `Id != null`, `1` or `'x'` by their place in the query, and a query that
   * does not parse after all is left unchecked rather than reported.
   */
  partial: boolean;
}

/** A problem with one name in a query, at an offset in the query text. */
export interface SoqlProblem {
  offset: number;
  message: string;
}

/** Where a character of a query's text is in its Apex file. */
export function sourceOffset(query: SoqlSource, offset: number): number {
  let found = query.segments[0] ?? { start: 0, sourceOffset: 0 };
  for (const segment of query.segments) if (segment.start <= offset) found = segment;
  return found.sourceOffset + (offset - found.start);
}

const DATABASE_QUERY_METHODS = new Set([
  'query',
  'querywithbinds',
  'countquery',
  'countquerywithbinds',
  'getquerylocator',
  'getquerylocatorwithbinds',
]);

/** Replaces `[start, end)` of `text` by `replacement` padded to the same length, keeping line breaks. */
function blank(text: string, start: number, end: number, replacement: string): string {
  const original = text.slice(start, end);
  const kept = original.replace(/[^\n]/g, ' ');
  return text.slice(0, start) + replacement + kept.slice(replacement.length) + text.slice(end);
}

/** The generated typings declare every child node present; an absent one is null at run time. */
function optional<T>(node: T): T | null {
  return node;
}

/** Offset just after the last character of a parse tree node. */
function endOf(ctx: ApexParserRuleContext): number {
  return (ctx.stop ?? ctx.start).stop + 1;
}

/** The value of an Apex string literal token (`'...'` with backslash escapes). */
function apexString(token: string): string {
  return token.slice(1, -1).replace(/\\(u[0-9a-fA-F]{4}|.)/g, (_, escaped: string) => {
    if (escaped.length === 5) return String.fromCharCode(parseInt(escaped.slice(1), 16));
    return ({ n: '\n', t: '\t', r: '\r', b: '\b', f: '\f' } as Record<string, string>)[escaped] ?? escaped;
  });
}

/** A piece of a string expression: known text at a source offset, or a part computed at run time. */
type Piece = { text: string; sourceOffset: number } | { unknown: true };

/** A string constant's value and where its text starts in the source. */
interface StringConstant {
  pieces: Piece[];
}

/** The pieces of a string expression: literals, `+`, and string constants of the same file. */
function stringPieces(
  expression: ExpressionContext,
  constants: ReadonlyMap<string, StringConstant>,
): Piece[] {
  if (expression instanceof PrimaryExpressionContext) {
    const primary = expression.primary();
    if (primary instanceof LiteralPrimaryContext) {
      const token = optional(primary.literal().StringLiteral());
      if (token !== null)
        return [{ text: apexString(token.getText()), sourceOffset: token.symbol.start + 1 }];
    } else if (primary instanceof IdPrimaryContext) {
      const constant = constants.get(primary.id().getText().toLowerCase());
      if (constant !== undefined) return constant.pieces;
    }
  } else if (expression instanceof Arth2ExpressionContext && optional(expression.ADD()) !== null) {
    return [
      ...stringPieces(expression.expression(0), constants),
      ...stringPieces(expression.expression(1), constants),
    ];
  }
  return [{ unknown: true }];
}

/** What a computed part of a query most likely is, from the text before it; null when it names the object. */
function standIn(before: string): string | null {
  if ((before.match(/(?<!\\)'/g) ?? []).length % 2 === 1) return 'x';
  const upper = before.toUpperCase();
  const last = (keyword: string): number => {
    const found = [...upper.matchAll(new RegExp(`\\b${keyword}\\b`, 'g'))].pop();
    return found?.index ?? -1;
  };
  const positions: [string, number][] = [
    ['SELECT', last('SELECT')],
    ['FROM', last('FROM')],
    ['WHERE', Math.max(last('WHERE'), last('HAVING'))],
    ['ORDER', Math.max(last('ORDER BY'), last('GROUP BY'))],
    ['LIMIT', Math.max(last('LIMIT'), last('OFFSET'))],
  ];
  const [clause, position] = positions.reduce((a, b) => (b[1] > a[1] ? b : a));
  if (position < 0 || clause === 'FROM') return null;
  return { SELECT: 'Id', WHERE: 'Id != null', ORDER: 'Id', LIMIT: '1' }[clause] ?? null;
}

/** A query from the pieces of a string expression, or null when the object it queries is computed. */
function queryFromPieces(pieces: Piece[]): SoqlSource | null {
  let text = '';
  let partial = false;
  const segments: SoqlSource['segments'] = [];
  for (const piece of pieces) {
    if ('unknown' in piece) {
      const stand = standIn(text);
      if (stand === null) return null;
      segments.push({ start: text.length, sourceOffset: segments.at(-1)?.sourceOffset ?? 0 });
      text += stand;
      partial = true;
    } else {
      segments.push({ start: text.length, sourceOffset: piece.sourceOffset });
      text += piece.text;
    }
  }
  return /\bFROM\b/i.test(text) ? { text, segments, partial } : null;
}

/** `static final String` constants of a file whose value is known, by lower-case name. */
function stringConstants(tree: ApexParseTree): Map<string, StringConstant> {
  const constants = new Map<string, StringConstant>();
  const listener = new (class extends ApexParserBaseListener {
    enterFieldDeclaration = (ctx: FieldDeclarationContext): void => {
      if (ctx.typeRef().getText().toLowerCase() !== 'string') return;
      const modifiers =
        (ctx.parentCtx?.parentCtx as ClassBodyDeclarationContext | null)?.modifier_list() ?? [];
      const words = new Set(modifiers.map((modifier) => modifier.getText().toLowerCase()));
      if (!words.has('static') || !words.has('final')) return;
      for (const declarator of ctx.variableDeclarators().variableDeclarator_list()) {
        const initializer = optional(declarator.expression());
        if (initializer === null) continue;
        const pieces = stringPieces(initializer, constants);
        if (pieces.every((piece) => !('unknown' in piece))) {
          constants.set(declarator.id().getText().toLowerCase(), { pieces });
        }
      }
    };
  })();
  ApexParseTreeWalker.DEFAULT.walk(listener, tree);
  return constants;
}

/** A field path written in a string list constant, and where it is in the source. */
export interface FieldPathLiteral {
  path: string;
  offset: number;
}

/**
 * Paths of custom fields (`Status__c`, `Partner_Account__r.Name`) listed in `static final
 * List<String>` or `Set<String>` constants: selectors keep field lists there and join them into
 * queries at run time, where no query text shows them.
 */
export function fieldPathConstants(source: string, tree: ApexParseTree): FieldPathLiteral[] {
  const found: FieldPathLiteral[] = [];
  const listener = new (class extends ApexParserBaseListener {
    enterFieldDeclaration = (ctx: FieldDeclarationContext): void => {
      if (!/^(list|set)<string>$/.test(ctx.typeRef().getText().toLowerCase())) return;
      const modifiers =
        (ctx.parentCtx?.parentCtx as ClassBodyDeclarationContext | null)?.modifier_list() ?? [];
      const words = new Set(modifiers.map((modifier) => modifier.getText().toLowerCase()));
      if (!words.has('static') || !words.has('final')) return;
      for (const declarator of ctx.variableDeclarators().variableDeclarator_list()) {
        const initializer = optional(declarator.expression());
        if (initializer === null || !/^new(list|set)<string>\{/i.test(initializer.getText())) continue;
        const start = initializer.start.start;
        for (const match of source.slice(start, endOf(initializer)).matchAll(/'([^'\\]*)'/g)) {
          const path = match[1] ?? '';
          if (IDENTIFIER_PATH.test(path) && /__[cr]\b/i.test(path)) {
            found.push({ path, offset: start + match.index + 1 });
          }
        }
      }
    };
  })();
  ApexParseTreeWalker.DEFAULT.walk(listener, tree);
  return found;
}

/** The objects a query's text names after FROM (its own and those of its subqueries). */
export function queriedObjects(query: SoqlSource): string[] {
  return [...query.text.matchAll(/\bFROM\s+([A-Za-z][A-Za-z0-9_]*)/gi)].map((match) => match[1] ?? '');
}

/** The SOQL of one Apex source: bound expressions become `:b` placeholders of the same length. */
export function findSoql(source: string, tree: ApexParseTree): SoqlSource[] {
  const found: SoqlSource[] = [];
  const constants = stringConstants(tree);
  const listener = new (class extends ApexParserBaseListener {
    enterSoqlLiteral = (ctx: SoqlLiteralContext): void => {
      const query = ctx.query();
      const start = query.start.start;
      let text = source.slice(start, endOf(query));
      const bounds: ApexParserRuleContext[] = [];
      const collect = (node: ApexParserRuleContext): void => {
        for (let index = 0; index < node.getChildCount(); index += 1) {
          const child = node.getChild(index);
          if (child instanceof BoundExpressionContext) bounds.push(child);
          else if ('getChildCount' in child && 'start' in child) collect(child as ApexParserRuleContext);
        }
      };
      collect(query);
      for (const bound of bounds) {
        text = blank(text, bound.start.start - start, endOf(bound) - start, ':b');
      }
      found.push({ text, segments: [{ start: 0, sourceOffset: start }], partial: false });
    };

    enterDotExpression = (ctx: DotExpressionContext): void => {
      const call = optional(ctx.dotMethodCall());
      if (call === null || ctx.expression().getText().toLowerCase() !== 'database') return;
      if (!DATABASE_QUERY_METHODS.has(call.anyId().getText().toLowerCase())) return;
      const list = optional(call.expressionList());
      const first = list === null ? null : optional(list.expression(0));
      if (first === null) return;
      const query = queryFromPieces(stringPieces(first, constants));
      if (query !== null) found.push(query);
    };
  })();
  ApexParseTreeWalker.DEFAULT.walk(listener, tree);
  return found;
}

/** Apex-only syntax soql-parser-js does not take, replaced by equivalents of the same length. */
function forSoqlParser(text: string): string {
  return text
    .replace(
      /\b(LIMIT|OFFSET)(\s+)(:[A-Za-z_][A-Za-z0-9_]*)/gi,
      (_, keyword: string, space: string, bind: string) => `${keyword}${space}${'1'.padEnd(bind.length)}`,
    )
    .replace(/\bALL\s+ROWS\b/gi, (match) => match.replace(/[^\n]/g, ' '));
}

const IDENTIFIER_PATH = /^[A-Za-z][A-Za-z0-9_]*(\.[A-Za-z][A-Za-z0-9_]*)*$/;

/** Checks every object and field name of one query against the schema. */
export function checkSoql(schema: Schema, text: string, partial = false): SoqlProblem[] {
  const problems: SoqlProblem[] = [];
  let query: Query;
  try {
    query = parseQuery(forSoqlParser(text), { allowApexBindVariables: true });
  } catch (error) {
    if (partial) return [];
    const message = (error as Error).message.split('\n')[0] ?? '';
    return [
      {
        offset: 0,
        message: `SOQL that soql-parser-js cannot parse, so its fields are unchecked: ${message}`,
      },
    ];
  }
  /** Where a name is written, searched from the start (case-insensitive, whole names). */
  const locate = (name: string): number => {
    const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const match = new RegExp(`(?<![A-Za-z0-9_.])${escaped}(?![A-Za-z0-9_])`, 'i').exec(text);
    return match?.index ?? 0;
  };
  const report = (name: string, message: string | null): void => {
    if (message !== null) problems.push({ offset: locate(name), message });
  };

  const checkQuery = (q: Query, objectName: string): void => {
    const object = schema.objectName(objectName);
    if (object === null) {
      report(objectName, `unknown object ${objectName}`);
      return;
    }
    const aliases = new Set<string>();
    for (const field of q.fields ?? []) {
      if ('alias' in field && typeof field.alias === 'string') aliases.add(field.alias.toLowerCase());
    }
    const prefixes = new Set([object.toLowerCase(), objectName.toLowerCase()]);
    if (q.sObjectAlias) prefixes.add(q.sObjectAlias.toLowerCase());

    const checkPath = (written: string): void => {
      if (!IDENTIFIER_PATH.test(written) || aliases.has(written.toLowerCase())) return;
      const parts = written.split('.');
      if (parts.length > 1 && prefixes.has((parts[0] ?? '').toLowerCase())) parts.shift();
      report(written, schema.resolvePath(object, parts));
    };
    const checkFunction = (fn: FunctionExp): void => {
      // FIELDS(ALL | STANDARD | CUSTOM) names field groups, not fields.
      if (fn.functionName?.toUpperCase() === 'FIELDS') return;
      for (const parameter of fn.parameters ?? []) {
        if (typeof parameter === 'string') checkPath(parameter);
        else checkFunction(parameter);
      }
    };
    const checkField = (field: FieldType): void => {
      switch (field.type) {
        case 'Field':
          checkPath(field.field);
          break;
        case 'FieldRelationship':
          checkPath(field.rawValue ?? [...field.relationships, field.field].join('.'));
          break;
        case 'FieldFunctionExpression':
          checkFunction(field);
          break;
        case 'FieldSubquery': {
          const relationship = field.subquery.relationshipName;
          const child = schema.childRelationship(object, relationship);
          if ('problem' in child) report(relationship, child.problem);
          else checkQuery(field.subquery, child.object);
          break;
        }
        case 'FieldTypeof':
          checkPath(field.field);
          for (const condition of field.conditions) {
            if (condition.objectType === undefined) continue;
            const typeName = schema.objectName(condition.objectType);
            if (typeName === null) {
              report(condition.objectType, `unknown object ${condition.objectType}`);
              continue;
            }
            for (const name of condition.fieldList)
              report(name, schema.resolvePath(typeName, name.split('.')));
          }
          break;
      }
    };
    const checkCondition = (condition: WhereClause | HavingClause | undefined): void => {
      if (condition === undefined) return;
      const left = condition.left as Record<string, unknown> | null;
      if (left !== null) {
        if (typeof left.field === 'string') checkPath(left.field);
        const fn = left.fn as FunctionExp | null | undefined;
        if (typeof fn === 'object' && fn !== null) checkFunction(fn);
        const valueQuery = left.valueQuery as Query | undefined;
        if (valueQuery?.sObject !== undefined) checkQuery(valueQuery, valueQuery.sObject);
      }
      if ('right' in condition) checkCondition(condition.right);
    };
    const asList = <T>(value: T | T[] | undefined): T[] =>
      value === undefined ? [] : Array.isArray(value) ? value : [value];

    for (const field of q.fields ?? []) checkField(field);
    checkCondition(q.where);
    checkCondition(q.having);
    for (const clause of [...asList(q.groupBy), ...asList(q.orderBy)]) {
      if ('field' in clause) checkPath(clause.field);
      else checkFunction(clause.fn);
    }
  };

  if (query.sObject === undefined) return [{ offset: 0, message: 'SOQL without a FROM object' }];
  checkQuery(query, query.sObject);
  return problems;
}
