// Who the user is to Baton's rules on this Opportunity (docs/salesforce.md, "Lightning card").
// Salesforce has no CSM or CS manager role of its own, so:
// - the Baton_CS_Manager and Baton_CS_Ops custom permissions (granted by the permission sets of
//   the same names) make a CS manager and a CS ops person, on every Opportunity;
// - the user named as the handoff's receiver, or as the Opportunity's assigned CSM, is its CSM;
// - anyone else is on the sending side, as an AE. The core lets an AE act only on the
//   Opportunities they own (the deal's owner in the handoff), so others can look, not act.
import { getFieldValue } from 'lightning/uiRecordApi';
import USER_ID from '@salesforce/user/Id';
import CS_MANAGER from '@salesforce/customPermission/Baton_CS_Manager';
import CS_OPS from '@salesforce/customPermission/Baton_CS_Ops';
import { HANDOFF_RECEIVER, OPPORTUNITY_CSM } from './handoffFields';

/** Salesforce ids compare on their first 15 characters (the 18-character form adds a checksum). */
export function sameUser(a, b) {
  return typeof a === 'string' && typeof b === 'string' && a.slice(0, 15) === b.slice(0, 15);
}

/**
 * @param {string} userId the current user (`@salesforce/user/Id`)
 * @param {{ csManager: boolean, csOps: boolean }} permissions the user's Baton custom permissions
 * @param {Array<string | null | undefined>} csmIds the handoff's receiver and the assigned CSM
 * @returns {{ id: string, role: 'cs_manager' | 'cs_ops' | 'csm' | 'ae' }} the core's actor
 */
export function actorFor(userId, permissions, csmIds) {
  if (permissions.csManager === true) return { id: userId, role: 'cs_manager' };
  if (permissions.csOps === true) return { id: userId, role: 'cs_ops' };
  if (csmIds.some((id) => sameUser(id, userId))) return { id: userId, role: 'csm' };
  return { id: userId, role: 'ae' };
}

/** The current user's actor on the handoff and Opportunity as read (getRecord). */
export function userOn(handoff, opportunity) {
  return actorFor(USER_ID, { csManager: CS_MANAGER === true, csOps: CS_OPS === true }, [
    getFieldValue(handoff, HANDOFF_RECEIVER),
    getFieldValue(opportunity, OPPORTUNITY_CSM),
  ]);
}
