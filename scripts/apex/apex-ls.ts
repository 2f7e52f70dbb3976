/**
 * Runs Salesforce's Apex language server, apex-ls, as a compiler stand-in: its CheckForIssues
 * entry point loads the SFDX project (sfdx-project.json, the Apex, the objects and fields) and
 * reports every unknown type, field or method and every other semantic error. Its jars ship in
 * `@salesforce/code-analyzer-pmd-engine` under `dist/java-lib`.
 *
 *   java -cp "<java-lib>/*" io.github.apexdevtools.apexls.CheckForIssues -w <root> -n -f json
 *
 * `-n` keeps it from writing a cache to the home directory; `-f json` gives, per file, messages
 * with a 1-based line and a 0-based offset. apex-ls does not look inside SOQL: field-references.ts does.
 */
import { execFile } from 'node:child_process';
import { isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { projectPath, type Issue } from './issues.ts';
import { findJava } from './java.ts';

/** The directory of apex-ls' jars (and PMD's Apex jars, which it runs on). */
export const APEX_LS_JARS = fileURLToPath(
  new URL('../../node_modules/@salesforce/code-analyzer-pmd-engine/dist/java-lib', import.meta.url),
);

interface ApexLsMessage {
  start: { line: number; offset: number };
  category: string;
  message: string;
}

interface ApexLsReport {
  files: { path: string; messages: ApexLsMessage[] }[];
}

/** Turns CheckForIssues' JSON report into issues with project-relative paths. */
export function parseApexLsReport(root: string, json: string): Issue[] {
  const report = JSON.parse(json) as ApexLsReport;
  return report.files.flatMap((entry) => {
    const file = isAbsolute(entry.path) ? projectPath(root, entry.path) : entry.path;
    return entry.messages.map((message) => ({
      check: 'apex-ls',
      file,
      line: message.start.line,
      column: message.start.offset + 1,
      message: `${message.category}: ${message.message}`,
    }));
  });
}

/** Runs apex-ls on the SFDX project at `root` (the directory of sfdx-project.json). */
export function runApexLs(root: string): Promise<Issue[]> {
  const java = findJava();
  const args = ['-cp', `${APEX_LS_JARS}/*`, 'io.github.apexdevtools.apexls.CheckForIssues'];
  args.push('-w', resolve(root), '-n', '-f', 'json');
  return new Promise((done, fail) => {
    execFile(java, args, { cwd: root, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      // Exit status 4 means "issues found"; the report says which.
      const status = error ? error.code : 0;
      if (status !== 0 && status !== 4) {
        fail(
          new Error(`apex-ls failed (exit ${String(status)}): ${stderr || stdout || (error?.message ?? '')}`),
        );
        return;
      }
      try {
        done(parseApexLsReport(resolve(root), stdout));
      } catch (parseError) {
        fail(new Error(`apex-ls printed no JSON report (${String(parseError)}): ${stdout}${stderr}`));
      }
    });
  });
}
