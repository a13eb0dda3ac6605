// Baton's data model in one place: what provisioning creates and the generators write out.
import { associations } from './associations';
import { commitmentObject } from './commitment.object';
import { dealProperties, DEAL_PROPERTY_GROUP } from './deal-properties';
import { handoffObject } from './handoff.object';
import type { BatonObject, ObjectDefinition } from './object-definition';
import { stakeholderObject } from './stakeholder.object';

export const batonObjects = {
  handoff: handoffObject,
  commitment: commitmentObject,
  stakeholder: stakeholderObject,
} as const satisfies Record<BatonObject, ObjectDefinition>;

/** Whether a type name is one of Baton's objects rather than a standard CRM object. */
export function isBatonObject(type: string): type is BatonObject {
  return Object.hasOwn(batonObjects, type);
}

export const dataModel = {
  objects: batonObjects,
  associations,
  deal: { group: DEAL_PROPERTY_GROUP, properties: dealProperties },
} as const;

export type DataModel = typeof dataModel;
export { associations, commitmentObject, dealProperties, handoffObject, stakeholderObject };
export * from './object-definition';
