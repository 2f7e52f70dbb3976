/**
 * The standard objects the local org serves, with the standard fields Trellis, jsforce,
 * @salesforce/core and the sf CLI use, described as a Developer Edition org describes them
 * (labels, types, lengths, digits, createable/updateable, picklist values of a new org).
 *
 * Sources: the Object Reference for the Salesforce Platform (field properties: Create, Filter,
 * Group, Nillable, Sort, Update, Defaulted on create, idLookup), the Salesforce Field Reference
 * (labels, lengths, digits, precision and scale) and describe results of real orgs (extraTypeInfo,
 * compoundFieldName). Fields a real org has but nothing here needs are left out: describe lists
 * what the local org can store.
 *
 * Each call returns new objects: the schema builder merges force-app's custom fields into them.
 */
import {
  auditFields,
  defineField,
  leadingSystemFields,
  type FieldSpec,
  type LocalFieldSchema,
  type LocalSObjectSchema,
  type ObjectDetails,
  type SystemFieldOptions,
} from './model.ts';
import type { PicklistValue } from './types.ts';

// ---------------------------------------------------------------------------------------------
// Picklist values of a new org
// ---------------------------------------------------------------------------------------------

const ACCOUNT_TYPES = [
  'Prospect',
  'Customer - Direct',
  'Customer - Channel',
  'Channel Partner / Reseller',
  'Installation Partner',
  'Technology Partner',
  'Other',
];

const INDUSTRIES = [
  'Agriculture',
  'Apparel',
  'Banking',
  'Biotechnology',
  'Chemicals',
  'Communications',
  'Construction',
  'Consulting',
  'Education',
  'Electronics',
  'Energy',
  'Engineering',
  'Entertainment',
  'Environmental',
  'Finance',
  'Food & Beverage',
  'Government',
  'Healthcare',
  'Hospitality',
  'Insurance',
  'Machinery',
  'Manufacturing',
  'Media',
  'Not For Profit',
  'Recreation',
  'Retail',
  'Shipping',
  'Technology',
  'Telecommunications',
  'Transportation',
  'Utilities',
  'Other',
];

/** Opportunity stages; the last two are the closed ones (Closed Won is the won one). */
export const OPPORTUNITY_STAGES = [
  'Prospecting',
  'Qualification',
  'Needs Analysis',
  'Value Proposition',
  'Proposal/Price Quote',
  'Negotiation/Review',
  'Closed Won',
  'Closed Lost',
];

const OPPORTUNITY_TYPES = [
  'Existing Customer - Upgrade',
  'Existing Customer - Replacement',
  'Existing Customer - Downgrade',
  'New Customer',
];

const LEAD_SOURCES = ['Web', 'Phone Inquiry', 'Partner Referral', 'Purchased List', 'Other'];

const CONTACT_ROLES = [
  'Business User',
  'Decision Maker',
  'Economic Buyer',
  'Economic Decision Maker',
  'Evaluator',
  'Executive Sponsor',
  'Influencer',
  'Technical Buyer',
  'Other',
];

const entry = (value: string, label: string): PicklistValue => ({
  value,
  label,
  defaultValue: false,
  active: true,
});

/** User.UserType and Profile.UserType: the license kinds (PowerPartner is a partner user). */
const USER_TYPES: PicklistValue[] = [
  entry('Standard', 'Standard'),
  entry('PowerPartner', 'Partner'),
  entry('PowerCustomerSuccess', 'Customer Portal Manager'),
  entry('CustomerSuccess', 'Customer Portal User'),
  entry('Guest', 'Guest'),
  entry('CspLitePortal', 'High Volume Portal'),
  entry('CsnOnly', 'Chatter Free'),
  entry('SelfService', 'Self Service'),
];

