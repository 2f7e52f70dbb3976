import type { Connection } from 'jsforce';
import { startTestOrg, TEST_API_VERSION, type TestOrg } from '../helpers/local-org.ts';
import { callOrg } from '../helpers/org-http.ts';

let testOrg: TestOrg;
let connection: Connection;
const DATA = `/services/data/v${TEST_API_VERSION}`;

beforeAll(async () => {
  testOrg = await startTestOrg();
  connection = testOrg.connection;
});

afterAll(async () => {
  await testOrg.stop();
});

async function post(
  path: string,
  body: unknown,
  method = 'POST',
): Promise<{ status: number; body: unknown }> {
  const answer = await callOrg(
    `${testOrg.org.url}${DATA}${path}`,
    connection.accessToken ?? '',
    method,
    body,
  );
  return { status: answer.status, body: answer.json };
}

async function countAccounts(nameLike: string): Promise<number> {
  return (await connection.query(`SELECT COUNT() FROM Account WHERE Name LIKE '${nameLike}'`)).totalSize;
}

describe('sObject Collections', () => {
  test('jsforce creates, updates and deletes up to 200 records per call, with per-record results', async () => {
    const records = Array.from({ length: 200 }, (_, i) => ({ Name: `Collection ${i}` }));
    const created = await connection.sobject('Account').create(records, { allOrNone: true });
    expect(created).toHaveLength(200);
    expect(created.every((result) => result.success)).toBe(true);
    const ids = created.map((result) => (result as { id: string }).id);

    const updated = await connection
      .sobject('Account')
      .update(ids.map((Id) => ({ Id, Industry: 'Banking' })));
    expect(updated.every((result) => result.success)).toBe(true);
    expect((await connection.query("SELECT COUNT() FROM Account WHERE Industry = 'Banking'")).totalSize).toBe(
      200,
    );

    const deleted = await connection.sobject('Account').destroy(ids.slice(0, 50));
    expect(deleted.every((result) => result.success)).toBe(true);
    expect(await countAccounts('Collection %')).toBe(150);
  });

  test('without allOrNone, a bad record fails alone and the others are stored', async () => {
    const response = await post('/composite/sobjects', {
      allOrNone: false,
      records: [
        { attributes: { type: 'Account' }, Name: 'Partial A' },
        { attributes: { type: 'Account' }, Website: 'no-name.com' },
        { attributes: { type: 'Account' }, Name: 'Partial C' },
      ],
    });
    expect(response.status).toBe(200);
    expect(response.body).toEqual([
      { id: expect.stringMatching(/^001/), success: true, errors: [] },
      {
        success: false,
        errors: [
          {
            statusCode: 'REQUIRED_FIELD_MISSING',
            message: 'Required fields are missing: [Name]',
            fields: ['Name'],
          },
        ],
      },
      { id: expect.stringMatching(/^001/), success: true, errors: [] },
    ]);
    expect(await countAccounts('Partial %')).toBe(2);
  });

  test('with allOrNone, one bad record rolls every record back', async () => {
    const response = await post('/composite/sobjects', {
      allOrNone: true,
      records: [
        { attributes: { type: 'Account' }, Name: 'AllOrNone A' },
        { attributes: { type: 'Account' }, Name: 'x'.repeat(300) },
      ],
    });
    expect(response.body).toEqual([
      {
        success: false,
        errors: [expect.objectContaining({ statusCode: 'ALL_OR_NONE_OPERATION_ROLLED_BACK' })],
      },
      {
        success: false,
        errors: [expect.objectContaining({ statusCode: 'STRING_TOO_LONG', fields: ['Name'] })],
      },
    ]);
    expect(await countAccounts('AllOrNone %')).toBe(0);
  });

  test('upserts by external id, reporting which records were created', async () => {
    const partner = (await connection.sobject('Account').create({ Name: 'Upsert Partner' })) as {
      id: string;
    };
    const metric = (key: string, won: number) => ({
      attributes: { type: 'Partner_Metric__c' },
      Name: key,
      External_Id__c: key,
      Partner_Account__c: partner.id,
      Period_Start__c: '2026-01-01',
      Deals_Won__c: won,
    });
    const first = await post(
      '/composite/sobjects/Partner_Metric__c/External_Id__c',
      { allOrNone: true, records: [metric('U-1', 1)] },
      'PATCH',
    );
    expect(first.body).toEqual([expect.objectContaining({ success: true, created: true })]);
    const second = await post(
      '/composite/sobjects/Partner_Metric__c/External_Id__c',
      { allOrNone: true, records: [metric('U-1', 2), metric('U-2', 3)] },
      'PATCH',
    );
    expect(second.body).toEqual([
      expect.objectContaining({ success: true, created: false }),
      expect.objectContaining({ success: true, created: true }),
    ]);
  });

  test('an external id given as a number in the body is the same key', async () => {
    const partner = (await connection.sobject('Account').create({ Name: 'Numeric Key Partner' })) as {
      id: string;
    };
    const record = {
      attributes: { type: 'Partner_Metric__c' },
      Name: 'N-1',
      External_Id__c: 20261,
      Partner_Account__c: partner.id,
      Period_Start__c: '2026-01-01',
    };
    const response = await post(
      '/composite/sobjects/Partner_Metric__c/External_Id__c',
      { allOrNone: true, records: [record] },
      'PATCH',
    );
    expect(response.body).toEqual([expect.objectContaining({ success: true, created: true })]);
  });

  test('refuses more than 200 records', async () => {
    const response = await post('/composite/sobjects', {
      records: Array.from({ length: 201 }, (_, i) => ({
        attributes: { type: 'Account' },
        Name: `Too many ${i}`,
      })),
    });
    expect(response.status).toBe(400);
    expect(response.body).toEqual([expect.objectContaining({ errorCode: 'EXCEEDED_ID_LIMIT' })]);
  });
});

