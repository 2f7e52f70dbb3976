/**
 * The data model in force-app, read as a Salesforce org (and the local org) reads it: every
 * `*.object-meta.xml`, `*.field-meta.xml` and `*.validationRule-meta.xml` under force-app, parsed
 * with fast-xml-parser and held to what the Metadata API requires of each field type, to the
 * engine's vocabulary (cli/src/engine/types.ts) and to the data model of ARCHITECTURE.md.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

import { XMLParser, XMLValidator } from 'fast-xml-parser';

// ---------------------------------------------------------------------------------------------
// What the model must say. Written out here, not imported: the engine's unions are compile-time
// only, and a change on either side must fail this test.
// ---------------------------------------------------------------------------------------------

/** `RegistrationStatus`, in lifecycle order. */
const REGISTRATION_STATUS = [
  'Draft',
  'Submitted',
  'In Review',
  'Approved',
  'Rejected',
  'Extended',
  'Expired',
  'Converted',
  'Withdrawn',
];
/** `ConflictStatus`. */
const CONFLICT_STATUS = ['None', 'Potential', 'Conflict'];
/** `PartnerType`. */
const PARTNER_TYPE = ['Reseller', 'VAR', 'MSP', 'ISV', 'SI', 'Distributor'];
/** `PartnerStatus`. */
const PARTNER_STATUS = ['Active', 'Probation', 'Suspended', 'Terminated'];
/** `TierStatus`. */
const TIER_STATUS = ['OK', 'Grace', 'Proposed Downgrade'];
/** `Attribution`. */
const ATTRIBUTION = ['Sourced', 'Influenced'];
/** `TierChangeKind` (cli/src/engine/tiers/model.ts). */
const TIER_CHANGE_KIND = [
  'initial',
  'upgrade',
  'grace-started',
  'grace-cleared',
  'downgrade-proposed',
  'downgrade-confirmed',
];
/** Product families: a plain string in the engine, the same open list on both objects. */
const PRODUCT_FAMILY = ['Security', 'Networking', 'Cloud', 'Analytics', 'Collaboration'];

/** `Object.Field` -> the picklist's values (API names, in order) and whether the list is closed. */
const PICKLISTS: Readonly<Record<string, { values: string[]; restricted: boolean; default?: string }>> = {
  'Deal_Registration__c.Status__c': { values: REGISTRATION_STATUS, restricted: true, default: 'Draft' },
  'Deal_Registration__c.Conflict_Status__c': { values: CONFLICT_STATUS, restricted: true, default: 'None' },
  'Deal_Registration__c.Product_Family__c': { values: PRODUCT_FAMILY, restricted: false },
  'Account.Partner_Type__c': { values: PARTNER_TYPE, restricted: true },
  'Account.Partner_Status__c': { values: PARTNER_STATUS, restricted: true },
  'Account.Partner_Tier_Status__c': { values: TIER_STATUS, restricted: true },
  'Opportunity.Partner_Attribution__c': { values: ATTRIBUTION, restricted: true },
  'Opportunity.Product_Family__c': { values: PRODUCT_FAMILY, restricted: false },
  'Tier_Change__c.Kind__c': { values: TIER_CHANGE_KIND, restricted: true },
};

/** Every field the "Data model" table of ARCHITECTURE.md names, by object. */
const ARCHITECTURE_FIELDS: Readonly<Record<string, string[]>> = {
  Deal_Registration__c: [
    'Partner_Account__c',
    'Partner_Contact__c',
    'Customer_Name__c',
    'Customer_Domain__c',
    'Customer_Country__c',
    'Customer_Account__c',
    'Product_Family__c',
    'Estimated_Amount__c',
    'Expected_Close_Date__c',
    'Status__c',
    'Conflict_Status__c',
    'Conflict_Summary__c',
    'Conflict_Details__c',
    'Submitted_At__c',
    'Decided_At__c',
    'Protection_Expires_On__c',
    'Opportunity__c',
    'Rejection_Reason__c',
  ],
  Account: [
    'Partner_Type__c',
    'Partner_Tier__c',
    'Partner_Tier_Score__c',
    'Partner_Tier_Since__c',
    'Partner_Tier_Status__c',
    'Trellis_Name_Key__c',
    'Trellis_Domain_Key__c',
  ],
  Partner_Metric__c: [
    'Partner_Account__c',
    'Period_Start__c',
    'Sourced_Revenue__c',
    'Influenced_Revenue__c',
    'Deals_Won__c',
    'Deals_Registered__c',
    'Certifications__c',
    'Satisfaction_Score__c',
    'External_Id__c',
  ],
  Tier_Change__c: [
    'Partner_Account__c',
    'From_Tier__c',
    'To_Tier__c',
    'Reason__c',
    'Effective_On__c',
    'Run_Id__c',
  ],
  Opportunity: ['Deal_Registration__c', 'Partner_Attribution__c'],
};

