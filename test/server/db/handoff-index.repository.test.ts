// The handoff index: what the SLA sweep finds due, without asking the CRM.
import { type HandoffIndexEntry, createHandoffIndexRepository } from '../../../src/server/db';
import { BACKENDS, NOW, OPEN_TIMEOUT_MS, type TestDatabase, minutesAfter } from './test-databases';

const entry = (
  handoffKey: string,
  overrides: Partial<HandoffIndexEntry> = {},
): HandoffIndexEntry => ({
  portalId: '4242',
  handoffKey,
  dealId: handoffKey.split(':')[0]!,
  state: 'submitted',
  nextDueAt: NOW,
  updatedAt: NOW,
  ...overrides,
});

describe.each(BACKENDS)('the handoff index on $name', (backend) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await backend.open();
  }, OPEN_TIMEOUT_MS);
  afterAll(() => t.dispose());
  beforeEach(() => t.reset());

  const index = () => createHandoffIndexRepository(t.db);
  const keysDue = async (now: Date, limit = 100) =>
    (await index().dueBefore(now, limit)).map((e) => e.handoffKey);

  it('finds handoffs due at or before now, earliest first, up to the limit', async () => {
    await index().upsert(entry('d3:sales_to_cs', { nextDueAt: minutesAfter(NOW, -1) }));
    await index().upsert(entry('d1:sales_to_cs', { nextDueAt: minutesAfter(NOW, -30) }));
    await index().upsert(entry('d2:sales_to_cs', { nextDueAt: NOW }));
    await index().upsert(entry('d4:sales_to_cs', { nextDueAt: minutesAfter(NOW, 1) }));
    await index().upsert(entry('d5:sales_to_cs', { nextDueAt: null, state: 'completed' }));
    expect(await keysDue(NOW)).toEqual(['d1:sales_to_cs', 'd3:sales_to_cs', 'd2:sales_to_cs']);
    expect(await keysDue(NOW, 2)).toEqual(['d1:sales_to_cs', 'd3:sales_to_cs']);
    expect(await index().dueBefore(NOW, 1)).toEqual([
      entry('d1:sales_to_cs', { nextDueAt: minutesAfter(NOW, -30) }),
    ]);
  });

  it('moves a handoff when its next deadline changes', async () => {
    await index().upsert(entry('d1:sales_to_cs'));
    const later = minutesAfter(NOW, 1);
    expect(
      await index().upsert(
        entry('d1:sales_to_cs', {
          state: 'accepted',
          nextDueAt: minutesAfter(NOW, 60),
          updatedAt: later,
        }),
      ),
    ).toBe(true);
    expect(await keysDue(NOW)).toEqual([]);
    expect(await index().dueBefore(minutesAfter(NOW, 60), 10)).toEqual([
      entry('d1:sales_to_cs', {
        state: 'accepted',
        nextDueAt: minutesAfter(NOW, 60),
        updatedAt: later,
      }),
    ]);
  });

  it('ignores an update older than the one it has, so out-of-order writes cannot undo a newer one', async () => {
    await index().upsert(
      entry('d1:sales_to_cs', { state: 'accepted', nextDueAt: null, updatedAt: NOW }),
    );
    const stale = entry('d1:sales_to_cs', { state: 'submitted', updatedAt: minutesAfter(NOW, -5) });
    expect(await index().upsert(stale)).toBe(false);
    expect(await keysDue(NOW)).toEqual([]);
  });

  it('refuses an unknown lifecycle state and a limit that is not a count', async () => {
    await expect(index().upsert(entry('d1:x', { state: 'lost' as 'draft' }))).rejects.toThrow(
      /expected one of pending_approval/,
    );
    await expect(index().dueBefore(NOW, 0)).rejects.toThrow(
      'limit must be a positive whole number',
    );
  });
});
