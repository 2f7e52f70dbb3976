/**
 * The describe resources of the REST API, in the shapes a real org returns them (keys in
 * Salesforce's alphabetical order, every key present, null where the org has no value):
 *
 *   GET /services/data/vXX.X/sobjects               describeGlobal()
 *   GET /services/data/vXX.X/sobjects/X             sobjectBasicInfo() (objectDescribe + recentItems)
 *   GET /services/data/vXX.X/sobjects/X/describe    describeSObject()
 *
 * jsforce (`conn.describe`, `conn.describeGlobal`), @salesforce/core and the sf CLI
 * (`sf sobject describe`, `sf sobject list`) read these.
 */
import { MASTER_RECORD_TYPE_ID } from '../ids.ts';
import {
  DECIMAL_TYPES,
  TEXT_TYPES,
  fieldDetails,
  isLongTextArea,
  isRestrictedDelete,
  objectDetails,
} from './model.ts';
import type { FieldSchema, OrgSchema, SObjectSchema } from './types.ts';

export interface DescribeOptions {
  /**
   * Base URL of the org (`http://127.0.0.1:PORT`): with it, describe adds the user-interface urls
   * (uiDetailTemplate, uiEditTemplate, uiNewRecord) a real org lists.
   */
  instanceUrl?: string;
}

export interface PicklistEntryJson {
  active: boolean;
  defaultValue: boolean;
  label: string;
  validFor: null;
  value: string;
}

/** One entry of `fields` in an sObject describe. */
export interface FieldDescribeJson {
  aggregatable: boolean;
  aiPredictionField: boolean;
  autoNumber: boolean;
  byteLength: number;
  calculated: boolean;
  calculatedFormula: null;
  cascadeDelete: boolean;
  caseSensitive: boolean;
  compoundFieldName: string | null;
  controllerName: null;
  createable: boolean;
  custom: boolean;
  defaultValue: boolean | null;
  defaultValueFormula: string | null;
  defaultedOnCreate: boolean;
  dependentPicklist: boolean;
  deprecatedAndHidden: boolean;
  digits: number;
  displayLocationInDecimal: boolean;
  encrypted: boolean;
  externalId: boolean;
  extraTypeInfo: string | null;
  filterable: boolean;
  filteredLookupInfo: null;
  formulaTreatNullNumberAsZero: boolean;
  groupable: boolean;
  highScaleNumber: boolean;
  htmlFormatted: boolean;
  idLookup: boolean;
  inlineHelpText: string | null;
  label: string;
  length: number;
  mask: null;
  maskType: null;
  name: string;
  nameField: boolean;
  namePointing: boolean;
  nillable: boolean;
  permissionable: boolean;
  picklistValues: PicklistEntryJson[];
  polymorphicForeignKey: boolean;
  precision: number;
  queryByDistance: boolean;
  referenceTargetField: null;
  referenceTo: string[];
  relationshipName: string | null;
  relationshipOrder: number | null;
  restrictedDelete: boolean;
  restrictedPicklist: boolean;
  scale: number;
  searchPrefilterable: boolean;
  soapType: string;
  sortable: boolean;
  type: string;
  unique: boolean;
  updateable: boolean;
  writeRequiresMasterRead: boolean;
}

export interface ChildRelationshipJson {
  cascadeDelete: boolean;
  childSObject: string;
  deprecatedAndHidden: boolean;
  field: string;
  junctionIdListNames: string[];
  junctionReferenceTo: string[];
  relationshipName: string;
  restrictedDelete: boolean;
}

export interface RecordTypeInfoJson {
  active: boolean;
  available: boolean;
  defaultRecordTypeMapping: boolean;
  developerName: string;
  master: boolean;
  name: string;
  recordTypeId: string;
  urls: { layout: string };
}

