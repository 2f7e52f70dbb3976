/**
 * The local org's SOQL engine: SOQL parsed with `@jetstreamapp/soql-parser-js`,
 * translated to SQL over the store's SQLite tables, answered in Salesforce's
 * JSON shapes and with Salesforce's errors.
 */
export { executeSoql, describeQueryColumns, openSoqlCursor, type SoqlCursor } from './execute.ts';
export { SoqlError } from './errors.ts';
export type { SoqlErrorCode } from './errors.ts';
export type { QueryColumn, QueryColumns, QueryResult, SoqlContext, SqlParam } from './types.ts';
