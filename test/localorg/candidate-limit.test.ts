import type { Connection } from 'jsforce';
import { CANDIDATE_LIMIT } from '../../cli/src/localorg/triggers/candidates.ts';
import { startTestOrg, type TestOrg } from '../helpers/local-org.ts';

let testOrg: TestOrg;
let connection: Connection;
let partner: string;

interface DecidedRegistration {
  Status__c: string;
  Conflict_Status__c: string;
  Conflict_Summary__c: string;
  Conflict_Details__c: string;
  Customer_Account__c: string | null;
  Decided_At__c: string | null;
  Protection_Expires_On__c: string | null;
}

interface Details {
  decidingRuleId: string | null;
  candidateLimitReached?: string[];
}

const FIELDS = [
  'Status__c',
  'Conflict_Status__c',
  'Conflict_Summary__c',
  'Conflict_Details__c',
  'Customer_Account__c',
  'Decided_At__c',
  'Protection_Expires_On__c',
];

/** The sObject Collections API takes at most 200 records a request. */
async function createAccounts(records: Record<string, unknown>[]): Promise<void> {
  for (let start = 0; start < records.length; start += 200) {
    const results = await connection.sobject('Account').create(records.slice(start, start + 200));
    expect(results.every((result) => result.success)).toBe(true);
  }
}

async function submit(customerName: string, customerDomain: string): Promise<DecidedRegistration> {
  const created = (await connection.sobject('Deal_Registration__c').create({
    Partner_Account__c: partner,
    Customer_Name__c: customerName,
    Customer_Domain__c: customerDomain,
    Product_Family__c: 'Security',
    Estimated_Amount__c: 10000,
    Status__c: 'Submitted',
  })) as { id: string };
  return (await connection
    .sobject('Deal_Registration__c')
    .retrieve(created.id, { fields: FIELDS })) as unknown as DecidedRegistration;
}

beforeAll(async () => {
  testOrg = await startTestOrg();
  connection = testOrg.connection;
  const created = (await connection.sobject('Account').create({
    Name: 'Northwind Resellers',
    Partner_Type__c: 'Reseller',
    Partner_Status__c: 'Active',
    Partner_Tier__c: 'Gold',
  })) as { id: string };
  partner = created.id;
  // One unambiguous customer, and more customers sharing one name key than a query may return.
  await createAccounts([
    { Name: 'Vandelay Industries', Website: 'https://vandelay.example', BillingCountry: 'US' },
  ]);
  await createAccounts(
    Array.from({ length: CANDIDATE_LIMIT + 1 }, (_, i) => ({
      Name: 'Initrode',
      Website: `https://initrode-${i}.example`,
      BillingCountry: 'US',
    })),
  );
}, 120_000);

afterAll(async () => {
  await testOrg.stop();
});

describe('a registration judged on candidates cut by the cap', () => {
  test('below the cap, an unambiguous match is decided as before', async () => {
    const decided = await submit('Vandelay Industries', 'vandelay.example');
    expect(decided).toMatchObject({
      Status__c: 'Approved',
      Conflict_Status__c: 'None',
      Customer_Account__c: expect.stringMatching(/^001/) as string,
    });
    expect(decided.Conflict_Summary__c).toMatch(/^Approved\. No conflict was found\./);
    const details = JSON.parse(decided.Conflict_Details__c) as Details;
    expect(details.candidateLimitReached).toBeUndefined();
  });

  test(`more than ${CANDIDATE_LIMIT} accounts sharing the name key: never Approved, and the trace says why`, async () => {
    const decided = await submit('Initrode', 'initrode-new.example');
    expect(decided).toMatchObject({
      Status__c: 'In Review',
      Decided_At__c: null,
      Protection_Expires_On__c: null,
    });
    // The plain In Review sentence: nothing about the records beyond the cap or other partners.
    expect(decided.Conflict_Summary__c).toBe('In review. A channel manager will review it and let you know.');
    const details = JSON.parse(decided.Conflict_Details__c) as Details;
    expect(details.candidateLimitReached).toEqual(['accounts']);
    // The rules alone would have approved it.
    expect(details.decidingRuleId).toBe('auto-approve-small-deals');
  }, 60_000);
});
