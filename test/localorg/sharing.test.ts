/**
 * A partner user's view of the local org, through every API: it sees its own Account, its
 * Contacts and its Account's registrations, and nothing of another partner's, not even that it
 * exists. Partner B's records carry distinctive values; no answer partner A gets may contain any
 * of them, whatever A asks.
 */
import { callOrg, type Answer } from '../helpers/org-http.ts';
import { startTestOrg, TEST_API_VERSION, type TestOrg } from '../helpers/local-org.ts';

let testOrg: TestOrg;
let base: string;
let adminToken: string;
let partnerToken: string;
const ids: Record<string, string> = {};
/** Every answer partner A got: none may mention partner B's records. */
const partnerAnswers: { what: string; text: string }[] = [];
/** Everything partner A sent: a value it typed itself (an id it guessed) may come back to it. */
const partnerSent: string[] = [];

/** Partner B's secrets: its name, its customer, its amount, its records' ids (filled in beforeAll). */
const SECRETS = ['Zebra Channel Partners', 'Quokka Biotech', '987654.32', 'zebra-partner@example.com'];

async function admin(method: string, path: string, body?: unknown): Promise<Answer> {
  const answer = await callOrg(`${base}${path}`, adminToken, method, body);
  if (answer.status >= 300) throw new Error(`${method} ${path}: ${answer.status} ${answer.text}`);
  return answer;
}

async function asPartner(
  method: string,
  path: string,
  body?: unknown,
  contentType?: string,
): Promise<Answer> {
  const answer = await callOrg(`${base}${path}`, partnerToken, method, body, contentType);
  partnerSent.push(decodeURIComponent(path), typeof body === 'string' ? body : JSON.stringify(body ?? null));
  partnerAnswers.push({ what: `${method} ${path}`, text: answer.text });
  return answer;
}

const created = async (path: string, body: Record<string, unknown>): Promise<string> =>
  ((await admin('POST', path, body)).json as { id: string }).id;

const soql = (text: string): string => `/query?q=${encodeURIComponent(text)}`;

async function partnerUser(contactId: string, username: string, password: string): Promise<string> {
  const profiles = (await admin('GET', soql("SELECT Id FROM Profile WHERE Name = 'Partner Community User'")))
    .json as { records: { Id: string }[] };
  const userId = await created('/sobjects/User', {
    Username: username,
    LastName: 'Partner',
    Email: username,
    Alias: 'ptnr',
    ProfileId: profiles.records[0]?.Id,
    ContactId: contactId,
    TimeZoneSidKey: 'GMT',
    LocaleSidKey: 'en_US',
    LanguageLocaleKey: 'en_US',
    EmailEncodingKey: 'UTF-8',
  });
  await admin('POST', `/sobjects/User/${userId}/password`, { NewPassword: password });
  return userId;
}

