/**
 * The admin-only switch of faults on demand: `GET /trellis/faults` reports them,
 * `PUT /trellis/faults` with `{rate, kinds, slowMs, seed}` sets them (rate 0 turns them off).
 * Outside /services: it is the local org's own, not a Salesforce API.
 */
import { z } from 'zod';
import { ApiError } from '../store/errors.ts';
import type { LocalOrgContext } from './context.ts';
import { readJson, sendJson, type Exchange } from './exchange.ts';
import { FAULT_KINDS, NO_FAULTS } from './faults.ts';

const settingsSchema = z.strictObject({
  rate: z.number().min(0).max(1),
  kinds: z.array(z.enum(FAULT_KINDS)).default([...FAULT_KINDS]),
  slowMs: z.int().min(0).max(60_000).default(NO_FAULTS.slowMs),
  seed: z.string().min(1).default(NO_FAULTS.seed),
});

function requireAdmin(exchange: Exchange, context: LocalOrgContext): void {
  if (exchange.session?.userId !== context.identity.adminUserId) {
    throw new ApiError('INSUFFICIENT_ACCESS', 'Only the org admin can inject faults', { status: 403 });
  }
}

export function faultSettings(exchange: Exchange, context: LocalOrgContext): void {
  requireAdmin(exchange, context);
  sendJson(exchange, 200, context.faults.status());
}

export async function setFaultSettings(exchange: Exchange, context: LocalOrgContext): Promise<void> {
  requireAdmin(exchange, context);
  const parsed = settingsSchema.safeParse(await readJson(exchange));
  if (!parsed.success) {
    throw new ApiError(
      'JSON_PARSER_ERROR',
      parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; '),
    );
  }
  context.faults.configure(parsed.data);
  sendJson(exchange, 200, context.faults.status());
}
