/**
 * The describe resources in the shapes real orgs return: every key of an sObject describe, of a
 * field and of a child relationship (in Salesforce's alphabetical order), urls carrying the API
 * version, the attributes of each field type as describe reports them, and the global describe.
 */
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

import { buildOrgSchema, type LocalOrgSchema } from '../../cli/src/localorg/schema/build.ts';
import {
  describeGlobal,
  describeSObject,
  normalizeApiVersion,
  sobjectBasicInfo,
  sobjectSummary,
  type FieldDescribeJson,
  type SObjectDescribeJson,
} from '../../cli/src/localorg/schema/describe.ts';
import type { SObjectSchema } from '../../cli/src/localorg/schema/types.ts';
import { PROJECT_ROOT } from '../helpers/cli.ts';

/** Keys of GET /sobjects/X/describe (API v61.0 and later). */
const DESCRIBE_KEYS = [
  'actionOverrides',
  'activateable',
  'associateEntityType',
  'associateParentEntity',
  'childRelationships',
  'compactLayoutable',
  'createable',
  'custom',
  'customSetting',
  'deepCloneable',
  'defaultImplementation',
  'deletable',
  'deprecatedAndHidden',
  'extendedBy',
  'extendsInterfaces',
  'feedEnabled',
  'fields',
  'hasSubtypes',
  'implementedBy',
  'implementsInterfaces',
  'isInterface',
  'isSubtype',
  'keyPrefix',
  'label',
  'labelPlural',
  'layoutable',
  'listviewable',
  'lookupLayoutable',
  'mergeable',
  'mruEnabled',
  'name',
  'namedLayoutInfos',
  'networkScopeFieldName',
  'queryable',
  'recordTypeInfos',
  'replicateable',
  'retrieveable',
  'searchLayoutable',
  'searchable',
  'sobjectDescribeOption',
  'supportedScopes',
  'triggerable',
  'undeletable',
  'updateable',
  'urls',
];

/** Keys of each entry of `fields`. */
const FIELD_KEYS = [
  'aggregatable',
  'aiPredictionField',
  'autoNumber',
  'byteLength',
  'calculated',
  'calculatedFormula',
  'cascadeDelete',
  'caseSensitive',
  'compoundFieldName',
  'controllerName',
  'createable',
  'custom',
  'defaultValue',
  'defaultValueFormula',
  'defaultedOnCreate',
  'dependentPicklist',
  'deprecatedAndHidden',
  'digits',
  'displayLocationInDecimal',
  'encrypted',
  'externalId',
  'extraTypeInfo',
  'filterable',
  'filteredLookupInfo',
  'formulaTreatNullNumberAsZero',
  'groupable',
  'highScaleNumber',
  'htmlFormatted',
  'idLookup',
  'inlineHelpText',
  'label',
  'length',
  'mask',
  'maskType',
  'name',
  'nameField',
  'namePointing',
  'nillable',
  'permissionable',
  'picklistValues',
  'polymorphicForeignKey',
  'precision',
  'queryByDistance',
  'referenceTargetField',
  'referenceTo',
  'relationshipName',
  'relationshipOrder',
  'restrictedDelete',
  'restrictedPicklist',
  'scale',
  'searchPrefilterable',
  'soapType',
  'sortable',
  'type',
  'unique',
  'updateable',
  'writeRequiresMasterRead',
];

/** Keys of a global describe entry and of `objectDescribe`. */
const SUMMARY_KEYS = [
  'activateable',
  'associateEntityType',
  'associateParentEntity',
  'createable',
  'custom',
  'customSetting',
  'deepCloneable',
  'deletable',
  'deprecatedAndHidden',
  'feedEnabled',
  'hasSubtypes',
  'isInterface',
  'isSubtype',
  'keyPrefix',
  'label',
  'labelPlural',
  'layoutable',
  'mergeable',
  'mruEnabled',
  'name',
  'queryable',
  'replicateable',
  'retrieveable',
  'searchable',
  'triggerable',
  'undeletable',
  'updateable',
  'urls',
];