beforeAll(async () => {
  testOrg = await startTestOrg();
  base = `${testOrg.org.url}/services/data/v${TEST_API_VERSION}`;
  adminToken = testOrg.connection.accessToken ?? '';

  ids.partnerA = await created('/sobjects/Account', {
    Name: 'Aardvark Resellers',
    Partner_Type__c: 'Reseller',
    Partner_Status__c: 'Active',
  });
  ids.partnerB = await created('/sobjects/Account', {
    Name: 'Zebra Channel Partners',
    Partner_Type__c: 'VAR',
    Partner_Status__c: 'Active',
  });
  ids.customer = await created('/sobjects/Account', { Name: 'Quokka Biotech', Website: 'quokka-bio.com' });
  ids.contactA = await created('/sobjects/Contact', { LastName: 'Ant', AccountId: ids.partnerA });
  ids.contactB = await created('/sobjects/Contact', {
    LastName: 'Bee',
    Email: 'zebra-partner@example.com',
    AccountId: ids.partnerB,
  });
  ids.opportunity = await created('/sobjects/Opportunity', {
    Name: 'Quokka Biotech expansion',
    AccountId: ids.customer,
    StageName: 'Prospecting',
    CloseDate: '2027-03-31',
  });
  // B registered the customer first: the trigger approves it and keeps the trace internal.
  ids.registrationB = await created('/sobjects/Deal_Registration__c', {
    Partner_Account__c: ids.partnerB,
    Partner_Contact__c: ids.contactB,
    Customer_Name__c: 'Quokka Biotech',
    Customer_Domain__c: 'quokka-bio.com',
    Product_Family__c: 'Analytics',
    Estimated_Amount__c: 987654.32,
    Status__c: 'Submitted',
  });
  ids.registrationA = await created('/sobjects/Deal_Registration__c', {
    Partner_Account__c: ids.partnerA,
    Customer_Name__c: 'Aardvark Own Customer',
    Estimated_Amount__c: 1000,
    Status__c: 'Draft',
  });
  for (const [key, partnerId] of [
    ['metricA', ids.partnerA],
    ['metricB', ids.partnerB],
  ] as const) {
    ids[key] = await created('/sobjects/Partner_Metric__c', {
      Partner_Account__c: partnerId,
      Period_Start__c: '2026-07-01',
      Sourced_Revenue__c: key === 'metricB' ? 987654.32 : 1000,
    });
  }
  ids.partnerUserB = await partnerUser(ids.contactB, 'bee@zebra.partner.test', 'Zebra-secret-42');
  await partnerUser(ids.contactA, 'ant@aardvark.partner.test', 'Aardvark-pass-7');
  const partner = await testOrg.loginAs('ant@aardvark.partner.test', 'Aardvark-pass-7');
  partnerToken = partner.accessToken ?? '';
  SECRETS.push(
    ids.partnerB,
    ids.registrationB,
    ids.contactB,
    ids.customer,
    ids.partnerUserB,
    ids.metricB ?? '',
  );
  SECRETS.push(...[ids.partnerB, ids.registrationB, ids.customer].map((id) => id.slice(0, 15)));
});

afterAll(async () => {
  await testOrg.stop();
});

/** The answer for an id of the same object that never existed: what another partner's record must look like. */
const NEVER_EXISTED = 'a02000000000000AAA';

