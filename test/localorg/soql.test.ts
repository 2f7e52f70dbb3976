/**
 * The SOQL engine against a small seeded database: each query with the exact
 * JSON Salesforce would answer (records, key order included), and each error
 * with its code and message.
 */
import { executeSoql, SoqlError } from '../../cli/src/localorg/soql/index.ts';
import type { QueryResult, SoqlContext } from '../../cli/src/localorg/soql/index.ts';
import {
  A1,
  A2,
  A3,
  A4,
  A5,
  A6,
  agg,
  C1,
  C2,
  C3,
  C4,
  C5,
  C6,
  children,
  D1,
  D2,
  D3,
  D4,
  O1,
  O2,
  O3,
  O4,
  O5,
  rec,
  seededContext,
  U1,
  U2,
} from './fixtures/soql/org.ts';

type Rec = Record<string, unknown>;

const context = seededContext();

function thrownBy(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  return undefined;
}

function result(records: Rec[], totalSize = records.length): QueryResult {
  return { totalSize, done: true, records };
}

/** Same JSON, same key order. */
function expectJson(actual: unknown, expected: unknown): void {
  expect(actual).toEqual(expected);
  expect(JSON.stringify(actual)).toBe(JSON.stringify(expected));
}

const account = (id: string, fields: Rec = {}): Rec => rec('Account', id, fields);
const contact = (id: string, fields: Rec = {}): Rec => rec('Contact', id, fields);
const opportunity = (id: string, fields: Rec = {}): Rec => rec('Opportunity', id, fields);
const registration = (id: string, fields: Rec = {}): Rec => rec('Deal_Registration__c', id, fields);
const user = (id: string, fields: Rec = {}): Rec => rec('User', id, fields);
const names = (type: string, rows: [string, string][]): QueryResult =>
  result(rows.map(([id, name]) => rec(type, id, { Name: name })));

const ACME = [A1, 'Acme Corp'] as [string, string];
const LABS = [A6, 'acme labs'] as [string, string];
const GLOBEX = [A2, 'Globex Partners'] as [string, string];
const INITECH = [A4, 'Initech'] as [string, string];
const OHARA = [A3, "O'Hara 100% Ltd"] as [string, string];

interface Case {
  soql: string;
  expected: QueryResult;
  context?: SoqlContext;
}

function runTable(cases: Record<string, Case>): void {
  test.each(Object.entries(cases))('%s', (_name, c) => {
    expectJson(executeSoql(c.soql, c.context ?? context), c.expected);
  });
}

describe('field lists', () => {
  runTable({
    'fields named as the schema spells them, in SELECT order, typed values': {
      soql: 'select annualrevenue, ID, name, numberofemployees, is_partner__c, createddate from account order by NAME',
      expected: result([
        account(A1, {
          AnnualRevenue: 1000000,
          Id: A1,
          Name: 'Acme Corp',
          NumberOfEmployees: 500,
          Is_Partner__c: false,
          CreatedDate: '2026-11-25T10:00:00.000+0000',
        }),
        account(A6, {
          AnnualRevenue: 50,
          Id: A6,
          Name: 'acme labs',
          NumberOfEmployees: 5,
          Is_Partner__c: false,
          CreatedDate: '2026-11-24T23:00:00.000+0000',
        }),
        account(A2, {
          AnnualRevenue: 250000.5,
          Id: A2,
          Name: 'Globex Partners',
          NumberOfEmployees: 40,
          Is_Partner__c: true,
          CreatedDate: '2026-11-20T08:00:00.000+0000',
        }),
        account(A4, {
          AnnualRevenue: null,
          Id: A4,
          Name: 'Initech',
          NumberOfEmployees: 40,
          Is_Partner__c: false,
          CreatedDate: '2025-12-31T23:59:59.000+0000',
        }),
        account(A3, {
          AnnualRevenue: null,
          Id: A3,
          Name: "O'Hara 100% Ltd",
          NumberOfEmployees: null,
          Is_Partner__c: true,
          CreatedDate: '2026-08-15T12:00:00.000+0000',
        }),
      ]),
    },
    'custom object: picklist, multipicklist, date, datetime, boolean, currency, int': {
      soql: 'SELECT Name, Status__c, Products__c, Expected_Close__c, Submitted_At__c, Approved__c, Deal_Value__c, Seats__c FROM Deal_Registration__c ORDER BY Name',
      expected: result([
        registration(D1, {
          Name: 'DR-0001',
          Status__c: 'Approved',
          Products__c: 'Widgets;Gadgets',
          Expected_Close__c: '2026-11-25',
          Submitted_At__c: '2026-11-20T09:30:00.000+0000',
          Approved__c: true,
          Deal_Value__c: 50000,
          Seats__c: 10,
        }),
        registration(D2, {
          Name: 'DR-0002',
          Status__c: 'Submitted',
          Products__c: 'Gadgets',
          Expected_Close__c: '2026-12-01',
          Submitted_At__c: '2026-11-25T14:00:00.000+0000',
          Approved__c: false,
          Deal_Value__c: 30000,
          Seats__c: 5,
        }),
        registration(D3, {
          Name: 'DR-0003',
          Status__c: 'Draft',
          Products__c: null,
          Expected_Close__c: null,
          Submitted_At__c: null,
          Approved__c: false,
          Deal_Value__c: null,
          Seats__c: null,
        }),
        registration(D4, {
          Name: 'DR-0004',
          Status__c: 'Rejected',
          Products__c: 'Widgets;Gizmos;Gadgets',
          Expected_Close__c: '2026-09-30',
          Submitted_At__c: '2026-07-01T00:00:00.000+0000',
          Approved__c: false,
          Deal_Value__c: 12000.5,
          Seats__c: 3,
        }),
      ]),
    },
    'the object alias, and the object name as a prefix': {
      soql: "SELECT a.Name, Account.Industry FROM Account a WHERE a.Name = 'Initech'",
      expected: result([account(A4, { Name: 'Initech', Industry: 'Technology' })]),
    },
    'parent fields across levels; a parent is null when the lookup is empty': {
      soql: 'SELECT LastName, Account.Name, Account.Owner.Name, Owner.Name FROM Contact ORDER BY LastName',
      expected: result([
        contact(C1, {
          LastName: 'Anderson',
          Account: account(A1, { Name: 'Acme Corp', Owner: user(U1, { Name: 'Ada Admin' }) }),
          Owner: user(U1, { Name: 'Ada Admin' }),
        }),
        contact(C2, {
          LastName: 'Brown',
          Account: account(A1, { Name: 'Acme Corp', Owner: user(U1, { Name: 'Ada Admin' }) }),
          Owner: user(U2, { Name: 'Pat Partner' }),
        }),
        contact(C3, {
          LastName: 'Chen',
          Account: account(A2, { Name: 'Globex Partners', Owner: user(U2, { Name: 'Pat Partner' }) }),
          Owner: user(U2, { Name: 'Pat Partner' }),
        }),
        contact(C4, { LastName: 'Dangling', Account: null, Owner: user(U1, { Name: 'Ada Admin' }) }),
        contact(C5, {
          LastName: 'Evans',
          Account: account(A3, { Name: "O'Hara 100% Ltd", Owner: user(U1, { Name: 'Ada Admin' }) }),
          Owner: user(U1, { Name: 'Ada Admin' }),
        }),
      ]),
    },
    'a grandparent is null when the parent has no lookup': {
      soql: "SELECT Name, Account.Owner.Name, AccountId FROM Opportunity WHERE Name IN ('Initech Pilot', 'Orphan Opp') ORDER BY Name",
      expected: result([
        opportunity(O4, { Name: 'Initech Pilot', Account: account(A4, { Owner: null }), AccountId: A4 }),
        opportunity(O5, { Name: 'Orphan Opp', Account: null, AccountId: null }),
      ]),
    },
    'custom relationships (__r), several levels, merged per relationship in first-mention order': {
      soql: 'SELECT Name, Partner_Account__r.Name, Opportunity__r.Account.Name, Opportunity__r.StageName FROM Deal_Registration__c ORDER BY Name',
      expected: result([
        registration(D1, {
          Name: 'DR-0001',
          Partner_Account__r: account(A2, { Name: 'Globex Partners' }),
          Opportunity__r: opportunity(O1, {
            Account: account(A1, { Name: 'Acme Corp' }),
            StageName: 'Closed Won',
          }),
        }),
        registration(D2, {
          Name: 'DR-0002',
          Partner_Account__r: account(A2, { Name: 'Globex Partners' }),
          Opportunity__r: opportunity(O3, {
            Account: account(A2, { Name: 'Globex Partners' }),
            StageName: 'Negotiation',
          }),
        }),
        registration(D3, {
          Name: 'DR-0003',
          Partner_Account__r: account(A3, { Name: "O'Hara 100% Ltd" }),
          Opportunity__r: null,
        }),
        registration(D4, {
          Name: 'DR-0004',
          Partner_Account__r: null,
          Opportunity__r: opportunity(O2, {
            Account: account(A1, { Name: 'Acme Corp' }),
            StageName: 'Prospecting',
          }),
        }),
      ]),
    },
    'toLabel() answers the picklist labels': {
      soql: "SELECT toLabel(Type), toLabel(Regions__c) FROM Account WHERE Name = 'Acme Corp'",
      expected: result([account(A1, { Type: 'Customer (label)', Regions__c: 'NA (label);EMEA (label)' })]),
    },
  });

  test('toLabel() and the plain field cannot both be selected (duplicate field)', () => {
    expect(() => executeSoql('SELECT toLabel(Type), Type FROM Account', context)).toThrow(
      'duplicate field selected: Type',
    );
  });
});

