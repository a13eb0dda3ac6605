// The backend on an ephemeral port with the sandbox CRM behind it, and a client that signs its
// requests the way HubSpot does. The backend's public URL is not the address it listens on, as
// behind a real load balancer: a signature over the local address would not verify.
import { Writable } from 'node:stream';
import type { TeamDirectory } from '../../../src/functions/team-directory';
import { SANDBOX_TOKEN, SEED_OWNERS, type SeedOwner } from '../../../src/sandbox';
import type { AuditEntry } from '../../../src/server/db';
import {
  BACKEND_JOBS,
  type BackendDeps,
  type BackendRuntime,
  type BackendStorage,
  type RetryPolicy,
  type RunningBackend,
  createBackendRuntime,
  createLogger,
  listenBackend,
  signRequest,
  singlePortal,
} from '../../../src/server';
import { type Database, storageOn } from '../../../src/server/db';
import {
  type HubSpotAdapter,
  createHubSpotAdapter,
} from '../../../src/crm/hubspot/hubspot-adapter';
import { createHubSpotClient } from '../../../src/crm/hubspot/hubspot-client';
import { type TestBackend, BACKENDS, testCipher } from '../db/test-databases';
import { type ContractTarget, sandboxTarget } from '../../contract/contract-targets';
import { NOW } from '../../contract/handoff-writes';
import { addClosedWonDeals } from '../../contract/sandbox-deals';

export { NOW };

// A suite on this harness opens a database and a sandbox and waits on real HTTP and background
// jobs: on a loaded 2-core machine that outlasts jest's 5-second default without anything wrong.
jest.setTimeout(60_000);
export const PUBLIC_URL = 'https://baton.example.test';
export const SECRET = 'test-client-secret';

export const directory: TeamDirectory = {
  csManagers: SEED_OWNERS.filter((o) => o.role === 'cs_manager').map((o) => o.id),
  csms: SEED_OWNERS.filter((o) => o.role === 'csm').map((o) => o.id),
  csOps: SEED_OWNERS.filter((o) => o.role === 'cs_ops').map((o) => o.id),
  salesManagers: [],
};

export interface LogLine {
  level: number;
  msg: string;
  [field: string]: unknown;
}

export interface SignOptions {
  /** Sent as JSON. */
  body?: unknown;
  /** Sent (and signed) as it is. */
  raw?: string;
  secret?: string;
  timestamp?: number;
  /** Sent instead of the signed body: a tampered request. */
  sentBody?: string;
  headers?: Record<string, string>;
}

export interface HarnessOptions {
  retry?: RetryPolicy;
  /** The database (PGlite by default; the PostgreSQL of DATABASE_URL when asked). */
  database?: TestBackend;
  /** The business clock; pinned to NOW by default. */
  now?: () => number;
}

export interface BackendCopy {
  storage: BackendStorage;
  runtime: BackendRuntime;
  backend: RunningBackend;
  request(method: string, path: string, options?: SignOptions): Promise<Response>;
  close(): Promise<void>;
}

