/**
 * The Composite API: sObject Collections (up to 200 records per call, per-record
 * results, allOrNone), Composite (up to 25 subrequests in one transaction, with
 * `@{ref.field}` references between them) and Composite Batch (independent
 * subrequests).
 */
import type { ServerResponse } from 'node:http';
import { ApiError, type ApiErrorBody } from '../store/errors.ts';
import type { LocalOrgContext } from './context.ts';
import { isRecord, readJson, sendJson, type Exchange } from './exchange.ts';
import { accessOf, writerOf } from './routes-rest.ts';

const COLLECTION_LIMIT = 200;
const COMPOSITE_LIMIT = 25;

interface RecordResult {
  id?: string;
  success: boolean;
  errors: (Omit<ApiErrorBody, 'errorCode'> & { statusCode: string })[];
  created?: boolean;
}

function failure(error: unknown): RecordResult {
  const apiError = error instanceof ApiError ? error : new ApiError('UNKNOWN_EXCEPTION', String(error));
  return {
    success: false,
    errors: [{ statusCode: apiError.errorCode, message: apiError.message, fields: apiError.fields }],
  };
}

const ROLLED_BACK: RecordResult['errors'][number] = {
  statusCode: 'ALL_OR_NONE_OPERATION_ROLLED_BACK',
  message: 'Record rolled back because not all records were valid and the request was using AllOrNone header',
  fields: [],
};

async function collectionBody(
  exchange: Exchange,
): Promise<{ allOrNone: boolean; records: Record<string, unknown>[] }> {
  const body = await readJson(exchange);
  if (!isRecord(body) || !Array.isArray(body.records)) {
    throw new ApiError('JSON_PARSER_ERROR', 'The request body must be an object with a records array');
  }
  if (body.records.length > COLLECTION_LIMIT) {
    throw new ApiError(
      'EXCEEDED_ID_LIMIT',
      `record limit reached. cannot submit more than ${COLLECTION_LIMIT} records into this call`,
    );
  }
  return { allOrNone: body.allOrNone === true, records: body.records.filter(isRecord) };
}

/**
 * Applies `write` to each record, each in its own savepoint. With allOrNone, one
 * failure undoes every record and the others report ALL_OR_NONE_OPERATION_ROLLED_BACK.
 */
function writeEach(
  context: LocalOrgContext,
  records: Record<string, unknown>[],
  allOrNone: boolean,
  write: (record: Record<string, unknown>) => RecordResult,
): RecordResult[] {
  let results: RecordResult[] = [];
  try {
    context.store.transaction(() => {
      results = records.map((record) => {
        try {
          return context.store.transaction(() => write(record));
        } catch (error) {
          return failure(error);
        }
      });
      if (allOrNone && results.some((result) => !result.success)) throw new RolledBack();
    });
  } catch (error) {
    if (!(error instanceof RolledBack)) throw error;
    results = results.map((result) => (result.success ? { success: false, errors: [ROLLED_BACK] } : result));
  }
  return results;
}

class RolledBack extends Error {}

function typeOf(record: Record<string, unknown>): string {
  const attributes = record.attributes;
  const type = isRecord(attributes) ? attributes.type : undefined;
  if (typeof type !== 'string') {
    throw new ApiError('INVALID_TYPE', 'Must send a concrete entity type.', { fields: [] });
  }
  return type;
}

function fieldsOf(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([name]) => name !== 'attributes'));
}

/** A subrequest's string property (url, method, referenceId), or the fallback. */
function stringProperty(record: Record<string, unknown>, name: string, fallback = ''): string {
  const value = record[name];
  return typeof value === 'string' ? value : fallback;
}

export async function createCollection(exchange: Exchange, context: LocalOrgContext): Promise<void> {
  const user = writerOf(exchange, context);
  const { allOrNone, records } = await collectionBody(exchange);
  const results = writeEach(context, records, allOrNone, (record) => ({
    id: context.store.create(typeOf(record), fieldsOf(record), user),
    success: true,
    errors: [],
  }));
  sendJson(exchange, 200, results);
}

