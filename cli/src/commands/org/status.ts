import { Messages } from '@salesforce/core';
import { SfCommand } from '@salesforce/sf-plugins-core';
import { orgStatus } from '../../localorg/org/control.ts';
import { dataDirFlag } from '../../localorg/org/flags.ts';

Messages.importMessagesDirectoryFromMetaUrl(import.meta.url);
const messages = Messages.loadMessages('trellis-prm', 'org.status');

type Status = Awaited<ReturnType<typeof orgStatus>>;

export default class OrgStatus extends SfCommand<Status> {
  public static override readonly summary = messages.getMessage('summary');
  public static override readonly description = messages.getMessage('description');
  public static override readonly examples = messages.getMessages('examples');

  public static override readonly flags = { 'data-dir': dataDirFlag };

  public async run(): Promise<Status> {
    const { flags } = await this.parse(OrgStatus);
    const status = await orgStatus(flags['data-dir']);
    this.log(
      status.running
        ? messages.getMessage('info.running', [status.url ?? '', String(status.pid ?? ''), status.dataDir])
        : messages.getMessage('info.notRunning', [status.dataDir]),
    );
    return status;
  }
}