/** The per-object entry of the global describe, also `objectDescribe` of GET /sobjects/X. */
export interface SObjectSummaryJson {
  activateable: boolean;
  associateEntityType: null;
  associateParentEntity: null;
  createable: boolean;
  custom: boolean;
  customSetting: boolean;
  deepCloneable: boolean;
  deletable: boolean;
  deprecatedAndHidden: boolean;
  feedEnabled: boolean;
  hasSubtypes: boolean;
  isInterface: boolean;
  isSubtype: boolean;
  keyPrefix: string;
  label: string;
  labelPlural: string;
  layoutable: boolean;
  mergeable: boolean;
  mruEnabled: boolean;
  name: string;
  queryable: boolean;
  replicateable: boolean;
  retrieveable: boolean;
  searchable: boolean;
  triggerable: boolean;
  undeletable: boolean;
  updateable: boolean;
  urls: Record<string, string>;
}

export interface SObjectDescribeJson {
  actionOverrides: never[];
  activateable: boolean;
  associateEntityType: null;
  associateParentEntity: null;
  childRelationships: ChildRelationshipJson[];
  compactLayoutable: boolean;
  createable: boolean;
  custom: boolean;
  customSetting: boolean;
  deepCloneable: boolean;
  defaultImplementation: null;
  deletable: boolean;
  deprecatedAndHidden: boolean;
  extendedBy: null;
  extendsInterfaces: null;
  feedEnabled: boolean;
  fields: FieldDescribeJson[];
  hasSubtypes: boolean;
  implementedBy: null;
  implementsInterfaces: null;
  isInterface: boolean;
  isSubtype: boolean;
  keyPrefix: string;
  label: string;
  labelPlural: string;
  layoutable: boolean;
  listviewable: null;
  lookupLayoutable: null;
  mergeable: boolean;
  mruEnabled: boolean;
  name: string;
  namedLayoutInfos: never[];
  networkScopeFieldName: null;
  queryable: boolean;
  recordTypeInfos: RecordTypeInfoJson[];
  replicateable: boolean;
  retrieveable: boolean;
  searchLayoutable: boolean;
  searchable: boolean;
  sobjectDescribeOption: 'FULL';
  supportedScopes: { label: string; name: string }[];
  triggerable: boolean;
  undeletable: boolean;
  updateable: boolean;
  urls: Record<string, string>;
}

export interface GlobalDescribeJson {
  encoding: 'UTF-8';
  maxBatchSize: number;
  sobjects: SObjectSummaryJson[];
}

/** `61.0` for `61.0`, `v61.0` or `61`; throws on anything else. */
export function normalizeApiVersion(apiVersion: string): string {
  const match = /^v?(\d{1,3})(?:\.(\d))?$/.exec(apiVersion);
  if (match === null) throw new Error(`Not an API version: ${JSON.stringify(apiVersion)}`);
  return `${match[1] ?? ''}.${match[2] ?? '0'}`;
}

/** The `urls` of an object, in the order a real org lists them. */
export function sobjectUrls(
  object: SObjectSchema,
  apiVersion: string,
  options: DescribeOptions & { full?: boolean } = {},
): Record<string, string> {
  const details = objectDetails(object);
  const base = `/services/data/v${normalizeApiVersion(apiVersion)}/sobjects/${object.name}`;
  const ui =
    options.full === true && details.layoutable ? options.instanceUrl?.replace(/\/+$/, '') : undefined;
  const urls: Record<string, string> = {};
  if (details.compactLayoutable) urls.compactLayouts = `${base}/describe/compactLayouts`;
  urls.rowTemplate = `${base}/{ID}`;
  if (details.layoutable) urls.approvalLayouts = `${base}/describe/approvalLayouts`;
  if (ui !== undefined) {
    urls.uiDetailTemplate = `${ui}/{ID}`;
    urls.uiEditTemplate = `${ui}/{ID}/e`;
  }
  if (object.custom) urls.defaultValues = `${base}/defaultValues?recordTypeId&fields`;
  if (details.hasListViews) urls.listviews = `${base}/listviews`;
  urls.describe = `${base}/describe`;
  if (ui !== undefined) urls.uiNewRecord = `${ui}/${object.keyPrefix}/e`;
  if (details.layoutable) {
    urls.quickActions = `${base}/quickActions`;
    urls.layouts = `${base}/describe/layouts`;
  }
  urls.sobject = base;
  return urls;
}

