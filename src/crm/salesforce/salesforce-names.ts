// How Baton's snake_case names become Salesforce API names, and the limits those names and
// labels must keep. `handoff_key` is `Handoff_Key__c`, `baton_handoff` is `Baton_Handoff__c`:
// the later jsforce adapter reads and writes through these same functions, so the generated
// metadata and the adapter can never spell a field differently.
import type { BatonObject, StandardObject } from '../objects/object-definition';
import { batonObjects } from '../objects/data-model';

/** Salesforce's limits on the metadata Baton generates (Salesforce Help, "Custom Field"). */
export const SALESFORCE_LIMITS = {
  /** An object's or field's developer name, before the `__c` / `__e` suffix. */
  apiName: 40,
  label: 40,
  description: 1000,
  picklistValue: 255,
  picklistValues: 1000,
  textLength: 255,
  longTextLength: 131072,
  /** All long text fields of one object together. */
  longTextPerObject: 1_638_400,
} as const;

/** The standard objects Baton's associations point at, by their Salesforce names. */
export const STANDARD_OBJECTS = {
  deal: 'Opportunity',
  company: 'Account',
  contact: 'Contact',
} as const satisfies Record<StandardObject, string>;

// Letters first, then letters, digits and single underscores, not ending in one: the rule the
// Metadata API applies to every developer name (a double underscore is reserved for suffixes
// and namespaces).
const DEVELOPER_NAME = /^[A-Za-z][A-Za-z0-9]*(_[A-Za-z0-9]+)*$/;

/** `handoff_key` → `Handoff_Key`; throws when Salesforce would refuse the result. */
export function developerName(snake: string): string {
  const name = snake
    .split('_')
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join('_');
  if (!DEVELOPER_NAME.test(name))
    throw new Error(`${JSON.stringify(snake)} gives no valid Salesforce name (${name})`);
  if (name.length > SALESFORCE_LIMITS.apiName)
    throw new Error(
      `${name} is ${name.length} characters; Salesforce allows ${SALESFORCE_LIMITS.apiName}`,
    );
  return name;
}

/** A custom field's API name: `handoff_key` → `Handoff_Key__c`. */
export function customFieldName(property: string): string {
  return `${developerName(property)}__c`;
}

/** A Baton object's API name: `handoff` → `Baton_Handoff__c`. */
export function customObjectName(object: BatonObject): string {
  return `${developerName(batonObjects[object].name)}__c`;
}

/** The Salesforce object behind one end of an association. */
export function salesforceObjectName(object: BatonObject | StandardObject): string {
  return Object.hasOwn(STANDARD_OBJECTS, object)
    ? STANDARD_OBJECTS[object as StandardObject]
    : customObjectName(object as BatonObject);
}

/** `Handoffs` → `Baton_Handoffs`: a child relationship name no other package is likely to use. */
export function childRelationshipName(object: BatonObject): string {
  return developerName(`baton_${batonObjects[object].labels.plural.replace(/\s+/g, '_')}`);
}