/** Time zones (a common subset of the org's list), labelled with their standard offset. */
const TIME_ZONES: PicklistValue[] = [
  ['Pacific/Honolulu', '(GMT-10:00) Hawaii-Aleutian Standard Time (Pacific/Honolulu)'],
  ['America/Anchorage', '(GMT-09:00) Alaska Standard Time (America/Anchorage)'],
  ['America/Los_Angeles', '(GMT-08:00) Pacific Standard Time (America/Los_Angeles)'],
  ['America/Denver', '(GMT-07:00) Mountain Standard Time (America/Denver)'],
  ['America/Phoenix', '(GMT-07:00) Mountain Standard Time (America/Phoenix)'],
  ['America/Chicago', '(GMT-06:00) Central Standard Time (America/Chicago)'],
  ['America/Mexico_City', '(GMT-06:00) Central Standard Time (America/Mexico_City)'],
  ['America/New_York', '(GMT-05:00) Eastern Standard Time (America/New_York)'],
  ['America/Toronto', '(GMT-05:00) Eastern Standard Time (America/Toronto)'],
  ['America/Sao_Paulo', '(GMT-03:00) Brasilia Standard Time (America/Sao_Paulo)'],
  ['GMT', '(GMT+00:00) Greenwich Mean Time (GMT)'],
  ['Europe/London', '(GMT+00:00) Greenwich Mean Time (Europe/London)'],
  ['Europe/Dublin', '(GMT+00:00) Greenwich Mean Time (Europe/Dublin)'],
  ['Europe/Lisbon', '(GMT+00:00) Western European Standard Time (Europe/Lisbon)'],
  ['Europe/Paris', '(GMT+01:00) Central European Standard Time (Europe/Paris)'],
  ['Europe/Berlin', '(GMT+01:00) Central European Standard Time (Europe/Berlin)'],
  ['Europe/Amsterdam', '(GMT+01:00) Central European Standard Time (Europe/Amsterdam)'],
  ['Europe/Madrid', '(GMT+01:00) Central European Standard Time (Europe/Madrid)'],
  ['Europe/Rome', '(GMT+01:00) Central European Standard Time (Europe/Rome)'],
  ['Europe/Stockholm', '(GMT+01:00) Central European Standard Time (Europe/Stockholm)'],
  ['Europe/Helsinki', '(GMT+02:00) Eastern European Standard Time (Europe/Helsinki)'],
  ['Africa/Johannesburg', '(GMT+02:00) South Africa Standard Time (Africa/Johannesburg)'],
  ['Asia/Dubai', '(GMT+04:00) Gulf Standard Time (Asia/Dubai)'],
  ['Asia/Kolkata', '(GMT+05:30) India Standard Time (Asia/Kolkata)'],
  ['Asia/Singapore', '(GMT+08:00) Singapore Standard Time (Asia/Singapore)'],
  ['Asia/Shanghai', '(GMT+08:00) China Standard Time (Asia/Shanghai)'],
  ['Asia/Tokyo', '(GMT+09:00) Japan Standard Time (Asia/Tokyo)'],
  ['Asia/Seoul', '(GMT+09:00) Korean Standard Time (Asia/Seoul)'],
  ['Australia/Sydney', '(GMT+10:00) Australian Eastern Standard Time (Australia/Sydney)'],
  ['Pacific/Auckland', '(GMT+12:00) New Zealand Standard Time (Pacific/Auckland)'],
].map(([value, label]) => entry(value ?? '', label ?? ''));

/** Locales (a common subset). */
const LOCALES: PicklistValue[] = [
  ['en_US', 'English (United States)'],
  ['en_GB', 'English (United Kingdom)'],
  ['en_CA', 'English (Canada)'],
  ['en_AU', 'English (Australia)'],
  ['en_IE', 'English (Ireland)'],
  ['en_IN', 'English (India)'],
  ['en_NZ', 'English (New Zealand)'],
  ['en_SG', 'English (Singapore)'],
  ['en_ZA', 'English (South Africa)'],
  ['de_DE', 'German (Germany)'],
  ['de_AT', 'German (Austria)'],
  ['de_CH', 'German (Switzerland)'],
  ['fr_FR', 'French (France)'],
  ['fr_CA', 'French (Canada)'],
  ['es_ES', 'Spanish (Spain)'],
  ['es_MX', 'Spanish (Mexico)'],
  ['it_IT', 'Italian (Italy)'],
  ['nl_NL', 'Dutch (Netherlands)'],
  ['pt_BR', 'Portuguese (Brazil)'],
  ['sv_SE', 'Swedish (Sweden)'],
  ['da_DK', 'Danish (Denmark)'],
  ['fi_FI', 'Finnish (Finland)'],
  ['no_NO', 'Norwegian (Norway)'],
  ['pl_PL', 'Polish (Poland)'],
  ['ja_JP', 'Japanese (Japan)'],
  ['ko_KR', 'Korean (South Korea)'],
  ['zh_CN', 'Chinese (China)'],
].map(([value, label]) => entry(value ?? '', label ?? ''));