/** The global describe entry of an object (`objectDescribe` of GET /sobjects/X). */
export function sobjectSummary(object: SObjectSchema, apiVersion: string): SObjectSummaryJson {
  const details = objectDetails(object);
  return {
    activateable: details.activateable,
    associateEntityType: null,
    associateParentEntity: null,
    createable: object.createable,
    custom: object.custom,
    customSetting: false,
    deepCloneable: false,
    deletable: object.deletable,
    deprecatedAndHidden: false,
    feedEnabled: details.feedEnabled,
    hasSubtypes: false,
    isInterface: false,
    isSubtype: false,
    keyPrefix: object.keyPrefix,
    label: object.label,
    labelPlural: object.labelPlural,
    layoutable: details.layoutable,
    mergeable: details.mergeable,
    mruEnabled: details.mruEnabled,
    name: object.name,
    queryable: object.queryable,
    replicateable: details.replicateable,
    retrieveable: details.retrieveable,
    searchable: details.searchable,
    triggerable: details.triggerable,
    undeletable: details.undeletable,
    updateable: object.updateable,
    urls: sobjectUrls(object, apiVersion),
  };
}

/** GET /sobjects/X: the object's summary and the records the user viewed lately. */
export function sobjectBasicInfo(
  object: SObjectSchema,
  apiVersion: string,
  recentItems: readonly object[] = [],
): { objectDescribe: SObjectSummaryJson; recentItems: object[] } {
  return { objectDescribe: sobjectSummary(object, apiVersion), recentItems: [...recentItems] };
}

/** GET /sobjects: every object of the org, by name. */
export function describeGlobal(schema: OrgSchema, apiVersion: string): GlobalDescribeJson {
  const objects = [...schema.objects].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return {
    encoding: 'UTF-8',
    maxBatchSize: 200,
    sobjects: objects.map((o) => sobjectSummary(o, apiVersion)),
  };
}

/** One field as describe reports it. */
export function describeField(field: FieldSchema): FieldDescribeJson {
  const details = fieldDetails(field);
  const longText = isLongTextArea(field);
  const isInt = field.type === 'int';
  const byteLength =
    field.type === 'id' || field.type === 'reference'
      ? field.length
      : TEXT_TYPES.has(field.type)
        ? field.length * 3
        : 0;
  return {
    aggregatable: !longText && field.type !== 'multipicklist',
    aiPredictionField: false,
    autoNumber: field.autoNumber,
    byteLength,
    calculated: false,
    calculatedFormula: null,
    cascadeDelete: field.cascadeDelete,
    caseSensitive: field.caseSensitive,
    compoundFieldName: details.compoundFieldName,
    controllerName: null,
    createable: field.createable,
    custom: field.custom,
    // Only checkboxes report their default as a value; other defaults are formulas.
    defaultValue: field.type === 'boolean' ? field.defaultValue === true : null,
    defaultValueFormula: details.defaultValueFormula,
    defaultedOnCreate: details.defaultedOnCreate,
    dependentPicklist: false,
    deprecatedAndHidden: false,
    digits: isInt ? field.precision : 0,
    displayLocationInDecimal: false,
    encrypted: false,
    externalId: field.externalId,
    extraTypeInfo: details.extraTypeInfo,
    filterable: field.filterable,
    filteredLookupInfo: null,
    formulaTreatNullNumberAsZero: false,
    groupable: field.groupable,
    highScaleNumber: false,
    htmlFormatted: false,
    idLookup: field.idLookup,
    inlineHelpText: field.inlineHelpText,
    label: field.label,
    length: TEXT_TYPES.has(field.type) ? field.length : 0,
    mask: null,
    maskType: null,
    name: field.name,
    nameField: field.nameField,
    namePointing: details.namePointing,
    nillable: field.nillable,
    permissionable: details.permissionable,
    picklistValues: field.picklistValues.map((v) => ({
      active: v.active,
      defaultValue: v.defaultValue,
      label: v.label,
      validFor: null,
      value: v.value,
    })),
    polymorphicForeignKey: field.referenceTo.length > 1,
    precision: DECIMAL_TYPES.has(field.type) ? field.precision : 0,
    queryByDistance: false,
    referenceTargetField: null,
    referenceTo: [...field.referenceTo],
    relationshipName: field.relationshipName,
    relationshipOrder: details.relationshipOrder,
    restrictedDelete: details.restrictedDelete,
    restrictedPicklist: field.restrictedPicklist,
    scale: DECIMAL_TYPES.has(field.type) ? field.scale : 0,
    searchPrefilterable: false,
    soapType: field.soapType,
    sortable: field.sortable,
    type: field.type,
    unique: field.unique,
    updateable: field.updateable,
    writeRequiresMasterRead: details.writeRequiresMasterRead,
  };
}

