/**
 * One step of the registration lifecycle: take an action, get the new registration and the fields
 * to write back, or a refusal a person can act on.
 *
 * Checks run in a fixed order, so a request that is wrong in several ways always gets the same
 * answer (here and in Apex): the status first (INVALID_TRANSITION), then the actor's role
 * (NOT_ALLOWED_FOR_ROLE), then what the action itself needs (fields, reason, dates).
 */
import { addDays, compareIsoDate, toIsoDate } from '../dates.ts';
import type { ActorRole, IsoDate, Outcome, Registration } from '../types.ts';
import type {
  LifecycleAction,
  LifecycleContext,
  TransitionErrorCode,
  TransitionRefusal,
  TransitionResult,
} from './actions.ts';
import { ACTION_RULES } from './action-rules.ts';
import { isProtectionActive, protectionDays, protectionEndsOn } from './protection.ts';
import { capitalize, describeRole, isBlank, joinAlternatives } from './text.ts';

type Patch = Partial<Registration>;

export function transition(
  registration: Registration,
  action: LifecycleAction,
  context: LifecycleContext,
): TransitionResult {
  const rule = ACTION_RULES[action.type];
  if (!rule.from.includes(registration.status)) {
    return refuse(
      'INVALID_TRANSITION',
      `A registration in ${registration.status} cannot be ${rule.pastParticiple}; ` +
        `only ${joinAlternatives(rule.from)} registrations can.`,
    );
  }
  const roles = rule.roles(context.protection);
  if (!roles.includes(context.actor)) {
    return refuse('NOT_ALLOWED_FOR_ROLE', roleRefusal(context, rule.verb, roles));
  }
  // Parsed before the action's own checks, so a malformed `now` throws even where no date is needed.
  const today = toIsoDate(context.now);
  const outcome = changesFor(registration, action, context, today);
  return isRefusal(outcome) ? outcome : apply(registration, outcome);
}

function isRefusal(outcome: Patch | TransitionRefusal): outcome is TransitionRefusal {
  return 'ok' in outcome;
}

function changesFor(
  registration: Registration,
  action: LifecycleAction,
  context: LifecycleContext,
  today: IsoDate,
): Patch | TransitionRefusal {
  switch (action.type) {
    case 'submit':
      return submit(registration, context);
    case 'decide':
      return decide(action.outcome, context);
    case 'approve':
      return approval(context);
    case 'reject':
      return reject(action.reason, context);
    case 'extend':
      return extend(registration, context, today);
    case 'expire':
      return expire(registration, today);
    case 'convert':
      return convert(registration, action.opportunityId, today);
    case 'withdraw':
      return { status: 'Withdrawn' };
  }
}

function submit(registration: Registration, context: LifecycleContext): Patch | TransitionRefusal {
  if (isBlank(registration.partnerAccountId)) {
    return refuse(
      'MISSING_FIELD',
      'The registration has no partner account (partnerAccountId); set it before submitting.',
    );
  }
  if (isBlank(registration.customerName)) {
    return refuse(
      'MISSING_FIELD',
      'Enter the customer name (customerName) before submitting the registration.',
    );
  }
  return { status: 'Submitted', submittedAt: context.now };
}

function decide(outcome: Outcome, context: LifecycleContext): Patch {
  switch (outcome) {
    case 'Approved':
      return approval(context);
    case 'Rejected':
      // The engine's reasons travel in the conflict summary the caller writes; rejectionReason is a person's.
      return { status: 'Rejected', decidedAt: context.now };
    case 'In Review':
      // No final decision yet: decidedAt stays empty until a person approves or rejects.
      return { status: 'In Review' };
  }
}

/** Approval by the engine or by a person: protection starts on the day of the decision. */
function approval(context: LifecycleContext): Patch {
  const days = protectionDays(context.partner, context.protection, context.tiers);
  return {
    status: 'Approved',
    decidedAt: context.now,
    protectionExpiresOn: protectionEndsOn(context.now, days),
  };
}