describe('a partner user through the REST API', () => {
  test("another partner's registration answers exactly as a registration that does not exist", async () => {
    const missingId = `${ids.registrationB?.slice(0, 3) ?? ''}${NEVER_EXISTED.slice(3)}`;
    for (const method of ['GET', 'PATCH', 'DELETE']) {
      const body = method === 'PATCH' ? { Customer_Name__c: 'Taken over' } : undefined;
      const other = await asPartner(method, `/sobjects/Deal_Registration__c/${ids.registrationB}`, body);
      const missing = await asPartner(method, `/sobjects/Deal_Registration__c/${missingId}`, body);
      expect({ method, status: other.status, json: other.json }).toEqual({
        method,
        status: missing.status,
        json: missing.json,
      });
      expect(other.status).toBe(404);
      expect(other.json).toMatchObject([
        { errorCode: 'NOT_FOUND', message: 'The requested resource does not exist' },
      ]);
    }
    // Nothing was changed or deleted behind the 404s.
    const still = (await admin('GET', `/sobjects/Deal_Registration__c/${ids.registrationB}`)).json as Record<
      string,
      unknown
    >;
    expect(still).toMatchObject({ Customer_Name__c: 'Quokka Biotech', IsDeleted: false });
  });

  test("another partner's account, a customer and objects it has no access to are not found", async () => {
    for (const path of [
      `/sobjects/Account/${ids.partnerB}`,
      `/sobjects/Account/${ids.customer}`,
      `/sobjects/Contact/${ids.contactB}`,
      `/sobjects/User/${ids.partnerUserB}`,
      `/sobjects/Opportunity/${ids.opportunity}`,
      '/sobjects/Opportunity/describe',
      `/sobjects/Partner_Metric__c/${ids.metricB}`,
      '/sobjects/Tier_Change__c',
    ]) {
      const answer = await asPartner('GET', path);
      expect({ path, status: answer.status }).toEqual({ path, status: 404 });
    }
    expect((await asPartner('GET', `/sobjects/Account/${ids.partnerA}`)).json).toMatchObject({
      Name: 'Aardvark Resellers',
    });
  });

  test('its own registration comes without the internal rule trace, which it cannot ask for either', async () => {
    const own = await asPartner('GET', `/sobjects/Deal_Registration__c/${ids.registrationA}`);
    expect(own.status).toBe(200);
    expect(own.json).toHaveProperty('Conflict_Summary__c');
    expect(own.json).not.toHaveProperty('Conflict_Details__c');
    const asked = await asPartner(
      'GET',
      `/sobjects/Deal_Registration__c/${ids.registrationA}?fields=Conflict_Details__c`,
    );
    expect(asked.status).toBe(400);
    expect(asked.json).toMatchObject([{ errorCode: 'INVALID_FIELD' }]);
    const describe = (await asPartner('GET', '/sobjects/Deal_Registration__c/describe')).json as {
      fields: { name: string }[];
      createable: boolean;
      deletable: boolean;
    };
    expect(describe.fields.map((field) => field.name)).not.toContain('Conflict_Details__c');
    expect(describe).toMatchObject({ createable: true, deletable: false });
    const global = (await asPartner('GET', '/sobjects')).json as { sobjects: { name: string }[] };
    expect(global.sobjects.map((object) => object.name).sort()).toEqual(
      [
        'Account',
        'Contact',
        'Deal_Registration__c',
        'Organization',
        'Partner_Metric__c',
        'Profile',
        'User',
      ].sort(),
    );
  });

  test('it registers deals for its own account only, and learns of a conflict in partner-safe words', async () => {
    const conflicting = await asPartner('POST', '/sobjects/Deal_Registration__c', {
      Partner_Account__c: ids.partnerA,
      Customer_Name__c: 'QUOKKA BIOTECH, Inc.',
      Customer_Domain__c: 'www.quokka-bio.com',
      Product_Family__c: 'Analytics',
      Estimated_Amount__c: 50000,
      Status__c: 'Submitted',
    });
    expect(conflicting.status).toBe(201);
    const id = (conflicting.json as { id: string }).id;
    const decided = (await asPartner('GET', `/sobjects/Deal_Registration__c/${id}`)).json as Record<
      string,
      unknown
    >;
    expect(decided.Status__c).not.toBe('Submitted');
    expect(decided.Conflict_Status__c).not.toBe('None');
    expect(String(decided.Conflict_Summary__c)).toMatch(/already registered|in review|not approved/i);
    for (const other of [ids.registrationB, ids.partnerB, ids.customer, ids.contactB]) {
      expect(JSON.stringify(decided)).not.toContain(other?.slice(0, 15));
    }
    // The org's own view has the full trace, naming B's registration.
    const internal = (await admin('GET', `/sobjects/Deal_Registration__c/${id}`)).json as Record<
      string,
      unknown
    >;
    expect(String(internal.Conflict_Details__c)).toContain(ids.registrationB);

    const forB = await asPartner('POST', '/sobjects/Deal_Registration__c', {
      Partner_Account__c: ids.partnerB,
      Customer_Name__c: 'Sneaky Corp',
    });
    const forNobody = await asPartner('POST', '/sobjects/Deal_Registration__c', {
      Partner_Account__c: `001${NEVER_EXISTED.slice(3)}`,
      Customer_Name__c: 'Sneaky Corp',
    });
    expect(forB.status).toBe(400);
    expect(forB.json).toEqual(forNobody.json);
    expect(forB.json).toMatchObject([{ errorCode: 'INVALID_CROSS_REFERENCE_KEY' }]);

    // Blank partner and contact mean the partner's own, as the deployed entry guard fills them in.
    const mine = await asPartner('POST', '/sobjects/Deal_Registration__c', {
      Customer_Name__c: 'No partner given',
    });
    expect(mine.status).toBe(201);
    const filled = (await admin('GET', `/sobjects/Deal_Registration__c/${(mine.json as { id: string }).id}`))
      .json as Record<string, unknown>;
    expect(filled).toMatchObject({ Partner_Account__c: ids.partnerA, Partner_Contact__c: ids.contactA });

    const refusals = [
      [
        { Partner_Account__c: ids.partnerA, Customer_Name__c: 'Self approved', Status__c: 'Approved' },
        'FIELD_CUSTOM_VALIDATION_EXCEPTION',
      ],
      [
        { Partner_Account__c: ids.partnerA, Customer_Name__c: 'X', Conflict_Status__c: 'None' },
        'INVALID_FIELD_FOR_INSERT_UPDATE',
      ],
      [
        { Partner_Account__c: ids.partnerA, Customer_Name__c: 'X', Conflict_Details__c: '{}' },
        'INVALID_FIELD',
      ],
      [
        // Any contact but its own is refused in the same words, whether it exists or not.
        { Partner_Account__c: ids.partnerA, Customer_Name__c: 'X', Partner_Contact__c: ids.contactB },
        'FIELD_CUSTOM_VALIDATION_EXCEPTION',
      ],
      [
        { Customer_Name__c: 'X', Partner_Contact__c: `003${NEVER_EXISTED.slice(3)}` },
        'FIELD_CUSTOM_VALIDATION_EXCEPTION',
      ],
    ] as const;
    for (const [body, code] of refusals) {
      const answer = await asPartner('POST', '/sobjects/Deal_Registration__c', body);
      expect({
        body,
        status: answer.status,
        code: (answer.json as { errorCode: string }[])[0]?.errorCode,
      }).toEqual({
        body,
        status: 400,
        code,
      });
    }
    // Trellis_Partner grants create and read: once submitted, a registration is the org's to change.
    const edited = await asPartner('PATCH', `/sobjects/Deal_Registration__c/${id}`, {
      Customer_Name__c: 'Changed after the decision',
    });
    expect(edited.json).toMatchObject([{ errorCode: 'INSUFFICIENT_ACCESS_OR_READONLY' }]);
    const readOnly = await asPartner('PATCH', `/sobjects/Account/${ids.partnerA}`, { Name: 'Renamed' });
    expect(readOnly.json).toMatchObject([{ errorCode: 'INSUFFICIENT_ACCESS_OR_READONLY' }]);
    const deleted = await asPartner('DELETE', `/sobjects/Deal_Registration__c/${id}`);
    expect(deleted.json).toMatchObject([{ errorCode: 'INSUFFICIENT_ACCESS_OR_READONLY' }]);
  });

  test('upserts and external-id reads never reach another partner’s record', async () => {
    const key = await asPartner(
      'GET',
      '/sobjects/Deal_Registration__c/Customer_Name_Key__c/quokka%20biotech',
    );
    expect(key.status).toBe(404);
    const upsert = await asPartner(
      'PATCH',
      '/sobjects/Deal_Registration__c/Customer_Name_Key__c/quokka%20biotech',
      { Customer_Name__c: 'Overwritten' },
    );
    expect(upsert.status).toBe(404);
  });
});

