// Records as HubSpot returns them (`SimplePublicObject`, `...WithAssociations`): every value a
// string, requested properties without a value as `null`, the create, modify and id stamps
// always present, and the v3 `associations` block when asked for.
import { behaviourOf } from '../model/object-behaviour';
import type { SandboxStore } from '../store/sandbox-store';
import type { ObjectRecord, ObjectTypeDef } from '../store/state.schema';

export interface AssociatedIdJson {
  id: string;
  type: string;
}

export interface RecordJson {
  id: string;
  properties: Record<string, string | null>;
  propertiesWithHistory?: Record<
    string,
    { value: string; timestamp: string; sourceType: string }[]
  >;
  associations?: Record<string, { results: AssociatedIdJson[] }>;
  createdAt: string;
  updatedAt: string;
  archived: boolean;
  archivedAt?: string;
}

export interface RecordViewOptions {
  /** The properties asked for; the type's defaults when empty. */
  properties?: readonly string[];
  propertiesWithHistory?: readonly string[];
  /** Every stored value (what writes return), with no `null`s. */
  allStored?: boolean;
}

export function recordJson(
  type: ObjectTypeDef,
  record: ObjectRecord,
  options: RecordViewOptions = {},
): RecordJson {
  const behaviour = behaviourOf(type);
  const properties: Record<string, string | null> = {};
  if (options.allStored) {
    Object.assign(properties, record.properties);
  } else {
    const asked = options.properties?.length ? options.properties : behaviour.defaultProperties;
    // Names that are no property of the type are left out, as HubSpot ignores them.
    const known = new Set(type.properties.map((p) => p.name));
    for (const name of [...asked, ...behaviour.systemProperties]) {
      if (known.has(name)) properties[name] = record.properties[name] ?? null;
    }
  }
  const json: RecordJson = {
    id: record.id,
    properties,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
    archived: record.archived,
  };
  if (record.archivedAt) json.archivedAt = record.archivedAt;
  if (options.propertiesWithHistory?.length) {
    // The sandbox keeps no history: the current value is the only version it knows.
    json.propertiesWithHistory = Object.fromEntries(
      options.propertiesWithHistory.map((name) => {
        const value = record.properties[name];
        return [
          name,
          value === undefined ? [] : [{ value, timestamp: record.updatedAt, sourceType: 'API' }],
        ];
      }),
    );
  }
  return json;
}

/** The key a v3 associations block files a type under: `contacts`, or a custom object's name. */
export const associationKey = (type: ObjectTypeDef): string =>
  type.kind === 'standard' ? type.name : type.fullyQualifiedName;

/**
 * The v3 `associations` block: one `{id, type}` per association type, so a primary company
 * appears twice (`deal_to_company` and `deal_to_company_unlabeled`) as in HubSpot's answers.
 * Object types without associations are left out. For custom objects HubSpot's key is not
 * documented; we use the `fullyQualifiedName`.
 */
export function associationsBlock(
  store: SandboxStore,
  from: ObjectTypeDef,
  record: ObjectRecord,
  toTypes: readonly ObjectTypeDef[],
): Record<string, { results: AssociatedIdJson[] }> {
  const block: Record<string, { results: AssociatedIdJson[] }> = {};
  for (const to of toTypes) {
    const results = store.associations
      .targets({ objectTypeId: from.objectTypeId, id: record.id }, to.objectTypeId)
      .flatMap(({ toId, typeIds }) =>
        typeIds.map((typeId) => ({
          id: toId,
          type: store.associations.typeOf(typeId)?.name ?? String(typeId),
        })),
      );
    if (results.length > 0) block[associationKey(to)] = { results };
  }
  return block;
}
