// The sandbox CRM's public face for the rest of Baton.
export { createSandbox, DEFAULT_SANDBOX_PORT, SANDBOX_TOKEN } from './sandbox-server';
export type { RunningSandbox, Sandbox, SandboxOptions } from './sandbox-server';
export type { Clock } from './clock';
export type { Faults } from './faults';
export type { StatsSnapshot } from './stats';
export { PRIVATE_APP_LIMITS } from './rate-limit';
export { SEED_OWNERS, SEED_TEAMS, seedOwnersWithRole } from './seed/people.seed';
export type { SeedOwner, SeedRole, SeedTeam } from './seed/people.seed';
export { ENTERPRISE_PIPELINE_ID } from './seed/pipelines.seed';
export { CONTACT_ROLES } from './seed/names';
export { DEFAULT_PORTAL_ID } from './seed/seed';
