/**
 * The local org's benchmark: create N generated Accounts through sObject Collections
 * (`/composite/sobjects`, 200 records a request, several requests in flight) and read
 * them back through a paged query following `nextRecordsUrl`, against the same work
 * done one record a call (`POST /sobjects/Account`, `GET /sobjects/Account/{id}`)
 * measured in the same run on a sample and scaled. The org runs in this process on a
 * free port with a temporary data dir, reached with jsforce over HTTP as a script
 * would reach a real org. Every write and every read is checked: a lost, failed or
 * altered row stops the benchmark.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Connection, type QueryResult, type SaveResult } from 'jsforce';
import { startLocalOrg, type LocalOrg } from '../../cli/src/localorg/local-org.ts';
import { COLLECTION_SIZE } from '../../cli/src/salesforce/records.ts';
import { readCredentials } from '../../cli/src/localorg/org/identity.ts';
import { generateAccounts, type GeneratedAccount } from '../generate/index.ts';
import { databaseBytes, MB, round, seconds } from './measure.ts';

const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url));
const API_VERSION = '64.0';
const READ_SOQL = 'SELECT Id, Name, Website, Trellis_Name_Key__c FROM Account';

export interface LocalOrgBenchOptions {
  records: number;
  singleSample: number;
  /** Composite requests in flight at once. */
  concurrency: number;
  seed: string;
}

export interface LocalOrgBenchResult {
  records: number;
  concurrency: number;
  compositeRequests: number;
  compositeCreateSeconds: number;
  compositeCreatePerSecond: number;
  pages: number;
  /** Until the first page arrived: the query runs whole before it answers. */
  firstPageSeconds: number;
  pagedReadSeconds: number;
  pagedReadPerSecond: number;
  singleSample: number;
  singleCreatePerSecond: number;
  /** The single-record create of `records`, scaled from the sample. */
  singleCreateScaledSeconds: number;
  createSpeedup: number;
  singleReadPerSecond: number;
  singleReadScaledSeconds: number;
  readSpeedup: number;
  /** Highest resident set size sampled while this benchmark ran (server and client share the process). */
  peakRssMB: number;
  /** Resident set size when it began: what benchmarks run before it left behind. */
  startRssMB: number;
  /** The process's own peak RSS (getrusage), which includes any benchmark run before this one. */
  processPeakRssMB: number;
  databaseMB: number;
}

function fail(message: string): never {
  throw new Error(`localorg benchmark: ${message}`);
}

function accountFields(account: GeneratedAccount): Record<string, string> {
  return { Name: account.name, Website: account.website, BillingCountry: account.country };
}

async function login(org: LocalOrg, dataDir: string): Promise<Connection> {
  const { username, password } = readCredentials(dataDir);
  const connection = new Connection({
    oauth2: {
      loginUrl: org.url,
      clientId: 'trellis-bench',
      clientSecret: 'unused',
      redirectUri: `${org.url}/callback`,
    },
    version: API_VERSION,
  });
  await connection.login(username, password);
  return connection;
}

function savedId(result: SaveResult | undefined, what: string): string {
  if (!result) fail(`${what}: no save result`);
  if (!result.success) fail(`${what} failed: ${JSON.stringify(result.errors)}`);
  if (!result.id) fail(`${what}: a successful save result without an id`);
  return result.id;
}

/** Creates `accounts` in requests of 200, `concurrency` requests in flight; the ids in the same order. */
async function compositeCreate(
  connection: Connection,
  accounts: readonly GeneratedAccount[],
  concurrency: number,
): Promise<string[]> {
  const ids = new Array<string>(accounts.length);
  const chunks = Math.ceil(accounts.length / COLLECTION_SIZE);
  let nextChunk = 0;
  const worker = async (): Promise<void> => {
    while (nextChunk < chunks) {
      const chunk = nextChunk++;
      const start = chunk * COLLECTION_SIZE;
      const slice = accounts.slice(start, start + COLLECTION_SIZE);
      const results = await connection.create('Account', slice.map(accountFields), { allOrNone: true });
      if (results.length !== slice.length) {
        fail(`composite request ${chunk} sent ${slice.length} records and got ${results.length} results`);
      }
      results.forEach((result, i) => {
        ids[start + i] = savedId(result, `composite create of record ${start + i}`);
      });
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, chunks) }, worker));
  return ids;
}

interface ReadRow {
  Id?: string;
  Name?: string | null;
  Website?: string | null;
  Trellis_Name_Key__c?: string | null;
}

/** Reads every Account through the paged query, following nextRecordsUrl. */
async function pagedRead(
  connection: Connection,
): Promise<{ rows: ReadRow[]; totalSize: number; pages: number; firstPageSeconds: number }> {
  const start = performance.now();
  let page: QueryResult<ReadRow> = await connection.query<ReadRow>(READ_SOQL);
  const firstPageSeconds = seconds(start);
  const rows: ReadRow[] = [...page.records];
  let pages = 1;
  while (!page.done) {
    if (!page.nextRecordsUrl) fail(`page ${pages} is not done but has no nextRecordsUrl`);
    page = await connection.queryMore<ReadRow>(page.nextRecordsUrl);
    for (const row of page.records) rows.push(row);
    pages++;
  }
  return { rows, totalSize: page.totalSize, pages, firstPageSeconds };
}

