/**
 * A hash table from 32-bit key hashes to lists of record numbers, stored as two
 * typed arrays (compressed sparse rows). For a million records it takes a few
 * megabytes where a Map of strings to arrays takes hundreds, and it is built in
 * two linear passes. Different keys may share a bucket: callers verify every
 * candidate by scoring it, so a collision costs a comparison, never a wrong match.
 */

export class BucketTableBuilder {
  private hashes: Int32Array;
  private records: Int32Array;
  private count = 0;

  /** `expected` entries are stored without growing: a good guess saves copies and garbage. */
  constructor(expected = 1024) {
    this.hashes = new Int32Array(Math.max(16, expected));
    this.records = new Int32Array(Math.max(16, expected));
  }

  add(hash: number, record: number): void {
    if (this.count === this.hashes.length) {
      const grownHashes = new Int32Array(this.hashes.length * 2);
      grownHashes.set(this.hashes);
      this.hashes = grownHashes;
      const grownRecords = new Int32Array(this.records.length * 2);
      grownRecords.set(this.records);
      this.records = grownRecords;
    }
    this.hashes[this.count] = hash;
    this.records[this.count] = record;
    this.count++;
  }

  build(): BucketTable {
    // About one bucket per entry keeps chains short; a power of two makes the mask cheap.
    let size = 16;
    while (size < this.count) size *= 2;
    const mask = size - 1;
    const offsets = new Uint32Array(size + 1);
    for (let i = 0; i < this.count; i++) {
      const slot = ((this.hashes[i] ?? 0) & mask) + 1;
      offsets[slot] = (offsets[slot] ?? 0) + 1;
    }
    for (let b = 0; b < size; b++) offsets[b + 1] = (offsets[b + 1] ?? 0) + (offsets[b] ?? 0);
    const fill = offsets.slice(0, size);
    const items = new Int32Array(this.count);
    for (let i = 0; i < this.count; i++) {
      const bucket = (this.hashes[i] ?? 0) & mask;
      items[fill[bucket] ?? 0] = this.records[i] ?? 0;
      fill[bucket] = (fill[bucket] ?? 0) + 1;
    }
    return new BucketTable(offsets, items, mask);
  }
}

export class BucketTable {
  readonly offsets: Uint32Array;
  readonly items: Int32Array;
  private readonly mask: number;

  constructor(offsets: Uint32Array, items: Int32Array, mask: number) {
    this.offsets = offsets;
    this.items = items;
    this.mask = mask;
  }

  /** Calls `visit` with every record filed under the bucket of `hash`. */
  forEach(hash: number, visit: (record: number) => void): void {
    const bucket = hash & this.mask;
    const end = this.offsets[bucket + 1] ?? 0;
    for (let i = this.offsets[bucket] ?? 0; i < end; i++) visit(this.items[i] ?? 0);
  }

  get byteLength(): number {
    return this.offsets.byteLength + this.items.byteLength;
  }
}

/** FNV-1a over UTF-16 code units, with a seed so that key families do not collide systematically. */
export function hashString(text: string, seed: number): number {
  let hash = (0x811c9dc5 ^ seed) | 0;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash;
}

/** hashString of the words written together, without building that string. */
export function hashJoined(words: readonly string[], seed: number): number {
  let hash = (0x811c9dc5 ^ seed) | 0;
  for (const word of words) {
    for (let i = 0; i < word.length; i++) {
      hash ^= word.charCodeAt(i);
      hash = Math.imul(hash, 0x01000193);
    }
  }
  return hash;
}

/** hashString of the words' first letters ("international business machines" -> "ibm"). */
export function hashInitials(words: readonly string[], seed: number): number {
  let hash = (0x811c9dc5 ^ seed) | 0;
  for (const word of words) {
    hash ^= word.charCodeAt(0);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash;
}

/** Order-independent hash of two token ids (word order is noise, not evidence). */
export function hashPair(a: number, b: number): number {
  const low = a < b ? a : b;
  const high = a < b ? b : a;
  let hash = Math.imul(low ^ 0x9e3779b9, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash ^ high, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return hash;
}
