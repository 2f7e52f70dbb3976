import type { Connection } from 'jsforce';
import { startTestOrg, TEST_API_VERSION, type TestOrg } from '../helpers/local-org.ts';
import { callOrg } from '../helpers/org-http.ts';

let test_org: TestOrg;
let connection: Connection;

beforeAll(async () => {
  test_org = await startTestOrg();
  connection = test_org.connection;
});

afterAll(async () => {
  await test_org.stop();
});

async function raw(method: string, path: string, body?: unknown, token?: string) {
  const answer = await callOrg(
    `${test_org.org.url}${path}`,
    token ?? connection.accessToken ?? '',
    method,
    body,
  );
  return { status: answer.status, body: answer.json };
}

const DATA = `/services/data/v${TEST_API_VERSION}`;

describe('authentication', () => {
  test("the password flow gives a token shaped like a real org's, and userinfo describes the user", async () => {
    expect(connection.accessToken).toMatch(/^00D[0-9A-Za-z]{12}![\w-]+$/);
    expect(connection.instanceUrl).toBe(test_org.org.url);
    const info = await connection.identity();
    expect(info).toMatchObject({ username: test_org.username, organization_id: test_org.org.identity.orgId });
  });

  test('the server listens on 127.0.0.1 only', () => {
    expect(test_org.org.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  test('a wrong password is refused with invalid_grant', async () => {
    const response = await fetch(`${test_org.org.url}/services/oauth2/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'password', username: test_org.username, password: 'wrong' }),
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      error: 'invalid_grant',
      error_description: 'authentication failure',
    });
  });

  test('a call without a valid token is refused with INVALID_SESSION_ID and 401', async () => {
    expect(await raw('GET', `${DATA}/sobjects`, undefined, '00D000000000000!nope')).toEqual({
      status: 401,
      body: [{ message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID', fields: [] }],
    });
  });
});

describe('describe', () => {
  test('lists versions, resources and every object', async () => {
    const versions = (await raw('GET', '/services/data')).body as { version: string }[];
    expect(versions.map((v) => v.version)).toContain(TEST_API_VERSION);
    const global = await connection.describeGlobal();
    const names = global.sobjects.map((s) => s.name);
    expect(names).toEqual(
      expect.arrayContaining([
        'Account',
        'Contact',
        'Opportunity',
        'User',
        'Deal_Registration__c',
        'Partner_Metric__c',
        'Tier_Change__c',
      ]),
    );
  });

  test('describes a custom object with its fields and relationships', async () => {
    const describe = await connection.sobject('Deal_Registration__c').describe();
    const status = describe.fields.find((f) => f.name === 'Status__c');
    expect(status).toMatchObject({ type: 'picklist', restrictedPicklist: true });
    expect(status?.picklistValues?.map((v): unknown => v.value)).toEqual([
      'Draft',
      'Submitted',
      'In Review',
      'Approved',
      'Rejected',
      'Extended',
      'Expired',
      'Converted',
      'Withdrawn',
    ]);
    expect(describe.fields.find((f) => f.name === 'Partner_Account__c')).toMatchObject({
      type: 'reference',
      referenceTo: ['Account'],
      relationshipName: 'Partner_Account__r',
    });
  });
});

describe('records', () => {
  test('create, retrieve with fields=, update, delete', async () => {
    const created = await connection
      .sobject('Account')
      .create({ Name: 'Acme Corporation', Website: 'https://www.acme.com' });
    expect(created).toMatchObject({ success: true, errors: [] });
    const id = (created as { id: string }).id;
    expect(id).toMatch(/^001[0-9A-Za-z]{15}$/);

    const fetched = await raw(
      'GET',
      `${DATA}/sobjects/Account/${id}?fields=Name,Trellis_Name_Key__c,Trellis_Domain_Key__c`,
    );
    expect(fetched).toEqual({
      status: 200,
      body: {
        attributes: { type: 'Account', url: `${DATA}/sobjects/Account/${id}` },
        Name: 'Acme Corporation',
        Trellis_Name_Key__c: 'acme',
        Trellis_Domain_Key__c: 'acme.com',
      },
    });

    await connection.sobject('Account').update({ Id: id, Name: 'Acme Holdings Inc.' });
    const updated = (await connection.sobject('Account').retrieve(id)) as Record<string, unknown>;
    expect(updated).toMatchObject({
      Name: 'Acme Holdings Inc.',
      Trellis_Name_Key__c: 'acme holdings',
      IsDeleted: false,
    });

    expect((await raw('DELETE', `${DATA}/sobjects/Account/${id}`)).status).toBe(204);
    expect(await raw('GET', `${DATA}/sobjects/Account/${id}`)).toEqual({
      status: 404,
      body: [{ message: 'entity is deleted', errorCode: 'ENTITY_IS_DELETED', fields: [] }],
    });
  });

  test('upsert by external id answers 201 when it creates and 200 when it updates', async () => {
    const partner = (await connection
      .sobject('Account')
      .create({ Name: 'Northwind Resellers', Partner_Type__c: 'Reseller' })) as { id: string };
    const body = {
      Name: 'NW-2026-Q1',
      Partner_Account__c: partner.id,
      Period_Start__c: '2026-01-01',
      Deals_Won__c: 3,
    };
    const first = await raw('PATCH', `${DATA}/sobjects/Partner_Metric__c/External_Id__c/NW-2026-Q1`, body);
    expect(first).toMatchObject({ status: 201, body: { success: true, created: true, errors: [] } });
    const second = await raw('PATCH', `${DATA}/sobjects/Partner_Metric__c/External_Id__c/NW-2026-Q1`, {
      ...body,
      Deals_Won__c: 5,
    });
    expect(second).toMatchObject({
      status: 200,
      body: { success: true, created: false, id: (first.body as { id: string }).id },
    });
    const rows = await connection.query<{ Deals_Won__c: number }>(
      "SELECT Deals_Won__c FROM Partner_Metric__c WHERE External_Id__c = 'NW-2026-Q1'",
    );
    expect(rows.records.map((r) => r.Deals_Won__c)).toEqual([5]);
  });

  test("deleting a parent honours its lookups' delete constraints: Restrict refuses, SetNull clears", async () => {
    const create = async (object: string, fields: Record<string, unknown>): Promise<string> =>
      ((await connection.sobject(object).create(fields)) as { id: string }).id;
    const partner = await create('Account', { Name: 'Restricted Partner', Partner_Type__c: 'VAR' });
    const customer = await create('Account', { Name: 'Cleared Customer' });
    const registration = await create('Deal_Registration__c', {
      Partner_Account__c: partner,
      Customer_Account__c: customer,
      Customer_Name__c: 'Cleared Customer',
    });
    // Partner_Account__c is Restrict: the partner cannot go while a registration points to it.
    const refused = await raw('DELETE', `${DATA}/sobjects/Account/${partner}`);
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject([
      { errorCode: 'DELETE_FAILED', message: expect.stringContaining('deal registrations') as string },
    ]);
    expect(await connection.sobject('Account').retrieve(partner)).toMatchObject({ IsDeleted: false });
    // Customer_Account__c is SetNull: the registration stays, without its customer account.
    expect((await raw('DELETE', `${DATA}/sobjects/Account/${customer}`)).status).toBe(204);
    expect(await connection.sobject('Deal_Registration__c').retrieve(registration)).toMatchObject({
      Customer_Account__c: null,
      IsDeleted: false,
    });
  });
});

describe('queries', () => {
  test('pages a large result with nextRecordsUrl, and jsforce follows it to the last record', async () => {
    const admin = { userId: test_org.org.identity.adminUserId };
    test_org.org.store.transaction(() => {
      for (let i = 0; i < 5200; i++)
        test_org.org.store.create('Contact', { LastName: `Paging ${String(i).padStart(5, '0')}` }, admin);
    });
    const first = (
      await raw(
        'GET',
        `${DATA}/query?q=${encodeURIComponent("SELECT Id, LastName FROM Contact WHERE LastName LIKE 'Paging%' ORDER BY LastName")}`,
      )
    ).body as {
      totalSize: number;
      done: boolean;
      nextRecordsUrl: string;
      records: unknown[];
    };
    expect(first).toMatchObject({ totalSize: 5200, done: false });
    expect(first.records).toHaveLength(2000);
    expect(first.nextRecordsUrl).toMatch(new RegExp(`^${DATA}/query/01g[\\w-]+-2000$`));

    const all = await connection.query<{ LastName: string }>(
      "SELECT LastName FROM Contact WHERE LastName LIKE 'paging%' ORDER BY LastName DESC",
      {
        autoFetch: true,
        maxFetch: 10000,
      },
    );
    expect(all.records).toHaveLength(5200);
    expect(all.records[0]?.LastName).toBe('Paging 05199');
    expect(all.records[5199]?.LastName).toBe('Paging 00000');
  });

  test('honours the batch size header', async () => {
    const response = await fetch(
      `${test_org.org.url}${DATA}/query?q=${encodeURIComponent("SELECT Id FROM Contact WHERE LastName LIKE 'Paging%'")}`,
      {
        headers: {
          Authorization: `Bearer ${connection.accessToken ?? ''}`,
          'Sforce-Query-Options': 'batchSize=300',
        },
      },
    );
    const body = (await response.json()) as { records: unknown[]; nextRecordsUrl: string };
    expect(body.records).toHaveLength(300);
    expect(body.nextRecordsUrl).toMatch(/-300$/);
  });
});

describe("errors in Salesforce's shapes", () => {
  test.each([
    [
      'REQUIRED_FIELD_MISSING',
      'POST',
      'sobjects/Account',
      { Website: 'x.com' },
      400,
      {
        errorCode: 'REQUIRED_FIELD_MISSING',
        message: 'Required fields are missing: [Name]',
        fields: ['Name'],
      },
    ],
    [
      'STRING_TOO_LONG',
      'POST',
      'sobjects/Tier_Change__c',
      { To_Tier__c: 'x'.repeat(41) },
      400,
      { errorCode: 'STRING_TOO_LONG', fields: ['To_Tier__c'] },
    ],
    [
      'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST',
      'POST',
      'sobjects/Deal_Registration__c',
      { Customer_Name__c: 'Acme', Status__c: 'Pending' },
      400,
      { errorCode: 'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST', fields: ['Status__c'] },
    ],
    [
      'INVALID_FIELD_FOR_INSERT_UPDATE',
      'POST',
      'sobjects/Account',
      { Name: 'X', CreatedDate: '2026-01-01T00:00:00Z' },
      400,
      { errorCode: 'INVALID_FIELD_FOR_INSERT_UPDATE', fields: ['CreatedDate'] },
    ],
    [
      'INVALID_FIELD',
      'POST',
      'sobjects/Account',
      { Name: 'X', Nope__c: 1 },
      400,
      { errorCode: 'INVALID_FIELD', message: "No such column 'Nope__c' on sobject of type Account" },
    ],
    ['JSON_PARSER_ERROR', 'POST', 'sobjects/Account', '{"Name": ', 400, { errorCode: 'JSON_PARSER_ERROR' }],
    [
      'NOT_FOUND',
      'GET',
      'sobjects/Account/001000000000000AAA',
      undefined,
      404,
      { errorCode: 'NOT_FOUND', message: 'The requested resource does not exist' },
    ],
    [
      'NOT_FOUND for an unknown object',
      'GET',
      'sobjects/Nope__c/describe',
      undefined,
      404,
      { errorCode: 'NOT_FOUND' },
    ],
    ['METHOD_NOT_ALLOWED', 'PUT', 'sobjects/Account', {}, 405, { errorCode: 'METHOD_NOT_ALLOWED' }],
    [
      'MALFORMED_QUERY',
      'GET',
      `query?q=${encodeURIComponent('SELEKT Id FROM Account')}`,
      undefined,
      400,
      { errorCode: 'MALFORMED_QUERY' },
    ],
    [
      'INVALID_TYPE',
      'GET',
      `query?q=${encodeURIComponent('SELECT Id FROM Nope')}`,
      undefined,
      400,
      { errorCode: 'INVALID_TYPE' },
    ],
    [
      'INVALID_FIELD in a query',
      'GET',
      `query?q=${encodeURIComponent('SELECT Nope FROM Account')}`,
      undefined,
      400,
      { errorCode: 'INVALID_FIELD' },
    ],
  ])('%s', async (_name, method, path, body, status, expected) => {
    const response = await raw(method, `${DATA}/${path}`, body);
    expect(response.status).toBe(status);
    expect(response.body).toEqual([expect.objectContaining({ fields: expect.any(Array), ...expected })]);
  });

  test('DUPLICATE_VALUE on a unique external id, and nothing is written', async () => {
    const partner = (await connection.sobject('Account').create({ Name: 'Contoso Cloud Partners' })) as {
      id: string;
    };
    const metric = {
      Name: 'C-1',
      Partner_Account__c: partner.id,
      Period_Start__c: '2026-04-01',
      External_Id__c: 'C-2026-Q2',
    };
    expect((await raw('POST', `${DATA}/sobjects/Partner_Metric__c`, metric)).status).toBe(201);
    const duplicate = await raw('POST', `${DATA}/sobjects/Partner_Metric__c`, {
      ...metric,
      External_Id__c: 'c-2026-q2',
    });
    expect(duplicate.status).toBe(400);
    expect(duplicate.body).toEqual([
      expect.objectContaining({
        errorCode: 'DUPLICATE_VALUE',
        message: expect.stringMatching(
          /^duplicate value found: External_Id__c duplicates value on record with id: a0/,
        ),
      }),
    ]);
    const count = await connection.query(
      "SELECT COUNT() FROM Partner_Metric__c WHERE Partner_Account__c = '" + partner.id + "'",
    );
    expect(count.totalSize).toBe(1);
  });

  test('a reference to a missing record is refused', async () => {
    const response = await raw('POST', `${DATA}/sobjects/Contact`, {
      LastName: 'X',
      AccountId: '001000000000099AAA',
    });
    expect(response.status).toBe(400);
    expect(response.body).toEqual([
      expect.objectContaining({ errorCode: 'INVALID_CROSS_REFERENCE_KEY', fields: ['AccountId'] }),
    ]);
  });
});