const CHILD_RELATIONSHIP_KEYS = [
  'cascadeDelete',
  'childSObject',
  'deprecatedAndHidden',
  'field',
  'junctionIdListNames',
  'junctionReferenceTo',
  'relationshipName',
  'restrictedDelete',
];

/** Salesforce lists keys in code-unit order (`searchLayoutable` before `searchable`). */
const sortedKeys = (value: object): string[] =>
  Object.keys(value).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

let schema: LocalOrgSchema;
beforeAll(async () => {
  schema = await buildOrgSchema(PROJECT_ROOT);
});

function object(name: string): SObjectSchema {
  const found = schema.object(name);
  if (found === undefined) throw new Error(`${name} is not in the schema`);
  return found;
}

function describedField(describe: SObjectDescribeJson, name: string): FieldDescribeJson {
  const found = describe.fields.find((f) => f.name === name);
  if (found === undefined) throw new Error(`${describe.name}.${name} is not described`);
  return found;
}

describe('describeSObject of a standard object (Account)', () => {
  let account: SObjectDescribeJson;
  beforeAll(() => {
    account = describeSObject(object('Account'), '61.0');
  });

  it('has every key of a real describe, in order, and survives JSON', () => {
    expect(Object.keys(account)).toEqual(DESCRIBE_KEYS);
    expect(JSON.parse(JSON.stringify(account))).toEqual(account);
    for (const f of account.fields) {
      expect([f.name, Object.keys(f)]).toEqual([f.name, FIELD_KEYS]);
    }
    for (const r of account.childRelationships) {
      expect(Object.keys(r)).toEqual(CHILD_RELATIONSHIP_KEYS);
    }
    expect(DESCRIBE_KEYS).toEqual(sortedKeys(account));
    expect(FIELD_KEYS).toEqual(sortedKeys(account.fields[0] ?? {}));
  });

  it('describes the object', () => {
    expect(account).toMatchObject({
      name: 'Account',
      label: 'Account',
      labelPlural: 'Accounts',
      keyPrefix: '001',
      custom: false,
      customSetting: false,
      createable: true,
      updateable: true,
      deletable: true,
      queryable: true,
      retrieveable: true,
      searchable: true,
      layoutable: true,
      mergeable: true,
      triggerable: true,
      undeletable: true,
      actionOverrides: [],
      namedLayoutInfos: [],
      sobjectDescribeOption: 'FULL',
    });
    expect(account.recordTypeInfos).toEqual([
      {
        active: true,
        available: true,
        defaultRecordTypeMapping: true,
        developerName: 'Master',
        master: true,
        name: 'Master',
        recordTypeId: '012000000000000AAA',
        urls: { layout: '/services/data/v61.0/sobjects/Account/describe/layouts/012000000000000AAA' },
      },
    ]);
    expect(account.supportedScopes).toEqual([
      { label: 'All accounts', name: 'everything' },
      { label: 'My accounts', name: 'mine' },
    ]);
  });

  it('lists its urls with the API version', () => {
    expect(account.urls).toEqual({
      compactLayouts: '/services/data/v61.0/sobjects/Account/describe/compactLayouts',
      rowTemplate: '/services/data/v61.0/sobjects/Account/{ID}',
      approvalLayouts: '/services/data/v61.0/sobjects/Account/describe/approvalLayouts',
      listviews: '/services/data/v61.0/sobjects/Account/listviews',
      describe: '/services/data/v61.0/sobjects/Account/describe',
      quickActions: '/services/data/v61.0/sobjects/Account/quickActions',
      layouts: '/services/data/v61.0/sobjects/Account/describe/layouts',
      sobject: '/services/data/v61.0/sobjects/Account',
    });
    const withUi = describeSObject(object('Account'), 'v58.0', { instanceUrl: 'http://127.0.0.1:4321/' });
    expect(Object.keys(withUi.urls)).toEqual([
      'compactLayouts',
      'rowTemplate',
      'approvalLayouts',
      'uiDetailTemplate',
      'uiEditTemplate',
      'listviews',
      'describe',
      'uiNewRecord',
      'quickActions',
      'layouts',
      'sobject',
    ]);
    expect(withUi.urls).toMatchObject({
      uiDetailTemplate: 'http://127.0.0.1:4321/{ID}',
      uiEditTemplate: 'http://127.0.0.1:4321/{ID}/e',
      uiNewRecord: 'http://127.0.0.1:4321/001/e',
      sobject: '/services/data/v58.0/sobjects/Account',
    });
  });

  it('describes its standard fields', () => {
    expect(describedField(account, 'Id')).toMatchObject({
      type: 'id',
      soapType: 'tns:ID',
      length: 18,
      byteLength: 18,
      label: 'Account ID',
      nillable: false,
      createable: false,
      updateable: false,
      defaultedOnCreate: true,
      idLookup: true,
      filterable: true,
      groupable: true,
      sortable: true,
    });
    expect(describedField(account, 'Name')).toMatchObject({
      type: 'string',
      soapType: 'xsd:string',
      length: 255,
      byteLength: 765,
      label: 'Account Name',
      nameField: true,
      nillable: false,
      createable: true,
      updateable: true,
      defaultedOnCreate: false,
      custom: false,
    });
    expect(describedField(account, 'NumberOfEmployees')).toMatchObject({
      type: 'int',
      soapType: 'xsd:int',
      digits: 8,
      precision: 0,
      scale: 0,
      length: 0,
      label: 'Employees',
    });
    expect(describedField(account, 'AnnualRevenue')).toMatchObject({
      type: 'currency',
      soapType: 'xsd:double',
      precision: 18,
      scale: 0,
      digits: 0,
      groupable: false,
    });
    expect(describedField(account, 'BillingStreet')).toMatchObject({
      type: 'textarea',
      length: 255,
      extraTypeInfo: 'plaintextarea',
      compoundFieldName: 'BillingAddress',
    });
    expect(describedField(account, 'Description')).toMatchObject({
      type: 'textarea',
      length: 32000,
      filterable: false,
      sortable: false,
      groupable: false,
      aggregatable: false,
    });
    expect(describedField(account, 'Website')).toMatchObject({ type: 'url', length: 255 });
    expect(describedField(account, 'Phone')).toMatchObject({
      type: 'phone',
      length: 40,
      label: 'Account Phone',
    });
    expect(describedField(account, 'OwnerId')).toMatchObject({
      type: 'reference',
      referenceTo: ['User'],
      relationshipName: 'Owner',
      defaultedOnCreate: true,
      nillable: false,
    });
    expect(describedField(account, 'ParentId')).toMatchObject({
      referenceTo: ['Account'],
      relationshipName: 'Parent',
      nillable: true,
    });
    expect(describedField(account, 'IsDeleted')).toMatchObject({
      type: 'boolean',
      soapType: 'xsd:boolean',
      defaultValue: false,
      createable: false,
      updateable: false,
    });
    const type = describedField(account, 'Type');
    expect(type).toMatchObject({ type: 'picklist', length: 255, restrictedPicklist: false });
    expect(type.picklistValues[0]).toEqual({
      active: true,
      defaultValue: false,
      label: 'Prospect',
      validFor: null,
      value: 'Prospect',
    });
  });

  it('describes the Trellis fields merged into it', () => {
    expect(describedField(account, 'Partner_Type__c')).toMatchObject({
      custom: true,
      type: 'picklist',
      restrictedPicklist: true,
      inlineHelpText: 'What kind of partner this account is. Leave blank for accounts that are not partners.',
    });
    expect(describedField(account, 'Strategic_Account__c')).toMatchObject({
      type: 'boolean',
      defaultValue: false,
      defaultedOnCreate: true,
      nillable: false,
    });
    expect(describedField(account, 'Trellis_Name_Key__c')).toMatchObject({
      externalId: true,
      idLookup: true,
    });
  });

  it('lists its child relationships', () => {
    const byName = new Map(account.childRelationships.map((r) => [r.relationshipName, r]));
    expect([...byName.keys()].sort()).toEqual([
      'ChildAccounts',
      'Contacts',
      'Customer_Deal_Registrations__r',
      'Opportunities',
      'Partner_Deal_Registrations__r',
      'Partner_Metrics__r',
      'Tier_Changes__r',
    ]);
    expect(byName.get('Partner_Metrics__r')).toEqual({
      cascadeDelete: true,
      childSObject: 'Partner_Metric__c',
      deprecatedAndHidden: false,
      field: 'Partner_Account__c',
      junctionIdListNames: [],
      junctionReferenceTo: [],
      relationshipName: 'Partner_Metrics__r',
      restrictedDelete: false,
    });
    expect(byName.get('Tier_Changes__r')).toMatchObject({ cascadeDelete: false, restrictedDelete: true });
    expect(byName.get('Contacts')).toMatchObject({
      childSObject: 'Contact',
      field: 'AccountId',
      cascadeDelete: false,
    });
  });
});