describe('child relationship subqueries', () => {
  runTable({
    'child lists with WHERE, ORDER BY and LIMIT; null when empty': {
      soql: "SELECT Name, (SELECT LastName FROM Contacts WHERE LastName != 'Brown' ORDER BY LastName DESC), (SELECT Name, Amount FROM Opportunities ORDER BY Amount DESC NULLS LAST LIMIT 1) FROM Account WHERE Name LIKE '%a%' ORDER BY Name",
      expected: result([
        account(A1, {
          Name: 'Acme Corp',
          Contacts: children([contact(C1, { LastName: 'Anderson' })]),
          Opportunities: children([opportunity(O1, { Name: 'Acme Big Deal', Amount: 50000 })]),
        }),
        account(A6, { Name: 'acme labs', Contacts: null, Opportunities: null }),
        account(A2, {
          Name: 'Globex Partners',
          Contacts: children([contact(C3, { LastName: 'Chen' })]),
          Opportunities: children([opportunity(O3, { Name: 'Globex Renewal', Amount: 30000 })]),
        }),
        account(A3, {
          Name: "O'Hara 100% Ltd",
          Contacts: children([contact(C5, { LastName: 'Evans' })]),
          Opportunities: null,
        }),
      ]),
    },
    'LIMIT and OFFSET apply to each parent': {
      soql: "SELECT Name, (SELECT LastName FROM Contacts ORDER BY LastName LIMIT 1 OFFSET 1) FROM Account WHERE Id = '001000000000001'",
      expected: result([
        account(A1, { Name: 'Acme Corp', Contacts: children([contact(C2, { LastName: 'Brown' })]) }),
      ]),
    },
    'custom child relationship, sorted by picklist order': {
      soql: 'SELECT Name, (SELECT Name, Status__c FROM Partner_Deal_Registrations__r ORDER BY Status__c) FROM Account WHERE Is_Partner__c = true ORDER BY Name',
      expected: result([
        account(A2, {
          Name: 'Globex Partners',
          Partner_Deal_Registrations__r: children([
            registration(D2, { Name: 'DR-0002', Status__c: 'Submitted' }),
            registration(D1, { Name: 'DR-0001', Status__c: 'Approved' }),
          ]),
        }),
        account(A3, {
          Name: "O'Hara 100% Ltd",
          Partner_Deal_Registrations__r: children([
            registration(D3, { Name: 'DR-0003', Status__c: 'Draft' }),
          ]),
        }),
      ]),
    },
    'nested subqueries and parent fields inside a subquery': {
      soql: `SELECT Name, (SELECT Name, Account.Owner.Name, (SELECT Name FROM Deal_Registrations__r) FROM Opportunities ORDER BY Name) FROM Account WHERE Id = '${A1}'`,
      expected: result([
        account(A1, {
          Name: 'Acme Corp',
          Opportunities: children([
            opportunity(O1, {
              Name: 'Acme Big Deal',
              Account: account(A1, { Owner: user(U1, { Name: 'Ada Admin' }) }),
              Deal_Registrations__r: children([registration(D1, { Name: 'DR-0001' })]),
            }),
            opportunity(O2, {
              Name: 'Acme Expansion',
              Account: account(A1, { Owner: user(U1, { Name: 'Ada Admin' }) }),
              Deal_Registrations__r: children([registration(D4, { Name: 'DR-0004' })]),
            }),
          ]),
        }),
      ]),
    },
    'the object-prefixed form of the relationship name': {
      soql: "SELECT Account.Name, (SELECT Contact.LastName FROM Account.Contacts) FROM Account WHERE Name = 'Globex Partners'",
      expected: result([
        account(A2, { Name: 'Globex Partners', Contacts: children([contact(C3, { LastName: 'Chen' })]) }),
      ]),
    },
  });
});

