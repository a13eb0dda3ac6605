// The job queue's vocabulary. Each kind of job has a zod schema for its payload, so a job is
// checked when it is enqueued and again when it is claimed (a newer deploy may have changed the
// shape), and a worker gets a payload typed by its kind.
import type { z } from 'zod';

/** Kind → payload schema, e.g. `{ 'handoff.create': z.object({ portalId: z.string(), … }) }`. */
export type JobKinds = Record<string, z.ZodType>;

export type JobKind<S extends JobKinds> = keyof S & string;

export const JOB_STATUSES = ['pending', 'running', 'done', 'dead'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

interface ClaimedJobOf<K extends string, P> {
  id: number;
  kind: K;
  dedupeKey: string;
  payload: P;
  /** This claim included: 1 on the first run. */
  attempts: number;
  maxAttempts: number;
  runAt: Date;
  lockedBy: string;
  /** The worker must finish (complete or fail) before this, or another copy takes the job. */
  lockedUntil: Date;
}

/** A claimed job: a union over the kinds, so `switch (job.kind)` narrows the payload. */
export type ClaimedJob<S extends JobKinds> = {
  [K in JobKind<S>]: ClaimedJobOf<K, z.output<S[K]>>;
}[JobKind<S>];

export interface EnqueueOptions {
  /** Runs, counting the first, before the job is dead. Defaults to DEFAULT_MAX_ATTEMPTS. */
  maxAttempts?: number;
}

export interface EnqueueResult {
  id: number;
  /** False when a job with this kind and dedupe key already existed, whatever its status. */
  created: boolean;
}

export interface FinishOptions {
  /** Only finish the job if this worker still holds it (its lease did not pass to another). */
  workerId?: string;
}

export interface FailOptions extends FinishOptions {
  /** The failure cannot heal by retrying (a validation error from the CRM): dead at once. */
  permanent?: boolean;
}

/** What `fail` did: `not_running` when the job was not (or no longer) this worker's. */
export type FailOutcome = 'retry_scheduled' | 'dead' | 'not_running';

export type JobStats = Record<JobStatus, number>;

export interface JobQueue<S extends JobKinds> {
  /**
   * Adds a job unless one with the same kind and dedupe key exists, in any status: a job that
   * already ran is not run again. Call inside the transaction that records its cause.
   */
  enqueue<K extends JobKind<S>>(
    kind: K,
    dedupeKey: string,
    payload: z.input<S[K]>,
    runAt: Date,
    options?: EnqueueOptions,
  ): Promise<EnqueueResult>;
  /**
   * Takes up to `limit` due jobs for `workerId` until `now + leaseMs`. Jobs another copy holds
   * are skipped, not waited for; a job whose lease ran out (its worker died) is taken again.
   * `now` is this copy's clock, so copies need synchronized clocks (NTP) and a lease far longer
   * than any skew between them.
   */
  claim(workerId: string, limit: number, now: Date, leaseMs: number): Promise<ClaimedJob<S>[]>;
  complete(id: number, options?: FinishOptions): Promise<boolean>;
  /**
   * Moves a running job's lease to `until` while `workerId` still holds it (a heartbeat for a
   * long job); false when the job is no longer this worker's.
   */
  extendLease(id: number, workerId: string, until: Date): Promise<boolean>;
  /** Schedules a retry at `retryAt`, or buries the job once its attempts are used up. */
  fail(id: number, error: string, retryAt: Date, options?: FailOptions): Promise<FailOutcome>;
  stats(): Promise<JobStats>;
  /**
   * Deletes jobs done before `before` (dead ones stay for a person). Their dedupe keys go with
   * them, so keep them longer than any duplicate of their cause can arrive.
   */
  pruneDone(before: Date): Promise<number>;
}
