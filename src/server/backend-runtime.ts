// The backend with everything it runs on, for `npm start`, `baton serve` and the tests: the
// storage (PostgreSQL or PGlite), the job worker with its handlers, the SLA schedule, and the
// HTTP app. `start` begins the background work; `stop` ends it gracefully.
//
//   const storage = await openBackendStorage({ env: process.env });
//   const runtime = createBackendRuntime({ storage, crmFor, directory, publicUrl, ... });
//   runtime.start();
//   const server = await listenBackend(runtime.app, { port });
import { DEFAULT_POLICY, type Policy } from '../core';
import type { CrmAdapter } from '../crm/crm-adapter';
import type { TeamDirectory } from '../functions/team-directory';
import { type RouteRegistrar, createBackend } from './backend';
import { type BackendDeps, type CrmForPortal, LOCAL_CLIENT_SECRET } from './backend-deps';
import { type StorageOptions, openStorage } from './db';
import { BACKEND_JOBS, type BackendJobKinds, type BackendStorage } from './jobs/backend-jobs';
import { queueDataModelUpgrades } from './data-model-upgrades';
import { backendJobHandlers } from './jobs/job-handlers';
import { JobWorker, type JobWorkerOptions } from './jobs/job-worker';
import { type SlaSchedule, startSlaSchedule } from './jobs/sla-schedule';
import type { BackendApp } from './http-env';
import { type HubSpotOAuthConfig, registerOAuthRoutes } from './oauth';
import { type Logger, createLogger } from './logger';

export interface BackendRuntimeOptions {
  storage: BackendStorage;
  crmFor: CrmForPortal;
  directory: TeamDirectory;
  publicUrl: string;
  clientSecret?: string;
  policy?: Policy;
  log?: Logger;
  now?: () => number;
  queueClock?: () => number;
  worker?: Pick<
    JobWorkerOptions<BackendJobKinds>,
    'workerId' | 'concurrency' | 'leaseMs' | 'pollMs' | 'retry' | 'random'
  >;
  /** How often the SLA sweep runs; null leaves it to the caller (tests sweep by hand). */
  slaSweepIntervalMs?: number | null;
  /**
   * The marketplace app's install flow: `/oauth/install` and `/oauth/callback` are served, and
   * a new install queues `provision` for its portal.
   */
  oauth?: { config: HubSpotOAuthConfig; fetch?: typeof fetch };
  /** More routes beside the backend's own (`npm start` mounts the local card preview). */
  routes?: RouteRegistrar[];
}

export interface BackendRuntime {
  app: BackendApp;
  deps: BackendDeps;
  worker: JobWorker<BackendJobKinds>;
  start(): void;
  /** Queues a sweep of the SLA clocks due now (what the schedule does every interval). */
  sweepSla(): Promise<void>;
  /** Stops the schedule and the worker (letting jobs in hand finish); false if some did not. */
  stop(graceMs?: number): Promise<boolean>;
}

export function createBackendRuntime(options: BackendRuntimeOptions): BackendRuntime {
  const log = options.log ?? createLogger();
  const now = options.now ?? Date.now;
  const queueClock = options.queueClock ?? Date.now;
  const signal = { nudge: () => worker.nudge() };
  const deps: BackendDeps = {
    crmFor: options.crmFor,
    policy: options.policy ?? DEFAULT_POLICY,
    directory: options.directory,
    locks: { run: (key, fn) => options.storage.db.withLock(key, fn) },
    now,
    queueClock,
    storage: options.storage,
    worker: signal,
    log,
    publicUrl: options.publicUrl,
    clientSecret: options.clientSecret ?? LOCAL_CLIENT_SECRET,
  };
  const worker: JobWorker<BackendJobKinds> = new JobWorker({
    jobs: options.storage.jobs,
    handlers: backendJobHandlers(deps),
    log,
    clock: queueClock,
    ...options.worker,
  });
  let schedule: SlaSchedule | null = null;
  let sweeps = 0;
  const routes = options.oauth
    ? [
        (app: BackendApp) =>
          registerOAuthRoutes(app, {
            config: options.oauth!.config,
            installs: options.storage.installs,
            now: queueClock,
            log,
            ...(options.oauth!.fetch ? { fetch: options.oauth!.fetch } : {}),
            onInstalled: async (portalId) => {
              // Once per install: a reinstall later is a new row time, so a new key.
              const at = new Date(queueClock());
              await options.storage.jobs.enqueue(
                'provision',
                `${portalId}@${at.toISOString()}`,
                { portalId },
                at,
              );
              worker.nudge();
            },
          }),
      ]
    : [];
  return {
    app: createBackend(deps, [...routes, ...(options.routes ?? [])]),
    deps,
    worker,
    start() {
      worker.start();
      // The marketplace app's accounts get what a new Baton added to the data model.
      if (options.oauth) {
        queueDataModelUpgrades({ storage: options.storage, now: queueClock, log })
          .then((queued) => {
            if (queued > 0) worker.nudge();
          })
          .catch((error: unknown) =>
            log.warn(
              { err: (error as Error).message },
              'could not queue provisioning for the new data model',
            ),
          );
      }
      if (options.slaSweepIntervalMs !== null && schedule === null) {
        schedule = startSlaSchedule({
          storage: options.storage,
          log,
          now,
          queueClock,
          onQueued: () => worker.nudge(),
          ...(options.slaSweepIntervalMs === undefined
            ? {}
            : { intervalMs: options.slaSweepIntervalMs }),
        });
      }
    },
    async sweepSla() {
      const slot = `manual:${new Date(now()).toISOString()}:${++sweeps}`;
      await options.storage.jobs.enqueue('sla-sweep', slot, { slot }, new Date(queueClock()));
      worker.nudge();
    },
    async stop(graceMs) {
      schedule?.stop();
      return worker.stop(graceMs);
    },
  };
}

/** The storage with the backend's job kinds: PostgreSQL with DATABASE_URL, PGlite otherwise. */
export function openBackendStorage(
  options: Omit<StorageOptions<BackendJobKinds>, 'jobKinds'>,
): Promise<BackendStorage> {
  return openStorage({ ...options, jobKinds: BACKEND_JOBS });
}

/** A single CRM account (a private app, the sandbox): its adapter for its portal, or any. */
export function singlePortal(crm: CrmAdapter, portalId?: string): CrmForPortal {
  return async (asked) => (portalId === undefined || portalId === asked ? crm : null);
}
