/**
 * Bulk API 2.0 against the REST API on the same rows: N generated Accounts ingested by
 * Bulk API 2.0 ingest jobs (CSV, split into jobs of at most 150 MB as Salesforce
 * requires) and exported by a query job followed page by page through `Sforce-Locator`;
 * then the same N ingested through `/composite/sobjects` (200 a request, 4 in flight, as
 * the localorg benchmark does) into a second fresh org and exported through `/query`
 * following `nextRecordsUrl` (batch 2000). Each org is a child process (serve-main.ts,
 * the entry point `trellis org start` launches) so that the server's memory is measured
 * apart from the client's: its peak RSS per phase comes from VmHWM after a reset
 * through /proc/<pid>/clear_refs, or from VmRSS sampled every 50 ms where the reset is
 * refused (the result says which).
 *
 * Both APIs are called with plain fetch and the bearer token of a password-grant login:
 * the Bulk API is raw CSV over HTTP, which jsforce would only wrap, and using the same
 * thin client for the composite and REST phases keeps the client's cost out of the
 * comparison. Every count is checked: a lost or failed row stops the benchmark.
 */
import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { COLLECTION_SIZE } from '../../cli/src/salesforce/records.ts';
import { adminToken, spawnLocalOrg } from '../lib/child-org.ts';
import { generateAccounts, type GeneratedAccount } from '../generate/index.ts';
import { databaseBytes, MB, round, seconds } from './measure.ts';

const DATA = '/services/data/v64.0';
/** Salesforce's limit on the CSV of one ingest job. */
const MAX_JOB_BYTES = 150 * 1024 * 1024;
const COMPOSITE_IN_FLIGHT = 4;
const REST_BATCH_SIZE = 2000;
/** Often enough that the wait adds little to a job of seconds, rarely enough not to load the server. */
const POLL_MS = 100;
const SOQL = 'SELECT Id, Name, Website, BillingCountry FROM Account';

export interface BulkBenchOptions {
  rows: number;
  seed: string;
}

export interface PhaseResult {
  rows: number;
  seconds: number;
  rowsPerSecond: number;
  /** The server's RSS as the phase began, so that the peak reads as growth over it. */
  serverStartMB: number;
  serverPeakMB: number;
  clientPeakMB: number;
}

export interface BulkBenchResult {
  rows: number;
  /** How peak RSS was measured: 'VmHWM' after clear_refs, or 'VmRSS sampled every 50 ms'. */
  memoryMethod: string;
  ingestJobs: number;
  exportPages: number;
  bulkIngest: PhaseResult;
  bulkExport: PhaseResult;
  compositeIngest: PhaseResult;
  restExport: PhaseResult;
  /** Bulk rows/s over composite (ingest) and over REST paged query (export). */
  ingestRatio: number;
  exportRatio: number;
  bulkDatabaseMB: number;
  compositeDatabaseMB: number;
  /** The client's peak over the whole benchmark, generation of the rows included. */
  clientPeakMB: number;
}

function fail(message: string): never {
  throw new Error(`bulk benchmark: ${message}`);
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/* ------------------------------------------------------------------ memory */

/** Peak RSS of one process between `reset()` and `peakMB()`. */
interface PeakMeter {
  method: string;
  reset(): void;
  currentMB(): number;
  peakMB(): number;
  stop(): void;
}

function statusKB(pid: number, field: string): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
  if (!match?.[1]) fail(`no ${field} in /proc/${pid}/status`);
  return Number(match[1]);
}

/** The kernel's own high-water mark, reset by writing 5 to clear_refs (Linux 4.0+): nothing is missed between samples. */
function hwmMeter(pid: number): PeakMeter | undefined {
  const reset = (): void => {
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
  };
  try {
    reset();
    statusKB(pid, 'VmHWM');
  } catch {
    return undefined;
  }
  return {
    method: 'VmHWM',
    reset,
    currentMB: () => statusKB(pid, 'VmRSS') / 1024,
    peakMB: () => statusKB(pid, 'VmHWM') / 1024,
    stop: () => undefined,
  };
}

/** The fallback: VmRSS every 50 ms, which can miss a peak shorter than that. */
function sampledMeter(pid: number): PeakMeter {
  let peak = 0;
  const sample = (): void => {
    try {
      peak = Math.max(peak, statusKB(pid, 'VmRSS'));
    } catch {
      // the process has exited: its last sample stands
    }
  };
  const timer = setInterval(sample, 50);
  timer.unref();
  return {
    method: 'VmRSS sampled every 50 ms',
    reset: () => {
      peak = 0;
      sample();
    },
    currentMB: () => statusKB(pid, 'VmRSS') / 1024,
    peakMB: () => {
      sample();
      return peak / 1024;
    },
    stop: () => {
      clearInterval(timer);
    },
  };
}

