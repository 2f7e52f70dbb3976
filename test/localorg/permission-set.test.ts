/**
 * The local org grants partner users what the Trellis_Partner permission set of force-app grants:
 * these tests hold the reader and the partner schema to the XML, the way a deploy would read it.
 */
import { buildOrgSchema } from '../../cli/src/localorg/schema/build.ts';
import { partnerSchema } from '../../cli/src/localorg/sharing/partner-schema.ts';
import { parsePermissionSet, readPermissionSet } from '../../cli/src/localorg/sharing/permission-set.ts';
import { PROJECT_ROOT } from '../helpers/cli.ts';

const xml = (body: string): string =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<PermissionSet xmlns="http://soap.sforce.com/2006/04/metadata">\n${body}\n</PermissionSet>\n`;

const objectPermission = (object: string, read: boolean, create = false): string =>
  `<objectPermissions><allowCreate>${create}</allowCreate><allowDelete>false</allowDelete><allowEdit>false</allowEdit><allowRead>${read}</allowRead><object>${object}</object></objectPermissions>`;

const fieldPermission = (field: string, readable: boolean, editable: boolean): string =>
  `<fieldPermissions><editable>${editable}</editable><field>${field}</field><readable>${readable}</readable></fieldPermissions>`;

describe('the partner permission set', () => {
  test('is read from force-app: the rule trace is the one registration field a partner may never read', async () => {
    const granted = await readPermissionSet(PROJECT_ROOT, 'Trellis_Partner');
    expect(granted.objects.get('Deal_Registration__c')).toMatchObject({ read: true, create: true });
    expect(granted.fields.get('Deal_Registration__c.Conflict_Details__c')).toEqual({
      readable: false,
      editable: false,
    });
  });

  test('decides which objects and fields the partner schema has, and which it may write', async () => {
    const full = await buildOrgSchema(PROJECT_ROOT);
    const view = partnerSchema(
      full,
      parsePermissionSet(
        'inline.xml',
        'inline.xml',
        xml(
          [
            objectPermission('Deal_Registration__c', true, true),
            fieldPermission('Deal_Registration__c.Product_Family__c', true, true),
            fieldPermission('Deal_Registration__c.Conflict_Summary__c', true, false),
          ].join('\n'),
        ),
        'Inline',
      ),
    );
    expect(view.object('Opportunity')).toBeUndefined();
    expect(view.object('Contact')).toBeDefined();
    expect(view.field('Deal_Registration__c', 'Product_Family__c')).toMatchObject({ createable: true });
    expect(view.field('Deal_Registration__c', 'Conflict_Summary__c')).toMatchObject({ createable: false });
    // Not granted: hidden. Required (not permissionable): comes with the object.
    expect(view.field('Deal_Registration__c', 'Estimated_Amount__c')).toBeUndefined();
    expect(view.field('Deal_Registration__c', 'Customer_Name__c')).toMatchObject({ createable: true });
    // A lookup to an object the partner cannot read goes with it.
    expect(view.field('Deal_Registration__c', 'Opportunity__c')).toBeUndefined();
    expect(view.field('Deal_Registration__c', 'OwnerId')).toMatchObject({ createable: false });
  });

  test('a malformed permission set names the file and the line', () => {
    expect(() =>
      parsePermissionSet(
        '/p/Trellis_Partner.permissionset-meta.xml',
        'force-app/x.xml',
        xml('<objectPermissions>'),
        'X',
      ),
    ).toThrow(/force-app\/x\.xml.*line 3/s);
  });
});
