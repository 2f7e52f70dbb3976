/** Timing, memory and size helpers for the benchmarks. */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { DATABASE_FILE } from '../../cli/src/localorg/local-org.ts';

export const MB = 1024 * 1024;

/** `value` to `digits` decimals, as a number (for the JSON figures). */
export const round = (value: number, digits: number): number => Number(value.toFixed(digits));

/** A local org's database with its write-ahead log, as it stands, in bytes. */
export function databaseBytes(dataDir: string): number {
  let bytes = 0;
  for (const suffix of ['', '-wal']) {
    try {
      bytes += statSync(join(dataDir, DATABASE_FILE + suffix)).size;
    } catch {
      // no WAL file: nothing to add
    }
  }
  return bytes;
}

/** Seconds since `start` (a `performance.now()` reading). */
export function seconds(start: number): number {
  return (performance.now() - start) / 1000;
}

/** Collects garbage when Node runs with --expose-gc (as `npm run bench` does), so heap deltas are honest. */
export function settleHeap(): void {
  const collect = (globalThis as { gc?: () => void }).gc;
  if (collect) {
    collect();
    collect();
  }
}

/** JavaScript heap plus the typed arrays' buffers, which live outside the heap proper. */
export function heapBytes(): number {
  const usage = process.memoryUsage();
  return usage.heapUsed + usage.arrayBuffers;
}
