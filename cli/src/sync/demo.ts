/**
 * The demo job: decides the sample registrations submitted on one morning and
 * recalculates the sample partners' tiers, with the engine and the versioned
 * config, without any org. It returns plain data; the command renders it.
 */
import { toIsoDate } from '../engine/dates.ts';
import { buildCandidateSources, decideInSubmissionOrder, type Decision } from '../engine/rules/index.ts';
import { recalculateTiers, type TierDecision } from '../engine/tiers/index.ts';
import type { Partner, Registration } from '../engine/types.ts';
import { loadConfigFile } from '../config/load.ts';
import { loadSampleData } from '../config/sample-data.ts';

export interface DemoOptions {
  configFile: string;
  sampleFile: string;
}

export interface DemoRegistration {
  registration: Registration;
  partner: Partner;
  decision: Decision;
}

export interface DemoTier {
  partner: Partner;
  decision: TierDecision;
}

export interface DemoResult {
  asOf: string;
  rulesVersion: string;
  tiersVersion: string;
  registrations: DemoRegistration[];
  tiers: DemoTier[];
}

export async function runDemo(options: DemoOptions): Promise<DemoResult> {
  const config = await loadConfigFile(options.configFile);
  const sample = await loadSampleData(options.sampleFile);
  const partnersById = new Map(sample.partners.map((partner) => [partner.id, partner]));

  const submitted = sample.registrations.filter((registration) => registration.status === 'Submitted');
  const sources = buildCandidateSources(sample);
  const decisions = decideInSubmissionOrder(
    submitted,
    partnersById,
    sources,
    {
      rulesOfEngagement: config.rulesOfEngagement,
      matching: config.matching,
      protection: config.protection,
      tiers: config.tiers.tiers,
    },
    sample.asOf,
  );
  const registrationsById = new Map(submitted.map((registration) => [registration.id, registration]));

  const tierRun = recalculateTiers(sample.tierStates, sample.metrics, config.tiers, toIsoDate(sample.asOf));
  return {
    asOf: sample.asOf,
    rulesVersion: config.rulesOfEngagement.version,
    tiersVersion: config.tiers.version,
    registrations: decisions.map((decision) => {
      const registration = registrationsById.get(decision.registrationId) as Registration;
      return { registration, partner: partnerOf(partnersById, registration.partnerAccountId), decision };
    }),
    tiers: tierRun.decisions.map((decision) => ({
      partner: partnerOf(partnersById, decision.evaluation.partnerAccountId),
      decision,
    })),
  };
}

function partnerOf(partnersById: ReadonlyMap<string, Partner>, id: string): Partner {
  return partnersById.get(id) ?? { id, name: id, type: 'Reseller', status: 'Active', tier: null };
}
