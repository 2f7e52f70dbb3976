/**
 * The custom metadata records in force-app carry config/trellis.config.json into the org: they
 * must be exactly what scripts/force-app/custom-metadata.ts writes from the config today, and
 * reading them back the way Apex's TrellisConfig.load() does must give the config's rules,
 * protection, matching and tiers.
 */
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { loadConfigFile } from '../../cli/src/config/load.ts';
import type { TrellisConfigFile } from '../../cli/src/config/schema.ts';
import {
  CUSTOM_METADATA_DIR,
  configFromRecords,
  customMetadataFiles,
  developerNameOf,
  isGeneratedFile,
} from '../../scripts/force-app/custom-metadata-records.ts';
import { PROJECT_ROOT } from '../helpers/cli.ts';

function recordsOnDisk(): Map<string, string> {
  const dir = join(PROJECT_ROOT, CUSTOM_METADATA_DIR);
  return new Map(
    readdirSync(dir)
      .filter(isGeneratedFile)
      .map((name) => [name, readFileSync(join(dir, name), 'utf8')] as const),
  );
}

/** The config without its `$schema`, tiers by rank: what the records can say. */
function asApexReadsIt(file: TrellisConfigFile): Omit<TrellisConfigFile, '$schema'> {
  const { matching, rulesOfEngagement, protection, tiers } = file;
  return {
    matching,
    rulesOfEngagement,
    protection,
    tiers: { ...tiers, tiers: [...tiers.tiers].sort((a, b) => a.rank - b.rank) },
  };
}

let config: TrellisConfigFile;

beforeAll(async () => {
  config = await loadConfigFile(join(PROJECT_ROOT, 'config/trellis.config.json'));
});

describe('custom metadata records', () => {
  test('are current with config/trellis.config.json', () => {
    const expected = customMetadataFiles(config);
    const onDisk = recordsOnDisk();
    expect([...onDisk.keys()].sort()).toEqual([...expected.keys()].sort());
    for (const [name, content] of expected) expect([name, onDisk.get(name)]).toEqual([name, content]);
  });

  test('read back, give the config the Apex reads', () => {
    expect(configFromRecords(recordsOnDisk())).toEqual(asApexReadsIt(config));
  });

  test('every rule kind and optional field survives the round trip', () => {
    const every: TrellisConfigFile = {
      ...config,
      rulesOfEngagement: {
        version: 'x-1',
        defaultOutcome: 'Rejected',
        rules: [
          {
            id: '1st-rule',
            kind: 'partnerStatus',
            statuses: ['Probation'],
            outcome: 'In Review',
            enabled: false,
          },
          { id: 'dup', kind: 'duplicateRegistration', outcome: 'Rejected', enabled: true },
          {
            id: 'fiw',
            kind: 'firstInWins',
            sameProductFamily: false,
            tieWindowSeconds: 0,
            outcome: 'In Review',
            tieOutcome: 'Rejected',
            enabled: true,
          },
          { id: 'opp', kind: 'openOpportunity', sameProductFamily: true, outcome: 'Rejected', enabled: true },
          {
            id: 'named',
            kind: 'namedAccount',
            accounts: [],
            includeStrategicFlag: false,
            outcome: 'Rejected',
            enabled: true,
            description: 'A & B <c>',
          },
          {
            id: 'auto',
            kind: 'autoApprove',
            maxAmount: 12345.67,
            partnerTypes: ['VAR', 'MSP'],
            outcome: 'Approved',
            enabled: true,
          },
        ],
      },
      protection: {
        ...config.protection,
        byTier: {},
        byPartnerType: {},
        extension: { ...config.protection.extension, allowedRoles: [] },
      },
    };
    expect(configFromRecords(customMetadataFiles(every))).toEqual(asApexReadsIt(every));
  });

  test('record names are valid DeveloperNames', () => {
    expect(developerNameOf('first-in-wins')).toBe('first_in_wins');
    expect(developerNameOf('2nd--tier')).toBe('X2nd_tier');
    expect(developerNameOf('Gold Élite')).toBe('Gold_Elite');
    expect(() => developerNameOf('---')).toThrow('Cannot derive');
    for (const name of customMetadataFiles(config).keys()) {
      expect(name).toMatch(/^[A-Za-z_]+\.[A-Za-z](?:[A-Za-z0-9]|_(?!_)){0,39}\.md-meta\.xml$/);
    }
  });

  test('--check passes on the committed records', async () => {
    const output = await new Promise<string>((resolve, reject) => {
      execFile(
        process.execPath,
        ['scripts/force-app/custom-metadata.ts', '--check'],
        { cwd: PROJECT_ROOT },
        (error, stdout, stderr) => {
          if (error) reject(new Error(stderr || error.message));
          else resolve(stdout);
        },
      );
    });
    expect(output).toContain('is current');
  });
});