const peakMeter = (pid: number): PeakMeter => hwmMeter(pid) ?? sampledMeter(pid);

/* --------------------------------------------------------------------- org */

type ChildOrgCall = (
  method: string,
  path: string,
  body?: string,
  headers?: Record<string, string>,
) => Promise<Response>;

interface BenchOrg {
  dataDir: string;
  meter: PeakMeter;
  call: ChildOrgCall;
}

/** Calls the org's REST API (paths under /services/data/vNN.N unless they name /services/ themselves). */
function caller(url: string, token: string): ChildOrgCall {
  return (method, path, body, headers = { 'Content-Type': 'application/json' }) => {
    const target = path.startsWith('/services/') ? `${url}${path}` : `${url}${DATA}${path}`;
    return fetch(target, {
      method,
      headers: { Authorization: `Bearer ${token}`, ...headers },
      ...(body === undefined ? {} : { body }),
    });
  };
}

/** Runs `work` against a fresh org in a child process; the process and its data dir go, whatever happens. */
async function withOrg<T>(work: (org: BenchOrg) => Promise<T>): Promise<T> {
  const dataDir = mkdtempSync(join(tmpdir(), 'trellis-bench-bulk-'));
  let child: ChildProcess | undefined;
  let meter: PeakMeter | undefined;
  try {
    const org = await spawnLocalOrg(dataDir);
    child = org.process;
    const token = await adminToken(org.url, dataDir);
    if (child.pid === undefined) fail('the local org has no pid');
    meter = peakMeter(child.pid);
    return await work({ dataDir, meter, call: caller(org.url, token) });
  } finally {
    meter?.stop();
    if (child && child.exitCode === null && child.signalCode === null) {
      const exited = once(child, 'exit');
      // SIGTERM closes the database cleanly; SIGKILL if it has not gone within 10 s.
      child.kill('SIGTERM');
      const timer = setTimeout(() => child?.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function json<T>(response: Response, what: string): Promise<T> {
  const text = await response.text();
  if (!response.ok) fail(`${what} answered ${response.status}: ${text.slice(0, 500)}`);
  return JSON.parse(text) as T;
}

async function countAccounts(org: BenchOrg): Promise<number> {
  const q = encodeURIComponent('SELECT COUNT() FROM Account');
  return (await json<{ totalSize: number }>(await org.call('GET', `/query?q=${q}`), 'count')).totalSize;
}

/* -------------------------------------------------------------------- bulk */

const quoted = (value: string): string => `"${value.replaceAll('"', '""')}"`;

/** The accounts as CSV texts of at most 150 MB each, every one with the header: one per ingest job. */
function csvJobs(accounts: readonly GeneratedAccount[]): string[] {
  const header = 'Name,Website,BillingCountry\n';
  const texts: string[] = [];
  let lines: string[] = [];
  let bytes = Buffer.byteLength(header);
  for (const account of accounts) {
    const line = `${quoted(account.name)},${quoted(account.website)},${quoted(account.country)}\n`;
    const size = Buffer.byteLength(line);
    if (bytes + size > MAX_JOB_BYTES && lines.length > 0) {
      texts.push(header + lines.join(''));
      lines = [];
      bytes = Buffer.byteLength(header);
    }
    lines.push(line);
    bytes += size;
  }
  if (lines.length > 0) texts.push(header + lines.join(''));
  return texts;
}

interface JobInfo {
  id: string;
  state: string;
  errorMessage?: string;
  numberRecordsProcessed: number;
  numberRecordsFailed: number;
}

/** Polls a job until it is JobComplete; Failed or Aborted stops the benchmark. */
async function awaitJob(org: BenchOrg, kind: 'ingest' | 'query', id: string): Promise<JobInfo> {
  for (;;) {
    const info = await json<JobInfo>(await org.call('GET', `/jobs/${kind}/${id}`), `${kind} job ${id}`);
    if (info.state === 'JobComplete') return info;
    if (info.state === 'Failed' || info.state === 'Aborted') {
      fail(`${kind} job ${id} ended ${info.state}: ${info.errorMessage ?? ''}`);
    }
    await sleep(POLL_MS);
  }
}

/** Creates, fills and closes one ingest job per CSV text, then waits for them all. */
async function bulkIngest(org: BenchOrg, texts: readonly string[]): Promise<JobInfo[]> {
  const ids: string[] = [];
  for (const text of texts) {
    const body = JSON.stringify({ object: 'Account', operation: 'insert', contentType: 'CSV' });
    const { id } = await json<{ id: string }>(await org.call('POST', '/jobs/ingest', body), 'create job');
    const upload = await org.call('PUT', `/jobs/ingest/${id}/batches`, text, { 'Content-Type': 'text/csv' });
    if (upload.status !== 201) fail(`upload to ${id} answered ${upload.status}: ${await upload.text()}`);
    const close = JSON.stringify({ state: 'UploadComplete' });
    await json(await org.call('PATCH', `/jobs/ingest/${id}`, close), `close job ${id}`);
    ids.push(id);
  }
  const infos: JobInfo[] = [];
  for (const id of ids) infos.push(await awaitJob(org, 'ingest', id));
  return infos;
}

/** Record terminators outside quotes: a quoted value may hold a newline, and `""` toggles twice. */
function csvCounter(): { feed(chunk: Uint8Array): void; records(): number } {
  let inQuotes = false;
  let records = 0;
  return {
    feed(chunk) {
      for (const byte of chunk) {
        if (byte === 0x22) inQuotes = !inQuotes;
        else if (byte === 0x0a && !inQuotes) records++;
      }
    },
    records: () => records,
  };
}

/** Runs the query job and downloads every page; the rows counted as they stream in, none kept. */
async function bulkExport(org: BenchOrg): Promise<{ rows: number; pages: number }> {
  const body = JSON.stringify({ operation: 'query', query: SOQL });
  const { id } = await json<{ id: string }>(await org.call('POST', '/jobs/query', body), 'create query');
  const info = await awaitJob(org, 'query', id);
  let rows = 0;
  let pages = 0;
  let locator: string | null = '';
  while (locator !== null) {
    const page = await org.call(
      'GET',
      `/jobs/query/${id}/results${locator ? `?locator=${encodeURIComponent(locator)}` : ''}`,
    );
    if (!page.ok || !page.body) fail(`results page ${pages} answered ${page.status}`);
    const counter = csvCounter();
    const reader: ReadableStreamDefaultReader<Uint8Array> = page.body.getReader();
    for (let read = await reader.read(); !read.done; read = await reader.read()) counter.feed(read.value);
    // Each page starts with the header line.
    const pageRows = counter.records() - 1;
    if (pageRows !== Number(page.headers.get('Sforce-NumberOfRecords'))) {
      fail(`page ${pages} holds ${pageRows} rows, its Sforce-NumberOfRecords says otherwise`);
    }
    rows += pageRows;
    pages++;
    const next = page.headers.get('Sforce-Locator');
    locator = next === null || next === 'null' ? null : next;
  }
  if (rows !== info.numberRecordsProcessed) {
    fail(`the query job processed ${info.numberRecordsProcessed} rows, its pages hold ${rows}`);
  }
  return { rows, pages };
}

/* -------------------------------------------------------------------- REST */

/** Creates the accounts 200 a request, four requests in flight, each request all-or-none. */
async function compositeIngest(org: BenchOrg, accounts: readonly GeneratedAccount[]): Promise<void> {
  const chunks = Math.ceil(accounts.length / COLLECTION_SIZE);
  let nextChunk = 0;
  const worker = async (): Promise<void> => {
    while (nextChunk < chunks) {
      const chunk = nextChunk++;
      const slice = accounts.slice(chunk * COLLECTION_SIZE, (chunk + 1) * COLLECTION_SIZE);
      const records = slice.map((account) => ({
        attributes: { type: 'Account' },
        Name: account.name,
        Website: account.website,
        BillingCountry: account.country,
      }));
      const body = JSON.stringify({ allOrNone: true, records });
      const results = await json<{ success: boolean; errors: unknown[] }[]>(
        await org.call('POST', '/composite/sobjects', body),
        `composite request ${chunk}`,
      );
      const failed = results.find((result) => !result.success);
      if (results.length !== slice.length || failed) {
        fail(`composite request ${chunk}: ${results.length} results, ${JSON.stringify(failed?.errors)}`);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(COMPOSITE_IN_FLIGHT, chunks) }, worker));
}

/** Reads every Account through /query in batches of 2000, counting the rows, keeping none. */
async function restExport(org: BenchOrg): Promise<{ rows: number; pages: number }> {
  const options = `batchSize=${REST_BATCH_SIZE}`;
  let path: string | undefined = `/query?q=${encodeURIComponent(SOQL)}`;
  let rows = 0;
  let pages = 0;
  let totalSize = 0;
  while (path) {
    const response = await org.call('GET', path, undefined, { 'Sforce-Query-Options': options });
    const page = await json<{ totalSize: number; records: unknown[]; nextRecordsUrl?: string }>(
      response,
      `query page ${pages}`,
    );
    rows += page.records.length;
    totalSize = page.totalSize;
    pages++;
    path = page.nextRecordsUrl;
  }
  if (rows !== totalSize) fail(`the paged query reported totalSize ${totalSize} and returned ${rows} rows`);
  return { rows, pages };
}

/* ------------------------------------------------------------------- phases */

/** Times `work` and takes the server's and the client's peak RSS over it. */
async function phase<T>(
  org: BenchOrg,
  client: PeakMeter,
  rows: number,
  work: () => Promise<T>,
): Promise<{ value: T; result: PhaseResult }> {
  globalThis.gc?.();
  org.meter.reset();
  const serverStartMB = org.meter.currentMB();
  client.reset();
  const start = performance.now();
  const value = await work();
  const elapsed = seconds(start);
  return {
    value,
    result: {
      rows,
      seconds: round(elapsed, 3),
      rowsPerSecond: Math.round(rows / elapsed),
      serverStartMB: round(serverStartMB, 1),
      serverPeakMB: round(org.meter.peakMB(), 1),
      clientPeakMB: round(client.peakMB(), 1),
    },
  };
}

function expectRows(what: string, got: number, expected: number): void {
  if (got !== expected)
    fail(`${what}: ${got.toLocaleString('en-US')} rows, expected ${expected.toLocaleString('en-US')}`);
}

export async function benchBulk(options: BulkBenchOptions): Promise<BulkBenchResult> {
  const { rows } = options;
  const client = peakMeter(process.pid);
  try {
    // From here on, not what benchmarks run before this one in the process left as its peak.
    client.reset();
    const accounts = generateAccounts(rows, `bulk:${options.seed}`);
    const texts = csvJobs(accounts);
    const generatedPeakMB = client.peakMB();

    const bulk = await withOrg(async (org) => {
      const before = await countAccounts(org);
      const ingest = await phase(org, client, rows, () => bulkIngest(org, texts));
      const processed = ingest.value.reduce((sum, info) => sum + info.numberRecordsProcessed, 0);
      const failed = ingest.value.reduce((sum, info) => sum + info.numberRecordsFailed, 0);
      expectRows('bulk ingest processed', processed, rows);
      if (failed !== 0) fail(`bulk ingest: ${failed.toLocaleString('en-US')} rows failed`);
      const exported = await phase(org, client, rows, () => bulkExport(org));
      expectRows('bulk export', exported.value.rows, before + rows);
      return {
        ingest,
        exported,
        databaseMB: databaseBytes(org.dataDir) / MB,
        serverMethod: org.meter.method,
      };
    });
    texts.length = 0;

    const rest = await withOrg(async (org) => {
      const before = await countAccounts(org);
      const ingest = await phase(org, client, rows, () => compositeIngest(org, accounts));
      expectRows('composite ingest left', await countAccounts(org), before + rows);
      const exported = await phase(org, client, rows, () => restExport(org));
      expectRows('REST export', exported.value.rows, before + rows);
      return { ingest, exported, databaseMB: databaseBytes(org.dataDir) / MB };
    });

    return {
      rows,
      memoryMethod:
        bulk.serverMethod === client.method
          ? client.method
          : `server ${bulk.serverMethod}, client ${client.method}`,
      ingestJobs: bulk.ingest.value.length,
      exportPages: bulk.exported.value.pages,
      bulkIngest: bulk.ingest.result,
      bulkExport: bulk.exported.result,
      compositeIngest: rest.ingest.result,
      restExport: rest.exported.result,
      ingestRatio: round(bulk.ingest.result.rowsPerSecond / rest.ingest.result.rowsPerSecond, 2),
      exportRatio: round(bulk.exported.result.rowsPerSecond / rest.exported.result.rowsPerSecond, 2),
      bulkDatabaseMB: round(bulk.databaseMB, 1),
      compositeDatabaseMB: round(rest.databaseMB, 1),
      clientPeakMB: round(
        Math.max(
          generatedPeakMB,
          ...[bulk.ingest, bulk.exported, rest.ingest, rest.exported].map((p) => p.result.clientPeakMB),
        ),
        1,
      ),
    };
  } finally {
    client.stop();
  }
}
