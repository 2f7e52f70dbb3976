/**
 * The local org's schema built from the real force-app: every custom object and field with the
 * type, length, precision and scale describe reports, picklists, relationships and child
 * relationships, merged standard objects, case-insensitive lookups and stable key prefixes; and
 * metadata the local org cannot serve, which must fail naming the file.
 */
import { mkdtemp, mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

import { buildOrgSchema, customKeyPrefix, type LocalOrgSchema } from '../../cli/src/localorg/schema/build.ts';
import { MetadataError } from '../../cli/src/localorg/schema/metadata.ts';
import { fieldDetails } from '../../cli/src/localorg/schema/model.ts';
import type { FieldSchema, FieldType } from '../../cli/src/localorg/schema/types.ts';
import { PROJECT_ROOT } from '../helpers/cli.ts';

const OBJECTS_DIR = join(PROJECT_ROOT, 'force-app', 'main', 'default', 'objects');

let schema: LocalOrgSchema;
beforeAll(async () => {
  schema = await buildOrgSchema(PROJECT_ROOT);
});

function field(objectName: string, fieldName: string): FieldSchema {
  const found = schema.field(objectName, fieldName);
  if (found === undefined) throw new Error(`${objectName}.${fieldName} is not in the schema`);
  return found;
}

/**
 * The fields a field-meta.xml defines, listed from disk independently of the code under test.
 * Custom metadata types (`__mdt`) are configuration Apex reads, not objects the org serves.
 */
async function fieldFilesOnDisk(): Promise<string[]> {
  const found: string[] = [];
  for (const object of await readdir(OBJECTS_DIR)) {
    if (object.endsWith('__mdt')) continue;
    const fieldsDir = join(OBJECTS_DIR, object, 'fields');
    const files = await readdir(fieldsDir).catch(() => []);
    for (const file of files) found.push(`${object}.${file.replace('.field-meta.xml', '')}`);
  }
  return found.sort();
}

// ---------------------------------------------------------------------------------------------
// What force-app says, written out (a change on either side must fail here)
// ---------------------------------------------------------------------------------------------

/** `Object.Field` -> describe type, length, precision, scale. */
const CUSTOM_FIELDS: Readonly<Record<string, [FieldType, number, number, number]>> = {
  'Account.Partner_Grace_Started_On__c': ['date', 0, 0, 0],
  'Account.Partner_Status__c': ['picklist', 255, 0, 0],
  'Account.Partner_Tier_Score__c': ['double', 0, 4, 1],
  'Account.Partner_Tier_Since__c': ['date', 0, 0, 0],
  'Account.Partner_Tier_Status__c': ['picklist', 255, 0, 0],
  'Account.Partner_Tier__c': ['string', 40, 0, 0],
  'Account.Partner_Type__c': ['picklist', 255, 0, 0],
  'Account.Strategic_Account__c': ['boolean', 0, 0, 0],
  'Account.Trellis_Domain_Key__c': ['string', 255, 0, 0],
  'Account.Trellis_Name_Key__c': ['string', 255, 0, 0],
  'Deal_Registration__c.Conflict_Details__c': ['textarea', 131072, 0, 0],
  'Deal_Registration__c.Conflict_Status__c': ['picklist', 255, 0, 0],
  'Deal_Registration__c.Conflict_Summary__c': ['textarea', 255, 0, 0],
  'Deal_Registration__c.Customer_Account__c': ['reference', 18, 0, 0],
  'Deal_Registration__c.Customer_Country__c': ['string', 80, 0, 0],
  'Deal_Registration__c.Customer_Domain_Key__c': ['string', 255, 0, 0],
  'Deal_Registration__c.Customer_Domain__c': ['string', 255, 0, 0],
  'Deal_Registration__c.Customer_Name_Key__c': ['string', 255, 0, 0],
  'Deal_Registration__c.Customer_Name__c': ['string', 255, 0, 0],
  'Deal_Registration__c.Decided_At__c': ['datetime', 0, 0, 0],
  'Deal_Registration__c.Estimated_Amount__c': ['currency', 0, 16, 2],
  'Deal_Registration__c.Expected_Close_Date__c': ['date', 0, 0, 0],
  'Deal_Registration__c.Extension_Count__c': ['double', 0, 2, 0],
  'Deal_Registration__c.Opportunity__c': ['reference', 18, 0, 0],
  'Deal_Registration__c.Partner_Account__c': ['reference', 18, 0, 0],
  'Deal_Registration__c.Partner_Contact__c': ['reference', 18, 0, 0],
  'Deal_Registration__c.Product_Family__c': ['picklist', 255, 0, 0],
  'Deal_Registration__c.Protection_Expires_On__c': ['date', 0, 0, 0],
  'Deal_Registration__c.Rejection_Reason__c': ['textarea', 255, 0, 0],
  'Deal_Registration__c.Rules_Version__c': ['string', 40, 0, 0],
  'Deal_Registration__c.Status__c': ['picklist', 255, 0, 0],
  'Deal_Registration__c.Submitted_At__c': ['datetime', 0, 0, 0],
  'Opportunity.Deal_Registration__c': ['reference', 18, 0, 0],
  'Opportunity.Partner_Attribution__c': ['picklist', 255, 0, 0],
  'Opportunity.Product_Family__c': ['picklist', 255, 0, 0],
  'Partner_Metric__c.Certifications__c': ['double', 0, 4, 0],
  'Partner_Metric__c.Deals_Registered__c': ['double', 0, 6, 0],
  'Partner_Metric__c.Deals_Won__c': ['double', 0, 6, 0],
  'Partner_Metric__c.External_Id__c': ['string', 80, 0, 0],
  'Partner_Metric__c.Influenced_Revenue__c': ['currency', 0, 16, 2],
  'Partner_Metric__c.Partner_Account__c': ['reference', 18, 0, 0],
  'Partner_Metric__c.Period_Start__c': ['date', 0, 0, 0],
  'Partner_Metric__c.Satisfaction_Score__c': ['double', 0, 5, 2],
  'Partner_Metric__c.Sourced_Revenue__c': ['currency', 0, 16, 2],
  'Tier_Change__c.Effective_On__c': ['date', 0, 0, 0],
  'Tier_Change__c.From_Tier__c': ['string', 40, 0, 0],
  'Tier_Change__c.Kind__c': ['picklist', 255, 0, 0],
  'Tier_Change__c.Partner_Account__c': ['reference', 18, 0, 0],
  'Tier_Change__c.Reason__c': ['textarea', 4000, 0, 0],
  'Tier_Change__c.Run_Id__c': ['string', 40, 0, 0],
  'Tier_Change__c.To_Tier__c': ['string', 40, 0, 0],
};

const PRODUCT_FAMILY = ['Security', 'Networking', 'Cloud', 'Analytics', 'Collaboration'];

/** `Object.Field` -> [value, label] pairs, restricted, default. */
const PICKLISTS: Readonly<
  Record<string, { values: string[]; labels?: string[]; restricted: boolean; default: string | null }>
> = {
  'Deal_Registration__c.Status__c': {
    values: [
      'Draft',
      'Submitted',
      'In Review',
      'Approved',
      'Rejected',
      'Extended',
      'Expired',
      'Converted',
      'Withdrawn',
    ],
    restricted: true,
    default: 'Draft',
  },
  'Deal_Registration__c.Conflict_Status__c': {
    values: ['None', 'Potential', 'Conflict'],
    restricted: true,
    default: 'None',
  },
  'Deal_Registration__c.Product_Family__c': { values: PRODUCT_FAMILY, restricted: false, default: null },
  'Opportunity.Product_Family__c': { values: PRODUCT_FAMILY, restricted: false, default: null },
  'Opportunity.Partner_Attribution__c': {
    values: ['Sourced', 'Influenced'],
    restricted: true,
    default: null,
  },
  'Account.Partner_Type__c': {
    values: ['Reseller', 'VAR', 'MSP', 'ISV', 'SI', 'Distributor'],
    restricted: true,
    default: null,
  },
  'Account.Partner_Status__c': {
    values: ['Active', 'Probation', 'Suspended', 'Terminated'],
    restricted: true,
    default: null,
  },
  'Account.Partner_Tier_Status__c': {
    values: ['OK', 'Grace', 'Proposed Downgrade'],
    restricted: true,
    default: null,
  },
  'Tier_Change__c.Kind__c': {
    values: [
      'initial',
      'upgrade',
      'grace-started',
      'grace-cleared',
      'downgrade-proposed',
      'downgrade-confirmed',
    ],
    labels: [
      'Initial',
      'Upgrade',
      'Grace Started',
      'Grace Cleared',
      'Downgrade Proposed',
      'Downgrade Confirmed',
    ],
    restricted: true,
    default: null,
  },
};

/** `Object.Field` -> parent, child-side relationship name, parent's child relationship, kind. */
const RELATIONSHIPS: Readonly<
  Record<string, [string, string, string, 'SetNull' | 'Restrict' | 'MasterDetail']>
> = {
  'Deal_Registration__c.Partner_Account__c': [
    'Account',
    'Partner_Account__r',
    'Partner_Deal_Registrations__r',
    'Restrict',
  ],
  'Deal_Registration__c.Customer_Account__c': [
    'Account',
    'Customer_Account__r',
    'Customer_Deal_Registrations__r',
    'SetNull',
  ],
  'Deal_Registration__c.Partner_Contact__c': [
    'Contact',
    'Partner_Contact__r',
    'Deal_Registrations__r',
    'SetNull',
  ],
  'Deal_Registration__c.Opportunity__c': [
    'Opportunity',
    'Opportunity__r',
    'Deal_Registrations__r',
    'SetNull',
  ],
  'Opportunity.Deal_Registration__c': [
    'Deal_Registration__c',
    'Deal_Registration__r',
    'Opportunities__r',
    'SetNull',
  ],
  'Partner_Metric__c.Partner_Account__c': [
    'Account',
    'Partner_Account__r',
    'Partner_Metrics__r',
    'MasterDetail',
  ],
  'Tier_Change__c.Partner_Account__c': ['Account', 'Partner_Account__r', 'Tier_Changes__r', 'Restrict'],
};

// ---------------------------------------------------------------------------------------------

describe('objects', () => {
  it('serves the standard objects and every custom object, with stable key prefixes', () => {
    expect(schema.objects.map((o) => [o.name, o.keyPrefix, o.custom])).toEqual([
      ['Organization', '00D', false],
      ['User', '005', false],
      ['Profile', '00e', false],
      ['RecordType', '012', false],
      ['Account', '001', false],
      ['Contact', '003', false],
      ['Opportunity', '006', false],
      ['OpportunityContactRole', '00K', false],
      ['Deal_Registration__c', 'a00', true],
      ['Partner_Metric__c', 'a01', true],
      ['Tier_Change__c', 'a02', true],
    ]);
  });

  it('gives the same key prefixes on every build', async () => {
    const again = await buildOrgSchema(PROJECT_ROOT);
    expect(again.objects.map((o) => `${o.name}:${o.keyPrefix}`)).toEqual(
      schema.objects.map((o) => `${o.name}:${o.keyPrefix}`),
    );
  });

  it('numbers custom key prefixes in base 62 after a', () => {
    expect([0, 1, 9, 10, 35, 36, 61, 62, 63, 3843].map(customKeyPrefix)).toEqual([
      'a00',
      'a01',
      'a09',
      'a0A',
      'a0Z',
      'a0a',
      'a0z',
      'a10',
      'a11',
      'azz',
    ]);
    expect(() => customKeyPrefix(3844)).toThrow('No custom object key prefix');
  });

  it('takes labels, sharing and name fields from the object metadata', () => {
    const registration = schema.object('Deal_Registration__c');
    expect(registration).toMatchObject({
      label: 'Deal Registration',
      labelPlural: 'Deal Registrations',
      sharingModel: 'Private',
      createable: true,
      updateable: true,
      deletable: true,
      queryable: true,
    });
    expect(schema.object('Partner_Metric__c')).toMatchObject({
      label: 'Partner Metric',
      labelPlural: 'Partner Metrics',
      sharingModel: 'ControlledByParent',
    });
    expect(schema.object('Tier_Change__c')).toMatchObject({ label: 'Tier Change', sharingModel: 'Read' });

    expect(field('Deal_Registration__c', 'Name')).toMatchObject({
      label: 'Deal Registration Number',
      type: 'string',
      autoNumber: true,
      displayFormat: 'DR-{000000}',
      createable: false,
      updateable: false,
      nillable: false,
      required: false,
      nameField: true,
      idLookup: true,
    });
    expect(fieldDetails(field('Deal_Registration__c', 'Name')).startingNumber).toBe(1);
    expect(field('Tier_Change__c', 'Name')).toMatchObject({ autoNumber: true, displayFormat: 'TC-{000000}' });
    expect(field('Partner_Metric__c', 'Name')).toMatchObject({
      label: 'Metric Name',
      type: 'string',
      length: 80,
      autoNumber: false,
      displayFormat: null,
      createable: true,
      updateable: true,
      nameField: true,
    });
    expect(fieldDetails(field('Partner_Metric__c', 'Name')).nameDefaultsToId).toBe(true);
  });

  it('gives custom objects the system fields, and an owner unless they are the detail of a master', () => {
    const names = (objectName: string): string[] =>
      (schema.object(objectName)?.fields ?? []).filter((f) => !f.custom).map((f) => f.name);
    const audit = ['CreatedDate', 'CreatedById', 'LastModifiedDate', 'LastModifiedById', 'SystemModstamp'];
    expect(names('Deal_Registration__c')).toEqual(['Id', 'OwnerId', 'IsDeleted', 'Name', ...audit]);
    expect(names('Tier_Change__c')).toEqual(['Id', 'OwnerId', 'IsDeleted', 'Name', ...audit]);
    expect(names('Partner_Metric__c')).toEqual(['Id', 'IsDeleted', 'Name', ...audit]);
    expect(field('Deal_Registration__c', 'OwnerId')).toMatchObject({
      type: 'reference',
      referenceTo: ['User'],
      relationshipName: 'Owner',
      createable: true,
      updateable: true,
      nillable: false,
      required: false,
    });
    expect(field('Deal_Registration__c', 'Id')).toMatchObject({
      type: 'id',
      label: 'Record ID',
      soapType: 'tns:ID',
      length: 18,
      createable: false,
      updateable: false,
      nillable: false,
      idLookup: true,
    });
    for (const name of ['IsDeleted', ...audit]) {
      expect([
        name,
        field('Tier_Change__c', name).createable,
        field('Tier_Change__c', name).updateable,
      ]).toEqual([name, false, false]);
    }
  });
});

describe('custom fields', () => {
  it('include every field-meta.xml of force-app and nothing else', async () => {
    const inSchema = schema.objects
      .flatMap((o) => o.fields.filter((f) => f.custom).map((f) => `${o.name}.${f.name}`))
      .sort();
    expect(inSchema).toEqual(await fieldFilesOnDisk());
    expect(inSchema).toEqual(Object.keys(CUSTOM_FIELDS).sort());
  });

  it.each(Object.entries(CUSTOM_FIELDS))('%s is %j (type, length, precision, scale)', (key, expected) => {
    const [objectName = '', fieldName = ''] = key.split('.');
    const found = field(objectName, fieldName);
    expect([found.type, found.length, found.precision, found.scale]).toEqual(expected);
    expect(found.custom).toBe(true);
  });

  it('report soap types by type', () => {
    const soap = (key: string): string => {
      const [objectName = '', fieldName = ''] = key.split('.');
      return field(objectName, fieldName).soapType;
    };
    expect(soap('Deal_Registration__c.Customer_Name__c')).toBe('xsd:string');
    expect(soap('Deal_Registration__c.Estimated_Amount__c')).toBe('xsd:double');
    expect(soap('Partner_Metric__c.Deals_Won__c')).toBe('xsd:double');
    expect(soap('Deal_Registration__c.Expected_Close_Date__c')).toBe('xsd:date');
    expect(soap('Deal_Registration__c.Submitted_At__c')).toBe('xsd:dateTime');
    expect(soap('Account.Strategic_Account__c')).toBe('xsd:boolean');
    expect(soap('Deal_Registration__c.Partner_Account__c')).toBe('tns:ID');
  });

  it.each(Object.entries(PICKLISTS))('%s has its values, in order', (key, expected) => {
    const [objectName = '', fieldName = ''] = key.split('.');
    const found = field(objectName, fieldName);
    expect(found.picklistValues.map((v) => v.value)).toEqual(expected.values);
    expect(found.picklistValues.map((v) => v.label)).toEqual(expected.labels ?? expected.values);
    expect(found.picklistValues.every((v) => v.active)).toBe(true);
    expect(found.picklistValues.filter((v) => v.defaultValue).map((v) => v.value)).toEqual(
      expected.default === null ? [] : [expected.default],
    );
    expect(found.restrictedPicklist).toBe(expected.restricted);
    expect(found.defaultValue).toBe(expected.default);
  });

  it.each(Object.entries(RELATIONSHIPS))('%s relates to %j', (key, [parent, name, childName, kind]) => {
    const [objectName = '', fieldName = ''] = key.split('.');
    const found = field(objectName, fieldName);
    expect(found).toMatchObject({ type: 'reference', referenceTo: [parent], relationshipName: name });
    expect(found.cascadeDelete).toBe(kind === 'MasterDetail');
    expect(fieldDetails(found)).toMatchObject({
      childRelationshipName: childName,
      restrictedDelete: kind === 'Restrict',
    });
    const relationship = schema
      .object(parent)
      ?.childRelationships.find((r) => r.relationshipName === childName);
    expect(relationship).toEqual({
      childSObject: objectName,
      field: fieldName,
      relationshipName: childName,
      cascadeDelete: kind === 'MasterDetail',
      restrictedDelete: kind === 'Restrict',
    });
  });

  it('make a master-detail field required, not reparentable, first in order', () => {
    expect(field('Partner_Metric__c', 'Partner_Account__c')).toMatchObject({
      nillable: false,
      required: true,
      createable: true,
      updateable: false,
      cascadeDelete: true,
    });
    expect(fieldDetails(field('Partner_Metric__c', 'Partner_Account__c'))).toMatchObject({
      relationshipOrder: 0,
      writeRequiresMasterRead: false,
    });
  });

  it('make required fields not nillable, and the others nillable', () => {
    const required = schema.objects
      .flatMap((o) => o.fields.filter((f) => f.custom && f.required).map((f) => `${o.name}.${f.name}`))
      .sort();
    expect(required).toEqual([
      'Deal_Registration__c.Customer_Name__c',
      'Partner_Metric__c.Partner_Account__c',
      'Partner_Metric__c.Period_Start__c',
    ]);
    expect(field('Deal_Registration__c', 'Customer_Name__c').nillable).toBe(false);
    expect(field('Deal_Registration__c', 'Customer_Country__c')).toMatchObject({
      nillable: true,
      required: false,
    });
  });

  it('carry defaults: checkboxes as booleans, numbers from their literal formula', () => {
    expect(field('Account', 'Strategic_Account__c')).toMatchObject({
      type: 'boolean',
      defaultValue: false,
      nillable: false,
      required: false,
    });
    for (const name of ['Certifications__c', 'Deals_Registered__c', 'Deals_Won__c', 'Sourced_Revenue__c']) {
      expect([name, field('Partner_Metric__c', name).defaultValue]).toEqual([name, 0]);
      expect(fieldDetails(field('Partner_Metric__c', name))).toMatchObject({
        defaultValueFormula: '0',
        defaultedOnCreate: true,
      });
    }
    expect(field('Deal_Registration__c', 'Extension_Count__c').defaultValue).toBe(0);
    expect(field('Partner_Metric__c', 'Satisfaction_Score__c').defaultValue).toBeNull();
  });

  it('mark External IDs (idLookup) and unique keys', () => {
    const externalIds = schema.objects
      .flatMap((o) => o.fields.filter((f) => f.externalId).map((f) => `${o.name}.${f.name}`))
      .sort();
    expect(externalIds).toEqual([
      'Account.Trellis_Domain_Key__c',
      'Account.Trellis_Name_Key__c',
      'Deal_Registration__c.Customer_Domain_Key__c',
      'Deal_Registration__c.Customer_Name_Key__c',
      'Partner_Metric__c.External_Id__c',
      'Tier_Change__c.Run_Id__c',
    ]);
    expect(field('Partner_Metric__c', 'External_Id__c')).toMatchObject({
      externalId: true,
      unique: true,
      caseSensitive: false,
      idLookup: true,
    });
    expect(field('Account', 'Trellis_Name_Key__c')).toMatchObject({
      externalId: true,
      unique: false,
      idLookup: true,
    });
  });

  it('carry help text', () => {
    expect(field('Deal_Registration__c', 'Conflict_Status__c').inlineHelpText).toBe(
      'Result of the conflict check: None, Potential (a person reviews it) or Conflict.',
    );
    expect(field('Account', 'Partner_Tier__c').inlineHelpText).toBe(
      "The partner's current tier. Set by Trellis tiering.",
    );
  });

  it('make long text areas neither filterable, sortable nor groupable', () => {
    expect(field('Deal_Registration__c', 'Conflict_Details__c')).toMatchObject({
      filterable: false,
      sortable: false,
      groupable: false,
    });
    expect(field('Deal_Registration__c', 'Conflict_Summary__c')).toMatchObject({
      filterable: true,
      sortable: true,
    });
  });
});

describe('standard objects', () => {
  it('have their standard fields and the Trellis fields merged in', () => {
    const account = schema.object('Account');
    const names = account?.fields.map((f) => f.name) ?? [];
    expect(names).toEqual(
      expect.arrayContaining([
        'Id',
        'IsDeleted',
        'Name',
        'Type',
        'ParentId',
        'BillingStreet',
        'BillingCity',
        'BillingState',
        'BillingPostalCode',
        'BillingCountry',
        'Phone',
        'Website',
        'Industry',
        'AnnualRevenue',
        'NumberOfEmployees',
        'Description',
        'OwnerId',
        'CreatedDate',
        'CreatedById',
        'LastModifiedDate',
        'LastModifiedById',
        'SystemModstamp',
        'IsPartner',
        'Partner_Type__c',
        'Trellis_Name_Key__c',
        'Strategic_Account__c',
      ]),
    );
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
    expect(field('Account', 'Name')).toMatchObject({
      type: 'string',
      length: 255,
      required: true,
      nameField: true,
    });
    expect(field('Account', 'ParentId')).toMatchObject({
      referenceTo: ['Account'],
      relationshipName: 'Parent',
    });
    expect(field('Account', 'NumberOfEmployees')).toMatchObject({
      type: 'int',
      precision: 8,
      soapType: 'xsd:int',
    });
    expect(field('Account', 'AnnualRevenue')).toMatchObject({ type: 'currency', precision: 18, scale: 0 });
    expect(field('Account', 'IsPartner')).toMatchObject({
      type: 'boolean',
      createable: false,
      updateable: true,
    });
  });

  it('compute child relationships from every reference field', () => {
    const names = (objectName: string): string[] =>
      (schema.object(objectName)?.childRelationships ?? []).map(
        (r) => `${r.relationshipName}:${r.childSObject}.${r.field}`,
      );
    expect(names('Account')).toEqual([
      'ChildAccounts:Account.ParentId',
      'Contacts:Contact.AccountId',
      'Customer_Deal_Registrations__r:Deal_Registration__c.Customer_Account__c',
      'Partner_Deal_Registrations__r:Deal_Registration__c.Partner_Account__c',
      'Opportunities:Opportunity.AccountId',
      'Partner_Metrics__r:Partner_Metric__c.Partner_Account__c',
      'Tier_Changes__r:Tier_Change__c.Partner_Account__c',
    ]);
    expect(names('Contact')).toEqual([
      'Deal_Registrations__r:Deal_Registration__c.Partner_Contact__c',
      'OpportunityContactRoles:OpportunityContactRole.ContactId',
    ]);
    expect(names('Opportunity')).toEqual([
      'Deal_Registrations__r:Deal_Registration__c.Opportunity__c',
      'OpportunityContactRoles:OpportunityContactRole.OpportunityId',
    ]);
    expect(names('Deal_Registration__c')).toEqual(['Opportunities__r:Opportunity.Deal_Registration__c']);
  });

  it('describe Contact and User names as computed from their parts', () => {
    for (const objectName of ['Contact', 'User']) {
      expect(field(objectName, 'Name')).toMatchObject({
        createable: false,
        updateable: false,
        nameField: true,
        length: 121,
      });
      expect(fieldDetails(field(objectName, 'Name')).derivedFrom).toEqual(['FirstName', 'LastName']);
      expect(field(objectName, 'LastName')).toMatchObject({ required: true, length: 80 });
      expect(fieldDetails(field(objectName, 'FirstName')).compoundFieldName).toBe('Name');
    }
  });

  it('describe Opportunity stages, closed flags and required fields', () => {
    expect(field('Opportunity', 'StageName').picklistValues.map((v) => v.value)).toEqual([
      'Prospecting',
      'Qualification',
      'Needs Analysis',
      'Value Proposition',
      'Proposal/Price Quote',
      'Negotiation/Review',
      'Closed Won',
      'Closed Lost',
    ]);
    expect(field('Opportunity', 'StageName').required).toBe(true);
    expect(field('Opportunity', 'CloseDate')).toMatchObject({ type: 'date', required: true });
    expect(field('Opportunity', 'Name')).toMatchObject({ required: true, length: 120 });
    expect(field('Opportunity', 'IsWon')).toMatchObject({ createable: false, updateable: false });
    expect(field('Opportunity', 'IsClosed')).toMatchObject({ createable: false, updateable: false });
    expect(field('Opportunity', 'PartnerAccountId')).toMatchObject({
      referenceTo: ['Account'],
      relationshipName: 'PartnerAccount',
    });
  });

  it('describe users with their profile, contact and locale settings', () => {
    expect(field('User', 'Username')).toMatchObject({ unique: true, idLookup: true, required: true });
    expect(field('User', 'ProfileId')).toMatchObject({
      referenceTo: ['Profile'],
      relationshipName: 'Profile',
      required: true,
    });
    expect(field('User', 'ContactId')).toMatchObject({ referenceTo: ['Contact'], updateable: false });
    expect(field('User', 'UserType').picklistValues.map((v) => v.value)).toEqual(
      expect.arrayContaining(['Standard', 'PowerPartner']),
    );
    expect(field('User', 'UserType')).toMatchObject({ createable: false, updateable: false });
    for (const name of [
      'TimeZoneSidKey',
      'LocaleSidKey',
      'LanguageLocaleKey',
      'EmailEncodingKey',
      'Alias',
      'Email',
    ]) {
      expect([name, field('User', name).required]).toEqual([name, true]);
    }
    expect(schema.object('User')?.fields.some((f) => f.name === 'OwnerId')).toBe(false);
    expect(schema.object('OpportunityContactRole')?.fields.some((f) => f.name === 'OwnerId')).toBe(false);
  });

  it('list the objects that have record types in RecordType.SobjectType', () => {
    expect(field('RecordType', 'SobjectType').picklistValues.map((v) => v.value)).toEqual([
      'Account',
      'Contact',
      'Deal_Registration__c',
      'Opportunity',
      'Partner_Metric__c',
      'Tier_Change__c',
    ]);
  });
});

describe('lookups', () => {
  it('find objects and fields case-insensitively', () => {
    expect(schema.object('account')?.name).toBe('Account');
    expect(schema.object('ACCOUNT')?.name).toBe('Account');
    expect(schema.object('deal_registration__C')?.name).toBe('Deal_Registration__c');
    expect(schema.field('deal_registration__c', 'partner_account__C')?.name).toBe('Partner_Account__c');
    expect(schema.field('OPPORTUNITY', 'stagename')?.name).toBe('StageName');
    expect(schema.object('Lead')).toBeUndefined();
    expect(schema.field('Account', 'NoSuchField__c')).toBeUndefined();
    expect(schema.field('NoSuchObject', 'Id')).toBeUndefined();
  });

  it('find objects by key prefix', () => {
    expect(schema.byKeyPrefix('001')?.name).toBe('Account');
    expect(schema.byKeyPrefix('00D')?.name).toBe('Organization');
    expect(schema.byKeyPrefix('a01')?.name).toBe('Partner_Metric__c');
    expect(schema.byKeyPrefix('a0Z')).toBeUndefined();
  });
});

// ---------------------------------------------------------------------------------------------
// Metadata the local org cannot serve
// ---------------------------------------------------------------------------------------------

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n';
const NS = 'xmlns="http://soap.sforce.com/2006/04/metadata"';

const objectXml = (label: string, extra = ''): string =>
  `${XML_HEAD}<CustomObject ${NS}>\n  <label>${label}</label>\n  <pluralLabel>${label}s</pluralLabel>\n` +
  `  <nameField><label>${label} Name</label><type>Text</type></nameField>\n` +
  `  <sharingModel>ReadWrite</sharingModel>${extra}\n</CustomObject>\n`;

const fieldXml = (name: string, body: string): string =>
  `${XML_HEAD}<CustomField ${NS}>\n  <fullName>${name}</fullName>\n${body}\n</CustomField>\n`;

/** A project whose force-app holds `files` (paths under objects/). */
async function project(files: Readonly<Record<string, string>>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'trellis-schema-'));
  for (const [path, content] of Object.entries(files)) {
    const file = join(dir, 'force-app', 'main', 'default', 'objects', path);
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, content);
  }
  return dir;
}

