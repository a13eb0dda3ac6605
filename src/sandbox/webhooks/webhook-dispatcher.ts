// The sandbox's webhook sender, HubSpot's delivery in miniature. A record write that changes a
// subscribed property becomes events right away (ids and `occurredAt` fixed then); events close
// together form one batch; batches go out in the background, a few at a time, and a failed one
// is sent again, whole and with the same event ids, after a growing wait. Nothing here ever
// blocks or fails the API request that caused the change.
//
// Memory stays bounded with a dead backend: past `maxPendingEvents` new events are dropped and
// logged. Clearing the target, `reset` and `stop` drop what is pending and abort what is in
// flight; a generation number makes the late answers of aborted attempts count for nothing.
import type { Clock } from '../clock';
import type { RecordChange } from '../store/record-store';
import { parseWith } from '../validation';
import { type DeliveryAttempt, DeliveryLog, type WebhookCounters } from './delivery-log';
import { type SendBatch, type SendOutcome, sendBatch } from './send-batch';
import { type SandboxWebhookEvent, eventsFor } from './webhook-events';
import {
  type PublicWebhookSettings,
  type WebhookSettings,
  type WebhookSettingsInput,
  publicSettings,
  retryDelay,
  webhookSettingsSchema,
} from './webhook-settings';

export interface WebhookStatus {
  /** Where events go; null when no target is set (then no events are made). */
  target: PublicWebhookSettings | null;
  /** Events not yet delivered or given up: forming a batch, queued, in flight or between retries. */
  pending: number;
  counters: WebhookCounters;
  deliveries: DeliveryAttempt[];
}

/** What tests, `npm start` and the control route may do with the sandbox's webhooks. */
export interface SandboxWebhooks {
  /** Sets (or replaces) the target; pending events go to the new one. */
  configure(settings: WebhookSettingsInput): PublicWebhookSettings;
  /** No target: pending events are dropped and no new ones are made. */
  clear(): void;
  status(): WebhookStatus;
}

export interface DispatcherDeps {
  portalId: number;
  clock: Clock;
  warn: (message: string) => void;
  send?: SendBatch;
}

interface Batch {
  events: SandboxWebhookEvent[];
  attempt: number;
  generation: number;
}

function summary(events: readonly SandboxWebhookEvent[]): string {
  const ids = events.slice(0, 5).map((e) => e.eventId);
  const more = events.length > ids.length ? `, … ${events.length - ids.length} more` : '';
  return `${events.length} event${events.length === 1 ? '' : 's'} (ids ${ids.join(', ')}${more})`;
}

export class WebhookDispatcher implements SandboxWebhooks {
  private settings: WebhookSettings | null = null;
  private lastEventId: number;
  private readonly log = new DeliveryLog();
  private forming: SandboxWebhookEvent[] = [];
  private formingTimer: NodeJS.Timeout | undefined;
  private queued: Batch[] = [];
  private readonly retryTimers = new Set<NodeJS.Timeout>();
  private readonly inFlight = new Map<Batch, { abort: AbortController; done: Promise<void> }>();
  private pending = 0;
  private generation = 0;
  private readonly send: SendBatch;

  constructor(private readonly deps: DispatcherDeps) {
    // Ids start from the clock, so a restarted sandbox does not reuse ids a backend has already
    // recorded as processed (it would take the new events for duplicates).
    this.lastEventId = deps.clock.now();
    this.send = deps.send ?? sendBatch;
  }

  configure(input: WebhookSettingsInput): PublicWebhookSettings {
    this.settings = parseWith(webhookSettingsSchema, input);
    this.pump();
    return publicSettings(this.settings);
  }

  clear(): void {
    const dropped = this.dropPending().count;
    this.settings = null;
    if (dropped > 0) {
      this.log.dropped(dropped);
      this.deps.warn(`webhooks: target cleared, ${dropped} pending events dropped`);
    }
  }

  status(): WebhookStatus {
    return {
      target: this.settings ? publicSettings(this.settings) : null,
      pending: this.pending,
      ...this.log.snapshot(),
    };
  }

