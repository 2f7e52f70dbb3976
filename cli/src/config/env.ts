/**
 * Connection settings from the environment and an optional `.env` file, for
 * pipelines that cannot use the sf auth store. Variables already set in the
 * environment win over the file. Secrets are validated but never echoed: an
 * error names the variable and the fix, not its value.
 */
import { existsSync } from 'node:fs';
import dotenv from 'dotenv';
import { z } from 'zod';
import { configMessages } from './problems.ts';

const apiVersion = z.string().regex(/^\d{2,3}\.0$/, 'an API version looks like 64.0');

export const envSchema = z.object({
  SF_INSTANCE_URL: z.url({ protocol: /^https?$/ }).optional(),
  SF_LOGIN_URL: z.url({ protocol: /^https?$/ }).optional(),
  SF_ACCESS_TOKEN: z
    .string()
    .regex(/^\S+$/, 'a token has no spaces or line breaks; check how it was pasted')
    .optional(),
  SF_USERNAME: z.string().min(1).optional(),
  SF_PASSWORD: z.string().min(1).optional(),
  /** A connected app's consumer key and secret, which a real org's password flow requires. */
  SF_CLIENT_ID: z.string().min(1).optional(),
  SF_CLIENT_SECRET: z.string().min(1).optional(),
  SF_API_VERSION: apiVersion.optional(),
  TRELLIS_CONFIG_FILE: z.string().min(1).optional(),
});

export type TrellisEnv = z.output<typeof envSchema>;

/** Variables whose values must never reach output, logs or error messages. */
export const SECRET_VARIABLES: ReadonlySet<string> = new Set([
  'SF_ACCESS_TOKEN',
  'SF_PASSWORD',
  'SF_CLIENT_SECRET',
]);

export interface LoadEnvOptions {
  /** The dotenv file; a missing file is not an error (the environment alone may be enough). */
  file?: string;
  /** The environment to read; `process.env` unless a test passes its own. */
  environment?: NodeJS.ProcessEnv;
}

export function loadEnv(options: LoadEnvOptions = {}): TrellisEnv {
  const file = options.file ?? '.env';
  const fromFile: Record<string, string> = {};
  if (existsSync(file)) dotenv.config({ path: file, processEnv: fromFile, quiet: true });
  // `NAME=` with nothing after it means "not set", in the file and in the environment alike.
  const merged = Object.fromEntries(
    Object.entries({ ...fromFile, ...(options.environment ?? process.env) }).filter(
      ([, value]) => value !== '',
    ),
  );
  const parsed = envSchema.safeParse(merged);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => {
    const variable = String(issue.path[0] ?? '');
    const found = SECRET_VARIABLES.has(variable) ? '(hidden)' : JSON.stringify(merged[variable] ?? '');
    return `${variable} = ${found}: ${issue.message}`;
  });
  throw configMessages.createError('error.InvalidEnv', [file, problems.join('\n')]);
}
