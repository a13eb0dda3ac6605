// Closing a sandbox never waits on webhooks: a delivery in flight is aborted and pending
// retries are dropped, whatever the backend is doing.
import { startSandbox, testClock } from './helpers/sandbox-harness';
import { deadUrl, startReceiver, waitUntil } from './helpers/webhook-receiver';

const SECRET = 'test-client-secret';

describe('closing a sandbox with webhooks under way', () => {
  const clock = testClock();

  it('returns without waiting for a backend that does not answer', async () => {
    const warnings: string[] = [];
    const h = await startSandbox({ seed: false, clock, logWarn: (m) => warnings.push(m) });
    const deals = h.sandbox.store.type('deals');
    const id = h.sandbox.store.records.create(deals, {
      dealname: 'A',
      dealstage: 'contractsent',
    }).id;
    const receiver = await startReceiver({
      clientSecret: SECRET,
      now: clock.now,
      answer: () => 'hang',
    });
    h.sandbox.webhooks.configure({ targetUrl: receiver.targetUrl, clientSecret: SECRET });
    await h.client.crm.deals.basicApi.update(id, { properties: { dealstage: 'closedwon' } });
    await receiver.waitFor(1);

    await h.close();
    expect(h.sandbox.webhooks.status().pending).toBe(0);
    expect(warnings).toContain('webhooks: closed with 1 events undelivered');
    await receiver.close();
  });

  it('returns without waiting for the retries of a backend that is gone', async () => {
    const h = await startSandbox({ seed: false, clock, logWarn: () => undefined });
    const deals = h.sandbox.store.type('deals');
    const id = h.sandbox.store.records.create(deals, {
      dealname: 'A',
      dealstage: 'contractsent',
    }).id;
    h.sandbox.webhooks.configure({
      targetUrl: await deadUrl(),
      clientSecret: SECRET,
      retry: { initialDelayMs: 60_000 },
    });
    await h.client.crm.deals.basicApi.update(id, { properties: { dealstage: 'closedwon' } });
    await waitUntil(
      () => h.sandbox.webhooks.status().counters.failedAttempts === 1,
      'the first attempt fails',
    );
    expect(h.sandbox.webhooks.status().deliveries[0]).toMatchObject({
      status: null,
      outcome: 'will retry',
      error: expect.stringMatching(/^connection failed/),
    });

    await h.close();
    expect(h.sandbox.webhooks.status().pending).toBe(0);
  });
});
