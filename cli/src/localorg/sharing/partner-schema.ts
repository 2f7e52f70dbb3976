/**
 * The schema as a partner user sees it: what its profile (Partner Community User) grants, plus
 * the Trellis_Partner permission set of force-app, read from its XML. Objects it may not read,
 * and fields it may not read, answer as if they did not exist (describe leaves them out, SOQL
 * says the object or column is unknown, REST answers NOT_FOUND), so that a partner learns
 * nothing of them; fields it may read but not edit are read-only.
 *
 * As in a real org, custom fields need a field permission to be seen (the internal rule trace
 * Conflict_Details__c, the matched customer account and the match keys have none for partners),
 * while an object's standard fields, and its required and master-detail fields, come with access
 * to the object.
 */
import { createOrgSchema, type LocalOrgSchema } from '../schema/build.ts';
import type { LocalFieldSchema, LocalSObjectSchema } from '../schema/model.ts';
import type { ObjectPermissions, PermissionSet } from './permission-set.ts';

const READ_ONLY: ObjectPermissions = { create: false, read: true, edit: false, delete: false };

/** What the Partner Community User profile itself grants: reading the org's people and setup. */
const PROFILE_OBJECTS: ReadonlyMap<string, ObjectPermissions> = new Map([
  ['Contact', READ_ONLY],
  ['User', READ_ONLY],
  ['Profile', READ_ONLY],
  ['Organization', READ_ONLY],
]);

/** Standard fields a partner never writes, whatever its object access: the record's owner is the org's to set. */
const NEVER_WRITTEN = new Set(['OwnerId']);

function objectPermissions(name: string, permissionSet: PermissionSet): ObjectPermissions | undefined {
  const granted = permissionSet.objects.get(name);
  const baseline = PROFILE_OBJECTS.get(name);
  if (!granted) return baseline;
  if (!baseline) return granted;
  return {
    create: granted.create || baseline.create,
    read: granted.read || baseline.read,
    edit: granted.edit || baseline.edit,
    delete: granted.delete || baseline.delete,
  };
}

function partnerField(
  object: LocalSObjectSchema,
  field: LocalFieldSchema,
  access: ObjectPermissions,
  permissionSet: PermissionSet,
): LocalFieldSchema | null {
  // Standard fields come with the object; so do fields that cannot take a field permission
  // (required and master-detail fields: describe's `permissionable` false), as in a real org.
  if (!field.custom || !field.details.permissionable) {
    const createable = field.createable && access.create && !NEVER_WRITTEN.has(field.name);
    const updateable = field.updateable && access.edit && !NEVER_WRITTEN.has(field.name);
    return { ...field, createable, updateable, required: field.required && createable };
  }
  const granted = permissionSet.fields.get(`${object.name}.${field.name}`);
  if (!granted?.readable) return null;
  const createable = field.createable && access.create && granted.editable;
  const updateable = field.updateable && access.edit && granted.editable;
  return { ...field, createable, updateable, required: field.required && createable };
}

/** The partner's view of the org's schema: built once per org, shared by every partner session. */
export function partnerSchema(full: LocalOrgSchema, permissionSet: PermissionSet): LocalOrgSchema {
  const readable = new Map<string, ObjectPermissions>();
  for (const object of full.objects) {
    const access = objectPermissions(object.name, permissionSet);
    if (access?.read) readable.set(object.name, access);
  }
  const objects: LocalSObjectSchema[] = [];
  for (const object of full.objects) {
    const access = readable.get(object.name);
    if (!access) continue;
    const fields = object.fields
      .map((field) => partnerField(object, field, access, permissionSet))
      .filter((field): field is LocalFieldSchema => field !== null)
      // A lookup to an object the partner cannot read is hidden with it.
      .filter(
        (field) => field.type !== 'reference' || field.referenceTo.some((target) => readable.has(target)),
      );
    objects.push({
      ...object,
      createable: object.createable && access.create,
      updateable: object.updateable && access.edit,
      deletable: object.deletable && access.delete,
      fields,
      childRelationships: [],
    });
  }
  // Subqueries only through a lookup the partner can see, on a child object it can read.
  const view = createOrgSchema(objects);
  for (const object of view.objects) {
    object.childRelationships = (full.object(object.name)?.childRelationships ?? []).filter(
      (child) => view.field(child.childSObject, child.field) !== undefined,
    );
  }
  return view;
}
