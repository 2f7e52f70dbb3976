/**
 * Every object and field that SOQL in Apex, LWC imports, permission sets and custom metadata
 * records name exists in force-app or on the platform (scripts/apex/field-references.ts). apex-ls
 * does not look inside SOQL, and nothing else reads the metadata XML before a deploy.
 */
import { FieldReferenceChecker, checkFieldReferences } from '../../scripts/apex/field-references.ts';
import { Schema } from '../../scripts/apex/schema.ts';
import { parseApex } from '../../scripts/apex/parse.ts';
import { checkSoql, findSoql } from '../../scripts/apex/soql-references.ts';
import { StandardObjects } from '../../scripts/apex/standard-objects.ts';
import { APEX_FIXTURE, APEX_FIXTURE_SOURCE, FORCE_APP, PROJECT_ROOT, issueLines } from '../helpers/apex.ts';

const standard = new StandardObjects();

describe('field references in force-app', () => {
  it('names only objects and fields that exist', () => {
    expect(issueLines(checkFieldReferences(PROJECT_ROOT, FORCE_APP))).toEqual([]);
  });
});

describe('field references in the fixture project', () => {
  const issues = new FieldReferenceChecker(
    APEX_FIXTURE,
    APEX_FIXTURE_SOURCE,
    new Schema(APEX_FIXTURE_SOURCE, standard),
  ).check();
  const lines = issueLines(issues);
  const classes = 'force-app/main/default/classes';

  it('finds misspelled fields, objects, paths and child relationships in SOQL, with file and line', () => {
    expect(lines.filter((line) => line.startsWith(classes))).toEqual([
      `${classes}/WidgetQueries.cls:35: unknown field Sise__c on Widget__c`,
      `${classes}/WidgetQueries.cls:36: unknown object Widgit__c`,
      `${classes}/WidgetQueries.cls:43: unknown child relationship Widgetz__r on Account`,
      `${classes}/WidgetQueries.cls:45: unknown field Nmae on Account (in Account__r.Nmae)`,
      `${classes}/WidgetQueries.cls:52: unknown field Sizes__c on Widget__c`,
      // In the field-list constant of a query built at run time, at the constant's line.
      `${classes}/WidgetQueries.cls:6: unknown field Colour__c on Widget__c`,
      // In a field-list constant: a field of none of the objects the class queries.
      `${classes}/WidgetQueries.cls:10: Account__r.Industri, in a field-list constant, is not a field of any object the class queries (Gadget_Setting__mdt, Widget__c, Account)`,
    ]);
  });

  it('finds misspelled LWC schema imports and Apex imports', () => {
    const lwc = 'force-app/main/default/lwc/widgetCard/widgetCard.js';
    expect(lines.filter((line) => line.startsWith(lwc))).toEqual([
      `${lwc}:7: '@salesforce/schema/Widget__c.Sise__c': unknown field Sise__c on Widget__c`,
      `${lwc}:8: '@salesforce/schema/Wigdet__c': unknown object Wigdet__c`,
      `${lwc}:9: '@salesforce/apex/WidgetQueries.widgetsByColour': no @AuraEnabled static method widgetsByColour in Apex class WidgetQueries`,
      `${lwc}:10: '@salesforce/apex/WidgetQueries.misspelled': no @AuraEnabled static method misspelled in Apex class WidgetQueries`,
    ]);
  });

  it('finds unknown fields, objects and classes in permission sets, and fields that take no field permissions', () => {
    const file = 'force-app/main/default/permissionsets/Widget_User.permissionset-meta.xml';
    expect(lines.filter((line) => line.startsWith(file)).sort()).toEqual(
      [
        `${file}:24: field permission on Widget__c.Sise__c: unknown field Sise__c on Widget__c`,
        `${file}:30: field permission on Widget__c.Code__c, a required field: it takes no field permissions (always readable and editable)`,
        `${file}:36: field permission on Account.Name, a standard field that is required, a name field or a system field: it takes no field permissions`,
        `${file}:56: object permission on Widgit__c: unknown object Widgit__c`,
        `${file}:9: class access to WidgetQuery: no Apex class WidgetQuery in force-app`,
      ].sort(),
    );
  });

  it('finds fields a custom metadata record sets that its type does not have', () => {
    const file = 'force-app/main/default/customMetadata/Gadget_Setting.Default.md-meta.xml';
    expect(lines.filter((line) => line.startsWith(file))).toEqual([
      `${file}:11: unknown field Limt__c on Gadget_Setting__mdt`,
    ]);
  });

  it('reports nothing else', () => {
    expect(issues).toHaveLength(7 + 4 + 5 + 1);
  });
});