/** Languages of the user interface. */
const LANGUAGES: PicklistValue[] = [
  ['en_US', 'English'],
  ['en_GB', 'English (UK)'],
  ['de', 'German'],
  ['fr', 'French'],
  ['es', 'Spanish'],
  ['es_MX', 'Spanish (Mexico)'],
  ['it', 'Italian'],
  ['nl_NL', 'Dutch'],
  ['pt_BR', 'Portuguese (Brazil)'],
  ['sv', 'Swedish'],
  ['da', 'Danish'],
  ['fi', 'Finnish'],
  ['no', 'Norwegian'],
  ['ja', 'Japanese'],
  ['ko', 'Korean'],
  ['zh_CN', 'Chinese (Simplified)'],
  ['zh_TW', 'Chinese (Traditional)'],
].map(([value, label]) => entry(value ?? '', label ?? ''));

const EMAIL_ENCODINGS: PicklistValue[] = [
  ['UTF-8', 'Unicode (UTF-8)'],
  ['ISO-8859-1', 'General US & Western Europe (ISO-8859-1, ISO-LATIN-1)'],
  ['Shift_JIS', 'Japanese (Shift-JIS)'],
  ['ISO-2022-JP', 'Japanese (JIS)'],
  ['EUC-JP', 'Japanese (EUC)'],
  ['ks_c_5601-1987', 'Korean (ks_c_5601-1987)'],
  ['Big5', 'Traditional Chinese (Big5)'],
  ['GB2312', 'Simplified Chinese (GB2312)'],
].map(([value, label]) => entry(value ?? '', label ?? ''));

const ORGANIZATION_TYPES = [
  'Team Edition',
  'Professional Edition',
  'Enterprise Edition',
  'Developer Edition',
  'Personal Edition',
  'Unlimited Edition',
  'Contact Manager Edition',
  'Base Edition',
];

// ---------------------------------------------------------------------------------------------
// Field helpers
// ---------------------------------------------------------------------------------------------

/** A read-only field: the server sets it, clients never do. */
const readOnly = (spec: FieldSpec): LocalFieldSchema =>
  defineField({ createable: false, updateable: false, ...spec });

/** A part of a person's name (Contact, User): compound field `Name`. */
const namePart = (spec: FieldSpec): LocalFieldSchema =>
  defineField({
    ...spec,
    details: { compoundFieldName: 'Name', extraTypeInfo: 'personname', ...spec.details },
  });

/** The full name of a person, which Salesforce computes from FirstName and LastName. */
const personName = (label: string): LocalFieldSchema =>
  readOnly({
    name: 'Name',
    label,
    type: 'string',
    length: 121,
    nillable: false,
    nameField: true,
    details: {
      extraTypeInfo: 'personname',
      derivedFrom: ['FirstName', 'LastName'],
      defaultedOnCreate: false,
      permissionable: false,
    },
  });

/** A part of Account's billing address (compound field `BillingAddress`). */
const billing = (spec: FieldSpec): LocalFieldSchema =>
  defineField({ ...spec, details: { compoundFieldName: 'BillingAddress', ...spec.details } });

const textArea32k = (name: string, label: string): LocalFieldSchema =>
  defineField({ name, label, type: 'textarea', length: 32000 });

// ---------------------------------------------------------------------------------------------
// Objects
// ---------------------------------------------------------------------------------------------

interface StandardObjectSpec {
  name: string;
  label: string;
  labelPlural: string;
  keyPrefix: string;
  sharingModel: string;
  createable: boolean;
  updateable: boolean;
  deletable: boolean;
  system: SystemFieldOptions;
  /** The object's own fields, between IsDeleted and OwnerId. */
  fields: LocalFieldSchema[];
  /** Fields describe lists after the audit fields. */
  trailingFields?: LocalFieldSchema[];
  details: Omit<ObjectDetails, 'owned' | 'description'>;
}