export async function updateCollection(exchange: Exchange, context: LocalOrgContext): Promise<void> {
  const user = writerOf(exchange, context);
  const { allOrNone, records } = await collectionBody(exchange);
  const results = writeEach(context, records, allOrNone, (record) => {
    // Field names are case-insensitive in the API; jsforce sends the id as "id".
    const entries = Object.entries(fieldsOf(record));
    const id = entries.find(([name]) => name.toLowerCase() === 'id')?.[1];
    const fields = Object.fromEntries(entries.filter(([name]) => name.toLowerCase() !== 'id'));
    if (typeof id !== 'string') throw new ApiError('MISSING_ARGUMENT', 'Id not specified in an update call');
    context.store.update(typeOf(record), id, fields, user);
    return { id, success: true, errors: [] };
  });
  sendJson(exchange, 200, results);
}

export async function upsertCollection(exchange: Exchange, context: LocalOrgContext): Promise<void> {
  const user = writerOf(exchange, context);
  const objectName = exchange.params.object ?? '';
  const fieldName = exchange.params.field ?? '';
  const { allOrNone, records } = await collectionBody(exchange);
  const results = writeEach(context, records, allOrNone, (record) => {
    const fields = fieldsOf(record);
    const key = Object.entries(fields).find(([name]) => name.toLowerCase() === fieldName.toLowerCase())?.[1];
    if (typeof key !== 'string' && typeof key !== 'number') {
      throw new ApiError('MISSING_ARGUMENT', `${fieldName} not specified`, { fields: [fieldName] });
    }
    const result = context.store.upsert(objectName, fieldName, String(key), fields, user);
    return { id: result.id, success: true, errors: [], created: result.created };
  });
  sendJson(exchange, 200, results);
}

export function deleteCollection(exchange: Exchange, context: LocalOrgContext): void {
  const user = writerOf(exchange, context);
  const ids = (exchange.url.searchParams.get('ids') ?? '').split(',').filter((id) => id !== '');
  if (ids.length > COLLECTION_LIMIT) {
    throw new ApiError(
      'EXCEEDED_ID_LIMIT',
      `record limit reached. cannot submit more than ${COLLECTION_LIMIT} records into this call`,
    );
  }
  const allOrNone = exchange.url.searchParams.get('allOrNone') === 'true';
  const results = writeEach(
    context,
    ids.map((id) => ({ Id: id })),
    allOrNone,
    (record) => {
      const id = String(record.Id);
      const object = context.schema.byKeyPrefix(id.slice(0, 3));
      if (!object) throw new ApiError('MALFORMED_ID', `malformed id ${id}`);
      context.store.delete(object.name, id, user);
      return { id, success: true, errors: [] };
    },
  );
  sendJson(
    exchange,
    200,
    results.map((result, i) => ({ ...result, id: result.id ?? ids[i] })),
  );
}

export function retrieveCollection(exchange: Exchange, context: LocalOrgContext): void {
  const access = accessOf(exchange, context);
  const objectName = exchange.params.object ?? '';
  const ids = (exchange.url.searchParams.get('ids') ?? '').split(',').filter((id) => id !== '');
  const fields = (exchange.url.searchParams.get('fields') ?? 'Id').split(',');
  const version = exchange.params.version ?? '64.0';
  sendJson(
    exchange,
    200,
    ids.map((id) => {
      try {
        return context.store.retrieve(objectName, id, version, fields, access);
      } catch {
        return null;
      }
    }),
  );
}

/** A response object that keeps what a handler writes, for a subrequest. */
class CapturedResponse {
  status = 200;
  headers: Record<string, string> = {};
  body = '';
  headersSent = false;

  writeHead(status: number, headers?: Record<string, string | number>): this {
    this.status = status;
    for (const [name, value] of Object.entries(headers ?? {})) this.headers[name] = String(value);
    this.headersSent = true;
    return this;
  }

  end(text?: string): void {
    this.body = text ?? '';
  }

  destroy(): void {
    this.body = '';
  }
}

export type Dispatch = (exchange: Exchange, context: LocalOrgContext) => Promise<void>;

