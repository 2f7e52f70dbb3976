/** Reads a test-vector file of test/vectors (plain JSON shared with the Apex tests). */
import { readFileSync } from 'node:fs';

/** The parsed file; the caller states the shape it expects, and its tests check it. */
export function readVectors(name: string): unknown {
  return JSON.parse(readFileSync(new URL(`../vectors/${name}`, import.meta.url), 'utf8'));
}

/** Every vector case carries a unique id and a description of why it matters. */
export interface VectorCase {
  id: string;
  description: string;
}

export const caseTitle = (vector: VectorCase): string => `${vector.id}: ${vector.description}`;
