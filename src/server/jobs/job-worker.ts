// Runs the database's queued jobs in this backend copy: claims due jobs (FOR UPDATE SKIP LOCKED,
// so copies never take the same one), runs each kind's handler, and records the outcome. A
// failure is retried with capped exponential backoff and jitter; a job that used up its
// attempts is dead and logged at error level for a person. A copy killed mid-job leaves its
// lease to run out, and then any copy (itself, restarted) claims the job again: handlers must
// be idempotent, and they are told which attempt they are on.
import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { ClaimedJob, JobKind, JobKinds, JobQueue, JobStats } from '../db';
import { type Logger, describeError } from '../logger';

export interface JobRun {
  id: number;
  /** 1 on the first run: a later attempt may find the work of an earlier one half done. */
  attempt: number;
  log: Logger;
}

export type JobHandlers<S extends JobKinds> = {
  [K in JobKind<S>]: (payload: z.output<S[K]>, run: JobRun) => Promise<void>;
};

export interface RetryPolicy {
  baseDelayMs: number;
  maxDelayMs: number;
}

/** Up to ~8.5 minutes between tries: longer than a CRM's usual blip, short of hiding an outage. */
export const DEFAULT_RETRY: RetryPolicy = { baseDelayMs: 2_000, maxDelayMs: 120_000 };

export interface JobWorkerOptions<S extends JobKinds> {
  jobs: JobQueue<S>;
  handlers: JobHandlers<S>;
  log: Logger;
  workerId?: string;
  /** Jobs running at once in this copy; the CRM client's limiter paces the calls within them. */
  concurrency?: number;
  /** How long a claimed job is this copy's before another may take it. */
  leaseMs?: number;
  /** How often an idle worker looks for due jobs (other copies' work, retries coming due). */
  pollMs?: number;
  retry?: RetryPolicy;
  /** The queue's clock; real time even when the business clock is pinned in tests. */
  clock?: () => number;
  random?: () => number;
  /** A failure no retry can heal (bad data, a refusal): the job dies at once. */
  isPermanent?: (error: unknown) => boolean;
}

export class JobWorker<S extends JobKinds> {
  readonly workerId: string;
  private readonly inFlight = new Set<Promise<void>>();
  /** The jobs in hand, by id, for the lease heartbeat. */
  private readonly held = new Map<number, Logger>();
  private heartbeat: NodeJS.Timeout | null = null;
  private readonly idleWaiters: (() => void)[] = [];
  private timer: NodeJS.Timeout | null = null;
  private claiming: Promise<void> | null = null;
  private wanted = false;
  private started = false;
  private stopped = false;
  private readonly concurrency: number;
  private readonly leaseMs: number;
  private readonly pollMs: number;
  private readonly retry: RetryPolicy;
  private readonly clock: () => number;
  private readonly random: () => number;

  constructor(private readonly options: JobWorkerOptions<S>) {
    this.workerId = options.workerId ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
    this.concurrency = options.concurrency ?? 4;
    this.leaseMs = options.leaseMs ?? 10 * 60_000;
    this.pollMs = options.pollMs ?? 1_000;
    this.retry = options.retry ?? DEFAULT_RETRY;
    this.clock = options.clock ?? Date.now;
    this.random = options.random ?? Math.random;
  }

  /** Starts polling; jobs left by a copy that died are picked up once their lease runs out. */
  start(): void {
    if (this.started || this.stopped) return;
    this.started = true;
    // A job longer than its lease (a CRM outage retried inside it) keeps it, renewed at a third
    // of the lease, so no other copy starts it a second time meanwhile.
    this.heartbeat = setInterval(() => void this.renewLeases(), Math.max(1, this.leaseMs / 3));
    this.heartbeat.unref();
    this.nudge();
  }

  private async renewLeases(): Promise<void> {
    const until = new Date(this.clock() + this.leaseMs);
    for (const [id, log] of this.held) {
      try {
        if (!(await this.options.jobs.extendLease(id, this.workerId, until)))
          log.warn('lost the lease of a running job; another copy may run it again');
      } catch (error) {
        log.warn({ err: describeError(error) }, 'could not renew a job lease');
      }
    }
  }

  /** Looks for work now rather than at the next poll: call after enqueueing. */
  nudge(): void {
    if (!this.started || this.stopped) return;
    if (this.claiming) {
      this.wanted = true;
      return;
    }
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.claiming = this.claimAndRun().finally(() => {
      this.claiming = null;
      if (this.wanted) {
        this.wanted = false;
        this.nudge();
      } else this.schedule();
    });
  }

