/**
 * Bulk API 2.0 query jobs against the local org: jsforce's `bulk2.query` over tens
 * of thousands of rows, results paged with `maxRecords` and `Sforce-Locator`,
 * parent fields flattened to `Owner.Name` columns, Salesforce's CSV values, queryAll,
 * the SOQL a bulk query refuses, and the job resources.
 */
import type { Connection } from 'jsforce';
import { startTestOrg, TEST_API_VERSION, type TestOrg } from '../helpers/local-org.ts';
import { callOrg, type Answer } from '../helpers/org-http.ts';

let testOrg: TestOrg;
let connection: Connection;
let adminName: string;
const DATA = `/services/data/v${TEST_API_VERSION}`;
const ROWS = 20_000;

type Json = Record<string, unknown>;

beforeAll(async () => {
  testOrg = await startTestOrg();
  connection = testOrg.connection;
  connection.bulk2.pollInterval = 20;
  const { store, identity } = testOrg.org;
  // The rows to read, written straight to the store: this file tests reading them.
  store.transaction(() => {
    for (let i = 0; i < ROWS; i++) {
      store.create(
        'Account',
        { Name: `Bulk Row ${String(i).padStart(5, '0')}`, NumberOfEmployees: i },
        { userId: identity.adminUserId },
      );
    }
  });
  adminName = String(
    (await connection.query<{ Name: string }>(`SELECT Name FROM User WHERE Id = '${identity.adminUserId}'`))
      .records[0]?.Name,
  );
});

afterAll(async () => {
  await testOrg.stop();
});

function call(method: string, path: string, body?: unknown): Promise<Answer> {
  return callOrg(`${testOrg.org.url}${DATA}${path}`, connection.accessToken ?? '', method, body);
}