describe('a partner user through SOQL', () => {
  const query = async (text: string, all = false): Promise<Answer> =>
    asPartner('GET', `/${all ? 'queryAll' : 'query'}?q=${encodeURIComponent(text)}`);
  const records = async (text: string): Promise<Record<string, unknown>[]> => {
    const answer = await query(text);
    expect({ text, status: answer.status }).toEqual({ text, status: 200 });
    return (answer.json as { records: Record<string, unknown>[] }).records;
  };

  test('queries return its own rows only, whatever the filter names', async () => {
    const own = await records('SELECT Id, Partner_Account__c FROM Deal_Registration__c');
    expect(own.length).toBeGreaterThan(0);
    expect(new Set(own.map((row) => row.Partner_Account__c))).toEqual(new Set([ids.partnerA]));
    expect(await records(`SELECT Id FROM Deal_Registration__c WHERE Id = '${ids.registrationB}'`)).toEqual(
      [],
    );
    expect(
      await records(`SELECT Id FROM Deal_Registration__c WHERE Partner_Account__c = '${ids.partnerB}'`),
    ).toEqual([]);
    expect(await records('SELECT Id FROM Deal_Registration__c WHERE Estimated_Amount__c > 900000')).toEqual(
      [],
    );
    const all = (await query('SELECT Id FROM Deal_Registration__c', true)).json as { totalSize: number };
    expect(all.totalSize).toBe(own.length);
    expect((await records('SELECT Name FROM Account')).map((row) => row.Name)).toEqual([
      'Aardvark Resellers',
    ]);
    expect((await records('SELECT LastName FROM Contact')).map((row) => row.LastName)).toEqual(['Ant']);
    // Its quarterly figures (master-detail of its Account, read for its tier), and nobody else's.
    expect(await records('SELECT Id, Sourced_Revenue__c FROM Partner_Metric__c')).toEqual([
      expect.objectContaining({ Id: ids.metricA, Sourced_Revenue__c: 1000 }),
    ]);
    expect((await records('SELECT Username FROM User')).map((row) => row.Username)).toEqual([
      'ant@aardvark.partner.test',
    ]);
  });

  test('relationship fields, subqueries and semi-joins stop at what it may see', async () => {
    const [conflicting] = await records(
      "SELECT Partner_Account__r.Name, Partner_Contact__r.LastName FROM Deal_Registration__c WHERE Customer_Name__c = 'QUOKKA BIOTECH, Inc.'",
    );
    expect(conflicting?.Partner_Account__r).toMatchObject({ Name: 'Aardvark Resellers' });
    // The customer account the org matched is the vendor's CRM: not a field the partner has.
    const matched = await query('SELECT Customer_Account__r.Name FROM Deal_Registration__c');
    expect(matched.status).toBe(400);
    const accounts = await records(
      'SELECT Name, (SELECT Customer_Name__c FROM Partner_Deal_Registrations__r), (SELECT LastName FROM Contacts) FROM Account',
    );
    expect(accounts).toHaveLength(1);
    expect(
      await records(
        "SELECT Name FROM Account WHERE Id IN (SELECT Partner_Account__c FROM Deal_Registration__c WHERE Product_Family__c = 'Analytics' AND Status__c = 'Approved')",
      ),
    ).toEqual([]);
    expect(
      await records(
        'SELECT Name FROM Account WHERE Id NOT IN (SELECT Partner_Account__c FROM Deal_Registration__c)',
      ),
    ).toEqual([]);
  });

  test('aggregates count and sum its own rows only', async () => {
    const own = await records('SELECT Estimated_Amount__c FROM Deal_Registration__c');
    const expected = own.reduce((sum, row) => sum + Number(row.Estimated_Amount__c ?? 0), 0);
    const [totals] = await records(
      'SELECT COUNT(Id) n, SUM(Estimated_Amount__c) total, MAX(Estimated_Amount__c) top FROM Deal_Registration__c',
    );
    expect(totals).toMatchObject({ n: own.length, total: expected });
    expect(Number(totals?.top)).toBeLessThan(987654.32);
    const groups = await records(
      'SELECT Partner_Account__c, COUNT(Id) n FROM Deal_Registration__c GROUP BY Partner_Account__c',
    );
    expect(groups.map((row) => row.Partner_Account__c)).toEqual([ids.partnerA]);
    expect((await query('SELECT COUNT() FROM Account')).json).toMatchObject({ totalSize: 1 });
  });

  test('hidden fields and objects are unknown to it, as on an org where they do not exist', async () => {
    const trace = await query('SELECT Conflict_Details__c FROM Deal_Registration__c');
    expect(trace.status).toBe(400);
    expect(trace.json).toMatchObject([{ errorCode: 'INVALID_FIELD' }]);
    const opportunity = await query('SELECT Id FROM Opportunity');
    expect(opportunity.json).toMatchObject([{ errorCode: 'INVALID_TYPE' }]);
    const traversal = await query('SELECT Opportunity__r.Name FROM Deal_Registration__c');
    expect(traversal.status).toBe(400);
  });
});

