// How HubSpot treats each kind of record beyond its property list: which properties a read
// returns when none are asked for, which ones carry the create and modify stamps, and which
// value identifies a record so a second one with it is refused.
import type { ObjectTypeDef } from '../store/state.schema';

export interface ObjectBehaviour {
  /** What `GET` and search return without `properties` (as HubSpot's v3 responses do). */
  defaultProperties: readonly string[];
  /** Always returned, whatever was asked for. */
  systemProperties: readonly string[];
  createdProperty: string;
  modifiedProperties: readonly string[];
  /**
   * Values HubSpot deduplicates on although the property is not `hasUniqueValue`: a contact's
   * email (a second contact with it is a 409 "Contact already exists. Existing ID: N").
   */
  dedupeProperties: readonly string[];
}

const CUSTOM: ObjectBehaviour = {
  defaultProperties: ['hs_createdate', 'hs_lastmodifieddate', 'hs_object_id'],
  systemProperties: ['hs_createdate', 'hs_lastmodifieddate', 'hs_object_id'],
  createdProperty: 'hs_createdate',
  modifiedProperties: ['hs_lastmodifieddate'],
  dedupeProperties: [],
};

const STANDARD: Record<string, ObjectBehaviour> = {
  '0-1': {
    defaultProperties: [
      'createdate',
      'email',
      'firstname',
      'hs_object_id',
      'lastmodifieddate',
      'lastname',
    ],
    systemProperties: ['createdate', 'hs_object_id', 'lastmodifieddate'],
    createdProperty: 'createdate',
    modifiedProperties: ['lastmodifieddate', 'hs_lastmodifieddate'],
    dedupeProperties: ['email'],
  },
  '0-2': {
    defaultProperties: ['createdate', 'domain', 'hs_lastmodifieddate', 'hs_object_id', 'name'],
    systemProperties: ['createdate', 'hs_lastmodifieddate', 'hs_object_id'],
    createdProperty: 'createdate',
    modifiedProperties: ['hs_lastmodifieddate'],
    dedupeProperties: [],
  },
  '0-3': {
    defaultProperties: [
      'amount',
      'closedate',
      'createdate',
      'dealname',
      'dealstage',
      'hs_lastmodifieddate',
      'hs_object_id',
      'pipeline',
    ],
    systemProperties: ['createdate', 'hs_lastmodifieddate', 'hs_object_id'],
    createdProperty: 'createdate',
    modifiedProperties: ['hs_lastmodifieddate'],
    dedupeProperties: [],
  },
  // Engagements stamp like custom objects (`hs_createdate`).
  '0-27': CUSTOM,
};

export const behaviourOf = (type: ObjectTypeDef): ObjectBehaviour =>
  STANDARD[type.objectTypeId] ?? CUSTOM;

/** Properties a caller may use as `idProperty`: unique-value ones and deduplicated ones. */
export function isIdentifyingProperty(type: ObjectTypeDef, name: string): boolean {
  if (behaviourOf(type).dedupeProperties.includes(name)) return true;
  return type.properties.some((p) => p.name === name && p.hasUniqueValue && !p.archived);
}
