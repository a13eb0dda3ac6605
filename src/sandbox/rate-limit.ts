// HubSpot's burst and daily limits, per access token. The burst limit is a rolling window
// (HubSpot names its policy TEN_SECONDLY_ROLLING): a request is refused when `max` requests
// were already let through in the last `intervalMs`. Private apps on Professional and
// Enterprise portals get 190 per 10 s and 1,000,000 a day on Enterprise (HubSpot changelog,
// "Increasing our API limits"). Every answer carries the X-HubSpot-RateLimit-* headers; HubSpot
// documents that its search endpoints omit them, which this sandbox does not copy.
import type { Clock } from './clock';

export interface RateLimitConfig {
  max: number;
  intervalMs: number;
  daily: number;
}

export const PRIVATE_APP_LIMITS: RateLimitConfig = {
  max: 190,
  intervalMs: 10_000,
  daily: 1_000_000,
};

export type RatePolicy = 'TEN_SECONDLY_ROLLING' | 'DAILY';

export interface RateDecision {
  allowed: boolean;
  policy?: RatePolicy;
  headers: Record<string, string>;
}

const DAY = 86_400_000;

/** The 429 body. Its fields are the ones HubSpot documents and the api-client's retry reads. */
export interface RateLimitBody {
  status: 'error';
  message: string;
  errorType: 'RATE_LIMIT';
  correlationId: string;
  policyName: RatePolicy;
  groupName: string;
}

export class RateLimitedError extends Error {
  constructor(
    readonly policy: RatePolicy,
    readonly groupName: string,
  ) {
    super(
      policy === 'DAILY'
        ? 'You have reached your daily limit.'
        : 'You have reached your ten_secondly_rolling limit.',
    );
    this.name = 'RateLimitedError';
  }

  body(correlationId: string): RateLimitBody {
    return {
      status: 'error',
      message: this.message,
      errorType: 'RATE_LIMIT',
      correlationId,
      policyName: this.policy,
      // HubSpot's examples show a `groupName` without saying how it is formed; ours names the
      // portal's private-app pool.
      groupName: this.groupName,
    };
  }
}

export class RateLimiter {
  private readonly windows = new Map<string, number[]>();
  private readonly days = new Map<string, { day: number; count: number }>();

  constructor(
    private config: RateLimitConfig,
    private readonly clock: Clock,
  ) {}

  get limits(): RateLimitConfig {
    return { ...this.config };
  }

  configure(config: Partial<RateLimitConfig>): void {
    this.config = { ...this.config, ...config };
    this.windows.clear();
  }

  reset(): void {
    this.windows.clear();
    this.days.clear();
  }

  take(token: string): RateDecision {
    const now = this.clock.now();
    const { max, intervalMs, daily } = this.config;
    const window = (this.windows.get(token) ?? []).filter((t) => t > now - intervalMs);
    this.windows.set(token, window);
    const today = Math.floor(now / DAY);
    const day = this.days.get(token);
    const used = day?.day === today ? day.count : 0;

    let policy: RatePolicy | undefined;
    if (used >= daily) policy = 'DAILY';
    else if (window.length >= max) policy = 'TEN_SECONDLY_ROLLING';
    else {
      window.push(now);
      this.days.set(token, { day: today, count: used + 1 });
    }
    const dailyUsed = policy ? used : used + 1;
    return {
      allowed: policy === undefined,
      ...(policy ? { policy } : {}),
      headers: {
        'X-HubSpot-RateLimit-Max': String(max),
        'X-HubSpot-RateLimit-Remaining': String(Math.max(0, max - window.length)),
        'X-HubSpot-RateLimit-Interval-Milliseconds': String(intervalMs),
        'X-HubSpot-RateLimit-Daily': String(daily),
        'X-HubSpot-RateLimit-Daily-Remaining': String(Math.max(0, daily - dailyUsed)),
      },
    };
  }
}