/** Fields the engine and the CLI rely on beyond the architecture table. */
const ENGINE_FIELDS: Readonly<Record<string, string[]>> = {
  Deal_Registration__c: [
    'Extension_Count__c',
    'Rules_Version__c',
    'Customer_Name_Key__c',
    'Customer_Domain_Key__c',
  ],
  Account: ['Partner_Status__c', 'Partner_Grace_Started_On__c', 'Strategic_Account__c'],
  Tier_Change__c: ['Kind__c'],
  Opportunity: ['Product_Family__c'],
};

/** Indexed match and upsert keys: External IDs, so that SOQL filtering on them is selective. */
const EXTERNAL_IDS = [
  'Account.Trellis_Name_Key__c',
  'Account.Trellis_Domain_Key__c',
  'Deal_Registration__c.Customer_Name_Key__c',
  'Deal_Registration__c.Customer_Domain_Key__c',
  'Tier_Change__c.Run_Id__c',
  'Partner_Metric__c.External_Id__c',
];

// ---------------------------------------------------------------------------------------------
// Salesforce's rules (Metadata API: CustomObject, CustomField, SharingModel, FieldType)
// ---------------------------------------------------------------------------------------------

const METADATA_NS = 'http://soap.sforce.com/2006/04/metadata';

/** The Metadata API's FieldType enumeration. */
const FIELD_TYPES = new Set([
  'AutoNumber',
  'Lookup',
  'MasterDetail',
  'Checkbox',
  'Currency',
  'Date',
  'DateTime',
  'Email',
  'Number',
  'Percent',
  'Phone',
  'Picklist',
  'MultiselectPicklist',
  'Text',
  'TextArea',
  'LongTextArea',
  'Html',
  'Url',
  'EncryptedText',
  'Summary',
  'Hierarchy',
  'File',
  'MetadataRelationship',
  'Location',
  'ExternalLookup',
  'IndirectLookup',
  'CustomDataType',
  'Time',
]);

/** Org-wide defaults a custom object may take, most open last (ControlledByParent stands apart). */
const SHARING_ORDER = ['Private', 'Read', 'ReadWrite'];
const DELETE_CONSTRAINTS = new Set(['SetNull', 'Restrict', 'Cascade']);
/** Field types Salesforce lets be an External ID. */
const EXTERNAL_ID_TYPES = new Set(['Text', 'Number', 'Email']);
/** Custom object (and custom metadata type) API names. */
const CUSTOM_NAME = /^[A-Za-z](?:[A-Za-z0-9]|_(?!_))*(?<!_)__(?:c|mdt)$/;
/** Custom field API names: a letter, then letters, digits and single underscores, then __c. */
const FIELD_NAME = /^[A-Za-z](?:[A-Za-z0-9]|_(?!_))*(?<!_)__c$/;
/** Relationship names follow the same rule, without a suffix. */
const RELATIONSHIP_NAME = /^[A-Za-z](?:[A-Za-z0-9]|_(?!_))*(?<!_)$/;
/** Entity references XML defines without a DTD. */
const XML_REFERENCE = /&(?:amp|lt|gt|quot|apos|#[0-9]+|#x[0-9A-Fa-f]+);/y;

const LIMITS = { label: 40, description: 1000, inlineHelpText: 510, apiName: 40, historyFields: 20 };

// ---------------------------------------------------------------------------------------------
// Reading force-app
// ---------------------------------------------------------------------------------------------

type XmlValue = string | XmlNode | XmlValue[];
interface XmlNode {
  [name: string]: XmlValue;
}

const FORCE_APP = fileURLToPath(new URL('../../force-app/', import.meta.url));
const OBJECTS_DIR = join(FORCE_APP, 'main', 'default', 'objects');

const ROOT_BY_SUFFIX: Readonly<Record<string, string>> = {
  '.object-meta.xml': 'CustomObject',
  '.field-meta.xml': 'CustomField',
  '.validationRule-meta.xml': 'ValidationRule',
};

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  // Keep every value as the text Salesforce reads: '0', 'true' and '00123' stay strings.
  parseTagValue: false,
  // Picklist values form a list even when there is one.
  isArray: (tagName) => tagName === 'value',
});

