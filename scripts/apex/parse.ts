/**
 * Parses every Apex class and trigger with @apexdevtools/apex-parser, the ANTLR grammar that
 * apex-ls and PMD also build on, and reports each syntax error with its file, line and column.
 */
import { readFileSync } from 'node:fs';

import {
  ApexErrorListener,
  ApexParserFactory,
  type CompilationUnitContext,
  type TriggerUnitContext,
} from '@apexdevtools/apex-parser';

import { apexFiles, projectPath, type Issue } from './issues.ts';

/** A syntax error: 1-based line, 1-based column. */
export interface SyntaxProblem {
  line: number;
  column: number;
  message: string;
}

export interface ParsedApex {
  tree: CompilationUnitContext | TriggerUnitContext;
  errors: SyntaxProblem[];
}

class CollectingListener extends ApexErrorListener {
  readonly errors: SyntaxProblem[] = [];

  apexSyntaxError(line: number, column: number, msg: string): void {
    // ANTLR counts columns from 0.
    this.errors.push({ line, column: column + 1, message: shorten(msg) });
  }
}

/** ANTLR lists every token it would have accepted: a long list says nothing more than its start. */
function shorten(message: string): string {
  return message.replace(/expecting \{([^}]{100})[^}]+\}/, 'expecting {$1...}');
}

/** The last parse of each file name, so that the checks of one run parse each file once. */
const lastParse = new Map<string, { source: string; parsed: ParsedApex }>();

/** Parses one source: a trigger when `fileName` ends in `.trigger`, a class otherwise. */
export function parseApex(source: string, fileName: string): ParsedApex {
  const cached = lastParse.get(fileName);
  if (cached?.source === source) return cached.parsed;
  const listener = new CollectingListener();
  const { parser } = ApexParserFactory.createLexerAndParser(source, listener);
  const tree = fileName.endsWith('.trigger') ? parser.triggerUnit() : parser.compilationUnit();
  const parsed = { tree, errors: listener.errors };
  lastParse.set(fileName, { source, parsed });
  return parsed;
}

/** Syntax errors in every `.cls` and `.trigger` under `sourceDir`, paths relative to `root`. */
export function checkSyntax(root: string, sourceDir: string): Issue[] {
  return apexFiles(sourceDir).flatMap((file) =>
    parseApex(readFileSync(file, 'utf8'), file).errors.map((error) => ({
      check: 'parse',
      file: projectPath(root, file),
      line: error.line,
      column: error.column,
      message: error.message,
    })),
  );
}
