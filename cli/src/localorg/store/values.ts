/**
 * Converts field values between the REST API's JSON and the storage convention
 * of `schema/types.ts`, validating each as Salesforce does before anything is
 * written: type, length, restricted picklist values, id format.
 */
import { isValidId, toId18 } from '../ids.ts';
import type { FieldSchema } from '../schema/types.ts';
import { ApiError } from './errors.ts';

export type StoredValue = string | number | null;

const DATE = /^\d{4}-\d{2}-\d{2}$/;
// Salesforce accepts 2026-11-25T10:00:00Z, ...00.000Z, ...00.000+0000 and ...00+01:00.
const DATE_TIME = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?(Z|[+-]\d{2}:?\d{2})?$/;

function deserializeError(field: FieldSchema, expected: string, value: unknown): ApiError {
  const shown = typeof value === 'string' ? value : JSON.stringify(value);
  return new ApiError(
    'JSON_PARSER_ERROR',
    `Cannot deserialize instance of ${expected} from ${typeof value === 'string' ? 'VALUE_STRING' : 'VALUE'} value ${shown} or request may be missing a required field`,
    { fields: [field.name] },
  );
}

function isValidDate(text: string): boolean {
  const parsed = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === text;
}

/** A datetime in the storage form (UTC, milliseconds, `Z`), or null when `text` is not one. */
export function normalizeDateTime(text: string): string | null {
  const match = DATE_TIME.exec(text);
  if (!match) return null;
  const [, date, hours, minutes, secondsPart, millis, zone] = match;
  const offset = !zone || zone === 'Z' ? 'Z' : `${zone.slice(0, 3)}:${zone.slice(-2)}`;
  const iso = `${date ?? ''}T${hours ?? ''}:${minutes ?? ''}:${secondsPart ?? '00'}.${(millis ?? '0').padEnd(3, '0')}${offset}`;
  const parsed = new Date(iso);
  return Number.isNaN(parsed.getTime()) ? null : parsed.toISOString();
}

function asText(field: FieldSchema, value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  throw deserializeError(field, 'String', value);
}

function checkLength(field: FieldSchema, text: string): void {
  if (field.length > 0 && text.length > field.length) {
    const shown = text.length > 30 ? `${text.slice(0, 30)}...` : text;
    throw new ApiError(
      'STRING_TOO_LONG',
      `${field.label}: data value too large: ${shown} (max length=${field.length})`,
      { fields: [field.name] },
    );
  }
}

function asNumber(field: FieldSchema, value: unknown): number {
  const number =
    typeof value === 'number'
      ? value
      : typeof value === 'string' && value.trim() !== ''
        ? Number(value)
        : NaN;
  if (!Number.isFinite(number)) throw deserializeError(field, field.type === 'int' ? 'int' : 'double', value);
  if (field.precision > 0) {
    const integerDigits = Math.trunc(Math.abs(number)).toString().length;
    if (integerDigits > field.precision - field.scale) {
      throw new ApiError(
        'NUMBER_OUTSIDE_VALID_RANGE',
        `${field.label}: value outside of valid range on numeric field: ${number}`,
        { fields: [field.name] },
      );
    }
    return Number(number.toFixed(field.scale));
  }
  return field.type === 'int' ? Math.trunc(number) : number;
}

/** The value to store for `value` given in a request; throws an ApiError worded as Salesforce's. */
export function toStoredValue(field: FieldSchema, value: unknown): StoredValue {
  if (value === null || value === undefined || value === '') {
    return field.type === 'boolean' ? 0 : null;
  }
  switch (field.type) {
    case 'boolean':
      if (value === true || value === 'true') return 1;
      if (value === false || value === 'false') return 0;
      throw deserializeError(field, 'boolean', value);
    case 'int':
    case 'double':
    case 'currency':
    case 'percent':
      return asNumber(field, value);
    case 'date': {
      const text = asText(field, value);
      if (DATE.test(text) && isValidDate(text)) return text;
      // A datetime given for a date field is accepted and cut to its day, as the API does.
      const dateTime = normalizeDateTime(text);
      if (dateTime) return dateTime.slice(0, 10);
      throw deserializeError(field, 'Date', value);
    }
    case 'datetime': {
      const text = asText(field, value);
      const normalized =
        normalizeDateTime(text) ?? (DATE.test(text) && isValidDate(text) ? `${text}T00:00:00.000Z` : null);
      if (!normalized) throw deserializeError(field, 'Datetime', value);
      return normalized;
    }
    case 'id':
    case 'reference': {
      const text = asText(field, value);
      if (isValidId(text)) return toId18(text);
      throw new ApiError(
        'MALFORMED_ID',
        `${field.label}: id value of incorrect type: ${JSON.stringify(value)}`,
        {
          fields: [field.name],
        },
      );
    }
    case 'picklist': {
      const text = asText(field, value);
      checkLength(field, text);
      if (field.restrictedPicklist && !field.picklistValues.some((option) => option.value === text)) {
        throw new ApiError(
          'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST',
          `${field.label}: bad value for restricted picklist field: ${text}`,
          { fields: [field.name] },
        );
      }
      return text;
    }
    case 'multipicklist': {
      const values = asText(field, value)
        .split(';')
        .map((part) => part.trim())
        .filter((part) => part !== '');
      for (const part of values) {
        if (field.restrictedPicklist && !field.picklistValues.some((option) => option.value === part)) {
          throw new ApiError(
            'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST',
            `${field.label}: bad value for restricted picklist field: ${part}`,
            { fields: [field.name] },
          );
        }
      }
      const joined = [...new Set(values)].join(';');
      return joined === '' ? null : joined;
    }
    default: {
      const text = asText(field, value);
      checkLength(field, text);
      return text;
    }
  }
}

/** The JSON value the API returns for a stored value. */
export function toApiValue(
  field: FieldSchema,
  stored: StoredValue | bigint | Uint8Array | undefined,
): unknown {
  if (stored === null || stored === undefined) return field.type === 'boolean' ? false : null;
  if (typeof stored === 'bigint') return Number(stored);
  if (stored instanceof Uint8Array) return null;
  switch (field.type) {
    case 'boolean':
      return stored === 1 || stored === '1';
    case 'int':
    case 'double':
    case 'currency':
    case 'percent':
      return typeof stored === 'number' ? stored : Number(stored);
    case 'datetime':
      // Salesforce writes datetimes as 2026-11-25T10:00:00.000+0000.
      return typeof stored === 'string' ? stored.replace(/Z$/, '+0000') : stored;
    default:
      return stored;
  }
}
