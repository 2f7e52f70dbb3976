import { Messages } from '@salesforce/core';
import { Flags, SfCommand } from '@salesforce/sf-plugins-core';
import { DEFAULT_ALIAS, faultsFromFlags, startOrg, type StartResult } from '../../localorg/org/control.ts';
import {
  aliasFlagSummary,
  dataDirFlag,
  faultKindsFlag,
  faultPercentFlag,
  noSetDefaultSummary,
  portFlag,
  projectDirFlag,
} from '../../localorg/org/flags.ts';
import { CREDENTIALS_FILE } from '../../localorg/org/identity.ts';

Messages.importMessagesDirectoryFromMetaUrl(import.meta.url);
const messages = Messages.loadMessages('trellis-prm', 'org.start');

export type OrgStartResult = Omit<StartResult, 'newCredentials'> & {
  newCredentials: { username: string } | null;
};

export default class OrgStart extends SfCommand<OrgStartResult> {
  public static override readonly summary = messages.getMessage('summary');
  public static override readonly description = messages.getMessage('description');
  public static override readonly examples = messages.getMessages('examples');

  public static override readonly flags = {
    port: portFlag,
    'data-dir': dataDirFlag,
    'project-dir': projectDirFlag,
    alias: Flags.string({ char: 'a', summary: aliasFlagSummary, default: DEFAULT_ALIAS }),
    'no-set-default': Flags.boolean({ summary: noSetDefaultSummary }),
    'fault-percent': faultPercentFlag,
    'fault-kinds': faultKindsFlag,
  };

  public async run(): Promise<OrgStartResult> {
    const { flags } = await this.parse(OrgStart);
    this.spinner.start('Starting the local org');
    const result = await startOrg({
      dataDir: flags['data-dir'],
      port: flags.port,
      projectDir: flags['project-dir'],
      alias: flags.alias,
      defaultIfNone: !flags['no-set-default'],
      faults: faultsFromFlags(flags['fault-percent'], flags['fault-kinds']),
    });
    this.spinner.stop();
    const key = result.alreadyRunning ? 'info.alreadyRunning' : 'info.started';
    this.logSuccess(messages.getMessage(key, [result.url, result.alias, result.username]));
    if (result.madeDefault) this.log(messages.getMessage('info.default'));
    if (result.newCredentials) {
      this.log(
        messages.getMessage('info.credentials', [
          `${result.dataDir}/${CREDENTIALS_FILE}`,
          result.newCredentials.username,
          result.newCredentials.password,
        ]),
      );
    }
    this.log(messages.getMessage('info.next', [result.alias]));
    // The password never goes into --json output: it is in the data dir for scripts that need it.
    return {
      ...result,
      newCredentials: result.newCredentials ? { username: result.newCredentials.username } : null,
    };
  }
}
