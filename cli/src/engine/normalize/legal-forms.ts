/**
 * Legal forms of companies, as people write them in CRM data.
 *
 * Spellings are written the way they appear in the wild; `company.ts` splits
 * them with the same `companyNameWords` as the names themselves, so case,
 * accents, dots and spaces need not be listed twice ("S.A.", "SA", "S. A." and
 * "s.a." are one spelling). A code is the canonical lowercase name reported as
 * `legalForm`; several spellings and several entries may share a code.
 */

export interface LegalFormSpellings {
  readonly code: string;
  readonly spellings: readonly string[];
  /**
   * For forms whose words are also ordinary business words ("Spa"): the form is
   * stripped only when the raw name also matches this pattern, i.e. it is
   * written the way only the legal form is ("S.p.A.", "SpA").
   */
  readonly confirmedBy?: RegExp;
}

/** Forms that end a name; several may follow each other ("GmbH & Co. KG", "Co., Ltd."). */
export const TRAILING_LEGAL_FORMS: readonly LegalFormSpellings[] = [
  // English-speaking countries
  { code: 'inc', spellings: ['Inc', 'Incorporated'] },
  { code: 'corp', spellings: ['Corp', 'Corporation'] },
  { code: 'co', spellings: ['Co', 'Company', 'Cie', 'Cía'] },
  { code: 'ltd', spellings: ['Ltd', 'Limited', 'Ltée', 'Limitée'] },
  { code: 'llc', spellings: ['LLC', 'L.L.C.', 'Limited Liability Company'] },
  { code: 'pllc', spellings: ['PLLC', 'P.L.L.C.'] },
  { code: 'llp', spellings: ['LLP', 'L.L.P.', 'Limited Liability Partnership'] },
  { code: 'lp', spellings: ['LP', 'L.P.', 'Limited Partnership'] },
  { code: 'plc', spellings: ['PLC', 'P.L.C.', 'Public Limited Company'] },
  { code: 'na', spellings: ['N.A.', 'National Association'] },
  { code: 'pty ltd', spellings: ['Pty Ltd', 'Pty. Ltd.', '(Pty) Ltd', 'Pty Limited', 'Proprietary Limited'] },
  { code: 'pte ltd', spellings: ['Pte Ltd', 'Pte. Ltd.', 'Pte Limited'] },
  { code: 'pvt ltd', spellings: ['Pvt Ltd', 'Pvt. Ltd.', 'Pvt Limited', 'Private Limited', '(P) Ltd'] },
  // German-speaking countries
  {
    code: 'gmbh',
    spellings: ['GmbH', 'Ges.m.b.H.', 'mbH', 'Gesellschaft mit beschränkter Haftung'],
  },
  { code: 'ggmbh', spellings: ['gGmbH'] },
  { code: 'ug', spellings: ['UG', 'UG (haftungsbeschränkt)'] },
  { code: 'ag', spellings: ['AG', 'Aktiengesellschaft'] },
  { code: 'kg', spellings: ['KG', 'Kommanditgesellschaft'] },
  { code: 'kgaa', spellings: ['KGaA', 'Kommanditgesellschaft auf Aktien'] },
  { code: 'ohg', spellings: ['OHG'] },
  { code: 'gbr', spellings: ['GbR'] },
  { code: 'ek', spellings: ['e.K.'] },
  { code: 'ev', spellings: ['e.V.'] },
  // European and Romance-language forms
  { code: 'se', spellings: ['SE', 'Societas Europaea'] },
  {
    code: 'sa',
    spellings: ['SA', 'Société Anonyme', 'Sociedad Anónima', 'Sociedade Anónima', 'Sociedade Anônima'],
  },
  { code: 'sas', spellings: ['SAS', 'Société par Actions Simplifiée'] },
  { code: 'sasu', spellings: ['SASU'] },
  { code: 'sarl', spellings: ['SARL', 'S.à r.l.', 'Société à Responsabilité Limitée'] },
  { code: 'eurl', spellings: ['EURL'] },
  { code: 'snc', spellings: ['SNC'] },
  { code: 'spa', spellings: ['S.p.A.', 'SpA'], confirmedBy: /\b[Ss]\.\s*[Pp]\.\s*[Aa]\b|\bSpA\b/ },
  { code: 'spa', spellings: ['Società per Azioni'] },
  { code: 'srl', spellings: ['Srl', 'S.r.l.', 'Società a Responsabilità Limitata'] },
  { code: 'sl', spellings: ['SL', 'Sociedad Limitada'] },
  { code: 'slu', spellings: ['SLU', 'Sociedad Limitada Unipersonal'] },
  { code: 'lda', spellings: ['Lda'] },
  { code: 'ltda', spellings: ['Ltda', 'Limitada'] },
  { code: 'eireli', spellings: ['EIRELI'] },
  { code: 'sa de cv', spellings: ['S.A. de C.V.', 'Sociedad Anónima de Capital Variable'] },
  { code: 'sab de cv', spellings: ['S.A.B. de C.V.'] },
  { code: 'sapi de cv', spellings: ['S.A.P.I. de C.V.'] },
  { code: 's de rl de cv', spellings: ['S. de R.L. de C.V.'] },
  { code: 's de rl', spellings: ['S. de R.L.'] },
  // Benelux
  { code: 'bv', spellings: ['BV', 'Besloten Vennootschap'] },
  { code: 'nv', spellings: ['NV', 'Naamloze Vennootschap'] },
  { code: 'bvba', spellings: ['BVBA'] },
  { code: 'sprl', spellings: ['SPRL'] },
  // Nordic and Baltic countries
  { code: 'ab', spellings: ['AB', 'AB (publ)', 'Aktiebolag'] },
  { code: 'as', spellings: ['AS', 'A/S', 'Aksjeselskap', 'Aktieselskab', 'A.Ş.'] },
  { code: 'asa', spellings: ['ASA', 'Allmennaksjeselskap'] },
  { code: 'aps', spellings: ['ApS', 'Anpartsselskab'] },
  { code: 'oy', spellings: ['Oy', 'Osakeyhtiö'] },
  { code: 'oyj', spellings: ['Oyj', 'Julkinen osakeyhtiö'] },
  { code: 'ehf', spellings: ['ehf'] },
  { code: 'ou', spellings: ['OÜ'] },
  // Central and Eastern Europe, Türkiye
  {
    code: 'sp zoo',
    spellings: ['Sp. z o.o.', 'Sp. z o. o.', 'Spółka z o.o.', 'Spółka z ograniczoną odpowiedzialnością'],
  },
  { code: 'sro', spellings: ['s.r.o.', 'spol. s r.o.'] },
  { code: 'kft', spellings: ['Kft'] },
  { code: 'zrt', spellings: ['Zrt'] },
  { code: 'nyrt', spellings: ['Nyrt'] },
  { code: 'doo', spellings: ['d.o.o.'] },
  { code: 'ood', spellings: ['OOD'] },
  { code: 'eood', spellings: ['EOOD'] },
  { code: 'ltd sti', spellings: ['Ltd. Şti.'] },
  { code: 'jsc', spellings: ['JSC'] },
  { code: 'pjsc', spellings: ['PJSC'] },
  { code: 'ojsc', spellings: ['OJSC'] },
  { code: 'cjsc', spellings: ['CJSC'] },
  // Asia, Middle East
  { code: 'kk', spellings: ['KK', 'Kabushiki Kaisha', 'Kabushiki Gaisha', '株式会社'] },
  { code: 'yk', spellings: ['Yugen Kaisha', '有限会社'] },
  { code: 'gk', spellings: ['Godo Kaisha', '合同会社'] },
  { code: 'co ltd', spellings: ['股份有限公司', '주식회사'] },
  { code: 'ltd', spellings: ['有限公司'] },
  { code: 'llc', spellings: ['有限责任公司', '有限責任公司'] },
  { code: 'sdn bhd', spellings: ['Sdn Bhd', 'Sdn. Bhd.', 'Sendirian Berhad'] },
  { code: 'bhd', spellings: ['Bhd', 'Berhad'] },
  { code: 'tbk', spellings: ['Tbk', 'Terbuka'] },
  { code: 'persero', spellings: ['Persero'] },
  { code: 'fze', spellings: ['FZE'] },
  { code: 'fzco', spellings: ['FZCO'] },
  { code: 'fz llc', spellings: ['FZ-LLC', 'FZ LLC'] },
  { code: 'wll', spellings: ['W.L.L.'] },
];

