// The backend as the benchmarks run it: embedded PGlite in memory, the job worker, the signed
// HTTP app on an ephemeral port and the sandbox CRM behind it, all in this one process. The
// CRM's rate limit is lifted (sandbox and client alike) so the figures are the backend's, not a
// quota's. Test helpers are not reused: the backend harness in test/ needs jest's globals.
import { performance } from 'node:perf_hooks';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { serve } from '@hono/node-server';
import { seedTeamDirectory } from '../../src/cli/commands/start.command';
import { type HubSpotAdapter, createHubSpotAdapter } from '../../src/crm/hubspot/hubspot-adapter';
import { createHubSpotClient } from '../../src/crm/hubspot/hubspot-client';
import { SANDBOX_TOKEN, SEED_OWNERS, type Sandbox, createSandbox } from '../../src/sandbox';
import type { StatsSnapshot } from '../../src/sandbox';
import {
  BACKEND_JOBS,
  type BackendRuntime,
  createBackendRuntime,
  createLogger,
  signRequest,
  singlePortal,
} from '../../src/server';
import { createTokenCipher, openPglite, storageOn } from '../../src/server/db';
import { addClosedWonDeals } from '../../test/contract/sandbox-deals';

const PUBLIC_URL = 'https://baton.bench.test';
const SECRET = 'bench-client-secret';
const UNLIMITED = 1_000_000;
/** The worker's default: jobs running at once in one backend copy. */
export const WORKER_CONCURRENCY = 4;

export interface BenchBackend {
  sandbox: Sandbox;
  crmUrl: string;
  adapter: HubSpotAdapter;
  runtime: BackendRuntime;
  portalId: string;
  /** Time inside the backend's app (middleware, signature check, route), per request, in ms. */
  serverMs: number[];
  closedWonDeals(count: number): Promise<string[]>;
  /** A signed request, as HubSpot sends it (webhooks) or as `hubspot.fetch` does (the card). */
  request(method: string, path: string, body?: unknown): Promise<Response>;
  /** The query HubSpot adds to a card's `hubspot.fetch`: the deal owner looking at the card. */
  cardQuery(dealId: string): string;
  close(): Promise<void>;
}

/** Log lines are formatted at info level, as in production, then dropped. */
const discard = new Writable({ write: (_chunk, _encoding, done) => done() });

export async function startBenchBackend(): Promise<BenchBackend> {
  const sandbox = createSandbox({ rateLimit: { max: UNLIMITED } });
  const crm = await sandbox.listen(0, '127.0.0.1');
  const adapter = createHubSpotAdapter({
    client: createHubSpotClient({
      accessToken: SANDBOX_TOKEN,
      baseUrl: crm.url,
      requestsPerTenSeconds: UNLIMITED,
    }),
    log: { warn: () => undefined },
  });
  await adapter.provision();
  const portalId = String(sandbox.portalId);
  const storage = await storageOn(
    await openPglite(),
    createTokenCipher(Buffer.alloc(32, 1)),
    BACKEND_JOBS,
  );
  const runtime = createBackendRuntime({
    storage,
    crmFor: singlePortal(adapter, portalId),
    directory: seedTeamDirectory(),
    publicUrl: PUBLIC_URL,
    clientSecret: SECRET,
    log: createLogger({ level: 'info', destination: discard }),
    worker: { concurrency: WORKER_CONCURRENCY },
    slaSweepIntervalMs: null,
  });

  const serverMs: number[] = [];
  const server = await new Promise<{ url: string; close(): Promise<void> }>((resolve) => {
    const http = serve(
      {
        // Around the app rather than from its log line: the log rounds to whole milliseconds.
        fetch: async (request, env) => {
          const started = performance.now();
          const response = await runtime.app.fetch(request, env);
          serverMs.push(performance.now() - started);
          return response;
        },
        port: 0,
        hostname: '127.0.0.1',
        overrideGlobalObjects: false,
      },
      (info: AddressInfo) =>
        resolve({
          url: `http://127.0.0.1:${info.port}`,
          close: () =>
            new Promise<void>((done) => {
              http.close(() => done());
              if ('closeAllConnections' in http) http.closeAllConnections();
            }),
        }),
    );
  });

  const request = (method: string, path: string, body?: unknown) => {
    const raw = body === undefined ? '' : JSON.stringify(body);
    const headers = signRequest({
      clientSecret: SECRET,
      method,
      url: PUBLIC_URL + path,
      body: raw,
      timestamp: Date.now(),
    });
    return fetch(server.url + path, {
      method,
      headers: raw === '' ? headers : { ...headers, 'Content-Type': 'application/json' },
      ...(raw === '' ? {} : { body: raw }),
    });
  };

  return {
    sandbox,
    crmUrl: crm.url,
    adapter,
    runtime,
    portalId,
    serverMs,
    closedWonDeals: async (count) => {
      const stages = await adapter.closedWonStages();
      return addClosedWonDeals(sandbox, count, new Set(Object.values(stages.byPipeline).flat()));
    },
    request,
    cardQuery: (dealId) => {
      const { store } = sandbox;
      const ownerId = store.records.get(store.type('0-3'), dealId)?.properties.hubspot_owner_id;
      const owner = SEED_OWNERS.find((o) => o.id === ownerId) ?? SEED_OWNERS[0]!;
      const query = new URLSearchParams({
        userId: String(owner.userId),
        userEmail: owner.email,
        appId: '4242',
        portalId,
      });
      return `?${query.toString()}`;
    },
    close: async () => {
      await server.close();
      await runtime.stop();
      await storage.close();
      await crm.close();
    },
  };
}

/** A deal's move into its current (closed-won) stage, as HubSpot's webhook reports it. */
export function stageChangeEvent(bench: BenchBackend, dealId: string): Record<string, unknown> {
  const { store } = bench.sandbox;
  return {
    eventId: Number(dealId) * 10 + 1,
    subscriptionId: 77,
    portalId: Number(bench.portalId),
    appId: 4242,
    occurredAt: Date.now() - 1_000,
    subscriptionType: 'object.propertyChange',
    objectTypeId: '0-3',
    attemptNumber: 0,
    objectId: Number(dealId),
    propertyName: 'dealstage',
    propertyValue: store.records.get(store.type('0-3'), dealId)?.properties.dealstage,
    changeSource: 'CRM_UI',
  };
}

export interface CrmCalls {
  reads: number;
  writes: number;
}

/** HTTP requests the sandbox answered, reads (GET, batch/read, search) apart from writes. */
export function crmCallsOf(stats: StatsSnapshot): CrmCalls {
  let reads = 0;
  let writes = 0;
  for (const [route, count] of Object.entries(stats.byRoute)) {
    if (route.startsWith('GET ') || /\/(batch\/read|search)$/.test(route)) reads += count;
    else writes += count;
  }
  return { reads, writes };
}