describe('a partner user through the Composite API', () => {
  test('collections and composite subrequests see and change its own records only', async () => {
    const retrieved = await asPartner(
      'GET',
      `/composite/sobjects/Deal_Registration__c?ids=${ids.registrationA},${ids.registrationB}&fields=Id,Customer_Name__c`,
    );
    expect(retrieved.json).toEqual([expect.objectContaining({ Id: ids.registrationA }), null]);
    const updated = await asPartner('PATCH', '/composite/sobjects', {
      allOrNone: false,
      records: [
        { attributes: { type: 'Deal_Registration__c' }, id: ids.registrationB, Customer_Name__c: 'Taken' },
        {
          attributes: { type: 'Deal_Registration__c' },
          id: ids.registrationA,
          Customer_Name__c: 'Renamed own',
        },
      ],
    });
    // Its own is refused as read-only; the other as if it did not exist.
    expect(updated.json).toMatchObject([
      { success: false, errors: [{ statusCode: 'NOT_FOUND' }] },
      { success: false, errors: [{ statusCode: 'INSUFFICIENT_ACCESS_OR_READONLY' }] },
    ]);
    const deleted = await asPartner('DELETE', `/composite/sobjects?ids=${ids.registrationB}`);
    expect(deleted.json).toMatchObject([{ success: false, errors: [{ statusCode: 'NOT_FOUND' }] }]);
    const composite = await asPartner('POST', '/composite', {
      allOrNone: false,
      compositeRequest: [
        {
          method: 'GET',
          url: `/services/data/v${TEST_API_VERSION}/sobjects/Deal_Registration__c/${ids.registrationB}`,
          referenceId: 'other',
        },
        {
          method: 'GET',
          url: `/services/data/v${TEST_API_VERSION}/query?q=${encodeURIComponent('SELECT Id FROM Deal_Registration__c')}`,
          referenceId: 'mine',
        },
      ],
    });
    const [other, mine] = (
      composite.json as { compositeResponse: { httpStatusCode: number; body: unknown }[] }
    ).compositeResponse;
    expect(other?.httpStatusCode).toBe(404);
    expect((mine?.body as { records: { Id: string }[] }).records.map((row) => row.Id)).not.toContain(
      ids.registrationB,
    );
    const still = (await admin('GET', `/sobjects/Deal_Registration__c/${ids.registrationB}`)).json as Record<
      string,
      unknown
    >;
    expect(still).toMatchObject({ Customer_Name__c: 'Quokka Biotech', IsDeleted: false });
  });
});

