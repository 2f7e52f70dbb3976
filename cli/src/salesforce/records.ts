/**
 * Writes and reads records with as few API calls as the org allows: sObject
 * Collections of 200 records per request, all-or-none per request, so that a
 * failed request leaves nothing half-written and says which record failed why.
 */
import { SfError } from '@salesforce/core';

/** What these helpers use of a connection: @salesforce/core's and jsforce's both fit. */
export interface RecordsConnection {
  version: string;
  requestPost(url: string, body: object): PromiseLike<unknown>;
  requestPatch(url: string, body: object): PromiseLike<unknown>;
  query(soql: string): PromiseLike<{ totalSize: number; records: Record<string, unknown>[] }>;
}

export const COLLECTION_SIZE = 200;

export type RecordFields = Record<string, string | number | boolean | null>;

interface SaveResult {
  id?: string;
  success: boolean;
  errors: { statusCode?: string; errorCode?: string; message: string; fields?: string[] }[];
}

/** Creates the records in order and returns their new ids in the same order. */
export async function insertRecords(
  connection: RecordsConnection,
  objectName: string,
  records: readonly RecordFields[],
): Promise<string[]> {
  const ids: string[] = [];
  for (let start = 0; start < records.length; start += COLLECTION_SIZE) {
    const chunk = records.slice(start, start + COLLECTION_SIZE);
    const results = (await connection.requestPost(
      `/services/data/v${connection.version}/composite/sobjects`,
      {
        allOrNone: true,
        records: chunk.map((record) => ({ attributes: { type: objectName }, ...record })),
      },
    )) as SaveResult[];
    const failed = results
      .map((result, i) => ({ result, line: start + i }))
      .filter(({ result }) => !result.success)
      .filter(({ result }) =>
        result.errors.some((error) => error.statusCode !== 'ALL_OR_NONE_OPERATION_ROLLED_BACK'),
      );
    if (failed.length > 0) {
      const details = failed
        .map(
          ({ result, line }) =>
            `record ${line + 1}: ${result.errors.map((e) => `${e.statusCode ?? e.errorCode ?? ''} ${e.message}`).join('; ')}`,
        )
        .join('\n');
      throw new SfError(
        `Could not create ${objectName} records (nothing from this batch was written):\n${details}`,
        'InsertFailed',
      );
    }
    for (const result of results) ids.push(result.id ?? '');
  }
  return ids;
}

/** Updates records (each with its Id) in collections of 200, all-or-none per collection. */
export async function updateRecords(
  connection: RecordsConnection,
  objectName: string,
  records: readonly (RecordFields & { Id: string })[],
): Promise<void> {
  for (let start = 0; start < records.length; start += COLLECTION_SIZE) {
    const chunk = records.slice(start, start + COLLECTION_SIZE);
    const results = (await connection.requestPatch(
      `/services/data/v${connection.version}/composite/sobjects`,
      {
        allOrNone: true,
        records: chunk.map((record) => ({ attributes: { type: objectName }, ...record })),
      },
    )) as SaveResult[];
    const failed = results.filter((result) => !result.success);
    if (failed.length > 0) {
      const details = failed.map((result) => result.errors.map((e) => e.message).join('; ')).join('\n');
      throw new SfError(
        `Could not update ${objectName} records (nothing from this batch was written):\n${details}`,
        'UpdateFailed',
      );
    }
  }
}

export async function countRecords(
  connection: RecordsConnection,
  objectName: string,
  where = '',
): Promise<number> {
  const result = await connection.query(`SELECT COUNT() FROM ${objectName}${where ? ` WHERE ${where}` : ''}`);
  return result.totalSize;
}