interface MetadataFile {
  /** Path relative to force-app, with forward slashes: the test's name for the file. */
  name: string;
  path: string;
  source: string;
  suffix: string;
}

function suffixOf(file: string): string | undefined {
  return Object.keys(ROOT_BY_SUFFIX).find((suffix) => file.endsWith(suffix));
}

const files: MetadataFile[] = readdirSync(FORCE_APP, { recursive: true, encoding: 'utf8' })
  .flatMap((entry) => {
    const suffix = suffixOf(entry);
    if (suffix === undefined) return [];
    const path = join(FORCE_APP, entry);
    return [{ name: entry.split(sep).join('/'), path, source: readFileSync(path, 'utf8'), suffix }];
  })
  .sort((a, b) => a.name.localeCompare(b.name));

function isNode(value: XmlValue | undefined): value is XmlNode {
  return typeof value === 'object' && !Array.isArray(value);
}

/** The document's one root element (besides the XML declaration), by name. */
function rootOf(file: MetadataFile): { name: string; node: XmlNode } {
  const document = parser.parse(file.source) as XmlNode;
  const names = Object.keys(document).filter((key) => key !== '?xml');
  const name = names[0];
  const node = name === undefined ? undefined : document[name];
  if (names.length !== 1 || name === undefined || !isNode(node)) {
    throw new Error(`${file.name}: expected one root element, found ${JSON.stringify(names)}`);
  }
  return { name, node };
}

/** The text of a child element that must occur at most once. */
function text(node: XmlNode, name: string): string | undefined {
  const value = node[name];
  return typeof value === 'string' ? value : undefined;
}

/** The object a file under objects/<Object>/ belongs to. */
function objectOf(file: MetadataFile): string {
  const parts = relative(OBJECTS_DIR, file.path).split(sep);
  const object = parts[0];
  if (parts.length < 2 || object === undefined || object === '..') {
    throw new Error(`${file.name} is not under objects/`);
  }
  return object;
}

interface Field {
  object: string;
  apiName: string;
  file: MetadataFile;
  node: XmlNode;
  type: string;
}

interface CustomObjectDef {
  object: string;
  file: MetadataFile;
  node: XmlNode;
}

const fields: Field[] = files
  .filter((file) => file.suffix === '.field-meta.xml')
  .map((file) => {
    const { node } = rootOf(file);
    return {
      object: objectOf(file),
      apiName: text(node, 'fullName') ?? '',
      file,
      node,
      type: text(node, 'type') ?? '',
    };
  });

const objects: CustomObjectDef[] = files
  .filter((file) => file.suffix === '.object-meta.xml')
  .map((file) => ({ object: objectOf(file), file, node: rootOf(file).node }));

const objectDef = (object: string): CustomObjectDef | undefined =>
  objects.find((definition) => definition.object === object);
const fieldsOf = (object: string): Field[] => fields.filter((field) => field.object === object);
const qualified = (field: Field): string => `${field.object}.${field.apiName}`;

function fieldNamed(name: string): Field {
  const field = fields.find((candidate) => qualified(candidate) === name);
  if (field === undefined) throw new Error(`no field ${name} in force-app`);
  return field;
}

