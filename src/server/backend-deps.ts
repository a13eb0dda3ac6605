// What the backend runs on, as small interfaces: today in-memory implementations (tests,
// `npm start`, `baton serve`), later the PostgreSQL repositories of `./db` plug in unchanged.
import type { ActorRole, LifecycleState, Policy } from '../core';
import type { CrmAdapter } from '../crm/crm-adapter';
import type { KeyedLocks } from '../functions/keyed-locks';
import type { TeamDirectory } from '../functions/team-directory';
import type { Logger } from './logger';
import type { WorkQueue } from './work-queue';

/** Idempotency of incoming events (the shape of `db/processed-events.repository.ts`). */
export interface ProcessedEvents {
  /** True only for the first call with this source and id, however many race. */
  recordOnce(source: string, eventId: string): Promise<boolean>;
}

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

export type AuditSink = (entry: AuditEntry) => Promise<unknown>;

/** The CRM of a portal that installed Baton; null when it has not (or has uninstalled). */
export type CrmForPortal = (portalId: string) => Promise<CrmAdapter | null>;

export interface BackendDeps {
  crmFor: CrmForPortal;
  policy: Policy;
  directory: TeamDirectory;
  locks: KeyedLocks;
  now: () => number;
  processedEvents: ProcessedEvents;
  audit: AuditSink;
  queue: WorkQueue;
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
