import { createRandom } from '../../scripts/lib/random.ts';
import { generateCoreName } from '../../scripts/generate/company-names.ts';
import { COUNTRIES } from '../../scripts/generate/countries/index.ts';
import { coreKey, coreKeyHash, coreKeyHashOfWords } from '../../scripts/generate/core-key.ts';
import { HashSet, hashString } from '../../scripts/generate/hashing.ts';
import { salesforceId } from '../../scripts/generate/ids.ts';
import { splitLegalForm } from '../../scripts/generate/legal-forms.ts';
import { toggleAccents } from '../../scripts/generate/noise/accents.ts';
import { abbreviate, acronym, canMakeAcronym, reorder } from '../../scripts/generate/noise/name-noise.ts';
import { misspell } from '../../scripts/generate/noise/typo.ts';

describe('core-name key', () => {
  it('ignores case, accents, punctuation, joining words, word order and abbreviations', () => {
    expect(coreKey('Müller & Söhne')).toBe(coreKey('mueller und Söhne'.replace('mueller', 'Muller')));
    expect(coreKey("O'Brien Freight")).toBe(coreKey('Freight OBrien'));
    expect(coreKey('Summit Labs')).toBe(coreKey('Summit Laboratories'));
    expect(coreKey('Blue Harbor Technologies')).toBe(coreKey('blue harbor tech'));
    expect(coreKey('Baker and Hughes')).toBe(coreKey('Hughes & Baker'));
    expect(coreKey('Summit Analytics')).not.toBe(coreKey('Summit Analytics Group'));
  });

  it('hashes the same while scanning words as from the key', () => {
    const random = createRandom('key-hash');
    const mismatches: string[] = [];
    COUNTRIES.forEach((country) => {
      for (let i = 0; i < 1_000; i++) {
        const { words } = generateCoreName(random, country);
        const core = words.join(' ');
        const hash = coreKeyHash(core);
        if (coreKeyHashOfWords(words) !== hash || coreKeyHashOfWords([core]) !== hash) mismatches.push(core);
      }
    });
    expect(mismatches).toEqual([]);
  });
});

describe('HashSet', () => {
  it('holds what was added, and grows', () => {
    const set = new HashSet();
    const texts = Array.from({ length: 5_000 }, (_, i) => `name ${i}`);
    for (const text of texts) expect(set.addIfAbsent(hashString(text))).toBe(true);
    expect(set.addIfAbsent(hashString('name 42'))).toBe(false);
    expect(set.size).toBe(5_000);
    expect(texts.every((text) => set.has(hashString(text)))).toBe(true);
    expect(set.has(hashString('name 5000'))).toBe(false);
    expect(hashString('acme', '.co.uk')).toBe(hashString('acme.co.uk'));
  });
});

describe('salesforceId', () => {
  it('builds 15 characters and the case checksum Salesforce adds', () => {
    expect(salesforceId('001', '5g0', 0)).toBe('0015g0000000000AAA');
    expect(salesforceId('001', '5g0', 61)).toBe('0015g000000000zAAA');
    expect(salesforceId('a01', '5g0', 36)).toBe('a015g000000000aAAA');
    expect(salesforceId('001', '5g0', 10)).toBe('0015g000000000AAAQ');
    expect(() => salesforceId('001', '5g0', -1)).toThrow();
  });
});

describe('legal forms', () => {
  it('splits the legal form off, longest spelling first', () => {
    expect(splitLegalForm('Schmidt Logistik GmbH & Co. KG', 'DE')).toMatchObject({
      core: 'Schmidt Logistik',
      legalForm: 'GmbH & Co. KG',
    });
    expect(splitLegalForm('Harris Brothers Pty Ltd', 'AU')).toMatchObject({
      core: 'Harris Brothers',
      legalForm: 'Pty Ltd',
    });
    expect(splitLegalForm('Tanaka Seiki Co., Ltd.', 'JP')).toMatchObject({
      core: 'Tanaka Seiki',
      legalForm: 'Co., Ltd.',
    });
    expect(splitLegalForm('Summit Analytics', 'US')).toEqual({
      core: 'Summit Analytics',
      legalForm: null,
      variants: [],
    });
    expect(splitLegalForm('Acme GmbH', 'XX').legalForm).toBeNull();
    expect(splitLegalForm('Acme Inc.', 'US').variants).toContain('Incorporated');
  });
});

describe('name noise', () => {
  const random = createRandom('noise');

  it('misspells with one edit, never the first letter', () => {
    for (let i = 0; i < 500; i++) {
      const typo = misspell(random, 'Harbor');
      expect(typo).not.toBeNull();
      expect(typo).not.toBe('Harbor');
      expect(typo?.charAt(0)).toBe('H');
      expect(Math.abs((typo?.length ?? 0) - 6)).toBeLessThanOrEqual(1);
    }
  });

  it('makes acronyms of names of three significant words', () => {
    expect(acronym('International Business Machines')).toBe('IBM');
    expect(acronym('Société Générale de Transports')).toBe('SGT');
    expect(acronym('Przedsiębiorstwo Handlowo-Usługowe Nowak')).toBe('PHUN');
    expect(canMakeAcronym('Baker & Hughes')).toBe(false);
  });

  it('abbreviates and reorders words the way people do', () => {
    expect(abbreviate(random, 'Fratelli Rossi')).toMatch(/^(F\.lli|Flli) Rossi$/);
    expect(abbreviate(random, 'Baker and Hughes')).toBe('Baker & Hughes');
    expect(reorder(random, 'Baker & Hughes')).toBe('Hughes & Baker');
    expect(reorder(random, 'Van der Merwe & Botha')).toBe('Botha & Van der Merwe');
  });

  it('strips accents, or puts them back in the language of the country', () => {
    expect(toggleAccents('Müller Logistik', 'DE')).toBe('Muller Logistik');
    expect(toggleAccents('Muller Logistik', 'DE')).toBe('Müller Logistik');
    expect(toggleAccents('Logistica Rossi', 'IT')).toBeNull();
    expect(toggleAccents('Logistica Garcia', 'ES')).toBe('Logística García');
  });
});
