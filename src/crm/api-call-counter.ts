// Counts the API calls an adapter makes, by purpose, so tests and benchmarks can hold the
// adapter to its budget (a deal's context in at most three calls, writes that do not grow
// with the number of tasks). Attempts are counted apart from logical calls: retries cost quota.

export interface ApiCallCounts {
  calls: number;
  attempts: number;
  byLabel: Record<string, number>;
}

export class ApiCallCounter {
  private counts: ApiCallCounts = { calls: 0, attempts: 0, byLabel: {} };

  call(label: string): void {
    this.counts.calls++;
    this.counts.byLabel[label] = (this.counts.byLabel[label] ?? 0) + 1;
  }

  attempt(): void {
    this.counts.attempts++;
  }

  snapshot(): ApiCallCounts {
    return { ...this.counts, byLabel: { ...this.counts.byLabel } };
  }

  reset(): void {
    this.counts = { calls: 0, attempts: 0, byLabel: {} };
  }

  /** Runs `fn` and returns its result with the calls it made. */
  async measure<T>(fn: () => Promise<T>): Promise<{ result: T; calls: number; attempts: number }> {
    const before = this.snapshot();
    const result = await fn();
    const after = this.snapshot();
    return {
      result,
      calls: after.calls - before.calls,
      attempts: after.attempts - before.attempts,
    };
  }
}
