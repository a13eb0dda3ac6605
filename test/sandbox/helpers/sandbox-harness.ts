// Starts a sandbox on an ephemeral port for a test file and hands out the real api-client
// (retries off, as by default) and a raw `fetch` for what the client hides (status codes,
// headers, exact bodies).
import { Client } from '@hubspot/api-client';
import {
  type Sandbox,
  type SandboxOptions,
  SANDBOX_TOKEN,
  createSandbox,
} from '../../../src/sandbox';

/** The day the tests' portal is seeded for: the seed, and so the data, is the same every run. */
export const TEST_EPOCH = Date.parse('2026-03-02T09:00:00.000Z');

/** Dates pinned to TEST_EPOCH, time still passing (the rate limiter's windows need it). */
export function testClock(start = TEST_EPOCH) {
  const began = Date.now();
  return { now: () => start + (Date.now() - began) };
}

export interface ApiResponse {
  status: number;
  headers: Headers;
  body: unknown;
}

export interface Harness {
  sandbox: Sandbox;
  url: string;
  client: Client;
  clientWith(token: string): Client;
  /** A raw request with the sandbox token (or `token: null` for none). */
  api(method: string, path: string, body?: unknown, token?: string | null): Promise<ApiResponse>;
  close(): Promise<void>;
}

export async function startSandbox(options: SandboxOptions = {}): Promise<Harness> {
  const sandbox = createSandbox({ clock: testClock(), logError: () => undefined, ...options });
  const running = await sandbox.listen(0);
  const clientWith = (token: string) => new Client({ accessToken: token, basePath: running.url });
  return {
    sandbox,
    url: running.url,
    client: clientWith(sandbox.token),
    clientWith,
    async api(method, path, body, token = SANDBOX_TOKEN) {
      const headers: Record<string, string> = {};
      if (token !== null) headers['Authorization'] = `Bearer ${token}`;
      if (body !== undefined) headers['Content-Type'] = 'application/json';
      const response = await fetch(`${running.url}${path}`, {
        method,
        headers,
        ...(body !== undefined
          ? { body: typeof body === 'string' ? body : JSON.stringify(body) }
          : {}),
      });
      const text = await response.text();
      return {
        status: response.status,
        headers: response.headers,
        body: text === '' ? undefined : (JSON.parse(text) as unknown),
      };
    },
    close: () => running.close(),
  };
}

export interface ApiFailure {
  code: number;
  body: Record<string, unknown>;
  headers: Record<string, string>;
}

/** The api-client's `ApiException` from a call that must fail. */
export async function failure(call: Promise<unknown>): Promise<ApiFailure> {
  try {
    await call;
  } catch (error) {
    const e = error as { code?: unknown; body?: unknown; headers?: unknown };
    if (typeof e.code !== 'number') throw error;
    return {
      code: e.code,
      body: (e.body ?? {}) as Record<string, unknown>,
      headers: (e.headers ?? {}) as Record<string, string>,
    };
  }
  throw new Error('expected the call to fail, but it succeeded');
}

/** A HubSpot error body: status, message, a uuid correlation id and the category. */
export function expectErrorBody(body: unknown, category: string): void {
  expect(body).toMatchObject({ status: 'error', category, message: expect.any(String) });
  expect((body as { correlationId: string }).correlationId).toMatch(
    /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
  );
}
