/** Matching: which records are probably the same customer, with a score and its evidence. */
export {
  MatchIndex,
  type Evidence,
  type EvidenceKind,
  type MatchIndexStats,
  type MatchOptions,
  type MatchQuery,
  type MatchResult,
  type MatchableRecord,
} from './match-index.ts';
export { combineScore, nameSimilarity, tokenDice, wordSimilarity, type NameSimilarity } from './score.ts';
export { jaro, jaroWinkler, withinOneEdit } from './similarity.ts';
export { canonicalToken, initialsOf, matchName, type MatchName } from './tokens.ts';
