/**
 * The schema as a partner user's profile and the Trellis_Partner permission set show it: the
 * objects a partner may read, the fields of those objects it may see, and which of them it may
 * write. Everything else answers as if it did not exist (describe leaves it out, SOQL says the
 * object or column is unknown, REST answers NOT_FOUND), so that a partner learns nothing of it.
 *
 * Field-level security here is the one the Trellis_Partner permission set grants in a real org:
 * the internal rule trace (Conflict_Details__c) is never readable, the decision fields the
 * rules of engagement write are read-only, and a registration's partner is set once, on create.
 */
import { createOrgSchema, type LocalOrgSchema } from '../schema/build.ts';
import type { LocalFieldSchema, LocalSObjectSchema } from '../schema/model.ts';

interface ObjectAccess {
  create: boolean;
  edit: boolean;
  delete: boolean;
  /** Fields a partner never sees. */
  hidden: ReadonlySet<string>;
  /** Fields a partner may set on create; only these are createable. */
  creatable: ReadonlySet<string>;
  /** Fields a partner may change on update; only these are updateable. */
  editable: ReadonlySet<string>;
}

const readOnly = (hidden: readonly string[] = []): ObjectAccess => ({
  create: false,
  edit: false,
  delete: false,
  hidden: new Set(hidden),
  creatable: new Set(),
  editable: new Set(),
});

/** What a partner enters on a registration; the partner account is fixed once created. */
const REGISTRATION_INPUT = [
  'Customer_Name__c',
  'Customer_Domain__c',
  'Customer_Country__c',
  'Product_Family__c',
  'Estimated_Amount__c',
  'Expected_Close_Date__c',
  'Partner_Contact__c',
  'Status__c',
];

export const PARTNER_OBJECT_ACCESS: ReadonlyMap<string, ObjectAccess> = new Map([
  ['Account', readOnly(['Trellis_Name_Key__c', 'Trellis_Domain_Key__c'])],
  ['Contact', readOnly()],
  [
    'Deal_Registration__c',
    {
      create: true,
      edit: true,
      delete: false,
      // The trace names other partners' records; the matched customer account and the match keys
      // are the vendor's CRM, not the partner's input.
      hidden: new Set([
        'Conflict_Details__c',
        'Customer_Account__c',
        'Customer_Name_Key__c',
        'Customer_Domain_Key__c',
      ]),
      creatable: new Set([...REGISTRATION_INPUT, 'Partner_Account__c']),
      editable: new Set(REGISTRATION_INPUT),
    },
  ],
  ['User', readOnly()],
  ['Profile', readOnly()],
  ['Organization', readOnly()],
]);

function partnerField(field: LocalFieldSchema, access: ObjectAccess): LocalFieldSchema {
  if (field.name === 'Id') return field;
  const createable = field.createable && access.create && access.creatable.has(field.name);
  const updateable = field.updateable && access.edit && access.editable.has(field.name);
  return { ...field, createable, updateable, required: field.required && createable };
}

function partnerObject(object: LocalSObjectSchema, access: ObjectAccess): LocalSObjectSchema {
  const fields = object.fields
    .filter((field) => !access.hidden.has(field.name))
    // A lookup to an object the partner cannot read is hidden with it.
    .filter(
      (field) =>
        field.type !== 'reference' || field.referenceTo.some((target) => PARTNER_OBJECT_ACCESS.has(target)),
    )
    .map((field) => partnerField(field, access));
  return {
    ...object,
    createable: object.createable && access.create,
    updateable: object.updateable && access.edit,
    deletable: object.deletable && access.delete,
    fields,
    childRelationships: object.childRelationships.filter(
      (child) =>
        PARTNER_OBJECT_ACCESS.has(child.childSObject) &&
        !PARTNER_OBJECT_ACCESS.get(child.childSObject)?.hidden.has(child.field),
    ),
  };
}

/** The partner's view of the org's schema: built once per org, shared by every partner session. */
export function partnerSchema(full: LocalOrgSchema): LocalOrgSchema {
  const objects: LocalSObjectSchema[] = [];
  for (const object of full.objects) {
    const access = PARTNER_OBJECT_ACCESS.get(object.name);
    if (access) objects.push(partnerObject(object, access));
  }
  return createOrgSchema(objects);
}
