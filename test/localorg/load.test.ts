/**
 * The server under load: 10,000 requests from 50 concurrent clients on loopback,
 * mixing single creates, all-or-none collections and composite requests (a fifth
 * of them made to fail) with queries. Afterwards the org must hold exactly the
 * records whose writes were acknowledged: each write committed whole or refused whole.
 */
import { createRandom } from '../../scripts/lib/random.ts';
import { startTestOrg, TEST_API_VERSION, type TestOrg } from '../helpers/local-org.ts';
import { callOrg } from '../helpers/org-http.ts';

let testOrg: TestOrg;
const DATA = `/services/data/v${TEST_API_VERSION}`;
const CLIENTS = 50;
const REQUESTS_PER_CLIENT = 200;

beforeAll(async () => {
  testOrg = await startTestOrg();
});

afterAll(async () => {
  await testOrg.stop();
});

async function call(
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: unknown }> {
  const answer = await callOrg(
    `${testOrg.org.url}${DATA}${path}`,
    testOrg.connection.accessToken ?? '',
    method,
    body,
  );
  return { status: answer.status, body: answer.json };
}

const account = (name: string, valid: boolean): Record<string, unknown> => ({
  attributes: { type: 'Account' },
  Name: valid ? name : `${name} ${'x'.repeat(300)}`,
});

async function client(id: number, acknowledged: Set<string>): Promise<number> {
  const random = createRandom(`load-${id}`);
  let requests = 0;
  for (let i = 0; i < REQUESTS_PER_CLIENT; i++) {
    const name = `Load ${id}-${i}`;
    const fail = random.chance(0.2);
    const kind = random.pick(['single', 'collection', 'composite', 'query'] as const);
    requests++;
    if (kind === 'single') {
      const result = await call('POST', '/sobjects/Account', {
        Name: fail ? `${name} ${'x'.repeat(300)}` : name,
      });
      if (result.status === 201) acknowledged.add(name);
    } else if (kind === 'collection') {
      const names = [0, 1, 2, 3, 4].map((k) => `${name}.${k}`);
      const result = await call('POST', '/composite/sobjects', {
        allOrNone: true,
        records: names.map((n, k) => account(n, !(fail && k === 3))),
      });
      const results = result.body as { success: boolean }[];
      if (results.every((r) => r.success)) names.forEach((n) => acknowledged.add(n));
    } else if (kind === 'composite') {
      const result = await call('POST', '/composite', {
        allOrNone: true,
        compositeRequest: [
          {
            method: 'POST',
            url: `${DATA}/sobjects/Account`,
            referenceId: 'first',
            body: { Name: `${name}.a` },
          },
          {
            method: 'POST',
            url: `${DATA}/sobjects/Account`,
            referenceId: 'second',
            body: fail ? { Nope__c: 1 } : { Name: `${name}.b` },
          },
        ],
      });
      const responses = (result.body as { compositeResponse: { httpStatusCode: number }[] })
        .compositeResponse;
      if (responses.every((r) => r.httpStatusCode < 300)) {
        acknowledged.add(`${name}.a`);
        acknowledged.add(`${name}.b`);
      }
    } else {
      const result = await call(
        'GET',
        `/query?q=${encodeURIComponent("SELECT COUNT() FROM Account WHERE Name LIKE 'Load %'")}`,
      );
      expect(result.status).toBe(200);
    }
  }
  return requests;
}

test('10,000 requests from 50 concurrent clients: every write committed whole or refused whole', async () => {
  const acknowledged = new Set<string>();
  const counts = await Promise.all(Array.from({ length: CLIENTS }, (_, id) => client(id, acknowledged)));
  expect(counts.reduce((sum, n) => sum + n, 0)).toBe(10_000);

  const stored = await testOrg.connection.query<{ Name: string }>(
    "SELECT Name FROM Account WHERE Name LIKE 'Load %'",
    {
      autoFetch: true,
      maxFetch: 100_000,
    },
  );
  const names = stored.records.map((record) => record.Name);
  expect(new Set(names).size).toBe(names.length);
  expect(names.length).toBe(acknowledged.size);
  expect(names.filter((name) => !acknowledged.has(name))).toEqual([]);
}, 120_000);
