// Faults on demand: server errors, latency and 429s on the API routes (never on control
// routes), a zod-checked body, and clearing.
import { type Harness, expectErrorBody, failure, startSandbox } from './helpers/sandbox-harness';

describe('fault injection', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startSandbox();
  });
  afterAll(() => h.close());
  afterEach(() => h.api('DELETE', '/__sandbox/faults', undefined, null));

  it('fails every API request with a 5xx at rate 1.0, control routes untouched', async () => {
    await h.api('POST', '/__sandbox/faults', { rate5xx: 1 }, null);
    const error = await failure(h.client.crm.deals.basicApi.getPage());
    expect(error.code).toBeGreaterThanOrEqual(500);
    expectErrorBody(error.body, 'INTERNAL_ERROR');
    expect((await h.api('GET', '/__sandbox/stats', undefined, null)).status).toBe(200);
  });

  it('delays API answers by latencyMs', async () => {
    await h.api('POST', '/__sandbox/faults', { latencyMs: 150 }, null);
    const started = performance.now();
    await h.client.crm.owners.ownersApi.getPage();
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
  });

  it('answers 429 at rate429 1.0 with the rolling-limit body', async () => {
    await h.api('POST', '/__sandbox/faults', { rate429: 1 }, null);
    const error = await failure(h.client.crm.owners.ownersApi.getPage());
    expect(error.code).toBe(429);
    expect(error.body).toMatchObject({
      errorType: 'RATE_LIMIT',
      policyName: 'TEN_SECONDLY_ROLLING',
    });
  });

  it('draws faults from the injected random source', async () => {
    const draws = [0.1, 0.9, 0.1, 0.9];
    const seeded = await startSandbox({ random: () => draws.shift() ?? 1 });
    await seeded.api('POST', '/__sandbox/faults', { rate5xx: 0.5 }, null);
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await seeded.api('GET', '/crm/v3/owners')).status);
    await seeded.close();
    expect(statuses).toEqual([502, 200, 502, 200]);
  });

  it('shows, replaces and clears the faults', async () => {
    const set = await h.api(
      'POST',
      '/__sandbox/faults',
      { latencyMs: 5, rateLimit: { max: 50, intervalMs: 1000 } },
      null,
    );
    expect(set.body).toEqual({
      faults: { latencyMs: 5, rateLimit: { max: 50, intervalMs: 1000 } },
      rateLimit: { max: 50, intervalMs: 1000, daily: 1_000_000 },
    });
    expect((await h.api('GET', '/__sandbox/faults', undefined, null)).body).toEqual(set.body);
    const cleared = await h.api('DELETE', '/__sandbox/faults', undefined, null);
    expect(cleared.body).toEqual({
      faults: {},
      rateLimit: { max: 190, intervalMs: 10_000, daily: 1_000_000 },
    });
  });

  it('checks the body with zod and names the bad field', async () => {
    const response = await h.api('POST', '/__sandbox/faults', { rate429: 2 }, null);
    expect(response.status).toBe(400);
    expectErrorBody(response.body, 'VALIDATION_ERROR');
    expect(response.body).toMatchObject({ errors: [{ in: 'rate429' }] });
    const unknown = await h.api('POST', '/__sandbox/faults', { rate500: 1 }, null);
    expect(unknown.body).toMatchObject({
      message: 'Invalid input JSON: Unrecognized field "rate500"',
    });
  });
});
