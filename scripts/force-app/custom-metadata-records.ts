/**
 * The custom metadata records that carry `config/trellis.config.json` into an org, and the way
 * back from them to the config, so that a test can prove the two say the same.
 *
 * One record per rule (`Engagement_Rule__mdt`), per named-account entry
 * (`Engagement_Rule_Account__mdt`), per tier (`Partner_Tier__mdt`), per tier criterion
 * (`Partner_Tier_Criterion__mdt`), and one `Trellis_Setting__mdt.Default` for the rest. Lists are
 * records rather than long text because Apex reads the records with `getAll()`, which returns
 * only the first 255 characters of a long text area.
 *
 * Every field of a type is written on every record (blank where the rule's kind does not use it),
 * so that a record reads the same whatever the order of the config's keys.
 */
import { XMLParser } from 'fast-xml-parser';

import type { TrellisConfigFile } from '../../cli/src/config/schema.ts';
import { PARTNER_TYPES } from '../../cli/src/engine/types.ts';
import type {
  ActorRole,
  EngagementRule,
  MetricAggregate,
  MetricName,
  Outcome,
  PartnerStatus,
  PartnerType,
  ProtectionConfig,
  TierCriterion,
  TierDefinition,
} from '../../cli/src/engine/types.ts';

/** Where the records live, relative to the project. */
export const CUSTOM_METADATA_DIR = 'force-app/main/default/customMetadata';

/** The custom metadata types this generator owns; files of other types in the folder are left alone. */
export const GENERATED_TYPES = [
  'Engagement_Rule',
  'Engagement_Rule_Account',
  'Partner_Tier',
  'Partner_Tier_Criterion',
  'Trellis_Setting',
] as const;

/** `DeveloperName`: letters, digits and single underscores, starting with a letter, 40 at most. */
const DEVELOPER_NAME = /^[A-Za-z](?:[A-Za-z0-9]|_(?!_))*(?<!_)$/;
const DEVELOPER_NAME_MAX = 40;
/** A record's label holds 40 characters. */
const LABEL_MAX = 40;

type FieldValue = string | number | boolean | null;

interface RecordSpec {
  type: (typeof GENERATED_TYPES)[number];
  developerName: string;
  label: string;
  values: [field: string, value: FieldValue][];
}

// ---------------------------------------------------------------------------------------------
// Config -> records
// ---------------------------------------------------------------------------------------------

/** `first-in-wins` -> `first_in_wins`; `2nd tier` -> `X2nd_tier`. Throws when nothing usable is left. */
export function developerNameOf(text: string, maxLength = DEVELOPER_NAME_MAX): string {
  let name = text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  if (/^[0-9]/.test(name)) name = `X${name}`;
  name = name.slice(0, maxLength).replace(/_+$/, '');
  if (!DEVELOPER_NAME.test(name)) {
    throw new Error(`Cannot derive a custom metadata record name from ${JSON.stringify(text)}.`);
  }
  return name;
}

function label(text: string): string {
  return Array.from(text).slice(0, LABEL_MAX).join('');
}

function list(values: readonly string[]): string | null {
  return values.length > 0 ? values.join(';') : null;
}

function ruleFields(rule: EngagementRule, order: number): [string, FieldValue][] {
  const blank = {
    tieOutcome: null as Outcome | null,
    statuses: null as string | null,
    sameProductFamily: false,
    tieWindowSeconds: null as number | null,
    includeStrategicFlag: false,
    maxAmount: null as number | null,
    partnerTypes: null as string | null,
  };
  const specific = { ...blank };
  switch (rule.kind) {
    case 'partnerStatus':
      specific.statuses = list(rule.statuses);
      break;
    case 'firstInWins':
      specific.sameProductFamily = rule.sameProductFamily;
      specific.tieWindowSeconds = rule.tieWindowSeconds;
      specific.tieOutcome = rule.tieOutcome;
      break;
    case 'openOpportunity':
      specific.sameProductFamily = rule.sameProductFamily;
      break;
    case 'namedAccount':
      specific.includeStrategicFlag = rule.includeStrategicFlag;
      break;
    case 'autoApprove':
      specific.maxAmount = rule.maxAmount;
      specific.partnerTypes = list(rule.partnerTypes);
      break;
    case 'duplicateRegistration':
      break;
  }
  return [
    ['Rule_Id__c', rule.id],
    ['Order__c', order],
    ['Kind__c', rule.kind],
    ['Description__c', rule.description ?? null],
    ['Enabled__c', rule.enabled !== false],
    ['Outcome__c', rule.outcome],
    ['Tie_Outcome__c', specific.tieOutcome],
    ['Partner_Statuses__c', specific.statuses],
    ['Same_Product_Family__c', specific.sameProductFamily],
    ['Tie_Window_Seconds__c', specific.tieWindowSeconds],
    ['Include_Strategic_Flag__c', specific.includeStrategicFlag],
    ['Max_Amount__c', specific.maxAmount],
    ['Partner_Types__c', specific.partnerTypes],
  ];
}

