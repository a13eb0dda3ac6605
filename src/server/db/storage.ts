// The backend's storage in one object: the database, migrated, and a repository per table. Use
// `transaction` to make several writes one unit, e.g. record an event and enqueue its job:
//   await storage.transaction(async (s) => {
//     if (await s.processedEvents.recordOnce('hubspot', eventId)) await s.jobs.enqueue(…);
//   });
import { join } from 'node:path';
import { type AuditLogRepository, createAuditLogRepository } from './audit-log.repository';
import type { Database, Queryable } from './database';
import { encryptionKeyFromEnv } from './encryption-key';
import {
  createHandoffIndexRepository,
  type HandoffIndexRepository,
} from './handoff-index.repository';
import { createInstallsRepository, type InstallsRepository } from './installs.repository';
import { createJobQueue } from './jobs.repository';
import type { JobKinds, JobQueue } from './jobs.types';
import { migrate, type MigrationReport } from './migrate';
import { databaseTargetFromEnv, openDatabase } from './open-database';
import {
  createPortalSettingsRepository,
  type PortalSettingsRepository,
} from './portal-settings.repository';
import {
  createProcessedEventsRepository,
  type ProcessedEventsRepository,
} from './processed-events.repository';
import {
  createSalesforceCursorsRepository,
  type SalesforceCursorsRepository,
} from './salesforce-cursors.repository';
import { createSlaAlertsRepository, type SlaAlertsRepository } from './sla-alerts.repository';
import { createTokenCipher, type TokenCipher } from './token-cipher';

export interface Repositories<S extends JobKinds> {
  installs: InstallsRepository;
  processedEvents: ProcessedEventsRepository;
  jobs: JobQueue<S>;
  auditLog: AuditLogRepository;
  slaAlerts: SlaAlertsRepository;
  handoffIndex: HandoffIndexRepository;
  portalSettings: PortalSettingsRepository;
  salesforceCursors: SalesforceCursorsRepository;
}

export interface Storage<S extends JobKinds> extends Repositories<S> {
  db: Database;
  migrations: MigrationReport;
  transaction<T>(fn: (repositories: Repositories<S>) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export function repositoriesOn<S extends JobKinds>(
  db: Queryable,
  cipher: TokenCipher,
  jobKinds: S,
): Repositories<S> {
  return {
    installs: createInstallsRepository(db, cipher),
    processedEvents: createProcessedEventsRepository(db),
    jobs: createJobQueue(db, jobKinds),
    auditLog: createAuditLogRepository(db),
    slaAlerts: createSlaAlertsRepository(db),
    handoffIndex: createHandoffIndexRepository(db),
    portalSettings: createPortalSettingsRepository(db),
    salesforceCursors: createSalesforceCursorsRepository(db),
  };
}

export interface StorageOptions<S extends JobKinds> {
  env: Readonly<Record<string, string | undefined>>;
  jobKinds: S;
  /**
   * Local mode (`npm start`, `BATON_DATA_DIR`): without `DATABASE_URL` the embedded database
   * keeps its files in `<dir>/db`, and without `BATON_ENCRYPTION_KEY` a key generated into
   * `<dir>/encryption.key` is used. Without it the key is required and PGlite is in memory.
   */
  localDataDir?: string;
  onIdleError?: (error: Error) => void;
}

export async function openStorage<S extends JobKinds>(
  options: StorageOptions<S>,
): Promise<Storage<S>> {
  // The key first: a missing key should stop start-up before anything touches the database.
  const cipher = createTokenCipher(await encryptionKeyFromEnv(options.env, options.localDataDir));
  const target = databaseTargetFromEnv(
    options.env,
    options.localDataDir === undefined ? undefined : join(options.localDataDir, 'db'),
  );
  const db = await openDatabase(target, options.onIdleError);
  try {
    return await storageOn(db, cipher, options.jobKinds);
  } catch (error) {
    await db.close();
    throw error;
  }
}

/** Storage over a database already open (tests, a second copy): migrates it first. */
export async function storageOn<S extends JobKinds>(
  db: Database,
  cipher: TokenCipher,
  jobKinds: S,
): Promise<Storage<S>> {
  const migrations = await migrate(db);
  return {
    ...repositoriesOn(db, cipher, jobKinds),
    db,
    migrations,
    transaction: (fn) => db.transaction((tx) => fn(repositoriesOn(tx, cipher, jobKinds))),
    close: () => db.close(),
  };
}