/**
 * The resources a subrequest may call, as Salesforce allows in composite requests:
 * records, queries and collections. Besides matching Salesforce, it keeps every
 * subrequest free of real I/O, which the composite's open transaction relies on
 * (`OrgStore.transactionAsync`): a bulk upload inside it would let other requests'
 * writes slip into the transaction and be rolled back with it.
 */
const SUBREQUEST_RESOURCE =
  /^\/services\/data\/v\d+\.\d\/(sobjects|query|queryAll|composite\/sobjects|limits)(\/|$)/;

async function subrequest(
  parent: Exchange,
  context: LocalOrgContext,
  dispatch: Dispatch,
  method: string,
  url: string,
  body: unknown,
): Promise<{ status: number; body: unknown; headers: Record<string, string> }> {
  const target = new URL(url, context.instanceUrl);
  if (!SUBREQUEST_RESOURCE.test(target.pathname.replace(/\/{2,}/g, '/'))) {
    const refused = new ApiError(
      'INVALID_BATCH_REQUEST',
      `The resource ${target.pathname} is not supported in a composite request`,
    );
    return { status: refused.status, body: [refused.toBody()], headers: {} };
  }
  const captured = new CapturedResponse();
  const exchange: Exchange = {
    request: parent.request,
    response: captured as unknown as ServerResponse,
    method: method.toUpperCase(),
    url: target,
    params: {},
    ...(parent.session ? { session: parent.session } : {}),
    preloadedBody: body === undefined || body === null ? '' : JSON.stringify(body),
  };
  try {
    await dispatch(exchange, context);
  } catch (error) {
    const apiError =
      error instanceof ApiError ? error : new ApiError('UNKNOWN_EXCEPTION', String(error), { status: 500 });
    return { status: apiError.status, body: [apiError.toBody()], headers: {} };
  }
  let answer: unknown;
  try {
    answer = captured.body ? (JSON.parse(captured.body) as unknown) : null;
  } catch {
    // A subrequest that answers in another format (CSV) is passed on as text.
    answer = captured.body;
  }
  return { status: captured.status, body: answer, headers: captured.headers };
}

/** Replaces `@{refId.path}` with values from earlier subrequests' results. */
function resolveReferences(value: unknown, results: ReadonlyMap<string, unknown>): unknown {
  if (typeof value === 'string') {
    return value.replace(/@\{([\w-]+)\.([^}]+)\}/g, (whole, referenceId: string, path: string) => {
      if (!results.has(referenceId)) {
        throw new ApiError(
          'PROCESSING_HALTED',
          `Invalid reference specified. No value for ${referenceId}.${path} found in ${referenceId}. Provided referenceId ('${referenceId}') must start with a letter or a number, and it can contain only letters, numbers and underscores ('_').`,
        );
      }
      let current: unknown = results.get(referenceId);
      for (const part of path.replace(/\[(\d+)\]/g, '.$1').split('.')) {
        current =
          isRecord(current) || Array.isArray(current)
            ? (current as Record<string, unknown>)[part]
            : undefined;
      }
      if (current === undefined) {
        throw new ApiError(
          'PROCESSING_HALTED',
          `Invalid reference specified. No value for ${referenceId}.${path} found in ${referenceId}.`,
        );
      }
      return typeof current === 'string' ? current : JSON.stringify(current);
    });
  }
  if (Array.isArray(value)) return value.map((item) => resolveReferences(item, results));
  if (isRecord(value))
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolveReferences(v, results)]));
  return value;
}

