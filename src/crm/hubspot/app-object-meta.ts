// The HubSpot 2026.03 project components of a marketplace app's app objects:
// `app/app-objects/*-hsmeta.json` (`type: app-object`) and
// `app/app-object-associations/*-hsmeta.json` (`type: app-object-association`).
//
// The format follows HubSpot's app objects reference
// (developers.hubspot.com/docs/apps/developer-platform/add-features/app-objects/reference) and
// the 2026.03 component template in HubSpot/hubspot-project-components
// (2026.03/components/app-objects/…/app-object-hsmeta.json and
// 2026.03/components/app-object-associations/…/app-object-association-hsmeta.json):
// - `name` is UPPER_SNAKE_CASE; HubSpot names the object `a<appId>_<name>` and prefixes every
//   property name with `a<appId>_`, so names here carry no prefix;
// - `description` is at most 72 characters, at most two secondary display properties;
// - properties use the properties API fields minus `displayOrder`, `referencedObjectType` and
//   `externalOptions`, plus `readOnlyValue` (only the integrator writes the value);
// - `settings.hasRecordPage`, `allowsUserCreatedRecords` and `hasEngagements` are required.
// Once deployed an app object cannot be renamed or deleted, nor its properties' name, type,
// fieldType, hasUniqueValue or option values changed: the ids live in universal-identifiers.ts.
import { associations } from '../objects/associations';
import { batonObjects, isBatonObject } from '../objects/data-model';
import type {
  AssociationDefinition,
  BatonObject,
  ObjectDefinition,
  PropertyDefinition,
  StandardObject,
} from '../objects/object-definition';
import {
  HUBSPOT_APP_OBJECT_ASSOCIATION_UIDS,
  HUBSPOT_APP_OBJECT_UIDS,
  associationKey,
} from '../objects/universal-identifiers';
import { type HubSpotPropertyCore, hubspotPropertyCore } from './property-mapping';

/** Shown before the object's name in HubSpot's UI: "Baton Handoff". */
export const APP_OBJECT_PREFIX = 'Baton';
/** HubSpot shows at most two secondary display properties of an app object. */
export const APP_OBJECT_MAX_SECONDARY_DISPLAY = 2;

export interface AppObjectProperty extends HubSpotPropertyCore {
  groupName: string;
  readOnlyValue?: true;
}

export interface AppObjectConfig {
  name: string;
  appPrefix: string;
  description: string;
  singularForm: string;
  pluralForm: string;
  primaryDisplayLabelPropertyName: string;
  secondaryDisplayLabelPropertyNames: string[];
  properties: AppObjectProperty[];
  propertyGroups: { name: string; label: string }[];
  settings: { hasRecordPage: boolean; allowsUserCreatedRecords: boolean; hasEngagements: boolean };
}

export interface AppObjectMeta {
  uid: string;
  type: 'app-object';
  config: AppObjectConfig;
}

export interface AppObjectAssociationMeta {
  uid: string;
  type: 'app-object-association';
  config: { firstObjectType: string; secondObjectType: string };
}

/** How the association component names HubSpot's standard objects (its template: `CONTACT`). */
export const APP_OBJECT_STANDARD_OBJECT_NAMES = {
  deal: 'DEAL',
  company: 'COMPANY',
  contact: 'CONTACT',
} as const satisfies Record<StandardObject, string>;

const SETTINGS: AppObjectConfig['settings'] = {
  hasRecordPage: true,
  // Records are made by Baton from the handoff document, the source of truth; a record made by
  // hand in the CRM would not be in any document.
  allowsUserCreatedRecords: false,
  // HubSpot never lets this be turned off once on, so it starts off until CS asks for it.
  hasEngagements: false,
};

function appObjectProperty(property: PropertyDefinition): AppObjectProperty {
  return {
    ...hubspotPropertyCore(property),
    groupName: property.group,
    ...(property.calculated ? { readOnlyValue: true as const } : {}),
  };
}

/**
 * The definition's `requiredProperties` and `searchableProperties` have no place in an app
 * object: nobody fills a create form (records are Baton's), and HubSpot indexes app objects
 * itself. They stay enforced by Baton, which writes every record.
 */
export function appObjectMeta(key: BatonObject): AppObjectMeta {
  const object: ObjectDefinition = batonObjects[key];
  return {
    uid: HUBSPOT_APP_OBJECT_UIDS[key],
    type: 'app-object',
    config: {
      name: HUBSPOT_APP_OBJECT_UIDS[key],
      appPrefix: APP_OBJECT_PREFIX,
      description: object.description,
      singularForm: object.labels.singular,
      pluralForm: object.labels.plural,
      primaryDisplayLabelPropertyName: object.primaryDisplayProperty,
      secondaryDisplayLabelPropertyNames: object.secondaryDisplayProperties.slice(
        0,
        APP_OBJECT_MAX_SECONDARY_DISPLAY,
      ),
      properties: object.properties.map(appObjectProperty),
      propertyGroups: object.groups.map(({ name, label }) => ({ name, label })),
      settings: { ...SETTINGS },
    },
  };
}

function appObjectType(type: BatonObject | StandardObject): string {
  return isBatonObject(type)
    ? HUBSPOT_APP_OBJECT_UIDS[type]
    : APP_OBJECT_STANDARD_OBJECT_NAMES[type];
}

/**
 * The component declares only that the two object types associate. Labels such as
 * `primary_handoff` are not part of the documented component config; they are created through
 * the associations v4 labels API once the app is installed (association-payloads.ts).
 */
export function appObjectAssociationMeta(
  association: (typeof associations)[number],
): AppObjectAssociationMeta {
  const definition: AssociationDefinition = association;
  return {
    uid: HUBSPOT_APP_OBJECT_ASSOCIATION_UIDS[associationKey(association)],
    type: 'app-object-association',
    config: {
      firstObjectType: appObjectType(definition.from),
      secondObjectType: appObjectType(definition.to),
    },
  };
}
