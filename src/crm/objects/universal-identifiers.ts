// Stable ids of Baton's data model in the CRM's own registries, in one place (STYLE.md #6).
// A deployed HubSpot project identifies each component by its `uid`; changing one here makes
// HubSpot delete the old component and create a new one, so these never change once shipped.
import type { associations } from './associations';
import type { BatonObject } from './object-definition';

/**
 * The `uid` of each HubSpot app object, which is also its app-object `name`.
 *
 * They are one string on purpose: HubSpot's published association example
 * (`app-object-association-hsmeta.json` in HubSpot/hubspot-project-components) names the app
 * object in `firstObjectType` without saying whether that is the object's `uid` or its `name`,
 * and `@hubspot/project-parsing-lib` links components by uid (`allAppObjects`). With both equal,
 * either reading resolves. `name` must be UPPER_SNAKE_CASE, which a uid may be.
 */
export const HUBSPOT_APP_OBJECT_UIDS = {
  handoff: 'BATON_HANDOFF',
  commitment: 'BATON_COMMITMENT',
  stakeholder: 'BATON_STAKEHOLDER',
} as const satisfies Record<BatonObject, string>;

type AssociationEntry = (typeof associations)[number];
/** `handoff_to_deal`, `stakeholder_to_contact`, …: one key per association of the model. */
export type AssociationKey = AssociationEntry extends infer A
  ? A extends { from: infer F extends string; to: infer T extends string }
    ? `${F}_to_${T}`
    : never
  : never;

export function associationKey(association: AssociationEntry): AssociationKey {
  return `${association.from}_to_${association.to}` as AssociationKey;
}

/** The `uid` of each HubSpot app-object association component. */
export const HUBSPOT_APP_OBJECT_ASSOCIATION_UIDS = {
  handoff_to_deal: 'baton_handoff_to_deal',
  handoff_to_company: 'baton_handoff_to_company',
  handoff_to_contact: 'baton_handoff_to_contact',
  commitment_to_handoff: 'baton_commitment_to_handoff',
  stakeholder_to_handoff: 'baton_stakeholder_to_handoff',
  stakeholder_to_contact: 'baton_stakeholder_to_contact',
} as const satisfies Record<AssociationKey, string>;

/**
 * The `uid` of the marketplace app and of its features outside the data model. HubSpot matches
 * each deployed component to its source by uid: a new uid for the app is a new app (installs
 * lost), and a new uid for the workflow action breaks every workflow that uses the old one.
 */
export const HUBSPOT_PROJECT_UIDS = {
  app: 'baton_app',
  webhooks: 'baton_webhooks',
  startHandoffAction: 'baton_start_handoff',
} as const;
