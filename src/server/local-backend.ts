// The backend's dependencies for one CRM account kept in memory: the tests, `npm start` against
// the sandbox, and `baton serve` for a private-app (single-portal) install.
import { DEFAULT_POLICY, type Policy } from '../core';
import type { CrmAdapter } from '../crm/crm-adapter';
import { InProcessLocks } from '../functions/keyed-locks';
import type { TeamDirectory } from '../functions/team-directory';
import { type BackendDeps, LOCAL_CLIENT_SECRET } from './backend-deps';
import { InMemoryAuditLog, InMemoryProcessedEvents } from './in-memory-stores';
import { type Logger, createLogger } from './logger';
import { InMemoryWorkQueue, type RetryPolicy } from './work-queue';

export interface SinglePortalOptions {
  crm: CrmAdapter;
  directory: TeamDirectory;
  /** Serve only this account; any account HubSpot signs for when absent (a private app has one). */
  portalId?: string;
  publicUrl: string;
  clientSecret?: string;
  policy?: Policy;
  log?: Logger;
  now?: () => number;
  retry?: RetryPolicy;
}

export interface InMemoryBackendDeps extends BackendDeps {
  queue: InMemoryWorkQueue;
  processedEvents: InMemoryProcessedEvents;
  auditLog: InMemoryAuditLog;
}

export function singlePortalDeps(options: SinglePortalOptions): InMemoryBackendDeps {
  const log = options.log ?? createLogger();
  const now = options.now ?? Date.now;
  const auditLog = new InMemoryAuditLog();
  return {
    crmFor: async (portalId) =>
      options.portalId === undefined || options.portalId === portalId ? options.crm : null,
    policy: options.policy ?? DEFAULT_POLICY,
    directory: options.directory,
    locks: new InProcessLocks(),
    now,
    processedEvents: new InMemoryProcessedEvents(now),
    audit: auditLog.append,
    auditLog,
    queue: new InMemoryWorkQueue({ log, ...(options.retry ? { retry: options.retry } : {}) }),
    log,
    publicUrl: options.publicUrl,
    clientSecret: options.clientSecret ?? LOCAL_CLIENT_SECRET,
  };
}
