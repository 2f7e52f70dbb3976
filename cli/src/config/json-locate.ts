/**
 * Finds where a value sits in JSON text, so that a config error can say
 * "line 42" as well as `$.rules[3].maxAmount`. JSON.parse keeps no positions,
 * hence this small scanner; it runs only after parsing succeeded, on valid JSON.
 */
export interface TextPosition {
  line: number;
  column: number;
}

export type JsonPath = readonly (string | number)[];

/** The 1-based line and column where the value at `path` starts, or the deepest parent found. */
export function locateJsonPath(text: string, path: JsonPath): TextPosition {
  const scanner = new Scanner(text);
  let offset = scanner.skipSpace(0);
  for (const segment of path) {
    const child = scanner.findChild(offset, segment);
    if (child === undefined) break;
    offset = child;
  }
  return positionOf(text, offset);
}

export function positionOf(text: string, offset: number): TextPosition {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

class Scanner {
  private readonly text: string;

  constructor(text: string) {
    this.text = text;
  }

  skipSpace(offset: number): number {
    let i = offset;
    while (i < this.text.length && /\s/.test(this.text.charAt(i))) i++;
    return i;
  }

  /** Offset of the value of `segment` inside the object or array starting at `offset`. */
  findChild(offset: number, segment: string | number): number | undefined {
    const open = this.text.charAt(offset);
    if (open === '{' && typeof segment === 'string') return this.findMember(offset, segment);
    if (open === '[' && typeof segment === 'number') return this.findElement(offset, segment);
    return undefined;
  }

  private findMember(offset: number, key: string): number | undefined {
    let i = this.skipSpace(offset + 1);
    while (this.text.charAt(i) === '"') {
      const keyEnd = this.endOfString(i);
      const name = JSON.parse(this.text.slice(i, keyEnd)) as string;
      const valueStart = this.skipSpace(this.skipSpace(keyEnd) + 1);
      if (name === key) return valueStart;
      i = this.skipSpace(this.endOfValue(valueStart));
      if (this.text.charAt(i) !== ',') return undefined;
      i = this.skipSpace(i + 1);
    }
    return undefined;
  }

  private findElement(offset: number, index: number): number | undefined {
    let i = this.skipSpace(offset + 1);
    for (let n = 0; i < this.text.length && this.text.charAt(i) !== ']'; n++) {
      if (n === index) return i;
      i = this.skipSpace(this.endOfValue(i));
      if (this.text.charAt(i) !== ',') return undefined;
      i = this.skipSpace(i + 1);
    }
    return undefined;
  }

  private endOfString(offset: number): number {
    let i = offset + 1;
    while (i < this.text.length && this.text.charAt(i) !== '"') i += this.text.charAt(i) === '\\' ? 2 : 1;
    return i + 1;
  }

  private endOfValue(offset: number): number {
    const first = this.text.charAt(offset);
    if (first === '"') return this.endOfString(offset);
    if (first === '{' || first === '[') {
      let depth = 0;
      let i = offset;
      while (i < this.text.length) {
        const c = this.text.charAt(i);
        if (c === '"') {
          i = this.endOfString(i);
          continue;
        }
        if (c === '{' || c === '[') depth++;
        if (c === '}' || c === ']') depth--;
        i++;
        if (depth === 0) return i;
      }
      return i;
    }
    let i = offset;
    while (i < this.text.length && !/[\s,\]}]/.test(this.text.charAt(i))) i++;
    return i;
  }
}
