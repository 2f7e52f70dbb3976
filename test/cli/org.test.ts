import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseJsonOutput, PROJECT_ROOT, runCli } from '../helpers/cli.ts';
import { runScript } from '../helpers/scripts.ts';

const home = mkdtempSync(join(tmpdir(), 'trellis-home-'));
const dataParent = mkdtempSync(join(tmpdir(), 'trellis-data-'));
const dataDir = join(dataParent, 'org');
const env = { HOME: home };
// sf records a default target org in the working directory's .sf/config.json: run elsewhere than the project.
const cwd = mkdtempSync(join(tmpdir(), 'trellis-cwd-'));
const run = (args: readonly string[]) => runCli([...args, '--data-dir', dataDir], env, cwd);

afterAll(async () => {
  await run(['org', 'stop']);
  rmSync(home, { recursive: true, force: true });
  rmSync(dataParent, { recursive: true, force: true });
  rmSync(cwd, { recursive: true, force: true });
});

describe('trellis org start | status | stop | reset', () => {
  test('starts in the background, records the alias, reports, stops and keeps the data', async () => {
    const started = await run(['org', 'start', '--port', '0', '--project-dir', PROJECT_ROOT, '--json']);
    expect(started.code).toBe(0);
    const result = parseJsonOutput(started).result as {
      madeDefault: boolean;
      url: string;
      alias: string;
      username: string;
      newCredentials: { username: string } | null;
    };
    expect(result.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(result.alias).toBe('trellis-local');
    expect(result.madeDefault).toBe(true);
    expect(result.newCredentials).toEqual({ username: result.username });
    // The password is in the data dir for scripts, and never in the command's output.
    const { password } = JSON.parse(readFileSync(join(dataDir, 'credentials.json'), 'utf8')) as {
      password: string;
    };
    expect(started.stdout).not.toContain(password);

    const aliases = JSON.parse(readFileSync(join(home, '.sfdx', 'alias.json'), 'utf8')) as {
      orgs: Record<string, string>;
    };
    expect(aliases.orgs['trellis-local']).toBe(result.username);

    // Any tool built on @salesforce/core reaches the org through the alias.
    const viaAlias = (await runScript(
      'query-with-alias.ts',
      ['trellis-local', 'SELECT Username FROM User'],
      env,
    )) as {
      username: string;
      records: { Username: string }[];
    };
    expect(viaAlias.username).toBe(result.username);
    expect(viaAlias.records.map((record) => record.Username)).toEqual([result.username]);

    const status = await run(['org', 'status', '--json']);
    expect(parseJsonOutput(status).result).toMatchObject({ running: true, url: result.url });

    const again = await run(['org', 'start', '--project-dir', PROJECT_ROOT, '--json']);
    expect(parseJsonOutput(again).result).toMatchObject({
      alreadyRunning: true,
      url: result.url,
      newCredentials: null,
    });

    const stopped = await run(['org', 'stop', '--json']);
    expect(parseJsonOutput(stopped).result).toEqual({ stopped: true });
    const after = await run(['org', 'status', '--json']);
    expect(parseJsonOutput(after).result).toMatchObject({ running: false });
    expect(readFileSync(join(dataDir, 'credentials.json'), 'utf8')).toContain(password);

    const reset = await run(['org', 'reset', '--json']);
    expect(parseJsonOutput(reset).result).toEqual({ stopped: false, deleted: true });
  }, 60_000);
});
