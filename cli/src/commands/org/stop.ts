import { Messages } from '@salesforce/core';
import { SfCommand } from '@salesforce/sf-plugins-core';
import { stopOrg } from '../../localorg/org/control.ts';
import { dataDirFlag } from '../../localorg/org/flags.ts';

Messages.importMessagesDirectoryFromMetaUrl(import.meta.url);
const messages = Messages.loadMessages('trellis-prm', 'org.stop');

export default class OrgStop extends SfCommand<{ stopped: boolean }> {
  public static override readonly summary = messages.getMessage('summary');
  public static override readonly description = messages.getMessage('description');
  public static override readonly examples = messages.getMessages('examples');

  public static override readonly flags = { 'data-dir': dataDirFlag };

  public async run(): Promise<{ stopped: boolean }> {
    const { flags } = await this.parse(OrgStop);
    const result = await stopOrg(flags['data-dir']);
    this.log(messages.getMessage(result.stopped ? 'info.stopped' : 'info.notRunning'));
    return result;
  }
}
