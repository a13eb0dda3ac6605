// How Baton's associations become Salesforce relationship fields. HubSpot associates any two
// records; Salesforce links a child to one parent through a field on the child. A record that
// belongs to its parent is a master-detail child (sharing and deletion follow the parent: the
// handoff follows its Opportunity, commitments and stakeholders their handoff); a link that
// may be empty is a lookup. Keyed by association, so a new association in src/crm/objects
// fails the typecheck here until someone decides what it is in Salesforce.
import type { AssociationKey } from '../objects/universal-identifiers';
import { associationKey } from '../objects/universal-identifiers';
import { associations } from '../objects/associations';
import type { AssociationDefinition } from '../objects/object-definition';

export type SalesforceRelationship =
  { kind: 'MasterDetail' | 'Lookup'; field: string; label: string } | { kind: 'none'; why: string };

export const SALESFORCE_RELATIONSHIPS = {
  handoff_to_deal: { kind: 'MasterDetail', field: 'opportunity', label: 'Opportunity' },
  handoff_to_company: { kind: 'Lookup', field: 'account', label: 'Account' },
  handoff_to_contact: {
    kind: 'none',
    why: 'a handoff has many contacts: its stakeholders link them (stakeholder_to_contact)',
  },
  commitment_to_handoff: { kind: 'MasterDetail', field: 'handoff', label: 'Handoff' },
  stakeholder_to_handoff: { kind: 'MasterDetail', field: 'handoff', label: 'Handoff' },
  stakeholder_to_contact: { kind: 'Lookup', field: 'contact', label: 'Contact' },
} as const satisfies Record<AssociationKey, SalesforceRelationship>;

export interface RelationshipField {
  association: AssociationDefinition;
  kind: 'MasterDetail' | 'Lookup';
  /** snake_case, named like a property: `handoff` is `Handoff__c`. */
  field: string;
  label: string;
}

/** The relationship fields of the model, in the order of `associations`. */
export function relationshipFields(): RelationshipField[] {
  return associations.flatMap((association): RelationshipField[] => {
    const relationship: SalesforceRelationship =
      SALESFORCE_RELATIONSHIPS[associationKey(association)];
    return relationship.kind === 'none' ? [] : [{ association, ...relationship }];
  });
}
