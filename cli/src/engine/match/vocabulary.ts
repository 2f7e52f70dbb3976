/**
 * The distinct words of all indexed names, each with a small integer id.
 * An open-addressing table over typed arrays: with a million names it interns
 * three million words, where a Map<string, number> spends most of its time.
 */
import { hashString } from './bucket-table.ts';

const SEED_WORD = 7;

export class Vocabulary {
  readonly words: string[] = [];
  private slots = new Int32Array(1 << 16).fill(-1);
  private hashes: Int32Array = new Int32Array(1 << 15);

  get size(): number {
    return this.words.length;
  }

  /** The id of `word`, or -1 when it is not in the vocabulary. */
  idOf(word: string): number {
    const hash = hashString(word, SEED_WORD);
    const mask = this.slots.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const id = this.slots[slot] ?? -1;
      if (id === -1) return -1;
      if (this.hashes[id] === hash && this.words[id] === word) return id;
    }
  }

  /** The id of `word`, adding it when new. */
  intern(word: string): number {
    const hash = hashString(word, SEED_WORD);
    const mask = this.slots.length - 1;
    let slot = hash & mask;
    for (; ; slot = (slot + 1) & mask) {
      const id = this.slots[slot] ?? -1;
      if (id === -1) break;
      if (this.hashes[id] === hash && this.words[id] === word) return id;
    }
    const id = this.words.length;
    this.words.push(word);
    if (id === this.hashes.length) {
      const grown = new Int32Array(this.hashes.length * 2);
      grown.set(this.hashes);
      this.hashes = grown;
    }
    this.hashes[id] = hash;
    this.slots[slot] = id;
    // Kept at most half full, so that probe runs stay short.
    if (this.words.length * 2 > this.slots.length) this.rehash();
    return id;
  }

  get byteLength(): number {
    return this.slots.byteLength + this.hashes.byteLength;
  }

  private rehash(): void {
    const slots = new Int32Array(this.slots.length * 2).fill(-1);
    const mask = slots.length - 1;
    for (let id = 0; id < this.words.length; id++) {
      let slot = (this.hashes[id] ?? 0) & mask;
      while (slots[slot] !== -1) slot = (slot + 1) & mask;
      slots[slot] = id;
    }
    this.slots = slots;
  }
}
