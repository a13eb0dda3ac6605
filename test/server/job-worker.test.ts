// The job worker: runs each claimed job once, retries a failure, buries it when its attempts
// are spent, and keeps the lease of a job that runs longer than the lease, so a second worker
// on the same database never starts it again meanwhile.
import { Writable } from 'node:stream';
import { createLogger } from '../../src/server';
import { JobWorker } from '../../src/server/jobs/job-worker';
import { KINDS, deal, queueOn } from './db/job-kinds';
import { BACKENDS, OPEN_TIMEOUT_MS, type TestDatabase } from './db/test-databases';

const silent = createLogger({ level: 'silent' });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.each(BACKENDS)('the job worker on $name', (backend) => {
  let t: TestDatabase;
  const workers: JobWorker<typeof KINDS>[] = [];

  beforeAll(async () => {
    t = await backend.open();
  }, OPEN_TIMEOUT_MS);
  afterAll(() => t.dispose());
  beforeEach(() => t.reset());
  afterEach(async () => {
    for (const worker of workers.splice(0)) await worker.stop(1_000);
  });

  const worker = (
    handlers: ConstructorParameters<typeof JobWorker<typeof KINDS>>[0]['handlers'],
    options: { leaseMs?: number; log?: ReturnType<typeof createLogger> } = {},
  ) => {
    const created = new JobWorker({
      jobs: queueOn(t.db),
      handlers,
      log: options.log ?? silent,
      pollMs: 10,
      leaseMs: options.leaseMs ?? 30_000,
      retry: { baseDelayMs: 1, maxDelayMs: 5 },
    });
    workers.push(created);
    created.start();
    return created;
  };

  it('runs a job once, retrying a failure with the attempt number', async () => {
    const attempts: number[] = [];
    const w = worker({
      'handoff.create': async (_payload, run) => {
        attempts.push(run.attempt);
        if (run.attempt === 1) throw new Error('the CRM answered 503');
      },
      'task.create': async () => undefined,
    });
    await queueOn(t.db).enqueue('handoff.create', 'd1', deal('d1'), new Date());
    w.nudge();
    await w.drain();
    expect(attempts).toEqual([1, 2]);
    expect(await queueOn(t.db).stats()).toMatchObject({ done: 1, dead: 0 });
  });

  it('buries a job whose attempts are spent, logging it for a person', async () => {
    const lines: { level: number; msg: string }[] = [];
    const log = createLogger({
      level: 'warn',
      destination: new Writable({
        write(chunk: Buffer, _encoding, done) {
          for (const line of chunk.toString('utf8').split('\n'))
            if (line.trim()) lines.push(JSON.parse(line) as { level: number; msg: string });
          done();
        },
      }),
    });
    const w = worker(
      {
        'handoff.create': async () => {
          throw new Error('always');
        },
        'task.create': async () => undefined,
      },
      { log },
    );
    await queueOn(t.db).enqueue('handoff.create', 'd1', deal('d1'), new Date(), { maxAttempts: 3 });
    w.nudge();
    await w.drain();
    expect(await queueOn(t.db).stats()).toMatchObject({ dead: 1 });
    expect(lines.filter((l) => l.msg === 'job failed; will retry')).toHaveLength(2);
    expect(lines.at(-1)).toMatchObject({
      level: 50,
      msg: expect.stringContaining('failed for good'),
    });
  });

  it('keeps the lease of a job longer than its lease: a second worker never starts it', async () => {
    let runs = 0;
    const slow = {
      'handoff.create': async () => {
        runs++;
        await sleep(700);
      },
      'task.create': async () => undefined,
    };
    const first = worker(slow, { leaseMs: 150 });
    await queueOn(t.db).enqueue('handoff.create', 'slow', deal('slow'), new Date());
    first.nudge();
    while (runs === 0) await sleep(5);
    const second = worker(slow, { leaseMs: 150 });
    await Promise.all([first.drain(), second.drain()]);
    expect(runs).toBe(1);
    expect(await queueOn(t.db).stats()).toMatchObject({ done: 1, running: 0 });
  });
});
