/**
 * Errors of the Bulk API 2.0 resources. Salesforce answers them as
 * `[{"errorCode": "...", "message": "..."}]`, without the `fields` of the REST
 * API's errors, and with codes of its own (`INVALIDJOB`, `INVALIDENTITY`,
 * `INVALIDJOBSTATE`...), so they travel apart from the store's ApiError.
 */
export class BulkError extends Error {
  readonly errorCode: string;
  readonly status: number;

  constructor(errorCode: string, message: string, status = 400) {
    super(message);
    this.name = 'BulkError';
    this.errorCode = errorCode;
    this.status = status;
  }

  toBody(): { errorCode: string; message: string }[] {
    return [{ errorCode: this.errorCode, message: this.message }];
  }
}

export function jobNotFound(): BulkError {
  return new BulkError('NOT_FOUND', 'The requested resource does not exist', 404);
}

/** What Salesforce says when a JSON value is not one of an enum's values. */
export function notAnEnumValue(enumName: string, value: unknown): BulkError {
  return new BulkError(
    'JSON_PARSER_ERROR',
    `Cannot deserialize instance of ${enumName} from VALUE_STRING value ${String(value)} or request may be missing a required field`,
  );
}
