/**
 * Errors the local org answers with, in Salesforce's own vocabulary: an error
 * code, a message worded as Salesforce words it, and the fields concerned.
 */

export type ApiErrorCode =
  | 'DUPLICATE_VALUE'
  | 'ENTITY_IS_DELETED'
  | 'FIELD_INTEGRITY_EXCEPTION'
  | 'INVALID_CROSS_REFERENCE_KEY'
  | 'INVALID_FIELD'
  | 'INVALID_FIELD_FOR_INSERT_UPDATE'
  | 'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST'
  | 'INVALID_SESSION_ID'
  | 'INVALID_TYPE'
  | 'JSON_PARSER_ERROR'
  | 'MALFORMED_ID'
  | 'MALFORMED_QUERY'
  | 'METHOD_NOT_ALLOWED'
  | 'NOT_FOUND'
  | 'SERVER_UNAVAILABLE'
  | 'REQUEST_LIMIT_EXCEEDED'
  | 'UNABLE_TO_LOCK_ROW'
  | 'INSUFFICIENT_ACCESS'
  | 'INSUFFICIENT_ACCESS_OR_READONLY'
  | 'FIELD_CUSTOM_VALIDATION_EXCEPTION'
  | 'INVALID_NEW_PASSWORD'
  | 'EXCEEDED_ID_LIMIT'
  | 'MISSING_ARGUMENT'
  | 'INVALID_BATCH_REQUEST'
  | 'NUMBER_OUTSIDE_VALID_RANGE'
  | 'MULTIPLE_CHOICES'
  | 'REQUIRED_FIELD_MISSING'
  | 'STRING_TOO_LONG'
  | 'DELETE_FAILED'
  | 'INVALID_QUERY_LOCATOR'
  | 'INVALID_QUERY_FILTER_OPERATOR'
  | 'PROCESSING_HALTED'
  | 'ALL_OR_NONE_OPERATION_ROLLED_BACK'
  | 'INVALID_GRANT'
  | 'UNKNOWN_EXCEPTION';

/** One error as it travels in `[{message, errorCode, fields}]`. */
export interface ApiErrorBody {
  message: string;
  errorCode: string;
  fields: string[];
}

export class ApiError extends Error {
  readonly errorCode: ApiErrorCode;
  readonly fields: string[];
  readonly status: number;

  constructor(
    errorCode: ApiErrorCode,
    message: string,
    options: { fields?: string[]; status?: number } = {},
  ) {
    super(message);
    this.name = 'ApiError';
    this.errorCode = errorCode;
    this.fields = options.fields ?? [];
    this.status = options.status ?? 400;
  }

  toBody(): ApiErrorBody {
    return { message: this.message, errorCode: this.errorCode, fields: this.fields };
  }
}

export function notFound(message = 'The requested resource does not exist'): ApiError {
  return new ApiError('NOT_FOUND', message, { status: 404 });
}
