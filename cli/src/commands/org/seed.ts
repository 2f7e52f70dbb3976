import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { Messages } from '@salesforce/core';
import { Flags, SfCommand } from '@salesforce/sf-plugins-core';
import { DEFAULT_SAMPLE_FILE } from '../../config/sample-data.ts';
import { isSeeded, seedOrg } from '../../sync/seed.ts';
import type { PartnerUser } from '../../sync/partner-users.ts';

Messages.importMessagesDirectoryFromMetaUrl(import.meta.url);
const messages = Messages.loadMessages('trellis-prm', 'org.seed');

export interface OrgSeedResult {
  counts: Record<string, number>;
  seconds: number;
  skipped: boolean;
  /** Usernames only: the passwords go to the credentials file, never to the output. */
  partnerUsers: { username: string; account: string }[];
  credentialsFile: string | null;
  partnerUsersSkipped?: string;
}

/** The partner users' credentials, readable by their owner only, as the admin's are. */
function writeCredentials(file: string, users: readonly PartnerUser[]): void {
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  const entries = users.map(({ username, password, accountName }) => ({
    username,
    password,
    account: accountName,
  }));
  writeFileSync(file, `${JSON.stringify(entries, null, 2)}\n`, { mode: 0o600 });
}

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
    'partner-users': Flags.boolean({
      summary: messages.getMessage('flags.partner-users.summary'),
      default: true,
      allowNo: true,
    }),
    'credentials-file': Flags.string({
      summary: messages.getMessage('flags.credentials-file.summary'),
      default: '.trellis/partner-users.json',
    }),
  };

  public async run(): Promise<OrgSeedResult> {
    const { flags } = await this.parse(OrgSeed);
    const connection = flags['target-org'].getConnection(flags['api-version']);
    const target = flags['target-org'].getUsername() ?? '';
    if (flags['if-empty'] && (await isSeeded(connection))) {
      this.log(messages.getMessage('info.alreadySeeded', [target]));
      return { counts: {}, seconds: 0, skipped: true, partnerUsers: [], credentialsFile: null };
    }
    this.spinner.start(`Seeding ${target}`);
    const result = await seedOrg(connection, {
      accounts: flags.accounts,
      seed: flags.seed,
      sampleFile: flags['sample-file'],
      partnerUsers: flags['partner-users'],
    });
    this.spinner.stop();
    this.table({
      data: Object.entries(result.counts).map(([object, records]) => ({ Object: object, Records: records })),
    });
    let credentialsFile: string | null = null;
    if (result.partnerUsers.length > 0) {
      credentialsFile = resolve(flags['credentials-file']);
      writeCredentials(credentialsFile, result.partnerUsers);
      this.log(messages.getMessage('info.partnerUsers', [result.partnerUsers.length, credentialsFile]));
    }
    if (result.partnerUsersSkipped) this.warn(result.partnerUsersSkipped);
    this.logSuccess(messages.getMessage('info.seeded', [target, result.seconds.toFixed(1)]));
    return {
      counts: result.counts,
      seconds: result.seconds,
      skipped: false,
      partnerUsers: result.partnerUsers.map((user) => ({
        username: user.username,
        account: user.accountName,
      })),
      credentialsFile,
      ...(result.partnerUsersSkipped ? { partnerUsersSkipped: result.partnerUsersSkipped } : {}),
    };
  }
}
