import { readFileSync } from 'node:fs';
import { DEFAULT_CONFIG_FILE, loadConfigFile, parseConfigText } from '../../cli/src/config/load.ts';
import { configJsonSchemaText, CONFIG_SCHEMA_FILE } from '../../cli/src/config/json-schema.ts';
import type { ConfigErrorData } from '../../cli/src/config/document.ts';

const shipped = JSON.parse(readFileSync(DEFAULT_CONFIG_FILE, 'utf8')) as Record<string, unknown>;

/** Parses `document` and returns the error the loader throws (the test fails if it does not throw). */
function refusal(
  document: unknown,
  file = 'bad.json',
): { name: string; message: string; data: ConfigErrorData; actions?: string[] } {
  try {
    parseConfigText(typeof document === 'string' ? document : JSON.stringify(document, null, 2), file);
  } catch (error) {
    return error as { name: string; message: string; data: ConfigErrorData; actions?: string[] };
  }
  throw new Error('the document was accepted');
}

function withRule(rule: Record<string, unknown>): unknown {
  const rules = (shipped.rulesOfEngagement as { rules: unknown[] }).rules;
  return {
    ...shipped,
    rulesOfEngagement: { ...(shipped.rulesOfEngagement as object), rules: [...rules, rule] },
  };
}

describe('trellis.config.json', () => {
  test('the shipped configuration is valid and fills defaults', async () => {
    const config = await loadConfigFile();
    expect(config.rulesOfEngagement.rules.map((rule) => rule.kind)).toEqual([
      'partnerStatus',
      'duplicateRegistration',
      'firstInWins',
      'openOpportunity',
      'namedAccount',
      'autoApprove',
    ]);
    expect(config.rulesOfEngagement.rules.every((rule) => rule.enabled)).toBe(true);
    expect(config.tiers.tiers.map((tier) => tier.name)).toEqual(['Registered', 'Silver', 'Gold', 'Platinum']);
  });

  test('the committed JSON Schema is the one the zod schema generates (run `npm run schema` after a change)', () => {
    expect(readFileSync(CONFIG_SCHEMA_FILE, 'utf8')).toBe(configJsonSchemaText());
  });

  test('a missing file names the file and says what to do', async () => {
    await expect(loadConfigFile('config/nope.json')).rejects.toMatchObject({
      name: 'FileNotFoundError',
      message: expect.stringContaining('config/nope.json'),
    });
  });

  test('broken JSON gives the line and column of the mistake', () => {
    const error = refusal('{\n  "matching": {\n    "threshold": 0.9,\n  }\n}', 'broken.json');
    expect(error.name).toBe('InvalidJsonError');
    expect(error.message).toContain('broken.json is not valid JSON');
    expect(error.message).toContain('line 4, column 3');
  });

  test('a wrong type names the file, the JSON path, the line, what was found and the fix', () => {
    const error = refusal(withRule({ id: 'big-deals', kind: 'autoApprove', maxAmount: '50k' }));
    expect(error.name).toBe('InvalidConfigError');
    expect(error.message).toContain('bad.json is not a valid Trellis configuration');
    const [problem] = error.data.problems;
    expect(problem).toMatchObject({
      jsonPath: '$.rulesOfEngagement.rules[6].maxAmount',
      found: '"50k"',
      problem: 'expected number',
      fix: 'Write a number here.',
    });
    expect(problem?.line).toBeGreaterThan(50);
    expect(error.message).toContain('$.rulesOfEngagement.rules[6].maxAmount');
  });

  test('an unknown rule kind lists the kinds there are', () => {
    const error = refusal(withRule({ id: 'x', kind: 'autoApprov', maxAmount: 5 }));
    expect(error.data.problems[0]).toMatchObject({
      jsonPath: '$.rulesOfEngagement.rules[6].kind',
      fix: expect.stringContaining('"autoApprove"'),
    });
  });

  test('a misspelt key suggests the right one', () => {
    const error = refusal(withRule({ id: 'x', kind: 'autoApprove', maxAmount: 5, maxAmout: 6 }));
    expect(error.data.problems[0]).toMatchObject({
      jsonPath: '$.rulesOfEngagement.rules[6].maxAmout',
      fix: expect.stringContaining('did you mean "maxAmount"?'),
    });
  });

  test('every problem is reported at once, not only the first', () => {
    const error = refusal({ ...shipped, matching: { threshold: 2, maxCandidates: 0 } });
    expect(error.data.problems.map((p) => p.jsonPath)).toEqual([
      '$.matching.threshold',
      '$.matching.maxCandidates',
    ]);
  });

  test.each([
    [
      'duplicate rule ids',
      withRule({ id: 'first-in-wins', kind: 'duplicateRegistration' }),
      '$.rulesOfEngagement.rules[6].id',
    ],
    [
      'a protection window for a tier that does not exist',
      { ...shipped, protection: { ...(shipped.protection as object), byTier: { Diamond: 200 } } },
      '$.protection.byTier.Diamond',
    ],
    [
      'no entry tier',
      {
        ...shipped,
        tiers: {
          version: '1',
          tiers: [{ name: 'Gold', rank: 1, criteria: [{ metric: 'dealsWon', aggregate: 'sum', min: 1 }] }],
        },
        protection: { defaultDays: 90 },
      },
      '$.tiers.tiers',
    ],
    [
      'a higher tier that asks less than a lower one',
      {
        ...shipped,
        protection: { defaultDays: 90 },
        tiers: {
          version: '1',
          tiers: [
            { name: 'Registered', rank: 0 },
            { name: 'Silver', rank: 1, criteria: [{ metric: 'dealsWon', aggregate: 'sum', min: 10 }] },
            { name: 'Gold', rank: 2, criteria: [{ metric: 'dealsWon', aggregate: 'sum', min: 5 }] },
          ],
        },
      },
      '$.tiers.tiers[2].criteria[0].min',
    ],
  ])('meaning: %s is refused at its path', (_name, document, path) => {
    expect(refusal(document).data.problems.map((p) => p.jsonPath)).toContain(path);
  });
});
