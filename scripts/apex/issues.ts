/**
 * What every Apex check returns: one problem at one place in one file, and the walk over a
 * source tree that finds the files a check reads.
 */
import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** One problem a check found. */
export interface Issue {
  /** The check that found it: `parse`, `apex-ls`, `pmd` or `field-references`. */
  check: string;
  /** Path relative to the project root, with forward slashes. */
  file: string;
  /** 1-based; 0 when the problem concerns the whole file or the whole run. */
  line: number;
  /** 1-based; 0 when unknown. */
  column: number;
  message: string;
}

/** `file:line:column: [check] message`, the shape editors and terminals link to. */
export function formatIssue(issue: Issue): string {
  const place = issue.column > 0 ? `${issue.line}:${issue.column}` : `${issue.line}`;
  return `${issue.file}:${place}: [${issue.check}] ${issue.message}`;
}

/** Project-relative path with forward slashes, as reports and package.xml spell paths. */
export function projectPath(root: string, file: string): string {
  return relative(root, file).split(sep).join('/');
}

/** Every file under `dir` (absolute paths, sorted) whose name passes `accept`; none when `dir` is missing. */
export function walkFiles(dir: string, accept: (name: string) => boolean): string[] {
  const found: string[] = [];
  const visit = (current: string): void => {
    let entries;
    try {
      entries = readdirSync(current, { withFileTypes: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw error;
    }
    for (const entry of entries) {
      const path = join(current, entry.name);
      if (entry.isDirectory()) visit(path);
      else if (entry.isFile() && accept(entry.name)) found.push(path);
    }
  };
  visit(dir);
  return found.sort();
}

/** The Apex sources (`.cls`, `.trigger`) under a source directory. */
export function apexFiles(sourceDir: string): string[] {
  return walkFiles(sourceDir, (name) => name.endsWith('.cls') || name.endsWith('.trigger'));
}

/** 1-based line and column of a character offset in a text. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (
    let index = text.indexOf('\n');
    index !== -1 && index < offset;
    index = text.indexOf('\n', index + 1)
  ) {
    line += 1;
    lineStart = index + 1;
  }
  return { line, column: offset - lineStart + 1 };
}
