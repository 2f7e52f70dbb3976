/**
 * Bulk API 2.0 under /services/data/vNN.N/jobs: ingest jobs (create, upload CSV,
 * close or abort, status, successful / failed / unprocessed records, list,
 * delete) and query jobs (create, status, results in pages, abort, list,
 * delete), answered as Salesforce answers them, errors included.
 */
import { createReadStream } from 'node:fs';
import { once } from 'node:events';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import { LINE_ENDINGS, COLUMN_DELIMITERS } from '../bulk/csv.ts';
import { BulkError } from '../bulk/errors.ts';
import { jobInfo, jobListEntry, jobSummary } from '../bulk/info.ts';
import { resultHeader, uploadedHeader } from '../bulk/ingest.ts';
import type { BulkJob, JobType } from '../bulk/job-store.ts';
import { decodeLocator, resultPage } from '../bulk/query.ts';
import type { LocalOrgContext } from './context.ts';
import { isRecord, readJson, sendJson, sessionUserId, type Exchange } from './exchange.ts';

type Handler = (exchange: Exchange, context: LocalOrgContext) => void | Promise<void>;

/** Query result rows per page when the client does not say (`maxRecords`). */
export const DEFAULT_MAX_RECORDS = 50_000;

/** Bulk errors travel as `[{errorCode, message}]`; everything else as the other routes answer it. */
function bulkRoute(handler: Handler): Handler {
  return async (exchange, context) => {
    try {
      await handler(exchange, context);
    } catch (error) {
      if (!(error instanceof BulkError)) throw error;
      sendJson(exchange, error.status, error.toBody());
    }
  };
}

function version(exchange: Exchange): string {
  return exchange.params.version ?? '64.0';
}

function jobId(exchange: Exchange): string {
  return exchange.params.jobId ?? '';
}

async function jsonBody(exchange: Exchange): Promise<Record<string, unknown>> {
  const body = await readJson(exchange);
  if (!isRecord(body)) throw new BulkError('JSON_PARSER_ERROR', 'The request body must be a JSON object');
  return body;
}

function sendCsv(exchange: Exchange, headers: Record<string, string | number> = {}): void {
  exchange.response.writeHead(200, {
    'Content-Type': 'text/csv',
    'Cache-Control': 'no-cache,must-revalidate,max-age=0,no-store,private',
    ...headers,
  });
}

/** Writes `parts` to the response, waiting whenever the client reads slower than they come. */
async function writeAll(exchange: Exchange, parts: Iterable<string>): Promise<void> {
  const response = exchange.response;
  for (const part of parts) {
    if (!response.write(part)) await once(response, 'drain');
  }
  response.end();
}

/* ------------------------------------------------------------------ ingest */

export const createIngestJob = bulkRoute(async (exchange, context) => {
  const body = await jsonBody(exchange);
  const job = context.bulk.createIngestJob(body, sessionUserId(exchange), version(exchange));
  sendJson(exchange, 200, jobSummary(job));
});

function listJobs(jobType: JobType): Handler {
  return bulkRoute((exchange, context) => {
    sendJson(exchange, 200, {
      done: true,
      records: context.bulk.list(jobType, sessionUserId(exchange)).map(jobListEntry),
      nextRecordsUrl: null,
    });
  });
}

export const listIngestJobs = listJobs('V2Ingest');
export const listQueryJobs = listJobs('V2Query');

function getJob(jobType: JobType): Handler {
  return bulkRoute((exchange, context) => {
    sendJson(exchange, 200, jobInfo(context.bulk.getFor(jobId(exchange), jobType, sessionUserId(exchange))));
  });
}

export const getIngestJob = getJob('V2Ingest');
export const getQueryJob = getJob('V2Query');

function patchJob(jobType: JobType): Handler {
  return bulkRoute(async (exchange, context) => {
    context.bulk.getFor(jobId(exchange), jobType, sessionUserId(exchange));
    const body = await jsonBody(exchange);
    sendJson(exchange, 200, jobSummary(context.bulk.setState(jobId(exchange), jobType, body.state)));
  });
}

export const patchIngestJob = patchJob('V2Ingest');
export const patchQueryJob = patchJob('V2Query');

function deleteJob(jobType: JobType): Handler {
  return bulkRoute((exchange, context) => {
    context.bulk.getFor(jobId(exchange), jobType, sessionUserId(exchange));
    context.bulk.delete(jobId(exchange), jobType);
    exchange.response.writeHead(204);
    exchange.response.end();
  });
}

export const deleteIngestJob = deleteJob('V2Ingest');
export const deleteQueryJob = deleteJob('V2Query');