export interface Harness {
  target: ContractTarget;
  runtime: BackendRuntime;
  deps: BackendDeps;
  storage: BackendStorage;
  backend: RunningBackend;
  portalId: string;
  logs: LogLine[];
  /** Closed-won deals without a handoff, made for this suite. */
  closedWonDeals(count: number): Promise<string[]>;
  /** Waits until no job is pending or running. */
  drain(): Promise<void>;
  /** Another backend copy on the same database (PostgreSQL: its own connections). */
  copy(): Promise<BackendCopy>;
  /** The audit log of the deal's handoffs, in order. */
  auditOf(dealId: string): Promise<AuditEntry[]>;
  request(method: string, path: string, options?: SignOptions): Promise<Response>;
  close(): Promise<void>;
}

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const target = await sandboxTarget();
  await target.adapter.provision();
  const sandbox = target.sandbox!.instance;
  const logs: LogLine[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n'))
        if (line.trim()) logs.push(JSON.parse(line) as LogLine);
      done();
    },
  });
  const database = await (options.database ?? BACKENDS[0]!).open({ migrated: false });
  const now = options.now ?? (() => NOW);
  const log = createLogger({ level: 'debug', destination: sink });

  /** A backend copy on a database: its own storage, worker, HTTP listener and CRM client. */
  const startCopy = async (db: Database, crm: HubSpotAdapter): Promise<BackendCopy> => {
    const storage = await storageOn(db, testCipher(), BACKEND_JOBS);
    const runtime = createBackendRuntime({
      storage,
      crmFor: singlePortal(crm, String(sandbox.portalId)),
      directory,
      publicUrl: PUBLIC_URL,
      clientSecret: SECRET,
      now,
      log,
      worker: { retry: options.retry ?? { baseDelayMs: 1, maxDelayMs: 5 }, pollMs: 50 },
      slaSweepIntervalMs: null,
    });
    runtime.start();
    const backend = await listenBackend(runtime.app);
    const request = (method: string, path: string, options: SignOptions = {}) => {
      const body = options.raw ?? (options.body === undefined ? '' : JSON.stringify(options.body));
      const timestamp = options.timestamp ?? NOW;
      const signature = signRequest({
        clientSecret: options.secret ?? SECRET,
        method,
        url: PUBLIC_URL + path,
        body,
        timestamp,
      });
      const sent = options.sentBody ?? body;
      return fetch(backend.url + path, {
        method,
        headers: {
          ...signature,
          ...(sent === '' ? {} : { 'Content-Type': 'application/json' }),
          ...options.headers,
        },
        ...(sent === '' ? {} : { body: sent }),
      });
    };
    return {
      storage,
      runtime,
      backend,
      request,
      close: async () => {
        await backend.close();
        await runtime.stop();
      },
    };
  };
  const main = await startCopy(database.db, target.adapter);
  const { storage, runtime, backend, request } = main;
  const copies: BackendCopy[] = [];

  return {
    target,
    runtime,
    deps: runtime.deps,
    storage,
    backend,
    portalId: String(sandbox.portalId),
    logs,
    closedWonDeals: async (count) => {
      const stages = await target.adapter.closedWonStages();
      return addClosedWonDeals(sandbox, count, new Set(Object.values(stages.byPipeline).flat()));
    },
    drain: () => runtime.worker.drain(),
    copy: async () => {
      const client = createHubSpotClient({
        accessToken: SANDBOX_TOKEN,
        baseUrl: target.sandbox!.url,
        requestsPerTenSeconds: 10_000,
      });
      const copy = await startCopy(
        await database.openCopy(),
        createHubSpotAdapter({ client, log: { warn: () => undefined } }),
      );
      copies.push(copy);
      return copy;
    },
    auditOf: async (dealId) => {
      const rows = await storage.db.query<{ handoff_key: string }>(
        'SELECT DISTINCT handoff_key FROM audit_log WHERE handoff_key LIKE $1',
        [`${dealId}:%`],
      );
      const entries = await Promise.all(
        rows.map((row) =>
          storage.auditLog.listFor({
            portalId: String(sandbox.portalId),
            handoffKey: row.handoff_key,
          }),
        ),
      );
      return entries.flat().sort((a, b) => a.at.getTime() - b.at.getTime() || a.id - b.id);
    },
    request,
    close: async () => {
      for (const copy of copies) await copy.close();
      await main.close();
      await database.dispose();
      await target.close();
    },
  };
}

/** The seed owner who owns a deal in the sandbox. */
export function ownerOf(harness: Harness, dealId: string): SeedOwner {
  const { store } = harness.target.sandbox!.instance;
  const ownerId = store.records.get(store.type('0-3'), dealId)?.properties.hubspot_owner_id;
  const owner = SEED_OWNERS.find((o) => o.id === ownerId);
  if (!owner) throw new Error(`deal ${dealId} has no seed owner`);
  return owner;
}

/** The signed query HubSpot adds to a card's `hubspot.fetch`. */
export function asUser(harness: Harness, person: SeedOwner): string {
  const query = new URLSearchParams({
    userId: String(person.userId),
    userEmail: person.email,
    appId: '4242',
    portalId: harness.portalId,
  });
  return `?${query.toString()}`;
}

/** The number of handoff records and of tasks a deal has in the sandbox. */
export async function recordsOf(
  harness: Pick<Harness, 'target'>,
  dealId: string,
): Promise<{ handoffs: number; tasks: number }> {
  const { store } = harness.target.sandbox!.instance;
  const types = await harness.target.adapter.metadata.objectTypeIds();
  const handoffs = store.records
    .list(store.type(types.handoff))
    .filter((record) => record.properties.deal_id === dealId).length;
  const tasks = store.associations.targets(
    { objectTypeId: store.type('0-3').objectTypeId, id: dealId },
    store.type('0-27').objectTypeId,
  ).length;
  return { handoffs, tasks };
}

export function stageChangeEvent(
  harness: Harness,
  dealId: string,
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  const { store } = harness.target.sandbox!.instance;
  const stage = store.records.get(store.type('0-3'), dealId)?.properties.dealstage;
  return {
    eventId: Number(dealId) * 10 + 1,
    subscriptionId: 77,
    portalId: Number(harness.portalId),
    appId: 4242,
    occurredAt: NOW - 1_000,
    subscriptionType: 'object.propertyChange',
    objectTypeId: '0-3',
    attemptNumber: 0,
    objectId: Number(dealId),
    propertyName: 'dealstage',
    propertyValue: stage,
    changeSource: 'CRM_UI',
    ...overrides,
  };
}