function settingsFields(config: TrellisConfigFile): [string, FieldValue][] {
  const { protection } = config;
  return [
    ['Match_Threshold__c', config.matching.threshold],
    ['Match_Max_Candidates__c', config.matching.maxCandidates],
    ['Rules_Version__c', config.rulesOfEngagement.version],
    ['Default_Outcome__c', config.rulesOfEngagement.defaultOutcome],
    ['Protection_Default_Days__c', protection.defaultDays],
    ...PARTNER_TYPES.map((type): [string, FieldValue] => [
      `Protection_Days_${type}__c`,
      protection.byPartnerType[type] ?? null,
    ]),
    ['Extension_Max_Count__c', protection.extension.maxExtensions],
    ['Extension_Days__c', protection.extension.days],
    ['Extension_Allowed_Roles__c', list(protection.extension.allowedRoles)],
    ['Extension_Request_Window_Days__c', protection.extension.requestWindowDays],
    ['Tiers_Version__c', config.tiers.version],
    ['Tiers_Trailing_Quarters__c', config.tiers.trailingQuarters],
    ['Tiers_Grace_Period_Days__c', config.tiers.gracePeriodDays],
    ['Tiers_Max_Steps_Down__c', config.tiers.maxStepsDownPerRun],
  ];
}

/** Every record the config yields, in a stable order. Throws when two names would collide. */
export function customMetadataRecords(config: TrellisConfigFile): RecordSpec[] {
  const records: RecordSpec[] = [];
  config.rulesOfEngagement.rules.forEach((rule, index) => {
    const ruleName = developerNameOf(rule.id);
    records.push({
      type: 'Engagement_Rule',
      developerName: ruleName,
      label: label(rule.id),
      values: ruleFields(rule, index + 1),
    });
    if (rule.kind !== 'namedAccount') return;
    rule.accounts.forEach((entry, entryIndex) => {
      const suffix = `_A${entryIndex + 1}`;
      records.push({
        type: 'Engagement_Rule_Account',
        developerName: `${developerNameOf(rule.id, DEVELOPER_NAME_MAX - suffix.length)}${suffix}`,
        label: label(entry),
        values: [
          ['Rule_Id__c', rule.id],
          ['Order__c', entryIndex + 1],
          ['Entry__c', entry],
        ],
      });
    });
  });
  for (const tier of config.tiers.tiers) {
    records.push({
      type: 'Partner_Tier',
      developerName: developerNameOf(tier.name),
      label: label(tier.name),
      values: [
        ['Tier_Name__c', tier.name],
        ['Rank__c', tier.rank],
        ['Protection_Days__c', tier.protectionDays ?? null],
        [
          'Protection_Days_By_Tier__c',
          Object.hasOwn(config.protection.byTier, tier.name)
            ? (config.protection.byTier[tier.name] ?? null)
            : null,
        ],
      ],
    });
    tier.criteria.forEach((criterion, index) => {
      const suffix = `_C${index + 1}`;
      records.push({
        type: 'Partner_Tier_Criterion',
        developerName: `${developerNameOf(tier.name, DEVELOPER_NAME_MAX - suffix.length)}${suffix}`,
        label: label(`${tier.name} ${criterion.metric}`),
        values: [
          ['Tier_Name__c', tier.name],
          ['Order__c', index + 1],
          ['Metric__c', criterion.metric],
          ['Aggregate__c', criterion.aggregate],
          ['Minimum__c', criterion.min],
        ],
      });
    });
  }
  records.push({
    type: 'Trellis_Setting',
    developerName: 'Default',
    label: 'Default',
    values: settingsFields(config),
  });
  const seen = new Set<string>();
  for (const record of records) {
    const name = `${record.type}.${record.developerName}`;
    if (seen.has(name)) {
      throw new Error(`Two config entries become the same custom metadata record ${name}; rename one.`);
    }
    seen.add(name);
  }
  return records;
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function valueXml(value: FieldValue): string {
  if (value === null) return '<value xsi:nil="true"/>';
  if (typeof value === 'boolean') return `<value xsi:type="xsd:boolean">${String(value)}</value>`;
  if (typeof value === 'number') return `<value xsi:type="xsd:double">${String(value)}</value>`;
  return `<value xsi:type="xsd:string">${escapeXml(value)}</value>`;
}

/** The `.md-meta.xml` text of one record, as `sf project retrieve` would write it. */
export function recordXml(record: RecordSpec): string {
  const values = record.values.map(
    ([field, value]) =>
      `    <values>\n        <field>${field}</field>\n        ${valueXml(value)}\n    </values>\n`,
  );
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    '<CustomMetadata xmlns="http://soap.sforce.com/2006/04/metadata" ' +
    'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema">\n' +
    `    <label>${escapeXml(record.label)}</label>\n` +
    '    <protected>false</protected>\n' +
    values.join('') +
    '</CustomMetadata>\n'
  );
}

