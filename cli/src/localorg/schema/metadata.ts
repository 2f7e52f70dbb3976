/**
 * Reads the data model in force-app (SFDX source format) as a Salesforce org reads it on deploy:
 * `objects/<Object>/<Object>.object-meta.xml` for each custom object and
 * `objects/<Object>/fields/<Field>.field-meta.xml` for each custom field, on custom and standard
 * objects alike. Validation rules, list views and the rest are not part of the schema and are
 * not read.
 *
 * Each field becomes a `FieldSchema` with the attributes a real org's describe reports for it:
 *
 *   Text                -> string, its length          Checkbox            -> boolean, its default
 *   TextArea            -> textarea, 255               Picklist            -> picklist, 255
 *   LongTextArea        -> textarea, its length        MultiselectPicklist -> multipicklist, 4099
 *   Number              -> double, precision, scale    Email               -> email, 80
 *   Currency            -> currency, precision, scale  Phone               -> phone, 40
 *   Percent             -> percent, precision, scale   Url                 -> url, 255
 *   Date / DateTime     -> date / datetime             Lookup, MasterDetail -> reference, 18
 *
 * A custom relationship field `Partner_Account__c` is traversed from the child as
 * `Partner_Account__r` (its describe relationshipName), and from the parent through the child
 * relationship named by the metadata's `<relationshipName>` plus `__r`
 * (`Partner_Deal_Registrations__r`).
 *
 * Anything the local org cannot serve faithfully (formula fields, other field types, global
 * value sets, default formulas that are not literals) is an error naming the file, not a guess.
 */
import { access, readdir, readFile } from 'node:fs/promises';
import { basename, join, relative } from 'node:path';

import { XMLParser, XMLValidator } from 'fast-xml-parser';

import {
  auditFields,
  defineField,
  leadingSystemFields,
  type FieldSpec,
  type LocalFieldSchema,
  type LocalSObjectSchema,
} from './model.ts';
import type { FieldType, PicklistValue } from './types.ts';

/** A problem in one metadata file. */
export class MetadataError extends Error {
  /** Absolute path of the file. */
  readonly file: string;

  constructor(file: string, displayPath: string, problem: string) {
    super(`${displayPath}: ${problem}`);
    this.name = 'MetadataError';
    this.file = file;
  }
}

/** A custom object as its object-meta.xml declares it. */
export interface CustomObjectMetadata {
  name: string;
  file: string;
  label: string;
  pluralLabel: string;
  description: string | null;
  sharingModel: string;
  nameField: {
    label: string;
    type: 'Text' | 'AutoNumber';
    displayFormat: string | null;
    startingNumber: number;
  };
  enableFeeds: boolean;
  enableSearch: boolean;
  /** A tab exists for the object (tabs/<Object>.tab-meta.xml). */
  hasTab: boolean;
}

/** A custom field as its field-meta.xml declares it, already in describe terms. */
export interface CustomFieldMetadata {
  /** API name of the object the field is on (the folder name). */
  object: string;
  file: string;
  /** The metadata type (`Text`, `MasterDetail`...). */
  metadataType: string;
  field: LocalFieldSchema;
}

export interface ForceAppMetadata {
  objects: CustomObjectMetadata[];
  /** Custom fields of custom and standard objects, by object then field name. */
  fields: CustomFieldMetadata[];
}

// ---------------------------------------------------------------------------------------------
// XML access
// ---------------------------------------------------------------------------------------------

type XmlValue = string | XmlNode | XmlValue[];
export interface XmlNode {
  [tag: string]: XmlValue | undefined;
}

const parser = new XMLParser({
  ignoreAttributes: true,
  ignoreDeclaration: true,
  parseTagValue: false,
  trimValues: true,
});

/** Reads one file's root element, reporting malformed XML with its line. */
export class MetadataFile {
  readonly file: string;
  readonly displayPath: string;
  readonly root: XmlNode;