describe('Composite', () => {
  test('subrequests refer to earlier results with @{ref.id}', async () => {
    const response = await post('/composite', {
      allOrNone: true,
      compositeRequest: [
        {
          method: 'POST',
          url: `${DATA}/sobjects/Account`,
          referenceId: 'refAccount',
          body: { Name: 'Composite Customer' },
        },
        {
          method: 'POST',
          url: `${DATA}/sobjects/Contact`,
          referenceId: 'refContact',
          body: { LastName: 'Buyer', AccountId: '@{refAccount.id}' },
        },
        {
          method: 'GET',
          url: `${DATA}/sobjects/Contact/@{refContact.id}?fields=AccountId`,
          referenceId: 'refRead',
        },
      ],
    });
    const { compositeResponse } = response.body as {
      compositeResponse: { httpStatusCode: number; referenceId: string; body: Record<string, unknown> }[];
    };
    expect(compositeResponse.map((r) => [r.referenceId, r.httpStatusCode])).toEqual([
      ['refAccount', 201],
      ['refContact', 201],
      ['refRead', 200],
    ]);
    expect(compositeResponse[2]?.body.AccountId).toBe(compositeResponse[0]?.body.id);
  });

  test('with allOrNone, a failing subrequest rolls back the ones before it', async () => {
    const response = await post('/composite', {
      allOrNone: true,
      compositeRequest: [
        {
          method: 'POST',
          url: `${DATA}/sobjects/Account`,
          referenceId: 'good',
          body: { Name: 'Rolled Back Customer' },
        },
        { method: 'POST', url: `${DATA}/sobjects/Account`, referenceId: 'bad', body: { Nope__c: 1 } },
        {
          method: 'POST',
          url: `${DATA}/sobjects/Account`,
          referenceId: 'after',
          body: { Name: 'Never Written' },
        },
      ],
    });
    const { compositeResponse } = response.body as {
      compositeResponse: { httpStatusCode: number; body: { errorCode: string }[] }[];
    };
    expect(compositeResponse.map((r) => [r.httpStatusCode, r.body[0]?.errorCode])).toEqual([
      [400, 'PROCESSING_HALTED'],
      [400, 'INVALID_FIELD'],
      [400, 'PROCESSING_HALTED'],
    ]);
    expect(await countAccounts('Rolled Back%')).toBe(0);
    expect(await countAccounts('Never Written')).toBe(0);
  });

  test('refuses subrequests to resources a composite request cannot call, such as bulk jobs', async () => {
    const response = await post('/composite', {
      allOrNone: false,
      compositeRequest: [
        {
          method: 'POST',
          url: `${DATA}/jobs/ingest`,
          referenceId: 'job',
          body: { object: 'Account', operation: 'insert' },
        },
        { method: 'GET', url: `${DATA}/limits`, referenceId: 'limits' },
      ],
    });
    const { compositeResponse } = response.body as {
      compositeResponse: { httpStatusCode: number; body: { errorCode: string }[] | object }[];
    };
    expect(compositeResponse.map((r) => r.httpStatusCode)).toEqual([400, 200]);
    expect(compositeResponse[0]?.body).toEqual([
      expect.objectContaining({ errorCode: 'INVALID_BATCH_REQUEST' }),
    ]);
  });

  test('Composite Batch runs independent subrequests', async () => {
    const response = await post('/composite/batch', {
      batchRequests: [
        { method: 'POST', url: `v${TEST_API_VERSION}/sobjects/Account`, richInput: { Name: 'Batch One' } },
        {
          method: 'GET',
          url: `v${TEST_API_VERSION}/query?q=SELECT+Name+FROM+Account+WHERE+Name+=+'Batch+One'`,
        },
        { method: 'GET', url: `v${TEST_API_VERSION}/sobjects/Account/001000000000000AAA` },
      ],
    });
    const body = response.body as { hasErrors: boolean; results: { statusCode: number }[] };
    expect(body.hasErrors).toBe(true);
    expect(body.results.map((r) => r.statusCode)).toEqual([201, 200, 404]);
  });
});
