// Every HubSpot call the adapter makes goes through here: counted, retried by policy, and
// logged without request bodies, tokens or personal data.
import { ApiCallCounter } from '../api-call-counter';
import {
  type RetryDecision,
  type RetryOptions,
  DEFAULT_RETRY_OPTIONS,
  backoff,
  withRetries,
} from '../retry-policy';

export interface HubSpotErrorShape {
  code: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface CallLog {
  warn: (message: string, fields?: Record<string, unknown>) => void;
}

export function isHubSpotError(error: unknown): error is HubSpotErrorShape {
  return (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as { code?: unknown }).code === 'number'
  );
}

export function statusOf(error: unknown): number | null {
  return isHubSpotError(error) ? error.code : null;
}

/** The category HubSpot put in its error body (OBJECT_NOT_FOUND, VALIDATION_ERROR, …). */
export function categoryOf(error: unknown): string | null {
  if (!isHubSpotError(error)) return null;
  const body = typeof error.body === 'string' ? safeJson(error.body) : error.body;
  const category = (body as { category?: unknown } | null)?.category;
  return typeof category === 'string' ? category : null;
}

export function messageOf(error: unknown): string {
  if (isHubSpotError(error)) {
    const body = typeof error.body === 'string' ? safeJson(error.body) : error.body;
    const message = (body as { message?: unknown } | null)?.message;
    return `HTTP ${error.code}${typeof message === 'string' ? `: ${message}` : ''}`;
  }
  return error instanceof Error ? error.message : String(error);
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

function isNetworkError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code =
    (error as { code?: unknown; cause?: { code?: unknown } }).cause?.code ??
    (error as { code?: unknown }).code;
  return (
    error.name === 'FetchError' ||
    error.message === 'fetch failed' ||
    (typeof code === 'string' &&
      ['ECONNRESET', 'ECONNREFUSED', 'ETIMEDOUT', 'EPIPE', 'UND_ERR_SOCKET'].includes(code))
  );
}

/**
 * `idempotent: false` is for writes that are not upserts (creating tasks): a 5xx or a dropped
 * connection may have landed there, so only a 429, which HubSpot refused before doing anything,
 * is retried; the caller reconciles the rest.
 */
export function classifyHubSpotError(
  options: Pick<RetryOptions, 'baseDelayMs' | 'maxDelayMs'>,
  idempotent = true,
) {
  return (error: unknown, attempt: number): RetryDecision => {
    const status = statusOf(error);
    if (status === 429) {
      // HubSpot sends no Retry-After; its window header says how long the window is. Waiting
      // for a share of it, growing with each attempt, lets the rolling window drain.
      const headers = isHubSpotError(error) ? (error.headers ?? {}) : {};
      const interval = Number(headers['x-hubspot-ratelimit-interval-milliseconds'] ?? 10_000);
      const retryAfter = Number(headers['retry-after']);
      const delayMs =
        Number.isFinite(retryAfter) && retryAfter > 0
          ? retryAfter * 1000
          : Math.min(
              options.maxDelayMs,
              Math.max(backoff(attempt, options), (interval / 10) * attempt),
            );
      return { retry: true, delayMs, reason: 'rate limited (429)' };
    }
    if (!idempotent) return { retry: false };
    if (status !== null && status >= 500) {
      return {
        retry: true,
        delayMs: backoff(attempt, options),
        reason: `server error (${status})`,
      };
    }
    if (status === null && isNetworkError(error)) {
      return { retry: true, delayMs: backoff(attempt, options), reason: 'connection failed' };
    }
    return { retry: false };
  };
}

export class HubSpotCalls {
  readonly counter = new ApiCallCounter();

  constructor(
    private readonly log: CallLog,
    readonly retry: RetryOptions = DEFAULT_RETRY_OPTIONS,
    /** Paces every attempt, retries included, inside the account's rate limit. */
    private readonly pacer?: { take(): Promise<void> },
  ) {}

  /** One logical call (label it by purpose); attempts include retries. */
  async run<T>(label: string, call: () => Promise<T>, { idempotent = true } = {}): Promise<T> {
    this.counter.call(label);
    return withRetries(
      label,
      async () => {
        if (this.pacer) await this.pacer.take();
        this.counter.attempt();
        return call();
      },
      classifyHubSpotError(this.retry, idempotent),
      {
        ...this.retry,
        onRetry: (info) => this.log.warn('hubspot call retried', { ...info }),
      },
    );
  }
}

interface BatchErrorShape {
  status?: string;
  category?: string;
  message?: string;
}

/** The errors of a 207 multi-status batch response, if any. */
export function batchErrorsOf(response: object): BatchErrorShape[] {
  const errors = (response as { errors?: BatchErrorShape[] }).errors;
  return Array.isArray(errors) ? errors : [];
}

export class PartialBatchError extends Error {
  constructor(
    readonly label: string,
    readonly errors: BatchErrorShape[],
  ) {
    super(
      `${label}: ${errors.length} input(s) failed (${errors.map((e) => e.category ?? e.message ?? 'error').join(', ')})`,
    );
  }
}

export function throwOnBatchErrors(label: string, response: object): void {
  const errors = batchErrorsOf(response);
  if (errors.length > 0) throw new PartialBatchError(label, errors);
}