  async stats(): Promise<JobStats & { inFlight: number }> {
    return { ...(await this.options.jobs.stats()), inFlight: this.inFlight.size };
  }

  /**
   * Resolves once no job is pending or running in the database (retries included), for tests
   * and for a graceful stop: a job running in another copy counts too.
   */
  async drain(pollMs = 10): Promise<void> {
    for (;;) {
      await this.idle();
      const stats = await this.options.jobs.stats();
      if (stats.pending === 0 && stats.running === 0 && this.inFlight.size === 0) return;
      await new Promise((resolve) => setTimeout(resolve, pollMs));
      this.nudge();
    }
  }

  /** Stops claiming and waits for the jobs in hand, up to `graceMs`; false if some remain. */
  async stop(graceMs = 10_000): Promise<boolean> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.heartbeat = null;
    await this.claiming;
    if (this.inFlight.size === 0) return true;
    return Promise.race([
      Promise.all(this.inFlight).then(() => true),
      new Promise<boolean>((resolve) => setTimeout(() => resolve(false), graceMs).unref()),
    ]);
  }

  private idle(): Promise<void> {
    if (this.inFlight.size === 0 && this.claiming === null) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private schedule(): void {
    if (this.stopped) return;
    this.notifyIdle();
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      this.nudge();
    }, this.pollMs);
    this.timer.unref();
  }

  private notifyIdle(): void {
    if (this.inFlight.size === 0 && this.claiming === null)
      for (const resolve of this.idleWaiters.splice(0)) resolve();
  }

  private async claimAndRun(): Promise<void> {
    const room = this.concurrency - this.inFlight.size;
    if (room <= 0) return;
    let claimed: ClaimedJob<S>[];
    try {
      claimed = await this.options.jobs.claim(
        this.workerId,
        room,
        new Date(this.clock()),
        this.leaseMs,
      );
    } catch (error) {
      this.options.log.error({ err: describeError(error) }, 'could not claim jobs; will retry');
      return;
    }
    for (const job of claimed) {
      const running = this.execute(job).finally(() => {
        this.inFlight.delete(running);
        if (!this.stopped) this.nudge();
        this.notifyIdle();
      });
      this.inFlight.add(running);
    }
    // A full claim may have left more due jobs behind.
    if (claimed.length === room) this.wanted = true;
  }

  private async execute(job: ClaimedJob<S>): Promise<void> {
    const log = this.options.log.child({ job: job.id, kind: job.kind, attempt: job.attempts });
    const handler = this.options.handlers[job.kind as JobKind<S>] as (
      payload: unknown,
      run: JobRun,
    ) => Promise<void>;
    const started = performance.now();
    this.held.set(job.id, log);
    try {
      await handler(job.payload, { id: job.id, attempt: job.attempts, log });
    } catch (error) {
      await this.failed(job, error, log);
      return;
    } finally {
      this.held.delete(job.id);
    }
    const ms = Math.round(performance.now() - started);
    if (await this.options.jobs.complete(job.id, { workerId: this.workerId }))
      log.debug({ ms }, 'job done');
    // Our lease ran out and another copy took the job: its run will record the outcome.
    else log.warn({ ms }, 'job finished after its lease ran out; another copy may repeat it');
  }

  private async failed(job: ClaimedJob<S>, error: unknown, log: Logger): Promise<void> {
    const permanent = this.options.isPermanent?.(error) ?? false;
    const delay = this.delayFor(job.attempts);
    const details = describeError(error);
    const outcome = await this.options.jobs
      .fail(
        job.id,
        String(details.message ?? details.type ?? 'failed'),
        new Date(this.clock() + delay),
        { workerId: this.workerId, permanent },
      )
      .catch((failError: unknown) => {
        // The lease will run out and the job be retried: nothing is lost.
        log.error({ err: describeError(failError) }, 'could not record a job failure');
        return null;
      });
    if (outcome === 'dead') {
      log.error(
        { err: details, attempts: job.attempts, permanent },
        'job failed for good: it needs a person (see the jobs table)',
      );
    } else if (outcome === 'retry_scheduled') {
      log.warn({ err: details, retryInMs: delay }, 'job failed; will retry');
    }
  }

  /** Exponential, capped, with jitter so jobs that failed together do not retry together. */
  private delayFor(attempt: number): number {
    const ceiling = Math.min(this.retry.maxDelayMs, this.retry.baseDelayMs * 2 ** (attempt - 1));
    return Math.round(ceiling / 2 + (ceiling / 2) * this.random());
  }
}
