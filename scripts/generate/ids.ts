/**
 * Deterministic record ids in Salesforce's own shape, so that generated data can be
 * loaded into the local org, and code that validates ids accepts it unchanged.
 *
 * An 18-character id is a 15-character case-sensitive id followed by three characters
 * that encode which of its letters are upper case (so that case-insensitive tools
 * still tell ids apart). We compute that suffix exactly as Salesforce does.
 */

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const CHECKSUM_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';
const COUNTER_DIGITS = 9;

/**
 * @param keyPrefix the object's three-character prefix: '001' Account, 'a01' a custom object.
 * @param pod three characters standing for instance and reserved digits; different pods keep
 *   different id series (customers, partners) apart.
 * @param counter a non-negative integer, unique within the series.
 */
export function salesforceId(keyPrefix: string, pod: string, counter: number): string {
  if (keyPrefix.length !== 3 || pod.length !== 3) throw new Error('keyPrefix and pod must have 3 characters');
  if (!Number.isSafeInteger(counter) || counter < 0) throw new Error(`invalid id counter ${counter}`);
  const codes = ID_CODES;
  for (let i = 0; i < 3; i++) {
    codes[i] = keyPrefix.charCodeAt(i);
    codes[3 + i] = pod.charCodeAt(i);
  }
  let rest = counter;
  for (let i = 14; i >= 6; i--) {
    codes[i] = BASE62.charCodeAt(rest % 62);
    rest = Math.floor(rest / 62);
  }
  if (rest > 0) throw new Error(`id counter ${counter} does not fit in ${COUNTER_DIGITS} base-62 digits`);
  // The case checksum: for each 5-character chunk, a bit per upper-case letter.
  for (let chunk = 0; chunk < 3; chunk++) {
    let bits = 0;
    for (let i = 0; i < 5; i++) {
      const code = codes[chunk * 5 + i] ?? 0;
      if (code >= 65 && code <= 90) bits |= 1 << i;
    }
    codes[15 + chunk] = CHECKSUM_ALPHABET.charCodeAt(bits);
  }
  // One flat string from the codes (a concatenation would be a tree of pieces).
  return String.fromCharCode(...codes);
}

/** Scratch space for the 18 character codes of the id being built. */
const ID_CODES: number[] = new Array<number>(18).fill(0);
