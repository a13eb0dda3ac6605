// One subscription to a platform event channel through jsforce's Streaming API client (faye,
// long polling, on the connection's API version), from a replay id, until it ends: the session
// was refused (jsforce's AuthFailure extension), the connection dropped, the replay id is no
// longer retained, or the listener closed it. Events are handed over one at a time, in order;
// the replay extension resumes after the last event *accepted*, not merely received, should the
// client subscribe again by itself (faye re-handshakes when the server forgets it).
import type { Connection } from 'jsforce';

export type StreamEnd =
  | { reason: 'closed' }
  | { reason: 'auth_failed' }
  | { reason: 'transport_down' }
  | { reason: 'replay_id_invalid'; message: string }
  | { reason: 'subscribe_failed'; message: string }
  | { reason: 'accept_failed'; error: unknown };

export interface EventStreamOptions {
  connection: Connection;
  channel: string;
  /** -1 new events only, -2 every retained event, or the replay id to resume after. */
  replayFrom: number;
  /** Takes one event; resolves to its replay id once it is safely queued (null: skipped). */
  accept(data: unknown): Promise<number | null>;
  onSubscribed(): void;
}

export interface EventStream {
  /** Resolves once the stream ended and every event it received was handled. */
  ended: Promise<StreamEnd>;
  close(): void;
}

interface BayeuxMessage {
  channel: string;
  subscription?: string;
  ext?: Record<string, unknown>;
}

/** The faye client as jsforce creates it: its typings leave out disconnect and the events. */
interface StreamingClient {
  subscribe(channel: string, listener: (data: unknown) => void): PromiseLike<void>;
  /** Settles when the server answers; undefined when the client was not connected. */
  disconnect(): PromiseLike<void> | undefined;
  on(event: 'transport:down', listener: () => void): unknown;
  /** faye's own; jsforce reaches into it too (to pick long polling). */
  _dispatcher: { close(): void };
}

/** How long the end of a stream waits for the server to acknowledge the disconnect. */
const DISCONNECT_WAIT_MS = 2_000;

/** Salesforce's words for a replay id it no longer retains (or never issued). */
const INVALID_REPLAY_ID = /replayId .* invalid/i;

/** The replay extension: `ext.replay = { channel: replayId }` on each subscribe to the channel. */
class ReplayFrom {
  constructor(
    private readonly channel: string,
    public replayId: number,
  ) {}

  outgoing(message: BayeuxMessage, next: (message: BayeuxMessage) => void): void {
    if (message.channel === '/meta/subscribe' && message.subscription === this.channel)
      message.ext = { ...message.ext, replay: { [this.channel]: this.replayId } };
    next(message);
  }
}

export async function openEventStream(options: EventStreamOptions): Promise<EventStream> {
  // The file itself: Node's ESM import refuses jsforce's `api/streaming` folder alias.
  const { StreamingExtension } = await import('jsforce/lib/api/streaming.js');
  let settle!: (end: StreamEnd) => void;
  const signalled = new Promise<StreamEnd>((resolve) => (settle = resolve));
  let over = false;
  let handled: Promise<void> = Promise.resolve();
  let left: Promise<void> = Promise.resolve();

  const replay = new ReplayFrom(options.channel, options.replayFrom);
  const authFailure = new StreamingExtension.AuthFailure(() => end({ reason: 'auth_failed' }));
  const client = options.connection.streaming.createClient([
    authFailure,
    replay,
  ]) as unknown as StreamingClient;

  function end(reason: StreamEnd): void {
    if (over) return;
    over = true;
    settle(reason);
    const disconnected = client.disconnect();
    if (disconnected) left = settledWithin(disconnected, DISCONNECT_WAIT_MS);
    // faye resends a message that failed every few seconds for as long as it takes: a client
    // left behind would poll on against an unreachable server. Closing its dispatcher (what a
    // successful disconnect does) lets the disconnect in flight finish and sends nothing more.
    client._dispatcher.close();
  }

  client.on('transport:down', () => end({ reason: 'transport_down' }));

  // Accepted strictly in order: after a failure the rest wait for the next stream's replay, or
  // a later event's replay id would be stored past the one that failed.
  let failed = false;
  client
    .subscribe(options.channel, (data) => {
      if (over) return;
      handled = handled.then(async () => {
        if (failed) return;
        try {
          const replayId = await options.accept(data);
          if (replayId !== null) replay.replayId = replayId;
        } catch (error) {
          failed = true;
          end({ reason: 'accept_failed', error });
        }
      });
    })
    .then(
      () => {
        if (!over) options.onSubscribed();
      },
      (error: unknown) => {
        const message = (error as { message?: unknown } | null)?.message;
        const text = typeof message === 'string' ? message : String(error);
        end(
          INVALID_REPLAY_ID.test(text)
            ? { reason: 'replay_id_invalid', message: text }
            : { reason: 'subscribe_failed', message: text },
        );
      },
    );

  return {
    ended: signalled.then(async (reason) => {
      await handled;
      await left;
      return reason;
    }),
    close: () => end({ reason: 'closed' }),
  };
}

/** Waits for `promise` to settle either way, or `ms`, whichever comes first. */
async function settledWithin(promise: PromiseLike<unknown>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([
    Promise.resolve(promise).then(
      () => undefined,
      () => undefined,
    ),
    new Promise<void>((resolve) => (timer = setTimeout(resolve, ms))),
  ]);
  clearTimeout(timer);
}
