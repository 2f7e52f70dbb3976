import { Messages } from '@salesforce/core';
import { SfCommand } from '@salesforce/sf-plugins-core';
import { resetOrg } from '../../localorg/org/control.ts';
import { dataDirFlag } from '../../localorg/org/flags.ts';

Messages.importMessagesDirectoryFromMetaUrl(import.meta.url);
const messages = Messages.loadMessages('trellis-prm', 'org.reset');

export default class OrgReset extends SfCommand<{ stopped: boolean; deleted: boolean }> {
  public static override readonly summary = messages.getMessage('summary');
  public static override readonly description = messages.getMessage('description');
  public static override readonly examples = messages.getMessages('examples');

  public static override readonly flags = { 'data-dir': dataDirFlag };

  public async run(): Promise<{ stopped: boolean; deleted: boolean }> {
    const { flags } = await this.parse(OrgReset);
    const result = await resetOrg(flags['data-dir']);
    this.log(messages.getMessage('info.reset', [flags['data-dir']]));
    return result;
  }
}