  constructor(file: string, displayPath: string, xml: string, rootTag: string) {
    this.file = file;
    this.displayPath = displayPath;
    // fast-xml-validator, which the deprecation points to, is not a dependency; this is the
    // validator fast-xml-parser ships, and it reports the line of the problem.
    // eslint-disable-next-line @typescript-eslint/no-deprecated
    const valid = XMLValidator.validate(xml);
    if (valid !== true) {
      throw this.error(`malformed XML at line ${valid.err.line}, column ${valid.err.col}: ${valid.err.msg}`);
    }
    const document = parser.parse(xml) as XmlNode;
    const root = document[rootTag];
    if (root === undefined) {
      const found = Object.keys(document).join(', ') || 'nothing';
      throw this.error(`expected a <${rootTag}> root element, found ${found}`);
    }
    this.root = isNode(root) ? root : {};
  }

  error(problem: string): MetadataError {
    return new MetadataError(this.file, this.displayPath, problem);
  }

  /** The text of a child element, or null when absent. */
  text(node: XmlNode, tag: string, path = tag): string | null {
    const value = node[tag];
    if (value === undefined) return null;
    if (typeof value !== 'string') throw this.error(`<${path}> must hold text and appear once`);
    return value;
  }

  requiredText(node: XmlNode, tag: string, path = tag): string {
    const value = this.text(node, tag, path);
    if (value === null || value === '') throw this.error(`<${path}> is required`);
    return value;
  }

  bool(node: XmlNode, tag: string, fallback: boolean, path = tag): boolean {
    const value = this.text(node, tag, path);
    if (value === null) return fallback;
    if (value === 'true') return true;
    if (value === 'false') return false;
    throw this.error(`<${path}> must be true or false, not ${JSON.stringify(value)}`);
  }

  int(node: XmlNode, tag: string, path = tag): number | null {
    const value = this.text(node, tag, path);
    if (value === null) return null;
    if (!/^\d+$/.test(value))
      throw this.error(`<${path}> must be a whole number, not ${JSON.stringify(value)}`);
    return Number(value);
  }

  child(node: XmlNode, tag: string, path = tag): XmlNode | null {
    const value = node[tag];
    if (value === undefined) return null;
    if (!isNode(value)) throw this.error(`<${path}> must hold elements and appear once`);
    return value;
  }

  /** Every occurrence of a repeated child element. */
  children(node: XmlNode, tag: string, path = tag): XmlNode[] {
    const value = node[tag];
    if (value === undefined) return [];
    const list = Array.isArray(value) ? value : [value];
    return list.map((item) => {
      if (!isNode(item)) throw this.error(`each <${path}> must hold elements`);
      return item;
    });
  }
}

function isNode(value: XmlValue): value is XmlNode {
  return typeof value === 'object' && !Array.isArray(value);
}

// ---------------------------------------------------------------------------------------------
// Custom objects
// ---------------------------------------------------------------------------------------------

const CUSTOM_OBJECT_NAME = /^[A-Za-z](?:[A-Za-z0-9]|_(?!_))*(?<!_)__c$/;
const CUSTOM_FIELD_NAME = CUSTOM_OBJECT_NAME;
const RELATIONSHIP_NAME = /^[A-Za-z](?:[A-Za-z0-9]|_(?!_))*(?<!_)$/;
const SHARING_MODELS = new Set([
  'Private',
  'Read',
  'ReadWrite',
  'ReadWriteTransfer',
  'FullAccess',
  'ControlledByParent',
]);

export function parseObjectFile(
  file: string,
  displayPath: string,
  xml: string,
  objectName: string,
  hasTab: boolean,
): CustomObjectMetadata {
  const meta = new MetadataFile(file, displayPath, xml, 'CustomObject');
  if (!CUSTOM_OBJECT_NAME.test(objectName)) {
    throw meta.error(
      `${objectName} is not a custom object API name (letters, digits and single underscores, ending in __c); ` +
        'custom metadata types, platform events and big objects are not served by the local org',
    );
  }
  const { root } = meta;
  const nameNode = meta.child(root, 'nameField');
  if (nameNode === null) throw meta.error('<nameField> is required');
  const nameType = meta.requiredText(nameNode, 'type', 'nameField/type');
  if (nameType !== 'Text' && nameType !== 'AutoNumber') {
    throw meta.error(`<nameField><type> must be Text or AutoNumber, not ${nameType}`);
  }
  const displayFormat = meta.text(nameNode, 'displayFormat', 'nameField/displayFormat');
  if (nameType === 'AutoNumber' && (displayFormat === null || !/\{0+\}/.test(displayFormat))) {
    throw meta.error('an AutoNumber <nameField> needs a <displayFormat> with a {000} number part');
  }
  const sharingModel = meta.text(root, 'sharingModel') ?? 'ReadWrite';
  if (!SHARING_MODELS.has(sharingModel)) {
    throw meta.error(`<sharingModel> ${sharingModel} is not a sharing model`);
  }
  return {
    name: objectName,
    file,
    label: meta.requiredText(root, 'label'),
    pluralLabel: meta.requiredText(root, 'pluralLabel'),
    description: meta.text(root, 'description'),
    sharingModel,
    nameField: {
      label: meta.requiredText(nameNode, 'label', 'nameField/label'),
      type: nameType,
      displayFormat: nameType === 'AutoNumber' ? displayFormat : null,
      startingNumber: meta.int(nameNode, 'startingNumber', 'nameField/startingNumber') ?? 1,
    },
    enableFeeds: meta.bool(root, 'enableFeeds', false),
    enableSearch: meta.bool(root, 'enableSearch', false),
    hasTab,
  };
}