/** GET /sobjects/X/describe. */
export function describeSObject(
  object: SObjectSchema,
  apiVersion: string,
  options: DescribeOptions = {},
): SObjectDescribeJson {
  const version = normalizeApiVersion(apiVersion);
  const details = objectDetails(object);
  const plural = object.labelPlural.toLowerCase();
  const summary = sobjectSummary(object, version);
  return {
    actionOverrides: [],
    activateable: summary.activateable,
    associateEntityType: null,
    associateParentEntity: null,
    childRelationships: object.childRelationships.map((r) => ({
      cascadeDelete: r.cascadeDelete,
      childSObject: r.childSObject,
      deprecatedAndHidden: false,
      field: r.field,
      junctionIdListNames: [],
      junctionReferenceTo: [],
      relationshipName: r.relationshipName,
      restrictedDelete: isRestrictedDelete(r),
    })),
    compactLayoutable: details.compactLayoutable,
    createable: summary.createable,
    custom: summary.custom,
    customSetting: false,
    deepCloneable: false,
    defaultImplementation: null,
    deletable: summary.deletable,
    deprecatedAndHidden: false,
    extendedBy: null,
    extendsInterfaces: null,
    feedEnabled: summary.feedEnabled,
    fields: object.fields.map(describeField),
    hasSubtypes: false,
    implementedBy: null,
    implementsInterfaces: null,
    isInterface: false,
    isSubtype: false,
    keyPrefix: object.keyPrefix,
    label: object.label,
    labelPlural: object.labelPlural,
    layoutable: summary.layoutable,
    listviewable: null,
    lookupLayoutable: null,
    mergeable: summary.mergeable,
    mruEnabled: summary.mruEnabled,
    name: object.name,
    namedLayoutInfos: [],
    networkScopeFieldName: null,
    queryable: object.queryable,
    recordTypeInfos: details.recordTypes
      ? [
          {
            active: true,
            available: true,
            defaultRecordTypeMapping: true,
            developerName: 'Master',
            master: true,
            name: 'Master',
            recordTypeId: MASTER_RECORD_TYPE_ID,
            urls: {
              layout: `/services/data/v${version}/sobjects/${object.name}/describe/layouts/${MASTER_RECORD_TYPE_ID}`,
            },
          },
        ]
      : [],
    replicateable: summary.replicateable,
    retrieveable: summary.retrieveable,
    searchLayoutable: details.searchLayoutable,
    searchable: summary.searchable,
    sobjectDescribeOption: 'FULL',
    supportedScopes: [
      { label: `All ${plural}`, name: 'everything' },
      ...(details.owned ? [{ label: `My ${plural}`, name: 'mine' }] : []),
    ],
    triggerable: summary.triggerable,
    undeletable: summary.undeletable,
    updateable: summary.updateable,
    urls: sobjectUrls(object, version, { ...options, full: true }),
  };
}
