/** Timing and memory helpers for the benchmarks. */

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
