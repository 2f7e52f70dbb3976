/** `GET /query?q=...&columns=true`: the column metadata the sf CLI reads to lay out `sf data query`. */
import { describeQueryColumns, SoqlError } from '../../cli/src/localorg/soql/index.ts';
import type { QueryColumn } from '../../cli/src/localorg/soql/index.ts';
import { seededContext } from './fixtures/soql/org.ts';

const context = seededContext();

const column = (overrides: Partial<QueryColumn>): QueryColumn => ({
  aggregate: false,
  apexType: 'String',
  booleanType: false,
  columnName: '',
  custom: false,
  displayName: '',
  foreignKeyName: null,
  insertable: true,
  joinColumns: [],
  numberType: false,
  textType: true,
  updatable: true,
  ...overrides,
});

const text = (name: string): QueryColumn => column({ columnName: name, displayName: name });

test('fields, parent relationships and child subqueries', () => {
  expect(
    describeQueryColumns(
      'SELECT Id, Name, Owner.Name, AnnualRevenue, Is_Partner__c, CreatedDate, (SELECT LastName, Account.Name FROM Contacts) FROM Account',
      context,
    ),
  ).toEqual({
    columnMetadata: [
      column({
        apexType: 'Id',
        columnName: 'Id',
        displayName: 'Id',
        insertable: false,
        textType: false,
        updatable: false,
      }),
      text('Name'),
      column({
        apexType: null,
        columnName: 'Owner',
        displayName: 'Owner',
        foreignKeyName: 'OwnerId',
        insertable: false,
        joinColumns: [text('Name')],
        textType: false,
        updatable: false,
      }),
      column({
        apexType: 'Double',
        columnName: 'AnnualRevenue',
        displayName: 'AnnualRevenue',
        numberType: true,
        textType: false,
      }),
      column({
        apexType: 'Boolean',
        booleanType: true,
        columnName: 'Is_Partner__c',
        custom: true,
        displayName: 'Is_Partner__c',
        textType: false,
      }),
      column({
        apexType: 'Datetime',
        columnName: 'CreatedDate',
        displayName: 'CreatedDate',
        insertable: false,
        textType: false,
        updatable: false,
      }),
      column({
        aggregate: true,
        apexType: null,
        columnName: 'Contacts',
        displayName: 'Contacts',
        insertable: false,
        joinColumns: [
          text('LastName'),
          column({
            apexType: null,
            columnName: 'Account',
            displayName: 'Account',
            foreignKeyName: 'AccountId',
            insertable: false,
            joinColumns: [text('Name')],
            textType: false,
            updatable: false,
          }),
        ],
        textType: false,
        updatable: false,
      }),
    ],
    entityName: 'Account',
    groupBy: false,
    idSelected: true,
    keyPrefix: '001',
  });
});

test('aggregate queries: grouped fields by their names, functions by alias or exprN', () => {
  const fn = (name: string, display: string, numberType: boolean): QueryColumn =>
    column({
      aggregate: true,
      apexType: null,
      columnName: name,
      displayName: display,
      insertable: false,
      numberType,
      textType: false,
      updatable: false,
    });
  expect(
    describeQueryColumns(
      'SELECT Type, COUNT(Id) cnt, avg(AnnualRevenue), MAX(Name) FROM Account GROUP BY Type',
      context,
    ),
  ).toEqual({
    columnMetadata: [
      text('Type'),
      fn('cnt', 'COUNT(Id)', true),
      fn('expr0', 'avg(AnnualRevenue)', true),
      fn('expr1', 'MAX(Name)', false),
    ],
    entityName: 'Account',
    groupBy: true,
    idSelected: false,
    keyPrefix: '001',
  });
});

test('COUNT() has no columns', () => {
  expect(describeQueryColumns('SELECT COUNT() FROM Contact', context)).toEqual({
    columnMetadata: [],
    entityName: 'Contact',
    groupBy: false,
    idSelected: false,
    keyPrefix: '003',
  });
});

test('the query is checked as it would run', () => {
  expect(() => describeQueryColumns('SELECT Foo FROM Account', context)).toThrow(SoqlError);
  let thrown: unknown;
  try {
    describeQueryColumns('SELECT Id FROM Nope', context);
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toMatchObject({ errorCode: 'INVALID_TYPE' });
});
