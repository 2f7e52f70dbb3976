/**
 * Matching-side view of a company name: its normalized tokens with common
 * business abbreviations folded to one spelling, so that "International Mfg"
 * and "Intl Manufacturing" compare equal word for word. The normalized name key
 * itself keeps the words as written; only matching treats them as synonyms.
 */
import { normalizeCompanyName } from '../normalize/index.ts';

export const ABBREVIATIONS: Readonly<Record<string, readonly string[]>> = {
  intl: ['international', 'internationale', 'internacional', 'internazionale', 'intl'],
  tech: ['technologies', 'technology', 'technologie', 'technologien', 'tecnologia', 'techn', 'tech'],
  mfg: ['manufacturing', 'manufacturers', 'manufacturer', 'mfg'],
  labs: ['laboratories', 'laboratory', 'laboratorio', 'lab', 'labs'],
  svcs: ['services', 'service', 'svcs', 'svc'],
  sys: ['systems', 'system', 'sys'],
  bros: ['brothers', 'bros'],
  assoc: ['associates', 'association', 'assoc'],
  natl: ['national', 'natl'],
  mgmt: ['management', 'mgmt'],
  eng: ['engineering', 'engrg', 'eng'],
  ind: ['industries', 'industrial', 'industry', 'inds', 'ind'],
  hldgs: ['holdings', 'holding', 'hldgs', 'hldg'],
  grp: ['group', 'grp', 'gruppe', 'groupe', 'grupo', 'gruppo'],
  dept: ['department', 'dept'],
  univ: ['university', 'univ'],
  st: ['saint', 'st'],
  mt: ['mount', 'mt'],
  ctr: ['center', 'centre', 'ctr'],
  dist: ['distribution', 'distributors', 'distributor', 'dist'],
  comm: ['communications', 'communication', 'comms', 'comm'],
  fin: ['financial', 'finance', 'fin'],
  ins: ['insurance', 'ins'],
  pharma: ['pharmaceuticals', 'pharmaceutical', 'pharma'],
  elec: ['electronics', 'electronic', 'electric', 'electrical', 'elec'],
  sol: ['solutions', 'solution', 'soln', 'solns'],
  dev: ['development', 'developments', 'dev'],
  ent: ['enterprises', 'enterprise', 'ent'],
  prod: ['products', 'product', 'prods'],
};

const CANONICAL = new Map<string, string>();
for (const [canonical, spellings] of Object.entries(ABBREVIATIONS)) {
  for (const spelling of spellings) CANONICAL.set(spelling, canonical);
}

export function canonicalToken(token: string): string {
  return CANONICAL.get(token) ?? token;
}

export interface MatchName {
  /** The normalized name key, whole (`Trellis_Name_Key__c` stores it cut to 255 characters). */
  key: string;
  /** Canonical tokens, in the order written. */
  tokens: string[];
}

export function matchName(raw: string): MatchName {
  const normalized = normalizeCompanyName(raw);
  const tokens = normalized.tokens;
  // In place: the normalizer hands over a fresh array, and a million names make a copy costly.
  for (let i = 0; i < tokens.length; i++) tokens[i] = canonicalToken(tokens[i] as string);
  return { key: normalized.key, tokens };
}

/** Initials of a multi-word name ("international business machines" -> "ibm"). */
export function initialsOf(tokens: readonly string[]): string {
  let initials = '';
  for (const token of tokens) initials += token.charAt(0);
  return initials;
}
