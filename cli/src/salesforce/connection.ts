/**
 * Connections to an org, the same whatever the org is: an alias or username
 * from the sf auth store (through @salesforce/core), or the settings of `.env`
 * (an access token, or a username and password). Nothing here knows whether the
 * org is a real one or the local org.
 */
import { AuthInfo, Connection, Org } from '@salesforce/core';
import { loadEnv, type TrellisEnv } from '../config/env.ts';

export type OrgConnection = Connection;

/** The connection `-o/--target-org` names (an SfCommand resolves the flag to an Org). */
export function connectionOf(org: Org, apiVersion?: string): OrgConnection {
  return org.getConnection(apiVersion);
}

export async function connectByAlias(aliasOrUsername: string, apiVersion?: string): Promise<OrgConnection> {
  const org = await Org.create({ aliasOrUsername });
  return connectionOf(org, apiVersion);
}

/**
 * A connection from environment variables / `.env`: SF_INSTANCE_URL with
 * SF_ACCESS_TOKEN, or SF_LOGIN_URL with SF_USERNAME and SF_PASSWORD (OAuth
 * password flow). Undefined when neither is configured.
 */
export async function connectFromEnv(env: TrellisEnv = loadEnv()): Promise<OrgConnection | undefined> {
  if (env.SF_INSTANCE_URL && env.SF_ACCESS_TOKEN) {
    const authInfo = await AuthInfo.create({
      accessTokenOptions: {
        accessToken: env.SF_ACCESS_TOKEN,
        instanceUrl: env.SF_INSTANCE_URL,
        loginUrl: env.SF_INSTANCE_URL,
      },
    });
    return Connection.create({
      authInfo,
      ...(env.SF_API_VERSION ? { connectionOptions: { version: env.SF_API_VERSION } } : {}),
    });
  }
  if (env.SF_LOGIN_URL && env.SF_USERNAME && env.SF_PASSWORD) {
    const token = await passwordFlow(
      env.SF_LOGIN_URL,
      env.SF_USERNAME,
      env.SF_PASSWORD,
      env.SF_CLIENT_ID,
      env.SF_CLIENT_SECRET,
    );
    const authInfo = await AuthInfo.create({
      accessTokenOptions: {
        accessToken: token.accessToken,
        instanceUrl: token.instanceUrl,
        loginUrl: env.SF_LOGIN_URL,
      },
    });
    return Connection.create({
      authInfo,
      ...(env.SF_API_VERSION ? { connectionOptions: { version: env.SF_API_VERSION } } : {}),
    });
  }
  return undefined;
}

/** The OAuth username-password flow: a token and the instance it is for. */
export async function passwordFlow(
  loginUrl: string,
  username: string,
  password: string,
  clientId: string | undefined,
  clientSecret: string | undefined,
): Promise<{ accessToken: string; instanceUrl: string }> {
  const form = new URLSearchParams({ grant_type: 'password', username, password });
  if (clientId) form.set('client_id', clientId);
  if (clientSecret) form.set('client_secret', clientSecret);
  const response = await fetch(new URL('/services/oauth2/token', loginUrl), {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: form,
  });
  const body = (await response.json()) as {
    access_token?: string;
    instance_url?: string;
    error_description?: string;
  };
  if (!response.ok || !body.access_token || !body.instance_url) {
    // The password never appears in the message; only the user and the org's own reason do.
    throw new Error(
      `login as ${username} at ${loginUrl} failed: ${body.error_description ?? `HTTP ${response.status}`}`,
    );
  }
  return { accessToken: body.access_token, instanceUrl: body.instance_url };
}
