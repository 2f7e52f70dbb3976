/**
 * 52-bit string hashes and a set of them, for the uniqueness checks over a million
 * names and domains.
 *
 * A Set<string> of a million keys and a million domains costs well over 100 MB and most
 * of the generation time. Two different strings share a 52-bit hash with a probability
 * of about 1 in 4.5 * 10^15 per pair, and then the only effect is that the generator
 * rejects a name or domain that was in fact free, which costs nothing: no uniqueness
 * guarantee depends on has() answering false.
 */

const TWO_POW_20 = 1 << 20;
const TWO_POW_52 = 2 ** 52;

/** A 52-bit hash of `text` followed by `suffix` (without building that string), as a safe integer. */
export function hashString(text: string, suffix = ''): number {
  let a = HASH_SEED_A;
  let b = HASH_SEED_B;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    a = Math.imul(a ^ code, 0x01000193);
    b = Math.imul(b ^ code, 0x5bd1e995);
    b ^= b >>> 15;
  }
  for (let i = 0; i < suffix.length; i++) {
    const code = suffix.charCodeAt(i);
    a = Math.imul(a ^ code, 0x01000193);
    b = Math.imul(b ^ code, 0x5bd1e995);
    b ^= b >>> 15;
  }
  return finishHash(a, b);
}

// The two running hashes (FNV-1a, and a multiply-xorshift hash) start here and take one
// character code at a time as hashString() shows; code that hashes characters as it
// scans them (core-key.ts) repeats these steps and must match hashString exactly.
export const HASH_SEED_A = 0x811c9dc5;
export const HASH_SEED_B = 0x9747b28c;

/** The 52-bit hash from the two running hashes, each through a murmur3 finalizer. */
export function finishHash(a: number, b: number): number {
  a = Math.imul(a ^ (a >>> 16), 0x85ebca6b);
  a = Math.imul(a ^ (a >>> 13), 0xc2b2ae35);
  b = Math.imul(b ^ (b >>> 16), 0x2c1b3c6d);
  b = Math.imul(b ^ (b >>> 13), 0x297a2d39);
  return ((a ^ (a >>> 16)) >>> 0) * TWO_POW_20 + (((b ^ (b >>> 16)) >>> 0) % TWO_POW_20);
}

/**
 * Combines hashes so that order does not matter: the hash of a bag of words. Two
 * different bags collide as rarely as two random hashes do.
 */
export function addHashes(first: number, second: number): number {
  return (first + second) % TWO_POW_52;
}

/** A set of 52-bit hashes in one typed array, open addressing with linear probing. */
export class HashSet {
  /** Slot i holds the upper 32 bits at 2i and the lower 20 bits + 1 at 2i + 1; 0 there means empty. */
  private slots: Uint32Array;
  private count = 0;

  /** @param expectedSize how many hashes will be added, so that the table need not grow. */
  constructor(expectedSize = 0) {
    let slotCount = 1 << 10;
    while (slotCount < expectedSize * 2) slotCount *= 2;
    this.slots = new Uint32Array(2 * slotCount);
  }

  get size(): number {
    return this.count;
  }

  has(hash: number): boolean {
    return this.find(Math.floor(hash / TWO_POW_20), (hash % TWO_POW_20) + 1) >= 0;
  }

  /** Adds the hash and returns true, or returns false if it was there already. */
  addIfAbsent(hash: number): boolean {
    if ((this.count + 1) * 4 > this.slots.length) this.grow();
    const high = Math.floor(hash / TWO_POW_20);
    const low = (hash % TWO_POW_20) + 1;
    if (this.find(high, low) >= 0) return false;
    this.insert(high, low);
    return true;
  }

  /** The slot holding the hash, or -1. */
  private find(high: number, low: number): number {
    const slots = this.slots;
    const mask = (slots.length >>> 1) - 1;
    for (let slot = (high ^ Math.imul(low, 0x9e3779b1)) & mask; ; slot = (slot + 1) & mask) {
      const storedLow = slots[2 * slot + 1] ?? 0;
      if (storedLow === 0) return -1;
      if (storedLow === low && slots[2 * slot] === high) return slot;
    }
  }

  private insert(high: number, low: number): void {
    const slots = this.slots;
    const mask = (slots.length >>> 1) - 1;
    let slot = (high ^ Math.imul(low, 0x9e3779b1)) & mask;
    while ((slots[2 * slot + 1] ?? 0) !== 0) slot = (slot + 1) & mask;
    slots[2 * slot] = high;
    slots[2 * slot + 1] = low;
    this.count++;
  }

  private grow(): void {
    const old = this.slots;
    this.slots = new Uint32Array(old.length * 2);
    this.count = 0;
    for (let i = 0; i < old.length; i += 2) {
      const low = old[i + 1] ?? 0;
      if (low !== 0) this.insert(old[i] ?? 0, low);
    }
  }
}
