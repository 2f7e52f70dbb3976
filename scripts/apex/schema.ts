/**
 * The objects and fields an org has once force-app is deployed, as far as a reference check
 * needs them: names (case-insensitive, as Apex and SOQL read them), and for each relationship the
 * object it leads to.
 *
 * - force-app: `objects/<Object>/` folders (custom objects `__c`, custom metadata types `__mdt`,
 *   platform events `__e`, and standard objects that only gain fields), their
 *   `fields/*.field-meta.xml` (Lookup, MasterDetail and MetadataRelationship fields are traversed
 *   as `<Field>__r`, and from the parent through `<relationshipName>__r`), and the system fields
 *   every custom object and custom metadata type has.
 * - standard objects: those apex-ls knows (standard-objects.ts), plus the standard fields the
 *   local org serves (cli/src/localorg/schema/standard-objects.ts; e.g. Opportunity.PartnerAccountId,
 *   which exists once partner relationship management is enabled).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';

import { XMLParser } from 'fast-xml-parser';

import { standardObjects as localOrgStandardObjects } from '../../cli/src/localorg/schema/standard-objects.ts';
import { StandardObjects } from './standard-objects.ts';

export interface FieldInfo {
  name: string;
  kind: 'value' | 'lookup' | 'children';
  /** Object a lookup leads to or child relationship holds; null when polymorphic or unknown. */
  target: string | null;
  /** Defined in force-app (file, type, required), for checks such as field permissions. */
  source: { file: string; type: string; required: boolean; formula: boolean } | null;
}

interface ObjectInfo {
  name: string;
  /** Declared in force-app (a custom object, custom metadata type or platform event). */
  custom: boolean;
  fields: Map<string, FieldInfo>;
}

const xml = new XMLParser({ ignoreAttributes: true, parseTagValue: false, trimValues: true });

function xmlText(node: Record<string, unknown>, tag: string): string | null {
  const value = node[tag];
  return typeof value === 'string' ? value : null;
}

/** System fields of every custom object (OwnerId on master-detail children is absent in a real org; harmless here). */
const CUSTOM_OBJECT_FIELDS: readonly [string, string | null][] = [
  ['Id', null],
  ['Name', null],
  ['OwnerId', null],
  ['IsDeleted', null],
  ['CreatedDate', null],
  ['CreatedById', null],
  ['LastModifiedDate', null],
  ['LastModifiedById', null],
  ['SystemModstamp', null],
  ['LastActivityDate', null],
  ['LastViewedDate', null],
  ['LastReferencedDate', null],
  ['RecordTypeId', null],
  ['CurrencyIsoCode', null],
  ['Owner', 'polymorphic'],
  ['CreatedBy', 'User'],
  ['LastModifiedBy', 'User'],
  ['RecordType', 'RecordType'],
];

/** System fields of every custom metadata type. */
const CUSTOM_METADATA_FIELDS = [
  'Id',
  'DeveloperName',
  'MasterLabel',
  'Label',
  'Language',
  'NamespacePrefix',
  'QualifiedApiName',
  'SystemModstamp',
];

/** System fields of every platform event. */
const PLATFORM_EVENT_FIELDS = ['ReplayId', 'CreatedDate', 'CreatedById', 'EventUuid'];

/** Objects and fields known once force-app is deployed. */
export class Schema {
  private readonly objects = new Map<string, ObjectInfo>();
  private readonly standard: StandardObjects;
  /** `object.field` (lower case) of standard fields that take no field permissions: required, system and name fields. */
  private readonly nonPermissionable = new Set<string>();

  constructor(sourceDir: string, standard: StandardObjects = new StandardObjects()) {
    this.standard = standard;
    for (const local of localOrgStandardObjects()) {
      const object = this.standardObject(local.name);
      for (const field of local.fields) {
        const target = field.relationshipName === null ? null : (field.referenceTo[0] ?? null);
        this.addField(object, { name: field.name, kind: 'value', target: null, source: null });
        if (!field.details.permissionable)
          this.nonPermissionable.add(`${object.name}.${field.name}`.toLowerCase());
        if (field.relationshipName !== null) {
          const polymorphic = field.referenceTo.length !== 1;
          this.addField(object, {
            name: field.relationshipName,
            kind: 'lookup',
            target: polymorphic ? null : target,
            source: null,
          });
        }
      }
    }
    // Objects first, then fields: a lookup may point to an object whose folder sorts after its own.
    const folders = this.objectFoldersIn(sourceDir);
    const objects = folders.map((folder) => this.declareObject(folder));
    folders.forEach((folder, index) => {
      const object = objects[index];
      if (object !== undefined) this.readFields(object, folder);
    });
  }

