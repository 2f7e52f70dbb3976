/**
 * The local org's HTTP server: routes, the bearer-token gate, and Salesforce's
 * error shapes for whatever goes wrong. It listens on 127.0.0.1 only.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApiError } from '../store/errors.ts';
import type { LocalOrgContext } from './context.ts';
import { sendError, type Exchange } from './exchange.ts';
import {
  batchHandler,
  compositeHandler,
  createCollection,
  deleteCollection,
  retrieveCollection,
  updateCollection,
  upsertCollection,
} from './routes-composite.ts';
import * as bulk from './routes-bulk.ts';
import * as oauth from './routes-oauth.ts';
import { faultSettings, setFaultSettings } from './routes-faults.ts';
import * as rest from './routes-rest.ts';

type Handler = (exchange: Exchange, context: LocalOrgContext) => void | Promise<void>;

interface Route {
  method: string;
  pattern: RegExp;
  names: string[];
  handler: Handler;
  /** False only for the token endpoint and the versions list, which a client calls before it has a token. */
  authenticated: boolean;
}

const routes: Route[] = [];

function route(method: string, path: string, handler: Handler, authenticated = true): void {
  const names: string[] = [];
  const source = path.replace(/:(\w+)/g, (_, name: string) => {
    names.push(name);
    return name === 'version' ? '(\\d+\\.\\d)' : '([^/]+)';
  });
  routes.push({ method, pattern: new RegExp(`^${source}/?$`), names, handler, authenticated });
}

const DATA = '/services/data/v:version';
route('POST', '/services/oauth2/token', oauth.token, false);
route('GET', '/services/oauth2/userinfo', oauth.userinfo);
route('POST', '/services/oauth2/revoke', oauth.revoke, false);
route('GET', '/id/:org/:user', oauth.identity);
route('GET', '/trellis/faults', faultSettings);
route('PUT', '/trellis/faults', setFaultSettings);
route('GET', '/services/data', rest.versions, false);
route('GET', DATA, rest.resources);
route('GET', `${DATA}/limits`, rest.limits);
route('GET', `${DATA}/sobjects`, rest.globalDescribe);
route('GET', `${DATA}/sobjects/:object`, rest.objectSummary);
route('POST', `${DATA}/sobjects/:object`, rest.createRecord);
route('GET', `${DATA}/sobjects/:object/describe`, rest.objectDescribe);
route('GET', `${DATA}/sobjects/:object/:id`, rest.getRecord);
route('PATCH', `${DATA}/sobjects/:object/:id`, rest.updateRecord);
route('DELETE', `${DATA}/sobjects/:object/:id`, rest.deleteRecord);
// Before the external-id routes, whose pattern `User/{id}/password` would match too.
route('GET', `${DATA}/sobjects/User/:id/password`, rest.passwordStatus);
route('POST', `${DATA}/sobjects/User/:id/password`, rest.setPassword);
route('GET', `${DATA}/sobjects/:object/:field/:value`, rest.getRecordByExternalId);
route('PATCH', `${DATA}/sobjects/:object/:field/:value`, rest.upsertRecord);
route('GET', `${DATA}/query`, rest.query);
route('GET', `${DATA}/query/:locator`, rest.queryMore);
route('GET', `${DATA}/queryAll`, rest.queryAll);
route('GET', `${DATA}/queryAll/:locator`, rest.queryMore);
route('POST', `${DATA}/composite/sobjects`, createCollection);
route('PATCH', `${DATA}/composite/sobjects`, updateCollection);
route('DELETE', `${DATA}/composite/sobjects`, deleteCollection);
route('GET', `${DATA}/composite/sobjects/:object`, retrieveCollection);
route('PATCH', `${DATA}/composite/sobjects/:object/:field`, upsertCollection);
route('POST', `${DATA}/jobs/ingest`, bulk.createIngestJob);
route('GET', `${DATA}/jobs/ingest`, bulk.listIngestJobs);
route('GET', `${DATA}/jobs/ingest/:jobId`, bulk.getIngestJob);
route('PATCH', `${DATA}/jobs/ingest/:jobId`, bulk.patchIngestJob);
route('DELETE', `${DATA}/jobs/ingest/:jobId`, bulk.deleteIngestJob);
route('PUT', `${DATA}/jobs/ingest/:jobId/batches`, bulk.uploadJobData);
route('GET', `${DATA}/jobs/ingest/:jobId/successfulResults`, bulk.successfulResults);
route('GET', `${DATA}/jobs/ingest/:jobId/failedResults`, bulk.failedResults);
route('GET', `${DATA}/jobs/ingest/:jobId/unprocessedrecords`, bulk.unprocessedRecords);
route('POST', `${DATA}/jobs/query`, bulk.createQueryJob);
route('GET', `${DATA}/jobs/query`, bulk.listQueryJobs);
route('GET', `${DATA}/jobs/query/:jobId`, bulk.getQueryJob);
route('PATCH', `${DATA}/jobs/query/:jobId`, bulk.patchQueryJob);
route('DELETE', `${DATA}/jobs/query/:jobId`, bulk.deleteQueryJob);
route('GET', `${DATA}/jobs/query/:jobId/results`, bulk.queryResults);
// Composite handlers re-enter the router for their subrequests.
route(
  'POST',
  `${DATA}/composite`,
  compositeHandler((exchange, context) => dispatch(exchange, context)),
);
route(
  'POST',
  `${DATA}/composite/batch`,
  batchHandler((exchange, context) => dispatch(exchange, context)),
);