/** Reads what is left of a request the answer does not need, so that the client sees the answer. */
async function drain(exchange: Exchange): Promise<void> {
  const request = exchange.request;
  if (exchange.preloadedBody !== undefined || request.readableEnded) return;
  const ended = once(request, 'end').catch(() => undefined);
  request.resume();
  await ended;
}

export const uploadJobData = bulkRoute(async (exchange, context) => {
  try {
    context.bulk.getFor(jobId(exchange), 'V2Ingest', sessionUserId(exchange));
    // Salesforce takes job data compressed with gzip (Content-Encoding: gzip) as well as plain.
    const gzipped = /^gzip$/i.test(exchange.request.headers['content-encoding'] ?? '');
    const source =
      exchange.preloadedBody !== undefined
        ? [Buffer.from(exchange.preloadedBody, 'utf8')]
        : gzipped
          ? exchange.request.pipe(createGunzip())
          : exchange.request;
    await context.bulk.upload(jobId(exchange), source);
  } catch (error) {
    await drain(exchange);
    throw error;
  }
  exchange.response.writeHead(201);
  exchange.response.end();
});

function ingestResults(kind: 'success' | 'failed'): Handler {
  return bulkRoute(async (exchange, context) => {
    const job = context.bulk.getFor(jobId(exchange), 'V2Ingest', sessionUserId(exchange));
    const header = context.bulk.uploadedHeader(job);
    const delimiter = COLUMN_DELIMITERS[job.columnDelimiter];
    const lineEnding = LINE_ENDINGS[job.lineEnding];
    sendCsv(exchange);
    const lines = context.bulk.jobs.results(job.id, kind);
    await writeAll(exchange, prepend(resultHeader(header, kind, delimiter, lineEnding), lines));
  });
}

function* prepend(first: string, rest: Iterable<string>): Generator<string> {
  yield first;
  yield* rest;
}

export const successfulResults = ingestResults('success');
export const failedResults = ingestResults('failed');

/** The records not processed: the header and every line after the last processed one, as uploaded. */
export const unprocessedRecords = bulkRoute(async (exchange, context) => {
  const job: BulkJob = context.bulk.getFor(jobId(exchange), 'V2Ingest', sessionUserId(exchange));
  const text = context.bulk.uploadedText(job.id);
  sendCsv(exchange);
  if (job.position === 0) {
    await writeAll(exchange, [text]);
    return;
  }
  const { end } = uploadedHeader(text, job);
  await writeAll(exchange, [text.slice(0, end), text.slice(job.position)]);
});

/* ------------------------------------------------------------------- query */

export const createQueryJob = bulkRoute(async (exchange, context) => {
  const body = await jsonBody(exchange);
  const job = context.bulk.createQueryJob(body, sessionUserId(exchange), version(exchange));
  sendJson(exchange, 200, jobSummary(job));
});

/** A page of a completed query job's rows, with `Sforce-Locator` naming the next one (`null` at the end). */
export const queryResults = bulkRoute(async (exchange, context) => {
  const job = context.bulk.getFor(jobId(exchange), 'V2Query', sessionUserId(exchange));
  if (job.state !== 'JobComplete') {
    throw new BulkError('INVALIDJOBSTATE', `Job ${job.id} is not complete: its state is ${job.state}`);
  }
  const locator = exchange.url.searchParams.get('locator');
  const first = locator === null || locator === '' ? 0 : decodeLocator(locator);
  if (first === undefined || first > job.numberRecordsProcessed) {
    throw new BulkError('INVALIDLOCATOR', `Invalid locator: ${locator ?? ''}`);
  }
  const requested = exchange.url.searchParams.get('maxRecords');
  const maxRecords = requested === null ? DEFAULT_MAX_RECORDS : Number(requested);
  if (!Number.isInteger(maxRecords) || maxRecords <= 0) {
    throw new BulkError('INVALIDPARAMETER', `maxRecords must be a positive integer, not ${requested ?? ''}`);
  }
  const page = resultPage(
    context.bulk.jobs.jobDirectory(job.id),
    job.numberRecordsProcessed,
    first,
    maxRecords,
  );
  sendCsv(exchange, {
    'Content-Length': page.headerBytes + (page.end - page.start),
    'Sforce-Locator': page.nextLocator,
    'Sforce-NumberOfRecords': page.rows,
  });
  const response = exchange.response;
  if (page.headerBytes > 0) {
    await pipeline(createReadStream(page.file, { start: 0, end: page.headerBytes - 1 }), response, {
      end: false,
    });
  }
  if (page.end > page.start) {
    await pipeline(createReadStream(page.file, { start: page.start, end: page.end - 1 }), response, {
      end: false,
    });
  }
  response.end();
});
