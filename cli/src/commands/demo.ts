import { Messages } from '@salesforce/core';
import { Flags, SfCommand } from '@salesforce/sf-plugins-core';
import { DEFAULT_CONFIG_FILE } from '../config/load.ts';
import { DEFAULT_SAMPLE_FILE } from '../config/sample-data.ts';
import {
  outcomeCounts,
  registrationBlock,
  registrationTable,
  tierDetails,
  tierTable,
} from '../render/demo-report.ts';
import { runDemo, type DemoResult } from '../sync/demo.ts';

Messages.importMessagesDirectoryFromMetaUrl(import.meta.url);
const messages = Messages.loadMessages('trellis-prm', 'demo');

export default class Demo extends SfCommand<DemoResult> {
  public static override readonly summary = messages.getMessage('summary');
  public static override readonly description = messages.getMessage('description');
  public static override readonly examples = messages.getMessages('examples');

  public static override readonly flags = {
    'config-file': Flags.file({
      char: 'c',
      summary: messages.getMessage('flags.config-file.summary'),
      default: DEFAULT_CONFIG_FILE,
      exists: true,
    }),
    'sample-file': Flags.file({
      summary: messages.getMessage('flags.sample-file.summary'),
      default: DEFAULT_SAMPLE_FILE,
      exists: true,
    }),
    verbose: Flags.boolean({ summary: messages.getMessage('flags.verbose.summary') }),
  };

  public async run(): Promise<DemoResult> {
    const { flags } = await this.parse(Demo);
    const result = await runDemo({ configFile: flags['config-file'], sampleFile: flags['sample-file'] });
    const day = result.asOf.slice(0, 10);

    this.styledHeader(messages.getMessage('header.registrations', [day, result.rulesVersion]));
    for (const item of result.registrations) {
      this.log(registrationBlock(item, messages, flags.verbose).join('\n'));
      this.log('');
    }
    this.table({ data: registrationTable(result) });
    const counts = outcomeCounts(result);
    this.log(
      messages.getMessage('summary.registrations', [
        String(result.registrations.length),
        String(counts.Approved),
        String(counts['In Review']),
        String(counts.Rejected),
      ]),
    );
    this.log('');

    this.styledHeader(messages.getMessage('header.tiers', [day, result.tiersVersion]));
    this.table({ data: tierTable(result, messages) });
    for (const item of result.tiers) this.log(tierDetails(item, messages).join('\n'));
    return result;
  }
}
