/**
 * Runs the local org in the background for `trellis org start`, and finds,
 * checks and stops it again. The running server writes `server.json` (pid, url)
 * in its data dir; that file is how the other commands find it.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FaultSettings } from '../http/faults.ts';

export const SERVER_FILE = 'server.json';
export const LOG_FILE = 'server.log';

export interface ServerInfo {
  pid: number;
  url: string;
  port: number;
  startedAt: string;
}

export function writeServerInfo(dataDir: string, info: ServerInfo): void {
  writeFileSync(join(dataDir, SERVER_FILE), `${JSON.stringify(info, null, 2)}\n`);
}

export function clearServerInfo(dataDir: string): void {
  rmSync(join(dataDir, SERVER_FILE), { force: true });
}

export function readServerInfo(dataDir: string): ServerInfo | undefined {
  const file = join(dataDir, SERVER_FILE);
  if (!existsSync(file)) return undefined;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as ServerInfo;
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** The running server of this data dir, or undefined (a stale server.json is removed). */
export async function findRunning(dataDir: string): Promise<ServerInfo | undefined> {
  const info = readServerInfo(dataDir);
  if (!info) return undefined;
  if (isAlive(info.pid) && (await answers(info.url))) return info;
  if (!isAlive(info.pid)) clearServerInfo(dataDir);
  return undefined;
}

async function answers(url: string): Promise<boolean> {
  try {
    const response = await fetch(`${url}/services/data`, { signal: AbortSignal.timeout(2000) });
    return response.ok;
  } catch {
    return false;
  }
}

/**
 * Starts `trellis org serve` detached from this process, its output in server.log,
 * and waits until it answers (or gives up after `timeoutMs`, pointing at the log).
 */
export async function startInBackground(options: {
  dataDir: string;
  port: number;
  projectDir: string;
  faults: FaultSettings;
  timeoutMs?: number;
}): Promise<ServerInfo> {
  const entry = fileURLToPath(new URL('./serve-main.ts', import.meta.url));
  mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
  const log = openSync(join(options.dataDir, LOG_FILE), 'a');
  const child = spawn(
    process.execPath,
    [
      entry,
      '--port',
      String(options.port),
      '--data-dir',
      options.dataDir,
      '--project-dir',
      options.projectDir,
      '--fault-rate',
      String(options.faults.rate),
      '--fault-kinds',
      options.faults.kinds.join(','),
    ],
    { detached: true, stdio: ['ignore', log, log], env: process.env },
  );
  child.unref();
  const deadline = Date.now() + (options.timeoutMs ?? 30_000);
  while (Date.now() < deadline) {
    const info = readServerInfo(options.dataDir);
    if (info !== undefined && info.pid === child.pid && (await answers(info.url))) return info;
    if (child.exitCode !== null) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the local org did not start; see ${join(options.dataDir, LOG_FILE)}`);
}

/** Stops the server and waits for it to exit. True when one was running. */
export async function stopRunning(dataDir: string): Promise<boolean> {
  const info = readServerInfo(dataDir);
  if (!info || !isAlive(info.pid)) {
    clearServerInfo(dataDir);
    return false;
  }
  process.kill(info.pid, 'SIGTERM');
  const deadline = Date.now() + 10_000;
  while (isAlive(info.pid) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
  if (isAlive(info.pid)) process.kill(info.pid, 'SIGKILL');
  clearServerInfo(dataDir);
  return true;
}
