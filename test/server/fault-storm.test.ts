// Closed-won under a storm of 429s and 5xx from the CRM: every start is retried until it lands,
// none is lost and none is doubled. Webhook deliveries come in duplicate too, as HubSpot's do
// when the backend answers slowly.
import { type Harness, recordsOf, stageChangeEvent, startHarness } from './helpers/backend-harness';

let harness: Harness;

beforeAll(async () => {
  harness = await startHarness({ retry: { baseDelayMs: 5, maxDelayMs: 50 } });
});

afterAll(async () => {
  await harness.close();
});

it('hands off every deal exactly once while a third of CRM calls fail', async () => {
  const deals = await harness.closedWonDeals(12);
  const sandbox = harness.target.sandbox!.instance;
  sandbox.faults.set({ rate429: 0.2, rate5xx: 0.2 });
  const batches = [deals.slice(0, 6), deals.slice(6)].map((ids) =>
    ids.map((dealId) => stageChangeEvent(harness, dealId, { eventId: Number(dealId) * 10 + 3 })),
  );
  // Each batch twice, at once: the second delivery of each event must change nothing.
  const responses = await Promise.all(
    [...batches, ...batches].map((body) => harness.request('POST', '/hubspot/webhooks', { body })),
  );
  expect(responses.map((r) => r.status)).toEqual([200, 200, 200, 200]);
  await harness.drain();
  sandbox.faults.clear();

  const byStatus = sandbox.stats.snapshot().byStatus;
  for (const dealId of deals)
    expect(await recordsOf(harness, dealId)).toEqual({ handoffs: 1, tasks: 5 });
  expect(await harness.storage.jobs.stats()).toMatchObject({ dead: 0, pending: 0, running: 0 });
  // The storm was real: the CRM refused calls of both kinds.
  expect(byStatus['429']).toBeGreaterThan(0);
  expect(byStatus['502']).toBeGreaterThan(0);
  const audit = await Promise.all(deals.map((dealId) => harness.auditOf(dealId)));
  expect(
    audit.map((entries) => entries.filter((e) => e.action === 'handoff.created').length),
  ).toEqual(deals.map(() => 1));
});
