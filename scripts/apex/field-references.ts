/**
 * Our reference checker: every object and field that the deployable source names must exist once
 * force-app is deployed (schema.ts). apex-ls checks Apex code but not inside SOQL, and nothing
 * checks metadata XML or LWC imports before a deploy; a misspelled name there fails the deploy, or
 * worse, a query at run time. Checked, each with its file and line:
 *
 * - SOQL in Apex (soql-references.ts): inline queries and the strings given to `Database.query`,
 *   and the custom field paths a class keeps in `static final List<String>` constants (each must
 *   be a field of one of the objects the class queries);
 * - LWC: `@salesforce/schema/Object[.Field]` imports, and `@salesforce/apex/Class.method` imports;
 * - permission sets: fieldPermissions (and that the field may carry field permissions at all:
 *   required and master-detail fields may not, formula fields are read-only), objectPermissions,
 *   classAccesses, customMetadataTypeAccesses, customPermissions;
 * - custom metadata records: the type and every field they set.
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';

import {
  ApexParserBaseListener,
  ApexParseTreeWalker,
  type ApexParseTree,
  type ClassBodyDeclarationContext,
  type MemberDeclarationContext,
  type MethodDeclarationContext,
} from '@apexdevtools/apex-parser';

import { apexFiles, lineAndColumn, projectPath, walkFiles, type Issue } from './issues.ts';
import { parseApex } from './parse.ts';
import { Schema } from './schema.ts';
import { checkSoql, fieldPathConstants, findSoql, queriedObjects, sourceOffset } from './soql-references.ts';

/** Lower-case names of the `@AuraEnabled` static methods of a parsed class. */
function auraEnabledMethods(tree: ApexParseTree): Set<string> {
  const names = new Set<string>();
  const listener = new (class extends ApexParserBaseListener {
    enterClassBodyDeclaration = (ctx: ClassBodyDeclarationContext): void => {
      const member = ctx.memberDeclaration() as MemberDeclarationContext | null;
      const method = member?.methodDeclaration() as MethodDeclarationContext | null | undefined;
      if (method === null || method === undefined) return;
      const modifiers = ctx.modifier_list().map((modifier) => modifier.getText().toLowerCase());
      if (modifiers.includes('static') && modifiers.some((modifier) => modifier.startsWith('@auraenabled'))) {
        names.add(method.id().getText().toLowerCase());
      }
    };
  })();
  ApexParseTreeWalker.DEFAULT.walk(listener, tree);
  return names;
}

/** A name found at an offset of a file, with the problem it has. */
interface Finding {
  offset: number;
  message: string;
}

/** Every `<tag>value</tag>` inside each `<block>...</block>` of an XML text, with the value's offset. */
function xmlValues(text: string, block: string, tag: string): { value: string; offset: number }[] {
  const values: { value: string; offset: number }[] = [];
  const blocks = new RegExp(`<${block}>([\\s\\S]*?)</${block}>`, 'g');
  for (const match of text.matchAll(blocks)) {
    const body = match[1] ?? '';
    const bodyOffset = match.index + match[0].indexOf(body);
    for (const inner of body.matchAll(new RegExp(`<${tag}>\\s*([^<]*?)\\s*</${tag}>`, 'g'))) {
      const value = inner[1] ?? '';
      values.push({ value, offset: bodyOffset + inner.index + inner[0].indexOf(value) });
    }
  }
  return values;
}

/** Whether `<tag>true</tag>` appears in the block around `offset`. */
function blockFlag(text: string, offset: number, block: string, tag: string): boolean {
  const start = text.lastIndexOf(`<${block}>`, offset);
  const end = text.indexOf(`</${block}>`, offset);
  if (start === -1 || end === -1) return false;
  return new RegExp(`<${tag}>\\s*true\\s*</${tag}>`).test(text.slice(start, end));
}

export class FieldReferenceChecker {
  private readonly root: string;
  private readonly sourceDir: string;
  readonly schema: Schema;

