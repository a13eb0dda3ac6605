// What the backend runs on: the CRM of each installed portal, the default policy and team, the
// database (events, the job outbox, the audit log, SLA alerts, the handoff index), the worker
// that runs queued jobs, and the per-deal locks every copy on the database shares.
import type { ActorRole, LifecycleState, Policy } from '../core';
import type { CrmAdapter } from '../crm/crm-adapter';
import type { KeyedLocks } from '../functions/keyed-locks';
import type { TeamDirectory } from '../functions/team-directory';
import type { BackendStorage } from './jobs/backend-jobs';
import type { Logger } from './logger';

export type JsonValue =
  string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** One line of the audit log (the input of `db/audit-log.repository.ts`'s `append`). */
export interface AuditEntry {
  portalId: string;
  handoffKey: string;
  /** A person, or Baton itself (`system`) for the closed-won automation. */
  actor: { id: string; role: ActorRole | 'system' };
  action: string;
  /** Null when the handoff came into being with this entry. */
  fromState: LifecycleState | null;
  toState: LifecycleState;
  at: Date;
  details: { [key: string]: JsonValue };
}

/** The CRM of a portal that installed Baton; null when it has not (or has uninstalled). */
export type CrmForPortal = (portalId: string) => Promise<CrmAdapter | null>;

/** The part of the job worker the routes use: wake it after queueing work. */
export interface WorkSignal {
  nudge(): void;
}

export interface BackendDeps {
  crmFor: CrmForPortal;
  /**
   * The defaults: what a portal runs on until CS ops save its own settings. Read a portal's
   * policy and team with `settingsFor` (portal-settings.ts), never from here directly.
   */
  policy: Policy;
  directory: TeamDirectory;
  /** One writer per deal across every copy on the database (`deal:<portal>:<id>`). */
  locks: KeyedLocks;
  /** The business clock: SLA clocks, stamps, the audit log. Tests pin it. */
  now: () => number;
  /** The queue's clock (job due times and leases): real time even when `now` is pinned. */
  queueClock: () => number;
  storage: BackendStorage;
  worker: WorkSignal;
  log: Logger;
  /** BATON_PUBLIC_URL: the base HubSpot calls and signs against. */
  publicUrl: string;
  /** HUBSPOT_CLIENT_SECRET: the key of the v3 signatures. */
  clientSecret: string;
}

export const LOCAL_CLIENT_SECRET = 'sandbox-secret';
export const DEFAULT_PORT = 3000;

export function defaultPublicUrl(port: number): string {
  return `http://localhost:${port}`;
}

/** Locks keyed per portal: deal ids are unique only within one CRM account. */
export function dealLocks(locks: KeyedLocks, portalId: string): KeyedLocks {
  return { run: (key, fn) => locks.run(`${portalId}:${key}`, fn) };
}
