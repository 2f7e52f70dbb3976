/**
 * The REST API under /services/data: versions, resources, limits, describe,
 * record CRUD and upsert, query and queryAll with paging.
 */
import { describeQueryColumns, executeSoql } from '../soql/index.ts';
import { describeGlobal, describeSObject, sobjectSummary } from '../schema/describe.ts';
import { ApiError, notFound } from '../store/errors.ts';
import type { WriteContext } from '../store/org-store.ts';
import { soqlContextFor, type RecordAccess } from '../sharing/access.ts';
import { API_VERSIONS, type LocalOrgContext } from './context.ts';
import { isRecord, readJson, sendJson, sendNoContent, sessionUserId, type Exchange } from './exchange.ts';

const DEFAULT_BATCH_SIZE = 2000;

/** The signed-in user's record access: what it sees of the schema and the rows. */
export function accessOf(exchange: Exchange, context: LocalOrgContext): RecordAccess {
  return context.access.forUser(sessionUserId(exchange));
}

/** Who writes, with the record access its writes are checked against. */
export function writerOf(exchange: Exchange, context: LocalOrgContext): WriteContext {
  const access = accessOf(exchange, context);
  return { userId: access.userId, access };
}

function version(exchange: Exchange): string {
  return exchange.params.version ?? '64.0';
}

export function versions(exchange: Exchange): void {
  sendJson(
    exchange,
    200,
    API_VERSIONS.map((v) => ({ label: `Version ${v}`, url: `/services/data/v${v}`, version: v })),
  );
}

export function resources(exchange: Exchange): void {
  const base = `/services/data/v${version(exchange)}`;
  const names = [
    'sobjects',
    'query',
    'queryAll',
    'composite',
    'limits',
    'jobs',
    'search',
    'tooling',
    'recent',
  ];
  sendJson(exchange, 200, Object.fromEntries(names.map((name) => [name, `${base}/${name}`])));
}

export function limits(exchange: Exchange): void {
  const limit = (max: number, remaining = max): { Max: number; Remaining: number } => ({
    Max: max,
    Remaining: remaining,
  });
  sendJson(exchange, 200, {
    DailyApiRequests: limit(15000000),
    DailyBulkApiBatches: limit(15000),
    DailyBulkV2QueryJobs: limit(10000),
    DailyBulkV2QueryFileStorageMB: limit(976562),
    DataStorageMB: limit(1024),
    FileStorageMB: limit(1024),
    SingleEmail: limit(5000),
  });
}

export function globalDescribe(exchange: Exchange, context: LocalOrgContext): void {
  sendJson(exchange, 200, describeGlobal(accessOf(exchange, context).schema, version(exchange)));
}

function objectOf(
  exchange: Exchange,
  context: LocalOrgContext,
): ReturnType<LocalOrgContext['store']['object']> {
  const object = accessOf(exchange, context).schema.object(exchange.params.object ?? '');
  if (!object) throw notFound();
  return object;
}

export function objectSummary(exchange: Exchange, context: LocalOrgContext): void {
  const object = objectOf(exchange, context);
  sendJson(exchange, 200, { objectDescribe: sobjectSummary(object, version(exchange)), recentItems: [] });
}

export function objectDescribe(exchange: Exchange, context: LocalOrgContext): void {
  sendJson(exchange, 200, describeSObject(objectOf(exchange, context), version(exchange)));
}

async function recordBody(exchange: Exchange): Promise<Record<string, unknown>> {
  const body = await readJson(exchange);
  if (!isRecord(body)) throw new ApiError('JSON_PARSER_ERROR', 'The request body must be a JSON object');
  return body;
}

export async function createRecord(exchange: Exchange, context: LocalOrgContext): Promise<void> {
  const object = objectOf(exchange, context);
  const id = context.store.create(object.name, await recordBody(exchange), writerOf(exchange, context));
  sendJson(exchange, 201, { id, success: true, errors: [] });
}

export function getRecord(exchange: Exchange, context: LocalOrgContext): void {
  const object = objectOf(exchange, context);
  const fields = exchange.url.searchParams.get('fields');
  const record = context.store.retrieve(
    object.name,
    exchange.params.id ?? '',
    version(exchange),
    fields ? fields.split(',') : undefined,
    accessOf(exchange, context),
  );
  sendJson(exchange, 200, record);
}

export async function updateRecord(exchange: Exchange, context: LocalOrgContext): Promise<void> {
  const object = objectOf(exchange, context);
  context.store.update(
    object.name,
    exchange.params.id ?? '',
    await recordBody(exchange),
    writerOf(exchange, context),
  );
  sendNoContent(exchange);
}

export function deleteRecord(exchange: Exchange, context: LocalOrgContext): void {
  const object = objectOf(exchange, context);
  context.store.delete(object.name, exchange.params.id ?? '', writerOf(exchange, context));
  sendNoContent(exchange);
}

export async function upsertRecord(exchange: Exchange, context: LocalOrgContext): Promise<void> {
  const object = objectOf(exchange, context);
  const result = context.store.upsert(
    object.name,
    exchange.params.field ?? '',
    exchange.params.value ?? '',
    await recordBody(exchange),
    writerOf(exchange, context),
  );
  // Salesforce answers a created record with 201 and an updated one with 200, both with a body.
  sendJson(exchange, result.created ? 201 : 200, {
    id: result.id,
    success: true,
    errors: [],
    created: result.created,
  });
}

