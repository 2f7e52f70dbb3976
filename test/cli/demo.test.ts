import type { DemoResult } from '../../cli/src/sync/demo.ts';
import { parseJsonOutput, runCli } from '../helpers/cli.ts';

describe('trellis demo', () => {
  test('--json decides every submitted sample registration and tiers every partner', async () => {
    const run = await runCli(['demo', '--json']);
    expect(run.code).toBe(0);
    const { status, result } = parseJsonOutput(run) as { status: number; result: DemoResult };
    expect(status).toBe(0);
    const outcomes = Object.fromEntries(
      result.registrations.map(({ registration, decision }) => [
        registration.id,
        [decision.outcome, decision.decidingRuleId],
      ]),
    );
    expect(outcomes).toEqual({
      a01000000000R11AAA: ['Rejected', 'first-in-wins'],
      a01000000000R12AAA: ['Approved', 'auto-approve-small-deals'],
      a01000000000R13AAA: ['In Review', 'direct-opportunity'],
      a01000000000R14AAA: ['In Review', 'named-accounts'],
      a01000000000R15AAA: ['Rejected', 'partner-not-in-good-standing'],
      a01000000000R16AAA: ['Approved', 'auto-approve-small-deals'],
      a01000000000R17AAA: ['In Review', null],
      a01000000000R18AAA: ['In Review', 'first-in-wins'],
      a01000000000R19AAA: ['Approved', 'auto-approve-small-deals'],
      a01000000000R20AAA: ['In Review', 'first-in-wins'],
      a01000000000R21AAA: ['Rejected', 'duplicate-of-own-registration'],
      a01000000000R22AAA: ['Approved', 'auto-approve-small-deals'],
    });
    const changes = Object.fromEntries(
      result.tiers.map(({ partner, decision }) => [partner.name, decision.change?.kind ?? null]),
    );
    expect(changes).toEqual({
      'Northwind Resellers': null,
      'Contoso Cloud Partners': 'upgrade',
      'Fabrikam Integration': 'upgrade',
      'Tailspin Distribution': 'downgrade-proposed',
      'Litware Value Added': 'grace-started',
    });
  });

  test('prints for a person: the decision, what the partner sees, the rule trace and the tiers', async () => {
    const run = await runCli(['demo']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      'Deal registrations submitted on 2026-11-25 (rules of engagement 2026.11.1)',
    );
    expect(run.stdout).toContain(
      'Partner sees: "Not approved. This customer is already registered and protected for this product family.',
    );
    expect(run.stdout).toContain('● first-in-wins');
    expect(run.stdout).toContain('12 registrations decided: 4 approved, 5 in review, 3 rejected.');
    expect(run.stdout).toContain('Partner tiers as of 2026-11-25');
    expect(run.stdout).toMatch(
      /Contoso Cloud Partners: Upgraded to Gold: sourced revenue 1,150,000 ≥ 1,000,000/,
    );
    expect(run.stderr).not.toMatch(/Error|at .*\.ts:\d+/);
  });

  test('a broken configuration is refused with the file, the path and the fix, and exit code 1', async () => {
    const run = await runCli(['demo', '--config-file', 'test/cli/fixtures/bad.config.json', '--json']);
    expect(run.code).toBe(1);
    const output = parseJsonOutput(run);
    expect(output.name).toBe('InvalidConfigError');
    expect(output.message).toContain(
      'test/cli/fixtures/bad.config.json is not a valid Trellis configuration',
    );
    expect(output.message).toContain('$.rulesOfEngagement.rules[0].outcome');
    expect(output.message).toContain('Use one of: "Approved", "In Review", "Rejected".');
    expect(output.message).not.toMatch(/at .*\.ts:\d+/);
  });
});