function standardObject(spec: StandardObjectSpec): LocalSObjectSchema {
  const leading = leadingSystemFields(spec.system);
  const owner = leading.filter((f) => f.name === 'OwnerId');
  const fields = [
    ...leading.filter((f) => f.name !== 'OwnerId'),
    ...spec.fields,
    ...owner,
    ...auditFields(),
    ...(spec.trailingFields ?? []),
  ];
  return {
    name: spec.name,
    label: spec.label,
    labelPlural: spec.labelPlural,
    keyPrefix: spec.keyPrefix,
    custom: false,
    sharingModel: spec.sharingModel,
    createable: spec.createable,
    updateable: spec.updateable,
    deletable: spec.deletable,
    queryable: true,
    fields,
    childRelationships: [],
    details: { ...spec.details, owned: spec.system.owner !== 'none', description: null },
  };
}

/** Describe attributes of the main CRM objects (Account, Contact, Opportunity). */
const CRM_OBJECT: StandardObjectSpec['details'] = {
  activateable: false,
  compactLayoutable: true,
  feedEnabled: true,
  layoutable: true,
  mergeable: false,
  mruEnabled: true,
  replicateable: true,
  retrieveable: true,
  searchable: true,
  searchLayoutable: true,
  triggerable: true,
  undeletable: true,
  recordTypes: true,
  hasListViews: true,
};

/** Describe attributes of setup objects (Organization, Profile, RecordType). */
const SETUP_OBJECT: StandardObjectSpec['details'] = {
  activateable: false,
  compactLayoutable: false,
  feedEnabled: false,
  layoutable: false,
  mergeable: false,
  mruEnabled: false,
  replicateable: true,
  retrieveable: true,
  searchable: false,
  searchLayoutable: false,
  triggerable: false,
  undeletable: false,
  recordTypes: false,
  hasListViews: false,
};

function account(): LocalSObjectSchema {
  return standardObject({
    name: 'Account',
    label: 'Account',
    labelPlural: 'Accounts',
    keyPrefix: '001',
    sharingModel: 'ReadWrite',
    createable: true,
    updateable: true,
    deletable: true,
    system: { idLabel: 'Account ID', owner: 'user', isDeleted: true },
    fields: [
      defineField({
        name: 'Name',
        label: 'Account Name',
        type: 'string',
        length: 255,
        nillable: false,
        nameField: true,
      }),
      defineField({ name: 'Type', label: 'Account Type', type: 'picklist', picklist: ACCOUNT_TYPES }),
      defineField({
        name: 'ParentId',
        label: 'Parent Account ID',
        type: 'reference',
        referenceTo: ['Account'],
        relationshipName: 'Parent',
        details: { childRelationshipName: 'ChildAccounts' },
      }),
      billing({ name: 'BillingStreet', label: 'Billing Street', type: 'textarea', length: 255 }),
      billing({ name: 'BillingCity', label: 'Billing City', type: 'string', length: 40 }),
      billing({ name: 'BillingState', label: 'Billing State/Province', type: 'string', length: 80 }),
      billing({ name: 'BillingPostalCode', label: 'Billing Zip/Postal Code', type: 'string', length: 20 }),
      billing({ name: 'BillingCountry', label: 'Billing Country', type: 'string', length: 80 }),
      defineField({ name: 'Phone', label: 'Account Phone', type: 'phone' }),
      defineField({ name: 'Website', label: 'Website', type: 'url' }),
      defineField({ name: 'Industry', label: 'Industry', type: 'picklist', picklist: INDUSTRIES }),
      defineField({
        name: 'AnnualRevenue',
        label: 'Annual Revenue',
        type: 'currency',
        precision: 18,
        scale: 0,
      }),
      // int fields: describe reports their size as `digits`; the contract keeps it in precision.
      defineField({ name: 'NumberOfEmployees', label: 'Employees', type: 'int', precision: 8 }),
      textArea32k('Description', 'Account Description'),
    ],
    trailingFields: [
      // Set by enabling the account as a partner (an update); never on create.
      defineField({ name: 'IsPartner', label: 'Partner Account', type: 'boolean', createable: false }),
    ],
    details: { ...CRM_OBJECT, mergeable: true },
  });
}

