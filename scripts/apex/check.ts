// Runs every Apex check on the SFDX project in the working directory (or the one given) and prints
// each issue as `file:line:column: [check] message`; exits 1 when any check found an issue.
//
//   node scripts/apex/check.ts [project-dir]
//
// The checks: syntax (apex-parser), semantics (apex-ls), PMD rules (pmd-ruleset.xml) and the
// object/field references of SOQL, LWC, permission sets and custom metadata (field-references.ts).
import { join, resolve } from 'node:path';

import { runApexLs } from './apex-ls.ts';
import { checkFieldReferences } from './field-references.ts';
import { formatIssue, type Issue } from './issues.ts';
import { checkSyntax } from './parse.ts';
import { runPmd } from './pmd.ts';

const root = resolve(process.argv[2] ?? '.');
const sourceDir = join(root, 'force-app');

const checks: [string, () => Issue[] | Promise<Issue[]>][] = [
  ['parse', () => checkSyntax(root, sourceDir)],
  ['apex-ls', () => runApexLs(root)],
  ['pmd', () => runPmd(root, sourceDir)],
  ['field-references', () => checkFieldReferences(root, sourceDir)],
];

let total = 0;
for (const [name, run] of checks) {
  const started = performance.now();
  let issues: Issue[];
  try {
    issues = await run();
  } catch (error) {
    issues = [{ check: name, file: '.', line: 0, column: 0, message: (error as Error).message }];
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const count = issues.length === 1 ? '1 issue' : `${issues.length} issues`;
  process.stdout.write(`${name}: ${count} (${seconds} s)\n`);
  for (const issue of issues) process.stdout.write(`  ${formatIssue(issue)}\n`);
  total += issues.length;
}
process.exitCode = total === 0 ? 0 : 1;
