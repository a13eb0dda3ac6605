// Several backend copies on one database, as behind a load balancer: HubSpot's deliveries land
// on any copy, any copy's worker claims the jobs, and still each deal gets one handoff and one
// set of tasks. On PostgreSQL (DATABASE_URL) the copies have their own connections and really
// race; on PGlite they share the one embedded database.
import { BACKENDS } from './db/test-databases';
import {
  type BackendCopy,
  type Harness,
  recordsOf,
  stageChangeEvent,
  startHarness,
} from './helpers/backend-harness';

describe.each(BACKENDS)('two backend copies on $name', (database) => {
  let harness: Harness;
  let second: BackendCopy;

  beforeAll(async () => {
    harness = await startHarness({ database });
    second = await harness.copy();
  });

  afterAll(async () => {
    await harness.close();
  });

  const drainBoth = () => Promise.all([harness.drain(), second.runtime.worker.drain()]);

  it('starts one handoff for an event delivered 10 times across both copies at once', async () => {
    const [dealId] = (await harness.closedWonDeals(1)) as [string];
    const event = stageChangeEvent(harness, dealId, { eventId: 5_500_001 });
    const responses = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        (i % 2 === 0 ? harness : second).request('POST', '/hubspot/webhooks', {
          body: [{ ...event, attemptNumber: i }],
        }),
      ),
    );
    const bodies = (await Promise.all(responses.map((r) => r.json()))) as { queued: number }[];
    expect(bodies.reduce((sum, body) => sum + body.queued, 0)).toBe(1);
    await drainBoth();
    expect(await recordsOf(harness, dealId)).toEqual({ handoffs: 1, tasks: 5 });
  });

  it('hands off many deals once each while both workers claim from one queue', async () => {
    const deals = await harness.closedWonDeals(16);
    // Distinct events about the same deals too: two starts of one deal race on two copies.
    const events = deals.flatMap((dealId) => [
      stageChangeEvent(harness, dealId, { eventId: Number(dealId) * 10 + 4 }),
      stageChangeEvent(harness, dealId, { eventId: Number(dealId) * 10 + 5 }),
    ]);
    await Promise.all(
      events.map((event, i) =>
        (i % 2 === 0 ? harness : second).request('POST', '/hubspot/webhooks', { body: [event] }),
      ),
    );
    await drainBoth();
    for (const dealId of deals)
      expect(await recordsOf(harness, dealId)).toEqual({ handoffs: 1, tasks: 5 });
    const created = await harness.storage.db.query<{ count: string | number }>(
      "SELECT count(*) AS count FROM audit_log WHERE action = 'handoff.created'",
    );
    expect(Number(created[0]!.count)).toBe(deals.length + 1);
    expect(await harness.storage.jobs.stats()).toMatchObject({ pending: 0, running: 0, dead: 0 });
  });
});
