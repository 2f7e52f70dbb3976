import type { Random } from '../../lib/random.ts';
import { WeightedTable } from '../weighted-table.ts';

/** The ways a partner's registration differs from the customer's account record. */
export type NoiseKind =
  | 'typo'
  | 'droppedLegalForm'
  | 'changedLegalForm'
  | 'abbreviation'
  | 'acronym'
  | 'wordOrder'
  | 'accents'
  | 'case'
  | 'thePrefix'
  | 'subdomain'
  | 'emailDomain'
  | 'freeMail'
  | 'noDomain'
  | 'noCountry'
  | 'countryName';

/**
 * How often partners make each kind of difference, relative to each other. Leaving out
 * the legal form and typing an e-mail address instead of a website are the commonest;
 * acronyms and reordered words are rare.
 */
const WEIGHTS: Readonly<Record<NoiseKind, number>> = {
  droppedLegalForm: 20,
  typo: 14,
  emailDomain: 12,
  case: 9,
  changedLegalForm: 9,
  noDomain: 9,
  countryName: 9,
  abbreviation: 8,
  accents: 6,
  subdomain: 6,
  noCountry: 6,
  freeMail: 5,
  acronym: 4,
  wordOrder: 4,
  thePrefix: 3,
};

/** Kinds that cannot go together: one legal form, one way of giving the domain, one country field. */
const GROUPS: readonly (readonly NoiseKind[])[] = [
  ['droppedLegalForm', 'changedLegalForm'],
  ['subdomain', 'emailDomain', 'freeMail', 'noDomain'],
  ['noCountry', 'countryName'],
  // An acronym replaces the words, so nothing else can happen to them; and a person
  // would not recognize a mistyped acronym.
  ['acronym', 'typo'],
  ['acronym', 'abbreviation'],
  ['acronym', 'wordOrder'],
  ['acronym', 'accents'],
  ['acronym', 'thePrefix'],
];

const EXCLUDES: ReadonlyMap<NoiseKind, ReadonlySet<NoiseKind>> = new Map(
  (Object.keys(WEIGHTS) as NoiseKind[]).map((kind) => [
    kind,
    new Set(GROUPS.filter((group) => group.includes(kind)).flat()),
  ]),
);

/** How many kinds one registration gets. */
const KIND_COUNTS = new WeightedTable([
  [1, 45],
  [2, 35],
  [3, 20],
] as const);

export const ALL_NOISE_KINDS: readonly NoiseKind[] = Object.keys(WEIGHTS) as NoiseKind[];

/**
 * One to three kinds, by weight, among those that apply to this registration and do not
 * exclude each other.
 */
export function chooseNoiseKinds(random: Random, applies: (kind: NoiseKind) => boolean): NoiseKind[] {
  const wanted = KIND_COUNTS.draw(random);
  let candidates = ALL_NOISE_KINDS.filter(applies);
  const chosen: NoiseKind[] = [];
  while (chosen.length < wanted && candidates.length > 0) {
    const kind = random.weighted(candidates.map((candidate) => [candidate, WEIGHTS[candidate]] as const));
    chosen.push(kind);
    const excluded = EXCLUDES.get(kind);
    candidates = candidates.filter((candidate) => candidate !== kind && !excluded?.has(candidate));
  }
  return chosen;
}