  constructor(root: string, sourceDir: string, schema: Schema = new Schema(sourceDir)) {
    this.root = root;
    this.sourceDir = sourceDir;
    this.schema = schema;
  }

  /** All checks over `sourceDir`. */
  check(): Issue[] {
    return [
      ...apexFiles(this.sourceDir).flatMap((file) => this.checkApex(file)),
      ...this.lwcFiles().flatMap((file) => this.checkLwc(file)),
      ...walkFiles(this.sourceDir, (name) => name.endsWith('.permissionset-meta.xml')).flatMap((file) =>
        this.checkPermissionSet(file),
      ),
      ...walkFiles(this.sourceDir, (name) => name.endsWith('.md-meta.xml')).flatMap((file) =>
        this.checkCustomMetadataRecord(file),
      ),
    ];
  }

  private issues(file: string, text: string, findings: Finding[]): Issue[] {
    return findings.map((finding) => ({
      check: 'field-references',
      file: projectPath(this.root, file),
      ...lineAndColumn(text, finding.offset),
      message: finding.message,
    }));
  }

  /** SOQL in one Apex class or trigger. Syntax errors are parse.ts's to report. */
  checkApex(file: string): Issue[] {
    const source = readFileSync(file, 'utf8');
    const { tree } = parseApex(source, file);
    const queries = findSoql(source, tree);
    const findings = queries.flatMap((query) =>
      checkSoql(this.schema, query.text, query.partial).map((problem) => ({
        offset: sourceOffset(query, problem.offset),
        message: problem.message,
      })),
    );
    // Field lists kept in constants: each path must be a field of an object the file queries.
    const objects = [...new Set(queries.flatMap(queriedObjects))].flatMap(
      (name) => this.schema.objectName(name) ?? [],
    );
    if (objects.length > 0) {
      for (const { path, offset } of fieldPathConstants(source, tree)) {
        if (objects.some((object) => this.schema.resolvePath(object, path.split('.')) === null)) continue;
        const where =
          objects.length === 1 ? (objects[0] ?? '') : `any object the class queries (${objects.join(', ')})`;
        findings.push({ offset, message: `${path}, in a field-list constant, is not a field of ${where}` });
      }
    }
    return this.issues(file, source, findings);
  }

  private lwcFiles(): string[] {
    return walkFiles(this.sourceDir, (name) => name.endsWith('.js')).filter((file) => {
      const path = projectPath(this.sourceDir, file);
      return /(^|\/)lwc\//.test(path) && !path.includes('/__tests__/');
    });
  }

  /** `@salesforce/schema/...` and `@salesforce/apex/...` imports of one LWC module. */
  checkLwc(file: string): Issue[] {
    const text = readFileSync(file, 'utf8');
    const findings: Finding[] = [];
    for (const match of text.matchAll(/['"]@salesforce\/(schema|apex)\/([^'"]*)['"]/g)) {
      const [first = '', ...rest] = (match[2] ?? '').split('.');
      const problem =
        match[1] === 'schema'
          ? this.schemaImportProblem(first, rest)
          : this.apexImportProblem(first, rest.join('.'));
      if (problem !== null) {
        findings.push({ offset: match.index + match[0].indexOf('@'), message: `${match[0]}: ${problem}` });
      }
    }
    return this.issues(file, text, findings);
  }

  private schemaImportProblem(object: string, path: string[]): string | null {
    if (path.length > 0) return this.schema.resolvePath(object, path);
    return this.schema.objectName(object) === null ? `unknown object ${object}` : null;
  }

  private apexClassFile(className: string): string | null {
    const wanted = `${className.toLowerCase()}.cls`;
    return walkFiles(this.sourceDir, (name) => name.toLowerCase() === wanted)[0] ?? null;
  }

