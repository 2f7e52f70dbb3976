import { Messages } from '@salesforce/core';
import { SfCommand } from '@salesforce/sf-plugins-core';
import type { AnyJson } from '@salesforce/ts-types';
import { configJsonSchemaText } from '../../config/json-schema.ts';

Messages.importMessagesDirectoryFromMetaUrl(import.meta.url);
const messages = Messages.loadMessages('trellis-prm', 'config.schema');

export default class ConfigSchema extends SfCommand<AnyJson> {
  public static override readonly summary = messages.getMessage('summary');
  public static override readonly description = messages.getMessage('description');
  public static override readonly examples = messages.getMessages('examples');

  public async run(): Promise<AnyJson> {
    await this.parse(ConfigSchema);
    const text = configJsonSchemaText();
    // With --json the schema is the result; without, print it raw so it can be redirected to a file.
    if (!this.jsonEnabled()) process.stdout.write(text);
    return JSON.parse(text) as AnyJson;
  }
}
