import { Messages } from '@salesforce/core';
import { SfCommand } from '@salesforce/sf-plugins-core';
import { faultsFromFlags, serveOrg } from '../../localorg/org/control.ts';
import {
  dataDirFlag,
  faultKindsFlag,
  faultPercentFlag,
  portFlag,
  projectDirFlag,
} from '../../localorg/org/flags.ts';

Messages.importMessagesDirectoryFromMetaUrl(import.meta.url);
const messages = Messages.loadMessages('trellis-prm', 'org.serve');

export default class OrgServe extends SfCommand<{ url: string }> {
  public static override readonly summary = messages.getMessage('summary');
  public static override readonly description = messages.getMessage('description');
  public static override readonly examples = messages.getMessages('examples');

  public static override readonly flags = {
    port: portFlag,
    'data-dir': dataDirFlag,
    'project-dir': projectDirFlag,
    'fault-percent': faultPercentFlag,
    'fault-kinds': faultKindsFlag,
  };

  public async run(): Promise<{ url: string }> {
    const { flags } = await this.parse(OrgServe);
    const org = await serveOrg({
      dataDir: flags['data-dir'],
      port: flags.port,
      projectDir: flags['project-dir'],
      faults: faultsFromFlags(flags['fault-percent'], flags['fault-kinds']),
    });
    this.log(messages.getMessage('info.serving', [org.url, flags['data-dir']]));
    // Returning would let oclif end the process; the server runs until a signal stops it.
    await new Promise<never>(() => undefined);
    return { url: org.url };
  }
}
