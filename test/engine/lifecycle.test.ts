import { readFileSync } from 'node:fs';

import {
  allowedActions,
  isOpenStatus,
  isProtectionActive,
  nextStatuses,
  planConversion,
  protectionDays,
  protectionEndsOn,
  transition,
} from '../../cli/src/engine/lifecycle/index.ts';
import type {
  ConversionPlan,
  LifecycleAction,
  LifecycleContext,
  TransitionErrorCode,
} from '../../cli/src/engine/lifecycle/index.ts';
import type {
  ActorRole,
  IsoDateTime,
  Partner,
  ProtectionConfig,
  Registration,
  RegistrationStatus,
  TierDefinition,
} from '../../cli/src/engine/types.ts';

interface TransitionVector {
  id: string;
  description: string;
  registration: Registration;
  partner: Partner;
  action: LifecycleAction;
  now: IsoDateTime;
  actor: ActorRole;
  expected: { ok: true; changes: Partial<Registration> } | { ok: false; code: TransitionErrorCode };
}

interface ConversionVector {
  id: string;
  description: string;
  registration: Registration;
  existingOpportunityId: string | null;
  now: IsoDateTime;
  defaultCloseInDays: number;
  expected: ConversionPlan;
}

interface LifecycleVectorSuite {
  suite: 'lifecycle';
  description: string;
  protection: ProtectionConfig;
  tiers: TierDefinition[];
  cases: TransitionVector[];
  conversionPlans: ConversionVector[];
}

const vectors = JSON.parse(
  readFileSync(new URL('../vectors/lifecycle.json', import.meta.url), 'utf8'),
) as LifecycleVectorSuite;

function contextFor(vector: Pick<TransitionVector, 'now' | 'actor' | 'partner'>): LifecycleContext {
  return {
    now: vector.now,
    actor: vector.actor,
    partner: vector.partner,
    protection: vectors.protection,
    tiers: vectors.tiers,
  };
}

