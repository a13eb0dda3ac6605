// The bodies of the properties API: `PropertyGroupCreate` for `POST /crm/v3/properties/{type}/
// groups` and `PropertyCreate` for `POST /crm/v3/properties/{type}/batch/create` (100 inputs per
// call). Used for the deal write-back properties, for Baton's groups on its own objects, and for
// properties a later Baton version adds to a schema that already exists in a portal.
import { dataModel } from '../objects/data-model';
import type {
  ObjectDefinition,
  PropertyDefinition,
  PropertyGroup,
} from '../objects/object-definition';
import {
  type HubSpotOption,
  type HubSpotPropertyCore,
  hubspotOptions,
  hubspotPropertyCore,
} from './property-mapping';

/** A `PropertyCreate`: unlike the schemas API, the properties API requires `groupName`. */
export interface PropertyCreatePayload extends HubSpotPropertyCore {
  groupName: string;
}

/** A `PropertyGroupCreate`. */
export interface PropertyGroupPayload {
  name: string;
  label: string;
}

/** A `BatchInputPropertyCreate`. */
export interface PropertyBatchPayload {
  inputs: PropertyCreatePayload[];
}

/** HubSpot's batch endpoints take at most 100 inputs. */
export const PROPERTY_BATCH_LIMIT = 100;

export function propertyCreatePayload(property: PropertyDefinition): PropertyCreatePayload {
  return { ...hubspotPropertyCore(property), groupName: property.group };
}

export function propertyGroupPayload(group: PropertyGroup): PropertyGroupPayload {
  return { name: group.name, label: group.label };
}

export function propertyBatchPayloads(
  properties: readonly PropertyDefinition[],
): PropertyBatchPayload[] {
  const batches: PropertyBatchPayload[] = [];
  for (let start = 0; start < properties.length; start += PROPERTY_BATCH_LIMIT) {
    const slice = properties.slice(start, start + PROPERTY_BATCH_LIMIT);
    batches.push({ inputs: slice.map(propertyCreatePayload) });
  }
  return batches;
}

/** What Baton writes back to the deal: its group on `deals`, then the properties in it. */
export function dealPropertyPayloads(): {
  group: PropertyGroupPayload;
  properties: PropertyCreatePayload[];
} {
  return {
    group: propertyGroupPayload(dataModel.deal.group),
    properties: dataModel.deal.properties.map(propertyCreatePayload),
  };
}

/** Baton's property groups on one of its objects, in the order of the definition. */
export function objectPropertyGroupPayloads(object: ObjectDefinition): PropertyGroupPayload[] {
  return object.groups.map(propertyGroupPayload);
}

/**
 * The properties of the definition that a portal's schema lacks, in definition order. Existing
 * properties are never touched here: changing a live property's type can lose customer data,
 * so that is a decision for a person, not for provisioning.
 */
export function missingPropertyPayloads(
  object: ObjectDefinition,
  existingNames: Iterable<string>,
): PropertyCreatePayload[] {
  const existing = new Set(existingNames);
  return object.properties
    .filter((property) => !existing.has(property.name))
    .map(propertyCreatePayload);
}

/** The groups a portal's object lacks, so that the missing properties have somewhere to go. */
export function missingPropertyGroupPayloads(
  object: ObjectDefinition,
  existingGroupNames: Iterable<string>,
): PropertyGroupPayload[] {
  const existing = new Set(existingGroupNames);
  return object.groups.filter((group) => !existing.has(group.name)).map(propertyGroupPayload);
}

/** A `PropertyUpdate` that adds options an existing enumeration lacks. */
export interface OptionUpdatePayload {
  name: string;
  body: { options: HubSpotOption[] };
}

/**
 * Enumerations whose portal copy lacks options the definition has (a new lifecycle state in a
 * newer Baton): the portal's options are kept as they are, in their order, and ours added after
 * them. Options are never removed: records may hold those values.
 */
export function missingOptionUpdates(
  definitions: readonly PropertyDefinition[],
  existing: readonly {
    name: string;
    options?: readonly { label: string; value: string; displayOrder?: number; hidden?: boolean }[];
  }[],
): OptionUpdatePayload[] {
  const updates: OptionUpdatePayload[] = [];
  for (const definition of definitions) {
    const wanted = hubspotOptions(definition);
    const current = existing.find((property) => property.name === definition.name);
    if (!wanted || !current) continue;
    const have = new Set((current.options ?? []).map((option) => option.value));
    const added = wanted.filter((option) => !have.has(option.value));
    if (added.length === 0) continue;
    const kept = (current.options ?? []).map((option, index) => ({
      label: option.label,
      value: option.value,
      displayOrder: option.displayOrder ?? index,
      hidden: option.hidden ?? false,
    }));
    updates.push({
      name: definition.name,
      body: {
        options: [
          ...kept,
          ...added.map((option, i) => ({ ...option, displayOrder: kept.length + i })),
        ],
      },
    });
  }
  return updates;
}
