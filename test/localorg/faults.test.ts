import { faultsFromFlags } from '../../cli/src/localorg/org/control.ts';
import { startTestOrg, TEST_API_VERSION, type TestOrg } from '../helpers/local-org.ts';

let testOrg: TestOrg;
const DATA = `/services/data/v${TEST_API_VERSION}`;

beforeAll(async () => {
  testOrg = await startTestOrg();
});

afterAll(async () => {
  await testOrg.stop();
});

function call(method: string, path: string, body?: unknown): Promise<Response> {
  return fetch(`${testOrg.org.url}${path}`, {
    method,
    headers: {
      Authorization: `Bearer ${testOrg.connection.accessToken ?? ''}`,
      'Content-Type': 'application/json',
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

async function setFaults(settings: Record<string, unknown>): Promise<void> {
  const response = await call('PUT', '/trellis/faults', settings);
  expect(response.status).toBe(200);
}

async function accountCount(): Promise<number> {
  await setFaults({ rate: 0 });
  return (await testOrg.connection.query('SELECT COUNT() FROM Account')).totalSize;
}

describe('faults on demand', () => {
  test('are off by default', async () => {
    expect(await (await call('GET', '/trellis/faults')).json()).toMatchObject({ rate: 0, injected: 0 });
  });

  test("503 and REQUEST_LIMIT_EXCEEDED in Salesforce's shapes; logging in still works", async () => {
    await setFaults({ rate: 1, kinds: ['unavailable'] });
    const unavailable = await call('GET', `${DATA}/sobjects`);
    expect(unavailable.status).toBe(503);
    expect(await unavailable.json()).toEqual([expect.objectContaining({ errorCode: 'SERVER_UNAVAILABLE' })]);
    await expect(testOrg.login()).resolves.toBeDefined();

    await setFaults({ rate: 1, kinds: ['request-limit'] });
    const limited = await call('GET', `${DATA}/limits`);
    expect(limited.status).toBe(403);
    expect(await limited.json()).toEqual([
      { errorCode: 'REQUEST_LIMIT_EXCEEDED', message: 'TotalRequests Limit exceeded.', fields: [] },
    ]);
  });

  test('a locked row refuses a write whole, and never touches reads', async () => {
    const before = await accountCount();
    await setFaults({ rate: 1, kinds: ['lock-row'] });
    expect((await call('GET', `${DATA}/limits`)).status).toBe(200);
    const write = await call('POST', `${DATA}/sobjects/Account`, { Name: 'Locked Out Ltd' });
    expect(write.status).toBe(400);
    expect(await write.json()).toEqual([expect.objectContaining({ errorCode: 'UNABLE_TO_LOCK_ROW' })]);
    expect(await accountCount()).toBe(before);
  });

  test('a dropped connection', async () => {
    await setFaults({ rate: 1, kinds: ['drop'] });
    await expect(call('GET', `${DATA}/limits`)).rejects.toThrow();
    await setFaults({ rate: 0 });
  });

  test('a slow reply still answers', async () => {
    await setFaults({ rate: 1, kinds: ['slow'], slowMs: 50 });
    expect((await call('GET', `${DATA}/limits`)).status).toBe(200);
    expect(await (await call('GET', '/trellis/faults')).json()).toMatchObject({ injected: 1 });
  });

  test('a share of requests, the same ones for the same seed', async () => {
    const run = async (): Promise<number[]> => {
      await setFaults({ rate: 0.3, kinds: ['unavailable'], seed: 'retry-test' });
      const statuses: number[] = [];
      for (let i = 0; i < 30; i++) statuses.push((await call('GET', `${DATA}/limits`)).status);
      return statuses;
    };
    const first = await run();
    const second = await run();
    expect(second).toEqual(first);
    const faults = first.filter((status) => status === 503).length;
    expect(faults).toBeGreaterThan(0);
    expect(faults).toBeLessThan(30);
    expect(await (await call('GET', '/trellis/faults')).json()).toMatchObject({ injected: faults });
  });

  test('bad settings are refused, and only a signed-in admin may change them', async () => {
    const bad = await call('PUT', '/trellis/faults', { rate: 2 });
    expect(bad.status).toBe(400);
    const anonymous = await fetch(`${testOrg.org.url}/trellis/faults`, { method: 'PUT', body: '{"rate":1}' });
    expect(anonymous.status).toBe(401);
  });
});

describe('a bulk job that fails midway', () => {
  async function waitForEnd(kind: string, id: string): Promise<Record<string, unknown>> {
    for (;;) {
      const info = (await (await call('GET', `${DATA}/jobs/${kind}/${id}`)).json()) as Record<
        string,
        unknown
      >;
      if (['JobComplete', 'Failed', 'Aborted'].includes(String(info.state))) return info;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  test('an ingest job fails after its first chunk: that chunk stays, the rest is unprocessed', async () => {
    const before = await accountCount();
    await setFaults({ rate: 1, kinds: ['bulk-job'] });
    // Requests are untouched by a bulk fault: creating and uploading the job works.
    const job = (await (
      await call('POST', `${DATA}/jobs/ingest`, { object: 'Account', operation: 'insert' })
    ).json()) as {
      id: string;
    };
    const rows = Array.from({ length: 2500 }, (_, i) => `Midway Customer ${i}`);
    const upload = await fetch(`${testOrg.org.url}${DATA}/jobs/ingest/${job.id}/batches`, {
      method: 'PUT',
      headers: {
        Authorization: `Bearer ${testOrg.connection.accessToken ?? ''}`,
        'Content-Type': 'text/csv',
      },
      body: `Name\n${rows.join('\n')}\n`,
    });
    expect(upload.status).toBe(201);
    await call('PATCH', `${DATA}/jobs/ingest/${job.id}`, { state: 'UploadComplete' });
    const info = await waitForEnd('ingest', job.id);
    expect(info).toMatchObject({ state: 'Failed', numberRecordsProcessed: 1000, numberRecordsFailed: 0 });
    expect(String(info.errorMessage)).toMatch(/failed midway/);
    expect(await accountCount()).toBe(before + 1000);
    const unprocessed = await (await call('GET', `${DATA}/jobs/ingest/${job.id}/unprocessedrecords`)).text();
    expect(unprocessed.trim().split('\n')).toHaveLength(1 + 1500);
  });

  test('a query job fails once it has written some rows', async () => {
    await setFaults({ rate: 1, kinds: ['bulk-job'] });
    const job = (await (
      await call('POST', `${DATA}/jobs/query`, { operation: 'query', query: 'SELECT Id, Name FROM Account' })
    ).json()) as { id: string };
    const info = await waitForEnd('query', job.id);
    await setFaults({ rate: 0 });
    expect(info).toMatchObject({ state: 'Failed' });
    expect(String(info.errorMessage)).toMatch(/failed midway/);
    const results = await call('GET', `${DATA}/jobs/query/${job.id}/results`);
    expect(results.status).toBe(400);
  });
});

describe('start flags', () => {
  test('a percentage and kinds become settings; an unknown kind is named', () => {
    expect(faultsFromFlags(25, 'unavailable,drop')).toMatchObject({
      rate: 0.25,
      kinds: ['unavailable', 'drop'],
    });
    expect(faultsFromFlags(0, undefined)).toMatchObject({ rate: 0 });
    expect(() => faultsFromFlags(10, 'unavailable,meteor')).toThrow(
      'unknown fault kind "meteor"; use unavailable, request-limit, lock-row, drop, slow, bulk-job',
    );
  });
});
