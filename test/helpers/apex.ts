/** Paths and helpers shared by the Apex check tests (test/force-app/apex-*.test.ts). */
import { join } from 'node:path';

import { formatIssue, type Issue } from '../../scripts/apex/issues.ts';
import { PROJECT_ROOT } from './cli.ts';

export { PROJECT_ROOT };
export const FORCE_APP = join(PROJECT_ROOT, 'force-app');
/** A small SFDX project with one deliberate mistake of each kind (see its README). */
export const APEX_FIXTURE = join(PROJECT_ROOT, 'test/fixtures/apex/project');
export const APEX_FIXTURE_SOURCE = join(APEX_FIXTURE, 'force-app');

/** Java checks take seconds: their beforeAll gets this much time. */
export const JAVA_TIMEOUT_MS = 120_000;

/** Issues as `file:line: message` lines (columns and check names left out), for readable diffs. */
export function issueLines(issues: readonly Issue[]): string[] {
  return issues.map((issue) => formatIssue({ ...issue, column: 0 }).replace(/ \[[a-z-]+\]/, ''));
}
