/**
 * Faults on demand, for the retry and resume tests of the CLI's jobs: a share of
 * requests answered as a busy or broken org answers them (503, the API request
 * limit, a locked row), dropped, or answered slowly. Off by default; turned on
 * by `trellis org start --fault-rate` or by the org admin through /trellis/faults.
 * Draws come from a seeded generator, so a test sees the same faults every run.
 */
import { createRandom, type Random } from '../../../../scripts/lib/random.ts';
import { ApiError } from '../store/errors.ts';
import type { Exchange } from './exchange.ts';

/** Faults of one HTTP request. */
const REQUEST_FAULT_KINDS = ['unavailable', 'request-limit', 'lock-row', 'drop', 'slow'] as const;
/**
 * `bulk-job`: a Bulk API job fails midway, after at least one chunk was committed, as a job
 * Salesforce gives up on does. Only when named: the default kinds are the request faults.
 */
export const FAULT_KINDS = [...REQUEST_FAULT_KINDS, 'bulk-job'] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

export interface FaultSettings {
  /** Share of eligible requests that get a fault, 0 to 1. */
  rate: number;
  kinds: FaultKind[];
  /** Delay of a slow reply. */
  slowMs: number;
  seed: string;
}

export const NO_FAULTS: FaultSettings = {
  rate: 0,
  kinds: [...REQUEST_FAULT_KINDS],
  slowMs: 2000,
  seed: 'trellis',
};

const WRITE_METHODS = new Set(['POST', 'PATCH', 'PUT', 'DELETE']);

export class FaultInjector {
  private settings: FaultSettings = NO_FAULTS;
  private random: Random = createRandom(NO_FAULTS.seed);
  private injected = 0;

  constructor(settings: FaultSettings = NO_FAULTS) {
    this.configure(settings);
  }

  configure(settings: FaultSettings): void {
    this.settings = {
      ...settings,
      kinds: settings.kinds.length > 0 ? settings.kinds : [...REQUEST_FAULT_KINDS],
    };
    this.random = createRandom(settings.seed);
    this.injected = 0;
  }

  status(): FaultSettings & { injected: number } {
    return { ...this.settings, injected: this.injected };
  }

  /**
   * Whether the bulk job about to process its next chunk fails here. Only after its first chunk:
   * the fault is a job cut off midway, with committed chunks behind it and unprocessed rows ahead.
   */
  failsBulkChunk(chunksDone: number): boolean {
    if (chunksDone === 0 || this.settings.rate <= 0 || !this.settings.kinds.includes('bulk-job'))
      return false;
    if (!this.random.chance(this.settings.rate)) return false;
    this.injected++;
    return true;
  }

  /**
   * Decides this request's fault, if any. Returns true when the request has been
   * answered (or dropped) and must not be handled; a slow fault delays, then returns false.
   */
  async apply(exchange: Exchange): Promise<boolean> {
    if (this.settings.rate <= 0 || !this.random.chance(this.settings.rate)) return false;
    // A locked row only happens on writes; on a read, another kind is drawn. Bulk faults strike jobs, not requests.
    const kinds = this.settings.kinds.filter(
      (kind) => kind !== 'bulk-job' && (kind !== 'lock-row' || WRITE_METHODS.has(exchange.method)),
    );
    if (kinds.length === 0) return false;
    const kind = this.random.pick(kinds);
    this.injected++;
    switch (kind) {
      case 'bulk-job':
        return false;
      case 'slow':
        await new Promise((resolve) => setTimeout(resolve, this.settings.slowMs));
        return false;
      case 'drop':
        exchange.request.socket.destroy();
        return true;
      case 'unavailable':
        throw new ApiError(
          'SERVER_UNAVAILABLE',
          'Service Unavailable: the server is temporarily unable to handle the request',
          {
            status: 503,
          },
        );
      case 'request-limit':
        throw new ApiError('REQUEST_LIMIT_EXCEEDED', 'TotalRequests Limit exceeded.', { status: 403 });
      case 'lock-row':
        throw new ApiError(
          'UNABLE_TO_LOCK_ROW',
          'unable to obtain exclusive access to this record or 1 records',
          {
            status: 400,
          },
        );
    }
  }
}

/** `unavailable,drop` -> the kinds; an unknown name is an error naming the known ones. */
export function parseFaultKinds(text: string): FaultKind[] {
  const names = text
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '');
  for (const name of names) {
    if (!(FAULT_KINDS as readonly string[]).includes(name)) {
      throw new Error(`unknown fault kind "${name}"; use ${FAULT_KINDS.join(', ')}`);
    }
  }
  return names as FaultKind[];
}
