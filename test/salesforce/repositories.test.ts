import { loadConfigFile } from '../../cli/src/config/load.ts';
import { DEFAULT_SAMPLE_FILE } from '../../cli/src/config/sample-data.ts';
import { buildCandidateSources, decideRegistration } from '../../cli/src/engine/rules/index.ts';
import {
  readCustomerAccounts,
  readOpenOpportunities,
  readPartnerMetrics,
  readPartners,
  readRegistrations,
} from '../../cli/src/salesforce/repositories.ts';
import { seedOrg } from '../../cli/src/sync/seed.ts';
import { startTestOrg, type TestOrg } from '../helpers/local-org.ts';

let testOrg: TestOrg;

beforeAll(async () => {
  testOrg = await startTestOrg();
  await seedOrg(testOrg.connection, {
    accounts: 2500,
    seed: 'repositories',
    sampleFile: DEFAULT_SAMPLE_FILE,
    partnerUsers: true,
  });
});

afterAll(async () => {
  await testOrg.stop();
});

describe('repositories', () => {
  test('read the org as the engine sees it, across query pages', async () => {
    const { connection } = testOrg;
    const partners = await readPartners(connection);
    expect(partners.map((p) => [p.name, p.type, p.status]).sort()).toEqual(
      [
        ['Contoso Cloud Partners', 'MSP', 'Active'],
        ['Fabrikam Integration', 'SI', 'Active'],
        ['Litware Value Added', 'VAR', 'Active'],
        ['Northwind Resellers', 'Reseller', 'Active'],
        ['Tailspin Distribution', 'Distributor', 'Suspended'],
      ].sort(),
    );
    // 2,510 customers span two query pages of 2,000.
    expect(await readCustomerAccounts(connection)).toHaveLength(2510);
    expect(await readPartnerMetrics(connection)).toHaveLength(40);
    const registrations = await readRegistrations(connection);
    expect(registrations).toHaveLength(19);
    const approved = registrations.find((r) => r.customerName === 'Acme Corp');
    expect(approved).toMatchObject({
      status: 'Approved',
      protectionExpiresOn: '2026-12-31',
      submittedAt: '2026-10-02T09:15:00.000Z',
    });
  });

  test('the engine decides a new registration against what the repositories read', async () => {
    const { connection } = testOrg;
    const config = await loadConfigFile();
    const [partners, accounts, opportunities, registrations] = await Promise.all([
      readPartners(connection),
      readCustomerAccounts(connection),
      readOpenOpportunities(connection),
      readRegistrations(connection),
    ]);
    const litware = partners.find((p) => p.name === 'Litware Value Added');
    if (!litware) throw new Error('Litware is missing');
    const registration = {
      id: 'new',
      partnerAccountId: litware.id,
      customerName: 'ACME Inc.',
      customerDomain: 'buyer@acme.com',
      productFamily: 'Security',
      estimatedAmount: 20_000,
      status: 'Submitted' as const,
      submittedAt: '2026-11-25T12:00:00.000Z',
    };
    const sources = buildCandidateSources({
      accounts,
      opportunities,
      registrations: [...registrations, registration],
    });
    const decision = decideRegistration(
      registration,
      litware,
      sources,
      {
        rulesOfEngagement: config.rulesOfEngagement,
        matching: config.matching,
        protection: config.protection,
        tiers: config.tiers.tiers,
      },
      '2026-11-25T12:00:00.000Z',
    );
    expect(decision).toMatchObject({
      outcome: 'Rejected',
      decidingRuleId: 'first-in-wins',
      conflictStatus: 'Conflict',
    });
  });
});