describe('WHERE', () => {
  runTable({
    'comparison operators on numbers': {
      soql: 'SELECT Name FROM Account WHERE NumberOfEmployees >= 40 AND NumberOfEmployees < 500 ORDER BY Name',
      expected: names('Account', [GLOBEX, INITECH]),
    },
    '!= also matches nulls, as in Salesforce': {
      soql: "SELECT Name FROM Account WHERE Industry != 'technology' ORDER BY Name",
      expected: names('Account', [ACME, LABS, OHARA]),
    },
    '<> is !=': {
      soql: "SELECT Name FROM Account WHERE Industry <> 'Technology' ORDER BY Name",
      expected: names('Account', [ACME, LABS, OHARA]),
    },
    '!= null': {
      soql: 'SELECT Name FROM Account WHERE Industry != null ORDER BY Name',
      expected: names('Account', [ACME, LABS, GLOBEX, INITECH]),
    },
    '= null': {
      soql: 'SELECT Name FROM Account WHERE Industry = null',
      expected: names('Account', [OHARA]),
    },
    'IN is case-insensitive on text': {
      soql: "SELECT Name FROM Account WHERE Type IN ('customer', 'PARTNER') ORDER BY Name",
      expected: names('Account', [ACME, LABS, GLOBEX]),
    },
    'NOT IN also matches nulls': {
      soql: "SELECT Name FROM Account WHERE Type NOT IN ('Customer') ORDER BY Name",
      expected: names('Account', [GLOBEX, INITECH, OHARA]),
    },
    'AND, OR, NOT with parentheses': {
      soql: "SELECT Name FROM Account WHERE (Type = 'Customer' OR Type = 'Partner') AND (NOT Name LIKE 'acme%') ORDER BY Name",
      expected: names('Account', [GLOBEX]),
    },
    'NOT over a comparison whose field is null keeps the record': {
      soql: "SELECT Name FROM Account WHERE NOT (Industry = 'Technology') ORDER BY Name",
      expected: names('Account', [ACME, LABS, OHARA]),
    },
    'NOT over a group': {
      soql: "SELECT Name FROM Account WHERE NOT (Industry = 'Technology' OR Industry = 'Manufacturing')",
      expected: names('Account', [OHARA]),
    },
    'LIKE: case-insensitive, % and _': {
      soql: "SELECT Name FROM Account WHERE Name LIKE 'A_ME%' ORDER BY Name",
      expected: names('Account', [ACME, LABS]),
    },
    'LIKE with an escaped %': {
      soql: "SELECT Name FROM Account WHERE Name LIKE '%100\\%%'",
      expected: names('Account', [OHARA]),
    },
    'LIKE with an escaped _ matches no other character': {
      soql: "SELECT Name FROM Account WHERE Name LIKE 'Acme\\_Corp'",
      expected: names('Account', []),
    },
    'a string with an escaped quote and a %, bound as a parameter': {
      soql: "SELECT Name FROM Account WHERE Name = 'O\\'Hara 100% Ltd'",
      expected: names('Account', [OHARA]),
    },
    'a % in = is a character, not a wildcard': {
      soql: "SELECT Name FROM Account WHERE Name = 'O\\'Hara %'",
      expected: names('Account', []),
    },
    'an injection attempt is only a string': {
      soql: "SELECT Name FROM Account WHERE Name = 'x\\' OR 1=1 OR Name != \\''",
      expected: names('Account', []),
    },
    'booleans: true': {
      soql: 'SELECT Name FROM Account WHERE Is_Partner__c = TRUE ORDER BY Name',
      expected: names('Account', [GLOBEX, OHARA]),
    },
    'booleans: false, and = null is = false': {
      soql: 'SELECT Name FROM Account WHERE Is_Partner__c = false AND Is_Partner__c = null ORDER BY Name',
      expected: names('Account', [ACME, LABS, INITECH]),
    },
    'booleans: != null is = true': {
      soql: 'SELECT Name FROM Account WHERE Is_Partner__c != null ORDER BY Name',
      expected: names('Account', [GLOBEX, OHARA]),
    },
    'decimals and negative numbers; null is neither greater nor smaller': {
      soql: 'SELECT Name FROM Account WHERE AnnualRevenue > 250000.4 OR AnnualRevenue < -1 ORDER BY Name',
      expected: names('Account', [ACME, GLOBEX]),
    },
    'currency-prefixed numbers': {
      soql: 'SELECT Name FROM Account WHERE AnnualRevenue >= USD1000000',
      expected: names('Account', [ACME]),
    },
    'percent fields': {
      soql: 'SELECT Name FROM Opportunity WHERE Probability > 50 ORDER BY Name',
      expected: names('Opportunity', [
        [O1, 'Acme Big Deal'],
        [O3, 'Globex Renewal'],
      ]),
    },
    '15-character ids and 18-character ids in any case': {
      soql: "SELECT Name FROM Account WHERE Id IN ('001000000000001', '001000000000002aaa') ORDER BY Name",
      expected: names('Account', [ACME, GLOBEX]),
    },
    'a reference field = null': {
      soql: 'SELECT LastName FROM Contact WHERE AccountId = null',
      expected: result([contact(C4, { LastName: 'Dangling' })]),
    },
    'semi-join on Id': {
      soql: 'SELECT Name FROM Account WHERE Id IN (SELECT AccountId FROM Opportunity WHERE IsClosed = true)',
      expected: names('Account', [ACME]),
    },
    'anti-join on Id': {
      soql: 'SELECT Name FROM Account WHERE Id NOT IN (SELECT Partner_Account__c FROM Deal_Registration__c) ORDER BY Name',
      expected: names('Account', [ACME, LABS, INITECH]),
    },
    'semi-join on a reference field, with a parent field in the subquery': {
      soql: "SELECT Name FROM Opportunity WHERE AccountId IN (SELECT AccountId FROM Contact WHERE Account.Type = 'Partner')",
      expected: names('Opportunity', [[O3, 'Globex Renewal']]),
    },
    'two semi-joins': {
      soql: "SELECT Name FROM Account WHERE Id IN (SELECT AccountId FROM Contact) AND Id IN (SELECT AccountId FROM Opportunity WHERE StageName = 'Negotiation')",
      expected: names('Account', [GLOBEX]),
    },
    'anti-join on a reference field keeps the records whose lookup is empty': {
      soql: 'SELECT Name FROM Deal_Registration__c WHERE Partner_Account__c NOT IN (SELECT Id FROM Account WHERE Is_Partner__c = true)',
      expected: names('Deal_Registration__c', [[D4, 'DR-0004']]),
    },
    'parent fields in WHERE, with OR over an empty lookup': {
      soql: "SELECT LastName FROM Contact WHERE Account.Type = 'Customer' OR Account.Name = null ORDER BY LastName",
      expected: result([
        contact(C1, { LastName: 'Anderson' }),
        contact(C2, { LastName: 'Brown' }),
        contact(C4, { LastName: 'Dangling' }),
      ]),
    },
    'a boolean of a missing parent is false': {
      soql: 'SELECT LastName FROM Contact WHERE Account.Is_Partner__c = false ORDER BY LastName',
      expected: result([
        contact(C1, { LastName: 'Anderson' }),
        contact(C2, { LastName: 'Brown' }),
        contact(C4, { LastName: 'Dangling' }),
      ]),
    },
    "INCLUDES ('a;b','c'): all of a and b, or c; case-insensitive": {
      soql: "SELECT Name FROM Account WHERE Regions__c INCLUDES ('emea;na', 'LATAM') ORDER BY Name",
      expected: names('Account', [ACME, OHARA]),
    },
    'EXCLUDES, matching empty values too': {
      soql: "SELECT Name FROM Account WHERE Regions__c EXCLUDES ('NA') ORDER BY Name",
      expected: names('Account', [LABS, INITECH, OHARA]),
    },
    'multi-select picklist = is the exact set, in any order': {
      soql: "SELECT Name FROM Account WHERE Regions__c = 'EMEA;NA'",
      expected: names('Account', [ACME]),
    },
    'multi-select picklist !=': {
      soql: "SELECT Name FROM Account WHERE Regions__c != 'NA' ORDER BY Name",
      expected: names('Account', [ACME, LABS, INITECH, OHARA]),
    },
    'INCLUDES on a custom object': {
      soql: "SELECT Name FROM Deal_Registration__c WHERE Products__c INCLUDES ('Gadgets;Widgets') ORDER BY Name",
      expected: names('Deal_Registration__c', [
        [D1, 'DR-0001'],
        [D4, 'DR-0004'],
      ]),
    },
  });
});