function bearerToken(request: IncomingMessage): string | null {
  const header = request.headers.authorization ?? '';
  const match = /^(?:Bearer|OAuth)\s+(.+)$/i.exec(header);
  return match?.[1]?.trim() ?? null;
}

export function asApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  const coded = error as { errorCode?: unknown; message?: unknown };
  if (typeof coded.errorCode === 'string' && typeof coded.message === 'string') {
    // Errors of the SOQL engine carry Salesforce's codes already.
    return new ApiError(coded.errorCode as ApiError['errorCode'], coded.message);
  }
  return new ApiError(
    'UNKNOWN_EXCEPTION',
    'An unexpected error occurred. Please include this ErrorId if you contact support',
    {
      status: 500,
    },
  );
}

/**
 * Routes one exchange to its handler. A composite subrequest arrives with its
 * parent's session already set and is not authenticated again.
 */
export async function dispatch(exchange: Exchange, context: LocalOrgContext): Promise<void> {
  const path = decodeURI(exchange.url.pathname);
  const candidates = routes.filter((candidate) => candidate.pattern.test(path));
  if (candidates.length === 0) {
    throw new ApiError('NOT_FOUND', 'The requested resource does not exist', { status: 404 });
  }
  const matched = candidates.find((candidate) => candidate.method === exchange.method);
  if (!matched) {
    const allowed = candidates.map((candidate) => candidate.method).join(',');
    throw new ApiError(
      'METHOD_NOT_ALLOWED',
      `HTTP Method '${exchange.method}' not allowed. Allowed are ${allowed}`,
      {
        status: 405,
      },
    );
  }
  const values = matched.pattern.exec(path)?.slice(1) ?? [];
  matched.names.forEach((name, i) => {
    exchange.params[name] = values[i] ?? '';
  });
  if (matched.authenticated && !exchange.session) {
    const token = bearerToken(exchange.request);
    const session = token ? context.sessions.verify(token) : undefined;
    if (!session) throw new ApiError('INVALID_SESSION_ID', 'Session expired or invalid', { status: 401 });
    exchange.session = session;
  }
  await matched.handler(exchange, context);
}

/**
 * The request target with runs of slashes in its path collapsed, as Salesforce's servers do.
 * `sf org login access-token` stores the instance URL with a trailing slash (`http://host:port/`),
 * and jsforce joins it with `/services/data/...`, so every later sf request asks for
 * `//services/data/...`; `new URL('//services/...', base)` would read that as a host named
 * `services` and lose the path.
 */
function requestPath(target: string): string {
  const query = target.indexOf('?');
  const path = query === -1 ? target : target.slice(0, query);
  const rest = query === -1 ? '' : target.slice(query);
  return path.replace(/\/{2,}/g, '/') + rest;
}

async function handle(
  request: IncomingMessage,
  response: ServerResponse,
  context: LocalOrgContext,
): Promise<void> {
  const url = new URL(requestPath(request.url ?? '/'), context.instanceUrl);
  const method = (request.method ?? 'GET').toUpperCase();
  // Clients that cannot send PATCH tunnel it through POST with _HttpMethod, as Salesforce allows.
  const effectiveMethod =
    method === 'POST' && url.searchParams.get('_HttpMethod') === 'PATCH' ? 'PATCH' : method;
  const exchange: Exchange = { request, response, method: effectiveMethod, url, params: {} };
  try {
    // Faults never touch logging in or the switch that turns them off.
    const exempt = url.pathname.startsWith('/services/oauth2/') || url.pathname.startsWith('/trellis/');
    if (!exempt && (await context.faults.apply(exchange))) return;
    await dispatch(exchange, context);
  } catch (error) {
    if (!response.headersSent) sendError(exchange, asApiError(error));
    else response.destroy();
  }
}

export interface ListeningServer {
  server: Server;
  url: string;
  port: number;
}

/** Listens on 127.0.0.1 (never another interface); port 0 picks a free one. */
export async function listen(context: LocalOrgContext, port: number): Promise<ListeningServer> {
  const server = createServer((request, response) => {
    void handle(request, response, context);
  });
  // A large bulk query holds the event loop for seconds. With Node's 5 s keep-alive the server then
  // closes idle pooled sockets just as a client's next poll arrives on one (ECONNRESET); the longer
  // timeout of a load balancer in front of an org keeps them open through the pause.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${address.port}`;
  context.instanceUrl = url;
  return { server, url, port: address.port };
}