describe('describeSObject of the custom objects', () => {
  it('describes Deal_Registration__c', () => {
    const registration = describeSObject(object('Deal_Registration__c'), '61.0');
    expect(Object.keys(registration)).toEqual(DESCRIBE_KEYS);
    expect(registration).toMatchObject({
      name: 'Deal_Registration__c',
      label: 'Deal Registration',
      labelPlural: 'Deal Registrations',
      keyPrefix: 'a00',
      custom: true,
      mergeable: false,
      searchable: true,
      feedEnabled: false,
    });
    expect(registration.urls).toEqual({
      compactLayouts: '/services/data/v61.0/sobjects/Deal_Registration__c/describe/compactLayouts',
      rowTemplate: '/services/data/v61.0/sobjects/Deal_Registration__c/{ID}',
      approvalLayouts: '/services/data/v61.0/sobjects/Deal_Registration__c/describe/approvalLayouts',
      defaultValues: '/services/data/v61.0/sobjects/Deal_Registration__c/defaultValues?recordTypeId&fields',
      describe: '/services/data/v61.0/sobjects/Deal_Registration__c/describe',
      quickActions: '/services/data/v61.0/sobjects/Deal_Registration__c/quickActions',
      layouts: '/services/data/v61.0/sobjects/Deal_Registration__c/describe/layouts',
      sobject: '/services/data/v61.0/sobjects/Deal_Registration__c',
    });
    expect(describedField(registration, 'Id')).toMatchObject({ label: 'Record ID', type: 'id' });
    expect(describedField(registration, 'Name')).toMatchObject({
      type: 'string',
      autoNumber: true,
      length: 30,
      createable: false,
      updateable: false,
      nillable: false,
      defaultedOnCreate: true,
      nameField: true,
      idLookup: true,
      label: 'Deal Registration Number',
    });
    expect(describedField(registration, 'Partner_Account__c')).toMatchObject({
      type: 'reference',
      soapType: 'tns:ID',
      length: 18,
      byteLength: 18,
      referenceTo: ['Account'],
      relationshipName: 'Partner_Account__r',
      restrictedDelete: true,
      cascadeDelete: false,
      nillable: true,
      custom: true,
      label: 'Partner Account',
      polymorphicForeignKey: false,
      relationshipOrder: null,
    });
    const status = describedField(registration, 'Status__c');
    expect(status).toMatchObject({
      type: 'picklist',
      restrictedPicklist: true,
      defaultValue: null,
      defaultedOnCreate: true,
    });
    expect(status.picklistValues.filter((v) => v.defaultValue).map((v) => v.value)).toEqual(['Draft']);
    expect(describedField(registration, 'Conflict_Details__c')).toMatchObject({
      type: 'textarea',
      length: 131072,
      byteLength: 393216,
      extraTypeInfo: 'plaintextarea',
      filterable: false,
      sortable: false,
      groupable: false,
    });
    expect(describedField(registration, 'Estimated_Amount__c')).toMatchObject({
      type: 'currency',
      precision: 16,
      scale: 2,
      length: 0,
      byteLength: 0,
    });
    expect(describedField(registration, 'Customer_Name__c')).toMatchObject({ nillable: false, length: 255 });
    expect(registration.childRelationships.map((r) => r.relationshipName)).toEqual(['Opportunities__r']);
  });

  it('describes Partner_Metric__c, the detail of Account', () => {
    const metric = describeSObject(object('Partner_Metric__c'), '61.0');
    expect(metric.supportedScopes).toEqual([{ label: 'All partner metrics', name: 'everything' }]);
    expect(metric.fields.some((f) => f.name === 'OwnerId')).toBe(false);
    expect(describedField(metric, 'Partner_Account__c')).toMatchObject({
      cascadeDelete: true,
      relationshipOrder: 0,
      nillable: false,
      updateable: false,
      createable: true,
      writeRequiresMasterRead: false,
      permissionable: false,
    });
    expect(describedField(metric, 'External_Id__c')).toMatchObject({
      externalId: true,
      unique: true,
      idLookup: true,
      caseSensitive: false,
      length: 80,
    });
    expect(describedField(metric, 'Deals_Won__c')).toMatchObject({
      type: 'double',
      precision: 6,
      scale: 0,
      digits: 0,
      defaultValue: null,
      defaultValueFormula: '0',
      defaultedOnCreate: true,
    });
    expect(describedField(metric, 'Name')).toMatchObject({
      autoNumber: false,
      length: 80,
      nillable: true,
      createable: true,
      defaultedOnCreate: true,
    });
  });
});

