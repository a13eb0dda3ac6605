// Portal metadata the adapter needs before it can read or write a handoff: the ids HubSpot gave
// Baton's objects and association labels, which deal stages are closed-won, and the owners.
// It changes rarely, so it is read once and cached; a deal's own reads never pay for it.
import type { Client } from '@hubspot/api-client';
import { type ClosedWonStages, type CrmPerson, NotProvisionedError } from '../crm-adapter';

export { NotProvisionedError };
import { batonObjects } from '../objects/data-model';
import type { BatonObject } from '../objects/object-definition';
import type { HubSpotCalls } from './hubspot-calls';

export interface ObjectTypeIds {
  handoff: string;
  commitment: string;
  stakeholder: string;
}

export interface LabelIds {
  primaryHandoff: number;
  recordedIn: number;
  mappedIn: number;
}

interface Cached<T> {
  value: T;
  at: number;
}

const TTL_MS = 10 * 60 * 1000;

export class HubSpotMetadata {
  private types: Cached<ObjectTypeIds> | null = null;
  /** The handoff object's property names, read with its type id; null if HubSpot listed none. */
  private handoffProperties: ReadonlySet<string> | null = null;
  private labels: Cached<LabelIds> | null = null;
  private stages: Cached<ClosedWonStages> | null = null;
  private owners: Cached<CrmPerson[]> | null = null;

  constructor(
    private readonly client: Client,
    private readonly calls: HubSpotCalls,
    private readonly now: () => number = Date.now,
  ) {}

  invalidate(): void {
    this.types = this.labels = this.stages = this.owners = null;
  }

  private fresh<T>(cached: Cached<T> | null): T | null {
    return cached !== null && this.now() - cached.at < TTL_MS ? cached.value : null;
  }

  async objectTypeIds(): Promise<ObjectTypeIds> {
    const cached = this.fresh(this.types);
    if (cached) return cached;
    const schemas = await this.calls.run('metadata:schemas', () =>
      this.client.crm.schemas.coreApi.getAll(),
    );
    const idOf = (key: BatonObject) => {
      const schema = schemas.results.find((s) => isSchemaOf(s, batonObjects[key].name));
      if (!schema?.objectTypeId)
        throw new NotProvisionedError(`the ${batonObjects[key].labels.singular} object`);
      return schema.objectTypeId;
    };
    const value = {
      handoff: idOf('handoff'),
      commitment: idOf('commitment'),
      stakeholder: idOf('stakeholder'),
    };
    const handoff = schemas.results.find((s) => isSchemaOf(s, batonObjects.handoff.name));
    this.handoffProperties = handoff?.properties?.length
      ? new Set(handoff.properties.map((property) => property.name))
      : null;
    this.types = { value, at: this.now() };
    return value;
  }

  /**
   * The handoff properties the portal has, as of the last schema read (objectTypeIds); null
   * when unknown. A portal provisioned by an older Baton lacks the newer ones until its next
   * `provision`, which the backend queues when Baton's data model changes.
   */
  knownHandoffProperties(): ReadonlySet<string> | null {
    return this.handoffProperties;
  }

  async labelIds(): Promise<LabelIds> {
    const cached = this.fresh(this.labels);
    if (cached) return cached;
    const types = await this.objectTypeIds();
    const find = async (from: string, to: string, name: string) => {
      const labels = await this.calls.run('metadata:labels', () =>
        this.client.crm.associations.v4.schema.definitionsApi.getAll(from, to),
      );
      const typeId = labelTypeId(labels.results, name);
      if (typeId === null) throw new NotProvisionedError(`the association label "${name}"`);
      return typeId;
    };
    const value = {
      primaryHandoff: await find(types.handoff, 'deals', 'primary_handoff'),
      recordedIn: await find(types.commitment, types.handoff, 'recorded_in'),
      mappedIn: await find(types.stakeholder, types.handoff, 'mapped_in'),
    };
    this.labels = { value, at: this.now() };
    return value;
  }

  async closedWonStages(): Promise<ClosedWonStages> {
    const cached = this.fresh(this.stages);
    if (cached) return cached;
    const pipelines = await this.calls.run('metadata:pipelines', () =>
      this.client.crm.pipelines.pipelinesApi.getAll('deals'),
    );
    const byPipeline: Record<string, string[]> = {};
    for (const pipeline of pipelines.results) {
      // Closed-won is a closed stage with a won probability; custom pipelines use numeric ids,
      // so the literal `closedwon` would miss them.
      byPipeline[pipeline.id] = pipeline.stages
        .filter(
          (stage) =>
            stage.metadata?.isClosed === 'true' && Number(stage.metadata?.probability) >= 1,
        )
        .map((stage) => stage.id);
    }
    const value = { byPipeline };
    this.stages = { value, at: this.now() };
    return value;
  }

  async people(): Promise<CrmPerson[]> {
    const cached = this.fresh(this.owners);
    if (cached) return cached;
    const people: CrmPerson[] = [];
    let after: string | undefined;
    do {
      const page = await this.calls.run('metadata:owners', () =>
        this.client.crm.owners.ownersApi.getPage(undefined, after, 500, false),
      );
      for (const owner of page.results) {
        const name = [owner.firstName, owner.lastName].filter(Boolean).join(' ').trim();
        people.push({
          id: owner.id,
          userId: owner.userId === undefined || owner.userId === null ? null : String(owner.userId),
          name: name || owner.email || `Owner ${owner.id}`,
          email: owner.email ?? null,
          teams: (owner.teams ?? []).map((team) => ({
            id: team.id,
            name: team.name,
            primary: team.primary,
          })),
        });
      }
      after = page.paging?.next?.after;
    } while (after);
    this.owners = { value: people, at: this.now() };
    return people;
  }
}

/** The type id of the label named `name` ("primary_handoff") among a pair's association types;
 * HubSpot returns display labels ("Primary handoff"), and null for the unlabeled type. */
export function labelTypeId(
  results: readonly { label?: string | null; typeId: number }[],
  name: string,
): number | null {
  return (
    results.find((type) => typeof type.label === 'string' && normalizeLabel(type.label) === name)
      ?.typeId ?? null
  );
}

/** Association label names as HubSpot returns them ("Primary handoff") matched to ours. */
export function normalizeLabel(label: string): string {
  return label
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_');
}

/**
 * Whether a schema is Baton's object of this name: a custom object provisioned by the schemas
 * API is named exactly so (`baton_handoff`, fully qualified `p<portal>_baton_handoff`); an app
 * object of the marketplace app carries a prefix of HubSpot's making before the name.
 */
export function isSchemaOf(
  schema: { name: string; fullyQualifiedName?: string },
  name: string,
): boolean {
  if (schema.name === name) return true;
  const suffix = `_${name}`;
  return schema.name.endsWith(suffix) || (schema.fullyQualifiedName?.endsWith(suffix) ?? false);
}