  private objectFoldersIn(sourceDir: string): string[] {
    const folders: string[] = [];
    const visit = (dir: string): void => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        if (!entry.isDirectory()) continue;
        const path = join(dir, entry.name);
        if (entry.name === 'objects') {
          for (const object of readdirSync(path, { withFileTypes: true })) {
            if (object.isDirectory()) folders.push(join(path, object.name));
          }
        } else if (entry.name !== 'node_modules') visit(path);
      }
    };
    if (existsSync(sourceDir)) visit(sourceDir);
    return folders.sort();
  }

  /** The object of an `objects/<Object>` folder, with the system fields of its kind. */
  private declareObject(folder: string): ObjectInfo {
    const name = basename(folder);
    const lower = name.toLowerCase();
    let object: ObjectInfo;
    if (lower.endsWith('__mdt')) {
      object = this.customObject(name);
      for (const field of CUSTOM_METADATA_FIELDS) this.addField(object, valueField(field));
    } else if (lower.endsWith('__e')) {
      object = this.customObject(name);
      for (const field of PLATFORM_EVENT_FIELDS) this.addField(object, valueField(field));
    } else if (lower.endsWith('__c') || existsSync(join(folder, `${name}.object-meta.xml`))) {
      object = this.customObject(name);
      for (const [field, target] of CUSTOM_OBJECT_FIELDS) {
        this.addField(
          object,
          target === null
            ? valueField(field)
            : { name: field, kind: 'lookup', target: target === 'polymorphic' ? null : target, source: null },
        );
      }
      this.addShareObject(object);
    } else {
      object = this.standardObject(name);
    }
    return object;
  }

  /** The custom fields in an object folder's `fields/`, with the relationships they make. */
  private readFields(object: ObjectInfo, folder: string): void {
    const fieldsDir = join(folder, 'fields');
    if (!existsSync(fieldsDir)) return;
    for (const fileName of readdirSync(fieldsDir).sort()) {
      if (!fileName.endsWith('.field-meta.xml')) continue;
      const file = join(fieldsDir, fileName);
      const fieldName = fileName.slice(0, -'.field-meta.xml'.length);
      const root = ((xml.parse(readFileSync(file, 'utf8')) as Record<string, unknown>).CustomField ??
        {}) as Record<string, unknown>;
      const type = xmlText(root, 'type') ?? '';
      const source = {
        file,
        type,
        required: xmlText(root, 'required') === 'true',
        formula: xmlText(root, 'formula') !== null,
      };
      this.addField(object, { name: fieldName, kind: 'value', target: null, source });
      const referenceTo = xmlText(root, 'referenceTo');
      if (
        referenceTo !== null &&
        (type === 'Lookup' || type === 'MasterDetail' || type === 'MetadataRelationship') &&
        fieldName.endsWith('__c')
      ) {
        const relationship = `${fieldName.slice(0, -'__c'.length)}__r`;
        this.addField(object, { name: relationship, kind: 'lookup', target: referenceTo, source });
        const childName = xmlText(root, 'relationshipName');
        if (childName !== null) {
          const parent = this.lookupOrStandard(referenceTo);
          if (parent !== null) {
            this.addField(parent, { name: `${childName}__r`, kind: 'children', target: object.name, source });
          }
        }
      }
    }
  }

  /** `<Object>__Share`, for Apex managed sharing on a custom object. */
  private addShareObject(object: ObjectInfo): void {
    const share = this.customObject(`${object.name.slice(0, -'__c'.length)}__Share`);
    for (const field of ['Id', 'ParentId', 'UserOrGroupId', 'AccessLevel', 'RowCause', 'IsDeleted']) {
      this.addField(share, valueField(field));
    }
    for (const field of ['LastModifiedDate', 'LastModifiedById']) this.addField(share, valueField(field));
    this.addField(share, { name: 'Parent', kind: 'lookup', target: object.name, source: null });
    this.addField(share, { name: 'UserOrGroup', kind: 'lookup', target: null, source: null });
  }

  private customObject(name: string): ObjectInfo {
    const key = name.toLowerCase();
    let object = this.objects.get(key);
    if (object === undefined) {
      object = { name, custom: true, fields: new Map() };
      this.objects.set(key, object);
    }
    return object;
  }

  /** A standard object, its fields from apex-ls' jar; it need not be known to the jar (the local org's are added). */
  private standardObject(name: string): ObjectInfo {
    const key = name.toLowerCase();
    let object = this.objects.get(key);
    if (object === undefined) {
      object = { name: this.standard.objectName(name) ?? name, custom: false, fields: new Map() };
      for (const field of this.standard.fields(name)?.values() ?? []) {
        // `Name` stands for a polymorphic lookup (Task.What); compound types (Address) have no fields to check.
        const target = field.target === 'Name' ? null : field.target;
        this.addField(object, { name: field.name, kind: field.kind, target, source: null });
      }
      this.objects.set(key, object);
    }
    return object;
  }

  private lookupOrStandard(name: string): ObjectInfo | null {
    const known = this.objects.get(name.toLowerCase());
    if (known !== undefined) return known;
    return this.standard.objectName(name) === null ? null : this.standardObject(name);
  }

  private addField(object: ObjectInfo, field: FieldInfo): void {
    const key = field.name.toLowerCase();
    const existing = object.fields.get(key);
    // force-app's definition (with its source) wins over a generic one.
    if (existing === undefined || (existing.source === null && field.source !== null))
      object.fields.set(key, field);
  }

  /** The API name of an object, or null when neither force-app nor the platform defines it. */
  objectName(name: string): string | null {
    return this.lookupOrStandard(name)?.name ?? null;
  }

  /** Whether force-app declares the object (custom objects, custom metadata types, platform events). */
  isCustomObject(name: string): boolean {
    return this.lookupOrStandard(name)?.custom ?? false;
  }

  /** A field (or relationship) of a known object, or null. */
  field(objectName: string, fieldName: string): FieldInfo | null {
    return this.lookupOrStandard(objectName)?.fields.get(fieldName.toLowerCase()) ?? null;
  }

  /**
   * Follows `path` (relationships, then a field) from `objectName`. Returns a problem in words, or
   * null when every step exists; a step through a polymorphic lookup ends the check there.
   */
  resolvePath(objectName: string, path: readonly string[]): string | null {
    let current = this.objectName(objectName);
    if (current === null) return `unknown object ${objectName}`;
    for (const [index, step] of path.entries()) {
      const field = this.field(current, step);
      const last = index === path.length - 1;
      if (field === null) {
        const what = last ? 'field' : 'relationship';
        return `unknown ${what} ${step} on ${current}${path.length > 1 ? ` (in ${path.join('.')})` : ''}`;
      }
      if (last) return null;
      if (field.kind !== 'lookup')
        return `${step} on ${current} is not a lookup relationship (in ${path.join('.')})`;
      if (field.target === null) return null;
      const next = this.objectName(field.target);
      if (next === null) return null;
      current = next;
    }
    return null;
  }

  /**
   * Why a permission set may not grant access to a field (Salesforce rejects the deploy), or null.
   * Known for force-app's fields and for the standard fields the local org describes.
   */
  fieldPermissionProblem(objectName: string, fieldName: string): string | null {
    const source = this.field(objectName, fieldName)?.source ?? null;
    if (source === null) {
      const key = `${this.objectName(objectName) ?? objectName}.${fieldName}`.toLowerCase();
      return this.nonPermissionable.has(key)
        ? 'a standard field that is required, a name field or a system field: it takes no field permissions'
        : null;
    }
    if (source.required)
      return 'a required field: it takes no field permissions (always readable and editable)';
    if (source.type === 'MasterDetail') {
      return 'a master-detail field: it takes no field permissions (always readable and editable)';
    }
    return null;
  }

  /** The object a child relationship of `parent` holds (for subqueries), or a problem in words. */
  childRelationship(parent: string, relationship: string): { object: string } | { problem: string } {
    const field = this.field(parent, relationship);
    if (field?.kind !== 'children') {
      return {
        problem: `unknown child relationship ${relationship} on ${this.objectName(parent) ?? parent}`,
      };
    }
    return { object: field.target ?? '' };
  }
}

function valueField(name: string): FieldInfo {
  return { name, kind: 'value', target: null, source: null };
}
