/**
 * source-deploy-retrieve (the library behind `sf project deploy`) resolves force-app and converts
 * it into a Metadata API package without errors, and the package's package.xml lists every
 * component that force-app holds, by our own walk of its files. SDR runs in a child process
 * (test/fixtures/scripts/convert-source.ts): @salesforce/core breaks inside jest's module realm.
 */
import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';

import { XMLParser } from 'fast-xml-parser';

import { apexFiles, walkFiles } from '../../scripts/apex/issues.ts';
import { APEX_FIXTURE_SOURCE, FORCE_APP } from '../helpers/apex.ts';
import { runScript } from '../helpers/scripts.ts';

/** Metadata types by the suffix of their `-meta.xml` files; child types are named `<Object>.<name>`. */
const TYPES: Readonly<Record<string, { type: string; child?: true }>> = {
  object: { type: 'CustomObject' },
  field: { type: 'CustomField', child: true },
  validationRule: { type: 'ValidationRule', child: true },
  listView: { type: 'ListView', child: true },
  recordType: { type: 'RecordType', child: true },
  compactLayout: { type: 'CompactLayout', child: true },
  fieldSet: { type: 'FieldSet', child: true },
  webLink: { type: 'WebLink', child: true },
  permissionset: { type: 'PermissionSet' },
  permissionsetgroup: { type: 'PermissionSetGroup' },
  md: { type: 'CustomMetadata' },
  customPermission: { type: 'CustomPermission' },
  resource: { type: 'StaticResource' },
  tab: { type: 'CustomTab' },
  layout: { type: 'Layout' },
  flexipage: { type: 'FlexiPage' },
  app: { type: 'CustomApplication' },
  page: { type: 'ApexPage' },
  component: { type: 'ApexComponent' },
  messageChannel: { type: 'LightningMessageChannel' },
  flow: { type: 'Flow' },
};

/**
 * `Type:member` of every component under force-app, from file names alone. Apex counts by its
 * source files (SDR leaves out a class whose -meta.xml is missing), LWC by its bundle folders.
 */
function componentsInSource(sourceDir: string): string[] {
  const apex = apexFiles(sourceDir).map((file) => {
    const [, member = '', suffix = ''] = /^(.*)\.(cls|trigger)$/.exec(basename(file)) ?? [];
    return `${suffix === 'cls' ? 'ApexClass' : 'ApexTrigger'}:${member}`;
  });
  const lwc = walkFiles(sourceDir, () => true)
    .map((file) => /\/lwc\/([^/]+)\//.exec(file)?.[1])
    .filter((bundle) => bundle !== undefined)
    .map((bundle) => `LightningComponentBundle:${bundle}`);
  const isOther = (name: string): boolean =>
    name.endsWith('-meta.xml') && !/\.(cls|trigger|js)-meta\.xml$/.test(name);
  const other = walkFiles(sourceDir, isOther).map((file) => {
    const name = basename(file);
    const parts = /^(.*)\.([A-Za-z]+)-meta\.xml$/.exec(name);
    if (!parts) throw new Error(`${file}: not a metadata file name`);
    const [, member = '', suffix = ''] = parts;
    const folder = basename(join(file, '..'));
    if (suffix === 'js' && basename(join(file, '../..')) === 'lwc')
      return `LightningComponentBundle:${folder}`;
    const kind = TYPES[suffix];
    if (kind === undefined) throw new Error(`${file}: add its metadata type to this test`);
    const object = basename(join(file, '../..'));
    return `${kind.type}:${kind.child ? `${object}.${member}` : member}`;
  });
  return [...new Set([...apex, ...lwc, ...other])].sort();
}

/** `Type:member` of every member of a package.xml. */
function componentsInPackage(xml: string): string[] {
  const parsed = new XMLParser({ isArray: (name) => name === 'types' || name === 'members' }).parse(xml) as {
    Package: { types: { name: string; members: string[] }[] };
  };
  return parsed.Package.types.flatMap((t) => t.members.map((member) => `${t.name}:${member}`)).sort();
}

type Conversion = { error?: string; packagePath: string; packageXml: string };

describe('Metadata API package', () => {
  const output = mkdtempSync(join(tmpdir(), 'trellis-package-'));
  let forceApp: Conversion;
  let fixture: Conversion;
  let fixtureWithoutMeta: Conversion;

  beforeAll(async () => {
    // The fixture project holds an LWC bundle, custom metadata and a permission set; a copy of
    // it loses one class's -meta.xml, which SDR then silently leaves out of the package.
    const broken = join(output, 'broken-source');
    cpSync(APEX_FIXTURE_SOURCE, broken, { recursive: true });
    rmSync(join(broken, 'main/default/classes/WidgetService.cls-meta.xml'));
    const convert = (source: string, name: string): Promise<Conversion> =>
      runScript('convert-source.ts', [source, join(output, name)], {}) as Promise<Conversion>;
    forceApp = await convert(FORCE_APP, 'force-app');
    fixture = await convert(APEX_FIXTURE_SOURCE, 'fixture');
    fixtureWithoutMeta = await convert(broken, 'broken');
  }, 60_000);
  afterAll(() => {
    rmSync(output, { recursive: true, force: true });
  });

  it('converts force-app without errors', () => {
    expect(forceApp.error).toBeUndefined();
    expect(readdirSync(forceApp.packagePath)).toContain('package.xml');
  });

  it('lists every component of force-app in package.xml', () => {
    const inSource = componentsInSource(FORCE_APP);
    expect(inSource.length).toBeGreaterThan(0);
    expect(componentsInPackage(forceApp.packageXml)).toEqual(inSource);
  });

  it('lists every kind of component the fixture project holds', () => {
    expect(fixture.error).toBeUndefined();
    const inSource = componentsInSource(APEX_FIXTURE_SOURCE);
    expect(inSource).toEqual(
      expect.arrayContaining([
        'ApexClass:WidgetQueries',
        'CustomField:Widget__c.Size__c',
        'CustomMetadata:Gadget_Setting.Default',
        'LightningComponentBundle:widgetCard',
        'PermissionSet:Widget_User',
      ]),
    );
    expect(componentsInPackage(fixture.packageXml)).toEqual(inSource);
  });

  it('fails when a class would be left out of the package (no -meta.xml)', () => {
    const inSource = componentsInSource(join(output, 'broken-source'));
    expect(inSource).toContain('ApexClass:WidgetService');
    expect(componentsInPackage(fixtureWithoutMeta.packageXml)).not.toContain('ApexClass:WidgetService');
  });
});