describe('dates and datetimes (now is 2026-11-25T15:30Z, a Wednesday)', () => {
  const opps = (rows: [string, string][]): QueryResult => names('Opportunity', rows);
  const regs = (rows: [string, string][]): QueryResult => names('Deal_Registration__c', rows);
  const BIG: [string, string] = [O1, 'Acme Big Deal'];
  const EXPANSION: [string, string] = [O2, 'Acme Expansion'];
  const RENEWAL: [string, string] = [O3, 'Globex Renewal'];
  const PILOT: [string, string] = [O4, 'Initech Pilot'];
  const ORPHAN: [string, string] = [O5, 'Orphan Opp'];
  runTable({
    'a date': { soql: 'SELECT Name FROM Opportunity WHERE CloseDate = 2026-11-25', expected: opps([BIG]) },
    'a datetime in UTC': {
      soql: 'SELECT Name FROM Account WHERE CreatedDate > 2026-11-25T09:00:00Z',
      expected: names('Account', [ACME]),
    },
    'a datetime with an offset': {
      soql: 'SELECT Name FROM Account WHERE CreatedDate < 2026-11-25T05:00:00+05:00 ORDER BY CreatedDate DESC',
      expected: names('Account', [LABS, GLOBEX, OHARA, INITECH]),
    },
    'a datetime with milliseconds': {
      soql: 'SELECT Name FROM Account WHERE CreatedDate = 2026-11-25T10:00:00.000Z',
      expected: names('Account', [ACME]),
    },
    'TODAY on a date field': {
      soql: 'SELECT Name FROM Deal_Registration__c WHERE Expected_Close__c = TODAY',
      expected: regs([[D1, 'DR-0001']]),
    },
    'TODAY on a datetime field': {
      soql: 'SELECT Name FROM Deal_Registration__c WHERE Submitted_At__c = TODAY',
      expected: regs([[D2, 'DR-0002']]),
    },
    YESTERDAY: {
      soql: 'SELECT Name FROM Account WHERE CreatedDate = YESTERDAY',
      expected: names('Account', [LABS]),
    },
    TOMORROW: { soql: 'SELECT Name FROM Opportunity WHERE CloseDate = TOMORROW', expected: opps([]) },
    'THIS_WEEK (weeks start on Sunday)': {
      soql: 'SELECT Name FROM Account WHERE CreatedDate = THIS_WEEK ORDER BY Name',
      expected: names('Account', [ACME, LABS]),
    },
    LAST_WEEK: {
      soql: 'SELECT Name FROM Account WHERE CreatedDate = LAST_WEEK',
      expected: names('Account', [GLOBEX]),
    },
    NEXT_WEEK: {
      soql: 'SELECT Name FROM Deal_Registration__c WHERE Expected_Close__c = NEXT_WEEK',
      expected: regs([[D2, 'DR-0002']]),
    },
    LAST_MONTH: {
      soql: 'SELECT Name FROM Opportunity WHERE CloseDate = LAST_MONTH',
      expected: opps([RENEWAL]),
    },
    THIS_MONTH: { soql: 'SELECT Name FROM Opportunity WHERE CloseDate = THIS_MONTH', expected: opps([BIG]) },
    NEXT_MONTH: {
      soql: 'SELECT Name FROM Opportunity WHERE CloseDate = NEXT_MONTH',
      expected: opps([EXPANSION]),
    },
    LAST_90_DAYS: {
      soql: 'SELECT Name FROM Deal_Registration__c WHERE Submitted_At__c = LAST_90_DAYS ORDER BY Name',
      expected: regs([
        [D1, 'DR-0001'],
        [D2, 'DR-0002'],
      ]),
    },
    NEXT_90_DAYS: {
      soql: 'SELECT Name FROM Opportunity WHERE CloseDate = NEXT_90_DAYS ORDER BY CloseDate',
      expected: opps([EXPANSION, PILOT]),
    },
    'LAST_N_DAYS:5 includes today': {
      soql: 'SELECT Name FROM Account WHERE CreatedDate = LAST_N_DAYS:5 ORDER BY Name',
      expected: names('Account', [ACME, LABS, GLOBEX]),
    },
    'NEXT_N_DAYS:20 starts tomorrow': {
      soql: 'SELECT Name FROM Opportunity WHERE CloseDate = NEXT_N_DAYS:20',
      expected: opps([EXPANSION]),
    },
    THIS_QUARTER: {
      soql: 'SELECT Name FROM Opportunity WHERE CloseDate = THIS_QUARTER ORDER BY CloseDate',
      expected: opps([RENEWAL, BIG, EXPANSION]),
    },
    LAST_QUARTER: {
      soql: 'SELECT Name FROM Deal_Registration__c WHERE Expected_Close__c = LAST_QUARTER',
      expected: regs([[D4, 'DR-0004']]),
    },
    NEXT_QUARTER: {
      soql: 'SELECT Name FROM Opportunity WHERE CloseDate = NEXT_QUARTER',
      expected: opps([PILOT]),
    },
    THIS_YEAR: {
      soql: 'SELECT Name FROM Account WHERE CreatedDate = THIS_YEAR ORDER BY Name',
      expected: names('Account', [ACME, LABS, GLOBEX, OHARA]),
    },
    LAST_YEAR: {
      soql: 'SELECT Name FROM Account WHERE CreatedDate = LAST_YEAR',
      expected: names('Account', [INITECH]),
    },
    NEXT_YEAR: { soql: 'SELECT Name FROM Opportunity WHERE CloseDate = NEXT_YEAR', expected: opps([PILOT]) },
    'LAST_N_MONTHS:4 ends with last month': {
      soql: 'SELECT Name FROM Deal_Registration__c WHERE Submitted_At__c = LAST_N_MONTHS:4',
      expected: regs([[D4, 'DR-0004']]),
    },
    'THIS_FISCAL_YEAR is the calendar year': {
      soql: 'SELECT Name FROM Opportunity WHERE CloseDate = THIS_FISCAL_YEAR ORDER BY CloseDate',
      expected: opps([RENEWAL, BIG, EXPANSION]),
    },
    '> a range is after its end': {
      soql: 'SELECT Name FROM Opportunity WHERE CloseDate > THIS_MONTH ORDER BY CloseDate',
      expected: opps([EXPANSION, PILOT]),
    },
    '< a range is before its start': {
      soql: 'SELECT Name FROM Opportunity WHERE CloseDate < THIS_YEAR',
      expected: opps([ORPHAN]),
    },
    '<= a range is up to its end': {
      soql: 'SELECT Name FROM Opportunity WHERE CloseDate <= LAST_MONTH ORDER BY CloseDate',
      expected: opps([ORPHAN, RENEWAL]),
    },
    '>= a range is from its start': {
      soql: 'SELECT Name FROM Opportunity WHERE CloseDate >= NEXT_MONTH ORDER BY CloseDate',
      expected: opps([EXPANSION, PILOT]),
    },
    '!= a range is outside it': {
      soql: 'SELECT Name FROM Opportunity WHERE CloseDate != THIS_QUARTER ORDER BY CloseDate',
      expected: opps([ORPHAN, PILOT]),
    },
    'IN a list of date literals': {
      soql: 'SELECT Name FROM Opportunity WHERE CloseDate IN (TODAY, NEXT_N_DAYS:20) ORDER BY CloseDate',
      expected: opps([BIG, EXPANSION]),
    },
    'date functions in WHERE': {
      soql: 'SELECT Name FROM Opportunity WHERE CALENDAR_YEAR(CloseDate) = 2027 OR CALENDAR_MONTH(CloseDate) = 6 ORDER BY Name',
      expected: opps([PILOT, ORPHAN]),
    },
    'DAY_ONLY() of a datetime': {
      soql: 'SELECT Name FROM Deal_Registration__c WHERE DAY_ONLY(Submitted_At__c) = 2026-11-25',
      expected: regs([[D2, 'DR-0002']]),
    },
  });
});

