// The Salesforce listener: subscribed to Baton_Handoff_Requested__e from the replay id the
// intake stored last, it hands each event to the intake (which queues the handoff and stores
// the replay id with it), signs in again when the streaming server refuses the session, and
// reconnects with capped backoff when the connection drops. A reconciliation poll, at start and
// every few minutes, queues the won Opportunities without a handoff that changed since its
// checkpoint, so an outage longer than the event bus keeps events loses nothing.
//
//   const listener = createHandoffListener({ signIn: () => connectSalesforce(auth), intake, log });
//   listener.start();
//   await listener.stop();
import type { Connection } from 'jsforce';
import { backoff } from '../retry-policy';
import { type EventStream, type StreamEnd, openEventStream } from './handoff-event-stream';
import {
  HANDOFF_REQUESTED_CHANNEL,
  type HandoffRequest,
  parseHandoffRequested,
} from './handoff-events';
import { type WonOpportunity, findWonWithoutHandoff } from './handoff-reconciliation';
import { SalesforceCalls } from './salesforce-calls';

/** Where events and poll results go: the backend's queue (src/server/salesforce-intake.ts). */
export interface HandoffIntake {
  /** The replay id of the last event whose handoff is queued; null before the first. */
  lastReplayId(channel: string): Promise<number | null>;
  /**
   * Queues the event's handoff unless the event was seen before, and stores its replay id, in one
   * transaction. True when it queued something.
   */
  acceptEvent(request: HandoffRequest, channel: string): Promise<boolean>;
  /** Every won Opportunity changed before this instant has been queued by a poll. */
  reconciledThrough(): Promise<Date | null>;
  /** Queues a poll's findings and moves the checkpoint, in one transaction; how many queued. */
  acceptReconciliation(found: readonly WonOpportunity[], through: Date): Promise<number>;
}

/** pino's signature: fields first. Never a token, a record's data or a person. */
export interface ListenerLog {
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
  error(fields: object, message: string): void;
}

export interface HandoffListenerOptions {
  /** Signs in (salesforce-auth): at start, and again whenever the streaming server refuses. */
  signIn: () => Promise<Connection>;
  intake: HandoffIntake;
  log: ListenerLog;
  channel?: string;
  /** Delays between reconnection attempts: exponential with jitter from the base, capped. */
  reconnect?: { baseDelayMs: number; maxDelayMs: number };
  reconcileEveryMs?: number;
  /** How far each poll reaches back before the last one started: clock skew, late commits. */
  reconcileOverlapMs?: number;
  /** The first poll ever looks back this far: as far as the event bus keeps events. */
  firstLookbackMs?: number;
  now?: () => number;
}

export interface HandoffListener {
  start(): void;
  /** Closes the subscription and the schedule, after the event or poll in hand is queued. */
  stop(): Promise<void>;
  /** Runs a reconciliation poll now; resolves to the number of handoffs it queued. */
  reconcile(): Promise<number>;
}

export const DEFAULT_RECONNECT = { baseDelayMs: 1_000, maxDelayMs: 60_000 };
export const DEFAULT_RECONCILE_EVERY_MS = 10 * 60_000;
export const DEFAULT_RECONCILE_OVERLAP_MS = 10 * 60_000;
export const EVENT_RETENTION_MS = 72 * 60 * 60_000;

/** What the log may say about an error: Salesforce's code and message, cut short. */
function reasonOf(error: unknown): Record<string, unknown> {
  const code = (error as { errorCode?: unknown } | null)?.errorCode;
  const message = error instanceof Error ? error.message : String(error);
  return { error: message.slice(0, 300), ...(typeof code === 'string' ? { errorCode: code } : {}) };
}