// ---------------------------------------------------------------------------------------------
// One field of each supported type, from a temporary force-app
// ---------------------------------------------------------------------------------------------

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n';
const NS = 'xmlns="http://soap.sforce.com/2006/04/metadata"';
const objectXml = (label: string, sharingModel: string): string =>
  `${XML_HEAD}<CustomObject ${NS}><label>${label}</label><pluralLabel>${label}s</pluralLabel>` +
  `<nameField><label>${label} Name</label><type>Text</type></nameField>` +
  `<sharingModel>${sharingModel}</sharingModel><enableFeeds>true</enableFeeds></CustomObject>`;
const fieldXml = (name: string, body: string): string =>
  `${XML_HEAD}<CustomField ${NS}><fullName>${name}</fullName><label>${name.replace('__c', '')}</label>${body}</CustomField>`;
/** A restricted value set; the first value is the default. Entries are [fullName, label]. */
const values = (...entries: [string, string][]): string =>
  `<valueSet><restricted>true</restricted><valueSetDefinition>${entries
    .map(
      ([n, l], i) =>
        `<value><fullName>${n}</fullName><default>${i === 0}</default><label>${l}</label></value>`,
    )
    .join('')}</valueSetDefinition></valueSet>`;

const ALL_TYPES: Readonly<Record<string, string>> = {
  'Widget__c/Widget__c.object-meta.xml': objectXml('Widget', 'Private'),
  'Widget__c/fields/Code__c.field-meta.xml': fieldXml('Code__c', '<length>40</length><type>Text</type>'),
  'Widget__c/fields/Note__c.field-meta.xml': fieldXml('Note__c', '<type>TextArea</type>'),
  'Widget__c/fields/Story__c.field-meta.xml': fieldXml(
    'Story__c',
    '<length>32768</length><type>LongTextArea</type><visibleLines>5</visibleLines>',
  ),
  'Widget__c/fields/Weight__c.field-meta.xml': fieldXml(
    'Weight__c',
    '<precision>10</precision><scale>2</scale><type>Number</type>',
  ),
  'Widget__c/fields/Price__c.field-meta.xml': fieldXml(
    'Price__c',
    '<defaultValue>9.5</defaultValue><precision>18</precision><scale>2</scale><type>Currency</type>',
  ),
  'Widget__c/fields/Share__c.field-meta.xml': fieldXml(
    'Share__c',
    '<precision>5</precision><scale>2</scale><type>Percent</type>',
  ),
  'Widget__c/fields/Made_On__c.field-meta.xml': fieldXml('Made_On__c', '<type>Date</type>'),
  'Widget__c/fields/Shipped_At__c.field-meta.xml': fieldXml('Shipped_At__c', '<type>DateTime</type>'),
  'Widget__c/fields/Active__c.field-meta.xml': fieldXml(
    'Active__c',
    '<defaultValue>true</defaultValue><type>Checkbox</type>',
  ),
  'Widget__c/fields/Color__c.field-meta.xml': fieldXml(
    'Color__c',
    `<type>Picklist</type>${values(['Red', 'Red label'], ['Green%2C light', 'Green, light label'])}`,
  ),
  'Widget__c/fields/Tags__c.field-meta.xml': fieldXml(
    'Tags__c',
    `<type>MultiselectPicklist</type>${values(['A', 'A'], ['B', 'B'], ['C', 'C'])}<visibleLines>4</visibleLines>`,
  ),
  'Widget__c/fields/Contact_Email__c.field-meta.xml': fieldXml(
    'Contact_Email__c',
    '<externalId>true</externalId><type>Email</type><unique>true</unique>',
  ),
  'Widget__c/fields/Hotline__c.field-meta.xml': fieldXml('Hotline__c', '<type>Phone</type>'),
  'Widget__c/fields/Homepage__c.field-meta.xml': fieldXml('Homepage__c', '<type>Url</type>'),
  'Widget__c/fields/Label_Text__c.field-meta.xml': fieldXml(
    'Label_Text__c',
    '<defaultValue>"n/a"</defaultValue><length>10</length><type>Text</type>',
  ),
  'Widget__c/fields/Maker__c.field-meta.xml': fieldXml(
    'Maker__c',
    '<deleteConstraint>SetNull</deleteConstraint><referenceTo>Account</referenceTo>' +
      '<relationshipName>Widgets</relationshipName><type>Lookup</type>',
  ),
  'Part__c/Part__c.object-meta.xml': objectXml('Part', 'ControlledByParent'),
  'Part__c/fields/Widget__c.field-meta.xml': fieldXml(
    'Widget__c',
    '<referenceTo>Widget__c</referenceTo><relationshipName>Parts</relationshipName>' +
      '<reparentableMasterDetail>true</reparentableMasterDetail><type>MasterDetail</type>' +
      '<writeRequiresMasterRead>true</writeRequiresMasterRead>',
  ),
};

