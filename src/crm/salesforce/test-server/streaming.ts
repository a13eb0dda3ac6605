// The test server's Streaming API: a CometD endpoint (faye) at /cometd/66.0 carrying the platform
// event Baton_Handoff_Requested__e the way Salesforce serves API clients: long polling only, the
// session's token checked on every message (`401::Authentication invalid` and advice not to
// retry once it is expired or revoked), and the replay extension (-1 new events only, -2 every
// retained event, or the events after a replay id, refused once any event after it fell out of
// the retention window). It also plays the org: it stamps LastModifiedDate on changed
// Opportunities and, as the closed-won flow does, publishes the event when an update makes one
// won. Tests can publish on demand, drop every connection and shorten the retention.
import { randomUUID } from 'node:crypto';
import type { EventEmitter } from 'node:events';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import faye from 'faye';
import { SALESFORCE_API_VERSION } from '../api-version';
import { HANDOFF_REQUESTED_EVENT } from '../handoff-requested.event';
import type { TestSessions } from './oauth';
import type { TestRecords } from './records';
import { OPPORTUNITY_STAGES, TEST_IDS, type TestRecord } from './seed';

export const TEST_EVENT_CHANNEL = `/event/${HANDOFF_REQUESTED_EVENT.apiName}`;
/** Platform events are kept 72 hours. */
export const DEFAULT_RETENTION_MS = 72 * 60 * 60 * 1000;
/** How long Salesforce holds a /meta/connect open when it has nothing to deliver. */
export const DEFAULT_LONG_POLL_SECONDS = 110;
/** When the seeded records last changed: long before any test's reconciliation window. */
const SEEDED_AT = '2025-01-06T09:00:00.000+0000';

const AUTH_INVALID = '401::Authentication invalid';
const HANDSHAKE_DENIED = '403::Handshake denied';

export interface TestStreamingOptions {
  retentionMs?: number;
  /** Seconds a long poll is held; tests shorten it so an expired session shows within a second. */
  longPollSeconds?: number;
}

export interface TestEvent {
  replayId: number;
  publishedAt: number;
  opportunityId: string;
  eventUuid: string;
}

export interface TestStreaming {
  /** The events still retained, oldest first. */
  events(): TestEvent[];
  /** Clients subscribed to the event channel now. */
  subscribers(): number;
  /** Publishes the event for an Opportunity, as the flow would. */
  publish(opportunityId: string): TestEvent;
  /** Stamps changed Opportunities and runs the flow for the newly won (after every request). */
  observeRecords(): void;
  /** Cuts every open connection (CometD and REST alike), as a network failure would. */
  dropConnections(): void;
  /** Changes the retention and drops the events now older than it. */
  setRetention(ms: number): void;
  attach(server: EventEmitter & { closeAllConnections?(): void }): void;
  close(): Promise<void>;
}

interface BayeuxMessage {
  channel: string;
  clientId?: string;
  subscription?: string | string[];
  data?: unknown;
  error?: string;
  successful?: boolean;
  advice?: Record<string, unknown>;
  ext?: Record<string, unknown>;
  supportedConnectionTypes?: string[];
}
type Pipe = (message: BayeuxMessage | null) => void;
interface NodeAdapter {
  attach(server: EventEmitter): void;
  addExtension(extension: {
    incoming(message: BayeuxMessage, request: IncomingMessage | null, pipe: Pipe): void;
    outgoing(message: BayeuxMessage, request: IncomingMessage | null, pipe: Pipe): void;
  }): void;
  getClient(): { publish(channel: string, data: unknown): unknown; disconnect(): unknown };
  on(event: 'disconnect', listener: (clientId: string) => void): void;
  close(): void;
}
// jsforce's typings of faye declare only the client.
const { NodeAdapter } = faye as unknown as {
  NodeAdapter: new (options: { mount: string; timeout: number }) => NodeAdapter;
};

const isWonStage = (stage: unknown) =>
  OPPORTUNITY_STAGES.some((s) => s.ApiName === stage && s.IsWon);
/** Salesforce's REST format for a dateTime. */
const salesforceNow = () => new Date().toISOString().replace('Z', '+0000');
/** Each subscriber gets its events on a channel of its own: replays differ per subscriber. */
const ownChannel = (clientId: string) => `/baton-test/subscribers/${clientId}`;
const subscriptionOf = (message: BayeuxMessage) => [message.subscription ?? []].flat()[0];

