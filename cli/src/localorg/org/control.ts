/**
 * What `trellis org start|stop|status|reset|serve` do, as plain functions the
 * commands call: start in the background and record the org in the sf auth
 * store, stop, report, wipe, or serve in the foreground.
 */
import { existsSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { registerOrg } from '../../salesforce/auth-store.ts';
import { passwordFlow } from '../../salesforce/connection.ts';
import { NO_FAULTS, parseFaultKinds, type FaultSettings } from '../http/faults.ts';
import { startLocalOrg, type LocalOrg } from '../local-org.ts';
import { CREDENTIALS_FILE, readCredentials, type Credentials } from './identity.ts';
import { clearServerInfo, findRunning, startInBackground, stopRunning, writeServerInfo } from './daemon.ts';

export const DEFAULT_DATA_DIR = '.trellis/local-org';
export const DEFAULT_PORT = 7437;
export const DEFAULT_ALIAS = 'trellis-local';

export interface StartResult {
  url: string;
  dataDir: string;
  alias: string;
  username: string;
  alreadyRunning: boolean;
  madeDefault: boolean;
  /** Shown once: only on the start that created the org. */
  newCredentials: Credentials | null;
}

/** Fault settings from the start flags: a percentage and a comma-separated list of kinds. */
export function faultsFromFlags(percent: number, kinds: string | undefined): FaultSettings {
  return { ...NO_FAULTS, rate: percent / 100, kinds: kinds ? parseFaultKinds(kinds) : NO_FAULTS.kinds };
}

export async function startOrg(options: {
  dataDir: string;
  port: number;
  projectDir: string;
  alias: string;
  defaultIfNone: boolean;
  faults: FaultSettings;
}): Promise<StartResult> {
  const dataDir = resolve(options.dataDir);
  const running = await findRunning(dataDir);
  const isNew = !existsSync(join(dataDir, CREDENTIALS_FILE));
  const info =
    running ??
    (await startInBackground({
      dataDir,
      port: options.port,
      projectDir: resolve(options.projectDir),
      faults: options.faults,
    }));
  const credentials = readCredentials(dataDir);
  const { accessToken } = await passwordFlow(
    info.url,
    credentials.username,
    credentials.password,
    undefined,
    undefined,
  );
  const registered = await registerOrg({
    instanceUrl: info.url,
    accessToken,
    alias: options.alias,
    defaultIfNone: options.defaultIfNone,
  });
  return {
    url: info.url,
    dataDir,
    alias: registered.alias,
    username: registered.username,
    alreadyRunning: running !== undefined,
    madeDefault: registered.madeDefault,
    newCredentials: isNew ? credentials : null,
  };
}

export async function stopOrg(dataDir: string): Promise<{ stopped: boolean }> {
  return { stopped: await stopRunning(resolve(dataDir)) };
}

export async function orgStatus(
  dataDir: string,
): Promise<{ running: boolean; url: string | null; pid: number | null; dataDir: string }> {
  const info = await findRunning(resolve(dataDir));
  return {
    running: info !== undefined,
    url: info?.url ?? null,
    pid: info?.pid ?? null,
    dataDir: resolve(dataDir),
  };
}

/** Stops the org and deletes its data dir: the next start makes a new, empty org. */
export async function resetOrg(dataDir: string): Promise<{ stopped: boolean; deleted: boolean }> {
  const directory = resolve(dataDir);
  const stopped = await stopRunning(directory);
  const deleted = existsSync(directory);
  rmSync(directory, { recursive: true, force: true });
  return { stopped, deleted };
}

/** Serves in this process until SIGINT or SIGTERM, then closes cleanly. */
export async function serveOrg(options: {
  dataDir: string;
  port: number;
  projectDir: string;
  faults?: FaultSettings;
}): Promise<LocalOrg> {
  const dataDir = resolve(options.dataDir);
  const org = await startLocalOrg({
    projectDir: resolve(options.projectDir),
    dataDir,
    port: options.port,
    faults: options.faults ?? NO_FAULTS,
  });
  writeServerInfo(dataDir, {
    pid: process.pid,
    url: org.url,
    port: org.port,
    startedAt: new Date().toISOString(),
  });
  const shutdown = (): void => {
    void org.close().finally(() => {
      clearServerInfo(dataDir);
      process.exit(0);
    });
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
  return org;
}