export function getRecordByExternalId(exchange: Exchange, context: LocalOrgContext): void {
  const object = objectOf(exchange, context);
  const access = accessOf(exchange, context);
  const field = access.schema.field(object.name, exchange.params.field ?? '');
  if (!field?.externalId) {
    throw new ApiError(
      'NOT_FOUND',
      `Provided external ID field does not exist or is not accessible: ${exchange.params.field ?? ''}`,
      {
        status: 404,
      },
    );
  }
  const [id] = context.store.idsByField(object, field, exchange.params.value ?? '', 1, access);
  if (!id) throw notFound();
  sendJson(exchange, 200, context.store.retrieve(object.name, id, version(exchange), undefined, access));
}

function batchSize(exchange: Exchange): number {
  // Sforce-Query-Options: batchSize=N, between 200 and 2000 (Salesforce treats the size as a hint).
  const header = exchange.request.headers['sforce-query-options'];
  const match = /batchSize=(\d+)/i.exec(Array.isArray(header) ? header.join(',') : (header ?? ''));
  const requested = match ? Number(match[1]) : DEFAULT_BATCH_SIZE;
  return Math.min(DEFAULT_BATCH_SIZE, Math.max(200, requested));
}

function sendPage(
  exchange: Exchange,
  context: LocalOrgContext,
  records: unknown[],
  totalSize: number,
  offset: number,
  cursorId: string | null,
): void {
  const size = batchSize(exchange);
  const page = records.slice(offset, offset + size);
  const next = offset + size;
  if (next >= records.length) {
    if (cursorId) context.cursors.close(cursorId);
    sendJson(exchange, 200, { totalSize, done: true, records: page });
    return;
  }
  const id = cursorId ?? context.cursors.open(sessionUserId(exchange), records, totalSize);
  sendJson(exchange, 200, {
    totalSize,
    done: false,
    nextRecordsUrl: `/services/data/v${version(exchange)}/query/${id}-${next}`,
    records: page,
  });
}

function runQuery(exchange: Exchange, context: LocalOrgContext, includeDeleted: boolean): void {
  const access = accessOf(exchange, context);
  const soql = exchange.url.searchParams.get('q');
  if (!soql) throw new ApiError('MALFORMED_QUERY', 'A query string must be provided via the q parameter');
  const soqlContext = soqlContextFor(access, {
    db: context.store.db,
    apiVersion: version(exchange),
    now: context.now(),
    includeDeleted,
  });
  // `columns=true` asks for the query's column metadata instead of its records (sf data query does).
  if (exchange.url.searchParams.get('columns') === 'true') {
    sendJson(exchange, 200, describeQueryColumns(soql, soqlContext));
    return;
  }
  const result = executeSoql(soql, soqlContext);
  sendPage(exchange, context, result.records, result.totalSize, 0, null);
}

export function query(exchange: Exchange, context: LocalOrgContext): void {
  runQuery(exchange, context, false);
}

export function queryAll(exchange: Exchange, context: LocalOrgContext): void {
  runQuery(exchange, context, true);
}

export function queryMore(exchange: Exchange, context: LocalOrgContext): void {
  sessionUserId(exchange);
  const locator = exchange.params.locator ?? '';
  const dash = locator.lastIndexOf('-');
  const cursorId = dash > 0 ? locator.slice(0, dash) : locator;
  const offset = dash > 0 ? Number(locator.slice(dash + 1)) : 0;
  const cursor = context.cursors.get(cursorId, sessionUserId(exchange));
  if (!cursor || !Number.isInteger(offset)) {
    throw new ApiError('INVALID_QUERY_LOCATOR', 'invalid query locator', { status: 400 });
  }
  sendPage(exchange, context, cursor.records, cursor.totalSize, offset, cursorId);
}

function userRecordOf(exchange: Exchange, context: LocalOrgContext): string {
  const access = accessOf(exchange, context);
  // Setting a password is an admin's act (Manage Users); a partner cannot even see that it exists.
  if (access.restricted) throw notFound();
  const user = context.store.retrieve('User', exchange.params.id ?? '', version(exchange), ['Id'], access);
  return String(user.Id);
}

/** `GET /sobjects/User/{id}/password`: whether the password has expired (local passwords never do). */
export function passwordStatus(exchange: Exchange, context: LocalOrgContext): void {
  userRecordOf(exchange, context);
  sendJson(exchange, 200, { isExpired: false });
}

/** `POST /sobjects/User/{id}/password` with `{NewPassword}`: sets a user's password, as an admin does. */
export async function setPassword(exchange: Exchange, context: LocalOrgContext): Promise<void> {
  const userId = userRecordOf(exchange, context);
  const body = await recordBody(exchange);
  const password = body.NewPassword;
  if (
    typeof password !== 'string' ||
    password.length < 8 ||
    !/[A-Za-z]/.test(password) ||
    !/\d/.test(password)
  ) {
    throw new ApiError(
      'INVALID_NEW_PASSWORD',
      'Your password must be at least 8 characters long and have a mix of letters and numbers.',
    );
  }
  context.sessions.setPassword(userId, password);
  sendNoContent(exchange);
}
