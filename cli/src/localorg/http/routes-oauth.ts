/**
 * OAuth endpoints as a real org answers them: the username-password and
 * client-credentials token flows, userinfo, and revoke. Errors use OAuth's own
 * shape (`{error, error_description}`), not the REST API's.
 */
import { ApiError } from '../store/errors.ts';
import type { LocalOrgContext } from './context.ts';
import { readBody, sendJson, type Exchange } from './exchange.ts';

function oauthError(exchange: Exchange, status: number, error: string, description: string): void {
  sendJson(exchange, status, { error, error_description: description });
}

function tokenResponse(context: LocalOrgContext, token: string, userId: string): Record<string, string> {
  return {
    access_token: token,
    instance_url: context.instanceUrl,
    id: `${context.instanceUrl}/id/${context.identity.orgId}/${userId}`,
    token_type: 'Bearer',
    issued_at: String(Date.now()),
    signature: '',
  };
}

export async function token(exchange: Exchange, context: LocalOrgContext): Promise<void> {
  const text = await readBody(exchange);
  const form = new URLSearchParams(text);
  const grant = form.get('grant_type');
  if (grant === 'password') {
    const username = form.get('username') ?? '';
    const password = form.get('password') ?? '';
    const user = context.store.db
      .prepare('SELECT "Id", "Username", "IsActive" FROM "User" WHERE "Username" = ? AND "IsDeleted" = 0')
      .get(username) as { Id: string; Username: string; IsActive: number } | undefined;
    if (!user || user.IsActive !== 1 || !context.sessions.checkPassword(user.Id, password)) {
      oauthError(exchange, 400, 'invalid_grant', 'authentication failure');
      return;
    }
    const issued = context.sessions.issue({
      userId: user.Id,
      orgId: context.identity.orgId,
      username: user.Username,
    });
    sendJson(exchange, 200, tokenResponse(context, issued, user.Id));
    return;
  }
  if (grant === 'client_credentials') {
    // The local org has one connected app: its client secret is the admin's password, so that
    // pipelines configured for a real org's client-credentials flow work here unchanged.
    const secret = form.get('client_secret') ?? '';
    const { adminUserId, adminUsername, orgId } = context.identity;
    if (!context.sessions.checkPassword(adminUserId, secret)) {
      oauthError(exchange, 400, 'invalid_client', 'invalid client credentials');
      return;
    }
    const issued = context.sessions.issue({ userId: adminUserId, orgId, username: adminUsername });
    sendJson(exchange, 200, tokenResponse(context, issued, adminUserId));
    return;
  }
  oauthError(exchange, 400, 'unsupported_grant_type', 'grant type not supported');
}

type UserRow = Record<string, string | number | null>;

/** The signed-in user's record, as userinfo and the identity URL both describe it. */
function sessionUser(context: LocalOrgContext, userId: string): UserRow | undefined {
  return context.store.db
    .prepare(
      'SELECT "Username", "Name", "FirstName", "LastName", "Email", "UserType", "LocaleSidKey", "LanguageLocaleKey", "TimeZoneSidKey", "IsActive" FROM "User" WHERE "Id" = ?',
    )
    .get(userId) as UserRow | undefined;
}

export function userinfo(exchange: Exchange, context: LocalOrgContext): void {
  const session = exchange.session;
  if (!session) throw new ApiError('INVALID_SESSION_ID', 'Session expired or invalid', { status: 401 });
  const user = sessionUser(context, session.userId);
  if (!user) throw new ApiError('INVALID_SESSION_ID', 'Session expired or invalid', { status: 401 });
  const base = `${context.instanceUrl}/services/data/v{version}`;
  sendJson(exchange, 200, {
    sub: `${context.instanceUrl}/id/${session.orgId}/${session.userId}`,
    user_id: session.userId,
    organization_id: session.orgId,
    preferred_username: user.Username,
    nickname: user.FirstName ?? user.LastName,
    name: user.Name,
    given_name: user.FirstName,
    family_name: user.LastName,
    email: user.Email,
    email_verified: true,
    zoneinfo: user.TimeZoneSidKey,
    locale: user.LocaleSidKey,
    language: user.LanguageLocaleKey,
    user_type: String(user.UserType ?? 'STANDARD').toUpperCase(),
    active: user.IsActive === 1,
    is_app_installed: true,
    utcOffset: 0,
    updated_at: new Date().toISOString(),
    urls: {
      enterprise: `${context.instanceUrl}/services/Soap/c/{version}/${session.orgId.slice(0, 15)}`,
      partner: `${context.instanceUrl}/services/Soap/u/{version}/${session.orgId.slice(0, 15)}`,
      rest: `${base}/`,
      sobjects: `${base}/sobjects/`,
      search: `${base}/search/`,
      query: `${base}/query/`,
      recent: `${base}/recent/`,
      profile: `${context.instanceUrl}/${session.userId}`,
      custom_domain: context.instanceUrl,
    },
  });
}

/** The identity URL a token response names (`id`): who the token belongs to, in the Identity Service's shape. */
export function identity(exchange: Exchange, context: LocalOrgContext): void {
  const session = exchange.session;
  if (!session || exchange.params.user !== session.userId || exchange.params.org !== session.orgId) {
    throw new ApiError('NOT_FOUND', 'The requested resource does not exist', { status: 404 });
  }
  const user = sessionUser(context, session.userId);
  if (!user) throw new ApiError('NOT_FOUND', 'The requested resource does not exist', { status: 404 });
  const base = `${context.instanceUrl}/services/data/v{version}`;
  sendJson(exchange, 200, {
    id: `${context.instanceUrl}/id/${session.orgId}/${session.userId}`,
    asserted_user: true,
    user_id: session.userId,
    organization_id: session.orgId,
    username: user.Username,
    nick_name: user.FirstName ?? user.LastName,
    display_name: user.Name,
    email: user.Email,
    email_verified: true,
    first_name: user.FirstName,
    last_name: user.LastName,
    timezone: user.TimeZoneSidKey,
    active: user.IsActive === 1,
    user_type: String(user.UserType ?? 'STANDARD').toUpperCase(),
    language: user.LanguageLocaleKey,
    locale: user.LocaleSidKey,
    utcOffset: 0,
    last_modified_date: new Date().toISOString(),
    is_app_installed: true,
    urls: {
      rest: `${base}/`,
      sobjects: `${base}/sobjects/`,
      query: `${base}/query/`,
      profile: `${context.instanceUrl}/${session.userId}`,
    },
  });
}

export async function revoke(exchange: Exchange, context: LocalOrgContext): Promise<void> {
  const form = new URLSearchParams(await readBody(exchange));
  const tokenToRevoke = form.get('token') ?? exchange.url.searchParams.get('token');
  if (tokenToRevoke) context.sessions.revoke(tokenToRevoke);
  exchange.response.writeHead(200);
  exchange.response.end();
}
