/**
 * How the compiler groups the schema's field types. Filters, aggregates and
 * column metadata each ask "is this a number, a text, an id?", and must all
 * answer alike, so the answer is written once here.
 */
import type { FieldSchema } from '../schema/types.ts';

export const NUMBER_TYPES = new Set(['double', 'currency', 'percent', 'int']);
export const TEXT_TYPES = new Set([
  'string',
  'textarea',
  'picklist',
  'multipicklist',
  'email',
  'phone',
  'url',
]);
export const ID_TYPES = new Set(['id', 'reference']);

/**
 * `Id`, which every object has even when its schema does not list it; also
 * the template for the pseudo-fields that stand for functions in filters.
 */
export const ID_FIELD: FieldSchema = {
  name: 'Id',
  label: 'Record ID',
  type: 'id',
  soapType: 'tns:ID',
  length: 18,
  precision: 0,
  scale: 0,
  nillable: false,
  required: false,
  createable: false,
  updateable: false,
  filterable: true,
  sortable: true,
  groupable: true,
  defaultValue: null,
  picklistValues: [],
  restrictedPicklist: false,
  referenceTo: [],
  relationshipName: null,
  cascadeDelete: false,
  externalId: false,
  unique: false,
  caseSensitive: false,
  idLookup: true,
  nameField: false,
  custom: false,
  autoNumber: false,
  displayFormat: null,
  inlineHelpText: null,
};

/** `double`, `date`, `dateTime`... as Salesforce names a field's type in filter errors. */
export function filterTypeName(field: FieldSchema): string {
  if (ID_TYPES.has(field.type)) return 'id';
  if (field.type === 'int') return 'int';
  if (NUMBER_TYPES.has(field.type)) return 'double';
  if (field.type === 'boolean') return 'boolean';
  if (field.type === 'date') return 'date';
  if (field.type === 'datetime') return 'dateTime';
  return 'string';
}
