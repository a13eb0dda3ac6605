// The in-memory work queue: work runs after enqueue returns, failures are retried with backoff
// and logged, work that never succeeds is logged at error level and kept, and work under one
// key is never lost to deduplication.
import { Writable } from 'node:stream';
import { createLogger } from '../../src/server/logger';
import { InMemoryWorkQueue } from '../../src/server/work-queue';

function queueWithLog(attempts = 3) {
  const lines: { level: number; msg: string; attempt?: number; retryInMs?: number }[] = [];
  const log = createLogger({
    destination: new Writable({
      write(chunk: Buffer, _encoding, done) {
        for (const line of chunk.toString().split('\n')) if (line) lines.push(JSON.parse(line));
        done();
      },
    }),
  });
  const queue = new InMemoryWorkQueue({
    log,
    retry: { attempts, baseDelayMs: 1, maxDelayMs: 4 },
    random: () => 1,
  });
  return { queue, lines };
}

/** A promise and the function that resolves it. */
function gate(): { opened: Promise<void>; open: () => void } {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

describe('the in-memory work queue', () => {
  it('runs the work after enqueue has returned', async () => {
    const { queue } = queueWithLog();
    const ran: string[] = [];
    expect(await queue.enqueue('job', 'a', async () => void ran.push('a'))).toBe(true);
    expect(ran).toEqual([]);
    await queue.drain();
    expect(ran).toEqual(['a']);
  });

  it('retries failing work with growing delays and logs each failure', async () => {
    const { queue, lines } = queueWithLog(5);
    let calls = 0;
    await queue.enqueue('job', 'flaky', async () => {
      calls++;
      if (calls < 3) throw new Error(`blip ${calls}`);
    });
    await queue.drain();
    expect(calls).toBe(3);
    const retries = lines.filter((l) => l.msg === 'background job failed; will retry');
    expect(retries.map((l) => [l.attempt, l.retryInMs])).toEqual([
      [1, 1],
      [2, 2],
    ]);
    expect(await queue.stats()).toEqual({ waiting: 0, running: 0, failed: 0 });
  });

  it('gives up after the last attempt, loudly, and keeps the job for a person', async () => {
    const { queue, lines } = queueWithLog(3);
    let calls = 0;
    await queue.enqueue('closed-won', '1:42', async () => {
      calls++;
      throw new Error('the CRM is down');
    });
    await queue.drain();
    expect(calls).toBe(3);
    const gaveUp = lines.find((l) => l.level === 50);
    expect(gaveUp).toMatchObject({ kind: 'closed-won', key: '1:42', attempts: 3 });
    expect(queue.failed()).toEqual([
      expect.objectContaining({ kind: 'closed-won', key: '1:42', attempts: 3 }),
    ]);
    expect(await queue.stats()).toMatchObject({ failed: 1 });
  });

  it('folds work enqueued under a key that is still waiting into the waiting one', async () => {
    const { queue } = queueWithLog();
    const ran: number[] = [];
    expect(await queue.enqueue('job', 'k', async () => void ran.push(1))).toBe(true);
    expect(await queue.enqueue('job', 'k', async () => void ran.push(2))).toBe(false);
    await queue.drain();
    expect(ran).toEqual([2]);
  });

  it('runs once more when work arrives under a key that is running', async () => {
    const { queue } = queueWithLog();
    const first = gate();
    const started = gate();
    const ran: string[] = [];
    await queue.enqueue('job', 'k', async () => {
      started.open();
      await first.opened;
      ran.push('first');
    });
    await started.opened;
    expect(await queue.enqueue('job', 'k', async () => void ran.push('second'))).toBe(false);
    first.open();
    await queue.drain();
    expect(ran).toEqual(['first', 'second']);
  });

  it('runs work under different keys side by side, up to its concurrency', async () => {
    const { queue } = queueWithLog();
    let running = 0;
    let most = 0;
    for (let i = 0; i < 10; i++) {
      await queue.enqueue('job', String(i), async () => {
        running++;
        most = Math.max(most, running);
        await new Promise((resolve) => setTimeout(resolve, 5));
        running--;
      });
    }
    await queue.drain();
    expect(most).toBe(4);
  });
});
