/**
 * Bulk API 2.0 ingest jobs against the local org, through jsforce's bulk2 API as a
 * script would run them against a real org, and through plain HTTP where the exact
 * shapes matter: job info, Salesforce's CSV dialect, per-record results, job
 * failures, abort, errors, and a restart in the middle of a job.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Connection } from 'jsforce';
import { startLocalOrg } from '../../cli/src/localorg/local-org.ts';
import { readCredentials } from '../../cli/src/localorg/org/identity.ts';
import { PROJECT_ROOT } from '../helpers/cli.ts';
import { startTestOrg, TEST_API_VERSION, type TestOrg } from '../helpers/local-org.ts';
import { callOrg, type Answer } from '../helpers/org-http.ts';

let testOrg: TestOrg;
let connection: Connection;
const DATA = `/services/data/v${TEST_API_VERSION}`;

beforeAll(async () => {
  testOrg = await startTestOrg();
  connection = testOrg.connection;
  connection.bulk2.pollInterval = 20;
});

afterAll(async () => {
  await testOrg.stop();
});

function call(
  method: string,
  path: string,
  body?: unknown,
  options: { url?: string; token?: string; contentType?: string } = {},
): Promise<Answer> {
  return callOrg(
    `${options.url ?? testOrg.org.url}${DATA}${path}`,
    options.token ?? connection.accessToken ?? '',
    method,
    body,
    options.contentType,
  );
}

type Json = Record<string, unknown>;

/** Creates a job, uploads `csv`, closes it and waits until it has ended. */
async function runJob(
  job: Json,
  csv: string,
  options: { url?: string; token?: string } = {},
): Promise<{ id: string; info: Json }> {
  const created = await call('POST', '/jobs/ingest', job, options);
  expect(created.status).toBe(200);
  const id = (created.json as { id: string }).id;
  const uploaded = await call('PUT', `/jobs/ingest/${id}/batches`, csv, {
    ...options,
    contentType: 'text/csv',
  });
  expect(uploaded.status).toBe(201);
  const closed = await call('PATCH', `/jobs/ingest/${id}`, { state: 'UploadComplete' }, options);
  expect(closed.status).toBe(200);
  return { id, info: await waitForEnd(id, options) };
}

