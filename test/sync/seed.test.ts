import { DEFAULT_CONFIG_FILE } from '../../cli/src/config/load.ts';
import { DEFAULT_SAMPLE_FILE } from '../../cli/src/config/sample-data.ts';
import { runDemo } from '../../cli/src/sync/demo.ts';
import { createPartnerUsers, type PartnerUser } from '../../cli/src/sync/partner-users.ts';
import { seedOrg } from '../../cli/src/sync/seed.ts';
import { startTestOrg, type TestOrg } from '../helpers/local-org.ts';

let testOrg: TestOrg;
let partnerUsers: PartnerUser[] = [];
const options = {
  accounts: 300,
  seed: 'seed-test',
  sampleFile: DEFAULT_SAMPLE_FILE,
  partnerUsers: true,
};

beforeAll(async () => {
  testOrg = await startTestOrg();
});

afterAll(async () => {
  await testOrg.stop();
});

describe('seeding an org through its public API', () => {
  test('loads partners, customers, opportunities, metrics and registrations in every state', async () => {
    const result = await seedOrg(testOrg.connection, options);
    partnerUsers = result.partnerUsers;
    expect(result.counts).toEqual({
      'Account (partners)': 5,
      Contact: 10,
      'User (partners)': 5,
      'Account (customers)': 310,
      Opportunity: expect.any(Number) as number,
      Partner_Metric__c: 40,
      Deal_Registration__c: 19,
    });
    const { connection } = testOrg;
    const byStatus = await connection.query<{ Status__c: string; n: number }>(
      'SELECT Status__c, COUNT(Id) n FROM Deal_Registration__c GROUP BY Status__c',
    );
    // Submitted registrations do not stay submitted: the org's trigger decides each as it lands.
    expect(byStatus.records.map((row) => row.Status__c).sort()).toEqual(
      ['Approved', 'Converted', 'Draft', 'Expired', 'Extended', 'In Review', 'Rejected', 'Withdrawn'].sort(),
    );
    const partnerTypes = await connection.query<{ Partner_Type__c: string }>(
      'SELECT Partner_Type__c FROM Account WHERE Partner_Type__c != null ORDER BY Partner_Type__c',
    );
    expect(partnerTypes.records.map((row) => row.Partner_Type__c)).toEqual([
      'Reseller',
      'VAR',
      'MSP',
      'SI',
      'Distributor',
    ]);

    // A decided registration carries the rule trace internally and a partner-safe summary.
    const rejected = await connection.query<{
      Conflict_Details__c: string;
      Conflict_Summary__c: string;
      Partner_Account__r: { Name: string };
    }>(
      "SELECT Conflict_Details__c, Conflict_Summary__c, Partner_Account__r.Name FROM Deal_Registration__c WHERE Customer_Name__c = 'ACME Incorporated'",
    );
    const [acme] = rejected.records;
    expect(acme?.Conflict_Summary__c).toMatch(/^Not approved\. This customer is already registered/);
    expect(JSON.parse(acme?.Conflict_Details__c ?? '{}')).toMatchObject({
      decidingRuleId: 'first-in-wins',
      rulesVersion: '2026.11.1',
    });

    // The converted registration and its opportunity point at each other.
    const converted = await connection.query<{ Opportunity__r: { Partner_Attribution__c: string } }>(
      "SELECT Opportunity__r.Partner_Attribution__c FROM Deal_Registration__c WHERE Status__c = 'Converted'",
    );
    expect(converted.records[0]?.Opportunity__r.Partner_Attribution__c).toBe('Sourced');
  });

  test("the org's trigger decides the submitted registrations as the engine decides the sample", async () => {
    const demo = await runDemo({ configFile: DEFAULT_CONFIG_FILE, sampleFile: DEFAULT_SAMPLE_FILE });
    const expected = Object.fromEntries(
      demo.registrations.map(({ registration, partner, decision }) => [
        `${partner.name} / ${registration.customerName}`,
        [decision.outcome, decision.decidingRuleId, decision.conflictStatus],
      ]),
    );
    const decided = await testOrg.connection.query<{
      Customer_Name__c: string;
      Status__c: string;
      Conflict_Status__c: string;
      Conflict_Details__c: string;
      Partner_Account__r: { Name: string };
    }>(
      'SELECT Customer_Name__c, Status__c, Conflict_Status__c, Conflict_Details__c, Partner_Account__r.Name FROM Deal_Registration__c WHERE Rules_Version__c != null',
    );
    const actual = Object.fromEntries(
      decided.records.map((row) => [
        `${row.Partner_Account__r.Name} / ${row.Customer_Name__c}`,
        [
          row.Status__c,
          (JSON.parse(row.Conflict_Details__c) as { decidingRuleId: string | null }).decidingRuleId,
          row.Conflict_Status__c,
        ],
      ]),
    );
    expect(actual).toEqual(expected);
  });

  test('each partner user signs in with its password and sees its own registrations, all of them', async () => {
    expect(partnerUsers.map((user) => user.accountName)).toHaveLength(5);
    const all = await testOrg.connection.query<{ Partner_Account__r: { Name: string } }>(
      'SELECT Partner_Account__r.Name FROM Deal_Registration__c',
    );
    for (const user of partnerUsers) {
      const partner = await testOrg.loginAs(user.username, user.password);
      const seen = await partner.query<{ Partner_Account__r: { Name: string } }>(
        'SELECT Partner_Account__r.Name FROM Deal_Registration__c',
      );
      const own = all.records.filter((row) => row.Partner_Account__r.Name === user.accountName).length;
      expect({ user: user.accountName, seen: seen.totalSize }).toEqual({ user: user.accountName, seen: own });
      expect(new Set(seen.records.map((row) => row.Partner_Account__r.Name))).toEqual(
        own === 0 ? new Set() : new Set([user.accountName]),
      );
    }
    // Some partner has registrations: the check above is not vacuous.
    expect(all.totalSize).toBeGreaterThan(0);
  });

  test('partner users the org refuses are skipped with its reason, not a failed seed', async () => {
    const orphan = (await testOrg.connection.sobject('Contact').create({ LastName: 'Orphan' })) as {
      id: string;
    };
    const outcome = await createPartnerUsers(testOrg.connection, [
      {
        contactId: orphan.id,
        firstName: 'Ola',
        lastName: 'Orphan',
        email: 'ola@orphan.example',
        accountName: '',
      },
    ]);
    expect(outcome).toEqual({
      users: [],
      skipped: expect.stringContaining('needs a Contact that belongs to an Account') as string,
    });
  });

  test('refuses to seed an org twice, and says what to do', async () => {
    await expect(seedOrg(testOrg.connection, options)).rejects.toMatchObject({
      name: 'AlreadySeeded',
      message: expect.stringContaining('already has 5 partner accounts') as string,
    });
  });
});
