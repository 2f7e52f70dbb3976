/**
 * Building blocks of the local org's schema: a constructor that turns a short field spec into a
 * `FieldSchema` with the attributes a real org's describe reports for that type, the system
 * fields every object has, and the describe attributes the shared contract (types.ts) does not
 * carry, kept beside it so that describe can be faithful.
 *
 * Objects built here are `LocalSObjectSchema`/`LocalFieldSchema`: plain `SObjectSchema`/
 * `FieldSchema` values with one more property, `details`. Code that only knows types.ts sees the
 * contract; describe and the store can read `fieldDetails(field)` / `objectDetails(object)`,
 * which also answer sensible defaults for schemas built elsewhere.
 */
import type { ChildRelationship, FieldSchema, FieldType, PicklistValue, SObjectSchema } from './types.ts';

/** Field describe attributes beyond the contract. */
export interface FieldDetails {
  /**
   * For a reference field: the name of the parent's child relationship through this field
   * (`Contacts` for Contact.AccountId, `Partner_Deal_Registrations__r` for a custom lookup), or
   * null when Salesforce gives it none.
   */
  childRelationshipName: string | null;
  /** A lookup whose parent cannot be deleted while children point to it (deleteConstraint Restrict). */
  restrictedDelete: boolean;
  /** The server fills the field on create when it is not given (a default, a system value). */
  defaultedOnCreate: boolean;
  /**
   * A custom object's Text Name: when a record is created without one, Salesforce stores the
   * record's Id as its Name.
   */
  nameDefaultsToId: boolean;
  /** Raw default formula of a custom field (`0`, `"text"`), as describe reports it. */
  defaultValueFormula: string | null;
  /** First number of an auto-number field. */
  startingNumber: number | null;
  /** `personname`, `plaintextarea`, ... as describe reports it. */
  extraTypeInfo: string | null;
  /** The compound field this one is part of: `Name` for FirstName, `BillingAddress` for BillingCity. */
  compoundFieldName: string | null;
  /**
   * Fields whose values make up this one, which Salesforce computes and never lets a client set:
   * Contact.Name and User.Name are FirstName and LastName joined by a space (LastName alone when
   * FirstName is blank).
   */
  derivedFrom: readonly string[] | null;
  /** Master-detail: 0 for the primary master, 1 for the second (junction objects). */
  relationshipOrder: number | null;
  writeRequiresMasterRead: boolean;
  /** Polymorphic lookups (several referenceTo) and owner fields of queue-enabled objects. */
  namePointing: boolean;
  /** Field-level security can be set on the field. */
  permissionable: boolean;
}

export interface LocalFieldSchema extends FieldSchema {
  details: FieldDetails;
}

/** A child relationship, with whether deleting the parent is refused while children exist. */
export interface LocalChildRelationship extends ChildRelationship {
  restrictedDelete: boolean;
}

/** Object describe attributes beyond the contract. */
export interface ObjectDetails {
  activateable: boolean;
  compactLayoutable: boolean;
  feedEnabled: boolean;
  layoutable: boolean;
  mergeable: boolean;
  mruEnabled: boolean;
  replicateable: boolean;
  retrieveable: boolean;
  searchable: boolean;
  searchLayoutable: boolean;
  triggerable: boolean;
  undeletable: boolean;
  /** The object has record types (describe lists the Master record type). */
  recordTypes: boolean;
  /** Records have an owner: describe offers the "mine" scope. */
  owned: boolean;
  /** Custom object without a tab: its urls carry `defaultValues` but no `listviews`. */
  hasListViews: boolean;
  /** Description from the metadata, null for standard objects. */
  description: string | null;
}

export interface LocalSObjectSchema extends SObjectSchema {
  fields: LocalFieldSchema[];
  childRelationships: LocalChildRelationship[];
  details: ObjectDetails;
}

// ---------------------------------------------------------------------------------------------
// Fields
// ---------------------------------------------------------------------------------------------

/** A field as written in the definitions: its type and what differs from the type's defaults. */
export interface FieldSpec {
  name: string;
  label: string;
  type: FieldType;
  length?: number;
  precision?: number;
  scale?: number;
  nillable?: boolean;
  createable?: boolean;
  updateable?: boolean;
  filterable?: boolean;
  sortable?: boolean;
  groupable?: boolean;
  defaultValue?: string | number | boolean | null;
  /** Values (API name = label) or full entries. */
  picklist?: readonly (string | PicklistValue)[];
  restrictedPicklist?: boolean;
  referenceTo?: readonly string[];
  relationshipName?: string | null;
  cascadeDelete?: boolean;
  externalId?: boolean;
  unique?: boolean;
  caseSensitive?: boolean;
  idLookup?: boolean;
  nameField?: boolean;
  custom?: boolean;
  autoNumber?: boolean;
  displayFormat?: string | null;
  inlineHelpText?: string | null;
  details?: Partial<FieldDetails>;
}