describe('a partner user through Bulk API 2.0', () => {
  async function waitForJob(kind: 'ingest' | 'query', id: string): Promise<Record<string, unknown>> {
    for (let i = 0; i < 200; i++) {
      const info = (await asPartner('GET', `/jobs/${kind}/${id}`)).json as Record<string, unknown>;
      if (['JobComplete', 'Failed', 'Aborted'].includes(String(info.state))) return info;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    throw new Error(`job ${id} did not finish`);
  }

  test('a query job exports its own rows only, and cannot ask for the trace', async () => {
    const job = (
      await asPartner('POST', '/jobs/query', {
        operation: 'queryAll',
        query:
          'SELECT Id, Partner_Account__c, Customer_Name__c, Estimated_Amount__c FROM Deal_Registration__c',
      })
    ).json as { id: string };
    expect(await waitForJob('query', job.id)).toMatchObject({ state: 'JobComplete' });
    const csv = (await asPartner('GET', `/jobs/query/${job.id}/results`)).text;
    const rows = csv.trim().split('\n').slice(1);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((row) => row.includes(ids.partnerA ?? '-'))).toBe(true);
    const trace = await asPartner('POST', '/jobs/query', {
      operation: 'query',
      query: 'SELECT Conflict_Details__c FROM Deal_Registration__c',
    });
    expect(trace.status).toBe(400);
  });

  test("an ingest job writes its own account's rows, and fails the others' rows as if they did not exist", async () => {
    const job = (
      await asPartner('POST', '/jobs/ingest', { object: 'Deal_Registration__c', operation: 'insert' })
    ).json as { id: string };
    const csv = [
      'Partner_Account__c,Customer_Name__c,Status__c',
      `${ids.partnerA},Bulk Own Customer,Draft`,
      `${ids.partnerB},Bulk Sneaky Customer,Draft`,
      `001${NEVER_EXISTED.slice(3)},Bulk Nobody Customer,Draft`,
    ].join('\n');
    expect((await asPartner('PUT', `/jobs/ingest/${job.id}/batches`, `${csv}\n`, 'text/csv')).status).toBe(
      201,
    );
    await asPartner('PATCH', `/jobs/ingest/${job.id}`, { state: 'UploadComplete' });
    expect(await waitForJob('ingest', job.id)).toMatchObject({
      state: 'JobComplete',
      numberRecordsProcessed: 3,
      numberRecordsFailed: 2,
    });
    const failed = (await asPartner('GET', `/jobs/ingest/${job.id}/failedResults`)).text.trim().split('\n');
    const errorOf = (row: string | undefined): string => (row ?? '').split(',').slice(1, 2).join();
    expect(errorOf(failed[1])).toBe(errorOf(failed[2]));
    const update = (
      await asPartner('POST', '/jobs/ingest', { object: 'Deal_Registration__c', operation: 'update' })
    ).json as { id: string };
    await asPartner(
      'PUT',
      `/jobs/ingest/${update.id}/batches`,
      `Id,Customer_Name__c\n${ids.registrationB},Taken\n`,
      'text/csv',
    );
    await asPartner('PATCH', `/jobs/ingest/${update.id}`, { state: 'UploadComplete' });
    expect(await waitForJob('ingest', update.id)).toMatchObject({ numberRecordsFailed: 1 });
    const hardDelete = await asPartner('POST', '/jobs/ingest', {
      object: 'Deal_Registration__c',
      operation: 'hardDelete',
    });
    expect(hardDelete.status).toBe(400);
    const tierChanges = await asPartner('POST', '/jobs/ingest', {
      object: 'Tier_Change__c',
      operation: 'insert',
    });
    expect(tierChanges.json).toMatchObject([{ errorCode: 'INVALIDENTITY' }]);
  });

  test("another user's jobs are unknown to it", async () => {
    const adminJob = (
      await admin('POST', '/jobs/query', { operation: 'query', query: 'SELECT Id FROM Account' })
    ).json as { id: string };
    expect((await asPartner('GET', `/jobs/query/${adminJob.id}`)).status).toBe(404);
    expect((await asPartner('GET', `/jobs/query/${adminJob.id}/results`)).status).toBe(404);
    const list = (await asPartner('GET', '/jobs/query')).json as { records: { id: string }[] };
    expect(list.records.map((job) => job.id)).not.toContain(adminJob.id);
  });
});

describe('what partner A learned', () => {
  test("no answer it got mentions partner B's name, customer, amount, contact or record ids", () => {
    expect(partnerAnswers.length).toBeGreaterThan(40);
    const sent = partnerSent.join('\n');
    const unsent = SECRETS.filter((secret) => secret !== '' && !sent.includes(secret));
    // B's name, its customer, amount and e-mail were never typed by A (the ids were: A tried them).
    expect(unsent).toEqual(expect.arrayContaining(SECRETS.slice(0, 4)));
    const leaks = partnerAnswers.flatMap(({ what, text }) =>
      unsent.filter((secret) => text.includes(secret)).map((secret) => `${what}: ${secret}`),
    );
    expect(leaks).toEqual([]);
  });
});
