/**
 * Salesforce's Apex language server, apex-ls, as the compiler stand-in: on force-app it reports
 * no issue (no unknown type, field or method, no meta file missing). The fixture project proves
 * the check can fail. apex-ls runs once per project (seconds of Java start-up).
 */
import { parseApexLsReport, runApexLs } from '../../scripts/apex/apex-ls.ts';
import type { Issue } from '../../scripts/apex/issues.ts';
import { JavaNotFoundError, findJava } from '../../scripts/apex/java.ts';
import { APEX_FIXTURE, JAVA_TIMEOUT_MS, PROJECT_ROOT, issueLines } from '../helpers/apex.ts';

let forceApp: Issue[];
let fixture: Issue[];

beforeAll(async () => {
  [forceApp, fixture] = await Promise.all([runApexLs(PROJECT_ROOT), runApexLs(APEX_FIXTURE)]);
}, JAVA_TIMEOUT_MS);

describe('apex-ls CheckForIssues', () => {
  it('reports no issue in force-app', () => {
    expect(issueLines(forceApp)).toEqual([]);
  });

  it('reports unknown methods and objects of the fixture with file and line', () => {
    expect(issueLines(fixture)).toEqual([
      "force-app/main/default/classes/WidgetQueries.cls:36: Missing: No type declaration found for 'Schema.Widgit__c'",
      "force-app/main/default/classes/WidgetService.cls:7: Missing: No matching method found for 'lenght' on 'System.String' taking no arguments",
    ]);
  });
});

describe('the Java runtime', () => {
  it('is found through JAVA_HOME, then the PATH', () => {
    const java = findJava();
    expect(findJava({ PATH: '/nonexistent', JAVA_HOME: java.replace(/\/bin\/java$/, '') })).toBe(java);
  });

  it('when missing, is named with the Debian package that brings it', () => {
    expect(() => findJava({ PATH: '/nonexistent' })).toThrow(JavaNotFoundError);
    expect(() => findJava({ PATH: '/nonexistent' })).toThrow(/default-jre-headless/);
  });
});

describe("apex-ls' report", () => {
  it('becomes issues with project paths, 1-based lines and columns', () => {
    const json = JSON.stringify({
      files: [
        {
          path: '/project/force-app/main/default/classes/A.cls',
          messages: [
            { start: { line: 3, offset: 4 }, end: { line: 3, offset: 9 }, category: 'Missing', message: 'x' },
          ],
        },
      ],
    });
    expect(parseApexLsReport('/project', json)).toEqual([
      {
        check: 'apex-ls',
        file: 'force-app/main/default/classes/A.cls',
        line: 3,
        column: 5,
        message: 'Missing: x',
      },
    ]);
  });
});