const SOAP_TYPES: Readonly<Record<FieldType, string>> = {
  id: 'tns:ID',
  reference: 'tns:ID',
  string: 'xsd:string',
  textarea: 'xsd:string',
  picklist: 'xsd:string',
  multipicklist: 'xsd:string',
  email: 'xsd:string',
  phone: 'xsd:string',
  url: 'xsd:string',
  double: 'xsd:double',
  currency: 'xsd:double',
  percent: 'xsd:double',
  int: 'xsd:int',
  boolean: 'xsd:boolean',
  date: 'xsd:date',
  datetime: 'xsd:dateTime',
};

/** Lengths describe reports for types whose length the definition does not choose. */
const FIXED_LENGTHS: Partial<Record<FieldType, number>> = {
  id: 18,
  reference: 18,
  picklist: 255,
  multipicklist: 4099,
  email: 80,
  phone: 40,
  url: 255,
};

/** Text types whose values are stored as TEXT. */
export const TEXT_TYPES: ReadonlySet<FieldType> = new Set<FieldType>([
  'id',
  'reference',
  'string',
  'textarea',
  'picklist',
  'multipicklist',
  'email',
  'phone',
  'url',
]);

/** Numeric types describe reports with precision and scale. */
export const DECIMAL_TYPES: ReadonlySet<FieldType> = new Set<FieldType>(['double', 'currency', 'percent']);

/** Text areas longer than 255 characters can be neither filtered, sorted nor grouped. */
export function isLongTextArea(field: Pick<FieldSchema, 'type' | 'length'>): boolean {
  return field.type === 'textarea' && field.length > 255;
}

function picklistEntry(entry: string | PicklistValue): PicklistValue {
  return typeof entry === 'string'
    ? { value: entry, label: entry, defaultValue: false, active: true }
    : { ...entry };
}

/** A field with the attributes describe reports for its type, overridden by the spec. */
export function defineField(spec: FieldSpec): LocalFieldSchema {
  const { type } = spec;
  const length = spec.length ?? FIXED_LENGTHS[type] ?? 0;
  if (TEXT_TYPES.has(type) && length <= 0) {
    throw new Error(`Field ${spec.name}: a ${type} field needs a length`);
  }
  const longText = type === 'textarea' && length > 255;
  const isId = type === 'id';
  const nillable = spec.nillable ?? !(isId || type === 'boolean');
  const createable = spec.createable ?? !isId;
  const updateable = spec.updateable ?? !isId;
  const defaultValue = spec.defaultValue ?? (type === 'boolean' ? false : null);
  const picklistValues = (spec.picklist ?? []).map(picklistEntry);
  const defaultedOnCreate =
    spec.details?.defaultedOnCreate ??
    (isId || type === 'boolean' || defaultValue !== null || picklistValues.some((v) => v.defaultValue));
  const custom = spec.custom ?? false;
  const details: FieldDetails = {
    childRelationshipName: null,
    restrictedDelete: false,
    nameDefaultsToId: false,
    defaultValueFormula: null,
    startingNumber: null,
    extraTypeInfo: longText || type === 'textarea' ? 'plaintextarea' : null,
    compoundFieldName: null,
    derivedFrom: null,
    relationshipOrder: null,
    writeRequiresMasterRead: false,
    namePointing: false,
    permissionable:
      !isId && (nillable || type === 'boolean') && (createable || updateable) && !(spec.nameField ?? false),
    ...spec.details,
    defaultedOnCreate,
  };
  return {
    name: spec.name,
    label: spec.label,
    type,
    soapType: SOAP_TYPES[type],
    length,
    precision: spec.precision ?? 0,
    scale: spec.scale ?? 0,
    nillable,
    required: !nillable && createable && !defaultedOnCreate,
    createable,
    updateable,
    filterable: spec.filterable ?? !longText,
    sortable: spec.sortable ?? !(longText || type === 'multipicklist'),
    groupable:
      spec.groupable ??
      !(longText || type === 'multipicklist' || type === 'datetime' || DECIMAL_TYPES.has(type)),
    defaultValue,
    picklistValues,
    restrictedPicklist: spec.restrictedPicklist ?? false,
    referenceTo: [...(spec.referenceTo ?? [])],
    relationshipName: spec.relationshipName ?? null,
    cascadeDelete: spec.cascadeDelete ?? false,
    externalId: spec.externalId ?? false,
    unique: spec.unique ?? false,
    caseSensitive: spec.caseSensitive ?? false,
    idLookup: spec.idLookup ?? (isId || (spec.externalId ?? false)),
    nameField: spec.nameField ?? false,
    custom,
    autoNumber: spec.autoNumber ?? false,
    displayFormat: spec.displayFormat ?? null,
    inlineHelpText: spec.inlineHelpText ?? null,
    details,
  };
}