describe('aggregates', () => {
  runTable({
    'COUNT(): totalSize is the count, no records': {
      soql: 'SELECT COUNT() FROM Account',
      expected: result([], 5),
    },
    'COUNT() with WHERE and LIMIT counts up to the limit': {
      soql: 'SELECT COUNT() FROM Contact WHERE AccountId != null LIMIT 2',
      expected: result([], 2),
    },
    'aggregates without GROUP BY: one row, expr0... in order': {
      soql: 'SELECT COUNT(Id), COUNT(Industry), COUNT_DISTINCT(Industry), SUM(AnnualRevenue), AVG(NumberOfEmployees), MIN(CreatedDate), MAX(Name) FROM Account',
      expected: result([
        agg({
          expr0: 5,
          expr1: 4,
          expr2: 2,
          expr3: 1250050.5,
          expr4: 146.25,
          expr5: '2025-12-31T23:59:59.000+0000',
          expr6: "O'Hara 100% Ltd",
        }),
      ]),
    },
    'an aggregate over no rows': {
      soql: "SELECT COUNT(Id), SUM(Amount), MAX(CloseDate) FROM Opportunity WHERE Name = 'none'",
      expected: result([agg({ expr0: 0, expr1: null, expr2: null })]),
    },
    'GROUP BY with aliases, HAVING and ORDER BY': {
      soql: 'SELECT Industry ind, COUNT(Id) cnt, SUM(AnnualRevenue) FROM Account WHERE Industry != null GROUP BY Industry HAVING COUNT(Id) > 1 ORDER BY Industry',
      expected: result([
        agg({ ind: 'Manufacturing', cnt: 2, expr0: 1000050 }),
        agg({ ind: 'Technology', cnt: 2, expr0: 250000.5 }),
      ]),
    },
    'GROUP BY a relationship field: the record key is the field name': {
      soql: 'SELECT Account.Name, COUNT(Id) FROM Contact GROUP BY Account.Name ORDER BY Account.Name NULLS LAST',
      expected: result([
        agg({ Name: 'Acme Corp', expr0: 2 }),
        agg({ Name: 'Globex Partners', expr0: 1 }),
        agg({ Name: "O'Hara 100% Ltd", expr0: 1 }),
        agg({ Name: null, expr0: 1 }),
      ]),
    },
    'HAVING on an aggregate of a custom relationship group': {
      soql: 'SELECT Partner_Account__r.Name, SUM(Deal_Value__c) total, MAX(Submitted_At__c) FROM Deal_Registration__c WHERE Partner_Account__c != null GROUP BY Partner_Account__r.Name HAVING SUM(Deal_Value__c) > 0',
      expected: result([
        agg({ Name: 'Globex Partners', total: 80000, expr0: '2026-11-25T14:00:00.000+0000' }),
      ]),
    },
    'ORDER BY an aggregate, then a picklist in its defined order': {
      soql: 'SELECT StageName, COUNT(Id) FROM Opportunity GROUP BY StageName ORDER BY COUNT(Id) DESC, StageName',
      expected: result([
        agg({ StageName: 'Prospecting', expr0: 2 }),
        agg({ StageName: 'Negotiation', expr0: 1 }),
        agg({ StageName: 'Closed Won', expr0: 1 }),
        agg({ StageName: 'Closed Lost', expr0: 1 }),
      ]),
    },
    'GROUP BY a date function': {
      soql: 'SELECT CALENDAR_YEAR(CloseDate), COUNT(Id) n FROM Opportunity GROUP BY CALENDAR_YEAR(CloseDate) ORDER BY CALENDAR_YEAR(CloseDate)',
      expected: result([agg({ expr0: 2025, n: 1 }), agg({ expr0: 2026, n: 3 }), agg({ expr0: 2027, n: 1 })]),
    },
    'GROUP BY without aggregates: the distinct values, null included': {
      soql: 'SELECT Type FROM Account GROUP BY Type ORDER BY Type',
      expected: result([
        agg({ Type: null }),
        agg({ Type: 'Prospect' }),
        agg({ Type: 'Customer' }),
        agg({ Type: 'Partner' }),
      ]),
    },
    'GROUP BY a boolean': {
      soql: 'SELECT IsClosed, COUNT(Id) FROM Opportunity GROUP BY IsClosed ORDER BY IsClosed',
      expected: result([agg({ IsClosed: false, expr0: 3 }), agg({ IsClosed: true, expr0: 2 })]),
    },
    'sums without float noise': {
      soql: "SELECT SUM(Amount) FROM Opportunity WHERE Name LIKE 'Acme%'",
      expected: result([agg({ expr0: 62000.5 })]),
    },
  });
});