/** File name -> content of every generated record. */
export function customMetadataFiles(config: TrellisConfigFile): Map<string, string> {
  return new Map(
    customMetadataRecords(config).map((record) => [
      `${record.type}.${record.developerName}.md-meta.xml`,
      recordXml(record),
    ]),
  );
}

/** Whether a file in the customMetadata folder belongs to one of the generated types. */
export function isGeneratedFile(fileName: string): boolean {
  const type = fileName.split('.')[0] ?? '';
  return (GENERATED_TYPES as readonly string[]).includes(type) && fileName.endsWith('.md-meta.xml');
}

// ---------------------------------------------------------------------------------------------
// Records -> config (what Apex's TrellisConfig.load() reads, done in TypeScript)
// ---------------------------------------------------------------------------------------------

/** What the records say, in the config's shapes (without `$schema`). */
export type ConfigFromRecords = Omit<TrellisConfigFile, '$schema'>;

interface ParsedRecord {
  type: string;
  developerName: string;
  fields: Map<string, string | null>;
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  parseTagValue: false,
  trimValues: true,
  isArray: (name) => name === 'values',
});

interface XmlValueNode {
  field?: string;
  value?: string | { '#text'?: string; '@xsi:nil'?: string };
}

function parseRecord(fileName: string, xml: string): ParsedRecord {
  const [type = '', developerName = ''] = fileName.replace(/\.md-meta\.xml$/, '').split('.');
  const document = parser.parse(xml) as { CustomMetadata?: { values?: XmlValueNode[] } };
  const fields = new Map<string, string | null>();
  for (const node of document.CustomMetadata?.values ?? []) {
    if (!node.field) continue;
    const value = node.value;
    if (value === undefined || typeof value === 'string') fields.set(node.field, value ?? '');
    else fields.set(node.field, value['@xsi:nil'] === 'true' ? null : (value['#text'] ?? ''));
  }
  return { type, developerName, fields };
}

function read(record: ParsedRecord, field: string): string | null {
  return record.fields.get(field) ?? null;
}

function readText(record: ParsedRecord, field: string): string {
  const value = read(record, field);
  if (value === null) throw new Error(`${record.type}.${record.developerName}: ${field} is blank`);
  return value;
}

function readNumber(record: ParsedRecord, field: string): number {
  return Number(readText(record, field));
}

function readOptionalNumber(record: ParsedRecord, field: string): number | undefined {
  const value = read(record, field);
  return value === null ? undefined : Number(value);
}

function readBoolean(record: ParsedRecord, field: string): boolean {
  return read(record, field) === 'true';
}

function readList<T extends string>(record: ParsedRecord, field: string): T[] {
  const value = read(record, field);
  return value === null ? [] : (value.split(';') as T[]);
}

function byOrder(a: ParsedRecord, b: ParsedRecord): number {
  return readNumber(a, 'Order__c') - readNumber(b, 'Order__c');
}

type ConfigRule = TrellisConfigFile['rulesOfEngagement']['rules'][number];

function ruleFrom(record: ParsedRecord, accounts: readonly ParsedRecord[]): ConfigRule {
  const id = readText(record, 'Rule_Id__c');
  const description = read(record, 'Description__c');
  const base = {
    id,
    ...(description === null ? {} : { description }),
    enabled: readBoolean(record, 'Enabled__c'),
  };
  const outcome = readText(record, 'Outcome__c') as Outcome;
  const kind = readText(record, 'Kind__c');
  switch (kind) {
    case 'partnerStatus':
      return {
        ...base,
        kind,
        statuses: readList<PartnerStatus>(record, 'Partner_Statuses__c'),
        outcome,
      };
    case 'duplicateRegistration':
      return { ...base, kind, outcome };
    case 'firstInWins':
      return {
        ...base,
        kind,
        sameProductFamily: readBoolean(record, 'Same_Product_Family__c'),
        tieWindowSeconds: readNumber(record, 'Tie_Window_Seconds__c'),
        outcome,
        tieOutcome: readText(record, 'Tie_Outcome__c') as Outcome,
      };
    case 'openOpportunity':
      return { ...base, kind, sameProductFamily: readBoolean(record, 'Same_Product_Family__c'), outcome };
    case 'namedAccount':
      return {
        ...base,
        kind,
        accounts: accounts
          .filter((entry) => read(entry, 'Rule_Id__c') === id)
          .sort(byOrder)
          .map((entry) => readText(entry, 'Entry__c')),
        includeStrategicFlag: readBoolean(record, 'Include_Strategic_Flag__c'),
        outcome,
      };
    case 'autoApprove':
      return {
        ...base,
        kind,
        maxAmount: readNumber(record, 'Max_Amount__c'),
        partnerTypes: readList<PartnerType>(record, 'Partner_Types__c'),
        outcome,
      };
    default:
      throw new Error(`${record.type}.${record.developerName}: unknown Kind__c ${kind}`);
  }
}