const projects: string[] = [];
afterAll(async () => {
  await Promise.all(projects.map((dir) => rm(dir, { recursive: true, force: true })));
});

async function buildError(files: Readonly<Record<string, string>>): Promise<MetadataError> {
  const dir = await project(files);
  projects.push(dir);
  try {
    await buildOrgSchema(dir);
  } catch (error) {
    if (error instanceof MetadataError) return error;
    throw error;
  }
  throw new Error('the schema was built');
}

const WIDGET = { 'Widget__c/Widget__c.object-meta.xml': objectXml('Widget') };

describe('invalid metadata', () => {
  it.each<[string, Record<string, string>, string, string]>([
    [
      'malformed XML',
      {
        ...WIDGET,
        'Widget__c/fields/Size__c.field-meta.xml': fieldXml('Size__c', '<label>Size</label><type>Text'),
      },
      'Widget__c/fields/Size__c.field-meta.xml',
      'malformed XML at line',
    ],
    [
      'an unsupported field type',
      {
        ...WIDGET,
        'Widget__c/fields/Where__c.field-meta.xml': fieldXml(
          'Where__c',
          '<label>Where</label><type>Location</type>',
        ),
      },
      'Widget__c/fields/Where__c.field-meta.xml',
      'field type Location is not supported by the local org',
    ],
    [
      'a type that does not exist',
      {
        ...WIDGET,
        'Widget__c/fields/Size__c.field-meta.xml': fieldXml(
          'Size__c',
          '<label>Size</label><type>Txet</type>',
        ),
      },
      'Widget__c/fields/Size__c.field-meta.xml',
      'Txet is not a field type',
    ],
    [
      'a formula field',
      {
        ...WIDGET,
        'Widget__c/fields/Twice__c.field-meta.xml': fieldXml(
          'Twice__c',
          '<formula>1 + 1</formula><label>Twice</label><precision>3</precision><scale>0</scale><type>Number</type>',
        ),
      },
      'Widget__c/fields/Twice__c.field-meta.xml',
      'formula fields are not supported',
    ],
    [
      'a Text field without a length',
      {
        ...WIDGET,
        'Widget__c/fields/Size__c.field-meta.xml': fieldXml(
          'Size__c',
          '<label>Size</label><type>Text</type>',
        ),
      },
      'Widget__c/fields/Size__c.field-meta.xml',
      'a Text field needs a <length> between 1 and 255',
    ],
    [
      'a Number without precision',
      {
        ...WIDGET,
        'Widget__c/fields/Size__c.field-meta.xml': fieldXml(
          'Size__c',
          '<label>Size</label><type>Number</type>',
        ),
      },
      'Widget__c/fields/Size__c.field-meta.xml',
      'a Number field needs <precision>',
    ],
    [
      'a fullName that is not the file name',
      {
        ...WIDGET,
        'Widget__c/fields/Size__c.field-meta.xml': fieldXml(
          'Height__c',
          '<label>Size</label><length>5</length><type>Text</type>',
        ),
      },
      'Widget__c/fields/Size__c.field-meta.xml',
      '<fullName> Height__c does not match the file name Size__c',
    ],
    [
      'a lookup to an object that does not exist',
      {
        ...WIDGET,
        'Widget__c/fields/Gadget__c.field-meta.xml': fieldXml(
          'Gadget__c',
          '<label>Gadget</label><referenceTo>Gadget__c</referenceTo><relationshipName>Widgets</relationshipName><type>Lookup</type>',
        ),
      },
      'Widget__c/fields/Gadget__c.field-meta.xml',
      'Widget__c.Gadget__c refers to Gadget__c, which is not an object of the local org',
    ],
    [
      'a field on an object that is neither custom nor served',
      {
        'Lead/fields/Size__c.field-meta.xml': fieldXml(
          'Size__c',
          '<label>Size</label><length>5</length><type>Text</type>',
        ),
      },
      'Lead/fields/Size__c.field-meta.xml',
      'Lead is neither a custom object of force-app',
    ],
    [
      'a field a standard object already has',
      {
        'Account/fields/Name.field-meta.xml': fieldXml(
          'Name',
          '<label>Name</label><length>5</length><type>Text</type>',
        ),
      },
      'Account/fields/Name.field-meta.xml',
      'Name is not a custom field API name',
    ],
    [
      'a picklist on a global value set',
      {
        ...WIDGET,
        'Widget__c/fields/Color__c.field-meta.xml': fieldXml(
          'Color__c',
          '<label>Color</label><type>Picklist</type><valueSet><valueSetName>Colors</valueSetName></valueSet>',
        ),
      },
      'Widget__c/fields/Color__c.field-meta.xml',
      'global value sets',
    ],
    [
      'a child relationship name used twice on one parent',
      {
        ...WIDGET,
        'Widget__c/fields/Owner_Account__c.field-meta.xml': fieldXml(
          'Owner_Account__c',
          '<label>Owner Account</label><referenceTo>Account</referenceTo><relationshipName>Widgets</relationshipName><type>Lookup</type>',
        ),
        'Widget__c/fields/User_Account__c.field-meta.xml': fieldXml(
          'User_Account__c',
          '<label>User Account</label><referenceTo>Account</referenceTo><relationshipName>Widgets</relationshipName><type>Lookup</type>',
        ),
      },
      'Widget__c/fields/User_Account__c.field-meta.xml',
      'the child relationship name Widgets__r of Widget__c.User_Account__c is already used on Account by Widget__c.Owner_Account__c',
    ],
    [
      'a master-detail child that is not ControlledByParent',
      {
        ...WIDGET,
        'Widget__c/fields/Account__c.field-meta.xml': fieldXml(
          'Account__c',
          '<label>Account</label><referenceTo>Account</referenceTo><relationshipName>Widgets</relationshipName><type>MasterDetail</type>',
        ),
      },
      'Widget__c/fields/Account__c.field-meta.xml',
      'its sharingModel must be ControlledByParent, not ReadWrite',
    ],
    [
      'an object without a name field',
      {
        'Widget__c/Widget__c.object-meta.xml': `${XML_HEAD}<CustomObject ${NS}><label>Widget</label><pluralLabel>Widgets</pluralLabel></CustomObject>`,
      },
      'Widget__c/Widget__c.object-meta.xml',
      '<nameField> is required',
    ],
    [
      'a default that is a formula',
      {
        ...WIDGET,
        'Widget__c/fields/Made_On__c.field-meta.xml': fieldXml(
          'Made_On__c',
          '<defaultValue>TODAY()</defaultValue><label>Made On</label><type>Date</type>',
        ),
      },
      'Widget__c/fields/Made_On__c.field-meta.xml',
      'the default value formula "TODAY()" is not supported',
    ],
  ])('%s fails naming the file', async (_case, files, file, problem) => {
    const error = await buildError(files);
    const path = join('force-app', 'main', 'default', 'objects', file);
    expect(error.message).toContain(`${path}: `);
    expect(error.message).toContain(problem);
    expect(error.file.endsWith(path)).toBe(true);
  });

  it('a valid temporary project builds, with its object at a00', async () => {
    const dir = await project({
      ...WIDGET,
      'Widget__c/fields/Size__c.field-meta.xml': fieldXml(
        'Size__c',
        '<label>Size</label><length>5</length><type>Text</type>',
      ),
    });
    projects.push(dir);
    const built = await buildOrgSchema(dir);
    expect(built.object('Widget__c')?.keyPrefix).toBe('a00');
    expect(built.field('Widget__c', 'Size__c')).toMatchObject({ type: 'string', length: 5 });
    expect(built.object('Deal_Registration__c')).toBeUndefined();
  });
});
