// The backend's public face for the CLI, `npm start` and the tests.
export { createBackend } from './backend';
export type {
  AuditEntry,
  AuditSink,
  BackendDeps,
  CrmForPortal,
  JsonValue,
  ProcessedEvents,
} from './backend-deps';
export { DEFAULT_PORT, LOCAL_CLIENT_SECRET, defaultPublicUrl } from './backend-deps';
export type { BackendApp } from './http-env';
export {
  SIGNATURE_HEADER,
  TIMESTAMP_HEADER,
  computeSignatureV3,
  signRequest,
} from './hubspot-signature';
export { InMemoryAuditLog, InMemoryProcessedEvents } from './in-memory-stores';
export {
  type InMemoryBackendDeps,
  type SinglePortalOptions,
  singlePortalDeps,
} from './local-backend';
export { type ListenOptions, type RunningBackend, listenBackend } from './listen';
export { type Logger, createLogger } from './logger';
export { DEFAULT_RETRY, InMemoryWorkQueue, type QueueStats, type WorkQueue } from './work-queue';
