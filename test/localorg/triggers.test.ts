import type { Connection } from 'jsforce';
import { startTestOrg, type TestOrg } from '../helpers/local-org.ts';

let testOrg: TestOrg;
let connection: Connection;
let partnerA: string;
let partnerB: string;

interface DecidedRegistration {
  Status__c: string;
  Conflict_Status__c: string;
  Conflict_Summary__c: string;
  Conflict_Details__c: string;
  Customer_Account__c: string | null;
  Submitted_At__c: string | null;
  Decided_At__c: string | null;
  Protection_Expires_On__c: string | null;
  Customer_Name_Key__c: string;
  Customer_Domain_Key__c: string | null;
}

const FIELDS =
  'Status__c, Conflict_Status__c, Conflict_Summary__c, Conflict_Details__c, Customer_Account__c, Submitted_At__c, Decided_At__c, Protection_Expires_On__c, Customer_Name_Key__c, Customer_Domain_Key__c';

async function registration(id: string): Promise<DecidedRegistration> {
  return (await connection
    .sobject('Deal_Registration__c')
    .retrieve(id, { fields: FIELDS.split(', ') })) as unknown as DecidedRegistration;
}

beforeAll(async () => {
  testOrg = await startTestOrg();
  connection = testOrg.connection;
  const partners = await connection.sobject('Account').create([
    {
      Name: 'Northwind Resellers',
      Partner_Type__c: 'Reseller',
      Partner_Status__c: 'Active',
      Partner_Tier__c: 'Gold',
    },
    {
      Name: 'Contoso Cloud Partners',
      Partner_Type__c: 'MSP',
      Partner_Status__c: 'Active',
      Partner_Tier__c: 'Silver',
    },
  ]);
  [partnerA, partnerB] = partners.map((result) => (result as { id: string }).id) as [string, string];
  await connection
    .sobject('Account')
    .create({ Name: 'Acme Corporation', Website: 'https://www.acme.com', BillingCountry: 'US' });
});

afterAll(async () => {
  await testOrg.stop();
});

describe("the registration trigger's part", () => {
  test('a registration created as Submitted is decided in the same request', async () => {
    const created = (await connection.sobject('Deal_Registration__c').create({
      Partner_Account__c: partnerA,
      Customer_Name__c: 'ACME Incorporated',
      Customer_Domain__c: 'buyer@eu.acme.com',
      Product_Family__c: 'Security',
      Estimated_Amount__c: 20000,
      Status__c: 'Submitted',
    })) as { id: string };
    const decided = await registration(created.id);
    expect(decided).toMatchObject({
      Status__c: 'Approved',
      Conflict_Status__c: 'None',
      Customer_Name_Key__c: 'acme',
      Customer_Domain_Key__c: 'acme.com',
      Customer_Account__c: expect.stringMatching(/^001/) as string,
    });
    expect(decided.Conflict_Summary__c).toMatch(
      /^Approved\. No conflict was found\. Your registration for ACME Incorporated is protected until \d{4}-\d{2}-\d{2}\.$/,
    );
    // Gold partners get 120 days (config/trellis.config.json).
    const submitted = new Date(decided.Submitted_At__c?.replace('+0000', 'Z') ?? '');
    const expires = new Date(`${decided.Protection_Expires_On__c ?? ''}T00:00:00Z`);
    expect(
      Math.round(
        (expires.getTime() -
          Date.UTC(submitted.getUTCFullYear(), submitted.getUTCMonth(), submitted.getUTCDate())) /
          86_400_000,
      ),
    ).toBe(120);
  });

  test('another partner submitting the same customer within the tie window goes to review, and learns nothing of the first', async () => {
    const draft = (await connection.sobject('Deal_Registration__c').create({
      Partner_Account__c: partnerB,
      Customer_Name__c: 'Acme Corp',
      Customer_Domain__c: 'acme.com',
      Product_Family__c: 'Security',
      Estimated_Amount__c: 15000,
    })) as { id: string };
    expect((await registration(draft.id)).Status__c).toBe('Draft');

    // Submitting by an update decides it too; it comes seconds after the first: a tie for a person to settle.
    await connection.sobject('Deal_Registration__c').update({ Id: draft.id, Status__c: 'Submitted' });
    const decided = await registration(draft.id);
    expect(decided.Status__c).toBe('In Review');
    expect(decided.Conflict_Status__c).toBe('Potential');
    expect(decided.Conflict_Summary__c).toBe(
      'In review. Another registration for this customer arrived at almost the same time. A channel manager will review it and let you know.',
    );
    expect(decided.Conflict_Summary__c).not.toContain('Northwind');
    const details = JSON.parse(decided.Conflict_Details__c) as { decidingRuleId: string };
    expect(details.decidingRuleId).toBe('first-in-wins');
  });
});

describe("the registration status guard's part", () => {
  test('a status moves only along the lifecycle, through any API', async () => {
    const create = async (status: string): Promise<string> =>
      (
        (await connection.sobject('Deal_Registration__c').create({
          Partner_Account__c: partnerA,
          Customer_Name__c: `Guarded Customer ${status}`,
          Status__c: status,
        })) as { id: string }
      ).id;
    const update = (id: string, status: string) =>
      connection.sobject('Deal_Registration__c').update({ Id: id, Status__c: status });

    const draft = await create('Draft');
    await expect(update(draft, 'Approved')).rejects.toMatchObject({
      errorCode: 'FIELD_CUSTOM_VALIDATION_EXCEPTION',
      message: 'A registration in Draft can become only Submitted or Withdrawn, not Approved.',
    });
    // Draft -> Submitted is allowed, and the rules of engagement decide it at once.
    expect(await update(draft, 'Submitted')).toMatchObject({ success: true });
    expect((await registration(draft)).Status__c).not.toMatch(/^(Draft|Submitted)$/);

    const withdrawn = await create('Withdrawn');
    await expect(update(withdrawn, 'Submitted')).rejects.toMatchObject({
      message: 'A registration in Withdrawn is final; it cannot become Submitted.',
    });
    expect((await registration(withdrawn)).Status__c).toBe('Withdrawn');
  });
});

describe('decisions that must fit their fields', () => {
  test('a customer name as long as the field allows still gets its decision, the summary cut as Apex cuts it', async () => {
    const name = `Longname ${'Q'.repeat(240)} Ltd`.slice(0, 255);
    const created = (await connection.sobject('Deal_Registration__c').create({
      Partner_Account__c: partnerA,
      Customer_Name__c: name,
      // Small and unclaimed: approved, with a summary that repeats the partner's customer name.
      Estimated_Amount__c: 10000,
      Status__c: 'Submitted',
    })) as { id: string; success: boolean };
    expect(created.success).toBe(true);
    const decided = await registration(created.id);
    expect(decided.Status__c).toBe('Approved');
    expect(decided.Conflict_Summary__c).toHaveLength(255);
    expect(decided.Conflict_Summary__c.endsWith('...')).toBe(true);
  });
});
