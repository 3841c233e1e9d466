/** Latency figures: median and p95 of calls made one at a time. */

export interface Latency {
  samples: number;
  medianMs: number;
  p95Ms: number;
  errors: number;
}

const round2 = (n: number) => Math.round(n * 100) / 100;

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export function summarize(times: number[], errors = 0): Latency {
  const sorted = [...times].sort((a, b) => a - b);
  return { samples: sorted.length, medianMs: round2(percentile(sorted, 50)), p95Ms: round2(percentile(sorted, 95)), errors };
}

/**
 * Runs `call(i)` for i = 0 … n-1 one after another (a few warm-up calls first, not counted) and
 * times each. `call` resolves to false when the call failed (counted, still timed).
 */
export async function oneAtATime(n: number, call: (i: number) => Promise<boolean>): Promise<Latency> {
  // Warm-up: the server just started (V8 still compiling its hot paths, statements not yet prepared).
  for (let i = 0; i < Math.min(20, n); i++) await call(n + i);
  const times: number[] = [];
  let errors = 0;
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    const ok = await call(i);
    times.push(performance.now() - t0);
    if (!ok) errors += 1;
  }
  return summarize(times, errors);
}

export function ratio(api: number, floor: number): number | null {
  return floor > 0 && Number.isFinite(api) ? round2(api / floor) : null;
}

/** The i-th element of a non-empty list, cycling. */
export function pick<T>(list: readonly T[], i: number): T {
  if (list.length === 0) throw new Error('ベンチマークの入力がありません。');
  return list[i % list.length]!;
}
