/**
 * Job information in the shapes Salesforce answers with: the short form that
 * create, close and abort return, the full form of `GET .../jobId` (counts and
 * timings), and the entries of the job lists.
 */
import type { BulkJob } from './job-store.ts';

/** `2026-01-15T10:30:00.000+0000`, as Salesforce writes the dates of jobs. */
function sfDate(iso: string): string {
  return iso.replace(/Z$/, '+0000');
}

function apiVersion(job: BulkJob): number {
  return Number(job.apiVersion);
}

function contentUrl(job: BulkJob): string {
  return `services/data/v${job.apiVersion}/jobs/ingest/${job.id}/batches`;
}

function common(job: BulkJob): Record<string, unknown> {
  return {
    id: job.id,
    operation: job.operation,
    object: job.object,
    createdById: job.createdById,
    createdDate: sfDate(job.createdDate),
    systemModstamp: sfDate(job.systemModstamp),
    state: job.state,
    ...(job.externalIdFieldName !== null ? { externalIdFieldName: job.externalIdFieldName } : {}),
    concurrencyMode: 'Parallel',
    contentType: 'CSV',
    apiVersion: apiVersion(job),
  };
}

/** What creating, closing or aborting a job answers. */
export function jobSummary(job: BulkJob): Record<string, unknown> {
  return {
    ...common(job),
    ...(job.jobType === 'V2Ingest' ? { contentUrl: contentUrl(job) } : {}),
    lineEnding: job.lineEnding,
    columnDelimiter: job.columnDelimiter,
  };
}

/** What `GET /jobs/ingest/jobId` and `GET /jobs/query/jobId` answer. */
export function jobInfo(job: BulkJob): Record<string, unknown> {
  const timings = {
    retries: 0,
    totalProcessingTime: job.totalProcessingTime,
  };
  if (job.jobType === 'V2Query') {
    return {
      ...common(job),
      jobType: 'V2Query',
      lineEnding: job.lineEnding,
      columnDelimiter: job.columnDelimiter,
      numberRecordsProcessed: job.numberRecordsProcessed,
      ...timings,
      isPkChunkingSupported: true,
      ...(job.errorMessage !== null ? { errorMessage: job.errorMessage } : {}),
    };
  }
  return {
    ...common(job),
    jobType: 'V2Ingest',
    lineEnding: job.lineEnding,
    columnDelimiter: job.columnDelimiter,
    numberRecordsProcessed: job.numberRecordsProcessed,
    numberRecordsFailed: job.numberRecordsFailed,
    ...timings,
    apiActiveProcessingTime: job.totalProcessingTime,
    apexProcessingTime: 0,
    ...(job.errorMessage !== null ? { errorMessage: job.errorMessage } : {}),
  };
}

/** One entry of `GET /jobs/ingest` or `GET /jobs/query`. */
export function jobListEntry(job: BulkJob): Record<string, unknown> {
  return {
    ...common(job),
    jobType: job.jobType,
    ...(job.jobType === 'V2Ingest' ? { contentUrl: contentUrl(job) } : {}),
    lineEnding: job.lineEnding,
    columnDelimiter: job.columnDelimiter,
  };
}
