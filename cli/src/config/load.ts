/** Loads `trellis.config.json`: the rules of engagement, protection windows and tiers. */
import { parseJsonDocument, readDocument } from './document.ts';
import { trellisConfigSchema, type TrellisConfigFile } from './schema.ts';
import { semanticProblems } from './semantics.ts';

export const DEFAULT_CONFIG_FILE = 'config/trellis.config.json';

export async function loadConfigFile(file: string = DEFAULT_CONFIG_FILE): Promise<TrellisConfigFile> {
  return parseConfigText(await readDocument(file), file);
}

/** Validates config text; `file` only names the source in errors. */
export function parseConfigText(text: string, file: string): TrellisConfigFile {
  return parseJsonDocument(text, file, trellisConfigSchema, semanticProblems);
}
