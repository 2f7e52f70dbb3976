/**
 * A local org in a child process, started through the entry point `trellis org start` launches
 * (serve-main.ts), and its admin's token: for the work that must see the server from outside,
 * its memory measured apart from the client's (the bulk benchmark) or its process killed
 * mid-job (the crash test).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { readCredentials } from '../../cli/src/localorg/org/identity.ts';

const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SERVE_MAIN = join(PROJECT_ROOT, 'cli/src/localorg/org/serve-main.ts');

export interface ChildOrg {
  process: ChildProcess;
  url: string;
}

/** Starts the org on a free port with its data in `dataDir`; resolves once it serves. */
export function spawnLocalOrg(dataDir: string): Promise<ChildOrg> {
  const child = spawn(
    process.execPath,
    [SERVE_MAIN, '--port', '0', '--data-dir', dataDir, '--project-dir', PROJECT_ROOT],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  return new Promise((resolve, reject) => {
    // The reader stays open after the URL, so that a full pipe never blocks the org.
    const lines = createInterface({ input: child.stdout });
    lines.on('line', (line) => {
      const match = /serving at (http:\/\/127\.0\.0\.1:\d+)/.exec(line);
      if (match?.[1]) resolve({ process: child, url: match[1] });
    });
    lines.on('close', () => {
      reject(new Error('the local org exited before it served'));
    });
  });
}

/** The admin's access token, through the password flow with the credentials the org wrote on first start. */
export async function adminToken(url: string, dataDir: string): Promise<string> {
  const { username, password } = readCredentials(dataDir);
  const response = await fetch(`${url}/services/oauth2/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'password', username, password, client_id: 'trellis' }),
  });
  if (!response.ok) throw new Error(`login answered ${response.status}: ${await response.text()}`);
  return ((await response.json()) as { access_token: string }).access_token;
}