function contact(): LocalSObjectSchema {
  return standardObject({
    name: 'Contact',
    label: 'Contact',
    labelPlural: 'Contacts',
    keyPrefix: '003',
    sharingModel: 'ControlledByParent',
    createable: true,
    updateable: true,
    deletable: true,
    system: { idLabel: 'Contact ID', owner: 'user', isDeleted: true },
    fields: [
      defineField({
        name: 'AccountId',
        label: 'Account ID',
        type: 'reference',
        referenceTo: ['Account'],
        relationshipName: 'Account',
        details: { childRelationshipName: 'Contacts' },
      }),
      namePart({ name: 'LastName', label: 'Last Name', type: 'string', length: 80, nillable: false }),
      namePart({ name: 'FirstName', label: 'First Name', type: 'string', length: 40 }),
      personName('Full Name'),
      defineField({ name: 'Phone', label: 'Business Phone', type: 'phone' }),
      defineField({ name: 'Email', label: 'Email', type: 'email', idLookup: true }),
      defineField({ name: 'Title', label: 'Title', type: 'string', length: 128 }),
      textArea32k('Description', 'Contact Description'),
    ],
    details: { ...CRM_OBJECT, mergeable: true },
  });
}

function opportunity(): LocalSObjectSchema {
  return standardObject({
    name: 'Opportunity',
    label: 'Opportunity',
    labelPlural: 'Opportunities',
    keyPrefix: '006',
    sharingModel: 'ReadWrite',
    createable: true,
    updateable: true,
    deletable: true,
    system: { idLabel: 'Opportunity ID', owner: 'user', isDeleted: true },
    fields: [
      defineField({
        name: 'AccountId',
        label: 'Account ID',
        type: 'reference',
        referenceTo: ['Account'],
        relationshipName: 'Account',
        details: { childRelationshipName: 'Opportunities' },
      }),
      // Set when a partner user owns the opportunity, or by a channel manager in PRM.
      defineField({
        name: 'PartnerAccountId',
        label: 'Partner Account ID',
        type: 'reference',
        referenceTo: ['Account'],
        relationshipName: 'PartnerAccount',
      }),
      defineField({
        name: 'Name',
        label: 'Name',
        type: 'string',
        length: 120,
        nillable: false,
        nameField: true,
      }),
      textArea32k('Description', 'Description'),
      defineField({
        name: 'StageName',
        label: 'Stage',
        type: 'picklist',
        nillable: false,
        picklist: OPPORTUNITY_STAGES,
      }),
      defineField({ name: 'Amount', label: 'Amount', type: 'currency', precision: 18, scale: 2 }),
      // Defaults to the stage's probability when not given.
      defineField({
        name: 'Probability',
        label: 'Probability (%)',
        type: 'percent',
        precision: 3,
        scale: 0,
        details: { defaultedOnCreate: true },
      }),
      defineField({ name: 'CloseDate', label: 'Close Date', type: 'date', nillable: false }),
      defineField({ name: 'Type', label: 'Opportunity Type', type: 'picklist', picklist: OPPORTUNITY_TYPES }),
      defineField({ name: 'LeadSource', label: 'Lead Source', type: 'picklist', picklist: LEAD_SOURCES }),
      // Both follow from StageName: Closed Won is closed and won, Closed Lost closed and not won.
      readOnly({ name: 'IsClosed', label: 'Closed', type: 'boolean', details: { permissionable: false } }),
      readOnly({ name: 'IsWon', label: 'Won', type: 'boolean', details: { permissionable: false } }),
    ],
    details: CRM_OBJECT,
  });
}

