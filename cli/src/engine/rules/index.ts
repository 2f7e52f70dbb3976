/** Rules of engagement: evidence gathering, rule evaluation, decisions with their trace. */
export {
  CANDIDATE_SETS,
  buildCandidateSources,
  gatherEvidence,
  registrationAsMatchable,
  updateRegistration,
  type CandidateData,
  type CandidateSet,
  type CandidateSources,
  type ConflictEvidence,
  type MatchedRecord,
} from './evidence.ts';
export { evaluateRule, type RuleFinding, type SummaryCode } from './evaluate-rule.ts';
export {
  applyDecision,
  decideInSubmissionOrder,
  decideRegistration,
  decideWithEvidence,
  type Decision,
  type DecisionConfig,
  type MatchSummary,
  type RuleTraceEntry,
} from './decide.ts';
export { partnerSummary } from './summary.ts';
