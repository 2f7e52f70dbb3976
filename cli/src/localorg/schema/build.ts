/**
 * The local org's schema: the standard objects (standard-objects.ts) with every custom object
 * and custom field of the project's force-app merged in (metadata.ts), checked as a deploy checks
 * them (every lookup points to an object that exists, relationship names are unique on their
 * parent), with each object's child relationships computed from every reference field that
 * points to it.
 *
 * Custom objects get the key prefixes `a00`, `a01`, `a02`... in the order of their API names, so
 * that the same force-app always gives the same ids.
 */
import {
  MetadataError,
  customObjectSchema,
  displayPath,
  readForceApp,
  type ForceAppMetadata,
} from './metadata.ts';
import {
  objectDetails,
  type LocalChildRelationship,
  type LocalFieldSchema,
  type LocalSObjectSchema,
} from './model.ts';
import { standardObjects } from './standard-objects.ts';
import type { FieldSchema, OrgSchema } from './types.ts';

export interface LocalOrgSchema extends OrgSchema {
  objects: LocalSObjectSchema[];
  object(name: string): LocalSObjectSchema | undefined;
  field(objectName: string, fieldName: string): LocalFieldSchema | undefined;
  byKeyPrefix(prefix: string): LocalSObjectSchema | undefined;
}

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** Key prefix of the n-th custom object (0-based) in API-name order: a00, a01, ..., a0z, a10... */
export function customKeyPrefix(index: number): string {
  if (!Number.isInteger(index) || index < 0 || index >= 62 * 62) {
    throw new Error(`No custom object key prefix for index ${index}`);
  }
  return `a${BASE62.charAt(Math.floor(index / 62))}${BASE62.charAt(index % 62)}`;
}

const byName = (a: { name: string }, b: { name: string }): number =>
  a.name < b.name ? -1 : a.name > b.name ? 1 : 0;

/**
 * Merges force-app's metadata into the standard objects and indexes the result. `projectDir` is
 * only used to name files in errors.
 */
