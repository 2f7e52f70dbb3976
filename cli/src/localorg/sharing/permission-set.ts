/**
 * Reads a permission set of the project's force-app (`Trellis_Partner`), so that the local org
 * grants partner users exactly what the deployed permission set grants them in a real org: the
 * two never drift, and a change to the permission set is a change to what partners see here.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { displayPath, MetadataFile } from '../schema/metadata.ts';

export interface ObjectPermissions {
  create: boolean;
  read: boolean;
  edit: boolean;
  delete: boolean;
}

export interface FieldPermissions {
  readable: boolean;
  editable: boolean;
}

export interface PermissionSet {
  name: string;
  /** By object API name. */
  objects: ReadonlyMap<string, ObjectPermissions>;
  /** By `Object.Field`. */
  fields: ReadonlyMap<string, FieldPermissions>;
}

export const PERMISSION_SETS_DIR = join('force-app', 'main', 'default', 'permissionsets');

export function parsePermissionSet(file: string, display: string, xml: string, name: string): PermissionSet {
  const source = new MetadataFile(file, display, xml, 'PermissionSet');
  const objects = new Map<string, ObjectPermissions>();
  for (const node of source.children(source.root, 'objectPermissions')) {
    objects.set(source.requiredText(node, 'object', 'objectPermissions.object'), {
      create: source.bool(node, 'allowCreate', false),
      read: source.bool(node, 'allowRead', false),
      edit: source.bool(node, 'allowEdit', false),
      delete: source.bool(node, 'allowDelete', false),
    });
  }
  const fields = new Map<string, FieldPermissions>();
  for (const node of source.children(source.root, 'fieldPermissions')) {
    fields.set(source.requiredText(node, 'field', 'fieldPermissions.field'), {
      readable: source.bool(node, 'readable', false),
      editable: source.bool(node, 'editable', false),
    });
  }
  return { name, objects, fields };
}

/** The permission set `name` of the project, or an empty one when the project has none by that name. */
export async function readPermissionSet(projectDir: string, name: string): Promise<PermissionSet> {
  const file = join(projectDir, PERMISSION_SETS_DIR, `${name}.permissionset-meta.xml`);
  let xml: string;
  try {
    xml = await readFile(file, 'utf8');
  } catch {
    return { name, objects: new Map(), fields: new Map() };
  }
  return parsePermissionSet(file, displayPath(projectDir, file), xml, name);
}
