import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestOrg, type TestOrg } from '../helpers/local-org.ts';
import { runScript } from '../helpers/scripts.ts';

let testOrg: TestOrg;
// @salesforce/core keeps its state under HOME: the child processes get a fresh one.
const home = mkdtempSync(join(tmpdir(), 'trellis-home-'));
const clean = {
  HOME: home,
  SF_INSTANCE_URL: '',
  SF_ACCESS_TOKEN: '',
  SF_LOGIN_URL: '',
  SF_USERNAME: '',
  SF_PASSWORD: '',
};

beforeAll(async () => {
  testOrg = await startTestOrg();
});

afterAll(async () => {
  await testOrg.stop();
  rmSync(home, { recursive: true, force: true });
});

describe('connections from SF_* settings (.env or the environment)', () => {
  test('an instance URL and an access token', async () => {
    const result = await runScript('query-with-env.ts', [], {
      ...clean,
      SF_INSTANCE_URL: testOrg.org.url,
      SF_ACCESS_TOKEN: testOrg.connection.accessToken ?? '',
    });
    expect(result).toEqual({ connected: true, username: testOrg.username, users: 1 });
  });

  test('a login URL, a username and a password', async () => {
    const result = await runScript('query-with-env.ts', [], {
      ...clean,
      SF_LOGIN_URL: testOrg.org.url,
      SF_USERNAME: testOrg.username,
      SF_PASSWORD: testOrg.password,
    });
    expect(result).toEqual({ connected: true, username: testOrg.username, users: 1 });
  });

  test('a wrong password names the user and the org, never the password', async () => {
    const result = (await runScript('query-with-env.ts', [], {
      ...clean,
      SF_LOGIN_URL: testOrg.org.url,
      SF_USERNAME: testOrg.username,
      SF_PASSWORD: 'Wr0ng-Secret',
    })) as { error: string };
    expect(result.error).toBe(
      `login as ${testOrg.username} at ${testOrg.org.url} failed: authentication failure`,
    );
  });

  test('nothing configured gives no connection', async () => {
    expect(await runScript('query-with-env.ts', [], clean)).toEqual({ connected: false });
  });
});