/**
 * The schema of a custom object without its custom fields: Id, OwnerId (unless `masterDetail`,
 * whose records are owned through their master), IsDeleted, Name and the audit fields.
 */
export function customObjectSchema(
  meta: CustomObjectMetadata,
  keyPrefix: string,
  masterDetail: boolean,
): LocalSObjectSchema {
  const { nameField } = meta;
  const name =
    nameField.type === 'AutoNumber'
      ? defineField({
          name: 'Name',
          label: nameField.label,
          type: 'string',
          length: 30,
          nillable: false,
          createable: false,
          updateable: false,
          nameField: true,
          idLookup: true,
          autoNumber: true,
          displayFormat: nameField.displayFormat,
          details: {
            defaultedOnCreate: true,
            startingNumber: nameField.startingNumber,
            permissionable: false,
          },
        })
      : defineField({
          name: 'Name',
          label: nameField.label,
          type: 'string',
          length: 80,
          nameField: true,
          idLookup: true,
          details: { defaultedOnCreate: true, nameDefaultsToId: true, permissionable: false },
        });
  const leading = leadingSystemFields({
    idLabel: 'Record ID',
    owner: masterDetail ? 'none' : 'user',
    isDeleted: true,
  });
  return {
    name: meta.name,
    label: meta.label,
    labelPlural: meta.pluralLabel,
    keyPrefix,
    custom: true,
    sharingModel: meta.sharingModel,
    createable: true,
    updateable: true,
    deletable: true,
    queryable: true,
    fields: [...leading, name, ...auditFields()],
    childRelationships: [],
    details: {
      activateable: false,
      compactLayoutable: true,
      feedEnabled: meta.enableFeeds,
      layoutable: true,
      mergeable: false,
      mruEnabled: true,
      replicateable: true,
      retrieveable: true,
      searchable: meta.enableSearch,
      searchLayoutable: true,
      triggerable: true,
      undeletable: true,
      recordTypes: true,
      owned: !masterDetail,
      hasListViews: meta.hasTab,
      description: meta.description,
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Custom fields
// ---------------------------------------------------------------------------------------------

/** Field types the local org serves, with the describe type they become. */
const SUPPORTED_TYPES: Readonly<Record<string, FieldType>> = {
  Text: 'string',
  TextArea: 'textarea',
  LongTextArea: 'textarea',
  Number: 'double',
  Currency: 'currency',
  Percent: 'percent',
  Date: 'date',
  DateTime: 'datetime',
  Checkbox: 'boolean',
  Picklist: 'picklist',
  MultiselectPicklist: 'multipicklist',
  Email: 'email',
  Phone: 'phone',
  Url: 'url',
  Lookup: 'reference',
  MasterDetail: 'reference',
};

/** Other types of the Metadata API's FieldType enumeration. */
const UNSUPPORTED_TYPES = new Set([
  'AutoNumber',
  'Html',
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

/** Types that may be External IDs, and unique. */
const EXTERNAL_ID_TYPES = new Set(['Text', 'Number', 'Email']);

const DELETE_CONSTRAINTS = new Set(['SetNull', 'Restrict', 'Cascade']);

/** Picklist API names in metadata escape some characters (`%2C` for a comma, `%25` for `%`). */
function decodePicklistName(name: string): string {
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
}

function precisionAndScale(meta: MetadataFile, type: string): { precision: number; scale: number } {
  const precision = meta.int(meta.root, 'precision');
  if (precision === null) throw meta.error(`a ${type} field needs <precision>`);
  if (precision < 1 || precision > 18)
    throw meta.error(`<precision> must be between 1 and 18, not ${precision}`);
  const scale = meta.int(meta.root, 'scale') ?? 0;
  if (scale > precision) throw meta.error(`<scale> ${scale} is larger than <precision> ${precision}`);
  return { precision, scale };
}

function picklistValues(meta: MetadataFile): { values: PicklistValue[]; restricted: boolean } {
  const valueSet = meta.child(meta.root, 'valueSet');
  if (valueSet === null) throw meta.error('a picklist field needs a <valueSet>');
  if (meta.text(valueSet, 'valueSetName', 'valueSet/valueSetName') !== null) {
    throw meta.error('picklists on global value sets (<valueSetName>) are not supported by the local org');
  }
  const definition = meta.child(valueSet, 'valueSetDefinition', 'valueSet/valueSetDefinition');
  if (definition === null) throw meta.error('<valueSet> needs a <valueSetDefinition>');
  const values = meta.children(definition, 'value', 'valueSetDefinition/value').map((node): PicklistValue => {
    const value = decodePicklistName(meta.requiredText(node, 'fullName', 'value/fullName'));
    return {
      value,
      label: meta.text(node, 'label', 'value/label') ?? value,
      defaultValue: meta.bool(node, 'default', false, 'value/default'),
      active: meta.bool(node, 'isActive', true, 'value/isActive'),
    };
  });
  if (values.length === 0) throw meta.error('the picklist has no values');
  const seen = new Set<string>();
  for (const { value } of values) {
    if (seen.has(value.toLowerCase()))
      throw meta.error(`the picklist value ${JSON.stringify(value)} appears twice`);
    seen.add(value.toLowerCase());
  }
  if (values.filter((v) => v.defaultValue).length > 1)
    throw meta.error('more than one picklist value is the default');
  return { values, restricted: meta.bool(valueSet, 'restricted', false, 'valueSet/restricted') };
}

/** The value of a literal default formula, for the types whose defaults the local org applies. */
function literalDefault(meta: MetadataFile, formula: string, type: FieldType): string | number {
  const numeric = type === 'double' || type === 'currency' || type === 'percent';
  if (numeric && /^-?\d+(?:\.\d+)?$/.test(formula)) return Number(formula);
  const quoted = /^"((?:[^"\\]|\\.)*)"$/.exec(formula) ?? /^'((?:[^'\\]|\\.)*)'$/.exec(formula);
  if (!numeric && type !== 'date' && type !== 'datetime' && quoted) {
    return (quoted[1] ?? '').replace(/\\(.)/g, '$1');
  }
  throw meta.error(
    `the default value formula ${JSON.stringify(formula)} is not supported by the local org (only literal values are)`,
  );
}

export function parseFieldFile(
  file: string,
  displayPath: string,
  xml: string,
): { metadataType: string; field: LocalFieldSchema } {
  const meta = new MetadataFile(file, displayPath, xml, 'CustomField');
  const { root } = meta;
  const fromFile = basename(file).replace(/\.field-meta\.xml$/, '');
  const name = meta.text(root, 'fullName') ?? fromFile;
  if (name !== fromFile) throw meta.error(`<fullName> ${name} does not match the file name ${fromFile}`);
  if (!CUSTOM_FIELD_NAME.test(name)) {
    throw meta.error(
      `${name} is not a custom field API name (letters, digits and single underscores, ending in __c)`,
    );
  }
  const metadataType = meta.requiredText(root, 'type');
  if (meta.text(root, 'formula') !== null) {
    throw meta.error('formula fields are not supported by the local org');
  }
  const type = SUPPORTED_TYPES[metadataType];
  if (type === undefined) {
    throw meta.error(
      UNSUPPORTED_TYPES.has(metadataType)
        ? `field type ${metadataType} is not supported by the local org`
        : `${metadataType} is not a field type`,
    );
  }

  const required = meta.bool(root, 'required', false);
  const externalId = meta.bool(root, 'externalId', false);
  const unique = meta.bool(root, 'unique', false);
  if ((externalId || unique) && !EXTERNAL_ID_TYPES.has(metadataType)) {
    throw meta.error(`a ${metadataType} field cannot be ${externalId ? 'an External ID' : 'unique'}`);
  }
  const spec: FieldSpec = {
    name,
    label: meta.requiredText(root, 'label'),
    type,
    custom: true,
    nillable: !required,
    externalId,
    unique,
    caseSensitive: unique && meta.bool(root, 'caseSensitive', false),
    inlineHelpText: meta.text(root, 'inlineHelpText'),
  };

  switch (metadataType) {
    case 'Text': {
      const length = meta.int(root, 'length');
      if (length === null || length < 1 || length > 255) {
        throw meta.error('a Text field needs a <length> between 1 and 255');
      }
      spec.length = length;
      break;
    }
    case 'TextArea':
      spec.length = 255;
      break;
    case 'LongTextArea': {
      const length = meta.int(root, 'length');
      if (length === null || length < 256 || length > 131072) {
        throw meta.error('a LongTextArea field needs a <length> between 256 and 131072');
      }
      spec.length = length;
      break;
    }
    case 'Number':
    case 'Currency':
    case 'Percent':
      Object.assign(spec, precisionAndScale(meta, metadataType));
      break;
    case 'Checkbox': {
      const value = meta.text(root, 'defaultValue');
      if (value !== 'true' && value !== 'false') {
        throw meta.error('a Checkbox field needs a <defaultValue> of true or false');
      }
      spec.defaultValue = value === 'true';
      spec.nillable = false;
      break;
    }
    case 'Picklist':
    case 'MultiselectPicklist': {
      const { values, restricted } = picklistValues(meta);
      spec.picklist = values;
      spec.restrictedPicklist = restricted;
      const fallback = values.find((v) => v.defaultValue);
      if (fallback !== undefined) spec.defaultValue = fallback.value;
      break;
    }
    case 'Lookup':
    case 'MasterDetail': {
      const referenceTo = meta.requiredText(root, 'referenceTo');
      const relationshipName = meta.requiredText(root, 'relationshipName');
      if (!RELATIONSHIP_NAME.test(relationshipName)) {
        throw meta.error(`<relationshipName> ${relationshipName} is not a relationship name`);
      }
      spec.referenceTo = [referenceTo];
      spec.relationshipName = name.replace(/__c$/, '__r');
      const details: FieldSpec['details'] = { childRelationshipName: `${relationshipName}__r` };
      if (metadataType === 'MasterDetail') {
        if (meta.text(root, 'deleteConstraint') !== null) {
          throw meta.error(
            'a MasterDetail field takes no <deleteConstraint>: its children are deleted with the master',
          );
        }
        spec.nillable = false;
        spec.cascadeDelete = true;
        spec.updateable = meta.bool(root, 'reparentableMasterDetail', false);
        details.relationshipOrder = meta.int(root, 'relationshipOrder') ?? 0;
        details.writeRequiresMasterRead = meta.bool(root, 'writeRequiresMasterRead', false);
        details.permissionable = false;
      } else {
        const constraint = meta.text(root, 'deleteConstraint') ?? 'SetNull';
        if (!DELETE_CONSTRAINTS.has(constraint)) {
          throw meta.error(`<deleteConstraint> must be SetNull, Restrict or Cascade, not ${constraint}`);
        }
        if (constraint === 'SetNull' && required) {
          throw meta.error(
            'a required Lookup cannot clear itself when its parent is deleted (deleteConstraint SetNull)',
          );
        }
        spec.cascadeDelete = constraint === 'Cascade';
        details.restrictedDelete = constraint === 'Restrict';
      }
      spec.details = details;
      break;
    }
    default:
      break;
  }

  const formula = meta.text(root, 'defaultValue');
  if (formula !== null && metadataType !== 'Checkbox') {
    if (type === 'picklist' || type === 'multipicklist' || type === 'reference') {
      throw meta.error(`a ${metadataType} field takes no <defaultValue>`);
    }
    spec.defaultValue = literalDefault(meta, formula, type);
    spec.details = { ...spec.details, defaultValueFormula: formula };
  }
  return { metadataType, field: defineField(spec) };
}

// ---------------------------------------------------------------------------------------------
// force-app
// ---------------------------------------------------------------------------------------------

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}

async function listDir(path: string): Promise<{ name: string; dir: boolean }[]> {
  const entries = await readdir(path, { withFileTypes: true });
  return entries
    .map((e) => ({ name: e.name, dir: e.isDirectory() }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** The package directories of the project (sfdx-project.json), `force-app` when it has none. */
async function packageDirectories(projectDir: string): Promise<string[]> {
  const projectFile = join(projectDir, 'sfdx-project.json');
  if (!(await exists(projectFile))) return [join(projectDir, 'force-app')];
  let project: unknown;
  try {
    project = JSON.parse(await readFile(projectFile, 'utf8'));
  } catch (error) {
    throw new MetadataError(projectFile, 'sfdx-project.json', `not valid JSON: ${(error as Error).message}`);
  }
  const dirs =
    typeof project === 'object' && project !== null && 'packageDirectories' in project
      ? project.packageDirectories
      : undefined;
  if (!Array.isArray(dirs)) {
    throw new MetadataError(projectFile, 'sfdx-project.json', 'packageDirectories must be a list');
  }
  return dirs.map((entry: unknown) => {
    const path = typeof entry === 'object' && entry !== null && 'path' in entry ? entry.path : undefined;
    if (typeof path !== 'string') {
      throw new MetadataError(projectFile, 'sfdx-project.json', 'each package directory needs a path');
    }
    return join(projectDir, path);
  });
}

/** Every `objects` folder under a package directory (source format lets them be anywhere). */
async function objectsFolders(dir: string): Promise<string[]> {
  if (!(await exists(dir))) return [];
  const found: string[] = [];
  for (const entry of await listDir(dir)) {
    if (!entry.dir || entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const path = join(dir, entry.name);
    if (entry.name === 'objects') found.push(path);
    else found.push(...(await objectsFolders(path)));
  }
  return found;
}

/**
 * Reads every custom object and custom field of the project's package directories. Fields of
 * objects that have no object-meta.xml (Account, Opportunity...) are returned for the caller to
 * merge into the standard objects.
 */
export async function readForceApp(projectDir: string): Promise<ForceAppMetadata> {
  const objects: CustomObjectMetadata[] = [];
  const fields: CustomFieldMetadata[] = [];
  const display = (path: string): string => displayPath(projectDir, path);
  for (const packageDir of await packageDirectories(projectDir)) {
    for (const folder of await objectsFolders(packageDir)) {
      const tabsDir = join(folder, '..', 'tabs');
      for (const objectEntry of await listDir(folder)) {
        if (!objectEntry.dir) continue;
        const objectName = objectEntry.name;
        // Custom metadata types (Engagement_Rule__mdt...) are configuration that Apex reads with
        // getAll(), not records: the local org takes the same settings from trellis.config.json.
        if (objectName.endsWith('__mdt')) continue;
        const objectDir = join(folder, objectName);
        const objectFile = join(objectDir, `${objectName}.object-meta.xml`);
        if (await exists(objectFile)) {
          const hasTab = await exists(join(tabsDir, `${objectName}.tab-meta.xml`));
          const xml = await readFile(objectFile, 'utf8');
          objects.push(parseObjectFile(objectFile, display(objectFile), xml, objectName, hasTab));
        }
        const fieldsDir = join(objectDir, 'fields');
        if (!(await exists(fieldsDir))) continue;
        for (const fieldEntry of await listDir(fieldsDir)) {
          const file = join(fieldsDir, fieldEntry.name);
          if (fieldEntry.dir || !fieldEntry.name.endsWith('.field-meta.xml')) {
            throw new MetadataError(
              file,
              display(file),
              'only *.field-meta.xml files belong in a fields folder',
            );
          }
          const parsed = parseFieldFile(file, display(file), await readFile(file, 'utf8'));
          fields.push({ object: objectName, file, ...parsed });
        }
      }
    }
  }
  return { objects, fields };
}

/** Path of a file relative to the project, as errors name it. */
export function displayPath(projectDir: string, file: string): string {
  return relative(projectDir, file) || file;
}