/** Options of the system fields of one object. */
export interface SystemFieldOptions {
  /** Label of the Id field: `Account ID`, `Record ID` for custom objects. */
  idLabel: string;
  /** Whether records have an owner (OwnerId), and which objects it may point to. */
  owner: 'none' | 'user';
  /**
   * Whether the object has IsDeleted. A real org's User, Profile, Organization and RecordType have
   * none; the local org gives every object one, since its store marks deleted records with it.
   */
  isDeleted: boolean;
}

/** Id, OwnerId and IsDeleted: the system fields that come before Name in describe. */
export function leadingSystemFields(options: SystemFieldOptions): LocalFieldSchema[] {
  const fields = [defineField({ name: 'Id', label: options.idLabel, type: 'id', nillable: false })];
  if (options.owner === 'user') {
    fields.push(
      defineField({
        name: 'OwnerId',
        label: 'Owner ID',
        type: 'reference',
        nillable: false,
        referenceTo: ['User'],
        relationshipName: 'Owner',
        details: { defaultedOnCreate: true, permissionable: false },
      }),
    );
  }
  if (options.isDeleted) {
    fields.push(
      defineField({
        name: 'IsDeleted',
        label: 'Deleted',
        type: 'boolean',
        createable: false,
        updateable: false,
        details: { permissionable: false },
      }),
    );
  }
  return fields;
}

/** CreatedDate ... SystemModstamp: the audit fields, set by the server on every save. */
export function auditFields(): LocalFieldSchema[] {
  const audit = (name: string, label: string, type: FieldType, relationshipName?: string): LocalFieldSchema =>
    defineField({
      name,
      label,
      type,
      nillable: false,
      createable: false,
      updateable: false,
      ...(relationshipName === undefined ? {} : { referenceTo: ['User'], relationshipName }),
      details: { defaultedOnCreate: true, permissionable: false },
    });
  return [
    audit('CreatedDate', 'Created Date', 'datetime'),
    audit('CreatedById', 'Created By ID', 'reference', 'CreatedBy'),
    audit('LastModifiedDate', 'Last Modified Date', 'datetime'),
    audit('LastModifiedById', 'Last Modified By ID', 'reference', 'LastModifiedBy'),
    audit('SystemModstamp', 'System Modstamp', 'datetime'),
  ];
}

/** The system fields' names, in the order above. */
export const SYSTEM_FIELD_NAMES: readonly string[] = [
  'Id',
  'OwnerId',
  'IsDeleted',
  'CreatedDate',
  'CreatedById',
  'LastModifiedDate',
  'LastModifiedById',
  'SystemModstamp',
];

// ---------------------------------------------------------------------------------------------
// Reading the details back
// ---------------------------------------------------------------------------------------------

function carriesDetails(value: object): value is { details: object } {
  return 'details' in value && typeof value.details === 'object' && value.details !== null;
}

/** The describe details of a field: those it carries, or defaults derived from the contract. */
export function fieldDetails(field: FieldSchema): FieldDetails {
  if (carriesDetails(field)) return (field as LocalFieldSchema).details;
  const longText = isLongTextArea(field);
  return {
    childRelationshipName: null,
    restrictedDelete: false,
    defaultedOnCreate: field.type === 'id' || field.type === 'boolean' || field.defaultValue !== null,
    nameDefaultsToId: false,
    defaultValueFormula: null,
    startingNumber: field.autoNumber ? 1 : null,
    extraTypeInfo: field.type === 'textarea' || longText ? 'plaintextarea' : null,
    compoundFieldName: null,
    derivedFrom: null,
    relationshipOrder: field.cascadeDelete ? 0 : null,
    writeRequiresMasterRead: false,
    namePointing: field.referenceTo.length > 1,
    permissionable:
      field.type !== 'id' &&
      (field.nillable || field.type === 'boolean') &&
      (field.createable || field.updateable) &&
      !field.nameField,
  };
}

/** The describe details of an object: those it carries, or the defaults of a custom object. */
export function objectDetails(object: SObjectSchema): ObjectDetails {
  if (carriesDetails(object)) return (object as LocalSObjectSchema).details;
  return {
    activateable: false,
    compactLayoutable: true,
    feedEnabled: false,
    layoutable: true,
    mergeable: false,
    mruEnabled: true,
    replicateable: true,
    retrieveable: true,
    searchable: true,
    searchLayoutable: true,
    triggerable: true,
    undeletable: object.deletable,
    recordTypes: object.custom,
    owned: object.fields.some((f) => f.name === 'OwnerId'),
    hasListViews: !object.custom,
    description: null,
  };
}

/** Whether a child relationship is restricted (Restrict delete constraint). */
export function isRestrictedDelete(relationship: ChildRelationship): boolean {
  return 'restrictedDelete' in relationship && relationship.restrictedDelete === true;
}