/** Every written account must come back once, unaltered, with its match key set by the trigger. */
function checkRead(
  rows: readonly ReadRow[],
  totalSize: number,
  before: number,
  accounts: readonly GeneratedAccount[],
  ids: readonly string[],
): void {
  const expected = before + accounts.length;
  if (rows.length !== expected || totalSize !== expected) {
    fail(
      `wrote ${accounts.length.toLocaleString('en-US')} accounts to an org holding ${before.toLocaleString('en-US')}, read back ${rows.length.toLocaleString('en-US')} rows (totalSize ${totalSize.toLocaleString('en-US')}), expected ${expected.toLocaleString('en-US')}`,
    );
  }
  const byId = new Map<string, ReadRow>();
  for (const row of rows) {
    if (!row.Id) fail('a row read back without an Id');
    if (byId.has(row.Id)) fail(`account ${row.Id} read back twice`);
    byId.set(row.Id, row);
  }
  let missingKeys = 0;
  accounts.forEach((account, i) => {
    const id = ids[i] ?? '';
    const row = byId.get(id);
    if (!row) fail(`account ${i} (${id}) was written but not read back`);
    if (row.Name !== account.name || row.Website !== account.website) {
      fail(
        `account ${id} written as ${JSON.stringify([account.name, account.website])}, read back as ${JSON.stringify([row.Name, row.Website])}`,
      );
    }
    if (!row.Trellis_Name_Key__c) missingKeys++;
  });
  // A name made only of legal-form words can normalize to an empty key; anything more means the trigger did not run.
  if (missingKeys > accounts.length / 100) {
    fail(`${missingKeys.toLocaleString('en-US')} accounts read back without Trellis_Name_Key__c`);
  }
}

async function countAccounts(connection: Connection): Promise<number> {
  const result = await connection.query('SELECT COUNT() FROM Account');
  return result.totalSize;
}

/** Resident set size sampled every 50 ms; the sampler's timer does not keep the process alive. */
function rssSampler(): { start: number; stop(): number } {
  const start = process.memoryUsage.rss();
  let peak = start;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, 50);
  timer.unref();
  return {
    start,
    stop: () => {
      clearInterval(timer);
      return Math.max(peak, process.memoryUsage.rss());
    },
  };
}

export async function benchLocalOrg(options: LocalOrgBenchOptions): Promise<LocalOrgBenchResult> {
  const { records, singleSample, concurrency, seed } = options;
  const rss = rssSampler();
  // The sample's accounts follow the composite ones, so that every record created is a new one.
  const generated = generateAccounts(records + singleSample, `localorg:${seed}`);
  const accounts = generated.slice(0, records);
  const sample = generated.slice(records);

  const dataDir = mkdtempSync(join(tmpdir(), 'trellis-bench-org-'));
  let org: LocalOrg | undefined;
  try {
    org = await startLocalOrg({ projectDir: PROJECT_ROOT, dataDir, port: 0 });
    const connection = await login(org, dataDir);
    const before = await countAccounts(connection);

    globalThis.gc?.();
    const createStart = performance.now();
    const ids = await compositeCreate(connection, accounts, concurrency);
    const compositeCreateSeconds = seconds(createStart);

    globalThis.gc?.();
    const readStart = performance.now();
    const { rows, totalSize, pages, firstPageSeconds } = await pagedRead(connection);
    const pagedReadSeconds = seconds(readStart);
    checkRead(rows, totalSize, before, accounts, ids);
    rows.length = 0;

    globalThis.gc?.();
    const singleCreateStart = performance.now();
    for (const [i, account] of sample.entries()) {
      const result = await connection.create('Account', accountFields(account));
      savedId(result, `single create of sample record ${i}`);
    }
    const singleCreateSeconds = seconds(singleCreateStart);

    // Read back a sample spread evenly over the composite-created accounts, checking each.
    const readSample = Array.from({ length: singleSample }, (_, i) =>
      Math.floor((i * records) / singleSample),
    );
    globalThis.gc?.();
    const singleReadStart = performance.now();
    for (const index of readSample) {
      const id = ids[index] ?? '';
      const row = (await connection.retrieve('Account', id)) as ReadRow;
      if (row.Id !== id || row.Name !== accounts[index]?.name) {
        fail(`GET /sobjects/Account/${id} returned ${JSON.stringify([row.Id, row.Name])}`);
      }
    }
    const singleReadSeconds = seconds(singleReadStart);

    const after = await countAccounts(connection);
    if (after !== before + records + singleSample) {
      fail(`the org holds ${after} accounts after the run, expected ${before + records + singleSample}`);
    }

    const compositeCreatePerSecond = records / compositeCreateSeconds;
    const pagedReadPerSecond = records / pagedReadSeconds;
    const singleCreatePerSecond = singleSample / singleCreateSeconds;
    const singleReadPerSecond = singleSample / singleReadSeconds;
    const peakRss = rss.stop();
    return {
      records,
      concurrency,
      compositeRequests: Math.ceil(records / COLLECTION_SIZE),
      compositeCreateSeconds: round(compositeCreateSeconds, 3),
      compositeCreatePerSecond: Math.round(compositeCreatePerSecond),
      pages,
      firstPageSeconds: round(firstPageSeconds, 3),
      pagedReadSeconds: round(pagedReadSeconds, 3),
      pagedReadPerSecond: Math.round(pagedReadPerSecond),
      singleSample,
      singleCreatePerSecond: Math.round(singleCreatePerSecond),
      singleCreateScaledSeconds: round(records / singleCreatePerSecond, 1),
      createSpeedup: round(compositeCreatePerSecond / singleCreatePerSecond, 1),
      singleReadPerSecond: Math.round(singleReadPerSecond),
      singleReadScaledSeconds: round(records / singleReadPerSecond, 1),
      readSpeedup: round(pagedReadPerSecond / singleReadPerSecond, 1),
      peakRssMB: round(peakRss / MB, 1),
      startRssMB: round(rss.start / MB, 1),
      processPeakRssMB: round((process.resourceUsage().maxRSS * 1024) / MB, 1),
      databaseMB: round(databaseBytes(dataDir) / MB, 1),
    };
  } finally {
    rss.stop();
    await org?.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
