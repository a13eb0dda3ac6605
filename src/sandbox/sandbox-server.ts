// The sandbox CRM: a HubSpot-compatible HTTP server the real `@hubspot/api-client` talks to.
//
//   const sandbox = createSandbox();
//   const { url, close } = await sandbox.listen(0);
//   const client = new Client({ accessToken: SANDBOX_TOKEN, basePath: url });
//
// In memory by default; with `dataDir` the portal is loaded from and saved to
// `<dataDir>/sandbox.json` (a saved portal wins over the seed and its own portal id).
// With `webhooks` (or `POST /__sandbox/webhooks`) record changes reach a backend as HubSpot's
// signed webhook batches.
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { type AppDeps, buildApp } from './app';
import { type Clock, systemClock } from './clock';
import { FaultInjector, type Faults } from './faults';
import { SandboxOAuth, type SandboxOAuthOptions } from './oauth/sandbox-oauth';
import { PRIVATE_APP_LIMITS, type RateLimitConfig, RateLimiter } from './rate-limit';
import type { SandboxApp } from './routes/route-kit';
import { DEFAULT_PORTAL_ID, emptyPortalState, seededPortalState, startOfDay } from './seed/seed';
import { RequestStats } from './stats';
import { type StateWriter, createStateWriter, loadState } from './store/persistence';
import { SandboxStore } from './store/sandbox-store';
import type { SandboxState } from './store/state.schema';
import { type SandboxWebhooks, WebhookDispatcher } from './webhooks/webhook-dispatcher';
import type { WebhookSettingsInput } from './webhooks/webhook-settings';

export const SANDBOX_TOKEN = 'sandbox-token';
export const DEFAULT_SANDBOX_PORT = 3001;

export interface SandboxOptions {
  /** The bearer token every API request must carry. */
  token?: string;
  /** Folder for `sandbox.json`; in memory when absent. */
  dataDir?: string;
  /** Start from the demo portal (true) or an empty one. */
  seed?: boolean;
  portalId?: number;
  clock?: Clock;
  /** Draws for injected faults; `Math.random` by default. */
  random?: () => number;
  /** The rate limit when no fault overrides it (HubSpot's private-app limits by default). */
  rateLimit?: Partial<RateLimitConfig>;
  logError?: (error: unknown) => void;
  /** Send HubSpot-style webhooks for record changes to this target from the start. */
  webhooks?: WebhookSettingsInput;
  /** What the sandbox had to give up (webhook events dropped or never delivered). */
  logWarn?: (message: string) => void;
  /** The marketplace app its OAuth endpoints know (`sandbox-client-id` / `sandbox-secret`). */
  oauth?: SandboxOAuthOptions;
}

export interface RunningSandbox {
  url: string;
  port: number;
  webhooks: SandboxWebhooks;
  /** Stops webhook deliveries (pending ones are dropped), then the server. */
  close(): Promise<void>;
}

export interface Sandbox {
  app: SandboxApp;
  store: SandboxStore;
  token: string;
  portalId: number;
  stats: RequestStats;
  faults: FaultInjector;
  limiter: RateLimiter;
  webhooks: SandboxWebhooks;
  oauth: SandboxOAuth;
  /** Back to the seed (or the empty portal), with counters and rate windows zeroed. */
  reset(): void;
  /** Writes pending changes to `dataDir` now. */
  flush(): Promise<void>;
  listen(port?: number, hostname?: string): Promise<RunningSandbox>;
}

export function createSandbox(options: SandboxOptions = {}): Sandbox {
  const clock = options.clock ?? systemClock;
  const token = options.token ?? SANDBOX_TOKEN;
  const seeded = options.seed ?? true;
  const fresh = (): SandboxState => {
    const portal = {
      portalId: options.portalId ?? DEFAULT_PORTAL_ID,
      now: startOfDay(clock.now()),
    };
    return seeded ? seededPortalState(portal) : emptyPortalState(portal);
  };
  const saved = options.dataDir ? loadState(options.dataDir) : undefined;
  const store = new SandboxStore(saved ?? fresh(), clock);
  let writer: StateWriter | undefined;
  if (options.dataDir) {
    writer = createStateWriter(options.dataDir, () => store.snapshot());
    store.onChange(() => writer?.schedule());
    if (!saved) writer.schedule();
  }

  const baseLimits = { ...PRIVATE_APP_LIMITS, ...options.rateLimit };
  const limiter = new RateLimiter(baseLimits, clock);
  const faults = new FaultInjector(limiter, baseLimits, options.random ?? Math.random);
  const stats = new RequestStats(clock);
  const webhooks = new WebhookDispatcher({
    portalId: store.portalId,
    clock,
    warn: options.logWarn ?? ((message) => console.warn(`sandbox: ${message}`)),
  });
  if (options.webhooks) webhooks.configure(options.webhooks);
  store.onRecordChange((change) => webhooks.accept(change));
  const oauth = new SandboxOAuth(options.oauth ?? {}, { clock, portalId: store.portalId });

  const reset = () => {
    store.replace(fresh());
    stats.reset();
    limiter.reset();
    webhooks.reset();
  };

  const deps: AppDeps = {
    store,
    clock,
    token,
    portalId: store.portalId,
    limiter,
    faults,
    stats,
    webhooks,
    oauth,
    logError: options.logError ?? ((error) => console.error('sandbox: unexpected error', error)),
    control: {
      stats: () => stats.snapshot(),
      reset: () => {
        reset();
        return {
          records: Object.fromEntries(
            store.types().map((t) => [t.name, store.records.list(t).length]),
          ),
        };
      },
      faults: () => faults.current,
      setFaults: (next: Faults) => faults.set(next),
      clearFaults: () => faults.clear(),
      rateLimit: () => limiter.limits,
    },
  };
  const app = buildApp(deps);

  const listen = (port = 0, hostname = '127.0.0.1') =>
    new Promise<RunningSandbox>((resolve, reject) => {
      const server = serve(
        { fetch: app.fetch, port, hostname, overrideGlobalObjects: false },
        (info: AddressInfo) => {
          const close = async () => {
            await webhooks.stop();
            await new Promise<void>((done) => {
              server.close(() => done());
              if ('closeAllConnections' in server) server.closeAllConnections();
            });
            await writer?.flush();
          };
          resolve({ url: `http://${hostname}:${info.port}`, port: info.port, webhooks, close });
        },
      );
      server.once('error', reject);
    });

  return {
    app,
    store,
    token,
    portalId: store.portalId,
    stats,
    faults,
    limiter,
    webhooks,
    oauth,
    reset,
    flush: async () => writer?.flush(),
    listen,
  };
}
