/**
 * Runs the real Salesforce CLI (`@salesforce/cli`, a devDependency) in a child process on the
 * Node that runs the tests, as a user would run `sf`. Each run gets the HOME it is given, so it
 * reads and writes that sf auth store and never the real ~/.sfdx, and nothing of the caller's sf
 * configuration (SF_* or SFDX_* variables) leaks in.
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { CliRun } from './cli.ts';

const SF_BIN = fileURLToPath(new URL('../../node_modules/@salesforce/cli/bin/run.js', import.meta.url));

/** Long enough for a slow CI machine; a hung sf fails the test instead of hanging it. */
const SF_TIMEOUT_MS = 60_000;

function cleanEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^(SF|SFDX)_/i.test(name)));
}

/**
 * Runs `sf <args>` with HOME set to `home` and its working directory there too, so that no
 * project's `.sf/config.json` is read. `env` adds variables (for example SF_ACCESS_TOKEN).
 */
export function runSf(args: readonly string[], home: string, env: NodeJS.ProcessEnv = {}): Promise<CliRun> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [SF_BIN, ...args],
      {
        cwd: home,
        env: {
          ...cleanEnv(),
          HOME: home,
          SF_DISABLE_TELEMETRY: 'true',
          SF_AUTOUPDATE_DISABLE: 'true',
          SF_SKIP_NEW_VERSION_CHECK: 'true',
          NO_COLOR: '1',
          ...env,
        },
        maxBuffer: 64 * 1024 * 1024,
        timeout: SF_TIMEOUT_MS,
      },
      (error, stdout, stderr) => {
        const code = error && typeof error.code === 'number' ? error.code : error ? 1 : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}
