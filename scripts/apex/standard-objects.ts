/**
 * The standard objects and their fields, as Salesforce's Apex language server knows them: apex-ls
 * ships the platform's SObjects (API 65) as Java classes in `sobject-types-<version>.jar`, one
 * class per object (`com/nawforce/runforce/SObjects/Account.class`) with one public field per
 * SObject field. A field typed as another SObject is a lookup (`Owner` -> User); an array of one
 * is a child relationship (`Contacts` -> Contact[]).
 *
 * Reading them needs no Java: the jar is a zip (central directory, deflate) and a class file lists
 * its fields in its constant pool. Classes are read on demand, so a check that names ten standard
 * objects decompresses ten classes.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';

import { APEX_LS_JARS } from './apex-ls.ts';

const SOBJECTS_PACKAGE = 'com/nawforce/runforce/SObjects/';

/** A field of a standard object: a value, a lookup to `target`, or child records of `target`. */
export interface StandardField {
  name: string;
  kind: 'value' | 'lookup' | 'children';
  /** The related object for lookups and child relationships. */
  target: string | null;
}

interface ZipEntry {
  method: number;
  compressedSize: number;
  localHeader: number;
}

/** The entries of a zip file, by name, read from its central directory. */
function readZipDirectory(zip: Buffer): Map<string, ZipEntry> {
  const END_OF_DIRECTORY = 0x06054b50;
  let end = zip.length - 22;
  while (end >= 0 && zip.readUInt32LE(end) !== END_OF_DIRECTORY) end -= 1;
  if (end < 0) throw new Error('not a zip file: no end of central directory');
  const count = zip.readUInt16LE(end + 10);
  let offset = zip.readUInt32LE(end + 16);
  const entries = new Map<string, ZipEntry>();
  for (let index = 0; index < count; index += 1) {
    if (zip.readUInt32LE(offset) !== 0x02014b50) throw new Error('corrupt zip central directory');
    const nameLength = zip.readUInt16LE(offset + 28);
    const extraLength = zip.readUInt16LE(offset + 30);
    const commentLength = zip.readUInt16LE(offset + 32);
    const name = zip.toString('utf8', offset + 46, offset + 46 + nameLength);
    entries.set(name, {
      method: zip.readUInt16LE(offset + 10),
      compressedSize: zip.readUInt32LE(offset + 20),
      localHeader: zip.readUInt32LE(offset + 42),
    });
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

function readZipEntry(zip: Buffer, entry: ZipEntry): Buffer {
  const header = entry.localHeader;
  const start = header + 30 + zip.readUInt16LE(header + 26) + zip.readUInt16LE(header + 28);
  const data = zip.subarray(start, start + entry.compressedSize);
  if (entry.method === 0) return data;
  if (entry.method === 8) return inflateRawSync(data);
  throw new Error(`unsupported zip compression method ${entry.method}`);
}

/** Names and descriptors of the instance fields of a Java class file. */
export function classFields(bytes: Buffer): { name: string; descriptor: string }[] {
  if (bytes.readUInt32BE(0) !== 0xcafebabe) throw new Error('not a Java class file');
  const poolCount = bytes.readUInt16BE(8);
  const utf8: (string | undefined)[] = [];
  let offset = 10;
  for (let index = 1; index < poolCount; index += 1) {
    const tag = bytes.readUInt8(offset);
    offset += 1;
    switch (tag) {
      case 1: {
        const length = bytes.readUInt16BE(offset);
        utf8[index] = bytes.toString('utf8', offset + 2, offset + 2 + length);
        offset += 2 + length;
        break;
      }
      case 5:
      case 6: // long and double take two slots
        offset += 8;
        index += 1;
        break;
      case 7:
      case 8:
      case 16:
      case 19:
      case 20:
        offset += 2;
        break;
      case 15:
        offset += 3;
        break;
      case 3:
      case 4:
      case 9:
      case 10:
      case 11:
      case 12:
      case 17:
      case 18:
        offset += 4;
        break;
      default:
        throw new Error(`unknown constant pool tag ${tag}`);
    }
  }
  offset += 6; // access flags, this class, super class
  offset += 2 + 2 * bytes.readUInt16BE(offset); // interfaces
  const fieldCount = bytes.readUInt16BE(offset);
  offset += 2;
  const fields: { name: string; descriptor: string }[] = [];
  for (let index = 0; index < fieldCount; index += 1) {
    const access = bytes.readUInt16BE(offset);
    const name = utf8[bytes.readUInt16BE(offset + 2)] ?? '';
    const descriptor = utf8[bytes.readUInt16BE(offset + 4)] ?? '';
    let attributes = bytes.readUInt16BE(offset + 6);
    offset += 8;
    while (attributes > 0) {
      offset += 6 + bytes.readUInt32BE(offset + 2);
      attributes -= 1;
    }
    const ACC_STATIC = 0x0008;
    if ((access & ACC_STATIC) === 0) fields.push({ name, descriptor });
  }
  return fields;
}

function standardField(name: string, descriptor: string): StandardField {
  const match = /^(\[?)L(.*);$/.exec(descriptor);
  const type = match?.[2] ?? '';
  if (match && type.startsWith(SOBJECTS_PACKAGE)) {
    const target = type.slice(SOBJECTS_PACKAGE.length);
    return { name, kind: match[1] === '[' ? 'children' : 'lookup', target };
  }
  return { name, kind: 'value', target: null };
}

/** The standard objects of the sobject-types jar apex-ls runs with. */
export class StandardObjects {
  private readonly zip: Buffer;
  private readonly entries: Map<string, ZipEntry>;
  /** Lower-case name -> API name. */
  private readonly names = new Map<string, string>();
  private readonly fieldCache = new Map<string, Map<string, StandardField>>();

  constructor(jar: string = StandardObjects.defaultJar()) {
    this.zip = readFileSync(jar);
    this.entries = readZipDirectory(this.zip);
    for (const entry of this.entries.keys()) {
      if (!entry.startsWith(SOBJECTS_PACKAGE) || !entry.endsWith('.class') || entry.includes('$')) continue;
      const name = entry.slice(SOBJECTS_PACKAGE.length, -'.class'.length);
      if (!name.includes('/')) this.names.set(name.toLowerCase(), name);
    }
  }

  /** `sobject-types-*.jar` among apex-ls' jars. */
  static defaultJar(): string {
    const jar = readdirSync(APEX_LS_JARS).find((name) => /^sobject-types-.*\.jar$/.test(name));
    if (jar === undefined) throw new Error(`no sobject-types-*.jar in ${APEX_LS_JARS}`);
    return join(APEX_LS_JARS, jar);
  }

  /** The API name of a standard object, whatever the case it is written in; null when unknown. */
  objectName(name: string): string | null {
    return this.names.get(name.toLowerCase()) ?? null;
  }

  /** The fields of a standard object by lower-case name; null when the object is unknown. */
  fields(objectName: string): ReadonlyMap<string, StandardField> | null {
    const name = this.objectName(objectName);
    if (name === null) return null;
    let fields = this.fieldCache.get(name);
    if (fields === undefined) {
      const entry = this.entries.get(`${SOBJECTS_PACKAGE}${name}.class`);
      if (entry === undefined) return null;
      fields = new Map();
      for (const field of classFields(readZipEntry(this.zip, entry))) {
        fields.set(field.name.toLowerCase(), standardField(field.name, field.descriptor));
      }
      this.fieldCache.set(name, fields);
    }
    return fields;
  }
}
