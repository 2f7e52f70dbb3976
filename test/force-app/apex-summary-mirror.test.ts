/**
 * The partner-safe sentences are written twice, in the engine (cli/src/engine/rules/summary.ts) and
 * in PartnerSafeSummary.cls, because Apex cannot import TypeScript. Apex cannot run here either, so
 * this reads the Apex source and holds its sentences to the engine's: a partner reads the same
 * words whichever side decided.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { partnerSummary } from '../../cli/src/engine/rules/summary.ts';
import type { SummaryCode } from '../../cli/src/engine/rules/evaluate-rule.ts';
import { PROJECT_ROOT } from '../helpers/cli.ts';

const source = readFileSync(
  join(PROJECT_ROOT, 'force-app/main/default/classes/PartnerSafeSummary.cls'),
  'utf8',
);

/** `'key' => 'text'` pairs of one `Map<String, String>` constant of the Apex class. */
function apexMap(name: string): Map<string, string> {
  const start = source.indexOf(`${name} = new Map<String, String>{`);
  if (start < 0) throw new Error(`PartnerSafeSummary.cls has no ${name} map`);
  const body = source.slice(start, source.indexOf('};', start));
  const pairs = [...body.matchAll(/'((?:[^'\\]|\\.)*)'\s*=>\s*'((?:[^'\\]|\\.)*)'/g)];
  return new Map(pairs.map(([, key = '', text = '']) => [key, text.replace(/\\'/g, "'")]));
}

const reasons = apexMap('REASONS');
const leads = apexMap('OUTCOME_LEAD');

const CODES: readonly SummaryCode[] = [
  'partner-status',
  'duplicate',
  'already-protected',
  'near-simultaneous',
  'pending-elsewhere',
  'overlapping',
  'direct-engagement',
  'named-account',
  'auto-approved',
];

describe('PartnerSafeSummary.cls', () => {
  test('has a sentence for every summary code and nothing else', () => {
    expect([...reasons.keys()].sort()).toEqual([...CODES].sort());
  });

  test.each(CODES)('says what the engine says for %s', (code) => {
    const engine = partnerSummary({
      outcome: 'In Review',
      code,
      customerName: 'X',
      protectionExpiresOn: null,
    });
    expect(engine).toBe(
      `${leads.get('In Review') ?? ''} ${reasons.get(code) ?? ''} A channel manager will review it and let you know.`,
    );
  });

  test('leads with the engine words for each outcome', () => {
    for (const outcome of ['Approved', 'In Review', 'Rejected'] as const) {
      const engine = partnerSummary({ outcome, code: null, customerName: 'X', protectionExpiresOn: null });
      expect(engine.startsWith(`${leads.get(outcome) ?? '?'} `)).toBe(true);
    }
  });

  test('closes with the engine words', () => {
    const approved = partnerSummary({
      outcome: 'Approved',
      code: null,
      customerName: 'Acme',
      protectionExpiresOn: '2027-03-25',
    });
    expect(approved).toBe('Approved. Your registration for Acme is protected until 2027-03-25.');
    expect(source).toContain("'Your registration for ' +");
    expect(source).toContain("' is protected until ' +");
    expect(source).toContain("'A channel manager will review it and let you know.'");
    expect(source).toContain("'Contact your channel manager if you believe this is a mistake.'");
  });
});