  /** A record write: events for the subscriptions it concerns, into the forming batch. */
  accept(change: RecordChange): void {
    const settings = this.settings;
    if (!settings) return;
    const events = eventsFor(change, {
      portalId: this.deps.portalId,
      appId: settings.appId,
      subscriptions: settings.subscriptions,
      nextEventId: () => ++this.lastEventId,
    });
    if (events.length === 0) return;
    this.log.produced(events.length);
    if (this.pending + events.length > settings.maxPendingEvents) {
      this.log.dropped(events.length);
      this.deps.warn(
        `webhooks: ${this.pending} events pending (maxPendingEvents ${settings.maxPendingEvents}), dropped ${summary(events)}`,
      );
      return;
    }
    this.pending += events.length;
    this.forming.push(...events);
    while (this.forming.length >= settings.maxBatchSize)
      this.enqueue(this.forming.splice(0, settings.maxBatchSize));
    if (this.forming.length > 0 && this.formingTimer === undefined) {
      this.formingTimer = setTimeout(() => {
        this.formingTimer = undefined;
        if (this.forming.length > 0) this.enqueue(this.forming.splice(0));
      }, settings.batchWindowMs);
      this.formingTimer.unref();
    }
  }

  /** Back to no history (`POST /__sandbox/reset`): pending work dropped, the target kept. */
  reset(): void {
    this.dropPending();
    this.log.reset();
  }

  /** The sandbox is closing: nothing more is sent, and in-flight attempts are aborted. */
  async stop(): Promise<void> {
    const { count, settling } = this.dropPending();
    if (count > 0) {
      this.log.dropped(count);
      this.deps.warn(`webhooks: closed with ${count} events undelivered`);
    }
    await Promise.allSettled(settling);
  }

  private enqueue(events: SandboxWebhookEvent[]): void {
    this.queued.push({ events, attempt: 0, generation: this.generation });
    this.pump();
  }

  private pump(): void {
    const settings = this.settings;
    while (settings && this.inFlight.size < settings.maxConcurrentRequests) {
      const batch = this.queued.shift();
      if (!batch) return;
      this.attempt(batch, settings);
    }
  }

  private attempt(batch: Batch, settings: WebhookSettings): void {
    const abort = new AbortController();
    const startedAt = this.deps.clock.now();
    const body = JSON.stringify(batch.events.map((e) => ({ ...e, attemptNumber: batch.attempt })));
    const done = this.send({
      url: settings.targetUrl,
      clientSecret: settings.clientSecret,
      body,
      timestamp: startedAt,
      timeoutMs: settings.timeoutMs,
      signal: abort.signal,
    })
      .catch((): SendOutcome => ({ ok: false, status: null, error: 'could not send' }))
      .then((outcome) => {
        this.inFlight.delete(batch);
        if (batch.generation !== this.generation) return;
        this.settle(batch, outcome, startedAt);
        this.pump();
      });
    this.inFlight.set(batch, { abort, done });
  }

  private settle(batch: Batch, outcome: SendOutcome, startedAt: number): void {
    const settings = this.settings;
    if (!settings) return;
    const entry = {
      eventIds: batch.events.map((e) => e.eventId),
      attemptNumber: batch.attempt,
      status: outcome.status,
      durationMs: this.deps.clock.now() - startedAt,
    };
    if (outcome.ok) {
      this.log.attempt({ ...entry, outcome: 'delivered' }, startedAt);
      this.pending -= batch.events.length;
      return;
    }
    const { retry } = settings;
    if (batch.attempt >= retry.retries) {
      this.log.attempt({ ...entry, outcome: 'gave up', error: outcome.error }, startedAt);
      this.pending -= batch.events.length;
      this.deps.warn(
        `webhooks: gave up on ${summary(batch.events)} after ${batch.attempt + 1} attempts (last: ${outcome.error})`,
      );
      return;
    }
    this.log.attempt({ ...entry, outcome: 'will retry', error: outcome.error }, startedAt);
    const delay = retryDelay(retry, batch.attempt + 1);
    if (batch.attempt === 0)
      this.deps.warn(
        `webhooks: delivery of ${summary(batch.events)} failed (${outcome.error}); retrying in ${delay} ms`,
      );
    const timer = setTimeout(() => {
      this.retryTimers.delete(timer);
      this.queued.push({ ...batch, attempt: batch.attempt + 1 });
      this.pump();
    }, delay);
    timer.unref();
    this.retryTimers.add(timer);
  }

  private dropPending(): { count: number; settling: Promise<void>[] } {
    this.generation++;
    clearTimeout(this.formingTimer);
    this.formingTimer = undefined;
    this.retryTimers.forEach((timer) => clearTimeout(timer));
    this.retryTimers.clear();
    const settling = [...this.inFlight.values()].map((flight) => {
      flight.abort.abort();
      return flight.done;
    });
    this.inFlight.clear();
    const count = this.pending;
    this.forming = [];
    this.queued = [];
    this.pending = 0;
    return { count, settling };
  }
}