function tierFrom(record: ParsedRecord, criteria: readonly ParsedRecord[]): TierDefinition {
  const name = readText(record, 'Tier_Name__c');
  const protectionDays = readOptionalNumber(record, 'Protection_Days__c');
  return {
    name,
    rank: readNumber(record, 'Rank__c'),
    criteria: criteria
      .filter((criterion) => read(criterion, 'Tier_Name__c') === name)
      .sort(byOrder)
      .map((criterion): TierCriterion => ({
        metric: readText(criterion, 'Metric__c') as MetricName,
        aggregate: readText(criterion, 'Aggregate__c') as MetricAggregate,
        min: readNumber(criterion, 'Minimum__c'),
      })),
    ...(protectionDays === undefined ? {} : { protectionDays }),
  };
}

/**
 * Reads the records back into the config's shapes, the way `TrellisConfig.load()` does in Apex:
 * rules by `Order__c`, tiers in file order of their rank, lists by their own `Order__c`.
 */
export function configFromRecords(files: ReadonlyMap<string, string>): ConfigFromRecords {
  const records = [...files]
    .filter(([name]) => isGeneratedFile(name))
    .map(([name, xml]) => parseRecord(name, xml));
  const ofType = (type: string): ParsedRecord[] => records.filter((record) => record.type === type);
  const settings = ofType('Trellis_Setting').find((record) => record.developerName === 'Default');
  if (!settings) throw new Error('Trellis_Setting.Default is missing');
  const accounts = ofType('Engagement_Rule_Account');
  const criteria = ofType('Partner_Tier_Criterion');
  const tierRecords = ofType('Partner_Tier').sort(
    (a, b) => readNumber(a, 'Rank__c') - readNumber(b, 'Rank__c'),
  );

  const byTier: Record<string, number> = {};
  for (const record of tierRecords) {
    const days = readOptionalNumber(record, 'Protection_Days_By_Tier__c');
    if (days !== undefined) byTier[readText(record, 'Tier_Name__c')] = days;
  }
  const byPartnerType: ProtectionConfig['byPartnerType'] = {};
  for (const type of PARTNER_TYPES) {
    const days = readOptionalNumber(settings, `Protection_Days_${type}__c`);
    if (days !== undefined) byPartnerType[type] = days;
  }
  return {
    matching: {
      threshold: readNumber(settings, 'Match_Threshold__c'),
      maxCandidates: readNumber(settings, 'Match_Max_Candidates__c'),
    },
    rulesOfEngagement: {
      version: readText(settings, 'Rules_Version__c'),
      rules: ofType('Engagement_Rule')
        .sort(byOrder)
        .map((record) => ruleFrom(record, accounts)),
      defaultOutcome: readText(settings, 'Default_Outcome__c') as Outcome,
    },
    protection: {
      defaultDays: readNumber(settings, 'Protection_Default_Days__c'),
      byTier,
      byPartnerType,
      extension: {
        maxExtensions: readNumber(settings, 'Extension_Max_Count__c'),
        days: readNumber(settings, 'Extension_Days__c'),
        allowedRoles: readList<ActorRole>(settings, 'Extension_Allowed_Roles__c'),
        requestWindowDays: readNumber(settings, 'Extension_Request_Window_Days__c'),
      },
    },
    tiers: {
      version: readText(settings, 'Tiers_Version__c'),
      trailingQuarters: readNumber(settings, 'Tiers_Trailing_Quarters__c'),
      gracePeriodDays: readNumber(settings, 'Tiers_Grace_Period_Days__c'),
      maxStepsDownPerRun: readNumber(settings, 'Tiers_Max_Steps_Down__c'),
      tiers: tierRecords.map((record) => tierFrom(record, criteria)),
    },
  };
}
