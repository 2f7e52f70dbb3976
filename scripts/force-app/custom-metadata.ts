// Writes the custom metadata records (force-app/main/default/customMetadata) that carry
// config/trellis.config.json into an org, where Apex reads them with getAll().
//
//   node scripts/force-app/custom-metadata.ts           write the records, remove stale ones
//   node scripts/force-app/custom-metadata.ts --check   exit 1, naming the file, when they are stale
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { DEFAULT_CONFIG_FILE, loadConfigFile } from '../../cli/src/config/load.ts';
import { CUSTOM_METADATA_DIR, customMetadataFiles, isGeneratedFile } from './custom-metadata-records.ts';

const COMMAND = 'node scripts/force-app/custom-metadata.ts';

/** The generated files now on disk, by name. */
function filesOnDisk(dir: string): Map<string, string> {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return new Map();
  }
  return new Map(
    names.filter(isGeneratedFile).map((name) => [name, readFileSync(join(dir, name), 'utf8')] as const),
  );
}

/** The files that differ from what the config yields: missing, changed or no longer generated. */
export function staleFiles(
  expected: ReadonlyMap<string, string>,
  actual: ReadonlyMap<string, string>,
): string[] {
  const stale: string[] = [];
  for (const [name, content] of expected) if (actual.get(name) !== content) stale.push(name);
  for (const name of actual.keys()) if (!expected.has(name)) stale.push(name);
  return stale.sort();
}

const expected = customMetadataFiles(await loadConfigFile(DEFAULT_CONFIG_FILE));
const actual = filesOnDisk(CUSTOM_METADATA_DIR);

if (process.argv.includes('--check')) {
  const stale = staleFiles(expected, actual);
  if (stale.length > 0) {
    for (const name of stale) {
      process.stderr.write(
        `${join(CUSTOM_METADATA_DIR, name)} is out of date with ${DEFAULT_CONFIG_FILE}.\n`,
      );
    }
    process.stderr.write(`Run \`${COMMAND}\` and commit the result.\n`);
    process.exit(1);
  }
  process.stdout.write(`${CUSTOM_METADATA_DIR} is current with ${DEFAULT_CONFIG_FILE}.\n`);
} else {
  mkdirSync(CUSTOM_METADATA_DIR, { recursive: true });
  for (const name of actual.keys()) {
    if (!expected.has(name)) rmSync(join(CUSTOM_METADATA_DIR, name));
  }
  for (const [name, content] of expected) writeFileSync(join(CUSTOM_METADATA_DIR, name), content);
  process.stdout.write(`Wrote ${expected.size} records to ${CUSTOM_METADATA_DIR}.\n`);
}
