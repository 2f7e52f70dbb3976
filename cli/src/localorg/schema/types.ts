/**
 * The local org's schema: every sObject it serves, with its fields as the
 * Salesforce describe API reports them. Built once at start from the standard
 * objects Trellis needs and the custom objects and fields in force-app.
 *
 * Storage convention (shared by the store and the SOQL engine): each sObject is
 * a SQLite table named exactly as its API name ("Deal_Registration__c"), each
 * field a column named exactly as the field's API name, `Id` the primary key.
 * Values are stored as:
 *   id, reference, string-like (string, textarea, picklist, email, phone, url) : TEXT
 *   multipicklist : TEXT, values joined by ';' as the API returns them
 *   double, currency, percent : REAL;  int : INTEGER
 *   boolean : INTEGER 0 / 1 (never NULL)
 *   date : TEXT 'YYYY-MM-DD';  datetime : TEXT 'YYYY-MM-DDTHH:MM:SS.sssZ' (UTC)
 * Text columns use COLLATE NOCASE: SOQL compares text case-insensitively.
 */

/** The `type` of a field in describe results. */
export type FieldType =
  | 'id'
  | 'string'
  | 'textarea'
  | 'double'
  | 'currency'
  | 'percent'
  | 'int'
  | 'date'
  | 'datetime'
  | 'boolean'
  | 'picklist'
  | 'multipicklist'
  | 'email'
  | 'phone'
  | 'url'
  | 'reference';

export interface PicklistValue {
  value: string;
  label: string;
  defaultValue: boolean;
  active: boolean;
}

export interface FieldSchema {
  /** API name as Salesforce spells it: `Partner_Account__c`, `Name`. */
  name: string;
  label: string;
  type: FieldType;
  /** `xsd:string`, `tns:ID`, `xsd:double`, `xsd:int`, `xsd:boolean`, `xsd:date`, `xsd:dateTime`. */
  soapType: string;
  /** Maximum characters for text types (Id and references: 18), else 0. */
  length: number;
  /** Total digits and digits after the point for numbers, else 0. */
  precision: number;
  scale: number;
  /** Can be null. False for required fields, booleans, Id and the audit fields. */
  nillable: boolean;
  /** Must be given on create: not nillable, createable and without a default. */
  required: boolean;
  createable: boolean;
  updateable: boolean;
  filterable: boolean;
  sortable: boolean;
  groupable: boolean;
  /** Default applied on create when the field is not given. */
  defaultValue: string | number | boolean | null;
  picklistValues: PicklistValue[];
  restrictedPicklist: boolean;
  /** Objects a reference field points to. */
  referenceTo: string[];
  /** `Partner_Account__r` for a custom lookup, `Account` for `AccountId`; null if not a reference. */
  relationshipName: string | null;
  /** True for master-detail fields (cascade delete, required). */
  cascadeDelete: boolean;
  externalId: boolean;
  unique: boolean;
  caseSensitive: boolean;
  idLookup: boolean;
  nameField: boolean;
  custom: boolean;
  autoNumber: boolean;
  /** For auto-number name fields: the display format, e.g. `DR-{000000}`. */
  displayFormat: string | null;
  inlineHelpText: string | null;
}

export interface ChildRelationship {
  childSObject: string;
  /** The field on the child that points here. */
  field: string;
  /** Name used in SOQL subqueries: `Partner_Deal_Registrations__r`, `Contacts`. */
  relationshipName: string;
  cascadeDelete: boolean;
}

export interface SObjectSchema {
  name: string;
  label: string;
  labelPlural: string;
  /** Three characters that start every id of this object: `001` Account, `a01`... custom. */
  keyPrefix: string;
  custom: boolean;
  /** `Private`, `Read`, `ReadWrite`, `ControlledByParent`, as in the metadata. */
  sharingModel: string;
  createable: boolean;
  updateable: boolean;
  deletable: boolean;
  queryable: boolean;
  fields: FieldSchema[];
  childRelationships: ChildRelationship[];
}

export interface OrgSchema {
  objects: SObjectSchema[];
  /** Case-insensitive, as the API is: `account`, `ACCOUNT` and `Account` are one object. */
  object(name: string): SObjectSchema | undefined;
  /** Case-insensitive field lookup on one object. */
  field(objectName: string, fieldName: string): FieldSchema | undefined;
  byKeyPrefix(prefix: string): SObjectSchema | undefined;
}
