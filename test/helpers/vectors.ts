/** Reads a test-vector file of test/vectors (plain JSON shared with the Apex tests). */
import { readFileSync } from 'node:fs';

export function readVectors<T>(name: string): T {
  return JSON.parse(readFileSync(new URL(`../vectors/${name}`, import.meta.url), 'utf8')) as T;
}

/** Every vector case carries a unique id and a description of why it matters. */
export interface VectorCase {
  id: string;
  description: string;
}

export const caseTitle = (vector: VectorCase): string => `${vector.id}: ${vector.description}`;