function opportunityContactRole(): LocalSObjectSchema {
  return standardObject({
    name: 'OpportunityContactRole',
    label: 'Opportunity Contact Role',
    labelPlural: 'Opportunity Contact Roles',
    keyPrefix: '00K',
    sharingModel: 'ControlledByParent',
    createable: true,
    updateable: true,
    deletable: true,
    system: { idLabel: 'Contact Role ID', owner: 'none', isDeleted: true },
    fields: [
      // Given on create, never changed.
      defineField({
        name: 'OpportunityId',
        label: 'Opportunity ID',
        type: 'reference',
        nillable: false,
        updateable: false,
        referenceTo: ['Opportunity'],
        relationshipName: 'Opportunity',
        details: { childRelationshipName: 'OpportunityContactRoles' },
      }),
      defineField({
        name: 'ContactId',
        label: 'Contact ID',
        type: 'reference',
        nillable: false,
        referenceTo: ['Contact'],
        relationshipName: 'Contact',
        details: { childRelationshipName: 'OpportunityContactRoles' },
      }),
      defineField({ name: 'Role', label: 'Role', type: 'picklist', picklist: CONTACT_ROLES }),
      defineField({ name: 'IsPrimary', label: 'Primary', type: 'boolean' }),
    ],
    details: {
      ...CRM_OBJECT,
      feedEnabled: false,
      mruEnabled: false,
      searchable: false,
      searchLayoutable: false,
      undeletable: false,
      recordTypes: false,
      hasListViews: false,
    },
  });
}

function user(): LocalSObjectSchema {
  const localePicklist = (name: string, label: string, values: PicklistValue[]): LocalFieldSchema =>
    defineField({
      name,
      label,
      type: 'picklist',
      length: 40,
      nillable: false,
      restrictedPicklist: true,
      picklist: values,
    });
  return standardObject({
    name: 'User',
    label: 'User',
    labelPlural: 'Users',
    keyPrefix: '005',
    sharingModel: 'Read',
    createable: true,
    updateable: true,
    deletable: false,
    system: { idLabel: 'User ID', owner: 'none', isDeleted: true },
    fields: [
      defineField({
        name: 'Username',
        label: 'Username',
        type: 'string',
        length: 80,
        nillable: false,
        unique: true,
        idLookup: true,
      }),
      namePart({ name: 'LastName', label: 'Last Name', type: 'string', length: 80, nillable: false }),
      namePart({ name: 'FirstName', label: 'First Name', type: 'string', length: 40 }),
      personName('Full Name'),
      defineField({ name: 'Email', label: 'Email', type: 'email', length: 128, nillable: false }),
      defineField({ name: 'Alias', label: 'Alias', type: 'string', length: 8, nillable: false }),
      defineField({ name: 'IsActive', label: 'Active', type: 'boolean', defaultValue: true }),
      defineField({
        name: 'ProfileId',
        label: 'Profile ID',
        type: 'reference',
        nillable: false,
        referenceTo: ['Profile'],
        relationshipName: 'Profile',
      }),
      // A partner or customer user is the user of a Contact; the Account follows from it.
      defineField({
        name: 'ContactId',
        label: 'Contact ID',
        type: 'reference',
        updateable: false,
        referenceTo: ['Contact'],
        relationshipName: 'Contact',
      }),
      readOnly({
        name: 'AccountId',
        label: 'Account ID',
        type: 'reference',
        referenceTo: ['Account'],
        relationshipName: 'Account',
      }),
      // Follows from the profile's license.
      readOnly({
        name: 'UserType',
        label: 'User Type',
        type: 'picklist',
        length: 40,
        restrictedPicklist: true,
        picklist: USER_TYPES,
        details: { defaultedOnCreate: true, permissionable: false },
      }),
      localePicklist('TimeZoneSidKey', 'Time Zone', TIME_ZONES),
      localePicklist('LocaleSidKey', 'Locale', LOCALES),
      localePicklist('EmailEncodingKey', 'Email Encoding', EMAIL_ENCODINGS),
      localePicklist('LanguageLocaleKey', 'Language', LANGUAGES),
    ],
    details: {
      ...CRM_OBJECT,
      undeletable: false,
      recordTypes: false,
      hasListViews: true,
    },
  });
}

