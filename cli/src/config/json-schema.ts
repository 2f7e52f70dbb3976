/** The JSON Schema of trellis.config.json, generated from the zod schema (input side: defaults optional). */
import { z } from 'zod';
import { trellisConfigSchema } from './schema.ts';

export const CONFIG_SCHEMA_FILE = 'config/trellis.config.schema.json';

export function configJsonSchemaText(): string {
  const schema = z.toJSONSchema(trellisConfigSchema, { io: 'input', target: 'draft-2020-12' });
  const titled = {
    ...schema,
    title: 'Trellis configuration',
    description: 'Rules of engagement, protection windows and partner tiers.',
  };
  return `${JSON.stringify(titled, null, 2)}\n`;
}
