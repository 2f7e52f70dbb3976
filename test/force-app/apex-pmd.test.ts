/**
 * PMD's Apex rules (scripts/apex/pmd-ruleset.xml: security, error-prone, and the best practices
 * Trellis relies on) report nothing on force-app that is not justified at its line with
 * `// NOPMD - <why>`. The fixture project proves the check can fail, and that a bare `// NOPMD`
 * does not count as a justification.
 */
import type { Issue } from '../../scripts/apex/issues.ts';
import { runPmd } from '../../scripts/apex/pmd.ts';
import {
  APEX_FIXTURE,
  APEX_FIXTURE_SOURCE,
  FORCE_APP,
  JAVA_TIMEOUT_MS,
  PROJECT_ROOT,
  issueLines,
} from '../helpers/apex.ts';

let forceApp: Issue[];
let fixture: Issue[];

beforeAll(async () => {
  // One after the other: each PMD run already uses both cores.
  forceApp = await runPmd(PROJECT_ROOT, FORCE_APP);
  fixture = await runPmd(APEX_FIXTURE, APEX_FIXTURE_SOURCE);
}, JAVA_TIMEOUT_MS);

describe('PMD', () => {
  it('reports no unjustified violation in force-app', () => {
    expect(issueLines(forceApp)).toEqual([]);
  });

  it('reports the violations of the fixture with file and line, and accepts only justified suppressions', () => {
    expect(issueLines(fixture)).toEqual([
      'force-app/main/default/classes/WidgetService.cls:14: OperationWithLimitsInLoop (Performance): Avoid operations in loops that may hit governor limits',
      'force-app/main/default/classes/WidgetService.cls:18: EmptyCatchBlock (Error Prone): Avoid empty catch blocks',
      'force-app/main/default/classes/WidgetService.cls:32: OperationWithLimitsInLoop (Performance): Avoid operations in loops that may hit governor limits [// NOPMD without a reason: add - <why>]',
    ]);
  });
});
