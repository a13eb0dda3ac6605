// Work the backend does after it has answered: HubSpot gives a webhook 5 seconds and retries
// anything slower, so a delivery is acknowledged first and handed off here. The in-memory queue
// runs in this process; the database-backed one (jobs claimed with FOR UPDATE SKIP LOCKED)
// replaces it behind the same interface so work survives a restart.
import { type Logger, describeError } from './logger';

export interface QueueStats {
  waiting: number;
  running: number;
  /** Jobs that exhausted their retries (each was logged at error level). */
  failed: number;
}

export interface WorkQueue {
  /**
   * Accepts work under a key and returns before it runs. Work already waiting under the key
   * absorbs the new request (false); work already running runs once more after it ends, so a
   * change that arrives mid-run is never missed.
   */
  enqueue(kind: string, key: string, run: () => Promise<void>): Promise<boolean>;
  stats(): Promise<QueueStats>;
  /** Resolves once nothing is waiting or running: for shutdown and tests. */
  drain(): Promise<void>;
}

export interface RetryPolicy {
  /** Runs in all, the first included. */
  attempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

/** About 8.5 minutes of retries: longer than a CRM's usual blip, short of hiding an outage. */
export const DEFAULT_RETRY: RetryPolicy = { attempts: 8, baseDelayMs: 2_000, maxDelayMs: 120_000 };

export interface InMemoryQueueOptions {
  log: Logger;
  retry?: RetryPolicy;
  /** Jobs running at once; the CRM client's limiter paces the calls within them. */
  concurrency?: number;
  random?: () => number;
}

interface Job {
  id: string;
  kind: string;
  key: string;
  run: () => Promise<void>;
  attempt: number;
  state: 'waiting' | 'ready' | 'running';
  again: boolean;
}

export interface FailedJob {
  kind: string;
  key: string;
  attempts: number;
  error: Record<string, unknown>;
}

export class InMemoryWorkQueue implements WorkQueue {
  private readonly jobs = new Map<string, Job>();
  private readonly ready: Job[] = [];
  private readonly failures: FailedJob[] = [];
  private readonly idleWaiters: (() => void)[] = [];
  private running = 0;
  private readonly retry: RetryPolicy;
  private readonly concurrency: number;
  private readonly random: () => number;

  constructor(private readonly options: InMemoryQueueOptions) {
    this.retry = options.retry ?? DEFAULT_RETRY;
    this.concurrency = options.concurrency ?? 4;
    this.random = options.random ?? Math.random;
  }

  async enqueue(kind: string, key: string, run: () => Promise<void>): Promise<boolean> {
    const id = `${kind}:${key}`;
    const existing = this.jobs.get(id);
    if (existing) {
      existing.run = run;
      if (existing.state === 'running') existing.again = true;
      return false;
    }
    const job: Job = { id, kind, key, run, attempt: 0, state: 'ready', again: false };
    this.jobs.set(id, job);
    this.ready.push(job);
    // On the next turn, so the HTTP answer goes out before the work starts.
    setImmediate(() => this.pump());
    return true;
  }

  async stats(): Promise<QueueStats> {
    let waiting = 0;
    for (const job of this.jobs.values()) if (job.state !== 'running') waiting++;
    return { waiting, running: this.running, failed: this.failures.length };
  }

  /** The jobs that gave up, newest last. */
  failed(): readonly FailedJob[] {
    return this.failures;
  }

  drain(): Promise<void> {
    if (this.jobs.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private pump(): void {
    while (this.running < this.concurrency && this.ready.length > 0) {
      const job = this.ready.shift()!;
      void this.execute(job);
    }
  }

  private async execute(job: Job): Promise<void> {
    job.state = 'running';
    job.attempt++;
    this.running++;
    let error: unknown = null;
    let failed = false;
    try {
      await job.run();
    } catch (caught) {
      error = caught;
      failed = true;
    }
    this.running--;
    if (failed) this.onFailure(job, error);
    else if (job.again) {
      job.again = false;
      job.attempt = 0;
      this.makeReady(job);
    } else this.finish(job);
    this.pump();
  }

  private onFailure(job: Job, error: unknown): void {
    const fields = {
      kind: job.kind,
      key: job.key,
      attempt: job.attempt,
      err: describeError(error),
    };
    if (job.attempt >= this.retry.attempts) {
      this.options.log.error(
        { ...fields, attempts: job.attempt },
        'background job failed for good after all its retries: it needs a person',
      );
      this.failures.push({
        kind: job.kind,
        key: job.key,
        attempts: job.attempt,
        error: describeError(error),
      });
      this.finish(job);
      return;
    }
    // A retry reads the CRM afresh, so a change that came in meanwhile is covered too.
    job.again = false;
    const delay = this.delayFor(job.attempt);
    this.options.log.warn({ ...fields, retryInMs: delay }, 'background job failed; will retry');
    job.state = 'waiting';
    setTimeout(() => this.makeReady(job), delay).unref();
  }

  /** Exponential, capped, with jitter so jobs that failed together do not retry together. */
  private delayFor(attempt: number): number {
    const ceiling = Math.min(this.retry.maxDelayMs, this.retry.baseDelayMs * 2 ** (attempt - 1));
    return Math.round(ceiling / 2 + (ceiling / 2) * this.random());
  }

  private makeReady(job: Job): void {
    job.state = 'ready';
    this.ready.push(job);
    this.pump();
  }

  private finish(job: Job): void {
    this.jobs.delete(job.id);
    if (this.jobs.size === 0) for (const resolve of this.idleWaiters.splice(0)) resolve();
  }
}
