import { Messages } from '@salesforce/core';
import { Flags, SfCommand } from '@salesforce/sf-plugins-core';
import { DEFAULT_CONFIG_FILE, loadConfigFile } from '../../config/load.ts';

Messages.importMessagesDirectoryFromMetaUrl(import.meta.url);
const messages = Messages.loadMessages('trellis-prm', 'config.validate');

export interface ConfigValidateResult {
  file: string;
  valid: true;
  rulesVersion: string;
  rules: number;
  tiersVersion: string;
  tiers: number;
}

export default class ConfigValidate extends SfCommand<ConfigValidateResult> {
  public static override readonly summary = messages.getMessage('summary');
  public static override readonly description = messages.getMessage('description');
  public static override readonly examples = messages.getMessages('examples');

  public static override readonly flags = {
    'config-file': Flags.file({
      char: 'c',
      summary: messages.getMessage('flags.config-file.summary'),
      default: DEFAULT_CONFIG_FILE,
    }),
  };

  public async run(): Promise<ConfigValidateResult> {
    const { flags } = await this.parse(ConfigValidate);
    const file = flags['config-file'];
    const config = await loadConfigFile(file);
    const result: ConfigValidateResult = {
      file,
      valid: true,
      rulesVersion: config.rulesOfEngagement.version,
      rules: config.rulesOfEngagement.rules.length,
      tiersVersion: config.tiers.version,
      tiers: config.tiers.tiers.length,
    };
    this.logSuccess(
      messages.getMessage('info.valid', [
        file,
        String(result.rules),
        result.rulesVersion,
        String(result.tiers),
        result.tiersVersion,
      ]),
    );
    return result;
  }
}
