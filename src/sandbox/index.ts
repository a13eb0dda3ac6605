// The sandbox CRM's public face for the rest of Baton.
export { createSandbox, DEFAULT_SANDBOX_PORT, SANDBOX_TOKEN } from './sandbox-server';
export type { RunningSandbox, Sandbox, SandboxOptions } from './sandbox-server';
export type { Clock } from './clock';
export type { Faults } from './faults';
export type { StatsSnapshot } from './stats';
export type { SandboxWebhooks, WebhookStatus } from './webhooks/webhook-dispatcher';
export type { SandboxWebhookEvent } from './webhooks/webhook-events';
export type { DeliveryAttempt, WebhookCounters } from './webhooks/delivery-log';
export {
  DEFAULT_SUBSCRIPTIONS,
  DEFAULT_WEBHOOK_APP_ID,
  type WebhookSettingsInput,
  type WebhookSubscription,
} from './webhooks/webhook-settings';
export {
  ACCESS_TOKEN_TTL_MS,
  SANDBOX_CLIENT_ID,
  SandboxOAuth,
  type SandboxOAuthOptions,
} from './oauth/sandbox-oauth';
export { PRIVATE_APP_LIMITS } from './rate-limit';
export { SEED_OWNERS, SEED_TEAMS, seedOwnersWithRole } from './seed/people.seed';
export type { SeedOwner, SeedRole, SeedTeam } from './seed/people.seed';
export { ENTERPRISE_PIPELINE_ID } from './seed/pipelines.seed';
export { CONTACT_ROLES } from './seed/names';
export { DEFAULT_PORTAL_ID } from './seed/seed';