interface PicklistValue {
  fullName: string | undefined;
  default: string | undefined;
  label: string | undefined;
}

function picklistValues(field: Field): PicklistValue[] {
  const valueSet = field.node.valueSet;
  const definition = isNode(valueSet) ? valueSet.valueSetDefinition : undefined;
  const values = isNode(definition) ? definition.value : undefined;
  return (Array.isArray(values) ? values : []).map((value) =>
    isNode(value)
      ? { fullName: text(value, 'fullName'), default: text(value, 'default'), label: text(value, 'label') }
      : { fullName: undefined, default: undefined, label: undefined },
  );
}

// ---------------------------------------------------------------------------------------------
// Checks: each returns the problems it finds, so that a failure lists all of them.
// ---------------------------------------------------------------------------------------------

function integer(node: XmlNode, name: string): number | undefined {
  const value = text(node, name);
  return value !== undefined && /^[0-9]+$/.test(value) ? Number(value) : undefined;
}

const isBoolean = (value: string | undefined): boolean => value === 'true' || value === 'false';

/** Labels, descriptions and help text every field carries, within Salesforce's lengths. */
function documentationProblems(node: XmlNode, helpText: boolean): string[] {
  const problems: string[] = [];
  const required: [keyof typeof LIMITS, boolean][] = [
    ['label', true],
    ['description', true],
    ['inlineHelpText', helpText],
  ];
  for (const [name, needed] of required) {
    const value = text(node, name);
    if (value === undefined || value.trim() === '') {
      if (needed) problems.push(`no <${name}>`);
    } else if (value.length > LIMITS[name]) {
      problems.push(`<${name}> is ${value.length} characters, more than ${LIMITS[name]}`);
    }
  }
  return problems;
}

