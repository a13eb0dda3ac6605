// The job queue, finishing: completion, retries at the given time, and the dead state once
// the attempts are used up.
import { createJobQueue } from '../../../src/server/db';
import { KINDS, LEASE_MS, deal, queueOn } from './job-kinds';
import { BACKENDS, NOW, OPEN_TIMEOUT_MS, type TestDatabase, minutesAfter } from './test-databases';

describe.each(BACKENDS)('finishing jobs on $name', (backend) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await backend.open();
  }, OPEN_TIMEOUT_MS);
  afterAll(() => t.dispose());
  beforeEach(() => t.reset());

  const queue = () => queueOn(t.db);
  const claimOne = async (now = NOW) => {
    const [job] = await queue().claim('w', 1, now, LEASE_MS);
    if (!job) throw new Error('expected a job to claim');
    return job;
  };

  it('completes a job once; a completed job is not handed out again', async () => {
    await queue().enqueue('handoff.create', 'd1', deal('d1'), NOW);
    const job = await claimOne();
    expect(await queue().complete(job.id)).toBe(true);
    expect(await queue().complete(job.id)).toBe(false);
    expect(await queue().claim('w', 1, minutesAfter(NOW, 60), LEASE_MS)).toEqual([]);
    expect(await queue().stats()).toEqual({ pending: 0, running: 0, done: 1, dead: 0 });
  });

  it('does not enqueue again a job that already ran', async () => {
    const first = await queue().enqueue('handoff.create', 'd1', deal('d1'), NOW);
    await queue().complete((await claimOne()).id);
    expect(await queue().enqueue('handoff.create', 'd1', deal('d1'), NOW)).toEqual({
      id: first.id,
      created: false,
    });
  });

  it('prunes done jobs finished before a time, keeping pending, running and dead ones', async () => {
    await queue().enqueue('handoff.create', 'd1', deal('d1'), NOW);
    await queue().complete((await claimOne()).id);
    await queue().enqueue('handoff.create', 'd2', deal('d2'), NOW);
    await queue().enqueue('handoff.create', 'd3', deal('d3'), NOW, { maxAttempts: 1 });
    const [d2, d3] = await queue().claim('w', 2, NOW, LEASE_MS);
    expect(await queue().fail(d3!.id, 'refused', NOW)).toBe('dead');
    // `updated_at` is the database's clock: a cut-off in the past prunes nothing.
    expect(await queue().pruneDone(new Date(Date.now() - 60_000))).toBe(0);
    expect(await queue().pruneDone(new Date(Date.now() + 60_000))).toBe(1);
    expect(await queue().stats()).toEqual({ pending: 0, running: 1, done: 0, dead: 1 });
    expect(d2).toBeDefined();
  });

  it('retries a failed job at the time given, not before', async () => {
    await queue().enqueue('handoff.create', 'd1', deal('d1'), NOW);
    const job = await claimOne();
    const retryAt = minutesAfter(NOW, 2);
    expect(await queue().fail(job.id, 'HubSpot answered 503', retryAt)).toBe('retry_scheduled');
    expect(await queue().claim('w', 1, minutesAfter(NOW, 1), LEASE_MS)).toEqual([]);
    expect(await claimOne(retryAt)).toMatchObject({ id: job.id, attempts: 2 });
    const [row] = await t.db.query('SELECT last_error FROM jobs');
    expect(row).toEqual({ last_error: 'HubSpot answered 503' });
  });

  it('marks a job dead when its last attempt fails', async () => {
    await queue().enqueue('handoff.create', 'd1', deal('d1'), NOW, { maxAttempts: 2 });
    const first = await claimOne();
    expect(await queue().fail(first.id, 'boom 1', NOW)).toBe('retry_scheduled');
    const second = await claimOne();
    expect(second.attempts).toBe(2);
    expect(await queue().fail(second.id, 'boom 2', NOW)).toBe('dead');
    expect(await queue().claim('w', 1, minutesAfter(NOW, 60), LEASE_MS)).toEqual([]);
    expect(await queue().stats()).toEqual({ pending: 0, running: 0, done: 0, dead: 1 });
  });

  it('marks a job dead at once when the failure is permanent', async () => {
    await queue().enqueue('handoff.create', 'd1', deal('d1'), NOW);
    const job = await claimOne();
    expect(await queue().fail(job.id, 'HubSpot answered 400', NOW, { permanent: true })).toBe(
      'dead',
    );
  });

  it('buries a job whose lease ran out on its last attempt instead of running it again', async () => {
    await queue().enqueue('handoff.create', 'd1', deal('d1'), NOW, { maxAttempts: 1 });
    await claimOne();
    expect(await queue().claim('w2', 1, minutesAfter(NOW, 10), LEASE_MS)).toEqual([]);
    const [row] = await t.db.query('SELECT status, last_error FROM jobs');
    expect(row).toEqual({
      status: 'dead',
      last_error: 'lease expired on the last attempt: the worker stopped mid-job',
    });
  });

  it('ignores a failure reported for a job that is not running, or by a worker that lost it', async () => {
    await queue().enqueue('handoff.create', 'd1', deal('d1'), NOW);
    const job = await claimOne();
    expect(await queue().fail(job.id, 'late', NOW, { workerId: 'someone-else' })).toBe(
      'not_running',
    );
    await queue().complete(job.id);
    expect(await queue().fail(job.id, 'after completion', NOW)).toBe('not_running');
    expect(await queue().stats()).toMatchObject({ done: 1 });
  });

  it('keeps a long error short', async () => {
    await queue().enqueue('handoff.create', 'd1', deal('d1'), NOW);
    await queue().fail((await claimOne()).id, 'x'.repeat(10_000), NOW);
    const [row] = await t.db.query<{ n: number }>('SELECT length(last_error) AS n FROM jobs');
    expect(row?.n).toBe(2000);
  });

  it('counts jobs by status', async () => {
    const q = createJobQueue(t.db, KINDS);
    for (const key of ['a', 'b', 'c', 'd'])
      await q.enqueue('task.create', key, { title: key }, NOW);
    const [a, b, c] = await q.claim('w', 3, NOW, LEASE_MS);
    await q.complete(a!.id);
    await q.fail(b!.id, 'x', NOW, { permanent: true });
    expect(c).toBeDefined();
    expect(await q.stats()).toEqual({ pending: 1, running: 1, done: 1, dead: 1 });
  });
});
