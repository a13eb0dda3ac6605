// The job queue, claiming: idempotent enqueue, due jobs only, never the same job to two workers,
// and a job whose worker died comes back once its lease runs out.
import { z } from 'zod';
import { createJobQueue } from '../../../src/server/db';
import { KINDS, LEASE_MS, deal, queueOn } from './job-kinds';
import { BACKENDS, NOW, OPEN_TIMEOUT_MS, type TestDatabase, minutesAfter } from './test-databases';

describe.each(BACKENDS)('claiming jobs on $name', (backend) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await backend.open();
  }, OPEN_TIMEOUT_MS);
  afterAll(() => t.dispose());
  beforeEach(() => t.reset());

  const queue = () => queueOn(t.db);
  const enqueueDeals = async (count: number, runAt = NOW) => {
    for (let i = 0; i < count; i++) {
      await queue().enqueue('handoff.create', `deal-${i}`, deal(`deal-${i}`), runAt);
    }
  };

  it('enqueues a job once per kind and dedupe key, keeping the first payload', async () => {
    const first = await queue().enqueue('handoff.create', 'deal-1', deal('deal-1'), NOW);
    const again = await queue().enqueue('handoff.create', 'deal-1', deal('changed'), NOW);
    const otherKind = await queue().enqueue('task.create', 'deal-1', { title: 'Kickoff' }, NOW);
    expect(first.created).toBe(true);
    expect(again).toEqual({ id: first.id, created: false });
    expect(otherKind.created).toBe(true);
    const [job] = await queue().claim('w1', 1, NOW, LEASE_MS);
    expect(job?.payload).toEqual(deal('deal-1'));
  });

  it('refuses a payload that does not fit its kind, and writes nothing', async () => {
    await expect(queue().enqueue('task.create', 'k', { title: '' }, NOW)).rejects.toThrow(
      z.ZodError,
    );
    expect(await queue().stats()).toEqual({ pending: 0, running: 0, done: 0, dead: 0 });
  });

  it('hands out due jobs only, earliest first, up to the limit, with typed payloads', async () => {
    await queue().enqueue('task.create', 'later', { title: 'later' }, minutesAfter(NOW, 5));
    await queue().enqueue('task.create', 'second', { title: 'second' }, minutesAfter(NOW, -1));
    await queue().enqueue('task.create', 'first', { title: 'first' }, minutesAfter(NOW, -2));
    await queue().enqueue('task.create', 'third', { title: 'third' }, NOW);
    const claimed = await queue().claim('w1', 2, NOW, LEASE_MS);
    expect(claimed.map((j) => j.dedupeKey)).toEqual(['first', 'second']);
    expect(claimed[0]).toMatchObject({
      kind: 'task.create',
      attempts: 1,
      lockedBy: 'w1',
      lockedUntil: new Date(NOW.getTime() + LEASE_MS),
    });
    const job = claimed[0]!;
    if (job.kind === 'task.create') expect(job.payload.title).toBe('first');
    expect((await queue().claim('w1', 10, NOW, LEASE_MS)).map((j) => j.dedupeKey)).toEqual([
      'third',
    ]);
    expect(await queue().claim('w1', 10, NOW, LEASE_MS)).toEqual([]);
  });

  if (backend.realConcurrency) {
    it('lets a copy claim past jobs another copy holds locked, without waiting for it', async () => {
      await enqueueDeals(10);
      const other = queueOn(await t.openCopy());
      const [heldByA, takenByB] = await t.db.transaction(async (tx) => {
        // A's claim is not committed yet: its rows stay locked while B claims.
        const a = await queueOn(tx).claim('a', 4, NOW, LEASE_MS);
        const b = await other.claim('b', 10, NOW, LEASE_MS);
        return [a, b];
      });
      const idsA = heldByA.map((j) => j.id);
      expect(idsA).toHaveLength(4);
      expect(takenByB).toHaveLength(6);
      expect(takenByB.filter((j) => idsA.includes(j.id))).toEqual([]);
    });

    it('gives every job to exactly one of two copies draining the queue at once', async () => {
      await enqueueDeals(60);
      const copies = [queue(), queueOn(await t.openCopy())];
      const drain = async (q: ReturnType<typeof queue>, worker: string) => {
        const ids: number[] = [];
        for (;;) {
          const batch = await q.claim(worker, 3, NOW, LEASE_MS);
          if (batch.length === 0) return ids;
          ids.push(...batch.map((j) => j.id));
        }
      };
      const [a, b] = await Promise.all(copies.map((q, i) => drain(q, `copy-${i}`)));
      const all = [...a!, ...b!];
      expect(all).toHaveLength(60);
      expect(new Set(all).size).toBe(60);
    });
  } else {
    it('never gives the same job to two workers claiming in turns', async () => {
      await enqueueDeals(20);
      const seen = new Map<number, string>();
      for (let round = 0; round < 10; round++) {
        for (const worker of ['a', 'b']) {
          for (const job of await queue().claim(worker, 3, NOW, LEASE_MS)) {
            expect(seen.get(job.id)).toBeUndefined();
            seen.set(job.id, worker);
          }
        }
      }
      expect(seen.size).toBe(20);
      expect(new Set(seen.values())).toEqual(new Set(['a', 'b']));
    });
  }

  it('hands a job whose worker died to another worker once the lease runs out', async () => {
    await enqueueDeals(1);
    const [taken] = await queue().claim('dies', 1, NOW, LEASE_MS);
    expect(await queue().claim('b', 1, new Date(NOW.getTime() + LEASE_MS - 1), LEASE_MS)).toEqual(
      [],
    );
    const expired = new Date(NOW.getTime() + LEASE_MS);
    const [retaken] = await queue().claim('b', 1, expired, LEASE_MS);
    expect(retaken).toMatchObject({ id: taken!.id, attempts: 2, lockedBy: 'b' });
    // The first worker, back from the dead, can no longer finish a job it lost.
    expect(await queue().complete(taken!.id, { workerId: 'dies' })).toBe(false);
    expect(await queue().complete(retaken!.id, { workerId: 'b' })).toBe(true);
  });

  it('leaves kinds it does not know to the copies that do', async () => {
    await queue().enqueue('task.create', 'new-kind', { title: 'x' }, NOW);
    const older = createJobQueue(t.db, { 'handoff.create': KINDS['handoff.create'] });
    expect(await older.claim('old', 10, NOW, LEASE_MS)).toEqual([]);
    expect(await queue().claim('new', 10, NOW, LEASE_MS)).toHaveLength(1);
  });

  it('buries a job whose stored payload no longer fits its kind', async () => {
    await queue().enqueue('task.create', 'old-shape', { title: 'x' }, NOW);
    const stricter = createJobQueue(t.db, { 'task.create': z.object({ title: z.number() }) });
    expect(await stricter.claim('w', 10, NOW, LEASE_MS)).toEqual([]);
    const [row] = await t.db.query('SELECT status, last_error FROM jobs');
    expect(row).toEqual({
      status: 'dead',
      last_error: 'payload no longer matches the "task.create" schema',
    });
  });
});
