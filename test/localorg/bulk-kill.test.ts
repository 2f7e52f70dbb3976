/**
 * Killing the local org (SIGKILL: no handler runs, nothing is flushed by us) while a Bulk API
 * ingest job is in progress loses no committed row: after a restart the job reports Failed, not
 * silently half done, and its numbers, its successful results, its unprocessed records and the
 * records in the org all agree.
 */
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { adminToken, spawnLocalOrg } from '../../scripts/lib/child-org.ts';
import { callOrg, type Answer } from '../helpers/org-http.ts';
import { TEST_API_VERSION } from '../helpers/local-org.ts';

const ROWS = 120_000;
const DATA = `/services/data/v${TEST_API_VERSION}`;
let dataDir: string;
let server: ChildProcess | undefined;

/** Starts the org as `trellis org start` does (the same entry point) and waits for its URL. */
async function startServer(): Promise<string> {
  const org = await spawnLocalOrg(dataDir);
  server = org.process;
  return org.url;
}

beforeAll(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'trellis-kill-'));
});

afterAll(() => {
  server?.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

test('a job in progress when the server is killed is Failed after restart, with every committed row kept', async () => {
  let url = await startServer();
  let token = await adminToken(url, dataDir);
  const call = (method: string, path: string, body?: unknown, contentType?: string): Promise<Answer> =>
    callOrg(`${url}${DATA}${path}`, token, method, body, contentType);

  const job = (await call('POST', '/jobs/ingest', { object: 'Account', operation: 'insert' })).json as {
    id: string;
  };
  const csv = ['Name,Website'];
  for (let i = 0; i < ROWS; i++) csv.push(`Killed Customer ${i},killed-${i}.example.com`);
  expect(
    (await call('PUT', `/jobs/ingest/${job.id}/batches`, `${csv.join('\n')}\n`, 'text/csv')).status,
  ).toBe(201);
  await call('PATCH', `/jobs/ingest/${job.id}`, { state: 'UploadComplete' });

  // Wait until some chunks are committed, then kill the server in the middle of the job.
  let seen = 0;
  while (seen === 0) {
    const info = (await call('GET', `/jobs/ingest/${job.id}`)).json as { numberRecordsProcessed: number };
    seen = info.numberRecordsProcessed;
  }
  server?.kill('SIGKILL');
  await new Promise((resolve) => server?.once('exit', resolve));

  url = await startServer();
  token = await adminToken(url, dataDir);
  const info = (await call('GET', `/jobs/ingest/${job.id}`)).json as {
    state: string;
    errorMessage: string;
    numberRecordsProcessed: number;
    numberRecordsFailed: number;
  };
  expect(info.state).toBe('Failed');
  expect(info.errorMessage).toMatch(/stopped while this job was in progress/);
  // Midway: some rows were committed before the kill, and not all of them.
  expect(info.numberRecordsProcessed).toBeGreaterThanOrEqual(seen);
  expect(info.numberRecordsProcessed).toBeLessThan(ROWS);
  expect(info.numberRecordsFailed).toBe(0);

  const inOrg = (
    (
      await call(
        'GET',
        `/query?q=${encodeURIComponent("SELECT COUNT() FROM Account WHERE Name LIKE 'Killed Customer %'")}`,
      )
    ).json as { totalSize: number }
  ).totalSize;
  expect(inOrg).toBe(info.numberRecordsProcessed);
  const successful = (await call('GET', `/jobs/ingest/${job.id}/successfulResults`)).text.trim().split('\n');
  expect(successful.length - 1).toBe(inOrg);
  const unprocessed = (await call('GET', `/jobs/ingest/${job.id}/unprocessedrecords`)).text
    .trim()
    .split('\n');
  // Nothing lost, nothing twice: the unprocessed rows are exactly the rest of the upload.
  expect(unprocessed.length - 1).toBe(ROWS - inOrg);
  expect(unprocessed[1]).toBe(`Killed Customer ${inOrg},killed-${inOrg}.example.com`);
});