describe('lifecycle vectors', () => {
  test.each(vectors.cases)('$id $description', (vector) => {
    const before = structuredClone(vector.registration);
    const result = transition(vector.registration, vector.action, contextFor(vector));

    expect(vector.registration).toEqual(before);
    if (vector.expected.ok) {
      if (!result.ok) throw new Error(`refused with ${result.code}: ${result.reason}`);
      expect(result.changes).toEqual(vector.expected.changes);
      expect(result.registration).toEqual({ ...vector.registration, ...vector.expected.changes });
    } else {
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.code).toBe(vector.expected.code);
      expect(result.reason).toMatch(/\S\.$/);
    }
  });

  test.each(vectors.conversionPlans)('$id $description', (vector) => {
    const plan = planConversion(vector.registration, {
      existingOpportunityId: vector.existingOpportunityId,
      now: vector.now,
      defaultCloseInDays: vector.defaultCloseInDays,
    });
    expect(plan).toEqual(vector.expected);
  });

  test('case ids are unique', () => {
    const ids = [...vectors.cases, ...vectors.conversionPlans].map((vector) => vector.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  test('every action is accepted somewhere and every refusal code is exercised', () => {
    const accepted = new Set(vectors.cases.filter((c) => c.expected.ok).map((c) => c.action.type));
    const codes = new Set(vectors.cases.flatMap((c) => (c.expected.ok ? [] : [c.expected.code])));
    expect([...accepted].sort()).toEqual(
      ['approve', 'convert', 'decide', 'expire', 'extend', 'reject', 'submit', 'withdraw'].sort(),
    );
    expect([...codes].sort()).toEqual(
      [
        'EXTENSION_LIMIT_REACHED',
        'INVALID_TRANSITION',
        'MISSING_FIELD',
        'MISSING_REASON',
        'NOT_ALLOWED_FOR_ROLE',
        'OUTSIDE_EXTENSION_WINDOW',
        'PROTECTION_ENDED',
        'STILL_PROTECTED',
      ].sort(),
    );
  });
});

// ---------------------------------------------------------------------------
// Unit tests on the same configuration as the vectors
// ---------------------------------------------------------------------------

const partner: Partner = {
  id: 'partner-northwind',
  name: 'Northwind Resellers',
  type: 'Reseller',
  status: 'Active',
  tier: 'Registered',
};

function registration(overrides: Partial<Registration> = {}): Registration {
  return {
    id: 'reg-001',
    partnerAccountId: 'partner-northwind',
    customerName: 'Acme Corporation',
    productFamily: 'Analytics',
    estimatedAmount: 48000,
    expectedCloseDate: '2026-06-30',
    status: 'Approved',
    submittedAt: '2026-01-14T16:20:00.000Z',
    decidedAt: '2026-01-15T10:00:00.000Z',
    protectionExpiresOn: '2026-04-15',
    extensionCount: 0,
    customerAccountId: 'acct-acme',
    opportunityId: null,
    rejectionReason: null,
    ...overrides,
  };
}

function context(
  actor: ActorRole,
  now: IsoDateTime,
  overrides: Partial<LifecycleContext> = {},
): LifecycleContext {
  return { now, actor, partner, protection: vectors.protection, tiers: vectors.tiers, ...overrides };
}

describe('allowedActions', () => {
  test.each<[string, RegistrationStatus, ActorRole, IsoDateTime, string[]]>([
    ['a partner on a draft', 'Draft', 'Partner', '2026-01-10T09:00:00Z', ['submit', 'withdraw']],
    ['the system on a draft', 'Draft', 'System', '2026-01-10T09:00:00Z', []],
    ['the system on a submitted registration', 'Submitted', 'System', '2026-01-14T17:00:00Z', ['decide']],
    ['a partner on a submitted registration', 'Submitted', 'Partner', '2026-01-14T17:00:00Z', ['withdraw']],
    [
      'a channel manager in review',
      'In Review',
      'ChannelManager',
      '2026-01-20T09:00:00Z',
      ['approve', 'reject', 'withdraw'],
    ],
    ['a partner in review', 'In Review', 'Partner', '2026-01-20T09:00:00Z', ['withdraw']],
    [
      'a channel manager before the extension window',
      'Approved',
      'ChannelManager',
      '2026-03-01T09:00:00Z',
      ['convert', 'withdraw'],
    ],
    [
      'a channel manager inside the extension window',
      'Approved',
      'ChannelManager',
      '2026-04-05T09:00:00Z',
      ['extend', 'convert', 'withdraw'],
    ],
    ['an admin after protection ended', 'Approved', 'Admin', '2026-04-16T09:00:00Z', ['expire', 'withdraw']],
    ['the system after protection ended', 'Approved', 'System', '2026-04-16T09:00:00Z', ['expire']],
    ['the system while protected', 'Approved', 'System', '2026-04-15T09:00:00Z', []],
    ['a partner on a converted registration', 'Converted', 'Partner', '2026-04-10T09:00:00Z', []],
    ['an admin on a withdrawn registration', 'Withdrawn', 'Admin', '2026-04-10T09:00:00Z', []],
  ])('%s', (_title, status, actor, now, expected) => {
    expect(allowedActions(registration({ status }), context(actor, now))).toEqual(expected);
  });

  test('a draft missing its customer name offers no submit', () => {
    const draft = registration({ status: 'Draft', customerName: '' });
    expect(allowedActions(draft, context('Partner', '2026-01-10T09:00:00Z'))).toEqual(['withdraw']);
  });

  test('no extend once the extension limit is reached', () => {
    const extended = registration({
      status: 'Extended',
      protectionExpiresOn: '2026-06-14',
      extensionCount: 2,
    });
    expect(allowedActions(extended, context('ChannelManager', '2026-06-10T09:00:00Z'))).toEqual([
      'convert',
      'withdraw',
    ]);
  });

  test('agrees with transition for every status, role and a spread of days', () => {
    const statuses: RegistrationStatus[] = [
      'Draft',
      'Submitted',
      'In Review',
      'Approved',
      'Extended',
      'Rejected',
      'Expired',
      'Converted',
      'Withdrawn',
    ];
    const roles: ActorRole[] = ['Partner', 'ChannelManager', 'Admin', 'System'];
    const days = [
      '2026-03-31T12:00:00Z',
      '2026-04-01T12:00:00Z',
      '2026-04-15T12:00:00Z',
      '2026-04-16T12:00:00Z',
    ];
    const sample: Record<string, LifecycleAction> = {
      submit: { type: 'submit' },
      decide: { type: 'decide', outcome: 'Rejected' },
      approve: { type: 'approve' },
      reject: { type: 'reject', reason: 'Duplicate.' },
      extend: { type: 'extend' },
      expire: { type: 'expire' },
      convert: { type: 'convert', opportunityId: 'opp-1', attribution: 'Influenced' },
      withdraw: { type: 'withdraw' },
    };
    for (const status of statuses) {
      for (const actor of roles) {
        for (const now of days) {
          const subject = registration({ status });
          const ctx = context(actor, now);
          const accepted = Object.values(sample)
            .filter((action) => transition(subject, action, ctx).ok)
            .map((action) => action.type);
          expect(allowedActions(subject, ctx)).toEqual(accepted);
        }
      }
    }
  });
});

describe('transition', () => {
  test('never mutates the registration, even when it accepts', () => {
    const subject = Object.freeze(registration({ status: 'Approved' }));
    const result = transition(subject, { type: 'extend' }, context('Admin', '2026-04-10T09:00:00Z'));
    expect(result.ok).toBe(true);
    expect(subject.status).toBe('Approved');
    expect(subject.protectionExpiresOn).toBe('2026-04-15');
  });

  test('returns a new registration object, and changes hold only what changed', () => {
    const subject = registration({
      status: 'Extended',
      protectionExpiresOn: '2026-05-15',
      extensionCount: 1,
    });
    const result = transition(subject, { type: 'extend' }, context('Admin', '2026-05-10T09:00:00Z'));
    if (!result.ok) throw new Error(result.reason);
    expect(result.registration).not.toBe(subject);
    expect(result.changes).toEqual({ protectionExpiresOn: '2026-06-14', extensionCount: 2 });
  });

  test('a refusal outside the window names the date from which to ask', () => {
    const result = transition(registration(), { type: 'extend' }, context('Admin', '2026-03-20T09:00:00Z'));
    expect(result).toEqual({
      ok: false,
      code: 'OUTSIDE_EXTENSION_WINDOW',
      reason: expect.stringContaining('2026-04-01'),
    });
  });

  test('an invalid transition names the status and where the action can start', () => {
    const result = transition(
      registration({ status: 'Rejected' }),
      { type: 'extend' },
      context('Admin', '2026-04-10T09:00:00Z'),
    );
    expect(result).toEqual({
      ok: false,
      code: 'INVALID_TRANSITION',
      reason: 'A registration in Rejected cannot be extended; only Approved or Extended registrations can.',
    });
  });

  test('a role refusal names the roles that may act', () => {
    const result = transition(
      registration({ status: 'In Review' }),
      { type: 'approve' },
      context('Partner', '2026-01-20T09:00:00Z'),
    );
    expect(result).toEqual({
      ok: false,
      code: 'NOT_ALLOWED_FOR_ROLE',
      reason: 'A partner cannot approve a registration; only a channel manager or an admin can.',
    });
  });

  test('extensions switched off (no allowed roles) say so', () => {
    const protection: ProtectionConfig = {
      ...vectors.protection,
      extension: { ...vectors.protection.extension, allowedRoles: [] },
    };
    const result = transition(
      registration(),
      { type: 'extend' },
      context('Admin', '2026-04-10T09:00:00Z', { protection }),
    );
    expect(result).toMatchObject({
      ok: false,
      code: 'NOT_ALLOWED_FOR_ROLE',
      reason: expect.stringContaining('allowedRoles'),
    });
  });

  test('extensions switched off (maxExtensions 0) say so', () => {
    const protection: ProtectionConfig = {
      ...vectors.protection,
      extension: { ...vectors.protection.extension, maxExtensions: 0 },
    };
    const result = transition(
      registration(),
      { type: 'extend' },
      context('Admin', '2026-04-10T09:00:00Z', { protection }),
    );
    expect(result).toMatchObject({
      ok: false,
      code: 'EXTENSION_LIMIT_REACHED',
      reason: expect.stringContaining('maxExtensions'),
    });
  });

  test('a missing customer name is named in the refusal', () => {
    const result = transition(
      registration({ status: 'Draft', customerName: '' }),
      { type: 'submit' },
      context('Partner', '2026-01-10T09:00:00Z'),
    );
    expect(result).toMatchObject({
      ok: false,
      code: 'MISSING_FIELD',
      reason: expect.stringContaining('customerName'),
    });
  });

  test('extending an approved registration without an end date asks for it', () => {
    const result = transition(
      registration({ protectionExpiresOn: null }),
      { type: 'extend' },
      context('Admin', '2026-04-10T09:00:00Z'),
    );
    expect(result).toMatchObject({
      ok: false,
      code: 'MISSING_FIELD',
      reason: expect.stringContaining('protectionExpiresOn'),
    });
  });

  test('an approved registration without an end date protects nothing: it may expire, not convert', () => {
    const subject = registration({ protectionExpiresOn: null });
    expect(transition(subject, { type: 'expire' }, context('System', '2026-04-10T09:00:00Z')).ok).toBe(true);
    const conversion = transition(
      subject,
      { type: 'convert', opportunityId: 'opp-1', attribution: 'Sourced' },
      context('Admin', '2026-04-10T09:00:00Z'),
    );
    expect(conversion).toMatchObject({ ok: false, code: 'PROTECTION_ENDED' });
  });

  test('a malformed now is a bug, thrown rather than answered', () => {
    expect(() => transition(registration(), { type: 'withdraw' }, context('Admin', '2026-04-10'))).toThrow(
      RangeError,
    );
  });
});

describe('protectionDays', () => {
  const protection = vectors.protection;
  test.each<[string, Partial<Partner>, number]>([
    ['tier definition wins over byTier', { tier: 'Gold', type: 'MSP' }, 105],
    ['byTier wins over byPartnerType', { tier: 'Silver', type: 'MSP' }, 75],
    ['byPartnerType when the tier sets nothing', { tier: 'Registered', type: 'MSP' }, 60],
    ['default when neither tier nor type sets anything', { tier: 'Registered', type: 'VAR' }, 90],
    ['an unknown tier falls through to the type', { tier: 'Diamond', type: 'Distributor' }, 45],
    ['no tier at all', { tier: null, type: 'SI' }, 90],
    [
      'a tier named like an Object.prototype member is just unknown',
      { tier: 'constructor', type: 'ISV' },
      90,
    ],
  ])('%s', (_title, overrides, expected) => {
    expect(protectionDays({ ...partner, ...overrides }, protection, vectors.tiers)).toBe(expected);
  });
});

describe('protection dates', () => {
  test.each([
    ['2026-01-15T10:00:00Z', 90, '2026-04-15'],
    ['2026-01-15T23:30:00-05:00', 90, '2026-04-16'],
    ['2027-12-31T08:00:00Z', 60, '2028-02-29'],
    ['2026-03-01T00:00:00+01:00', 0, '2026-02-28'],
  ])('protectionEndsOn(%s, %d) = %s', (decidedAt, days, expected) => {
    expect(protectionEndsOn(decidedAt, days)).toBe(expected);
  });

  test.each<[RegistrationStatus, string | null, string, boolean]>([
    ['Approved', '2026-04-15', '2026-04-15', true],
    ['Approved', '2026-04-15', '2026-04-16', false],
    ['Extended', '2026-05-15', '2026-05-01', true],
    ['Approved', null, '2026-04-01', false],
    ['Converted', '2026-04-15', '2026-04-01', false],
    ['In Review', '2026-04-15', '2026-04-01', false],
  ])('isProtectionActive: %s until %s, on %s -> %s', (status, protectionExpiresOn, today, expected) => {
    expect(isProtectionActive(registration({ status, protectionExpiresOn }), today)).toBe(expected);
  });
});

describe('isOpenStatus', () => {
  test.each<[RegistrationStatus, boolean]>([
    ['Draft', true],
    ['Submitted', true],
    ['In Review', true],
    ['Approved', true],
    ['Extended', true],
    ['Rejected', false],
    ['Expired', false],
    ['Converted', false],
    ['Withdrawn', false],
  ])('%s -> %s', (status, expected) => {
    expect(isOpenStatus(status)).toBe(expected);
  });
});

describe('planConversion', () => {
  const options = { existingOpportunityId: null, now: '2026-03-01T09:00:00Z', defaultCloseInDays: 30 };

  test('a new deal is Sourced and creates an opportunity linked to the registration and partner', () => {
    expect(planConversion(registration(), options)).toEqual({
      attribution: 'Sourced',
      opportunity: {
        existingOpportunityId: null,
        name: 'Acme Corporation – Analytics',
        accountId: 'acct-acme',
        amount: 48000,
        closeDate: '2026-06-30',
        dealRegistrationId: 'reg-001',
        partnerAccountId: 'partner-northwind',
      },
    });
  });

  test('joining a direct rep’s open opportunity is Influenced', () => {
    const plan = planConversion(registration(), { ...options, existingOpportunityId: 'opp-direct-7' });
    expect(plan.attribution).toBe('Influenced');
    expect(plan.opportunity.existingOpportunityId).toBe('opp-direct-7');
  });

  test('a blank existing opportunity id counts as none', () => {
    expect(planConversion(registration(), { ...options, existingOpportunityId: '  ' }).attribution).toBe(
      'Sourced',
    );
  });

  test('without an expected close date, closes defaultCloseInDays from today (UTC)', () => {
    const plan = planConversion(registration({ expectedCloseDate: null }), {
      ...options,
      now: '2026-01-31T23:00:00-02:00',
    });
    expect(plan.opportunity.closeDate).toBe('2026-03-03');
  });

  test('a blank product family leaves the customer name alone, trimmed', () => {
    const plan = planConversion(
      registration({ customerName: ' Acme Corporation ', productFamily: ' ' }),
      options,
    );
    expect(plan.opportunity.name).toBe('Acme Corporation');
  });

  test('the name is cut to the 120 characters Opportunity.Name holds', () => {
    const plan = planConversion(registration({ customerName: 'A'.repeat(130) }), options);
    expect(plan.opportunity.name).toBe('A'.repeat(120));
  });

  test('does not mutate the registration', () => {
    const subject = Object.freeze(registration({ expectedCloseDate: null }));
    planConversion(subject, options);
    expect(subject.expectedCloseDate).toBeNull();
  });
});

describe('nextStatuses', () => {
  test('reads the lifecycle as edges: open statuses move on, final ones do not', () => {
    expect(nextStatuses('Draft')).toEqual(['Submitted', 'Withdrawn']);
    expect(nextStatuses('Submitted')).toEqual(['In Review', 'Approved', 'Rejected', 'Withdrawn']);
    expect(nextStatuses('Approved')).toEqual(['Extended', 'Expired', 'Converted', 'Withdrawn']);
    expect(nextStatuses('Extended')).toEqual(['Extended', 'Expired', 'Converted', 'Withdrawn']);
    for (const final of ['Rejected', 'Expired', 'Converted', 'Withdrawn'] as const) {
      expect(nextStatuses(final)).toEqual([]);
    }
  });
});