export function compositeHandler(dispatch: Dispatch) {
  return async (exchange: Exchange, context: LocalOrgContext): Promise<void> => {
    accessOf(exchange, context);
    const body = await readJson(exchange);
    if (!isRecord(body) || !Array.isArray(body.compositeRequest)) {
      throw new ApiError(
        'JSON_PARSER_ERROR',
        'The request body must be an object with a compositeRequest array',
      );
    }
    const requests = body.compositeRequest.filter(isRecord);
    if (requests.length > COMPOSITE_LIMIT) {
      throw new ApiError(
        'INVALID_BATCH_REQUEST',
        `Limit exceeded: composite requests can contain at most ${COMPOSITE_LIMIT} subrequests`,
      );
    }
    const allOrNone = body.allOrNone === true;
    const results = new Map<string, unknown>();
    const responses: {
      body: unknown;
      httpHeaders: Record<string, string>;
      httpStatusCode: number;
      referenceId: string;
    }[] = [];
    const run = async (): Promise<boolean> => {
      for (const request of requests) {
        const referenceId = stringProperty(request, 'referenceId');
        let outcome;
        try {
          const url = resolveReferences(stringProperty(request, 'url'), results) as string;
          outcome = await subrequest(
            exchange,
            context,
            dispatch,
            stringProperty(request, 'method', 'GET'),
            url,
            resolveReferences(request.body, results),
          );
        } catch (error) {
          const apiError =
            error instanceof ApiError ? error : new ApiError('UNKNOWN_EXCEPTION', String(error));
          outcome = { status: 400, body: [apiError.toBody()], headers: {} };
        }
        responses.push({
          body: outcome.body,
          httpHeaders: outcome.headers.Location ? { Location: outcome.headers.Location } : {},
          httpStatusCode: outcome.status,
          referenceId,
        });
        if (outcome.status < 400) results.set(referenceId, outcome.body);
        else if (allOrNone) return false;
      }
      return true;
    };
    // The whole composite request is one transaction; with allOrNone a failure undoes it all.
    const outcome = { committed: true };
    try {
      await context.store.transactionAsync(async () => {
        outcome.committed = await run();
        if (!outcome.committed) throw new RolledBack();
      });
    } catch (error) {
      if (!(error instanceof RolledBack)) throw error;
    }
    if (!outcome.committed) {
      const halted = {
        message: 'The transaction was rolled back since another operation in the same transaction failed.',
        errorCode: 'PROCESSING_HALTED',
      };
      for (const response of responses) {
        if (response.httpStatusCode < 400)
          Object.assign(response, { body: [halted], httpStatusCode: 400, httpHeaders: {} });
      }
      for (const request of requests.slice(responses.length)) {
        responses.push({
          body: [halted],
          httpHeaders: {},
          httpStatusCode: 400,
          referenceId: stringProperty(request, 'referenceId'),
        });
      }
    }
    sendJson(exchange, 200, { compositeResponse: responses });
  };
}

export function batchHandler(dispatch: Dispatch) {
  return async (exchange: Exchange, context: LocalOrgContext): Promise<void> => {
    accessOf(exchange, context);
    const body = await readJson(exchange);
    if (!isRecord(body) || !Array.isArray(body.batchRequests)) {
      throw new ApiError(
        'JSON_PARSER_ERROR',
        'The request body must be an object with a batchRequests array',
      );
    }
    const requests = body.batchRequests.filter(isRecord);
    if (requests.length > COMPOSITE_LIMIT) {
      throw new ApiError(
        'INVALID_BATCH_REQUEST',
        `Limit exceeded: batch requests can contain at most ${COMPOSITE_LIMIT} subrequests`,
      );
    }
    const version = exchange.params.version ?? '64.0';
    const results: { statusCode: number; result: unknown }[] = [];
    let halted = false;
    for (const request of requests) {
      if (halted) {
        results.push({
          statusCode: 412,
          result: [{ errorCode: 'BATCH_PROCESSING_HALTED', message: 'Batch processing halted per request' }],
        });
        continue;
      }
      // Batch subrequest URLs are relative to the version: "v64.0/sobjects/Account".
      const relative = stringProperty(request, 'url').replace(/^\/?(services\/data\/)?/, '');
      const url = `/services/data/${relative.startsWith('v') ? relative : `v${version}/${relative}`}`;
      const outcome = await subrequest(
        exchange,
        context,
        dispatch,
        stringProperty(request, 'method', 'GET'),
        url,
        request.richInput,
      );
      results.push({ statusCode: outcome.status, result: outcome.body });
      if (outcome.status >= 400 && body.haltOnError === true) halted = true;
    }
    sendJson(exchange, 200, { hasErrors: results.some((result) => result.statusCode >= 400), results });
  };
}
