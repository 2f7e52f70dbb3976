/**
 * The real sf CLI (`@salesforce/cli` from the npm registry) against a local org started by
 * `trellis org start`, as a user would point it at `trellis-local`: login with an access token,
 * org display and list, record create and get, queries (JSON, human table, CSV), sobject list
 * and describe, bulk import and export (Bulk API 2.0), and an error as Salesforce reports it.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readCredentials } from '../../cli/src/localorg/org/identity.ts';
import { parseJsonOutput, PROJECT_ROOT, runCli, type CliRun } from '../helpers/cli.ts';
import { runSf } from '../helpers/sf.ts';

const ALIAS = 'trellis-local';

const home = mkdtempSync(join(tmpdir(), 'trellis-sf-home-'));
const dataDir = join(mkdtempSync(join(tmpdir(), 'trellis-sf-data-')), 'org');
/** A second, empty sf auth store for the access-token login (see its test). */
const loginHome = mkdtempSync(join(tmpdir(), 'trellis-sf-login-'));
const env = { HOME: home };

type Json = Record<string, unknown>;

interface OrgFacts {
  url: string;
  username: string;
  orgId: string;
  /** The admin user's Name, as a relationship query returns it. */
  adminName: string;
}
let org: OrgFacts;

/** A fresh access token through the OAuth password flow, with the org id its identity URL names. */
async function passwordToken(url: string): Promise<{ accessToken: string; orgId: string }> {
  const { username, password } = readCredentials(dataDir);
  const response = await fetch(`${url}/services/oauth2/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'password', username, password }),
  });
  expect(response.status).toBe(200);
  const body = (await response.json()) as { access_token: string; id: string };
  // The identity URL is `${instance}/id/${orgId}/${userId}`.
  const orgId = new URL(body.id).pathname.split('/')[2] ?? '';
  return { accessToken: body.access_token, orgId };
}

/** The result of a successful `--json` run. */
function json(run: CliRun): unknown {
  if (run.code !== 0) throw new Error(`sf exited ${run.code}: ${run.stdout}\n${run.stderr}`);
  const envelope = parseJsonOutput(run);
  expect(envelope.status).toBe(0);
  return envelope.result;
}

beforeAll(async () => {
  const started = await runCli(
    ['org', 'start', '--port', '0', '--data-dir', dataDir, '--project-dir', PROJECT_ROOT, '--json'],
    env,
    home,
  );
  expect(started.code).toBe(0);
  const { url, username } = parseJsonOutput(started).result as { url: string; username: string };
  const { accessToken, orgId } = await passwordToken(url);
  const userinfo = await fetch(`${url}/services/oauth2/userinfo`, {
    headers: { Authorization: `Bearer ${accessToken}` },
  });
  const { name } = (await userinfo.json()) as { name: string };
  org = { url, username, orgId, adminName: name };
  // A record for the queries, created over REST so that the query tests need no other test.
  const created = await fetch(`${url}/services/data/v66.0/sobjects/Account`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${accessToken}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ Name: 'Globex Industries', Website: 'globex.example' }),
  });
  expect(created.status).toBe(201);
}, 60_000);

afterAll(async () => {
  await runCli(['org', 'stop', '--data-dir', dataDir], env, home);
  for (const dir of [home, loginHome, join(dataDir, '..')]) rmSync(dir, { recursive: true, force: true });
}, 30_000);

describe('the real sf CLI against the local org', () => {
  test('sf org login access-token: reads the user and the org the way it reads a real one', async () => {
    const { accessToken, orgId } = await passwordToken(org.url);
    // @salesforce/core expects Salesforce's token shape: the 15-character org id, '!', the secret.
    expect(accessToken).toMatch(/^00D\w{12}!\S+$/);
    expect(orgId).toBe(org.orgId);

    // An empty auth store, so that every step of the login runs: with an auth file for this
    // username already there (the one `org start` wrote), @salesforce/core would skip the
    // Organization query. The login asks userinfo, the User at v51.0, a ScratchOrgInfo query
    // (which fails as on any org that is not a Dev Hub), /services/data and the Organization.
    const login = await runSf(
      [
        'org',
        'login',
        'access-token',
        '--instance-url',
        org.url,
        '--no-prompt',
        '--alias',
        'via-token',
        '--json',
      ],
      loginHome,
      { SF_ACCESS_TOKEN: accessToken },
    );
    const result = json(login) as Json;
    expect(result).toMatchObject({
      username: org.username,
      orgId: org.orgId,
      // sf stores the URL it was given with a trailing slash, as URL.href writes it.
      instanceUrl: `${org.url}/`,
      isDevHub: false,
      // From /services/data and the Organization record: present only if both answered.
      instanceApiVersion: '66.0',
      name: 'Trellis Local Org',
      orgEdition: 'Developer Edition',
      isSandbox: false,
      isScratch: false,
    });
    const aliases = JSON.parse(readFileSync(join(loginHome, '.sfdx', 'alias.json'), 'utf8')) as {
      orgs: Record<string, string>;
    };
    expect(aliases.orgs['via-token']).toBe(org.username);

    // Every later command joins that trailing slash with /services/data: `//services/data/...`.
    const query = await runSf(
      ['data', 'query', '-o', 'via-token', '-q', 'SELECT Name, OrganizationType FROM Organization', '--json'],
      loginHome,
    );
    expect((json(query) as { records: unknown[] }).records).toEqual([
      expect.objectContaining({ Name: 'Trellis Local Org', OrganizationType: 'Developer Edition' }),
    ]);
  }, 60_000);

  test('sf org display: the org recorded by trellis org start is connected', async () => {
    const result = json(await runSf(['org', 'display', '-o', ALIAS, '--json'], home)) as Json;
    expect(result).toMatchObject({
      connectedStatus: 'Connected',
      id: org.orgId,
      instanceUrl: org.url,
      username: org.username,
      alias: ALIAS,
    });
  }, 30_000);

  test('sf org list: the org is listed under its alias', async () => {
    const result = json(await runSf(['org', 'list', '--json'], home)) as {
      nonScratchOrgs: Json[];
    };
    expect(result.nonScratchOrgs).toEqual([
      expect.objectContaining({
        alias: ALIAS,
        username: org.username,
        orgId: org.orgId,
        connectedStatus: 'Connected',
      }),
    ]);
  }, 30_000);

  test('sf data create record, then sf data get record: the trigger set the match key', async () => {
    const created = json(
      await runSf(
        [
          'data',
          'create',
          'record',
          '-o',
          ALIAS,
          '-s',
          'Account',
          '-v',
          "Name='Acme Corporation' Website=acme.com",
          '--json',
        ],
        home,
      ),
    ) as { id: string; success: boolean };
    expect(created.success).toBe(true);
    expect(created.id).toMatch(/^001\w{15}$/);

    const record = json(
      await runSf(['data', 'get', 'record', '-o', ALIAS, '-s', 'Account', '-i', created.id, '--json'], home),
    ) as Json;
    expect(record).toMatchObject({
      attributes: { type: 'Account' },
      Id: created.id,
      Name: 'Acme Corporation',
      Website: 'acme.com',
      Trellis_Name_Key__c: 'acme',
    });
  }, 30_000);

  const QUERY = 'SELECT Id, Name, Owner.Name FROM Account';

  test('sf data query: records with a parent relationship, as JSON and as a table', async () => {
    const result = json(await runSf(['data', 'query', '-o', ALIAS, '-q', QUERY, '--json'], home)) as {
      totalSize: number;
      done: boolean;
      records: Json[];
    };
    expect(result.done).toBe(true);
    expect(result.totalSize).toBe(result.records.length);
    expect(result.records).toContainEqual(
      expect.objectContaining({
        attributes: expect.objectContaining({ type: 'Account' }),
        Name: 'Globex Industries',
        Owner: expect.objectContaining({
          attributes: expect.objectContaining({ type: 'User' }),
          Name: org.adminName,
        }),
      }),
    );

    // The human table is built from the query's column metadata (`/query?columns=true`).
    const table = await runSf(['data', 'query', '-o', ALIAS, '-q', QUERY], home);
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/ID\s.*NAME\s.*OWNER\.NAME/);
    expect(table.stdout).toMatch(new RegExp(`001\\w{15}\\s.*Globex Industries\\s.*${org.adminName}`));
    expect(table.stdout).toContain(`Total number of records retrieved: ${result.totalSize}.`);
  }, 30_000);

  test('sf data query --result-format csv: a header, then one line per record', async () => {
    const run = await runSf(['data', 'query', '-o', ALIAS, '-q', QUERY, '--result-format', 'csv'], home);
    expect(run.code).toBe(0);
    const lines = run.stdout.trim().split(/\r?\n/);
    expect(lines[0]).toBe('Id,Name,Owner.Name');
    expect(lines).toContainEqual(
      expect.stringMatching(new RegExp(`^001\\w{15},Globex Industries,${org.adminName}$`)),
    );
  }, 30_000);

  test('sf sobject list and describe: the custom objects of force-app, with their picklists', async () => {
    const custom = json(
      await runSf(['sobject', 'list', '-o', ALIAS, '-s', 'custom', '--json'], home),
    ) as string[];
    expect(custom).toEqual(
      expect.arrayContaining(['Deal_Registration__c', 'Partner_Metric__c', 'Tier_Change__c']),
    );
    expect(custom.every((name) => name.endsWith('__c'))).toBe(true);

    const described = json(
      await runSf(['sobject', 'describe', '-o', ALIAS, '-s', 'Deal_Registration__c', '--json'], home),
    ) as {
      name: string;
      custom: boolean;
      fields: { name: string; type: string; picklistValues: { value: string; active: boolean }[] }[];
    };
    expect(described).toMatchObject({ name: 'Deal_Registration__c', custom: true });
    const status = described.fields.find((field) => field.name === 'Status__c');
    expect(status?.type).toBe('picklist');
    expect(status?.picklistValues.map((entry) => entry.value)).toEqual(
      expect.arrayContaining(['Draft', 'Submitted', 'In Review']),
    );
  }, 30_000);

  test('sf data import bulk: a CSV file inserted through a Bulk API 2.0 ingest job', async () => {
    const rows = Array.from(
      { length: 250 },
      (_, i) => `"SF Bulk ${String(i).padStart(3, '0')}, Ltd",sf-bulk-${i}.com`,
    );
    writeFileSync(join(home, 'accounts.csv'), `Name,Website\n${rows.join('\n')}\n`);
    const result = json(
      await runSf(
        [
          'data',
          'import',
          'bulk',
          '--file',
          'accounts.csv',
          '--sobject',
          'Account',
          '--wait',
          '5',
          '-o',
          ALIAS,
          '--json',
        ],
        home,
      ),
    ) as Json;
    expect(result).toEqual({
      jobId: expect.stringMatching(/^750\w{15}$/),
      processedRecords: 250,
      successfulRecords: 250,
      failedRecords: 0,
    });
  }, 60_000);

  test('sf data export bulk: a query job written to a CSV file', async () => {
    const run = await runSf(
      [
        'data',
        'export',
        'bulk',
        '--query',
        "SELECT Name, Website, Owner.Name FROM Account WHERE Name LIKE 'SF Bulk %' ORDER BY Name",
        '--output-file',
        'out.csv',
        '--wait',
        '5',
        '-o',
        ALIAS,
        '--json',
      ],
      home,
    );
    expect(json(run)).toEqual({ totalSize: 250, filePath: 'out.csv' });
    const lines = readFileSync(join(home, 'out.csv'), 'utf8').trim().split('\n');
    expect(lines).toHaveLength(251);
    expect(lines[0]).toBe('"Name","Website","Owner.Name"');
    expect(lines[1]).toBe(`"SF Bulk 000, Ltd","sf-bulk-0.com","${org.adminName}"`);
  }, 60_000);

  test('sf data query with an unknown field: fails with INVALID_FIELD', async () => {
    const run = await runSf(['data', 'query', '-o', ALIAS, '-q', 'SELECT Nope FROM Account', '--json'], home);
    expect(run.code).not.toBe(0);
    const envelope = parseJsonOutput(run);
    expect(envelope.status).not.toBe(0);
    expect(envelope.name).toBe('INVALID_FIELD');
    expect(envelope.message).toContain("No such column 'Nope' on entity 'Account'");
  }, 30_000);
});
