/**
 * How long an approved registration protects its partner, and whether it still does.
 *
 * Protection is counted in UTC calendar days from the day of the decision. The end date is the
 * last protected day, inclusive: approved on 2026-01-15 with 90 days, the registration protects
 * through 2026-04-15 and can expire from 2026-04-16.
 */
import { addDays, compareIsoDate, toIsoDate } from '../dates.ts';
import type {
  IsoDate,
  IsoDateTime,
  Partner,
  ProtectionConfig,
  Registration,
  TierDefinition,
} from '../types.ts';
import { PROTECTED_STATUSES } from './status.ts';

/**
 * Days of protection for a partner's newly approved registration. The most specific setting wins:
 * the partner's tier definition (`protectionDays`), then `protection.byTier[tier]`, then
 * `protection.byPartnerType[type]`, then `protection.defaultDays`.
 */
export function protectionDays(
  partner: Partner,
  protection: ProtectionConfig,
  tiers: readonly TierDefinition[],
): number {
  const tier = partner.tier ?? null;
  if (tier !== null) {
    const tierDays = tiers.find((definition) => definition.name === tier)?.protectionDays;
    if (tierDays !== undefined) return tierDays;
    // Own keys only: a tier named "constructor" must not find Object.prototype's.
    const byTierDays = Object.hasOwn(protection.byTier, tier) ? protection.byTier[tier] : undefined;
    if (byTierDays !== undefined) return byTierDays;
  }
  const byTypeDays = Object.hasOwn(protection.byPartnerType, partner.type)
    ? protection.byPartnerType[partner.type]
    : undefined;
  return byTypeDays ?? protection.defaultDays;
}

/** The last protected day of a registration decided at `decidedAt`: its UTC date plus `days`. */
export function protectionEndsOn(decidedAt: IsoDateTime, days: number): IsoDate {
  return addDays(toIsoDate(decidedAt), days);
}

/** Approved or Extended, and `today` is on or before the last protected day. No end date, no protection. */
export function isProtectionActive(registration: Registration, today: IsoDate): boolean {
  const endsOn = registration.protectionExpiresOn ?? null;
  return (
    PROTECTED_STATUSES.includes(registration.status) && endsOn !== null && compareIsoDate(endsOn, today) >= 0
  );
}
