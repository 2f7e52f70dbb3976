/**
 * Shared by the scripts that write generated files under force-app: write them, or with
 * `--check` compare them with what the generator would write and fail naming the stale file
 * and the command that regenerates it.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface GeneratedFile {
  /** Path relative to the project root, with forward slashes. */
  readonly path: string;
  readonly content: string;
}

/** The generated files whose content on disk differs from `files` (missing files included). */
export function staleFiles(files: readonly GeneratedFile[]): string[] {
  return files
    .filter((file) => {
      try {
        return readFileSync(join(PROJECT_ROOT, file.path), 'utf8') !== file.content;
      } catch {
        return true;
      }
    })
    .map((file) => file.path);
}

/**
 * Writes `files`, or with `--check` in `argv` reports the stale ones on stderr and sets a
 * non-zero exit code. `command` is how a developer regenerates them.
 */
export function writeOrCheck(
  files: readonly GeneratedFile[],
  argv: readonly string[],
  command: string,
): void {
  if (argv.includes('--check')) {
    const stale = staleFiles(files);
    for (const path of stale) process.stderr.write(`${path} is out of date: run ${command}\n`);
    if (stale.length > 0) process.exitCode = 1;
    return;
  }
  for (const file of files) {
    writeFileSync(join(PROJECT_ROOT, file.path), file.content);
    process.stdout.write(`Wrote ${file.path}\n`);
  }
}

/** True when the module at `moduleUrl` is the script Node was started with. */
export function isMain(moduleUrl: string): boolean {
  return process.argv[1] !== undefined && fileURLToPath(moduleUrl) === process.argv[1];
}

/** The `-meta.xml` that every generated Apex class carries. */
export const APEX_CLASS_META = `<?xml version="1.0" encoding="UTF-8"?>
<ApexClass xmlns="http://soap.sforce.com/2006/04/metadata">
    <apiVersion>66.0</apiVersion>
    <status>Active</status>
</ApexClass>
`;