async function waitForEnd(id: string, options: { url?: string; token?: string } = {}): Promise<Json> {
  for (;;) {
    const info = (await call('GET', `/jobs/ingest/${id}`, undefined, options)).json as Json;
    if (['JobComplete', 'Failed', 'Aborted'].includes(info.state as string)) return info;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

async function names(soql: string): Promise<string[]> {
  const result = await connection.query<{ Name: string }>(soql);
  return result.records.map((record) => record.Name).sort();
}

describe('ingest jobs through jsforce bulk2', () => {
  test('insert: every row is created; the successful results carry sf__Id, sf__Created and the columns', async () => {
    const csv = [
      'Name,Website,NumberOfEmployees,Industry',
      'Initech Systems,initech.com,250,Technology',
      '"Umbrella, Corp",umbrella.example,1200,',
      'Hooli,hooli.example,,Technology',
      '',
    ].join('\n');
    const results = await connection.bulk2.loadAndWaitForResults({
      object: 'Account',
      operation: 'insert',
      input: csv,
    });
    expect(results.failedResults).toEqual([]);
    expect(results.unprocessedRecords).toEqual([]);
    expect(results.successfulResults).toHaveLength(3);
    for (const row of results.successfulResults) {
      expect(row.sf__Id).toMatch(/^001\w{15}$/);
      expect(row.sf__Created).toBe('true');
    }
    expect(results.successfulResults[1]).toMatchObject({
      Name: 'Umbrella, Corp',
      Website: 'umbrella.example',
      NumberOfEmployees: '1200',
      Industry: '',
    });

    const stored = await connection.query<Json>(
      "SELECT Name, NumberOfEmployees, Industry, Trellis_Domain_Key__c FROM Account WHERE Name IN ('Initech Systems', 'Umbrella, Corp', 'Hooli') ORDER BY Name",
    );
    expect(stored.records).toEqual([
      expect.objectContaining({ Name: 'Hooli', NumberOfEmployees: null, Industry: 'Technology' }),
      // The Account trigger ran for bulk rows too.
      expect.objectContaining({
        Name: 'Initech Systems',
        NumberOfEmployees: 250,
        Trellis_Domain_Key__c: 'initech.com',
      }),
      expect.objectContaining({ Name: 'Umbrella, Corp', NumberOfEmployees: 1200, Industry: null }),
    ]);
  });

  test('a bad row fails alone: the others land, and it is in failedResults with its error', async () => {
    const csv = [
      'Name,Website,NumberOfEmployees',
      'Good One,good-one.example,10',
      ',missing-name.example,5',
      'Bad Number,bad-number.example,lots',
      'Good Two,good-two.example,20',
    ].join('\n');
    const results = await connection.bulk2.loadAndWaitForResults({
      object: 'Account',
      operation: 'insert',
      input: csv,
    });
    expect(results.successfulResults.map((row) => (row as Json).Name)).toEqual(['Good One', 'Good Two']);
    expect(results.failedResults).toEqual([
      {
        sf__Id: '',
        sf__Error: 'REQUIRED_FIELD_MISSING:Required fields are missing: [Name]:Name --',
        Name: '',
        Website: 'missing-name.example',
        NumberOfEmployees: '5',
      },
      {
        sf__Id: '',
        sf__Error:
          'INVALID_TYPE_ON_FIELD_IN_RECORD:Employees: value not of required type: lots:NumberOfEmployees --',
        Name: 'Bad Number',
        Website: 'bad-number.example',
        NumberOfEmployees: 'lots',
      },
    ]);
    expect(
      await names(
        "SELECT Name FROM Account WHERE Website IN ('good-one.example', 'good-two.example', 'missing-name.example', 'bad-number.example')",
      ),
    ).toEqual(['Good One', 'Good Two']);
  });

  test('update: an empty value leaves a field alone, #N/A blanks it', async () => {
    const inserted = await connection.bulk2.loadAndWaitForResults({
      object: 'Account',
      operation: 'insert',
      input: 'Name,Website,Phone,Industry\nPending Update,pending.example,555-0100,Banking\n',
    });
    const id = inserted.successfulResults[0]?.sf__Id ?? '';
    const results = await connection.bulk2.loadAndWaitForResults({
      object: 'Account',
      operation: 'update',
      input: `Id,Name,Phone,Industry\n${id},Updated Name,,#N/A\n`,
    });
    expect(results.failedResults).toEqual([]);
    expect(results.successfulResults).toEqual([
      { sf__Id: id, sf__Created: 'false', Id: id, Name: 'Updated Name', Phone: '', Industry: '#N/A' },
    ]);
    const record = await connection.sobject('Account').retrieve(id);
    expect(record).toMatchObject({ Name: 'Updated Name', Phone: '555-0100', Industry: null });
  });

  test('jsforce records with null values are sent as #N/A and blank the field', async () => {
    const inserted = await connection.bulk2.loadAndWaitForResults({
      object: 'Account',
      operation: 'insert',
      input: [{ Name: 'Null Record', BillingState: 'CA' }],
    });
    const id = inserted.successfulResults[0]?.sf__Id ?? '';
    await connection.bulk2.loadAndWaitForResults({
      object: 'Account',
      operation: 'update',
      input: [{ Id: id, BillingState: null }],
    });
    expect((await connection.sobject('Account').retrieve(id)).BillingState).toBeNull();
  });

  test('upsert by external id with a relationship column resolved through the parent', async () => {
    const partners = await connection.bulk2.loadAndWaitForResults({
      object: 'Account',
      operation: 'insert',
      input: 'Name,Website\nNorthwind Partners,northwind-partners.com\nContoso Channel,contoso-channel.com\n',
    });
    const [northwind, contoso] = partners.successfulResults.map((row) => row.sf__Id);
    const header =
      'External_Id__c,Partner_Account__r.Trellis_Domain_Key__c,Period_Start__c,Sourced_Revenue__c';
    const first = await connection.bulk2.loadAndWaitForResults({
      object: 'Partner_Metric__c',
      operation: 'upsert',
      externalIdFieldName: 'External_Id__c',
      input: [
        header,
        'NW-2026-Q1,northwind-partners.com,2026-01-01,125000',
        'CO-2026-Q1,contoso-channel.com,2026-01-01,98000.5',
        'XX-2026-Q1,nobody.com,2026-01-01,1',
        ',northwind-partners.com,2026-01-01,1',
      ].join('\n'),
    });
    expect(first.successfulResults.map((row) => [(row as Json).External_Id__c, row.sf__Created])).toEqual([
      ['NW-2026-Q1', 'true'],
      ['CO-2026-Q1', 'true'],
    ]);
    expect(first.failedResults.map((row) => row.sf__Error)).toEqual([
      'INVALID_FIELD:Foreign key external ID: nobody.com not found for field Trellis_Domain_Key__c in entity Account:--',
      'MISSING_ARGUMENT:External_Id__c not specified:--',
    ]);

    const second = await connection.bulk2.loadAndWaitForResults({
      object: 'Partner_Metric__c',
      operation: 'upsert',
      externalIdFieldName: 'External_Id__c',
      input: `${header}\nnw-2026-q1,northwind-partners.com,2026-01-01,130000\nNW-2026-Q2,northwind-partners.com,2026-04-01,7\n`,
    });
    expect(second.failedResults).toEqual([]);
    expect(second.successfulResults.map((row) => row.sf__Created)).toEqual(['false', 'true']);
    expect(second.successfulResults[0]?.sf__Id).toBe(first.successfulResults[0]?.sf__Id);

    const metrics = await connection.query<Json>(
      'SELECT External_Id__c, Partner_Account__c, Sourced_Revenue__c FROM Partner_Metric__c ORDER BY External_Id__c',
    );
    expect(metrics.records).toEqual([
      expect.objectContaining({
        External_Id__c: 'CO-2026-Q1',
        Partner_Account__c: contoso,
        Sourced_Revenue__c: 98000.5,
      }),
      // The key matched case-insensitively, and the upsert wrote the value it was given.
      expect.objectContaining({
        External_Id__c: 'nw-2026-q1',
        Partner_Account__c: northwind,
        Sourced_Revenue__c: 130000,
      }),
      expect.objectContaining({
        External_Id__c: 'NW-2026-Q2',
        Partner_Account__c: northwind,
        Sourced_Revenue__c: 7,
      }),
    ]);
  });

  test("registrations submitted through a bulk job are decided by the trigger's part, row by row", async () => {
    const partner = (await connection.sobject('Account').create({
      Name: 'Bulk Reseller Co',
      Partner_Type__c: 'Reseller',
      Partner_Status__c: 'Active',
      Partner_Tier__c: 'Gold',
    })) as { id: string };
    const results = await connection.bulk2.loadAndWaitForResults({
      object: 'Deal_Registration__c',
      operation: 'insert',
      input: [
        'Partner_Account__c,Customer_Name__c,Customer_Domain__c,Product_Family__c,Estimated_Amount__c,Status__c',
        `${partner.id},Globex Bulk Buyer,globex-bulk.com,Security,15000,Submitted`,
        `${partner.id},Draft Only Buyer,draft-only.com,Security,5000,Draft`,
      ].join('\n'),
    });
    expect(results.failedResults).toEqual([]);
    const [submitted, draft] = await Promise.all(
      results.successfulResults.map((row) => connection.sobject('Deal_Registration__c').retrieve(row.sf__Id)),
    );
    expect(submitted).toMatchObject({
      Status__c: expect.stringMatching(/^(Approved|In Review|Rejected)$/),
      Conflict_Status__c: expect.any(String),
      Submitted_At__c: expect.any(String),
    });
    expect(draft).toMatchObject({ Status__c: 'Draft', Submitted_At__c: null });
  });

  test('delete moves records to the recycle bin; hardDelete removes them for good', async () => {
    const inserted = await connection.bulk2.loadAndWaitForResults({
      object: 'Account',
      operation: 'insert',
      input: 'Name\nDoomed One\nDoomed Two\n',
    });
    const [one, two] = inserted.successfulResults.map((row) => row.sf__Id);
    const deleted = await connection.bulk2.loadAndWaitForResults({
      object: 'Account',
      operation: 'delete',
      input: `Id\n${one}\n001000000000000\nnot-an-id\n`,
    });
    expect(deleted.successfulResults).toEqual([{ sf__Id: one, sf__Created: 'false', Id: one }]);
    expect(deleted.failedResults.map((row) => row.sf__Error)).toEqual([
      'INVALID_CROSS_REFERENCE_KEY:invalid cross reference id:--',
      'MALFORMED_ID:Account ID: id value of incorrect type: not-an-id:Id --',
    ]);
    const hard = await connection.bulk2.loadAndWaitForResults({
      object: 'Account',
      operation: 'hardDelete',
      input: `Id\n${two}\n`,
    });
    expect(hard.successfulResults).toHaveLength(1);
    const all = await connection.query<Json>(
      "SELECT Name, IsDeleted FROM Account WHERE Name IN ('Doomed One', 'Doomed Two')",
      { scanAll: true },
    );
    expect(all.records).toEqual([expect.objectContaining({ Name: 'Doomed One', IsDeleted: true })]);
  });
});

describe("Salesforce's CSV dialect", () => {
  test('CRLF line endings, a non-comma delimiter, and quoted values with delimiters, quotes and line breaks', async () => {
    const csv = [
      'Name|BillingStreet|Description',
      '"Pipe | Works"|"1 Main St\r\nSuite 5"|"He said ""hi"""',
      'Plain Pipe|2 Side St|',
      '',
    ].join('\r\n');
    const { id, info } = await runJob(
      { object: 'Account', operation: 'insert', lineEnding: 'CRLF', columnDelimiter: 'PIPE' },
      csv,
    );
    expect(info).toMatchObject({
      state: 'JobComplete',
      numberRecordsProcessed: 2,
      numberRecordsFailed: 0,
      lineEnding: 'CRLF',
      columnDelimiter: 'PIPE',
    });
    const success = await call('GET', `/jobs/ingest/${id}/successfulResults`);
    expect(success.headers.get('content-type')).toMatch(/^text\/csv/);
    const lines = success.text.split('\r\n');
    expect(lines[0]).toBe('"sf__Id"|"sf__Created"|Name|BillingStreet|Description');
    expect(lines[1]).toMatch(/^"001\w{15}"\|"true"\|"Pipe \| Works"\|"1 Main St$/);
    expect(lines[2]).toBe('Suite 5"|"He said ""hi"""');
    const stored = await connection.query<Json>(
      "SELECT Name, BillingStreet, Description FROM Account WHERE Name IN ('Pipe | Works', 'Plain Pipe') ORDER BY Name",
    );
    expect(stored.records).toEqual([
      expect.objectContaining({
        Name: 'Pipe | Works',
        BillingStreet: '1 Main St\r\nSuite 5',
        Description: 'He said "hi"',
      }),
      expect.objectContaining({ Name: 'Plain Pipe', BillingStreet: '2 Side St', Description: null }),
    ]);
  });

  test('TAB and SEMICOLON delimiters through jsforce', async () => {
    for (const [columnDelimiter, separator] of [
      ['TAB', '\t'],
      ['SEMICOLON', ';'],
    ] as const) {
      const results = await connection.bulk2.loadAndWaitForResults({
        object: 'Account',
        operation: 'insert',
        columnDelimiter,
        input: `Name${separator}Website\n${columnDelimiter} Account${separator}${columnDelimiter.toLowerCase()}.example\n`,
      });
      expect(results.successfulResults).toEqual([
        expect.objectContaining({
          Name: `${columnDelimiter} Account`,
          Website: `${columnDelimiter.toLowerCase()}.example`,
        }),
      ]);
    }
  });

  test('job data compressed with gzip', async () => {
    const created = (await call('POST', '/jobs/ingest', { object: 'Account', operation: 'insert' }))
      .json as Json;
    const id = String(created.id);
    const response = await fetch(`${testOrg.org.url}${DATA}/jobs/ingest/${id}/batches`, {
      method: 'PUT',
      headers: {
        Authorization: `Bearer ${connection.accessToken ?? ''}`,
        'Content-Type': 'text/csv',
        'Content-Encoding': 'gzip',
      },
      body: gzipSync('Name\nGzipped Account\n'),
    });
    expect(response.status).toBe(201);
    await call('PATCH', `/jobs/ingest/${id}`, { state: 'UploadComplete' });
    expect(await waitForEnd(id)).toMatchObject({ state: 'JobComplete', numberRecordsProcessed: 1 });
    expect(await names("SELECT Name FROM Account WHERE Name = 'Gzipped Account'")).toEqual([
      'Gzipped Account',
    ]);
  });

  test('CRLF data in an LF job fails the job as Salesforce does, with every record unprocessed', async () => {
    const csv = 'Name\r\nWrong Ending\r\n';
    const { id, info } = await runJob({ object: 'Account', operation: 'insert' }, csv);
    expect(info).toMatchObject({
      state: 'Failed',
      numberRecordsProcessed: 0,
      errorMessage: 'ClientInputError : LineEnding is invalid on user data. Current LineEnding setting is LF',
    });
    expect((await call('GET', `/jobs/ingest/${id}/unprocessedrecords`)).text).toBe(csv);
  });

  test('a header naming no field fails the job', async () => {
    const { id, info } = await runJob({ object: 'Account', operation: 'insert' }, 'Name,Nope__c\nX,1\n');
    expect(info).toMatchObject({
      state: 'Failed',
      errorMessage: 'InvalidBatch : Field name not found : Nope__c',
    });
    expect((await call('GET', `/jobs/ingest/${id}/failedResults`)).text).toBe(
      '"sf__Id","sf__Error",Name,Nope__c\n',
    );
  });
});

describe('job lifecycle and errors', () => {
  test('create answers the job as Salesforce does; GET adds counts and timings', async () => {
    const created = await call('POST', '/jobs/ingest', { object: 'account', operation: 'insert' });
    expect(created.status).toBe(200);
    const job = created.json as Json;
    expect(job).toEqual({
      id: expect.stringMatching(/^750\w{15}$/),
      operation: 'insert',
      object: 'Account',
      createdById: testOrg.org.identity.adminUserId,
      createdDate: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+0000$/),
      systemModstamp: expect.any(String),
      state: 'Open',
      concurrencyMode: 'Parallel',
      contentType: 'CSV',
      apiVersion: Number(TEST_API_VERSION),
      contentUrl: `services/data/v${TEST_API_VERSION}/jobs/ingest/${String(job.id)}/batches`,
      lineEnding: 'LF',
      columnDelimiter: 'COMMA',
    });
    const info = (await call('GET', `/jobs/ingest/${String(job.id)}`)).json;
    expect(info).toMatchObject({
      id: job.id,
      state: 'Open',
      jobType: 'V2Ingest',
      numberRecordsProcessed: 0,
      numberRecordsFailed: 0,
      retries: 0,
      totalProcessingTime: 0,
      apiActiveProcessingTime: 0,
      apexProcessingTime: 0,
    });
  });

  test('list and delete jobs', async () => {
    const { id } = await runJob({ object: 'Account', operation: 'insert' }, 'Name\nListed\n');
    const list = (await call('GET', '/jobs/ingest')).json as {
      done: boolean;
      records: Json[];
      nextRecordsUrl: unknown;
    };
    expect(list.done).toBe(true);
    expect(list.nextRecordsUrl).toBeNull();
    expect(list.records).toContainEqual(
      expect.objectContaining({ id, jobType: 'V2Ingest', state: 'JobComplete', object: 'Account' }),
    );
    expect((await call('DELETE', `/jobs/ingest/${id}`)).status).toBe(204);
    const gone = await call('GET', `/jobs/ingest/${id}`);
    expect(gone.status).toBe(404);
    expect(gone.json).toEqual([{ errorCode: 'NOT_FOUND', message: 'The requested resource does not exist' }]);
  });

  test('creation errors in Salesforce shapes', async () => {
    const expectError = async (body: Json, errorCode: string, message: string | RegExp): Promise<void> => {
      const answer = await call('POST', '/jobs/ingest', body);
      expect(answer.status).toBe(400);
      expect(answer.json).toEqual([{ errorCode, message: expect.stringMatching(message) }]);
    };
    await expectError(
      { object: 'Nope__c', operation: 'insert' },
      'INVALIDENTITY',
      /^Entity 'Nope__c' is not supported by the Bulk API\.$/,
    );
    await expectError(
      { object: 'Account', operation: 'upsert' },
      'INVALIDJOB',
      /^External ID was blank for Account\. An External ID must be specified for upsert\.$/,
    );
    await expectError(
      { object: 'Account', operation: 'upsert', externalIdFieldName: 'Name' },
      'INVALIDJOB',
      /^Field name provided, Name does not match an External ID/,
    );
    await expectError(
      { object: 'Account', operation: 'merge' },
      'JSON_PARSER_ERROR',
      /OperationEnum from VALUE_STRING value merge/,
    );
    await expectError(
      { object: 'Account', operation: 'insert', columnDelimiter: 'COLON' },
      'JSON_PARSER_ERROR',
      /ColumnDelimiterEnum/,
    );
  });

  test('only an Open job takes data; a job is closed once; two uploads cannot be closed', async () => {
    const { id } = await runJob({ object: 'Account', operation: 'insert' }, 'Name\nClosed Once\n');
    const late = await call('PUT', `/jobs/ingest/${id}/batches`, 'Name\nToo Late\n', {
      contentType: 'text/csv',
    });
    expect(late.status).toBe(409);
    expect(late.json).toEqual([
      { errorCode: 'INVALIDJOBSTATE', message: expect.stringContaining('JobComplete') },
    ]);
    const again = await call('PATCH', `/jobs/ingest/${id}`, { state: 'UploadComplete' });
    expect(again.status).toBe(400);
    expect((again.json as Json[])[0]?.errorCode).toBe('INVALIDJOBSTATE');

    const twice = (await call('POST', '/jobs/ingest', { object: 'Account', operation: 'insert' }))
      .json as Json;
    const path = `/jobs/ingest/${String(twice.id)}`;
    expect((await call('PUT', `${path}/batches`, 'Name\nA\n', { contentType: 'text/csv' })).status).toBe(201);
    expect((await call('PUT', `${path}/batches`, 'Name\nB\n', { contentType: 'text/csv' })).status).toBe(201);
    const close = await call('PATCH', path, { state: 'UploadComplete' });
    expect(close.status).toBe(400);
    expect((close.json as Json[])[0]).toMatchObject({
      errorCode: 'INVALIDJOB',
      message: expect.stringContaining("make sure you only do 'PUT' once on a given Job"),
    });

    const unknown = await call('GET', '/jobs/ingest/7505g0000000zzzAAA');
    expect(unknown.status).toBe(404);
  });

  test('abort: an Open job takes no more data; a running job stops between chunks, the rest is unprocessed', async () => {
    const open = (await call('POST', '/jobs/ingest', { object: 'Account', operation: 'insert' }))
      .json as Json;
    const aborted = await call('PATCH', `/jobs/ingest/${String(open.id)}`, { state: 'Aborted' });
    expect(aborted.status).toBe(200);
    expect(aborted.json).toMatchObject({ id: open.id, state: 'Aborted' });
    const upload = await call('PUT', `/jobs/ingest/${String(open.id)}/batches`, 'Name\nX\n', {
      contentType: 'text/csv',
    });
    expect(upload.status).toBe(409);

    const total = 20_000;
    const rows = Array.from({ length: total }, (_, i) => `Aborted Load ${i}`);
    const created = (await call('POST', '/jobs/ingest', { object: 'Account', operation: 'insert' }))
      .json as Json;
    const id = String(created.id);
    await call('PUT', `/jobs/ingest/${id}/batches`, `Name\n${rows.join('\n')}\n`, {
      contentType: 'text/csv',
    });
    await call('PATCH', `/jobs/ingest/${id}`, { state: 'UploadComplete' });
    const stop = await call('PATCH', `/jobs/ingest/${id}`, { state: 'Aborted' });
    expect(stop.json).toMatchObject({ state: 'Aborted' });
    const info = (await call('GET', `/jobs/ingest/${id}`)).json as { numberRecordsProcessed: number };
    expect(info.numberRecordsProcessed).toBeLessThan(total);
    // The processed records stay; exactly the others are unprocessed.
    const landed = (await connection.query("SELECT COUNT() FROM Account WHERE Name LIKE 'Aborted Load %'"))
      .totalSize;
    expect(landed).toBe(info.numberRecordsProcessed);
    const unprocessed = (await call('GET', `/jobs/ingest/${id}/unprocessedrecords`)).text.trim().split('\n');
    expect(unprocessed[0]).toBe('Name');
    expect(unprocessed).toHaveLength(1 + total - info.numberRecordsProcessed);
    await expect(connection.bulk2.job('ingest', { id }).poll(10, 1000)).rejects.toThrow(
      'Job has been aborted',
    );
  });
});

describe('a restart in the middle of a job', () => {
  test('the job is reported Failed; committed chunks stay committed, the rest is unprocessed', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'trellis-bulk-restart-'));
    try {
      let org = await startLocalOrg({ projectDir: PROJECT_ROOT, dataDir, port: 0 });
      const { username, password } = readCredentials(dataDir);
      const login = async (url: string): Promise<string> => {
        const response = await fetch(`${url}/services/oauth2/token`, {
          method: 'POST',
          body: new URLSearchParams({ grant_type: 'password', username, password }),
        });
        return ((await response.json()) as { access_token: string }).access_token;
      };
      let options = { url: org.url, token: await login(org.url) };
      const total = 30_000;
      const created = (
        await call('POST', '/jobs/ingest', { object: 'Account', operation: 'insert' }, options)
      ).json as Json;
      const id = String(created.id);
      const csv = `Name\n${Array.from({ length: total }, (_, i) => `Restart Load ${i}`).join('\n')}\n`;
      await call('PUT', `/jobs/ingest/${id}/batches`, csv, { ...options, contentType: 'text/csv' });
      await call('PATCH', `/jobs/ingest/${id}`, { state: 'UploadComplete' }, options);
      let info: Json;
      do {
        info = (await call('GET', `/jobs/ingest/${id}`, undefined, options)).json as Json;
      } while (info.numberRecordsProcessed === 0);
      expect(info.state).toBe('InProgress');
      await org.close();

      org = await startLocalOrg({ projectDir: PROJECT_ROOT, dataDir, port: 0 });
      options = { url: org.url, token: await login(org.url) };
      const after = (await call('GET', `/jobs/ingest/${id}`, undefined, options)).json as {
        state: string;
        errorMessage: string;
        numberRecordsProcessed: number;
      };
      expect(after.state).toBe('Failed');
      expect(after.errorMessage).toMatch(/stopped while this job was in progress/);
      expect(after.numberRecordsProcessed).toBeGreaterThan(0);
      expect(after.numberRecordsProcessed).toBeLessThan(total);
      const landed = org.store.db
        .prepare("SELECT COUNT(*) AS n FROM Account WHERE Name LIKE 'Restart Load %'")
        .get() as { n: number };
      expect(landed.n).toBe(after.numberRecordsProcessed);
      const success = await call('GET', `/jobs/ingest/${id}/successfulResults`, undefined, options);
      expect(success.text.trim().split('\n')).toHaveLength(1 + after.numberRecordsProcessed);
      const unprocessed = await call('GET', `/jobs/ingest/${id}/unprocessedrecords`, undefined, options);
      const lines = unprocessed.text.trim().split('\n');
      expect(lines).toHaveLength(1 + total - after.numberRecordsProcessed);
      expect(lines[1]).toBe(`Restart Load ${after.numberRecordsProcessed}`);
      await org.close();
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 30_000);
});
