// The backend's public face for the CLI, `npm start` and the tests.
export { createBackend } from './backend';
export type { AuditEntry, BackendDeps, CrmForPortal, JsonValue } from './backend-deps';
export { DEFAULT_PORT, LOCAL_CLIENT_SECRET, defaultPublicUrl } from './backend-deps';
export {
  type BackendRuntime,
  type BackendRuntimeOptions,
  createBackendRuntime,
  openBackendStorage,
  singlePortal,
} from './backend-runtime';
export type { BackendApp } from './http-env';
export {
  SIGNATURE_HEADER,
  TIMESTAMP_HEADER,
  computeSignatureV3,
  signRequest,
} from './hubspot-signature';
export { BACKEND_JOBS, type BackendJobKinds, type BackendStorage } from './jobs/backend-jobs';
export { DEFAULT_RETRY, JobWorker, type RetryPolicy } from './jobs/job-worker';
export { type ListenOptions, type RunningBackend, listenBackend } from './listen';
export { type Logger, createLogger } from './logger';
