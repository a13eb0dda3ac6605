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
  /**
   * Requests matching are held, never applied, until the faults change (or a minute passes),
   * then fail with a 5xx: a client killed while waiting died between two of its steps.
   */
  hold: z
    .strictObject({
      method: z.string().min(1).optional(),
      pathIncludes: z.string().min(1),
    })
    .optional(),
});

export type Faults = z.output<typeof faultsSchema>;

export type FaultOutcome = 'rate429' | 'rate5xx' | undefined;

/**
 * The faults in force. Setting a `rateLimit` reconfigures the limiter (clearing the faults
 * restores its own limits), so faults set here or through `POST /__sandbox/faults` act alike.
 */
const MAX_HOLD_MS = 60_000;

export interface FaultedRequest {
  method: string;
  path: string;
}

export class FaultInjector {
  private faults: Faults = {};
  private releaseHeld: (() => void)[] = [];
  private heldCount = 0;

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

  /** Requests being held by `hold` right now. */
  get held(): number {
    return this.heldCount;
  }

  set(faults: Faults): void {
    this.faults = { ...faults };
    for (const release of this.releaseHeld.splice(0)) release();
    this.limiter.configure(
      faults.rateLimit ? { ...this.baseLimits, ...faults.rateLimit } : this.baseLimits,
    );
  }

  clear(): void {
    this.set({});
  }

  /** Waits the configured latency (or holds the request), then draws whether it fails. */
  async apply(request?: FaultedRequest): Promise<FaultOutcome> {
    const hold = this.faults.hold;
    if (
      hold &&
      request &&
      request.path.includes(hold.pathIncludes) &&
      (hold.method === undefined || hold.method.toUpperCase() === request.method.toUpperCase())
    ) {
      this.heldCount++;
      await new Promise<void>((resolve) => {
        this.releaseHeld.push(resolve);
        setTimeout(resolve, MAX_HOLD_MS).unref();
      });
      this.heldCount--;
      return 'rate5xx';
    }
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
