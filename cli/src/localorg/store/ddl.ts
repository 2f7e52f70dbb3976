/**
 * Creates the tables of the storage convention (`schema/types.ts`) from the org
 * schema, and adds the columns a newer force-app brings to an existing data dir,
 * so that data survives a schema change.
 */
import { TEXT_TYPES } from '../schema/model.ts';
import type { FieldSchema, OrgSchema, SObjectSchema } from '../schema/types.ts';
import type { Database } from './sqlite.ts';

export const quote = (identifier: string): string => `"${identifier.replace(/"/g, '""')}"`;

function columnType(field: FieldSchema): string {
  if (field.type === 'boolean' || field.type === 'int') return 'INTEGER';
  if (TEXT_TYPES.has(field.type) || field.type === 'date' || field.type === 'datetime') {
    // Ids, dates and datetimes compare exactly; everything a person types compares case-insensitively, as SOQL does.
    return field.type === 'id' ||
      field.type === 'reference' ||
      field.type === 'date' ||
      field.type === 'datetime'
      ? 'TEXT'
      : 'TEXT COLLATE NOCASE';
  }
  return 'REAL';
}

function columnDefinition(field: FieldSchema): string {
  if (field.name === 'Id') return `"Id" TEXT PRIMARY KEY`;
  const notNull = field.type === 'boolean' ? ' NOT NULL DEFAULT 0' : '';
  return `${quote(field.name)} ${columnType(field)}${notNull}`;
}

function indexStatements(object: SObjectSchema): string[] {
  const table = quote(object.name);
  const statements: string[] = [];
  for (const field of object.fields) {
    const indexed =
      field.type === 'reference' ||
      field.externalId ||
      field.unique ||
      field.name === 'SystemModstamp' ||
      field.name === 'Name';
    if (!indexed || field.name === 'Id') continue;
    const name = quote(`${object.name}_${field.name}_idx`);
    statements.push(`CREATE INDEX IF NOT EXISTS ${name} ON ${table} (${quote(field.name)})`);
  }
  return statements;
}

export function createTables(db: Database, schema: OrgSchema): void {
  db.exec(
    'CREATE TABLE IF NOT EXISTS "_trellis_counters" ("name" TEXT PRIMARY KEY, "next" INTEGER NOT NULL)',
  );
  for (const object of schema.objects) {
    const table = quote(object.name);
    db.exec(`CREATE TABLE IF NOT EXISTS ${table} (${object.fields.map(columnDefinition).join(', ')})`);
    const existing = new Set(
      (db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((column) => column.name),
    );
    for (const field of object.fields) {
      if (!existing.has(field.name)) db.exec(`ALTER TABLE ${table} ADD COLUMN ${columnDefinition(field)}`);
    }
    for (const statement of indexStatements(object)) db.exec(statement);
  }
}
