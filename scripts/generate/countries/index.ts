import {
  australia,
  canada,
  ireland,
  newZealand,
  southAfrica,
  unitedKingdom,
  unitedStates,
} from './anglosphere.ts';
import { brazil, india, japan, mexico, singapore } from './asia-and-latin-america.ts';
import { denmark, finland, norway, sweden } from './nordics.ts';
import type { CountryProfile } from './types.ts';
import {
  austria,
  belgium,
  france,
  germany,
  italy,
  netherlands,
  poland,
  spain,
  switzerland,
} from './western-europe.ts';

export type { CountryProfile, LegalForm, NameAdjectives } from './types.ts';

export const COUNTRIES: readonly CountryProfile[] = [
  unitedStates,
  unitedKingdom,
  germany,
  france,
  japan,
  canada,
  australia,
  italy,
  spain,
  brazil,
  india,
  netherlands,
  sweden,
  switzerland,
  poland,
  mexico,
  belgium,
  austria,
  denmark,
  norway,
  finland,
  singapore,
  southAfrica,
  newZealand,
  ireland,
];

const byCode = new Map(COUNTRIES.map((country) => [country.code, country]));

/** The profile of a country the generator knows, or undefined. */
export function findCountryProfile(code: string): CountryProfile | undefined {
  return byCode.get(code);
}

export function countryProfile(code: string): CountryProfile {
  const profile = byCode.get(code);
  if (!profile) throw new Error(`no country profile for ${code}`);
  return profile;
}