/** What Salesforce requires of a field of each type. */
function typeProblems(field: Field): string[] {
  const { node, type } = field;
  const problems: string[] = [];
  const precision = integer(node, 'precision');
  const scale = integer(node, 'scale');
  const length = integer(node, 'length');
  const required = text(node, 'required');

  if (!FIELD_TYPES.has(type)) problems.push(`<type> ${JSON.stringify(type)} is not a Metadata API FieldType`);
  if (required !== undefined && !isBoolean(required)) problems.push(`<required> is ${required}`);

  switch (type) {
    case 'Text':
      if (length === undefined || length < 1 || length > 255)
        problems.push('Text needs a <length> of 1 to 255');
      break;
    case 'TextArea':
      if (length !== undefined) problems.push('TextArea takes no <length> (it holds 255 characters)');
      break;
    case 'LongTextArea':
      if (length === undefined || length < 256 || length > 131072) {
        problems.push('LongTextArea needs a <length> of 256 to 131072');
      }
      if (integer(node, 'visibleLines') === undefined) problems.push('LongTextArea needs <visibleLines>');
      break;
    case 'Number':
    case 'Currency':
    case 'Percent':
      if (precision === undefined || scale === undefined) {
        problems.push(`${type} needs <precision> and <scale>`);
      } else if (!(precision >= 1 && scale <= precision && precision <= 18)) {
        problems.push(`${type} needs scale <= precision <= 18, has ${precision},${scale}`);
      }
      break;
    case 'Lookup':
    case 'MasterDetail': {
      const relationshipName = text(node, 'relationshipName');
      if (text(node, 'referenceTo') === undefined) problems.push(`${type} needs <referenceTo>`);
      if (relationshipName === undefined || !RELATIONSHIP_NAME.test(relationshipName)) {
        problems.push(`${type} needs a valid <relationshipName>, has ${JSON.stringify(relationshipName)}`);
      }
      if (text(node, 'relationshipLabel') === undefined) problems.push(`${type} needs <relationshipLabel>`);
      const deleteConstraint = text(node, 'deleteConstraint');
      if (type === 'Lookup') {
        if (deleteConstraint === undefined || !DELETE_CONSTRAINTS.has(deleteConstraint)) {
          problems.push(`Lookup needs <deleteConstraint> SetNull, Restrict or Cascade`);
        } else if (required === 'true' && deleteConstraint === 'SetNull') {
          problems.push('a required Lookup cannot clear itself: <deleteConstraint> must not be SetNull');
        }
      } else {
        if (deleteConstraint !== undefined) problems.push('MasterDetail takes no <deleteConstraint>');
        if (required !== undefined) problems.push('MasterDetail takes no <required> (it always is)');
        if (!['0', '1'].includes(text(node, 'relationshipOrder') ?? '')) {
          problems.push('MasterDetail needs <relationshipOrder> 0 or 1');
        }
        for (const flag of ['reparentableMasterDetail', 'writeRequiresMasterRead']) {
          if (!isBoolean(text(node, flag))) problems.push(`MasterDetail needs <${flag}> true or false`);
        }
      }
      break;
    }
    case 'Picklist': {
      const valueSet = node.valueSet;
      if (!isNode(valueSet) || !isNode(valueSet.valueSetDefinition)) {
        problems.push('Picklist needs <valueSet> with <valueSetDefinition>');
        break;
      }
      if (!isBoolean(text(valueSet, 'restricted')))
        problems.push('<valueSet> needs <restricted> true or false');
      if (!isBoolean(text(valueSet.valueSetDefinition, 'sorted'))) {
        problems.push('<valueSetDefinition> needs <sorted> true or false');
      }
      const values = picklistValues(field);
      if (values.length === 0) problems.push('Picklist has no <value>');
      for (const value of values) {
        if (value.fullName === undefined || value.label === undefined || !isBoolean(value.default)) {
          problems.push(`picklist <value> needs <fullName>, <default> and <label>: ${JSON.stringify(value)}`);
        }
      }
      const names = values.map((value) => value.fullName);
      if (new Set(names).size !== names.length) problems.push('picklist values repeat');
      if (values.filter((value) => value.default === 'true').length > 1)
        problems.push('more than one default');
      break;
    }
    case 'Checkbox':
      if (!isBoolean(text(node, 'defaultValue')))
        problems.push('Checkbox needs <defaultValue> true or false');
      if (required !== undefined) problems.push('Checkbox takes no <required>');
      break;
    default:
      break;
  }

  const externalId = text(node, 'externalId');
  if (externalId === 'true' && !EXTERNAL_ID_TYPES.has(type))
    problems.push(`${type} cannot be an External ID`);
  if (text(node, 'unique') === 'true' && type === 'Text' && !isBoolean(text(node, 'caseSensitive'))) {
    problems.push('a unique Text field needs <caseSensitive>');
  }
  return problems;
}

/** Elements that must appear once; a repeated one would parse as a list. */
function repeatedElements(node: XmlNode): string[] {
  return Object.entries(node)
    .filter(([name, value]) => Array.isArray(value) && name !== 'value')
    .map(([name]) => `<${name}> appears more than once`);
}

// ---------------------------------------------------------------------------------------------

describe('force-app metadata files', () => {
  test('force-app holds the Trellis data model', () => {
    const names = files.map((file) => file.name);
    expect(names).toEqual(
      expect.arrayContaining([
        'main/default/objects/Deal_Registration__c/Deal_Registration__c.object-meta.xml',
        'main/default/objects/Partner_Metric__c/Partner_Metric__c.object-meta.xml',
        'main/default/objects/Tier_Change__c/Tier_Change__c.object-meta.xml',
      ]),
    );
    expect(fields.length).toBeGreaterThanOrEqual(50);
  });

  test.each(files.map((file) => [file.name, file] as const))(
    '%s is well-formed XML rooted in the metadata namespace',
    (_name, file) => {
      // The parser is lenient (it accepts a mismatched closing tag); the validator is not. It is
      // deprecated in favour of the separate fast-xml-validator package, which the project does
      // not depend on; fast-xml-parser 5 still ships and maintains it.
      // eslint-disable-next-line @typescript-eslint/no-deprecated
      expect(XMLValidator.validate(file.source)).toBe(true);
      // Outside a DTD only the five predefined entities and character references exist.
      const references = [...file.source.matchAll(/&/g)].map((match) => {
        XML_REFERENCE.lastIndex = match.index;
        return XML_REFERENCE.test(file.source) ? 'ok' : file.source.slice(match.index, match.index + 12);
      });
      expect(references.filter((reference) => reference !== 'ok')).toEqual([]);

      const document = parser.parse(file.source) as XmlNode;
      expect(document['?xml']).toEqual({ '@_version': '1.0', '@_encoding': 'UTF-8' });
      const { name, node } = rootOf(file);
      expect(name).toBe(ROOT_BY_SUFFIX[file.suffix]);
      expect(node['@_xmlns']).toBe(METADATA_NS);
      expect(repeatedElements(node)).toEqual([]);
    },
  );
});

