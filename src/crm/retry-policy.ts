// Retries for CRM calls: rate limits wait for the window to pass, server errors and dropped
// connections back off exponentially, everything else fails at once. Shared by both CRMs.

export type RetryDecision = { retry: false } | { retry: true; delayMs: number; reason: string };

export interface RetryOptions {
  /** Attempts after the first. */
  retries: number;
  baseDelayMs: number;
  maxDelayMs: number;
  sleep?: (ms: number) => Promise<void>;
  /** Told about each retry, for logs: never the request or its credentials. */
  onRetry?: (info: { label: string; attempt: number; delayMs: number; reason: string }) => void;
}

export const DEFAULT_RETRY_OPTIONS: RetryOptions = {
  retries: 6,
  baseDelayMs: 250,
  maxDelayMs: 15_000,
};

const sleepFor = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function backoff(
  attempt: number,
  options: Pick<RetryOptions, 'baseDelayMs' | 'maxDelayMs'>,
): number {
  const exponential = options.baseDelayMs * 2 ** (attempt - 1);
  // Full jitter keeps several backend copies from retrying in lockstep.
  return Math.min(
    options.maxDelayMs,
    Math.round(exponential / 2 + Math.random() * (exponential / 2)),
  );
}

export async function withRetries<T>(
  label: string,
  call: () => Promise<T>,
  classify: (error: unknown, attempt: number) => RetryDecision,
  options: RetryOptions = DEFAULT_RETRY_OPTIONS,
): Promise<T> {
  const sleep = options.sleep ?? sleepFor;
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      const decision = classify(error, attempt);
      if (!decision.retry || attempt > options.retries) throw error;
      options.onRetry?.({ label, attempt, delayMs: decision.delayMs, reason: decision.reason });
      await sleep(decision.delayMs);
    }
  }
}
