// A stand-in for Baton's webhook door on an ephemeral port: the backend's own signature check
// (`verifyHubSpotSignature`) and batch schema in front of a route that records what got
// through and answers as the test says (a status, or never).
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { type WebhookEvent, webhookBatchSchema } from '../../../src/functions/webhook-events';
import { verifyHubSpotSignature } from '../../../src/server/hubspot-signature';

export const WEBHOOK_PATH = '/hubspot/webhooks';

export interface ReceivedBatch {
  headers: Record<string, string>;
  /** The verified raw body. */
  body: string;
  events: WebhookEvent[];
}

/** The answer to the n-th verified batch (0-based): a status, or `'hang'` to never answer. */
export type Answer = (n: number) => number | 'hang';

export interface Receiver {
  /** The URL to send webhooks to (and the one signatures are checked against). */
  targetUrl: string;
  received: ReceivedBatch[];
  /** Requests the signature check refused. */
  refused: number;
  /** Resolves once `count` batches got through; fails past the deadline. */
  waitFor(count: number, deadlineMs?: number): Promise<ReceivedBatch[]>;
  close(): Promise<void>;
}

export async function startReceiver(options: {
  clientSecret: string;
  now: () => number;
  answer?: Answer;
}): Promise<Receiver> {
  const answer = options.answer ?? (() => 200);
  const received: ReceivedBatch[] = [];
  const hanging: (() => void)[] = [];
  let refused = 0;
  let base = '';

  const app = new Hono<{ Variables: { rawBody: string } }>();
  app.use(WEBHOOK_PATH, async (c, next) => {
    await next();
    if (c.res.status === 401) refused++;
  });
  app.use(WEBHOOK_PATH, (c, next) =>
    verifyHubSpotSignature({
      clientSecret: options.clientSecret,
      publicUrl: base,
      now: options.now,
      log: pino({ level: 'silent' }),
    })(c, next),
  );
  app.post(WEBHOOK_PATH, async (c) => {
    const body = c.get('rawBody');
    const events = webhookBatchSchema.parse(JSON.parse(body));
    const plan = answer(received.length);
    received.push({ headers: Object.fromEntries(c.req.raw.headers), body, events });
    if (plan === 'hang') {
      await new Promise<void>((resolve) => hanging.push(resolve));
      return c.body(null, 204);
    }
    return c.json({ status: plan < 300 ? 'ok' : 'error' }, plan as ContentfulStatusCode);
  });

  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    targetUrl: base + WEBHOOK_PATH,
    received,
    get refused() {
      return refused;
    },
    async waitFor(count, deadlineMs) {
      await waitUntil(
        () => received.length >= count,
        `${count} webhook batches arrive`,
        deadlineMs,
      );
      return received;
    },
    async close() {
      hanging.forEach((resolve) => resolve());
      await new Promise<void>((done) => {
        server.close(() => done());
        if ('closeAllConnections' in server) server.closeAllConnections();
      });
    },
  };
}

/** A URL nothing listens on: a port that was free a moment ago. */
export async function deadUrl(): Promise<string> {
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: () => new Response(), port: 0, hostname: '127.0.0.1' }, () =>
      resolve(s),
    );
  });
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((done) => server.close(() => done()));
  return `http://127.0.0.1:${port}${WEBHOOK_PATH}`;
}

/** Waits for a condition, failing past a deadline (never asserts how long anything took). */
export async function waitUntil(condition: () => boolean, what: string, deadlineMs = 4_000) {
  const deadline = Date.now() + deadlineMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