export function createTestStreaming(
  sessions: TestSessions,
  records: TestRecords,
  options: TestStreamingOptions = {},
): TestStreaming {
  let retentionMs = options.retentionMs ?? DEFAULT_RETENTION_MS;
  let events: TestEvent[] = [];
  let lastReplayId = 0;
  /** The highest replay id no longer retained: a replay must start at or after it. */
  let droppedThrough = 0;
  const subscribed = new Set<string>();
  let server: (EventEmitter & { closeAllConnections?(): void }) | null = null;

  const bayeux = new NodeAdapter({
    mount: `/cometd/${SALESFORCE_API_VERSION}`,
    timeout: options.longPollSeconds ?? DEFAULT_LONG_POLL_SECONDS,
  });
  const publisher = bayeux.getClient();

  const messageOf = (event: TestEvent) => ({
    schema: 'baton-test-schema',
    payload: {
      CreatedDate: new Date(event.publishedAt).toISOString(),
      CreatedById: TEST_IDS.seller,
      [HANDOFF_REQUESTED_EVENT.fields.opportunityId.apiName]: event.opportunityId,
    },
    event: { EventUuid: event.eventUuid, replayId: event.replayId },
  });

  function prune() {
    const now = Date.now();
    const kept = events.filter((event) => now - event.publishedAt < retentionMs);
    for (const event of events) if (!kept.includes(event)) droppedThrough = event.replayId;
    events = kept;
  }

  /** Where a subscription starts (deliver the events after it), or an error in Salesforce's words. */
  function replayStart(ext: Record<string, unknown> | undefined): number | string {
    prune();
    const replay = (ext?.replay as Record<string, unknown> | undefined)?.[TEST_EVENT_CHANNEL];
    if (replay === undefined || replay === -1) return lastReplayId;
    if (replay === -2) return droppedThrough;
    if (
      typeof replay === 'number' &&
      Number.isInteger(replay) &&
      replay >= droppedThrough &&
      replay <= lastReplayId
    )
      return replay;
    return (
      `400::The replayId {${String(replay)}} you provided was invalid. Please provide a valid ID, ` +
      '-2 to replay all events, or -1 to replay only new events.'
    );
  }

  const pendingStarts = new Map<string, number>();

  bayeux.addExtension({
    incoming(message, request, pipe) {
      // The in-process publisher (no request) is the server's own; leaving needs no session.
      if (request === null || message.channel === '/meta/disconnect') return pipe(message);
      const token = /^(?:OAuth|Bearer) (.+)$/.exec(request.headers.authorization ?? '')?.[1];
      if (!sessions.isValid(token)) {
        message.error = message.channel === '/meta/handshake' ? HANDSHAKE_DENIED : AUTH_INVALID;
        return pipe(message);
      }
      if (message.channel === '/meta/subscribe' || message.channel === '/meta/unsubscribe') {
        const channel = subscriptionOf(message);
        if (channel !== TEST_EVENT_CHANNEL) {
          message.error = `400::The channel you requested to subscribe to does not exist {${channel}}`;
          return pipe(message);
        }
        if (message.channel === '/meta/subscribe') {
          const start = replayStart(message.ext);
          if (typeof start === 'string') message.error = start;
          else pendingStarts.set(message.clientId ?? '', start);
        } else {
          subscribed.delete(message.clientId ?? '');
        }
        message.subscription = ownChannel(message.clientId ?? '');
      }
      pipe(message);
    },

    outgoing(message, request, pipe) {
      if (request === null) return pipe(message);
      if (message.channel === '/meta/handshake') {
        message.supportedConnectionTypes = ['long-polling'];
        message.ext = { replay: true, 'payload.format': true };
        if (message.error === HANDSHAKE_DENIED) message.ext.sfdc = { failureReason: AUTH_INVALID };
      }
      if (message.error === HANDSHAKE_DENIED || message.error === AUTH_INVALID)
        message.advice = { reconnect: 'none' };
      const clientId = message.clientId ?? '';
      if (subscriptionOf(message) === ownChannel(clientId)) {
        message.subscription = TEST_EVENT_CHANNEL;
        const start = pendingStarts.get(clientId);
        pendingStarts.delete(clientId);
        if (message.channel === '/meta/subscribe' && message.successful && start !== undefined) {
          subscribed.add(clientId);
          for (const event of events)
            if (event.replayId > start) publisher.publish(ownChannel(clientId), messageOf(event));
        }
      }
      // What a subscriber receives on its own channel is the event channel's message.
      if (message.channel.startsWith('/baton-test/subscribers/'))
        message.channel = TEST_EVENT_CHANNEL;
      pipe(message);
    },
  });
  bayeux.on('disconnect', (clientId) => subscribed.delete(clientId));

  function publish(opportunityId: string): TestEvent {
    prune();
    const event = {
      replayId: ++lastReplayId,
      publishedAt: Date.now(),
      opportunityId,
      eventUuid: randomUUID(),
    };
    events.push(event);
    for (const clientId of subscribed) publisher.publish(ownChannel(clientId), messageOf(event));
    return event;
  }

  /** Each Opportunity as last seen: a fingerprint of its fields, and whether it was won. */
  const seen = new Map<string, { fingerprint: string; won: boolean }>();
  const fingerprintOf = ({ LastModifiedDate: _stamp, ...fields }: TestRecord) =>
    JSON.stringify(fields);
  for (const opportunity of records.list('Opportunity')) {
    opportunity.LastModifiedDate ??= SEEDED_AT;
    const won = isWonStage(opportunity.StageName);
    seen.set(opportunity.Id, { fingerprint: fingerprintOf(opportunity), won });
  }

  function observeRecords() {
    for (const opportunity of records.list('Opportunity')) {
      const fingerprint = fingerprintOf(opportunity);
      const before = seen.get(opportunity.Id);
      if (before?.fingerprint === fingerprint) continue;
      const won = isWonStage(opportunity.StageName);
      opportunity.LastModifiedDate = salesforceNow();
      seen.set(opportunity.Id, { fingerprint, won });
      // The flow runs after an update that makes IsWon true; a record created won does not fire it.
      if (before && won && !before.won) publish(opportunity.Id);
    }
  }

  return {
    events() {
      prune();
      return [...events];
    },
    subscribers: () => subscribed.size,
    publish,
    observeRecords,
    dropConnections: () => server?.closeAllConnections?.(),
    setRetention(ms) {
      retentionMs = ms;
      prune();
    },
    attach(http) {
      server = http;
      bayeux.attach(http);
      // Salesforce's CometD is long polling only. faye's client probes for a WebSocket anyway:
      // refused, as Salesforce refuses it, rather than left open past the server's close.
      http.removeAllListeners('upgrade');
      http.on('upgrade', (_request: IncomingMessage, socket: Duplex) => {
        socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
      });
    },
    async close() {
      // The in-process publisher polls its own server: disconnected, it stops.
      publisher.disconnect();
      await new Promise((resolve) => setImmediate(resolve));
      bayeux.close();
    },
  };
}
