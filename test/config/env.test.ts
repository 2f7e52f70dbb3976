import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadEnv } from '../../cli/src/config/env.ts';

const dir = mkdtempSync(join(tmpdir(), 'trellis-env-'));
let files = 0;

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

function envFile(text: string): string {
  const file = join(dir, `${++files}.env`);
  writeFileSync(file, text);
  return file;
}

describe('loadEnv', () => {
  test('reads a .env file, and the environment wins over it', () => {
    const file = envFile('SF_INSTANCE_URL=https://file.example.com\nSF_API_VERSION=64.0\n');
    const env = loadEnv({ file, environment: { SF_INSTANCE_URL: 'https://env.example.com' } });
    expect(env).toMatchObject({ SF_INSTANCE_URL: 'https://env.example.com', SF_API_VERSION: '64.0' });
  });

  test('a missing .env file is not an error', () => {
    expect(
      loadEnv({ file: '/nonexistent/.env', environment: { SF_USERNAME: 'admin@example.com' } }),
    ).toMatchObject({
      SF_USERNAME: 'admin@example.com',
    });
  });

  test('a bad value names the variable and the file, and never shows a secret', () => {
    const file = envFile('SF_ACCESS_TOKEN=00D!abc def\nSF_API_VERSION=v64\nSF_USERNAME=\n');
    let message = '';
    try {
      loadEnv({ file, environment: { SF_INSTANCE_URL: 'not a url' } });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain(file);
    expect(message).toContain('SF_INSTANCE_URL = "not a url"');
    expect(message).toContain('SF_API_VERSION = "v64": an API version looks like 64.0');
    expect(message).toContain('SF_ACCESS_TOKEN = (hidden): a token has no spaces or line breaks');
    expect(message).not.toContain('abc def');
    expect(message).not.toContain('SF_USERNAME');
  });
});
