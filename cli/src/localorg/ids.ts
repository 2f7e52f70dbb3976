/**
 * Salesforce record ids, as the local org mints and reads them.
 *
 * A Salesforce id is 15 case-sensitive characters of [0-9A-Za-z]: a three-character key prefix
 * naming the object (`001` Account, `003` Contact, `a00` the first custom object...), then the
 * instance and the record's number. The API always answers with the 18-character form: the 15
 * characters followed by a case-safe suffix of three characters, one per five-character chunk,
 * whose five bits say which characters of the chunk are upper-case letters (bit i for character
 * i), written with the alphabet `A`..`Z`, `0`..`5`. Because the suffix carries the case, an
 * 18-character id names one record however its letters are cased, which is why the API accepts
 * 18-character ids case-insensitively.
 *
 * Ids minted here are laid out as real ones are:
 *
 *     001   5g   0   00000002x   AAI
 *     |     |    |   |           `- case-safe suffix
 *     |     |    |   `- record number, base 62 (0-9, A-Z, a-z), zero-padded to 9 characters
 *     |     |    `- reserved character, always 0
 *     |     `- pod: always `5g` in the local org
 *     `- key prefix of the object
 *
 * Base-62 digits are in ASCII order, so with equal widths the ids of one object sort (by code
 * unit, as SQLite's BINARY collation does) in the order they were minted.
 */

/** The suffix alphabet: the value of a five-bit chunk mask is an index into it. */
const SUFFIX_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';
/** Base-62 digits in ASCII order. */
const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

const ID15 = /^[0-9A-Za-z]{15}$/;
const ID18 = /^[0-9A-Za-z]{15}[A-Za-z0-5]{3}$/;
const KEY_PREFIX = /^[0-9A-Za-z]{3}$/;

/** Key prefix of Organization ids (`00D...`), which also start every access token. */
export const ORG_ID_PREFIX = '00D';
/** The pod and reserved characters of every id minted by the local org. */
export const LOCAL_POD = '5g0';
/** Characters left for the record number after the key prefix and the pod. */
export const COUNTER_WIDTH = 15 - 3 - LOCAL_POD.length;
/** The record type id every org has for objects without custom record types ("Master"). */
export const MASTER_RECORD_TYPE_ID = '012000000000000AAA';

/** The three-character case-safe suffix of a 15-character id. */
export function caseSafeSuffix(id15: string): string {
  if (!ID15.test(id15)) {
    throw new Error(`Not a 15-character Salesforce id: ${JSON.stringify(id15)}`);
  }
  let suffix = '';
  for (let chunk = 0; chunk < 3; chunk++) {
    let mask = 0;
    for (let i = 0; i < 5; i++) {
      const code = id15.charCodeAt(chunk * 5 + i);
      if (code >= 65 && code <= 90) mask |= 1 << i;
    }
    suffix += SUFFIX_ALPHABET.charAt(mask);
  }
  return suffix;
}

/**
 * The 18-character form of an id given in either form. A 15-character id gets its suffix; an
 * 18-character id is returned in its canonical case, the case its suffix encodes (so
 * `001xx000003gykjaaw` becomes `001xx000003GYkJAAW`, as the API reads it). Throws when the value
 * is not an id: wrong length, characters outside [0-9A-Za-z], or a suffix that marks a digit as
 * an upper-case letter.
 */
export function toId18(id: string): string {
  if (ID15.test(id)) return id + caseSafeSuffix(id);
  if (!ID18.test(id)) {
    throw new Error(`Not a Salesforce id (15 or 18 characters of 0-9, A-Z, a-z): ${JSON.stringify(id)}`);
  }
  const suffix = id.slice(15).toUpperCase();
  let body = '';
  for (let chunk = 0; chunk < 3; chunk++) {
    const mask = SUFFIX_ALPHABET.indexOf(suffix.charAt(chunk));
    for (let i = 0; i < 5; i++) {
      const char = id.charAt(chunk * 5 + i);
      const upper = (mask & (1 << i)) !== 0;
      const isLetter = /[A-Za-z]/.test(char);
      if (upper && !isLetter) {
        throw new Error(
          `Not a Salesforce id: the suffix ${JSON.stringify(id.slice(15))} of ${JSON.stringify(id)} ` +
            `marks character ${chunk * 5 + i + 1} (${JSON.stringify(char)}) as an upper-case letter`,
        );
      }
      body += upper ? char.toUpperCase() : char.toLowerCase();
    }
  }
  return body + suffix;
}

/**
 * True for a well-formed id exactly as Salesforce writes it: 15 characters of [0-9A-Za-z], or 18
 * whose last three are the correct case-safe suffix of the first 15.
 */
export function isValidId(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  if (ID15.test(value)) return true;
  if (value.length !== 18) return false;
  const body = value.slice(0, 15);
  return ID15.test(body) && caseSafeSuffix(body) === value.slice(15);
}

/** The key prefix (first three characters) of an id. */
export function keyPrefixOf(id: string): string {
  return id.slice(0, 3);
}

/** `n` in base 62, zero-padded to `width` characters. */
function base62(n: number, width: number): string {
  let out = '';
  let rest = n;
  do {
    out = BASE62.charAt(rest % 62) + out;
    rest = Math.floor(rest / 62);
  } while (rest > 0);
  return out.padStart(width, '0');
}

export interface IdGenerator {
  /** A new 18-character id; each call returns the next record number. */
  next(): string;
  /** The record number the next call to `next()` will use (store it to resume after a restart). */
  peek(): number;
}

/**
 * Mints the ids of one object, starting at record number `next` (a non-negative safe integer;
 * the store keeps the value of `peek()` to resume after a restart). Record numbers are written in
 * base 62 in the last nine characters before the suffix.
 */
export function createIdGenerator(keyPrefix: string, next: number): IdGenerator {
  if (!KEY_PREFIX.test(keyPrefix)) {
    throw new Error(`Not a key prefix (three characters of 0-9, A-Z, a-z): ${JSON.stringify(keyPrefix)}`);
  }
  if (!Number.isSafeInteger(next) || next < 0) {
    throw new Error(`The first record number must be a non-negative safe integer, not ${String(next)}`);
  }
  let counter = next;
  return {
    next(): string {
      if (!Number.isSafeInteger(counter)) {
        throw new Error(`Ids of key prefix ${keyPrefix} are exhausted`);
      }
      const id15 = keyPrefix + LOCAL_POD + base62(counter, COUNTER_WIDTH);
      counter += 1;
      return id15 + caseSafeSuffix(id15);
    },
    peek(): number {
      return counter;
    },
  };
}