describe('describe of each field type', () => {
  let dir: string;
  let widget: SObjectDescribeJson;
  let part: SObjectDescribeJson;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'trellis-describe-'));
    for (const [path, content] of Object.entries(ALL_TYPES)) {
      const file = join(dir, 'force-app', 'main', 'default', 'objects', path);
      await mkdir(dirname(file), { recursive: true });
      await writeFile(file, content);
    }
    const built = await buildOrgSchema(dir);
    const get = (name: string): SObjectSchema => {
      const found = built.object(name);
      if (found === undefined) throw new Error(`${name} was not built`);
      return found;
    };
    expect([get('Part__c').keyPrefix, get('Widget__c').keyPrefix]).toEqual(['a00', 'a01']);
    widget = describeSObject(get('Widget__c'), '62.0');
    part = describeSObject(get('Part__c'), '62.0');
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  /** The attributes that vary by type, for one field. */
  const shape = (f: FieldDescribeJson): Partial<FieldDescribeJson> => ({
    type: f.type,
    soapType: f.soapType,
    length: f.length,
    byteLength: f.byteLength,
    precision: f.precision,
    scale: f.scale,
    digits: f.digits,
    filterable: f.filterable,
    sortable: f.sortable,
    groupable: f.groupable,
    nillable: f.nillable,
    extraTypeInfo: f.extraTypeInfo,
  });
  const base = {
    precision: 0,
    scale: 0,
    digits: 0,
    filterable: true,
    sortable: true,
    nillable: true,
    extraTypeInfo: null,
  };

  it.each<[string, Partial<FieldDescribeJson>]>([
    [
      'Code__c',
      { ...base, type: 'string', soapType: 'xsd:string', length: 40, byteLength: 120, groupable: true },
    ],
    [
      'Note__c',
      {
        ...base,
        type: 'textarea',
        soapType: 'xsd:string',
        length: 255,
        byteLength: 765,
        groupable: true,
        extraTypeInfo: 'plaintextarea',
      },
    ],
    [
      'Story__c',
      {
        ...base,
        type: 'textarea',
        soapType: 'xsd:string',
        length: 32768,
        byteLength: 98304,
        filterable: false,
        sortable: false,
        groupable: false,
        extraTypeInfo: 'plaintextarea',
      },
    ],
    [
      'Weight__c',
      {
        ...base,
        type: 'double',
        soapType: 'xsd:double',
        length: 0,
        byteLength: 0,
        precision: 10,
        scale: 2,
        groupable: false,
      },
    ],
    [
      'Price__c',
      {
        ...base,
        type: 'currency',
        soapType: 'xsd:double',
        length: 0,
        byteLength: 0,
        precision: 18,
        scale: 2,
        groupable: false,
      },
    ],
    [
      'Share__c',
      {
        ...base,
        type: 'percent',
        soapType: 'xsd:double',
        length: 0,
        byteLength: 0,
        precision: 5,
        scale: 2,
        groupable: false,
      },
    ],
    [
      'Made_On__c',
      { ...base, type: 'date', soapType: 'xsd:date', length: 0, byteLength: 0, groupable: true },
    ],
    [
      'Shipped_At__c',
      { ...base, type: 'datetime', soapType: 'xsd:dateTime', length: 0, byteLength: 0, groupable: false },
    ],
    [
      'Active__c',
      {
        ...base,
        type: 'boolean',
        soapType: 'xsd:boolean',
        length: 0,
        byteLength: 0,
        groupable: true,
        nillable: false,
      },
    ],
    [
      'Color__c',
      { ...base, type: 'picklist', soapType: 'xsd:string', length: 255, byteLength: 765, groupable: true },
    ],
    [
      'Tags__c',
      {
        ...base,
        type: 'multipicklist',
        soapType: 'xsd:string',
        length: 4099,
        byteLength: 12297,
        sortable: false,
        groupable: false,
      },
    ],
    [
      'Contact_Email__c',
      { ...base, type: 'email', soapType: 'xsd:string', length: 80, byteLength: 240, groupable: true },
    ],
    [
      'Hotline__c',
      { ...base, type: 'phone', soapType: 'xsd:string', length: 40, byteLength: 120, groupable: true },
    ],
    [
      'Homepage__c',
      { ...base, type: 'url', soapType: 'xsd:string', length: 255, byteLength: 765, groupable: true },
    ],
    [
      'Maker__c',
      { ...base, type: 'reference', soapType: 'tns:ID', length: 18, byteLength: 18, groupable: true },
    ],
  ])('%s', (name, expected) => {
    expect(shape(describedField(widget, name))).toEqual(expected);
  });

  it('reports defaults as real orgs do', () => {
    expect(describedField(widget, 'Active__c')).toMatchObject({
      defaultValue: true,
      defaultValueFormula: null,
      defaultedOnCreate: true,
    });
    expect(describedField(widget, 'Price__c')).toMatchObject({
      defaultValue: null,
      defaultValueFormula: '9.5',
      defaultedOnCreate: true,
    });
    expect(describedField(widget, 'Label_Text__c')).toMatchObject({
      defaultValue: null,
      defaultValueFormula: '"n/a"',
      defaultedOnCreate: true,
    });
    expect(describedField(widget, 'Weight__c')).toMatchObject({
      defaultValueFormula: null,
      defaultedOnCreate: false,
    });
  });

  it('decodes picklist API names and keeps their labels', () => {
    expect(describedField(widget, 'Color__c').picklistValues).toEqual([
      { active: true, defaultValue: true, label: 'Red label', validFor: null, value: 'Red' },
      {
        active: true,
        defaultValue: false,
        label: 'Green, light label',
        validFor: null,
        value: 'Green, light',
      },
    ]);
    expect(describedField(widget, 'Tags__c')).toMatchObject({ restrictedPicklist: true });
  });

  it('describes unique External IDs and lookups', () => {
    expect(describedField(widget, 'Contact_Email__c')).toMatchObject({
      externalId: true,
      unique: true,
      idLookup: true,
    });
    expect(describedField(widget, 'Maker__c')).toMatchObject({
      referenceTo: ['Account'],
      relationshipName: 'Maker__r',
      cascadeDelete: false,
      restrictedDelete: false,
      relationshipOrder: null,
    });
    expect(describedField(part, 'Widget__c')).toMatchObject({
      referenceTo: ['Widget__c'],
      relationshipName: 'Widget__r',
      cascadeDelete: true,
      relationshipOrder: 0,
      updateable: true,
      writeRequiresMasterRead: true,
      nillable: false,
    });
    expect(widget.childRelationships).toEqual([
      {
        cascadeDelete: true,
        childSObject: 'Part__c',
        deprecatedAndHidden: false,
        field: 'Widget__c',
        junctionIdListNames: [],
        junctionReferenceTo: [],
        relationshipName: 'Parts__r',
        restrictedDelete: false,
      },
    ]);
    expect(widget).toMatchObject({ feedEnabled: true, searchable: false });
    expect(part.fields.map((f) => f.name)).not.toContain('OwnerId');
  });
});

