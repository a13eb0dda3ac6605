// Small helpers for benchmarks: run a function for a while, several rounds, report the median.
import { performance } from 'node:perf_hooks';

export interface Throughput {
  perSecond: number;
  rounds: number[];
}

/** Calls `fn` over `inputs` round-robin for `millis` per round and returns calls per second. */
export function throughput<T>(
  inputs: readonly T[],
  fn: (input: T) => unknown,
  millis = 1000,
  rounds = 5,
): Throughput {
  // Warm up so the JIT has compiled the hot path before we measure.
  for (let i = 0; i < Math.min(2000, inputs.length * 20); i++) fn(inputs[i % inputs.length]!);
  const results: number[] = [];
  for (let round = 0; round < rounds; round++) {
    let calls = 0;
    const start = performance.now();
    let elapsed = 0;
    while (elapsed < millis) {
      for (let i = 0; i < 100; i++) fn(inputs[(calls + i) % inputs.length]!);
      calls += 100;
      elapsed = performance.now() - start;
    }
    results.push((calls * 1000) / elapsed);
  }
  const sorted = [...results].sort((a, b) => a - b);
  return { perSecond: sorted[Math.floor(sorted.length / 2)]!, rounds: results };
}

export function formatRate(value: number): string {
  return value >= 1000 ? `${(value / 1000).toFixed(1)}k/s` : `${value.toFixed(0)}/s`;
}

/** The `p`th percentile (0–100) of some samples, nearest rank. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

export const median = (samples: readonly number[]): number => percentile(samples, 50);

export function formatMs(value: number): string {
  return value >= 100 ? `${value.toFixed(0)} ms` : `${value.toFixed(1)} ms`;
}
