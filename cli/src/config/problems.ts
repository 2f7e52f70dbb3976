/**
 * Turns schema issues and semantic checks into problems a person can act on:
 * the JSON path, what was found there, what is wrong, and how to fix it.
 */
import { Messages } from '@salesforce/core';
import type { z } from 'zod';
import type { JsonPath } from './json-locate.ts';

Messages.importMessagesDirectoryFromMetaUrl(import.meta.url);
const messages = Messages.loadMessages('trellis-prm', 'config');

export interface ConfigProblem {
  path: JsonPath;
  problem: string;
  fix: string;
}

/** `$.rulesOfEngagement.rules[3].maxAmount`, the notation of JSONPath. */
export function formatJsonPath(path: JsonPath): string {
  return path.reduce<string>(
    (text, segment) =>
      typeof segment === 'number'
        ? `${text}[${segment}]`
        : /^[A-Za-z_$][\w$]*$/.test(segment)
          ? `${text}.${segment}`
          : `${text}[${JSON.stringify(segment)}]`,
    '$',
  );
}

/** What sits at `path` in the parsed document, shortened for a one-line report. */
export function describeFound(root: unknown, path: JsonPath): string {
  let value: unknown = root;
  for (const segment of path) {
    if (value === null || typeof value !== 'object') return 'nothing';
    value = (value as Record<string | number, unknown>)[segment];
  }
  if (value === undefined) return 'nothing (the key is missing)';
  const text = JSON.stringify(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

const list = (values: readonly unknown[]): string => values.map((value) => JSON.stringify(value)).join(', ');

function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(word.length / 3)) + 1;
  for (const candidate of candidates) {
    const distance = editDistance(word.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/** Keys the schema accepts at `path`, found by walking the zod schema (for "did you mean"). */
export type KeysAt = (path: JsonPath) => string[];

export function problemFromIssue(issue: z.core.$ZodIssue, keysAt: KeysAt): ConfigProblem[] {
  const path = issue.path.filter((segment): segment is string | number => typeof segment !== 'symbol');
  switch (issue.code) {
    case 'invalid_type':
      return [
        {
          path,
          problem: `expected ${issue.expected}`,
          fix: messages.getMessage('fix.invalid_type', [issue.expected]),
        },
      ];
    case 'invalid_value':
      return [
        { path, problem: issue.message, fix: messages.getMessage('fix.invalid_value', [list(issue.values)]) },
      ];
    case 'unrecognized_keys': {
      const allowed = keysAt(path);
      return issue.keys.map((key) => {
        const suggestion = closest(key, allowed);
        return {
          path: [...path, key],
          problem: `"${key}" is not a setting here`,
          fix: messages.getMessage('fix.unrecognized_keys', [
            JSON.stringify(key),
            suggestion ? ` (did you mean "${suggestion}"?)` : '',
            allowed.join(', '),
          ]),
        };
      });
    }
    case 'invalid_union':
      if ('discriminator' in issue && typeof issue.discriminator === 'string') {
        const options = (issue as { options?: unknown[] }).options ?? [];
        return [
          {
            path,
            problem: `unknown ${issue.discriminator}`,
            fix: messages.getMessage('fix.discriminator', [issue.discriminator, list(options)]),
          },
        ];
      }
      return [{ path, problem: issue.message, fix: messages.getMessage('fix.generic') }];
    case 'too_small':
      return [
        {
          path,
          problem: issue.message,
          fix:
            issue.origin === 'array'
              ? messages.getMessage('fix.too_small.array', [String(issue.minimum)])
              : messages.getMessage('fix.too_small', [String(issue.minimum)]),
        },
      ];
    case 'too_big':
      return [
        { path, problem: issue.message, fix: messages.getMessage('fix.too_big', [String(issue.maximum)]) },
      ];
    case 'invalid_format':
      return [
        { path, problem: issue.message, fix: messages.getMessage('fix.invalid_format', [issue.message]) },
      ];
    default:
      return [{ path, problem: issue.message, fix: messages.getMessage('fix.generic') }];
  }
}

export { messages as configMessages };