// ---------------------------------------------------------------------------------------------

describe('describeGlobal', () => {
  it('lists every object with the summary keys, by name', () => {
    const global = describeGlobal(schema, '61.0');
    expect(Object.keys(global)).toEqual(['encoding', 'maxBatchSize', 'sobjects']);
    expect(global.encoding).toBe('UTF-8');
    expect(global.maxBatchSize).toBe(200);
    expect(global.sobjects.map((o) => o.name)).toEqual([
      'Account',
      'Contact',
      'Deal_Registration__c',
      'Opportunity',
      'OpportunityContactRole',
      'Organization',
      'Partner_Metric__c',
      'Profile',
      'RecordType',
      'Tier_Change__c',
      'User',
    ]);
    for (const entry of global.sobjects) {
      expect([entry.name, Object.keys(entry)]).toEqual([entry.name, SUMMARY_KEYS]);
      expect([entry.name, entry.urls.sobject, entry.urls.describe, entry.urls.rowTemplate]).toEqual([
        entry.name,
        `/services/data/v61.0/sobjects/${entry.name}`,
        `/services/data/v61.0/sobjects/${entry.name}/describe`,
        `/services/data/v61.0/sobjects/${entry.name}/{ID}`,
      ]);
    }
    expect(SUMMARY_KEYS).toEqual(sortedKeys(global.sobjects[0] ?? {}));
    expect(global.sobjects.filter((o) => o.custom).map((o) => [o.name, o.keyPrefix])).toEqual([
      ['Deal_Registration__c', 'a00'],
      ['Partner_Metric__c', 'a01'],
      ['Tier_Change__c', 'a02'],
    ]);
    expect(JSON.parse(JSON.stringify(global))).toEqual(global);
  });

  it('summarizes one object as GET /sobjects/X does', () => {
    const info = sobjectBasicInfo(object('Contact'), '60.0');
    expect(Object.keys(info)).toEqual(['objectDescribe', 'recentItems']);
    expect(info.recentItems).toEqual([]);
    expect(info.objectDescribe).toEqual(sobjectSummary(object('Contact'), '60.0'));
    expect(info.objectDescribe).toMatchObject({
      name: 'Contact',
      keyPrefix: '003',
      label: 'Contact',
      labelPlural: 'Contacts',
      custom: false,
      queryable: true,
      urls: {
        compactLayouts: '/services/data/v60.0/sobjects/Contact/describe/compactLayouts',
        rowTemplate: '/services/data/v60.0/sobjects/Contact/{ID}',
        approvalLayouts: '/services/data/v60.0/sobjects/Contact/describe/approvalLayouts',
        listviews: '/services/data/v60.0/sobjects/Contact/listviews',
        describe: '/services/data/v60.0/sobjects/Contact/describe',
        quickActions: '/services/data/v60.0/sobjects/Contact/quickActions',
        layouts: '/services/data/v60.0/sobjects/Contact/describe/layouts',
        sobject: '/services/data/v60.0/sobjects/Contact',
      },
    });
  });

  it('reads the API version as the URL gives it', () => {
    expect(normalizeApiVersion('61.0')).toBe('61.0');
    expect(normalizeApiVersion('v61.0')).toBe('61.0');
    expect(normalizeApiVersion('51')).toBe('51.0');
    expect(() => normalizeApiVersion('latest')).toThrow('Not an API version');
  });
});
