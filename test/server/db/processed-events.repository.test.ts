// Event idempotency: the first delivery wins, however many arrive at once.
import { createProcessedEventsRepository } from '../../../src/server/db';
import { BACKENDS, NOW, OPEN_TIMEOUT_MS, type TestDatabase, minutesAfter } from './test-databases';

describe.each(BACKENDS)('the processed events repository on $name', (backend) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await backend.open();
  }, OPEN_TIMEOUT_MS);
  afterAll(() => t.dispose());
  beforeEach(() => t.reset());

  const repo = () => createProcessedEventsRepository(t.db);

  it('is true for the first delivery of an event only', async () => {
    expect(await repo().recordOnce('hubspot-webhook', 'evt-1', NOW)).toBe(true);
    expect(await repo().recordOnce('hubspot-webhook', 'evt-1', NOW)).toBe(false);
  });

  it('gives exactly one true to 20 concurrent deliveries', async () => {
    const results = await Promise.all(
      Array.from({ length: 20 }, () => repo().recordOnce('hubspot-webhook', 'evt-race', NOW)),
    );
    expect(results.filter(Boolean)).toHaveLength(1);
  });

  it('keeps the same event id from different sources apart', async () => {
    expect(await repo().recordOnce('hubspot-webhook', '7', NOW)).toBe(true);
    expect(await repo().recordOnce('workflow-action', '7', NOW)).toBe(true);
  });

  it('forgets events older than a cut-off', async () => {
    await repo().recordOnce('hubspot-webhook', 'old', NOW);
    await repo().recordOnce('hubspot-webhook', 'new', minutesAfter(NOW, 10));
    expect(await repo().pruneOlderThan(minutesAfter(NOW, 5))).toBe(1);
    expect(await repo().recordOnce('hubspot-webhook', 'old', NOW)).toBe(true);
    expect(await repo().recordOnce('hubspot-webhook', 'new', NOW)).toBe(false);
  });

  it('refuses an empty event id', async () => {
    await expect(repo().recordOnce('hubspot-webhook', '')).rejects.toThrow('eventId is required');
  });
});
