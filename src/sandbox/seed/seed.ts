// The portals the sandbox starts from: an empty one (`--no-seed`: standard objects and
// properties, HubSpot's association types and default pipeline, nothing else) and the seeded
// demo portal. Both are pure functions of the portal id and the day they are built for.
import { toIso } from '../clock';
import {
  FIRST_USER_DEFINED_TYPE_ID,
  hubspotDefinedAssociationTypes,
} from '../model/association-types';
import { HUBSPOT_DEFINED_AT } from '../model/property-builder';
import { standardObjectTypes } from '../model/standard-objects';
import { SandboxStore } from '../store/sandbox-store';
import type { OwnerDef, SandboxState } from '../store/state.schema';
import { type SeedClock, seedCrm } from './crm.seed';
import { SEED_OWNERS, SEED_TEAMS, type SeedTeam } from './people.seed';
import { defaultPipeline, enterprisePipeline } from './pipelines.seed';
import { createRandom } from './prng';

export const DEFAULT_PORTAL_ID = 22334455;
const FIRST_OBJECT_ID = 14_000_000_000;
const FIRST_SCHEMA_ID = 21_000_001;
const SEED = 20_260_301;
const DAY = 86_400_000;

export interface PortalOptions {
  portalId: number;
  /** The instant the portal is built for (the seed's dates are relative to it). */
  now: number;
}

export function emptyPortalState({ portalId }: PortalOptions): SandboxState {
  return {
    version: 1,
    portalId,
    counters: {
      objectId: FIRST_OBJECT_ID,
      schemaId: FIRST_SCHEMA_ID,
      associationTypeId: FIRST_USER_DEFINED_TYPE_ID,
    },
    objectTypes: standardObjectTypes(),
    records: {},
    associationTypes: hubspotDefinedAssociationTypes(),
    associations: [],
    pipelines: [defaultPipeline(HUBSPOT_DEFINED_AT)],
    owners: [],
  };
}

function seedOwners(at: string): OwnerDef[] {
  const teams: Record<string, SeedTeam> = Object.fromEntries(
    Object.values(SEED_TEAMS).map((t) => [t.id, t]),
  );
  return SEED_OWNERS.map((owner) => ({
    id: owner.id,
    userId: owner.userId,
    email: owner.email,
    firstName: owner.firstName,
    lastName: owner.lastName,
    teams: [{ id: owner.teamId, name: teams[owner.teamId]?.name ?? '', primary: true }],
    createdAt: at,
    updatedAt: at,
    archived: false,
  }));
}

export function seededPortalState(options: PortalOptions): SandboxState {
  const base = emptyPortalState(options);
  base.pipelines.push(enterprisePipeline(toIso(options.now - 300 * DAY)));
  base.owners = seedOwners(toIso(options.now - 400 * DAY));
  let time = options.now;
  const clock: SeedClock = { now: () => time, set: (ms) => (time = ms) };
  const store = new SandboxStore(base, clock);
  seedCrm(store, clock, createRandom(SEED), options.now);
  return store.snapshot();
}

/** Midnight UTC of the day `ms` falls in: one seed per day, the same all day. */
export const startOfDay = (ms: number): number => Math.floor(ms / DAY) * DAY;
