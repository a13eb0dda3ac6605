// What the OAuth suites share: the sandbox CRM as HubSpot (its OAuth endpoints and its API) on
// an ephemeral port, an installs repository on an in-memory PGlite, one clock both sides read,
// and a log that keeps its lines so tests can look for secrets in them.
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { serve } from '@hono/node-server';
import type { Hono } from 'hono';
import {
  type Database,
  type InstallsRepository,
  createInstallsRepository,
  createTokenCipher,
  migrate,
  openPglite,
} from '../../../../src/server/db';
import { createLogger, type Logger } from '../../../../src/server/logger';
import { type HubSpotOAuthConfig, exchangeCode } from '../../../../src/server/oauth';
import { SANDBOX_CLIENT_ID, type Sandbox, createSandbox } from '../../../../src/sandbox';

export const NOW = Date.parse('2026-11-23T12:00:00Z');
export const CLIENT_SECRET = 'oauth-test-client-secret';
export const SCOPES = ['oauth', 'crm.objects.deals.read', 'crm.schemas.custom.write'];
export const MINUTE = 60_000;
/** Opening PGlite runs initdb: seconds, not milliseconds. */
export const OPEN_TIMEOUT_MS = 60_000;

/** A clock that moves only when told: the sandbox and the backend both read it. */
export function pinnedClock(start = NOW) {
  let now = start;
  return {
    now: () => now,
    advance(ms: number) {
      now += ms;
    },
    set(ms: number) {
      now = ms;
    },
  };
}
export type PinnedClock = ReturnType<typeof pinnedClock>;

export interface OAuthSandbox {
  sandbox: Sandbox;
  url: string;
  /** Requests the sandbox answered on a route, e.g. `POST /oauth/2026-03/token`. */
  count(route: string): number;
  close(): Promise<void>;
}

export async function startOAuthSandbox(clock: PinnedClock): Promise<OAuthSandbox> {
  const sandbox = createSandbox({
    clock,
    logError: () => undefined,
    // A frozen clock never empties a rate window; these suites are not about the limit.
    rateLimit: { max: 1_000_000 },
    oauth: { clientSecret: CLIENT_SECRET },
  });
  const running = await sandbox.listen(0);
  return {
    sandbox,
    url: running.url,
    count: (route) => sandbox.stats.snapshot().byRoute[route] ?? 0,
    close: () => running.close(),
  };
}

export function oauthConfig(sandboxUrl: string, redirectUri: string): HubSpotOAuthConfig {
  return {
    clientId: SANDBOX_CLIENT_ID,
    clientSecret: CLIENT_SECRET,
    redirectUri,
    scopes: SCOPES,
    authorizeUrl: `${sandboxUrl}/oauth/authorize`,
    apiBaseUrl: sandboxUrl,
  };
}

export interface TestInstalls {
  db: Database;
  installs: InstallsRepository;
  close(): Promise<void>;
}

export async function openInstalls(): Promise<TestInstalls> {
  const db = await openPglite();
  await migrate(db);
  return {
    db,
    installs: createInstallsRepository(db, createTokenCipher(Buffer.alloc(32, 7))),
    close: () => db.close(),
  };
}

/** Installs the sandbox portal without the browser part: a code straight from its server. */
export async function installSandboxPortal(
  h: OAuthSandbox,
  config: HubSpotOAuthConfig,
  installs: InstallsRepository,
  clock: PinnedClock,
): Promise<{ portalId: string; accessToken: string; refreshToken: string }> {
  const code = h.sandbox.oauth.authorize(config.clientId, config.redirectUri, config.scopes);
  const tokens = await exchangeCode(config, code, { now: clock.now });
  const portalId = String(h.sandbox.portalId);
  await installs.save({
    portalId,
    hubDomain: h.sandbox.oauth.hubDomain,
    scopes: config.scopes,
    tokens,
    at: new Date(clock.now()),
  });
  return { portalId, accessToken: tokens.accessToken, refreshToken: tokens.refreshToken };
}

export interface CapturedLog {
  log: Logger;
  lines: Array<{ level: number; msg: string; [field: string]: unknown }>;
  /** Everything logged, as one string, to search for what must never be there. */
  text(): string;
}

export function captureLog(): CapturedLog {
  const lines: CapturedLog['lines'] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n'))
        if (line.trim()) lines.push(JSON.parse(line) as CapturedLog['lines'][number]);
      done();
    },
  });
  return {
    log: createLogger({ level: 'debug', destination: sink }),
    lines,
    text: () => lines.map((line) => JSON.stringify(line)).join('\n'),
  };
}

export async function serveApp(app: Hono): Promise<{ url: string; close(): Promise<void> }> {
  return new Promise((resolve, reject) => {
    const server = serve(
      { fetch: app.fetch, port: 0, hostname: '127.0.0.1', overrideGlobalObjects: false },
      (info: AddressInfo) => {
        resolve({
          url: `http://127.0.0.1:${info.port}`,
          close: () =>
            new Promise<void>((done) => {
              server.close(() => done());
              if ('closeAllConnections' in server) server.closeAllConnections();
            }),
        });
      },
    );
    server.once('error', reject);
  });
}

/** A fetch that answers HubSpot's token endpoint itself, and passes everything else on. */
export function failingTokenEndpoint(status: number, body = ''): typeof fetch {
  return async (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (new URL(url).pathname === '/oauth/2026-03/token') return new Response(body, { status });
    return fetch(input, init);
  };
}
