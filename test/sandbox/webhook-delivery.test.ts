// The sandbox delivers HubSpot-style webhooks: a change of a subscribed property becomes a
// signed v3 batch that the backend's own signature check and batch schema accept, batched,
// retried on failure, bounded. (Closing with deliveries under way: webhook-close.test.ts.)
import {
  isDealStageChange,
  latestStageChanges,
  webhookBatchSchema,
} from '../../src/functions/webhook-events';
import {
  SIGNATURE_HEADER,
  TIMESTAMP_HEADER,
  computeSignatureV3,
} from '../../src/server/hubspot-signature';
import { DEFAULT_WEBHOOK_APP_ID, type WebhookSettingsInput } from '../../src/sandbox';
import { type Harness, startSandbox, testClock } from './helpers/sandbox-harness';
import { type Answer, type Receiver, startReceiver, waitUntil } from './helpers/webhook-receiver';

const SECRET = 'test-client-secret';
const FAST_RETRY = { initialDelayMs: 10, maxDelayMs: 40 };

describe('sandbox webhooks', () => {
  const clock = testClock();
  const warnings: string[] = [];
  let h: Harness;
  let receiver: Receiver | undefined;

  beforeAll(async () => {
    h = await startSandbox({ seed: false, clock, logWarn: (message) => warnings.push(message) });
  });
  afterAll(() => h.close());
  beforeEach(() => {
    h.sandbox.webhooks.clear();
    h.sandbox.reset();
    warnings.length = 0;
  });
  afterEach(async () => {
    h.sandbox.webhooks.clear();
    await receiver?.close();
    receiver = undefined;
  });

  const status = () => h.sandbox.webhooks.status();
  const deals = () => h.sandbox.store.type('deals');
  /** A deal made straight in the store; made before the target is set, it sends nothing. */
  const deal = (dealstage = 'contractsent') =>
    h.sandbox.store.records.create(deals(), { dealname: 'Acme', pipeline: 'default', dealstage })
      .id;
  const moveTo = (id: string, dealstage: string) =>
    h.client.crm.deals.basicApi.update(id, { properties: { dealstage } });

  async function target(settings: Partial<WebhookSettingsInput> = {}, answer?: Answer) {
    receiver = await startReceiver({
      clientSecret: SECRET,
      now: clock.now,
      ...(answer ? { answer } : {}),
    });
    h.sandbox.webhooks.configure({
      targetUrl: receiver.targetUrl,
      clientSecret: SECRET,
      ...settings,
    });
    return receiver;
  }

  it('sends a stage change made through the API as one signed batch the backend accepts', async () => {
    const id = deal();
    const r = await target();
    await moveTo(id, 'closedwon');

    const [batch] = await r.waitFor(1);
    expect(r.refused).toBe(0);
    expect(batch?.headers[SIGNATURE_HEADER.toLowerCase()]).toBe(
      computeSignatureV3({
        clientSecret: SECRET,
        method: 'POST',
        url: r.targetUrl,
        body: batch?.body ?? '',
        timestamp: batch?.headers[TIMESTAMP_HEADER.toLowerCase()] ?? '',
      }),
    );
    const sent = JSON.parse(batch?.body ?? '') as { eventId: number; occurredAt: number }[];
    expect(webhookBatchSchema.safeParse(sent).success).toBe(true);
    expect(sent).toEqual([
      {
        eventId: expect.any(Number),
        subscriptionId: expect.any(Number),
        portalId: h.sandbox.portalId,
        appId: DEFAULT_WEBHOOK_APP_ID,
        occurredAt: Date.parse(
          h.sandbox.store.records.get(deals(), id)?.properties['hs_lastmodifieddate'] ?? '',
        ),
        subscriptionType: 'object.propertyChange',
        attemptNumber: 0,
        objectId: Number(id),
        objectTypeId: '0-3',
        propertyName: 'dealstage',
        propertyValue: 'closedwon',
        changeSource: 'API',
        isSensitive: false,
      },
    ]);
    expect(latestStageChanges(batch?.events ?? [])).toEqual([
      {
        eventId: String(sent[0]?.eventId),
        portalId: String(h.sandbox.portalId),
        dealId: id,
        stageId: 'closedwon',
        occurredAt: sent[0]?.occurredAt,
      },
    ]);
  });

  it('sends nothing for a write that leaves the subscribed property as it was', async () => {
    const same = deal('contractsent');
    const marker = deal('contractsent');
    const r = await target();
    await moveTo(same, 'contractsent');
    await h.client.crm.deals.basicApi.update(same, { properties: { amount: '500' } });
    await moveTo(marker, 'closedlost');

    const [batch] = await r.waitFor(1);
    expect(batch?.events.map((e) => [e.objectId, e.propertyValue])).toEqual([
      [marker, 'closedlost'],
    ]);
    expect(status().counters.events).toBe(1);
  });

  it('sends nothing while no target is set', async () => {
    await moveTo(deal(), 'closedwon');
    expect(status()).toMatchObject({ target: null, pending: 0, counters: { events: 0 } });
  });

  it('puts the changes of one batch update into one request, event ids unique and increasing', async () => {
    const ids = [deal(), deal(), deal()];
    const r = await target();
    await h.client.crm.deals.batchApi.update({
      inputs: ids.map((id) => ({ id, properties: { dealstage: 'closedwon' } })),
    });

    const [batch] = await r.waitFor(1);
    expect(batch?.events.map((e) => e.objectId)).toEqual(ids);
    const eventIds = (JSON.parse(batch?.body ?? '') as { eventId: number }[]).map((e) => e.eventId);
    expect(eventIds.every((eventId, i) => i === 0 || eventId > (eventIds[i - 1] ?? 0))).toBe(true);
  });

  it('puts changes from separate requests within the batch window into one request', async () => {
    const [first, second] = [deal(), deal()];
    const r = await target({ batchWindowMs: 1_000 });
    await moveTo(first, 'closedwon');
    await moveTo(second, 'closedlost');

    const [batch] = await r.waitFor(1);
    expect(batch?.events.map((e) => [e.objectId, e.propertyValue])).toEqual([
      [first, 'closedwon'],
      [second, 'closedlost'],
    ]);
  });

  it('splits a burst of changes at maxBatchSize', async () => {
    const ids = [deal(), deal(), deal(), deal(), deal()];
    const r = await target({ maxBatchSize: 2 });
    await h.client.crm.deals.batchApi.update({
      inputs: ids.map((id) => ({ id, properties: { dealstage: 'closedwon' } })),
    });

    const batches = await r.waitFor(3);
    expect(batches.map((b) => b.events.length).sort()).toEqual([1, 2, 2]);
    const sentIds = batches.flatMap((b) => b.events.map((e) => e.objectId)).sort();
    expect(sentIds).toEqual([...ids].sort());
  });

  it('retries a batch answered 500 twice: attempts 0, 1 and 2 of the same events', async () => {
    const id = deal();
    const r = await target({ retry: FAST_RETRY }, (n) => (n < 2 ? 500 : 200));
    await moveTo(id, 'closedwon');

    const batches = await r.waitFor(3);
    expect(r.refused).toBe(0);
    expect(batches.map((b) => b.events.map((e) => e.attemptNumber))).toEqual([[0], [1], [2]]);
    expect(new Set(batches.map((b) => b.events[0]?.eventId)).size).toBe(1);
    await waitUntil(() => status().pending === 0, 'the batch is settled');
    expect(status().counters).toEqual({
      events: 1,
      delivered: 1,
      attempts: 3,
      failedAttempts: 2,
      gaveUp: 0,
      dropped: 0,
    });
    expect(status().deliveries.map((d) => [d.attemptNumber, d.status, d.outcome])).toEqual([
      [2, 200, 'delivered'],
      [1, 500, 'will retry'],
      [0, 500, 'will retry'],
    ]);
  });

  it('gives up after the last retry and says so', async () => {
    const id = deal();
    const r = await target({ retry: { ...FAST_RETRY, retries: 1 } }, () => 503);
    await moveTo(id, 'closedwon');

    await r.waitFor(2);
    await waitUntil(() => status().pending === 0, 'the batch is given up');
    expect(status().counters).toMatchObject({ attempts: 2, failedAttempts: 2, gaveUp: 1 });
    expect(warnings.some((w) => /gave up on 1 event .* after 2 attempts/.test(w))).toBe(true);
  });

  it('drops new events past maxPendingEvents and logs them', async () => {
    const ids = [deal(), deal(), deal()];
    const r = await target({ maxPendingEvents: 2, batchWindowMs: 0 }, () => 'hang');
    await h.client.crm.deals.batchApi.update({
      inputs: ids.map((id) => ({ id, properties: { dealstage: 'closedwon' } })),
    });

    const [batch] = await r.waitFor(1);
    expect(batch?.events.map((e) => e.objectId)).toEqual(ids.slice(0, 2));
    expect(status()).toMatchObject({ pending: 2, counters: { events: 3, dropped: 1 } });
    expect(warnings.some((w) => /dropped 1 event/.test(w))).toBe(true);
  });

  it('sends events of the legacy deal.propertyChange subscription, creation included', async () => {
    const r = await target({
      subscriptions: [{ subscriptionType: 'deal.propertyChange', propertyName: 'dealstage' }],
    });
    const created = await h.client.crm.deals.basicApi.create({
      properties: { dealname: 'Born won', pipeline: 'default', dealstage: 'closedwon' },
      associations: [],
    });

    const [batch] = await r.waitFor(1);
    const [event] = batch?.events ?? [];
    expect(event).toMatchObject({ subscriptionType: 'deal.propertyChange', objectId: created.id });
    expect(event && 'objectTypeId' in event).toBe(false);
    expect(event && isDealStageChange(event)).toBe(true);
  });

  it('marks an edit through the control route as made in the CRM by a user', async () => {
    const id = deal();
    const r = await target();
    const edit = await h.api(
      'PATCH',
      `/__sandbox/objects/deals/${id}`,
      { properties: { dealstage: 'closedwon' }, userId: 7 },
      null,
    );
    expect(edit.status).toBe(200);

    const [batch] = await r.waitFor(1);
    expect(batch?.events).toEqual([
      expect.objectContaining({ changeSource: 'CRM_UI', sourceId: 'userId:7' }),
    ]);
  });

  it('sets, shows and clears the target through the control route, never the secret', async () => {
    const [won, lost] = [deal(), deal()];
    receiver = await startReceiver({ clientSecret: SECRET, now: clock.now });
    const set = await h.api(
      'POST',
      '/__sandbox/webhooks',
      { targetUrl: receiver.targetUrl, clientSecret: SECRET, retry: { retries: 3 } },
      null,
    );
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({
      target: {
        targetUrl: receiver.targetUrl,
        appId: DEFAULT_WEBHOOK_APP_ID,
        subscriptions: [
          {
            subscriptionType: 'object.propertyChange',
            objectTypeId: '0-3',
            propertyName: 'dealstage',
          },
        ],
        maxBatchSize: 100,
        retry: { retries: 3, initialDelayMs: 1_000 },
      },
      pending: 0,
    });
    expect(JSON.stringify(set.body)).not.toContain(SECRET);

    await moveTo(won, 'closedwon');
    await receiver.waitFor(1);
    await waitUntil(() => status().counters.delivered === 1, 'the batch is delivered');
    const shown = await h.api('GET', '/__sandbox/webhooks', undefined, null);
    expect(shown.body).toMatchObject({ counters: { delivered: 1 }, deliveries: [{ status: 200 }] });

    const cleared = await h.api('DELETE', '/__sandbox/webhooks', undefined, null);
    expect(cleared.body).toMatchObject({ target: null });
    await moveTo(lost, 'closedlost');
    expect(status().counters.events).toBe(1);
  });

  it('refuses settings it cannot use, naming the field', async () => {
    const refused = await h.api(
      'POST',
      '/__sandbox/webhooks',
      { targetUrl: 'ftp://example.com', clientSecret: SECRET },
      null,
    );
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({
      message: 'Invalid input JSON: targetUrl: expected an http(s) URL',
    });
    expect(status().target).toBeNull();
  });
});