/** Creates a query job and waits until it has ended. */
async function runQuery(body: Json): Promise<Json> {
  const created = await call('POST', '/jobs/query', body);
  expect(created.status).toBe(200);
  const id = String((created.json as Json).id);
  for (;;) {
    const info = (await call('GET', `/jobs/query/${id}`)).json as Json;
    if (['JobComplete', 'Failed', 'Aborted'].includes(String(info.state))) return info;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

async function records(soql: string, options: { scanAll?: boolean } = {}): Promise<Json[]> {
  const stream = await connection.bulk2.query(soql, options);
  const rows: Json[] = [];
  await new Promise((resolve, reject) => {
    stream.on('record', (row: Json) => rows.push(row));
    stream.on('end', resolve);
    stream.on('error', reject);
  });
  return rows;
}

describe('query jobs', () => {
  test('jsforce bulk2.query reads tens of thousands of rows, with parent fields flattened', async () => {
    const rows = await records(
      "SELECT Id, Name, NumberOfEmployees, Owner.Name FROM Account WHERE Name LIKE 'Bulk Row %' ORDER BY Name",
    );
    expect(rows).toHaveLength(ROWS);
    expect(rows[0]).toEqual({
      Id: expect.stringMatching(/^001\w{15}$/),
      Name: 'Bulk Row 00000',
      NumberOfEmployees: '0',
      'Owner.Name': adminName,
    });
    expect(rows[ROWS - 1]).toMatchObject({
      Name: `Bulk Row ${ROWS - 1}`,
      NumberOfEmployees: String(ROWS - 1),
    });
  });

  test('results come in pages of maxRecords, each with the header, Sforce-Locator and Sforce-NumberOfRecords', async () => {
    const info = await runQuery({
      operation: 'query',
      query: "SELECT Name FROM Account WHERE Name LIKE 'Bulk Row %' ORDER BY Name",
    });
    expect(info).toMatchObject({ state: 'JobComplete', numberRecordsProcessed: ROWS, jobType: 'V2Query' });
    const id = String(info.id);
    const names: string[] = [];
    const locators: string[] = [];
    let locator: string | null = null;
    do {
      const page = await call(
        'GET',
        `/jobs/query/${id}/results?maxRecords=7000${locator === null ? '' : `&locator=${locator}`}`,
      );
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toMatch(/^text\/csv/);
      const lines = page.text.split('\n');
      expect(lines[0]).toBe('"Name"');
      expect(lines.pop()).toBe('');
      expect(Number(page.headers.get('sforce-numberofrecords'))).toBe(lines.length - 1);
      names.push(...lines.slice(1).map((line) => JSON.parse(line) as string));
      locator = page.headers.get('sforce-locator');
      locators.push(String(locator));
    } while (locator !== 'null');
    expect(locators).toHaveLength(3);
    expect(locators[2]).toBe('null');
    expect(names).toHaveLength(ROWS);
    expect(names[7000]).toBe('Bulk Row 07000');
    expect(new Set(names).size).toBe(ROWS);

    const bad = await call('GET', `/jobs/query/${id}/results?locator=bm9wZQ`);
    expect(bad.status).toBe(400);
  });

  test("values as Salesforce's CSV writes them, with the job's delimiter and line ending", async () => {
    const created = await connection.sobject('Account').create({
      Name: 'Value "Shapes", Inc',
      AnnualRevenue: 1250000,
      Description: 'two\nlines',
    });
    const id = (created as { id: string }).id;
    const info = await runQuery({
      operation: 'query',
      query: `SELECT Id, Name, AnnualRevenue, IsPartner, CreatedDate, Website, Parent.Name FROM Account WHERE Id = '${id}'`,
      columnDelimiter: 'PIPE',
      lineEnding: 'CRLF',
    });
    expect(info).toMatchObject({ state: 'JobComplete', columnDelimiter: 'PIPE', lineEnding: 'CRLF' });
    const page = await call('GET', `/jobs/query/${String(info.id)}/results`);
    expect(page.headers.get('sforce-locator')).toBe('null');
    expect(page.headers.get('sforce-numberofrecords')).toBe('1');
    const [header, row, end] = page.text.split('\r\n');
    expect(header).toBe('"Id"|"Name"|"AnnualRevenue"|"IsPartner"|"CreatedDate"|"Website"|"Parent.Name"');
    expect(row).toMatch(
      new RegExp(
        `^"${id}"\\|"Value ""Shapes"", Inc"\\|"1250000"\\|"false"\\|"\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z"\\|""\\|""$`,
      ),
    );
    expect(end).toBe('');
  });

  test('queryAll includes deleted rows; query does not', async () => {
    const created = (await connection.sobject('Account').create({ Name: 'Recycled Row' })) as { id: string };
    await connection.sobject('Account').destroy(created.id);
    const soql = "SELECT Name, IsDeleted FROM Account WHERE Name = 'Recycled Row'";
    expect(await records(soql)).toEqual([]);
    expect(await records(soql, { scanAll: true })).toEqual([{ Name: 'Recycled Row', IsDeleted: 'true' }]);
  });

  test('SOQL errors and what Bulk API 2.0 does not support are refused when the job is created', async () => {
    const expectRefused = async (query: string, errorCode: string, message: RegExp): Promise<void> => {
      const answer = await call('POST', '/jobs/query', { operation: 'query', query });
      expect(answer.status).toBe(400);
      expect(answer.json).toEqual([{ errorCode, message: expect.stringMatching(message) }]);
    };
    await expectRefused(
      'SELECT Nope FROM Account',
      'INVALID_FIELD',
      /No such column 'Nope' on entity 'Account'/,
    );
    await expectRefused('SELECT Id FROM Nope__c', 'INVALID_TYPE', /sObject type 'Nope__c' is not supported/);
    await expectRefused(
      'SELECT Id, (SELECT Id FROM Contacts) FROM Account',
      'API_ERROR',
      /^Aggregate Relationships not supported in Bulk Query$/,
    );
    await expectRefused('SELECT COUNT() FROM Account', 'API_ERROR', /Aggregate queries are not supported/);
    await expectRefused(
      'SELECT Industry, COUNT(Id) FROM Account GROUP BY Industry',
      'API_ERROR',
      /Aggregate queries are not supported/,
    );
    await expectRefused('SELECT Id FROM Account LIMIT 5 OFFSET 5', 'API_ERROR', /OFFSET/);
    const operation = await call('POST', '/jobs/query', {
      operation: 'insert',
      query: 'SELECT Id FROM Account',
    });
    expect(operation.status).toBe(400);
    expect((operation.json as Json[])[0]?.errorCode).toBe('JSON_PARSER_ERROR');
  });

  test('create, status, list, abort and delete answer in Salesforce shapes', async () => {
    const created = await call('POST', '/jobs/query', {
      operation: 'query',
      query: 'SELECT Id FROM Account',
    });
    expect(created.json).toEqual({
      id: expect.stringMatching(/^750\w{15}$/),
      operation: 'query',
      object: 'Account',
      createdById: testOrg.org.identity.adminUserId,
      createdDate: expect.stringMatching(/\+0000$/),
      systemModstamp: expect.stringMatching(/\+0000$/),
      state: 'UploadComplete',
      concurrencyMode: 'Parallel',
      contentType: 'CSV',
      apiVersion: Number(TEST_API_VERSION),
      lineEnding: 'LF',
      columnDelimiter: 'COMMA',
    });
    const id = String((created.json as Json).id);
    let info: Json;
    do info = (await call('GET', `/jobs/query/${id}`)).json as Json;
    while (info.state !== 'JobComplete');
    expect(info).toMatchObject({ jobType: 'V2Query', retries: 0, isPkChunkingSupported: true });

    const list = (await call('GET', '/jobs/query')).json as {
      done: boolean;
      records: Json[];
      nextRecordsUrl: null;
    };
    expect(list).toMatchObject({ done: true, nextRecordsUrl: null });
    expect(list.records).toContainEqual(
      expect.objectContaining({ id, jobType: 'V2Query', state: 'JobComplete' }),
    );
    // Ingest and query jobs are apart.
    expect((await call('GET', `/jobs/ingest/${id}`)).status).toBe(404);

    const abort = await call('PATCH', `/jobs/query/${id}`, { state: 'Aborted' });
    expect(abort.status).toBe(400);
    expect((abort.json as Json[])[0]?.errorCode).toBe('INVALIDJOBSTATE');
    expect((await call('DELETE', `/jobs/query/${id}`)).status).toBe(204);
    expect((await call('GET', `/jobs/query/${id}`)).status).toBe(404);
    expect((await call('GET', `/jobs/query/${id}/results`)).status).toBe(404);
  });
});
