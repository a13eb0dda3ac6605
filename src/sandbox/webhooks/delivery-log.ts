// What happened to the webhooks, for `GET /__sandbox/webhooks`: counters since the last reset
// and the most recent attempts, newest first. Bounded, so a dead backend cannot grow it.
import { toIso } from '../clock';

const RECENT_ATTEMPTS = 50;

export interface DeliveryAttempt {
  at: string;
  eventIds: number[];
  attemptNumber: number;
  /** The answer's status; null when there was none (timeout, connection refused). */
  status: number | null;
  outcome: 'delivered' | 'will retry' | 'gave up';
  error?: string;
  durationMs: number;
}

export interface WebhookCounters {
  /** Events the subscriptions produced. */
  events: number;
  /** Events a 2xx answer took. */
  delivered: number;
  /** Requests sent, retries included, and how many of them failed. */
  attempts: number;
  failedAttempts: number;
  /** Events whose retries ran out. */
  gaveUp: number;
  /** Events refused because too many were pending, or pending when the target was cleared. */
  dropped: number;
}

const zero = (): WebhookCounters => ({
  events: 0,
  delivered: 0,
  attempts: 0,
  failedAttempts: 0,
  gaveUp: 0,
  dropped: 0,
});

export class DeliveryLog {
  private counters = zero();
  private recent: DeliveryAttempt[] = [];

  produced(events: number): void {
    this.counters.events += events;
  }

  dropped(events: number): void {
    this.counters.dropped += events;
  }

  attempt(entry: Omit<DeliveryAttempt, 'at'>, startedAt: number): void {
    const { eventIds, attemptNumber, status, outcome, error, durationMs } = entry;
    this.counters.attempts++;
    if (outcome === 'delivered') this.counters.delivered += eventIds.length;
    else this.counters.failedAttempts++;
    if (outcome === 'gave up') this.counters.gaveUp += eventIds.length;
    this.recent.unshift({
      at: toIso(startedAt),
      eventIds,
      attemptNumber,
      status,
      outcome,
      ...(error !== undefined ? { error } : {}),
      durationMs,
    });
    this.recent.length = Math.min(this.recent.length, RECENT_ATTEMPTS);
  }

  reset(): void {
    this.counters = zero();
    this.recent = [];
  }

  snapshot(): { counters: WebhookCounters; deliveries: DeliveryAttempt[] } {
    return {
      counters: { ...this.counters },
      deliveries: this.recent.map((entry) => ({ ...entry, eventIds: [...entry.eventIds] })),
    };
  }
}
