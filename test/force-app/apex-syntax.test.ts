/**
 * Every Apex class and trigger in force-app parses with @apexdevtools/apex-parser (the grammar
 * apex-ls and PMD build on); a syntax error is reported with its file, line and column.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { apexFiles } from '../../scripts/apex/issues.ts';
import { checkSyntax, parseApex } from '../../scripts/apex/parse.ts';
import { FORCE_APP, PROJECT_ROOT, issueLines } from '../helpers/apex.ts';

describe('Apex syntax', () => {
  it('finds the classes and triggers of force-app', () => {
    const files = apexFiles(FORCE_APP).map((file) => file.slice(FORCE_APP.length + 1));
    expect(files.filter((file) => file.endsWith('.cls')).length).toBeGreaterThan(0);
    expect(files.filter((file) => file.endsWith('.trigger')).length).toBeGreaterThan(0);
  });

  it('parses every .cls and .trigger in force-app', () => {
    expect(issueLines(checkSyntax(PROJECT_ROOT, FORCE_APP))).toEqual([]);
  });

  it('parses a trigger as a trigger and a class as a class', () => {
    const trigger = 'trigger WidgetTrigger on Widget__c (before insert) { WidgetHandler.run(); }';
    expect(parseApex(trigger, 'WidgetTrigger.trigger').errors).toEqual([]);
    expect(parseApex(trigger, 'WidgetTrigger.cls').errors).not.toEqual([]);
  });

  it('reports a syntax error with file, line and column', () => {
    const dir = mkdtempSync(join(tmpdir(), 'trellis-apex-syntax-'));
    try {
      const source =
        'public class Broken {\n  public Integer size() {\n    return 1;\n  }\n  Integer x = ;\n}\n';
      writeFileSync(join(dir, 'Broken.cls'), source);
      writeFileSync(join(dir, 'Fine.cls'), 'public class Fine {}\n');
      const issues = checkSyntax(dir, dir);
      expect(issues.map((issue) => `${issue.file}:${issue.line}:${issue.column}`)).toEqual([
        'Broken.cls:5:15',
      ]);
      expect(issues[0]?.message).toMatch(/^mismatched input ';' expecting/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
