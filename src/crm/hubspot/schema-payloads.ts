// The bodies of `POST /crm/v3/schemas` (custom objects, `crm.schemas.custom.write`, Enterprise
// portals): one `ObjectSchemaEgg` per Baton object, generated from its definition. Checked key
// by key against the `@hubspot/api-client` 14 models in test/crm/schema-payloads.test.ts.
import { associations } from '../objects/associations';
import { batonObjects } from '../objects/data-model';
import type {
  BatonObject,
  ObjectDefinition,
  PropertyDefinition,
  StandardObject,
} from '../objects/object-definition';
import { type HubSpotPropertyCore, hubspotPropertyCore } from './property-mapping';

export type NumberDisplayHint = 'unformatted' | 'percentage' | 'currency';

/** An `ObjectTypePropertyCreate`. */
export interface SchemaPropertyPayload extends HubSpotPropertyCore {
  numberDisplayHint?: NumberDisplayHint;
}

/** An `ObjectSchemaEgg`. */
export interface ObjectSchemaPayload {
  name: string;
  labels: { singular: string; plural: string };
  description: string;
  primaryDisplayProperty: string;
  secondaryDisplayProperties: string[];
  searchableProperties: string[];
  requiredProperties: string[];
  associatedObjects: string[];
  properties: SchemaPropertyPayload[];
}

/** The names `associatedObjects` takes for HubSpot's standard objects (its docs use these). */
export const SCHEMA_STANDARD_OBJECT_NAMES = {
  deal: 'DEAL',
  company: 'COMPANY',
  contact: 'CONTACT',
} as const satisfies Record<StandardObject, string>;

const NUMBER_DISPLAY_HINTS: Record<NonNullable<PropertyDefinition['format']>, NumberDisplayHint> = {
  // Scores and counts: "95", never "95.00" or "1,000" styling.
  integer: 'unformatted',
  percent: 'percentage',
  currency: 'currency',
};

export function schemaPropertyPayload(property: PropertyDefinition): SchemaPropertyPayload {
  return {
    ...hubspotPropertyCore(property),
    ...(property.format ? { numberDisplayHint: NUMBER_DISPLAY_HINTS[property.format] } : {}),
  };
}

function isStandardObject(to: string): to is StandardObject {
  return to in SCHEMA_STANDARD_OBJECT_NAMES;
}

/**
 * The standard objects an object is associated with. Associations between two Baton objects
 * cannot be declared here: `associatedObjects` takes object type ids, and the other custom
 * object has none until it exists. Those come after, from `customObjectAssociationPayloads`.
 */
export function associatedStandardObjects(key: BatonObject): string[] {
  return associations
    .filter((association) => association.from === key)
    .map((association) => association.to)
    .filter(isStandardObject)
    .map((to) => SCHEMA_STANDARD_OBJECT_NAMES[to]);
}

/**
 * Properties carry no `groupName` here. Property groups of an object can only be created once
 * the object exists, so a new custom object's properties land in the group HubSpot creates with
 * it (`<name>_information`); provisioning then creates Baton's groups and files properties in
 * them with the bodies of `property-payloads.ts`.
 */
export function objectSchemaPayload(object: ObjectDefinition & { key: BatonObject }) {
  return {
    name: object.name,
    labels: { singular: object.labels.singular, plural: object.labels.plural },
    description: object.description,
    primaryDisplayProperty: object.primaryDisplayProperty,
    secondaryDisplayProperties: [...object.secondaryDisplayProperties],
    searchableProperties: [...object.searchableProperties],
    requiredProperties: [...object.requiredProperties],
    associatedObjects: associatedStandardObjects(object.key),
    properties: object.properties.map(schemaPropertyPayload),
  } satisfies ObjectSchemaPayload;
}

export function objectSchemaPayloads(): Record<BatonObject, ObjectSchemaPayload> {
  return {
    handoff: objectSchemaPayload(batonObjects.handoff),
    commitment: objectSchemaPayload(batonObjects.commitment),
    stakeholder: objectSchemaPayload(batonObjects.stakeholder),
  };
}
