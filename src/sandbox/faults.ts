// Faults on demand for tests and benchmarks: latency, random 429s and 5xx errors, and a rate
// limit of one's choosing. They apply to the API routes only, never to `/__sandbox/*`.
import { z } from 'zod';
import { HubSpotError } from './errors';
import type { RateLimitConfig, RateLimiter } from './rate-limit';

export const faultsSchema = z.strictObject({
  latencyMs: z.number().int().min(0).max(60_000).optional(),
  rate429: z.number().min(0).max(1).optional(),
  rate5xx: z.number().min(0).max(1).optional(),
  rateLimit: z
    .strictObject({
      max: z.number().int().min(1),
      intervalMs: z.number().int().min(1).max(3_600_000),
    })
    .optional(),
});

export type Faults = z.output<typeof faultsSchema>;

export type FaultOutcome = 'rate429' | 'rate5xx' | undefined;

/**
 * The faults in force. Setting a `rateLimit` reconfigures the limiter (clearing the faults
 * restores its own limits), so faults set here or through `POST /__sandbox/faults` act alike.
 */
export class FaultInjector {
  private faults: Faults = {};

  constructor(
    private readonly limiter: RateLimiter,
    private readonly baseLimits: RateLimitConfig,
    private readonly random: () => number,
    private readonly sleep: (ms: number) => Promise<void> = (ms) =>
      new Promise((resolve) => setTimeout(resolve, ms)),
  ) {}

  get current(): Faults {
    return { ...this.faults };
  }

  set(faults: Faults): void {
    this.faults = { ...faults };
    this.limiter.configure(
      faults.rateLimit ? { ...this.baseLimits, ...faults.rateLimit } : this.baseLimits,
    );
  }

  clear(): void {
    this.set({});
  }

  /** Waits the configured latency, then draws whether this request fails. */
  async apply(): Promise<FaultOutcome> {
    if (this.faults.latencyMs) await this.sleep(this.faults.latencyMs);
    if (this.faults.rate5xx && this.random() < this.faults.rate5xx) return 'rate5xx';
    if (this.faults.rate429 && this.random() < this.faults.rate429) return 'rate429';
    return undefined;
  }
}

/**
 * An injected server error. HubSpot's 5xx bodies vary (and a gateway may send HTML); this is
 * the JSON form its API answers with.
 */
export const injectedServerError = () =>
  new HubSpotError(
    502,
    'INTERNAL_ERROR',
    'The server had a problem handling the request (injected fault).',
  );
