/**
 * Starts a local org in this process on a free port, with its own temporary data
 * dir, and a jsforce connection logged in through the OAuth password flow, as a
 * script would reach a real org.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Connection } from 'jsforce';
import { startLocalOrg, type LocalOrg } from '../../cli/src/localorg/local-org.ts';
import { readCredentials } from '../../cli/src/localorg/org/identity.ts';
import { PROJECT_ROOT } from './cli.ts';

export const TEST_API_VERSION = '64.0';

export interface TestOrg {
  org: LocalOrg;
  dataDir: string;
  username: string;
  password: string;
  connection: Connection;
  /** A new connection, logged in again as the admin. */
  login(): Promise<Connection>;
  /** A new connection for another user of the org (a partner user), through the password flow. */
  loginAs(username: string, password: string): Promise<Connection>;
  stop(): Promise<void>;
}

export async function startTestOrg(): Promise<TestOrg> {
  const dataDir = mkdtempSync(join(tmpdir(), 'trellis-org-'));
  const org = await startLocalOrg({ projectDir: PROJECT_ROOT, dataDir, port: 0 });
  const { username, password } = readCredentials(dataDir);
  const loginAs = async (user: string, secret: string): Promise<Connection> => {
    const connection = new Connection({
      oauth2: {
        loginUrl: org.url,
        clientId: 'trellis-tests',
        clientSecret: 'unused',
        redirectUri: `${org.url}/callback`,
      },
      version: TEST_API_VERSION,
    });
    await connection.login(user, secret);
    return connection;
  };
  const login = (): Promise<Connection> => loginAs(username, password);
  const connection = await login();
  return {
    org,
    dataDir,
    username,
    password,
    connection,
    login,
    loginAs,
    stop: async () => {
      await org.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
