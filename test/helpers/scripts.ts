/** Runs a TypeScript script of test/fixtures/scripts in a child Node process and parses its JSON output. */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { PROJECT_ROOT } from './cli.ts';

export function runScript(name: string, args: readonly string[], env: NodeJS.ProcessEnv): Promise<unknown> {
  const script = fileURLToPath(new URL(`../fixtures/scripts/${name}`, import.meta.url));
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [script, ...args],
      { cwd: PROJECT_ROOT, env: { ...process.env, ...env } },
      (error, stdout, stderr) => {
        if (error) reject(new Error(`${name} failed: ${stderr || error.message}`));
        else resolve(JSON.parse(stdout) as unknown);
      },
    );
  });
}
