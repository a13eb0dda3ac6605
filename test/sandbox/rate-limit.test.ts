// HubSpot's rate limits: a rolling 10-second window per token with its headers on every
// answer, 429s with HubSpot's body past it, and the daily cap.
import { RateLimiter } from '../../src/sandbox/rate-limit';
import { type Harness, failure, startSandbox } from './helpers/sandbox-harness';

describe('rate limit over HTTP', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startSandbox();
  });
  afterAll(() => h.close());
  beforeEach(async () => {
    await h.api('DELETE', '/__sandbox/faults', undefined, null);
    h.sandbox.reset();
  });

  it('sends the X-HubSpot-RateLimit-* headers of a private app on every answer', async () => {
    const first = await h.api('GET', '/crm/v3/owners');
    const second = await h.api('GET', '/crm/v3/objects/deals/1');
    expect(
      Object.fromEntries(
        [...first.headers].filter(([name]) => name.startsWith('x-hubspot-ratelimit')),
      ),
    ).toEqual({
      'x-hubspot-ratelimit-max': '190',
      'x-hubspot-ratelimit-remaining': '189',
      'x-hubspot-ratelimit-interval-milliseconds': '10000',
      'x-hubspot-ratelimit-daily': '1000000',
      'x-hubspot-ratelimit-daily-remaining': '999999',
    });
    expect(second.status).toBe(404);
    expect(second.headers.get('x-hubspot-ratelimit-remaining')).toBe('188');
  });

  it('answers a storm past the limit with 429s and HubSpot’s body, and counts them', async () => {
    await h.api('POST', '/__sandbox/faults', { rateLimit: { max: 5, intervalMs: 60_000 } }, null);
    const answers = await Promise.all(
      Array.from({ length: 12 }, () => h.api('GET', '/crm/v3/owners')),
    );
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses.filter((s) => s === 200)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(7);
    const refused = answers.find((a) => a.status === 429);
    expect(refused?.body).toEqual({
      status: 'error',
      message: 'You have reached your ten_secondly_rolling limit.',
      errorType: 'RATE_LIMIT',
      correlationId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      policyName: 'TEN_SECONDLY_ROLLING',
      groupName: 'private-app-22334455',
    });
    expect(refused?.headers.get('x-hubspot-ratelimit-remaining')).toBe('0');
    expect(refused?.headers.get('x-hubspot-ratelimit-max')).toBe('5');
    const stats = (await h.api('GET', '/__sandbox/stats', undefined, null)).body as {
      rateLimited: number;
      byStatus: Record<string, number>;
    };
    expect(stats.rateLimited).toBe(7);
    expect(stats.byStatus['429']).toBe(7);
  });

  it('gives the api-client the 429 with the policy name its retry logic reads', async () => {
    await h.api('POST', '/__sandbox/faults', { rateLimit: { max: 1, intervalMs: 60_000 } }, null);
    await h.client.crm.owners.ownersApi.getPage();
    const error = await failure(h.client.crm.owners.ownersApi.getPage());
    expect(error.code).toBe(429);
    expect(error.body).toMatchObject({
      policyName: 'TEN_SECONDLY_ROLLING',
      errorType: 'RATE_LIMIT',
    });
  });

  it('lets requests through again once the window has rolled on', async () => {
    await h.api('POST', '/__sandbox/faults', { rateLimit: { max: 2, intervalMs: 200 } }, null);
    expect((await h.api('GET', '/crm/v3/owners')).status).toBe(200);
    expect((await h.api('GET', '/crm/v3/owners')).status).toBe(200);
    expect((await h.api('GET', '/crm/v3/owners')).status).toBe(429);
    await new Promise((resolve) => setTimeout(resolve, 250));
    expect((await h.api('GET', '/crm/v3/owners')).status).toBe(200);
  });

  it('applies a limit set on the sandbox object as one set through the control route', async () => {
    h.sandbox.faults.set({ rateLimit: { max: 1, intervalMs: 60_000 } });
    expect((await h.api('GET', '/crm/v3/owners')).status).toBe(200);
    expect((await h.api('GET', '/crm/v3/owners')).status).toBe(429);
    h.sandbox.faults.clear();
    expect((await h.api('GET', '/crm/v3/owners')).headers.get('x-hubspot-ratelimit-max')).toBe(
      '190',
    );
  });

  it('does not limit the control routes', async () => {
    await h.api('POST', '/__sandbox/faults', { rateLimit: { max: 1, intervalMs: 60_000 } }, null);
    const answers = await Promise.all(
      Array.from({ length: 5 }, () => h.api('GET', '/__sandbox/stats', undefined, null)),
    );
    expect(answers.every((a) => a.status === 200)).toBe(true);
  });
});

describe('RateLimiter', () => {
  const clockAt = (start: number) => {
    let now = start;
    return { now: () => now, advance: (ms: number) => (now += ms) };
  };

  it('is a rolling window: a slot frees exactly when its request leaves the window', () => {
    const clock = clockAt(0);
    const limiter = new RateLimiter({ max: 3, intervalMs: 10_000, daily: 1_000 }, clock);
    expect(limiter.take('t').allowed).toBe(true); // t=0
    clock.advance(4_000);
    expect(limiter.take('t').allowed).toBe(true); // t=4s
    expect(limiter.take('t').allowed).toBe(true); // t=4s
    expect(limiter.take('t')).toMatchObject({ allowed: false, policy: 'TEN_SECONDLY_ROLLING' });
    clock.advance(6_000); // t=10s: the request of t=0 has left the window
    expect(limiter.take('t').allowed).toBe(true);
    expect(limiter.take('t').allowed).toBe(false);
  });

  it('counts each token on its own', () => {
    const limiter = new RateLimiter({ max: 1, intervalMs: 10_000, daily: 1_000 }, clockAt(0));
    expect(limiter.take('a').allowed).toBe(true);
    expect(limiter.take('b').allowed).toBe(true);
    expect(limiter.take('a').allowed).toBe(false);
  });

  it('stops at the daily cap with the DAILY policy until the next day', () => {
    const clock = clockAt(Date.UTC(2026, 2, 2, 23, 0));
    const limiter = new RateLimiter({ max: 100, intervalMs: 1_000, daily: 2 }, clock);
    expect(limiter.take('t').headers['X-HubSpot-RateLimit-Daily-Remaining']).toBe('1');
    expect(limiter.take('t').headers['X-HubSpot-RateLimit-Daily-Remaining']).toBe('0');
    expect(limiter.take('t')).toMatchObject({ allowed: false, policy: 'DAILY' });
    clock.advance(2 * 3_600_000);
    expect(limiter.take('t').allowed).toBe(true);
  });
});