describe('ORDER BY, LIMIT, OFFSET and accepted clauses', () => {
  runTable({
    'ASC puts nulls first': {
      soql: 'SELECT Name, Industry FROM Account ORDER BY Industry, Name',
      expected: result([
        account(A3, { Name: "O'Hara 100% Ltd", Industry: null }),
        account(A1, { Name: 'Acme Corp', Industry: 'Manufacturing' }),
        account(A6, { Name: 'acme labs', Industry: 'Manufacturing' }),
        account(A2, { Name: 'Globex Partners', Industry: 'Technology' }),
        account(A4, { Name: 'Initech', Industry: 'Technology' }),
      ]),
    },
    'DESC puts nulls last': {
      soql: 'SELECT Name FROM Account ORDER BY Industry DESC, Name',
      expected: names('Account', [GLOBEX, INITECH, ACME, LABS, OHARA]),
    },
    'NULLS LAST': {
      soql: 'SELECT Name FROM Account ORDER BY Industry ASC NULLS LAST, Name DESC',
      expected: names('Account', [LABS, ACME, INITECH, GLOBEX, OHARA]),
    },
    'DESC NULLS FIRST': {
      soql: 'SELECT Name FROM Account ORDER BY Industry DESC NULLS FIRST, Name',
      expected: names('Account', [OHARA, GLOBEX, INITECH, ACME, LABS]),
    },
    'a relationship field, empty lookups last when DESC': {
      soql: 'SELECT LastName FROM Contact ORDER BY Account.Name DESC, LastName',
      expected: result([
        contact(C5, { LastName: 'Evans' }),
        contact(C3, { LastName: 'Chen' }),
        contact(C1, { LastName: 'Anderson' }),
        contact(C2, { LastName: 'Brown' }),
        contact(C4, { LastName: 'Dangling' }),
      ]),
    },
    'a picklist sorts in its defined order': {
      soql: 'SELECT Name, Type FROM Account ORDER BY Type, Name',
      expected: result([
        account(A4, { Name: 'Initech', Type: null }),
        account(A3, { Name: "O'Hara 100% Ltd", Type: 'Prospect' }),
        account(A1, { Name: 'Acme Corp', Type: 'Customer' }),
        account(A6, { Name: 'acme labs', Type: 'Customer' }),
        account(A2, { Name: 'Globex Partners', Type: 'Partner' }),
      ]),
    },
    'LIMIT and OFFSET': {
      soql: 'SELECT Name FROM Account ORDER BY Name LIMIT 2 OFFSET 1',
      expected: names('Account', [LABS, GLOBEX]),
    },
    'no ORDER BY: creation order': {
      soql: 'SELECT Name FROM Account',
      expected: names('Account', [ACME, GLOBEX, OHARA, INITECH, LABS]),
    },
    'FOR UPDATE': {
      soql: "SELECT Name FROM Account WHERE Name = 'Initech' LIMIT 1 FOR UPDATE",
      expected: names('Account', [INITECH]),
    },
    'FOR VIEW': {
      soql: "SELECT Name FROM Account WHERE Name = 'Initech' FOR VIEW",
      expected: names('Account', [INITECH]),
    },
    'FOR REFERENCE': {
      soql: "SELECT Name FROM Account WHERE Name = 'Initech' FOR REFERENCE",
      expected: names('Account', [INITECH]),
    },
    'WITH SECURITY_ENFORCED': {
      soql: "SELECT Name FROM Account WHERE Name = 'Initech' WITH SECURITY_ENFORCED",
      expected: names('Account', [INITECH]),
    },
    'WITH USER_MODE': {
      soql: "SELECT Name FROM Account WHERE Name = 'Initech' WITH USER_MODE",
      expected: names('Account', [INITECH]),
    },
    'USING SCOPE everything': {
      soql: "SELECT Name FROM Account USING SCOPE everything WHERE Name = 'Initech'",
      expected: names('Account', [INITECH]),
    },
    'a query on several lines': {
      soql: "SELECT Name\n  FROM Account\n WHERE Name = 'Initech'",
      expected: names('Account', [INITECH]),
    },
  });
});

describe('FIELDS()', () => {
  runTable({
    'FIELDS(STANDARD), in schema order': {
      soql: "SELECT FIELDS(STANDARD) FROM Deal_Registration__c WHERE Name = 'DR-0003'",
      expected: result([registration(D3, { Id: D3, IsDeleted: false, CreatedDate: null, Name: 'DR-0003' })]),
    },
    'FIELDS(CUSTOM) with a LIMIT': {
      soql: "SELECT FIELDS(CUSTOM) FROM Deal_Registration__c WHERE Name = 'DR-0003' LIMIT 1",
      expected: result([
        registration(D3, {
          Partner_Account__c: A3,
          Opportunity__c: null,
          Status__c: 'Draft',
          Products__c: null,
          Expected_Close__c: null,
          Submitted_At__c: null,
          Approved__c: false,
          Deal_Value__c: null,
          Seats__c: null,
        }),
      ]),
    },
  });
});

describe('deleted rows and visibility', () => {
  test('query leaves deleted rows out; queryAll includes them, in subqueries too', () => {
    expectJson(executeSoql('SELECT Name FROM Account WHERE IsDeleted = true', context), names('Account', []));
    const all = seededContext({ includeDeleted: true });
    expectJson(
      executeSoql('SELECT Name, IsDeleted FROM Account WHERE IsDeleted = true', all),
      result([account(A5, { Name: 'Deleted Co', IsDeleted: true })]),
    );
    expectJson(
      executeSoql(
        `SELECT (SELECT LastName FROM Contacts ORDER BY LastName DESC LIMIT 1) FROM Account WHERE Id = '${A1}'`,
        all,
      ),
      result([account(A1, { Contacts: children([contact(C6, { LastName: 'Zombie' })]) })]),
    );
    expect(executeSoql('SELECT COUNT() FROM Contact', all).totalSize).toBe(6);
  });

  test("a row filter (a partner's visibility) applies to the object, its parents, children and semi-joins", () => {
    const partner = seededContext({
      rowFilter: (objectName, alias) => {
        if (objectName === 'Account') return { sql: `${alias}."Id" IN (?, ?)`, params: [A1, A2] };
        if (objectName === 'Contact') return { sql: `${alias}."OwnerId" = ?`, params: [U1] };
        return null;
      },
    });
    expectJson(
      executeSoql(
        'SELECT Name, Parent.Name, (SELECT LastName FROM Contacts) FROM Account ORDER BY Name',
        partner,
      ),
      result([
        account(A1, {
          Name: 'Acme Corp',
          Parent: null,
          Contacts: children([contact(C1, { LastName: 'Anderson' })]),
        }),
        account(A2, { Name: 'Globex Partners', Parent: null, Contacts: null }),
      ]),
    );
    expectJson(
      executeSoql('SELECT LastName, Account.Name FROM Contact ORDER BY LastName', partner),
      result([
        contact(C1, { LastName: 'Anderson', Account: account(A1, { Name: 'Acme Corp' }) }),
        contact(C4, { LastName: 'Dangling', Account: null }),
        contact(C5, { LastName: 'Evans', Account: null }),
      ]),
    );
    expectJson(
      executeSoql('SELECT Name FROM Account WHERE Id IN (SELECT AccountId FROM Contact)', partner),
      names('Account', [ACME]),
    );
    expect(executeSoql('SELECT COUNT() FROM Account', partner).totalSize).toBe(2);
    expectJson(executeSoql('SELECT COUNT(Id) FROM Contact', partner), result([agg({ expr0: 3 })]));
  });
});

