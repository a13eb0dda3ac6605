// Closed-won from HubSpot's webhooks, through real HTTP to the backend and the sandbox CRM
// behind it: answered at once, started right after, exactly once however often delivered.
import { toIso } from '../../src/core';
import {
  type Harness,
  NOW,
  recordsOf,
  stageChangeEvent,
  startHarness,
} from './helpers/backend-harness';

let harness: Harness;

beforeAll(async () => {
  harness = await startHarness();
});

afterAll(async () => {
  await harness.close();
});

describe('POST /hubspot/webhooks', () => {
  it('starts the handoff of a deal that moved to closed-won', async () => {
    const [dealId] = (await harness.closedWonDeals(1)) as [string];
    const response = await harness.request('POST', '/hubspot/webhooks', {
      body: [stageChangeEvent(harness, dealId)],
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', received: 1, queued: 1, duplicates: 0 });

    await harness.drain();
    expect(await recordsOf(harness, dealId)).toEqual({ handoffs: 1, tasks: 5 });
    const context = await harness.target.adapter.loadDealContext(dealId);
    // The event's time is when the deal became closed-won.
    expect(context.handoff?.document.deal.closedWonAt).toBe(toIso(NOW - 1_000));
    const [created] = await harness.auditOf(dealId);
    expect(created).toMatchObject({
      portalId: harness.portalId,
      action: 'handoff.created',
      actor: { id: 'baton', role: 'system' },
      fromState: null,
      toState: 'draft',
    });
  });

  it('gives one handoff and one set of five tasks for an event delivered 10 times', async () => {
    const [dealId] = (await harness.closedWonDeals(1)) as [string];
    const event = stageChangeEvent(harness, dealId, { eventId: 9_000_001 });
    for (let attempt = 0; attempt < 10; attempt++) {
      const response = await harness.request('POST', '/hubspot/webhooks', {
        body: [{ ...event, attemptNumber: attempt }],
      });
      expect(response.status).toBe(200);
    }
    await harness.drain();
    expect(await recordsOf(harness, dealId)).toEqual({ handoffs: 1, tasks: 5 });
  });

  it('gives one handoff and one set of five tasks for 10 concurrent deliveries', async () => {
    const [dealId] = (await harness.closedWonDeals(1)) as [string];
    const event = stageChangeEvent(harness, dealId, { eventId: 9_000_002 });
    const responses = await Promise.all(
      Array.from({ length: 10 }, () =>
        harness.request('POST', '/hubspot/webhooks', { body: [event] }),
      ),
    );
    expect(responses.map((r) => r.status)).toEqual(Array(10).fill(200));
    const bodies = (await Promise.all(responses.map((r) => r.json()))) as { queued: number }[];
    expect(bodies.reduce((sum, body) => sum + body.queued, 0)).toBe(1);
    await harness.drain();
    expect(await recordsOf(harness, dealId)).toEqual({ handoffs: 1, tasks: 5 });
  });

  it('starts nothing for distinct events about the same deal, beyond its one handoff', async () => {
    const [dealId] = (await harness.closedWonDeals(1)) as [string];
    const responses = await Promise.all(
      Array.from({ length: 5 }, (_, i) =>
        harness.request('POST', '/hubspot/webhooks', {
          body: [stageChangeEvent(harness, dealId, { eventId: 9_100_000 + i })],
        }),
      ),
    );
    expect(responses.every((r) => r.status === 200)).toBe(true);
    await harness.drain();
    expect(await recordsOf(harness, dealId)).toEqual({ handoffs: 1, tasks: 5 });
  });

  it('acknowledges events it has nothing to do for', async () => {
    const response = await harness.request('POST', '/hubspot/webhooks', {
      body: [
        {
          eventId: 1,
          portalId: Number(harness.portalId),
          occurredAt: NOW,
          subscriptionType: 'deal.propertyChange',
          objectId: 1,
          propertyName: 'amount',
          propertyValue: '100',
        },
      ],
    });
    expect(await response.json()).toEqual({ status: 'ok', received: 1, queued: 0, duplicates: 0 });
  });

  it('refuses a malformed batch with 400 naming the field, and queues nothing', async () => {
    const count = async () =>
      (await harness.storage.db.query('SELECT event_id FROM processed_events')).length;
    const before = await count();
    const response = await harness.request('POST', '/hubspot/webhooks', {
      body: [{ eventId: 'x', portalId: 1, occurredAt: NOW, subscriptionType: 'deal.creation' }],
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { code: string; message: string };
    expect(body.code).toBe('invalid_input');
    expect(body.message).toContain('[0].eventId');
    expect(body.message).toContain('[0].objectId');
    expect(await count()).toBe(before);
    expect(await harness.storage.jobs.stats()).toMatchObject({ pending: 0, running: 0 });
  });

  it('refuses a signed body that is not JSON with 400', async () => {
    const response = await harness.request('POST', '/hubspot/webhooks', {
      raw: '{not json',
      headers: { 'Content-Type': 'application/json' },
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ message: 'the body is not valid JSON' });
  });
});

describe('webhook work when the CRM fails', () => {
  let flaky: Harness;

  beforeAll(async () => {
    flaky = await startHarness({ retry: { baseDelayMs: 20, maxDelayMs: 50 } });
  });

  afterEach(() => {
    flaky.target.sandbox!.instance.faults.clear();
  });

  afterAll(async () => {
    await flaky.close();
  });

  const retried = () => flaky.logs.filter((l) => l.msg === 'job failed; will retry');

  it('retries the start after answering, and the handoff appears once the CRM is back', async () => {
    const [dealId] = (await flaky.closedWonDeals(1)) as [string];
    flaky.target.sandbox!.instance.faults.set({ rate5xx: 1 });
    const response = await flaky.request('POST', '/hubspot/webhooks', {
      body: [stageChangeEvent(flaky, dealId)],
    });
    expect(response.status).toBe(200);
    while (retried().length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    flaky.target.sandbox!.instance.faults.clear();
    await flaky.drain();
    expect(retried()[0]).toMatchObject({ kind: 'closed-won', attempt: 1 });
    expect(await recordsOf(flaky, dealId)).toEqual({ handoffs: 1, tasks: 5 });
  });

  it('logs at error level and reports on /health a start that never succeeded', async () => {
    const [dealId] = (await flaky.closedWonDeals(1)) as [string];
    flaky.target.sandbox!.instance.faults.set({ rate5xx: 1 });
    await flaky.request('POST', '/hubspot/webhooks', {
      body: [stageChangeEvent(flaky, dealId, { eventId: 9_200_001 })],
    });
    await flaky.drain();
    const gaveUp = flaky.logs.find((l) => l.level === 50 && l.kind === 'closed-won');
    expect(gaveUp).toMatchObject({
      msg: 'job failed for good: it needs a person (see the jobs table)',
      attempts: 8,
      err: { type: 'HubSpotError' },
    });
    const health = await fetch(`${flaky.backend.url}/health`);
    expect(await health.json()).toMatchObject({ jobs: { dead: 1 } });
    expect(await recordsOf(flaky, dealId)).toEqual({ handoffs: 0, tasks: 0 });
  });
});
