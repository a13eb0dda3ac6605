// Faults on demand for the Salesforce test server, as src/sandbox/faults.ts is for HubSpot:
// random 429s, 5xx errors (Salesforce's JSON for 500 and 503, a gateway's HTML for 502 and
// 504), REQUEST_LIMIT_EXCEEDED on concurrent requests and connection resets, plus one-shot faults
// for the next matching request. A 5xx or a reset may strike after the request was applied (its
// answer lost, its write kept): the case a client must not take for "nothing happened". They
// apply to the REST API only, never to the token endpoint.
import type { Socket } from 'node:net';
import type { Context, Next } from 'hono';
import { z } from 'zod';

export const FAULT_KINDS = ['429', '500', '502', '503', '504', 'request_limit', 'reset'] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

const rate = z.number().min(0).max(1).optional();

export const testServerFaultsSchema = z.strictObject({
  rate429: rate,
  /** Spread over 500, 502, 503 and 504. */
  rate5xx: rate,
  rateRequestLimit: rate,
  rateReset: rate,
  /** The share of 5xx and resets that strike after the request was applied. */
  landedShare: z.number().min(0).max(1).default(0.5),
  /** Sent with 429s (seconds). */
  retryAfterSeconds: z.number().int().min(0).max(3600).optional(),
  /** Each strikes the next request it matches, once, before any random fault. */
  once: z
    .array(
      z.strictObject({
        kind: z.enum(FAULT_KINDS),
        method: z.string().min(1).optional(),
        pathIncludes: z.string().min(1).optional(),
        /** The request is applied first (for 5xx and resets). */
        landed: z.boolean().default(false),
      }),
    )
    .default([]),
});

export type TestServerFaultsInput = z.input<typeof testServerFaultsSchema>;
type Faults = z.output<typeof testServerFaultsSchema>;

const json = (
  status: number,
  errorCode: string,
  message: string,
  headers: Record<string, string> = {},
) =>
  new Response(JSON.stringify([{ message, errorCode }]), {
    status,
    headers: { 'content-type': 'application/json;charset=UTF-8', ...headers },
  });

const gateway = (status: 502 | 504) =>
  new Response(
    `<html><body><h1>${status} ${status === 502 ? 'Bad Gateway' : 'Gateway Timeout'}</h1></body></html>`,
    {
      status,
      headers: { 'content-type': 'text/html' },
    },
  );

export class TestServerFaults {
  private faults: Faults = testServerFaultsSchema.parse({});
  /** Faults injected so far, by kind, and how many struck after the request was applied. */
  readonly injected: Record<FaultKind | 'landed', number> = Object.fromEntries(
    [...FAULT_KINDS, 'landed'].map((kind) => [kind, 0]),
  ) as Record<FaultKind | 'landed', number>;

  /** Every fault injected: where, what, and whether the request was applied first. */
  readonly history: { method: string; path: string; kind: FaultKind; landed: boolean }[] = [];

  constructor(private readonly random: () => number = Math.random) {}

  /** Replaces the faults in force (validated: a typo is an error, not a quiet no-op). */
  set(faults: TestServerFaultsInput): void {
    this.faults = testServerFaultsSchema.parse(faults);
  }

  clear(): void {
    this.set({});
  }

  private draw(method: string, path: string): { kind: FaultKind; landed: boolean } | null {
    const index = this.faults.once.findIndex(
      (f) =>
        (f.method === undefined || f.method.toUpperCase() === method) &&
        (f.pathIncludes === undefined || path.includes(f.pathIncludes)),
    );
    if (index >= 0) {
      const [once] = this.faults.once.splice(index, 1);
      return { kind: once!.kind, landed: once!.landed };
    }
    const { rate429, rate5xx, rateRequestLimit, rateReset, landedShare } = this.faults;
    const landed = () => this.random() < landedShare;
    if (rateReset && this.random() < rateReset) return { kind: 'reset', landed: landed() };
    if (rate5xx && this.random() < rate5xx) {
      const kinds = ['500', '502', '503', '504'] as const;
      return { kind: kinds[Math.floor(this.random() * kinds.length)]!, landed: landed() };
    }
    if (rate429 && this.random() < rate429) return { kind: '429', landed: false };
    if (rateRequestLimit && this.random() < rateRequestLimit)
      return { kind: 'request_limit', landed: false };
    return null;
  }

  private answer(kind: Exclude<FaultKind, 'reset'>): Response {
    switch (kind) {
      case '429':
        return json(
          429,
          'REQUEST_LIMIT_EXCEEDED',
          'Too many requests (injected fault)',
          this.faults.retryAfterSeconds === undefined
            ? {}
            : { 'retry-after': String(this.faults.retryAfterSeconds) },
        );
      case 'request_limit':
        return json(
          403,
          'REQUEST_LIMIT_EXCEEDED',
          'ConcurrentPerOrgLongTxn Limit exceeded. (injected fault)',
        );
      case '500':
        return json(500, 'UNKNOWN_EXCEPTION', 'An unexpected error occurred (injected fault)');
      case '503':
        return json(503, 'SERVER_UNAVAILABLE', 'Server temporarily unavailable (injected fault)');
      default:
        return gateway(kind === '502' ? 502 : 504);
    }
  }

  /** Hono middleware for the REST routes. */
  readonly middleware = async (c: Context, next: Next): Promise<Response | void> => {
    const fault = this.draw(c.req.method, c.req.path);
    if (fault === null) return next();
    this.injected[fault.kind]++;
    const landed = fault.landed && fault.kind !== '429' && fault.kind !== 'request_limit';
    this.history.push({ method: c.req.method, path: c.req.path, kind: fault.kind, landed });
    if (landed) {
      this.injected.landed++;
      await next();
    }
    if (fault.kind === 'reset') {
      // RST, not FIN: the client sees ECONNRESET, as when a proxy or the network drops it.
      const socket = (c.env as { incoming?: { socket?: Socket } } | undefined)?.incoming?.socket;
      socket?.resetAndDestroy();
      return new Response(null, { status: 500 });
    }
    c.res = this.answer(fault.kind);
    return c.res;
  };
}