describe('errors, as Salesforce words them', () => {
  const NO_COLUMN = (field: string, entity: string): string =>
    `No such column '${field}' on entity '${entity}'. If you are attempting to use a custom field, be sure to append the '__c' after the custom field name. Please reference your WSDL or the describe call for the appropriate names.`;
  const cases: [string, string, string][] = [
    [
      'SELECT Id FROM Foo',
      'INVALID_TYPE',
      "\nSELECT Id FROM Foo\n               ^\nERROR at Row:1:Column:16\nsObject type 'Foo' is not supported. If you are attempting to use a custom object, be sure to append the '__c' after the entity name. Please reference your WSDL or the describe call for the appropriate names.",
    ],
    [
      'SELECT Foo FROM Account',
      'INVALID_FIELD',
      `\nSELECT Foo FROM Account\n       ^\nERROR at Row:1:Column:8\n${NO_COLUMN('Foo', 'Account')}`,
    ],
    [
      'SELECT Id, Name, Foo__c FROM Account',
      'INVALID_FIELD',
      `\nSELECT Id, Name, Foo__c FROM Account\n                 ^\nERROR at Row:1:Column:18\n${NO_COLUMN('Foo__c', 'Account')}`,
    ],
    [
      'SELECT Id, Account.Foo FROM Contact',
      'INVALID_FIELD',
      `\nSELECT Id, Account.Foo FROM Contact\n           ^\nERROR at Row:1:Column:12\n${NO_COLUMN('Foo', 'Account')}`,
    ],
    [
      "SELECT Id FROM Account WHERE Nmae = 'x'",
      'INVALID_FIELD',
      `\nSELECT Id FROM Account WHERE Nmae = 'x'\n                             ^\nERROR at Row:1:Column:30\n${NO_COLUMN('Nmae', 'Account')}`,
    ],
    [
      'SELECT Id FROM Account\nORDER BY Nmae',
      'INVALID_FIELD',
      `\nORDER BY Nmae\n         ^\nERROR at Row:2:Column:10\n${NO_COLUMN('Nmae', 'Account')}`,
    ],
    [
      'SELECT Id, Acount.Name FROM Contact',
      'INVALID_FIELD',
      "\nSELECT Id, Acount.Name FROM Contact\n           ^\nERROR at Row:1:Column:12\nDidn't understand relationship 'Acount' in field path. If you are attempting to use a custom relationship, be sure to append the '__r' after the custom relationship name. Please reference your WSDL or the describe call for the appropriate names.",
    ],
    [
      'SELECT Id, (SELECT Id FROM Contactz) FROM Account',
      'INVALID_TYPE',
      "\nSELECT Id, (SELECT Id FROM Contactz) FROM Account\n                           ^\nERROR at Row:1:Column:28\nDidn't understand relationship 'Contactz' in FROM part of query call. If you are attempting to use a custom relationship, be sure to append the '__r' after the custom relationship name. Please reference your WSDL or the describe call for the appropriate names.",
    ],
    [
      'SELECT Id FROM Account WHERE',
      'MALFORMED_QUERY',
      "\nSELECT Id FROM Account WHERE\n                            ^\nERROR at Row:1:Column:29\nunexpected token: '<EOF>'",
    ],
    [
      'SELECT Id, FROM Account',
      'MALFORMED_QUERY',
      "\nSELECT Id, FROM Account\n           ^\nERROR at Row:1:Column:12\nunexpected token: 'FROM'",
    ],
    [
      'SELECT Id FROM Account LIMIT 1 WHERE Id != null',
      'MALFORMED_QUERY',
      "\nSELECT Id FROM Account LIMIT 1 WHERE Id != null\n                               ^\nERROR at Row:1:Column:32\nunexpected token: 'WHERE'",
    ],
    [
      "SELECT Id FROM Account WHERE Name = 'a' AND Name = 'b' OR Name = 'c'",
      'MALFORMED_QUERY',
      "\nAccount WHERE Name = 'a' AND Name = 'b' OR Name = 'c'\n                                        ^\nERROR at Row:1:Column:56\nunexpected token: 'OR'",
    ],
    [
      "SELECT Id FROM Account WHERE Name = 'x",
      'MALFORMED_QUERY',
      "\nSELECT Id FROM Account WHERE Name = 'x\n                                     ^\nERROR at Row:1:Column:38\nline 1:38 mismatched character '<EOF>' expecting '''",
    ],
    [
      'SELECT Id FROM Account WHERE Name = $x',
      'MALFORMED_QUERY',
      "\nSELECT Id FROM Account WHERE Name = $x\n                                   ^\nERROR at Row:1:Column:36\nline 1:36 no viable alternative at character '$'",
    ],
    [
      "SELECT Id FROM Contact WHERE Id = 'ZZZ'",
      'INVALID_QUERY_FILTER_OPERATOR',
      "\nSELECT Id FROM Contact WHERE Id = 'ZZZ'\n                             ^\nERROR at Row:1:Column:30\ninvalid ID field: ZZZ",
    ],
    [
      "SELECT Id FROM Opportunity WHERE CloseDate > '2026-01-01'",
      'INVALID_FIELD',
      "\nSELECT Id FROM Opportunity WHERE CloseDate > '2026-01-01'\n                                 ^\nERROR at Row:1:Column:34\nvalue of filter criterion for field 'CloseDate' must be of type date and should not be enclosed in quotes",
    ],
    [
      'SELECT Id FROM Account WHERE CreatedDate > 2026-01-01',
      'INVALID_FIELD',
      "\nSELECT Id FROM Account WHERE CreatedDate > 2026-01-01\n                             ^\nERROR at Row:1:Column:30\nvalue of filter criterion for field 'CreatedDate' must be of type dateTime and should not be enclosed in quotes",
    ],
    [
      'SELECT Id FROM Opportunity WHERE CloseDate = 2026-01-01T00:00:00Z',
      'INVALID_FIELD',
      "\nSELECT Id FROM Opportunity WHERE CloseDate = 2026-01-01T00:00:00Z\n                                 ^\nERROR at Row:1:Column:34\nvalue of filter criterion for field 'CloseDate' must be of type date and should not be enclosed in quotes",
    ],
    [
      "SELECT Id FROM Account WHERE NumberOfEmployees = '5'",
      'INVALID_FIELD',
      "\nSELECT Id FROM Account WHERE NumberOfEmployees = '5'\n                             ^\nERROR at Row:1:Column:30\nvalue of filter criterion for field 'NumberOfEmployees' must be of type int and should not be enclosed in quotes",
    ],
    [
      "SELECT Id FROM Account WHERE AnnualRevenue > '5'",
      'INVALID_FIELD',
      "\nSELECT Id FROM Account WHERE AnnualRevenue > '5'\n                             ^\nERROR at Row:1:Column:30\nvalue of filter criterion for field 'AnnualRevenue' must be of type double and should not be enclosed in quotes",
    ],
    [
      "SELECT Id FROM Account WHERE Is_Partner__c = 'true'",
      'INVALID_FIELD',
      "\nSELECT Id FROM Account WHERE Is_Partner__c = 'true'\n                             ^\nERROR at Row:1:Column:30\nvalue of filter criterion for field 'Is_Partner__c' must be of type boolean and should not be enclosed in quotes",
    ],
    [
      'SELECT Id FROM Account WHERE Name = 5',
      'INVALID_FIELD',
      "\nSELECT Id FROM Account WHERE Name = 5\n                             ^\nERROR at Row:1:Column:30\nvalue of filter criterion for field 'Name' must be of type string and should be enclosed in quotes",
    ],
    [
      "SELECT Id FROM Account WHERE Id LIKE '001%'",
      'INVALID_QUERY_FILTER_OPERATOR',
      "\nSELECT Id FROM Account WHERE Id LIKE '001%'\n                             ^\nERROR at Row:1:Column:30\ninvalid operator on id field",
    ],
    [
      "SELECT Id FROM Account WHERE Name INCLUDES ('a')",
      'INVALID_QUERY_FILTER_OPERATOR',
      "\nSELECT Id FROM Account WHERE Name INCLUDES ('a')\n                             ^\nERROR at Row:1:Column:30\nincludes or excludes operator only valid on multipicklist field",
    ],
    [
      'SELECT Name, COUNT(Id) FROM Account',
      'MALFORMED_QUERY',
      '\nSELECT Name, COUNT(Id) FROM Account\n       ^\nERROR at Row:1:Column:8\nField must be grouped or aggregated: Name',
    ],
    [
      'SELECT Name FROM Account GROUP BY Type',
      'MALFORMED_QUERY',
      '\nSELECT Name FROM Account GROUP BY Type\n       ^\nERROR at Row:1:Column:8\nField must be grouped or aggregated: Name',
    ],
    [
      'SELECT Type FROM Account GROUP BY Type ORDER BY Name',
      'MALFORMED_QUERY',
      '\nType FROM Account GROUP BY Type ORDER BY Name\n                                         ^\nERROR at Row:1:Column:49\nOrdered field must be grouped or aggregated: Name',
    ],
    [
      'SELECT SUM(Name) FROM Account',
      'MALFORMED_QUERY',
      '\nSELECT SUM(Name) FROM Account\n       ^\nERROR at Row:1:Column:8\nfield Name does not support aggregate operator SUM',
    ],
    [
      'SELECT Description, COUNT(Id) FROM Account GROUP BY Description',
      'MALFORMED_QUERY',
      "\n, COUNT(Id) FROM Account GROUP BY Description\n                                  ^\nERROR at Row:1:Column:53\nfield 'Description' can not be grouped in a query call",
    ],
    [
      'SELECT Name FROM Account ORDER BY Regions__c',
      'MALFORMED_QUERY',
      "\nSELECT Name FROM Account ORDER BY Regions__c\n                                  ^\nERROR at Row:1:Column:35\nfield 'Regions__c' can not be sorted in a query call",
    ],
    [
      'SELECT Id FROM Account WHERE Id IN (SELECT OwnerId FROM Contact)',
      'MALFORMED_QUERY',
      "\nSELECT Id FROM Account WHERE Id IN (SELECT OwnerId FROM Contact)\n                             ^\nERROR at Row:1:Column:30\nThe selected field 'OwnerId' in the subquery and the left operand field in the where expression in the outer query 'Id' should point to the same object type",
    ],
    [
      'SELECT Name, (SELECT Id FROM Contacts WHERE Foo = 1) FROM Account WHERE Foo = 2',
      'INVALID_FIELD',
      `\nName, (SELECT Id FROM Contacts WHERE Foo = 1) FROM Account WHERE Foo = 2\n                                     ^\nERROR at Row:1:Column:45\n${NO_COLUMN('Foo', 'Contact')}`,
    ],
    [
      'SELECT c.Account.Foo FROM Contact c',
      'INVALID_FIELD',
      `\nSELECT c.Account.Foo FROM Contact c\n       ^\nERROR at Row:1:Column:8\n${NO_COLUMN('Foo', 'Account')}`,
    ],
    [
      "SELECT Type, COUNT(Id) FROM Account GROUP BY Type HAVING Name = 'x'",
      'MALFORMED_QUERY',
      "\n(Id) FROM Account GROUP BY Type HAVING Name = 'x'\n                                       ^\nERROR at Row:1:Column:58\nField must be grouped or aggregated: Name",
    ],
    [
      'SELECT COUNT(Id) FROM Account WHERE COUNT(Id) > 1',
      'MALFORMED_QUERY',
      "\nSELECT COUNT(Id) FROM Account WHERE COUNT(Id) > 1\n                                    ^\nERROR at Row:1:Column:37\nunexpected token: 'COUNT'",
    ],
    [
      'SELECT Id FROM Account WHERE Name = :name',
      'MALFORMED_QUERY',
      "\nSELECT Id FROM Account WHERE Name = :name\n                                    ^\nERROR at Row:1:Column:37\nunexpected token: ':'",
    ],
    [
      'SELECT COUNT(), Name FROM Account',
      'MALFORMED_QUERY',
      '\nSELECT COUNT(), Name FROM Account\n       ^\nERROR at Row:1:Column:8\nCOUNT() must be the only element in the SELECT list',
    ],
    ['SELECT Id, Id FROM Account', 'INVALID_FIELD', 'duplicate field selected: Id'],
    [
      'SELECT Id FROM Account OFFSET 2001',
      'NUMBER_OUTSIDE_VALID_RANGE',
      'Maximum SOQL offset allowed is 2000',
    ],
    [
      'SELECT FIELDS(ALL) FROM Account',
      'MALFORMED_QUERY',
      'The SOQL FIELDS function must have a LIMIT of at most 200',
    ],
    [
      'SELECT FIELDS(CUSTOM) FROM User LIMIT 1',
      'MALFORMED_QUERY',
      "'FIELDS(...)' expansion function must result in at least one field being selected.",
    ],
    [
      "SELECT Id FROM Account WHERE Name = 'a\\%'",
      'MALFORMED_QUERY',
      "Invalid string literal 'a\\%'. Illegal character sequence '\\%' in string literal.",
    ],
  ];

  test.each(cases)('%s', (soql, errorCode, message) => {
    const thrown = thrownBy(() => executeSoql(soql, context));
    expect(thrown).toBeInstanceOf(SoqlError);
    expect(thrown).toMatchObject({ errorCode, message });
  });

  test('features the local org does not serve say so, as MALFORMED_QUERY', () => {
    for (const soql of [
      'SELECT Type, COUNT(Id) FROM Account GROUP BY ROLLUP(Type)',
      'SELECT TYPEOF Owner WHEN User THEN Name END FROM Account',
      'SELECT Id FROM Account USING SCOPE mine',
      'SELECT FORMAT(AnnualRevenue) FROM Account',
    ]) {
      expect(thrownBy(() => executeSoql(soql, context))).toMatchObject({
        errorCode: 'MALFORMED_QUERY',
        message: expect.stringMatching(/not supported by the Trellis local org/),
      });
    }
  });
});
