// The backend's storage: PostgreSQL (`DATABASE_URL`) or embedded PGlite, one schema, typed
// repositories. Start with `openStorage`.
export * from './database';
export * from './open-database';
export * from './pglite-database';
export * from './postgres-database';
export * from './migrate';
export * from './migrations';
export * from './encryption-key';
export * from './token-cipher';
export * from './handoff-ref';
export * from './installs.repository';
export * from './processed-events.repository';
export * from './jobs.types';
export * from './jobs.repository';
export * from './audit-log.repository';
export * from './sla-alerts.repository';
export * from './handoff-index.repository';
export * from './portal-settings.repository';
export * from './salesforce-cursors.repository';
export * from './storage';
