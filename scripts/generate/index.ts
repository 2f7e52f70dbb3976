/**
 * Seeded generators of realistic customer accounts and noisy deal registrations with
 * ground truth, for the matching benchmark and seed data.
 */
export { generateAccounts } from './accounts.ts';
export type { GeneratedAccount } from './accounts.ts';
export { generateRegistrations } from './registrations.ts';
export type {
  GeneratedRegistration,
  NoiseKind,
  RegistrationOptions,
  SubmittedRegistration,
} from './registrations.ts';