export function createHandoffListener(options: HandoffListenerOptions): HandoffListener {
  const { intake, log } = options;
  const channel = options.channel ?? HANDOFF_REQUESTED_CHANNEL;
  const reconnect = options.reconnect ?? DEFAULT_RECONNECT;
  const every = options.reconcileEveryMs ?? DEFAULT_RECONCILE_EVERY_MS;
  const overlap = options.reconcileOverlapMs ?? DEFAULT_RECONCILE_OVERLAP_MS;
  const firstLookback = options.firstLookbackMs ?? EVENT_RETENTION_MS;
  const now = options.now ?? Date.now;
  const calls = new SalesforceCalls();

  let running = false;
  let loop: Promise<void> | null = null;
  let stream: EventStream | null = null;
  let wake: (() => void) | null = null;
  let pollTimer: NodeJS.Timeout | null = null;
  let polling: Promise<number> | null = null;
  /** The stored replay id fell out of retention: take every retained event until one lands. */
  let replayAll = false;

  let session: Promise<Connection> | null = null;
  const signedIn = () =>
    (session ??= options.signIn().catch((error: unknown) => {
      session = null;
      throw error;
    }));

  async function accept(data: unknown): Promise<number | null> {
    const parsed = parseHandoffRequested(data);
    if (!parsed.success) {
      log.warn(
        { replayId: parsed.replayId, problems: parsed.errorMessages },
        'skipped a malformed handoff event',
      );
      return null;
    }
    const { request } = parsed;
    const queued = await intake.acceptEvent(request, channel);
    replayAll = false;
    log.info(
      { replayId: request.replayId, opportunityId: request.opportunityId, queued },
      queued ? 'handoff event queued' : 'handoff event seen before',
    );
    return request.replayId;
  }

  /** One subscription, from sign-in to its end; null when it could not even start. */
  async function subscribeOnce(onSubscribed: () => void): Promise<StreamEnd | null> {
    let connection: Connection;
    let replayFrom: number;
    try {
      connection = await signedIn();
    } catch (error) {
      log.warn(reasonOf(error), 'cannot sign in to Salesforce to subscribe');
      return null;
    }
    try {
      replayFrom = replayAll ? -2 : ((await intake.lastReplayId(channel)) ?? -1);
    } catch (error) {
      log.error(reasonOf(error), 'cannot read the stored replay id');
      return null;
    }
    if (!running) return { reason: 'closed' };
    stream = await openEventStream({
      connection,
      channel,
      replayFrom,
      accept,
      onSubscribed: () => {
        log.info({ channel, replayFrom }, 'listening for Salesforce handoff events');
        onSubscribed();
      },
    });
    if (!running) stream.close();
    const end = await stream.ended;
    stream = null;
    return end;
  }

  /** Logs why a subscription ended and says how long to wait before the next. */
  function delayAfter(end: StreamEnd | null, failures: number): number {
    const delay = backoff(failures, reconnect);
    // null: it could not start, and said why where it failed.
    switch (end?.reason) {
      case undefined:
      case 'closed':
        return delay;
      case 'auth_failed':
        log.warn({ channel }, 'Salesforce refused the streaming session; signing in again');
        session = null;
        return delay;
      case 'transport_down':
        log.warn({ channel, retryInMs: delay }, 'Salesforce streaming connection dropped');
        return delay;
      case 'replay_id_invalid':
        log.warn(
          { channel },
          'the stored replay id is no longer retained: replaying every retained event, and ' +
            'reconciling for what fell out of retention',
        );
        replayAll = true;
        void reconcileLogged();
        return 0;
      case 'accept_failed':
        log.error(reasonOf(end.error), 'could not queue a handoff event; it will be replayed');
        return delay;
      case 'subscribe_failed':
        log.warn({ channel, error: end.message }, 'Salesforce refused the subscription');
        return delay;
    }
  }

  async function listen(): Promise<void> {
    let failures = 0;
    while (running) {
      const end = await subscribeOnce(() => (failures = 0));
      if (!running || end?.reason === 'closed') return;
      const delay = delayAfter(end, ++failures);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, delay);
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      wake = null;
    }
  }

  function reconcile(): Promise<number> {
    polling ??= (async () => {
      const startedAt = now();
      const since = (await intake.reconciledThrough()) ?? new Date(startedAt - firstLookback);
      const found = await findWonWithoutHandoff(await signedIn(), calls, since);
      const queued = await intake.acceptReconciliation(found, new Date(startedAt - overlap));
      log.info(
        { since: since.toISOString(), found: found.length, queued },
        'reconciled won Opportunities without a handoff',
      );
      return queued;
    })().finally(() => (polling = null));
    return polling;
  }

  async function reconcileLogged(): Promise<void> {
    try {
      await reconcile();
    } catch (error) {
      log.warn(
        reasonOf(error),
        'the reconciliation poll failed; it runs again at the next interval',
      );
    }
  }

  function schedulePolls(delay: number): void {
    pollTimer = setTimeout(() => {
      void reconcileLogged().then(() => {
        if (running) schedulePolls(every);
      });
    }, delay);
  }

  return {
    start() {
      if (running) return;
      running = true;
      loop = listen();
      schedulePolls(0);
    },
    async stop() {
      running = false;
      if (pollTimer) clearTimeout(pollTimer);
      wake?.();
      stream?.close();
      await loop;
      await polling?.catch(() => undefined);
    },
    reconcile,
  };
}
