// HubSpot-defined association types between the standard objects Baton uses. Ids, directions
// and labels are those of the api-client's `AssociationTypes` enum (test/sandbox checks the
// table against it); `name` is the `type` v3 association blocks carry (`deal_to_contact`, and
// `deal_to_company_unlabeled` for the unlabeled one beside the primary, as real responses show:
// https://github.com/HubSpot/hubspot-api-ruby/issues/262).
import type { AssociationTypeDef } from '../store/state.schema';
import { HUBSPOT_DEFINED_AT } from './property-builder';

type Row = readonly [
  typeId: number,
  from: string,
  to: string,
  name: string,
  label: string | null,
  inverse: number,
];

const ROWS: readonly Row[] = [
  [1, '0-1', '0-2', 'contact_to_company', 'Primary', 2],
  [2, '0-2', '0-1', 'company_to_contact', 'Primary', 1],
  [3, '0-3', '0-1', 'deal_to_contact', null, 4],
  [4, '0-1', '0-3', 'contact_to_deal', null, 3],
  [5, '0-3', '0-2', 'deal_to_company', 'Primary', 6],
  [6, '0-2', '0-3', 'company_to_deal', 'Primary', 5],
  [13, '0-2', '0-2', 'parent_to_child_company', 'Child Company', 14],
  [14, '0-2', '0-2', 'child_to_parent_company', 'Parent Company', 13],
  [191, '0-2', '0-27', 'company_to_task', null, 192],
  [192, '0-27', '0-2', 'task_to_company', null, 191],
  [203, '0-1', '0-27', 'contact_to_task', null, 204],
  [204, '0-27', '0-1', 'task_to_contact', null, 203],
  [215, '0-3', '0-27', 'deal_to_task', null, 216],
  [216, '0-27', '0-3', 'task_to_deal', null, 215],
  [279, '0-1', '0-2', 'contact_to_company_unlabeled', null, 280],
  [280, '0-2', '0-1', 'company_to_contact_unlabeled', null, 279],
  [341, '0-3', '0-2', 'deal_to_company_unlabeled', null, 342],
  [342, '0-2', '0-3', 'company_to_deal_unlabeled', null, 341],
  [449, '0-1', '0-1', 'contact_to_contact', null, 449],
  [450, '0-2', '0-2', 'company_to_company', null, 450],
  [451, '0-3', '0-3', 'deal_to_deal', null, 451],
];

export function hubspotDefinedAssociationTypes(): AssociationTypeDef[] {
  return ROWS.map(([typeId, fromObjectTypeId, toObjectTypeId, name, label, inverseTypeId]) => ({
    typeId,
    category: 'HUBSPOT_DEFINED',
    fromObjectTypeId,
    toObjectTypeId,
    name,
    label,
    inverseTypeId,
    createdAt: HUBSPOT_DEFINED_AT,
    updatedAt: HUBSPOT_DEFINED_AT,
  }));
}

/**
 * User-defined type ids (labels, custom-object pairs) start here. Real portals allocate them
 * from one sequence of their own; starting above every HubSpot-defined id keeps them apart.
 */
export const FIRST_USER_DEFINED_TYPE_ID = 1001;
