// Writes config/trellis.config.schema.json from the zod schema, so editors offer
// completion and checks for trellis.config.json. `npm test` fails when it is stale.
import { writeFileSync } from 'node:fs';
import { configJsonSchemaText, CONFIG_SCHEMA_FILE } from '../cli/src/config/json-schema.ts';

writeFileSync(CONFIG_SCHEMA_FILE, configJsonSchemaText());
process.stdout.write(`Wrote ${CONFIG_SCHEMA_FILE}\n`);
