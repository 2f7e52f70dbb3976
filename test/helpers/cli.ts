/** Runs the real `trellis` binary in a child process, as a user or a CI job would. */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BIN = fileURLToPath(new URL('../../cli/bin/run.js', import.meta.url));

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** `cwd` defaults to the project; commands that write sf config (`org start`) get a temporary one. */
export function runCli(
  args: readonly string[],
  env: NodeJS.ProcessEnv = {},
  cwd: string = PROJECT_ROOT,
): Promise<CliRun> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [BIN, ...args],
      {
        cwd,
        env: { ...process.env, NO_COLOR: '1', SF_DISABLE_TELEMETRY: 'true', ...env },
        maxBuffer: 64 * 1024 * 1024,
      },
      (error, stdout, stderr) => {
        const code = error && typeof error.code === 'number' ? error.code : error ? 1 : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

/** The sf result envelope that `--json` prints. */
export interface JsonEnvelope {
  status: number;
  result: unknown;
  name?: string;
  message?: string;
  data?: unknown;
}

export function parseJsonOutput(run: CliRun): JsonEnvelope {
  return JSON.parse(run.stdout) as JsonEnvelope;
}
