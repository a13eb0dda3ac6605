// The SLA sweep's clock: every interval each backend copy queues the sweep of the current slot
// under the slot's name, so however many copies run, each slot is swept once (the queue's
// unique key), and a copy that was down catches up at its next tick.
import type { BackendStorage } from './backend-jobs';
import type { Logger } from '../logger';
import { describeError } from '../logger';

export const DEFAULT_SWEEP_INTERVAL_MS = 5 * 60_000;

export interface SlaScheduleOptions {
  storage: BackendStorage;
  log: Logger;
  /** The business clock: slots are named by it, so a pinned clock sweeps its own slot. */
  now: () => number;
  queueClock: () => number;
  intervalMs?: number;
  onQueued: () => void;
}

export interface SlaSchedule {
  /** Queues the current slot's sweep (false when a copy already did). */
  tick(): Promise<boolean>;
  stop(): void;
}

export function slotOf(now: number, intervalMs: number): string {
  return new Date(Math.floor(now / intervalMs) * intervalMs).toISOString();
}

export function startSlaSchedule(options: SlaScheduleOptions): SlaSchedule {
  const intervalMs = options.intervalMs ?? DEFAULT_SWEEP_INTERVAL_MS;
  const tick = async () => {
    const slot = slotOf(options.now(), intervalMs);
    const { created } = await options.storage.jobs.enqueue(
      'sla-sweep',
      slot,
      { slot },
      new Date(options.queueClock()),
      { maxAttempts: 3 },
    );
    if (created) options.onQueued();
    return created;
  };
  const timer = setInterval(() => {
    tick().catch((error: unknown) =>
      options.log.error({ err: describeError(error) }, 'could not queue the SLA sweep'),
    );
  }, intervalMs);
  timer.unref();
  // The first slot at once: a copy starting up should not wait an interval to catch up.
  void tick().catch((error: unknown) =>
    options.log.error({ err: describeError(error) }, 'could not queue the SLA sweep'),
  );
  return { tick, stop: () => clearInterval(timer) };
}
