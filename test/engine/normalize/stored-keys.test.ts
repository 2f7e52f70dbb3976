/**
 * The name keys that Text(255) fields store and candidate search looks up: one spelling of σ
 * whatever the runtime's lowercasing, and never longer than the field, with the same cut as
 * the Apex MatchKeys.fitToField.
 */
import { keysOf } from '../../../cli/src/localorg/triggers/candidates.ts';
import { accountKeysTrigger } from '../../../cli/src/localorg/triggers/account-keys.ts';
import { NAME_KEY_MAX_LENGTH, storedKey } from '../../../cli/src/engine/normalize/company.ts';
import { companyNameKey, foldText, normalizeCompanyName } from '../../../cli/src/engine/normalize/index.ts';
import type { StoredValue } from '../../../cli/src/localorg/store/values.ts';

describe('Greek final sigma', () => {
  test('folds to σ, so a lowercasing that keeps σ at the end of a word gives the same key', () => {
    expect(companyNameKey('ΟΜΙΛΟΣ-ΑΕ')).toBe('ομιλοσ αε');
    expect(foldText('Όμιλος')).toBe('ομιλοσ');
    // Java lowercases "ΟΜΙΛΟΣ-ΑΕ" to "ομιλοσ-αε"; the key of that spelling is the same.
    expect(companyNameKey('ομιλοσ-αε')).toBe(companyNameKey('ΟΜΙΛΟΣ-ΑΕ'));
    expect(companyNameKey('ομιλος-αε')).toBe(companyNameKey('ΟΜΙΛΟΣ-ΑΕ'));
  });

  test('no key holds ς', () => {
    for (const name of ['ΣΙΣ', 'Σ.Α.Σ', 'Παπαδόπουλος & Υιός', 'ΚΩΝΣΤΑΝΤΙΝΟΣ ΣΤΑΣ']) {
      expect(companyNameKey(name)).not.toContain('ς');
    }
  });
});

describe('name keys longer than the 255-character key fields', () => {
  const hangul = '삼성전자'.repeat(25); // 100 syllables, 275 jamo once folded

  test('companyNameKey cuts to 255 UTF-16 units, normalizeCompanyName keeps every word', () => {
    expect(NAME_KEY_MAX_LENGTH).toBe(255);
    expect(normalizeCompanyName(hangul).key).toHaveLength(275);
    expect(companyNameKey(hangul)).toHaveLength(255);
    expect(companyNameKey(hangul)).toBe(normalizeCompanyName(hangul).key.slice(0, 255));
    expect(companyNameKey('㍿'.repeat(1) + 'ﷺ'.repeat(20)).length).toBeLessThanOrEqual(255);
  });

  test('the cut drops a trailing space and a high surrogate without its pair', () => {
    expect(storedKey('abc')).toBe('abc');
    expect(storedKey('x'.repeat(255))).toBe('x'.repeat(255));
    expect(storedKey('abcd '.repeat(60))).toBe('abcd '.repeat(60).slice(0, 254));
    const supplementary = `ab${'𠀀'.repeat(200)}`;
    expect(storedKey(supplementary)).toBe(supplementary.slice(0, 254));
    expect(storedKey(`a${'𠀀'.repeat(200)}`)).toHaveLength(255);
  });

  test('the Account trigger stores, and candidate search looks up, the same cut key', () => {
    const values = new Map<string, StoredValue>([['Name', hangul]]);
    accountKeysTrigger.beforeWrite(values, null);
    const stored = values.get('Trellis_Name_Key__c');
    expect(typeof stored === 'string' ? stored.length : 0).toBe(255);
    expect(keysOf(hangul, null).nameKey).toBe(stored);
  });
});