function profile(): LocalSObjectSchema {
  return standardObject({
    name: 'Profile',
    label: 'Profile',
    labelPlural: 'Profiles',
    keyPrefix: '00e',
    sharingModel: 'Read',
    createable: false,
    updateable: true,
    deletable: false,
    system: { idLabel: 'Profile ID', owner: 'none', isDeleted: true },
    fields: [
      defineField({
        name: 'Name',
        label: 'Name',
        type: 'string',
        length: 255,
        nillable: false,
        nameField: true,
      }),
      readOnly({
        name: 'UserType',
        label: 'User Type',
        type: 'picklist',
        length: 40,
        restrictedPicklist: true,
        picklist: USER_TYPES,
      }),
      defineField({ name: 'Description', label: 'Description', type: 'string', length: 255 }),
    ],
    details: SETUP_OBJECT,
  });
}

function organization(): LocalSObjectSchema {
  const setting = (name: string, label: string, values: PicklistValue[]): LocalFieldSchema =>
    defineField({
      name,
      label,
      type: 'picklist',
      length: 40,
      nillable: false,
      createable: false,
      restrictedPicklist: true,
      picklist: values,
    });
  return standardObject({
    name: 'Organization',
    label: 'Organization',
    labelPlural: 'Organizations',
    keyPrefix: '00D',
    sharingModel: 'Read',
    createable: false,
    updateable: true,
    deletable: false,
    system: { idLabel: 'Organization ID', owner: 'none', isDeleted: true },
    fields: [
      defineField({
        name: 'Name',
        label: 'Name',
        type: 'string',
        length: 80,
        nillable: false,
        createable: false,
        nameField: true,
      }),
      readOnly({
        name: 'OrganizationType',
        label: 'Edition',
        type: 'picklist',
        length: 40,
        restrictedPicklist: true,
        picklist: ORGANIZATION_TYPES,
      }),
      readOnly({ name: 'InstanceName', label: 'Instance Name', type: 'string', length: 5 }),
      readOnly({ name: 'IsSandbox', label: 'Is Sandbox', type: 'boolean' }),
      readOnly({ name: 'NamespacePrefix', label: 'Namespace Prefix', type: 'string', length: 15 }),
      readOnly({ name: 'TrialExpirationDate', label: 'Trial Expiration Date', type: 'datetime' }),
      setting('DefaultLocaleSidKey', 'Locale', LOCALES),
      setting('LanguageLocaleKey', 'Language', LANGUAGES),
      setting('TimeZoneSidKey', 'Time Zone', TIME_ZONES),
    ],
    details: SETUP_OBJECT,
  });
}

function recordType(): LocalSObjectSchema {
  return standardObject({
    name: 'RecordType',
    label: 'Record Type',
    labelPlural: 'Record Types',
    keyPrefix: '012',
    sharingModel: 'Read',
    createable: true,
    updateable: true,
    deletable: false,
    system: { idLabel: 'Record Type ID', owner: 'none', isDeleted: true },
    fields: [
      defineField({
        name: 'Name',
        label: 'Name',
        type: 'string',
        length: 80,
        nillable: false,
        nameField: true,
      }),
      defineField({
        name: 'DeveloperName',
        label: 'Record Type Name',
        type: 'string',
        length: 80,
        nillable: false,
      }),
      defineField({
        name: 'NamespacePrefix',
        label: 'Namespace Prefix',
        type: 'string',
        length: 15,
        createable: false,
        updateable: false,
      }),
      defineField({ name: 'Description', label: 'Description', type: 'string', length: 255 }),
      // Its values are the objects that can have record types; the schema builder fills them in.
      defineField({
        name: 'SobjectType',
        label: 'SObject Type Name',
        type: 'picklist',
        length: 40,
        nillable: false,
        updateable: false,
        restrictedPicklist: true,
      }),
      defineField({ name: 'IsActive', label: 'Active', type: 'boolean' }),
    ],
    details: SETUP_OBJECT,
  });
}

/** The standard objects, newly built. */
export function standardObjects(): LocalSObjectSchema[] {
  return [
    organization(),
    user(),
    profile(),
    recordType(),
    account(),
    contact(),
    opportunity(),
    opportunityContactRole(),
  ];
}

/** API names of the standard objects the local org serves. */
export const STANDARD_OBJECT_NAMES: readonly string[] = standardObjects().map((o) => o.name);