export function assembleOrgSchema(metadata: ForceAppMetadata, projectDir: string): LocalOrgSchema {
  const fail = (file: string, problem: string): MetadataError =>
    new MetadataError(file, displayPath(projectDir, file), problem);

  const objects: LocalSObjectSchema[] = standardObjects();
  const byLowerName = new Map(objects.map((o) => [o.name.toLowerCase(), o]));

  const customs = [...metadata.objects].sort(byName);
  customs.forEach((meta, index) => {
    if (byLowerName.has(meta.name.toLowerCase())) {
      throw fail(meta.file, `the object ${meta.name} is defined twice`);
    }
    const masterDetail = metadata.fields.some(
      (f) => f.object === meta.name && f.metadataType === 'MasterDetail',
    );
    const object = customObjectSchema(meta, customKeyPrefix(index), masterDetail);
    objects.push(object);
    byLowerName.set(object.name.toLowerCase(), object);
  });

  /** The file each custom field came from, for errors found after reading. */
  const fileOf = new Map<FieldSchema, string>();
  for (const entry of metadata.fields) {
    const object = byLowerName.get(entry.object.toLowerCase());
    if (object === undefined) {
      throw fail(
        entry.file,
        `${entry.object} is neither a custom object of force-app (it has no ${entry.object}.object-meta.xml) ` +
          'nor a standard object the local org serves',
      );
    }
    const { field } = entry;
    if (object.fields.some((f) => f.name.toLowerCase() === field.name.toLowerCase())) {
      throw fail(entry.file, `${object.name} already has a field ${field.name}`);
    }
    if (entry.metadataType === 'MasterDetail') {
      if (!object.custom) {
        throw fail(
          entry.file,
          `a standard object (${object.name}) cannot be the detail of a master-detail relationship`,
        );
      }
      if (object.sharingModel !== 'ControlledByParent') {
        throw fail(
          entry.file,
          `${object.name} is the detail of a master-detail relationship, so its sharingModel must be ControlledByParent, not ${object.sharingModel}`,
        );
      }
      if (object.fields.filter((f) => f.cascadeDelete && f.details.relationshipOrder !== null).length >= 2) {
        throw fail(entry.file, `${object.name} already has two master-detail fields`);
      }
    }
    object.fields.push(field);
    fileOf.set(field, entry.file);
  }

  for (const object of objects) {
    for (const field of object.fields) {
      if (field.type !== 'reference') continue;
      field.referenceTo = field.referenceTo.map((target) => {
        const parent = byLowerName.get(target.toLowerCase());
        if (parent === undefined) {
          const file = fileOf.get(field);
          const problem = `${object.name}.${field.name} refers to ${target}, which is not an object of the local org`;
          if (file === undefined) throw new Error(problem);
          throw fail(file, problem);
        }
        return parent.name;
      });
    }
  }

  for (const object of objects) {
    for (const field of object.fields) {
      const relationshipName = field.details.childRelationshipName;
      if (field.type !== 'reference' || relationshipName === null) continue;
      for (const target of field.referenceTo) {
        const parent = byLowerName.get(target.toLowerCase());
        if (parent === undefined) continue;
        const clash = parent.childRelationships.find(
          (r) => r.relationshipName.toLowerCase() === relationshipName.toLowerCase(),
        );
        if (clash !== undefined) {
          const problem =
            `the child relationship name ${relationshipName} of ${object.name}.${field.name} is already used on ` +
            `${parent.name} by ${clash.childSObject}.${clash.field}`;
          const file = fileOf.get(field);
          if (file === undefined) throw new Error(problem);
          throw fail(file, problem);
        }
        const relationship: LocalChildRelationship = {
          childSObject: object.name,
          field: field.name,
          relationshipName,
          cascadeDelete: field.cascadeDelete,
          restrictedDelete: field.details.restrictedDelete,
        };
        parent.childRelationships.push(relationship);
      }
    }
  }
  for (const object of objects) {
    object.childRelationships.sort(
      (a, b) =>
        byName({ name: a.childSObject }, { name: b.childSObject }) ||
        byName({ name: a.field }, { name: b.field }),
    );
  }

  // RecordType.SobjectType lists the objects that can have record types.
  const sobjectType = byLowerName.get('recordtype')?.fields.find((f) => f.name === 'SobjectType');
  if (sobjectType !== undefined) {
    sobjectType.picklistValues = objects
      .filter((o) => objectDetails(o).recordTypes)
      .map((o) => o.name)
      .sort()
      .map((value) => ({ value, label: value, defaultValue: false, active: true }));
  }

  return createOrgSchema(objects);
}

/** Indexes objects by name and key prefix; lookups are case-insensitive as the API is. */
export function createOrgSchema(objects: LocalSObjectSchema[]): LocalOrgSchema {
  const byLowerName = new Map<string, LocalSObjectSchema>();
  const byPrefix = new Map<string, LocalSObjectSchema>();
  const fieldIndex = new Map<LocalSObjectSchema, Map<string, LocalFieldSchema>>();
  for (const object of objects) {
    const key = object.name.toLowerCase();
    if (byLowerName.has(key)) throw new Error(`The object ${object.name} is defined twice`);
    byLowerName.set(key, object);
    if (byPrefix.has(object.keyPrefix)) {
      throw new Error(`The key prefix ${object.keyPrefix} is used by two objects`);
    }
    byPrefix.set(object.keyPrefix, object);
    fieldIndex.set(object, new Map(object.fields.map((f) => [f.name.toLowerCase(), f])));
  }
  return {
    objects,
    object: (name) => byLowerName.get(name.toLowerCase()),
    field: (objectName, fieldName) => {
      const object = byLowerName.get(objectName.toLowerCase());
      return object === undefined ? undefined : fieldIndex.get(object)?.get(fieldName.toLowerCase());
    },
    byKeyPrefix: (prefix) => byPrefix.get(prefix),
  };
}

/** The schema of the local org for the project in `projectDir`: standard objects plus force-app. */
export async function buildOrgSchema(projectDir: string): Promise<LocalOrgSchema> {
  return assembleOrgSchema(await readForceApp(projectDir), projectDir);
}