function reject(reason: string, context: LifecycleContext): Patch | TransitionRefusal {
  if (isBlank(reason)) {
    return refuse(
      'MISSING_REASON',
      'Give a reason for rejecting the registration; the partner will read it.',
    );
  }
  return { status: 'Rejected', decidedAt: context.now, rejectionReason: reason.trim() };
}

function extend(
  registration: Registration,
  context: LifecycleContext,
  today: IsoDate,
): Patch | TransitionRefusal {
  const { maxExtensions, days, requestWindowDays } = context.protection.extension;
  const used = registration.extensionCount ?? 0;
  if (used >= maxExtensions) {
    return refuse(
      'EXTENSION_LIMIT_REACHED',
      maxExtensions === 0
        ? 'Protection cannot be extended: no extensions are allowed (protection.extension.maxExtensions is 0).'
        : `Protection has already been extended ${used} ${used === 1 ? 'time' : 'times'}, the most allowed; ` +
            'convert the registration or let it expire.',
    );
  }
  const endsOn = registration.protectionExpiresOn ?? null;
  if (endsOn === null) {
    return refuse(
      'MISSING_FIELD',
      'The registration has no protection end date (protectionExpiresOn) to extend; set it first.',
    );
  }
  if (compareIsoDate(today, endsOn) > 0) {
    return refuse(
      'PROTECTION_ENDED',
      `Protection ended on ${endsOn}, its last protected day, so it can no longer be extended; ` +
        'the partner must register the deal again.',
    );
  }
  // Extensions are for deals about to run out of time, not a way to stack protection early.
  const windowOpensOn = addDays(endsOn, -requestWindowDays);
  if (compareIsoDate(today, windowOpensOn) < 0) {
    return refuse(
      'OUTSIDE_EXTENSION_WINDOW',
      `An extension can be requested from ${windowOpensOn} (${requestWindowDays} days before protection ` +
        `ends on ${endsOn}); ask again then.`,
    );
  }
  return { status: 'Extended', protectionExpiresOn: addDays(endsOn, days), extensionCount: used + 1 };
}

function expire(registration: Registration, today: IsoDate): Patch | TransitionRefusal {
  // No end date means nothing protects the registration, so it may expire.
  const endsOn = registration.protectionExpiresOn ?? null;
  if (endsOn !== null && compareIsoDate(today, endsOn) <= 0) {
    return refuse(
      'STILL_PROTECTED',
      `Protection runs until ${endsOn}; the registration can be expired from ${addDays(endsOn, 1)}.`,
    );
  }
  return { status: 'Expired' };
}

function convert(
  registration: Registration,
  opportunityId: string,
  today: IsoDate,
): Patch | TransitionRefusal {
  if (isBlank(opportunityId)) {
    return refuse('MISSING_FIELD', 'Name the opportunity (opportunityId) the registration converts into.');
  }
  if (!isProtectionActive(registration, today)) {
    const endsOn = registration.protectionExpiresOn ?? null;
    return refuse(
      'PROTECTION_ENDED',
      endsOn === null
        ? 'The registration has no protection end date (protectionExpiresOn), so it protects nothing to convert.'
        : `Protection ended on ${endsOn}, so the registration can no longer be converted; ` +
            'the partner must register the deal again.',
    );
  }
  return { status: 'Converted', opportunityId };
}

function roleRefusal(context: LifecycleContext, verb: string, roles: readonly ActorRole[]): string {
  const actor = capitalize(describeRole(context.actor));
  if (roles.length === 0) {
    return `${actor} cannot ${verb} a registration: no role may (protection.extension.allowedRoles is empty).`;
  }
  return `${actor} cannot ${verb} a registration; only ${joinAlternatives(roles.map(describeRole))} can.`;
}

function refuse(code: TransitionErrorCode, reason: string): TransitionRefusal {
  return { ok: false, code, reason };
}

/** The new registration, and only the fields whose value differs from before. Never mutates its input. */
function apply(registration: Registration, patch: Patch): TransitionResult {
  const changes: Patch = Object.fromEntries(
    Object.entries(patch).filter(([field, value]) => registration[field as keyof Registration] !== value),
  );
  return { ok: true, registration: { ...registration, ...changes }, changes };
}
