import { Messages } from '@salesforce/core';
import { Flags, SfCommand } from '@salesforce/sf-plugins-core';
import { DEFAULT_SAMPLE_FILE } from '../../config/sample-data.ts';
import { isSeeded, seedOrg, type SeedResult } from '../../sync/seed.ts';

Messages.importMessagesDirectoryFromMetaUrl(import.meta.url);
const messages = Messages.loadMessages('trellis-prm', 'org.seed');

export type OrgSeedResult = SeedResult & { skipped: boolean };

export default class OrgSeed extends SfCommand<OrgSeedResult> {
  public static override readonly summary = messages.getMessage('summary');
  public static override readonly description = messages.getMessage('description');
  public static override readonly examples = messages.getMessages('examples');

  public static override readonly flags = {
    'target-org': Flags.requiredOrg(),
    'api-version': Flags.orgApiVersion(),
    accounts: Flags.integer({
      summary: messages.getMessage('flags.accounts.summary'),
      default: 200,
      min: 0,
      max: 5_000_000,
    }),
    seed: Flags.string({ summary: messages.getMessage('flags.seed.summary'), default: 'trellis' }),
    'if-empty': Flags.boolean({ summary: messages.getMessage('flags.if-empty.summary') }),
    'sample-file': Flags.file({
      summary: messages.getMessage('flags.sample-file.summary'),
      default: DEFAULT_SAMPLE_FILE,
      exists: true,
    }),
  };

  public async run(): Promise<OrgSeedResult> {
    const { flags } = await this.parse(OrgSeed);
    const connection = flags['target-org'].getConnection(flags['api-version']);
    const target = flags['target-org'].getUsername() ?? '';
    if (flags['if-empty'] && (await isSeeded(connection))) {
      this.log(messages.getMessage('info.alreadySeeded', [target]));
      return { counts: {}, seconds: 0, skipped: true };
    }
    this.spinner.start(`Seeding ${target}`);
    const result = await seedOrg(connection, {
      accounts: flags.accounts,
      seed: flags.seed,
      sampleFile: flags['sample-file'],
    });
    this.spinner.stop();
    this.table({
      data: Object.entries(result.counts).map(([object, records]) => ({ Object: object, Records: records })),
    });
    this.logSuccess(messages.getMessage('info.seeded', [target, result.seconds.toFixed(1)]));
    return { ...result, skipped: false };
  }
}