describe('objects', () => {
  test('standard objects are extended with fields only, never redefined', () => {
    // Deploying objects/Account/Account.object-meta.xml would overwrite the org's own Account
    // settings (sharing, history, search): Trellis ships fields on standard objects, nothing more.
    expect(objects.map((definition) => definition.object).filter((name) => !CUSTOM_NAME.test(name))).toEqual(
      [],
    );
  });

  test.each(objects.map((definition) => [definition.object, definition] as const))(
    '%s is a complete, deployable custom object',
    (object, definition) => {
      const { node, file } = definition;
      expect(basename(file.path)).toBe(`${object}.object-meta.xml`);
      expect(basename(dirname(file.path))).toBe(object);
      expect(object.replace(/__(c|mdt)$/, '').length).toBeLessThanOrEqual(LIMITS.apiName);
      expect(documentationProblems(node, false)).toEqual([]);
      if (object.endsWith('__mdt')) return;

      expect(text(node, 'pluralLabel')).toEqual(expect.any(String));
      expect(text(node, 'deploymentStatus')).toBe('Deployed');

      const nameField = node.nameField;
      expect(isNode(nameField)).toBe(true);
      if (!isNode(nameField)) return;
      expect(text(nameField, 'label')).toEqual(expect.any(String));
      expect(['Text', 'AutoNumber']).toContain(text(nameField, 'type'));
      if (text(nameField, 'type') === 'AutoNumber') {
        expect(text(nameField, 'displayFormat')).toMatch(/\{0+\}/);
      }

      // ControlledByParent exactly when the object is the detail of a master-detail relationship.
      const sharingModel = text(node, 'sharingModel') ?? '';
      const externalSharingModel = text(node, 'externalSharingModel') ?? '';
      const isDetail = fieldsOf(object).some((field) => field.type === 'MasterDetail');
      if (isDetail) {
        expect({ sharingModel, externalSharingModel }).toEqual({
          sharingModel: 'ControlledByParent',
          externalSharingModel: 'ControlledByParent',
        });
      } else {
        expect(SHARING_ORDER).toContain(sharingModel);
        expect(SHARING_ORDER).toContain(externalSharingModel);
        // External users never get more than internal ones.
        expect(SHARING_ORDER.indexOf(externalSharingModel)).toBeLessThanOrEqual(
          SHARING_ORDER.indexOf(sharingModel),
        );
      }

      // Bulk API, sharing and Streaming API are switched on together (an Enterprise Application
      // object); Trellis writes in bulk, so all three are on.
      for (const flag of ['enableBulkApi', 'enableSharing', 'enableStreamingApi']) {
        expect([flag, text(node, flag)]).toEqual([flag, 'true']);
      }

      const tracked = fieldsOf(object).filter((field) => text(field.node, 'trackHistory') === 'true');
      if (tracked.length > 0) expect(text(node, 'enableHistory')).toBe('true');
      expect(tracked.length).toBeLessThanOrEqual(LIMITS.historyFields);
    },
  );

  test('Deal_Registration__c is private by default, inside and outside the company', () => {
    const node = objectDef('Deal_Registration__c')?.node ?? {};
    expect(text(node, 'sharingModel')).toBe('Private');
    expect(text(node, 'externalSharingModel')).toBe('Private');
    expect(text(node, 'label')).toBe('Deal Registration');
    expect(node.nameField).toEqual(
      expect.objectContaining({ type: 'AutoNumber', displayFormat: 'DR-{000000}' }),
    );
    for (const flag of [
      'enableHistory',
      'enableReports',
      'enableSearch',
      'enableActivities',
      'enableBulkApi',
      'enableSharing',
      'enableStreamingApi',
    ]) {
      expect([flag, text(node, flag)]).toEqual([flag, 'true']);
    }
  });

  test('Partner_Metric__c follows its partner; Tier_Change__c is readable by all, written by its owner', () => {
    expect(text(objectDef('Partner_Metric__c')?.node ?? {}, 'sharingModel')).toBe('ControlledByParent');
    expect(fieldNamed('Partner_Metric__c.Partner_Account__c').type).toBe('MasterDetail');
    expect(objectDef('Partner_Metric__c')?.node.nameField).toEqual(
      expect.objectContaining({ type: 'Text', label: 'Metric Name' }),
    );
    expect(text(objectDef('Tier_Change__c')?.node ?? {}, 'sharingModel')).toBe('Read');
    expect(text(objectDef('Tier_Change__c')?.node ?? {}, 'enableHistory')).toBe('true');
    expect(objectDef('Tier_Change__c')?.node.nameField).toEqual(
      expect.objectContaining({ type: 'AutoNumber', displayFormat: 'TC-{000000}' }),
    );
  });
});

