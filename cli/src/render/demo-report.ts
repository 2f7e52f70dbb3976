/**
 * Turns the demo's result into lines a person reads in a terminal: one block per
 * registration (what was decided, why, what the partner sees) and one per partner
 * tier. Pure string building, so tests can read exactly what a user sees.
 */
import { StandardColors } from '@salesforce/sf-plugins-core';
import type { Messages } from '@salesforce/core';
import type { Decision } from '../engine/rules/index.ts';
import { criterionLabel, formatFigure, type CriterionResult } from '../engine/tiers/index.ts';
import type { Outcome } from '../engine/types.ts';
import type { DemoRegistration, DemoResult, DemoTier } from '../sync/demo.ts';

const OUTCOME_BADGE: Readonly<Record<Outcome, string>> = {
  Approved: StandardColors.success('APPROVED '),
  'In Review': StandardColors.warning('IN REVIEW'),
  Rejected: StandardColors.error('REJECTED '),
};

export function registrationBlock(
  item: DemoRegistration,
  messages: Messages<string>,
  verbose: boolean,
): string[] {
  const { registration, partner, decision } = item;
  const lines = [
    `${OUTCOME_BADGE[decision.outcome]}  ${registration.customerName} · ${registration.productFamily ?? 'any product'} · ${partner.name}  (${registration.id})`,
    `  ${describeDecision(decision)}`,
    `  ${messages.getMessage('label.partnerSees')}: "${decision.partnerSummary}"`,
    `  ${messages.getMessage('label.trace')}:`,
  ];
  for (const entry of decision.trace) {
    if (!verbose && !entry.fired) continue;
    const mark = entry.decisive ? '●' : entry.fired ? '○' : '·';
    const state = !entry.evaluated
      ? 'disabled'
      : entry.fired
        ? `fired → ${entry.outcome ?? ''}`
        : 'did not fire';
    lines.push(`    ${mark} ${entry.ruleId.padEnd(30)} ${state}`);
    for (const line of entry.evidence) lines.push(`        ${line}`);
  }
  if (!decision.trace.some((entry) => entry.fired)) {
    lines.push(`    · no rule fired: default outcome ${decision.outcome}`);
  }
  return lines;
}

function describeDecision(decision: Decision): string {
  const parts = [`conflict: ${decision.conflictStatus}`];
  parts.push(decision.decidingRuleId ? `decided by ${decision.decidingRuleId}` : 'no rule fired');
  const best = decision.matches.accounts[0];
  if (best) parts.push(`customer account ${best.id} (score ${best.score.toFixed(2)})`);
  else parts.push('no existing customer account matched');
  if (decision.protectionExpiresOn) parts.push(`protected until ${decision.protectionExpiresOn}`);
  return parts.join(' · ');
}

export function registrationTable(result: DemoResult): Record<string, string>[] {
  return result.registrations.map(({ registration, partner, decision }) => ({
    Registration: registration.id,
    Partner: partner.name,
    Customer: registration.customerName,
    Outcome: decision.outcome,
    Conflict: decision.conflictStatus,
    Rule: decision.decidingRuleId ?? '(default)',
  }));
}

export function outcomeCounts(result: DemoResult): Record<Outcome, number> {
  const counts: Record<Outcome, number> = { Approved: 0, 'In Review': 0, Rejected: 0 };
  for (const { decision } of result.registrations) counts[decision.outcome]++;
  return counts;
}

function need(criterion: CriterionResult): string {
  return `${criterionLabel(criterion)} ${formatFigure(criterion.actual)} of ${formatFigure(criterion.required)} (+${formatFigure(criterion.gap)})`;
}

export function tierTable(result: DemoResult, messages: Messages<string>): Record<string, string>[] {
  return result.tiers.map(({ partner, decision }: DemoTier) => ({
    Partner: partner.name,
    Tier: decision.nextState.tier ?? '',
    Status: decision.nextState.status,
    Qualifies: decision.evaluation.qualifiedTier,
    Change: decision.change
      ? `${decision.change.kind} → ${decision.change.toTier}`
      : messages.getMessage('label.noTierChange'),
    Readiness: `${decision.evaluation.score.toFixed(1)}%`,
  }));
}

export function tierDetails(item: DemoTier, messages: Messages<string>): string[] {
  const { partner, decision } = item;
  const lines = [
    `${partner.name}: ${decision.change ? decision.change.reason : `stays ${decision.nextState.tier ?? ''}.`}`,
  ];
  const next = decision.evaluation.nextTier;
  if (next) {
    // A partner in grace is told what keeping its tier takes; others, what the next one needs.
    const label =
      next.tier === decision.nextState.tier
        ? messages.getMessage('label.keepTier')
        : messages.getMessage('label.nextTier');
    lines.push(`  ${label} ${next.tier}: ${next.needs.map(need).join('; ') || 'all criteria met'}`);
  }

  return lines;
}