/**
 * Forms that, in some countries, come before the name ("PT Bank Central Asia",
 * "OOO Romashka", "株式会社ファーストリテイリング"). Latin "AO" is left out on
 * purpose: it is more often initials ("A.O. Smith") than a Russian form.
 */
export const LEADING_LEGAL_FORMS: readonly LegalFormSpellings[] = [
  { code: 'pt', spellings: ['PT', 'P.T.'] },
  { code: 'ooo', spellings: ['OOO', 'ООО'] },
  { code: 'oao', spellings: ['OAO', 'ОАО'] },
  { code: 'zao', spellings: ['ZAO', 'ЗАО'] },
  { code: 'pao', spellings: ['PAO', 'ПАО'] },
  { code: 'ao', spellings: ['АО'] },
  { code: 'jsc', spellings: ['JSC'] },
  { code: 'pjsc', spellings: ['PJSC'] },
  { code: 'ojsc', spellings: ['OJSC'] },
  { code: 'cjsc', spellings: ['CJSC'] },
  { code: 'uab', spellings: ['UAB'] },
  { code: 'tnhh', spellings: ['Công ty TNHH', 'Cty TNHH'] },
  { code: 'jsc', spellings: ['Công ty Cổ phần'] },
  { code: 'kk', spellings: ['株式会社'] },
  { code: 'yk', spellings: ['有限会社'] },
  { code: 'gk', spellings: ['合同会社'] },
  { code: 'co ltd', spellings: ['주식회사'] },
];

/**
 * Forms that Chinese and Japanese write without a space, glued to the name
 * ("华为技术有限公司", "株式会社トヨタ"). Longer affixes first, so that
 * "股份有限公司" wins over "有限公司".
 */
export const GLUED_LEGAL_FORMS: readonly { readonly code: string; readonly affix: string }[] = [
  { code: 'co ltd', affix: '股份有限公司' },
  { code: 'llc', affix: '有限责任公司' },
  { code: 'llc', affix: '有限責任公司' },
  { code: 'ltd', affix: '有限公司' },
  { code: 'kk', affix: '株式会社' },
  { code: 'yk', affix: '有限会社' },
  { code: 'gk', affix: '合同会社' },
];