describe('SOQL checks', () => {
  const schema = new Schema(FORCE_APP, standard);
  const problems = (soql: string): string[] => checkSoql(schema, soql).map((problem) => problem.message);

  it.each([
    [
      'aliases',
      'SELECT d.Status__c, d.Partner_Account__r.Name FROM Deal_Registration__c d WHERE d.Status__c = :b',
    ],
    [
      'aggregates and their aliases',
      'SELECT Status__c s, COUNT(Id) n FROM Deal_Registration__c GROUP BY Status__c HAVING COUNT(Id) > 1',
    ],
    [
      'child subqueries of force-app lookups',
      'SELECT Id, (SELECT Id FROM Partner_Deal_Registrations__r) FROM Account',
    ],
    [
      'standard relationships from the platform schema',
      'SELECT Owner.Profile.Name, CreatedBy.Contact.Account.Name FROM Account',
    ],
    [
      'semi-joins',
      'SELECT Id FROM Account WHERE Id IN (SELECT Customer_Account__c FROM Deal_Registration__c)',
    ],
    ['TYPEOF', 'SELECT TYPEOF What WHEN Account THEN Name, Partner_Tier__c END FROM Task'],
    ['custom metadata types', 'SELECT DeveloperName, MasterLabel FROM Engagement_Rule__mdt'],
    ['ALL ROWS and bound LIMIT', 'SELECT Id FROM Account ORDER BY Name LIMIT :b ALL ROWS'],
    [
      'functions',
      'SELECT CALENDAR_YEAR(CreatedDate) y, COUNT(Id) n FROM Deal_Registration__c GROUP BY CALENDAR_YEAR(CreatedDate)',
    ],
    [
      'FIELDS() and toLabel()',
      'SELECT FIELDS(STANDARD), toLabel(Status__c) FROM Deal_Registration__c LIMIT 200',
    ],
  ])('accepts %s', (_, soql) => {
    expect(problems(soql)).toEqual([]);
  });

  it.each([
    [
      'a field',
      'SELECT Statuz__c FROM Deal_Registration__c',
      'unknown field Statuz__c on Deal_Registration__c',
    ],
    ['an object', 'SELECT Id FROM Deal_Registraton__c', 'unknown object Deal_Registraton__c'],
    [
      'a path',
      'SELECT Partner_Acount__r.Name FROM Deal_Registration__c',
      'unknown relationship Partner_Acount__r on Deal_Registration__c (in Partner_Acount__r.Name)',
    ],
    [
      'a field in WHERE',
      'SELECT Id FROM Account WHERE Trellis_Name_Kye__c = :b',
      'unknown field Trellis_Name_Kye__c on Account',
    ],
    ['a field in ORDER BY', 'SELECT Id FROM Account ORDER BY Nmae', 'unknown field Nmae on Account'],
    [
      'a semi-join object',
      'SELECT Id FROM Account WHERE Id IN (SELECT AccountId FROM Oportunity)',
      'unknown object Oportunity',
    ],
    [
      'a TYPEOF field',
      'SELECT TYPEOF What WHEN Account THEN Nmae END FROM Task',
      'unknown field Nmae on Account',
    ],
    [
      'a field on a value',
      'SELECT Name.Length FROM Account',
      'Name on Account is not a lookup relationship (in Name.Length)',
    ],
  ])('reports %s', (_, soql, message) => {
    expect(problems(soql)).toEqual([message]);
  });
});

describe('queries built at run time', () => {
  const queries = (body: string): [string, boolean][] => {
    const source = `public class Q {\n  static final String FIELDS = 'Id, ' + 'Name';\n${body}\n}\n`;
    return findSoql(source, parseApex(source, 'Q.cls').tree).map((query) => [query.text, query.partial]);
  };

  it('evaluates string literals, + and the static final String constants of the file', () => {
    expect(queries("  void q() { Database.query('SELECT ' + FIELDS + ' FROM Account'); }")).toEqual([
      ['SELECT Id, Name FROM Account', false],
    ]);
  });

  it('stands in for computed parts by the clause they are in', () => {
    const body = [
      '  void q(String f, String w, String o, String v) {',
      "    Database.queryWithBinds('SELECT Id, ' + f + ' FROM Account WHERE ' + w + ' AND Name = \\'' + v + '\\' ORDER BY ' + o, null, AccessLevel.USER_MODE);",
      '  }',
    ].join('\n');
    expect(queries(body)).toEqual([
      ["SELECT Id, Id FROM Account WHERE Id != null AND Name = 'x' ORDER BY Id", true],
    ]);
  });

  it('leaves out queries whose object is computed', () => {
    expect(queries("  void q(String o) { Database.query('SELECT Id FROM ' + o); }")).toEqual([]);
  });
});
