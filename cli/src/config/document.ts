/**
 * Reads and validates a JSON document against a zod schema. A bad document is
 * refused as a whole with every problem listed (file, JSON path, line, what was
 * found, the fix), never with a stack trace and never half-applied.
 */
import { readFile } from 'node:fs/promises';
import type { SfError } from '@salesforce/core';
import type { AnyJson } from '@salesforce/ts-types';
import type { z } from 'zod';
import { locateJsonPath, positionOf, type JsonPath } from './json-locate.ts';
import {
  configMessages,
  describeFound,
  formatJsonPath,
  problemFromIssue,
  type ConfigProblem,
} from './problems.ts';

export interface LocatedProblem extends ConfigProblem {
  jsonPath: string;
  line: number;
  column: number;
  found: string;
}

export interface ConfigErrorData {
  file: string;
  problems: LocatedProblem[];
}

export async function readDocument(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    throw configMessages.createError('error.FileNotFound', [file, (error as Error).message]);
  }
}

/**
 * Parses and validates `text`; `file` only names the source in errors.
 * `checkMeaning` adds problems the schema cannot see, once the shape is right.
 */
export function parseJsonDocument<S extends z.ZodType>(
  text: string,
  file: string,
  schema: S,
  checkMeaning: (data: z.output<S>) => ConfigProblem[] = () => [],
): z.output<S> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw invalidJson(text, file, error as Error);
  }
  const parsed = schema.safeParse(raw);
  const problems = parsed.success
    ? checkMeaning(parsed.data)
    : parsed.error.issues.flatMap((issue) => problemFromIssue(issue, (path) => keysAt(schema, raw, path)));
  if (problems.length > 0 || !parsed.success) {
    const located = problems.map((problem) => locate(problem, text, raw));
    throw invalidConfig(file, located);
  }
  return parsed.data;
}

function locate(problem: ConfigProblem, text: string, raw: unknown): LocatedProblem {
  const { line, column } = locateJsonPath(text, problem.path);
  return {
    ...problem,
    jsonPath: formatJsonPath(problem.path),
    line,
    column,
    found: describeFound(raw, problem.path),
  };
}

function invalidConfig(file: string, problems: LocatedProblem[]): SfError {
  const details = problems
    .map((p, i) =>
      configMessages
        .getMessage('problem.line', [
          String(i + 1),
          p.jsonPath,
          String(p.line),
          String(p.column),
          p.found,
          p.problem,
          p.fix,
        ])
        .split('\n')
        .map((line, lineIndex) => (lineIndex === 0 ? `  ${line}` : `     ${line}`))
        .join('\n'),
    )
    .join('\n');
  const count = configMessages.getMessage('problem.count', [String(problems.length)]);
  // Named InvalidConfigError by the message key; the problems travel in `data` for --json.
  const data: ConfigErrorData = { file, problems };
  return configMessages
    .createError('error.InvalidConfig', [file, count, details], [file])
    .setData(data as unknown as AnyJson);
}

function invalidJson(text: string, file: string, cause: Error): SfError {
  // V8 reports "... in JSON at position N"; turn N into a line and column a person can find.
  const position = /position (\d+)/.exec(cause.message);
  const { line, column } = positionOf(text, position ? Number(position[1]) : 0);
  const reason = cause.message.replace(/ in JSON at position \d+.*$/s, '').replace(/^.*?:\s*/, '');
  return configMessages.createError('error.InvalidJson', [file, reason, String(line), String(column)]);
}

/** The keys the schema accepts at `path`, walking the schema beside the document. */
function keysAt(root: z.ZodType, raw: unknown, path: JsonPath): string[] {
  let schema: z.core.$ZodType | undefined = root;
  let value: unknown = raw;
  for (const segment of path) {
    schema = schema ? childSchema(unwrap(schema), value, segment) : undefined;
    value =
      value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[segment] : undefined;
  }
  const target = schema ? pickUnionOption(unwrap(schema), value) : undefined;
  return target && target._zod.def.type === 'object' ? Object.keys((target as z.ZodObject).shape) : [];
}

function unwrap(schema: z.core.$ZodType): z.core.$ZodType {
  let current = schema;
  while (current._zod.def.type === 'default' || current._zod.def.type === 'optional') {
    current = (current._zod.def as unknown as { innerType: z.core.$ZodType }).innerType;
  }
  return current;
}

function pickUnionOption(schema: z.core.$ZodType, value: unknown): z.core.$ZodType | undefined {
  if (schema._zod.def.type !== 'union') return schema;
  const options = (schema._zod.def as unknown as { options: z.ZodObject[] }).options;
  const kind = value !== null && typeof value === 'object' ? (value as { kind?: unknown }).kind : undefined;
  return options.find((option) => {
    const literal = option.shape.kind as z.ZodLiteral | undefined;
    return literal?.def.values.includes(kind as string) ?? false;
  });
}

function childSchema(
  schema: z.core.$ZodType,
  value: unknown,
  segment: string | number,
): z.core.$ZodType | undefined {
  const resolved = pickUnionOption(schema, value);
  if (!resolved) return undefined;
  const def = resolved._zod.def;
  if (def.type === 'object' && typeof segment === 'string')
    return (resolved as z.ZodObject).shape[segment] as z.core.$ZodType | undefined;
  if (def.type === 'array') return (def as unknown as { element: z.core.$ZodType }).element;
  if (def.type === 'record') return (def as unknown as { valueType: z.core.$ZodType }).valueType;
  return undefined;
}