describe('fields', () => {
  test.each(fields.map((field) => [qualified(field), field] as const))(
    '%s has what Salesforce requires of its type',
    (_name, field) => {
      expect(basename(field.file.path)).toBe(`${field.apiName}.field-meta.xml`);
      expect(basename(dirname(field.file.path))).toBe('fields');
      expect(field.apiName).toMatch(FIELD_NAME);
      expect(field.apiName.replace(/__c$/, '').length).toBeLessThanOrEqual(LIMITS.apiName);
      expect(documentationProblems(field.node, true)).toEqual([]);
      expect(typeProblems(field)).toEqual([]);
    },
  );

  test('labels are unique within each object', () => {
    const seen = new Map<string, string>();
    const duplicates: string[] = [];
    for (const field of fields) {
      const key = `${field.object}: ${text(field.node, 'label') ?? ''}`;
      const other = seen.get(key);
      if (other !== undefined) duplicates.push(`${key} (${other}, ${field.apiName})`);
      seen.set(key, field.apiName);
    }
    expect(duplicates).toEqual([]);
  });

  test('relationship names are unique per referenced object', () => {
    const byTarget = new Map<string, string[]>();
    for (const field of fields.filter((candidate) => ['Lookup', 'MasterDetail'].includes(candidate.type))) {
      const key = `${text(field.node, 'referenceTo') ?? ''}.${text(field.node, 'relationshipName') ?? ''}`;
      byTarget.set(key, [...(byTarget.get(key) ?? []), qualified(field)]);
    }
    const clashes = [...byTarget.entries()].filter(([, owners]) => owners.length > 1);
    expect(clashes).toEqual([]);
  });

  test('field history is tracked only on objects Trellis defines', () => {
    // Tracking a field of Account or Opportunity needs the org's own history setting for that
    // object, which Trellis does not own: the audit trail of tiers is Tier_Change__c instead.
    const tracked = fields
      .filter((field) => text(field.node, 'trackHistory') === 'true' && objectDef(field.object) === undefined)
      .map(qualified);
    expect(tracked).toEqual([]);
  });

  test.each(Object.entries(ARCHITECTURE_FIELDS))(
    'every field ARCHITECTURE.md names on %s exists',
    (object, names) => {
      const present = new Set(fieldsOf(object).map((field) => field.apiName));
      expect(names.filter((name) => !present.has(name))).toEqual([]);
    },
  );

  test.each(Object.entries(ENGINE_FIELDS))('the fields the engine relies on exist on %s', (object, names) => {
    const present = new Set(fieldsOf(object).map((field) => field.apiName));
    expect(names.filter((name) => !present.has(name))).toEqual([]);
  });

  test.each(Object.entries(PICKLISTS))('%s has the engine values', (name, expected) => {
    const field = fieldNamed(name);
    expect(field.type).toBe('Picklist');
    const values = picklistValues(field);
    expect(values.map((value) => value.fullName)).toEqual(expected.values);
    const valueSet = field.node.valueSet;
    expect(isNode(valueSet) ? text(valueSet, 'restricted') : undefined).toBe(String(expected.restricted));
    expect(values.filter((value) => value.default === 'true').map((value) => value.fullName)).toEqual(
      expected.default === undefined ? [] : [expected.default],
    );
  });

  test('every picklist of the Trellis objects is held to the values above', () => {
    const picklists = fields
      .filter((field) => field.type === 'Picklist' && !field.object.endsWith('__mdt'))
      .map(qualified);
    expect(picklists.sort()).toEqual(Object.keys(PICKLISTS).sort());
  });

  test.each(EXTERNAL_IDS)('%s is an External ID, hence indexed', (name) => {
    expect(text(fieldNamed(name).node, 'externalId')).toBe('true');
  });

  test('External_Id__c is the case-insensitive unique upsert key of Partner_Metric__c', () => {
    const { node } = fieldNamed('Partner_Metric__c.External_Id__c');
    expect({ unique: text(node, 'unique'), caseSensitive: text(node, 'caseSensitive') }).toEqual({
      unique: 'true',
      caseSensitive: 'false',
    });
  });

  test.each([
    ['Deal_Registration__c.Partner_Account__c', 'Account', 'Partner_Deal_Registrations', 'Restrict'],
    ['Deal_Registration__c.Partner_Contact__c', 'Contact', 'Deal_Registrations', 'SetNull'],
    ['Deal_Registration__c.Customer_Account__c', 'Account', 'Customer_Deal_Registrations', 'SetNull'],
    ['Deal_Registration__c.Opportunity__c', 'Opportunity', 'Deal_Registrations', 'SetNull'],
    ['Opportunity.Deal_Registration__c', 'Deal_Registration__c', 'Opportunities', 'SetNull'],
    ['Tier_Change__c.Partner_Account__c', 'Account', 'Tier_Changes', 'Restrict'],
    ['Partner_Metric__c.Partner_Account__c', 'Account', 'Partner_Metrics', undefined],
  ])('%s refers to %s as %s (on delete: %s)', (name, referenceTo, relationshipName, deleteConstraint) => {
    const { node } = fieldNamed(name);
    expect({
      referenceTo: text(node, 'referenceTo'),
      relationshipName: text(node, 'relationshipName'),
      deleteConstraint: text(node, 'deleteConstraint'),
    }).toEqual({ referenceTo, relationshipName, deleteConstraint });
  });

  test('required fields are the ones a record cannot do without', () => {
    const required = fields
      .filter((field) => text(field.node, 'required') === 'true' && !field.object.endsWith('__mdt'))
      .map(qualified);
    expect(required.sort()).toEqual([
      'Deal_Registration__c.Customer_Name__c',
      'Partner_Metric__c.Period_Start__c',
    ]);
  });
});

describe('validation rules', () => {
  const rules = files.filter((file) => file.suffix === '.validationRule-meta.xml');

  test.each(rules.map((file) => [file.name, file] as const))(
    '%s names its file and its fields',
    (_name, file) => {
      const { node } = rootOf(file);
      const object = objectOf(file);
      expect(basename(file.path)).toBe(`${text(node, 'fullName') ?? ''}.validationRule-meta.xml`);
      expect(text(node, 'active')).toBe('true');
      expect(text(node, 'description')).toEqual(expect.any(String));
      expect(text(node, 'errorMessage')).toEqual(expect.any(String));
      const formula = text(node, 'errorConditionFormula') ?? '';
      const present = new Set(fieldsOf(object).map((field) => field.apiName));
      const referenced = [...formula.matchAll(/\b[A-Za-z][A-Za-z0-9_]*__c\b/g)].map((match) => match[0]);
      expect(referenced.length).toBeGreaterThan(0);
      expect(referenced.filter((name) => !present.has(name))).toEqual([]);
      const displayField = text(node, 'errorDisplayField');
      if (displayField !== undefined) expect(present.has(displayField)).toBe(true);
    },
  );
});