  /** An LWC imports `@AuraEnabled` static methods of a class in force-app. */
  private apexImportProblem(className: string, method: string): string | null {
    const file = this.apexClassFile(className);
    if (file === null) return `no Apex class ${className} in force-app`;
    if (method === '') return null;
    const methods = auraEnabledMethods(parseApex(readFileSync(file, 'utf8'), file).tree);
    return methods.has(method.toLowerCase())
      ? null
      : `no @AuraEnabled static method ${method} in Apex class ${className}`;
  }

  /** Field, object, class, custom metadata and custom permission grants of one permission set. */
  checkPermissionSet(file: string): Issue[] {
    const text = readFileSync(file, 'utf8');
    const findings: Finding[] = [];
    for (const { value, offset } of xmlValues(text, 'fieldPermissions', 'field')) {
      const [object = '', field = ''] = value.split('.');
      const problem = this.schema.resolvePath(object, [field]);
      if (problem !== null) {
        findings.push({ offset, message: `field permission on ${value}: ${problem}` });
        continue;
      }
      const notPermissionable = this.schema.fieldPermissionProblem(object, field);
      if (notPermissionable !== null) {
        findings.push({ offset, message: `field permission on ${value}, ${notPermissionable}` });
        continue;
      }
      const source = this.schema.field(object, field)?.source ?? null;
      const computed = source !== null && (source.formula || source.type === 'Summary');
      if (computed && blockFlag(text, offset, 'fieldPermissions', 'editable')) {
        findings.push({
          offset,
          message: `field permission on ${value}: a formula or roll-up field cannot be editable`,
        });
      }
    }
    for (const { value, offset } of xmlValues(text, 'objectPermissions', 'object')) {
      if (this.schema.objectName(value) === null) {
        findings.push({ offset, message: `object permission on ${value}: unknown object ${value}` });
      } else if (value.toLowerCase().endsWith('__mdt')) {
        findings.push({
          offset,
          message: `object permission on ${value}: custom metadata types are granted with <customMetadataTypeAccesses>`,
        });
      }
    }
    for (const { value, offset } of xmlValues(text, 'customMetadataTypeAccesses', 'name')) {
      if (!value.toLowerCase().endsWith('__mdt') || this.schema.objectName(value) === null) {
        findings.push({
          offset,
          message: `custom metadata type access to ${value}: no such custom metadata type`,
        });
      }
    }
    for (const { value, offset } of xmlValues(text, 'classAccesses', 'apexClass')) {
      if (this.apexClassFile(value) === null) {
        findings.push({ offset, message: `class access to ${value}: no Apex class ${value} in force-app` });
      }
    }
    for (const { value, offset } of xmlValues(text, 'customPermissions', 'name')) {
      const wanted = `${value.toLowerCase()}.custompermission-meta.xml`;
      if (walkFiles(this.sourceDir, (name) => name.toLowerCase() === wanted).length === 0) {
        findings.push({ offset, message: `custom permission ${value}: not defined in force-app` });
      }
    }
    return this.issues(file, text, findings);
  }

  /** `customMetadata/<Type>.<Record>.md-meta.xml`: the type exists and has every field the record sets. */
  checkCustomMetadataRecord(file: string): Issue[] {
    const text = readFileSync(file, 'utf8');
    const typeName = `${basename(file).split('.')[0] ?? ''}__mdt`;
    if (this.schema.objectName(typeName) === null) {
      return this.issues(file, text, [
        { offset: 0, message: `record of an unknown custom metadata type ${typeName}` },
      ]);
    }
    const findings: Finding[] = [];
    for (const { value, offset } of xmlValues(text, 'values', 'field')) {
      const problem = this.schema.resolvePath(typeName, [value]);
      if (problem !== null) findings.push({ offset, message: problem });
    }
    return this.issues(file, text, findings);
  }
}

/** Checks the references under `sourceDir` (force-app) of the project at `root`. */
export function checkFieldReferences(root: string, sourceDir: string = join(root, 'force-app')): Issue[] {
  if (!existsSync(sourceDir)) return [];
  return new FieldReferenceChecker(root, sourceDir).check();
}
