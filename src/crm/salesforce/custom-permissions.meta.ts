// The custom permissions that tell Baton's Lightning card who is a CS manager or CS ops person
// (Salesforce has no such role of its own), each with a permission set of the same name that
// grants it. They are separate from the Baton permission set, which everyone who works handoffs
// gets: an admin assigns Baton to all of them, and one of these to the few they apply to.
import { type XmlElement, el, inMetadataOrder } from './metadata-xml';

export interface CustomPermissionDefinition {
  apiName: string;
  label: string;
  description: string;
}

export const CUSTOM_PERMISSIONS = {
  csManager: {
    apiName: 'Baton_CS_Manager',
    label: 'Baton CS manager',
    description:
      'A CS manager to Baton: approves pre-close handoffs, accepts or returns any handoff, and settles disputes.',
  },
  csOps: {
    apiName: 'Baton_CS_Ops',
    label: 'Baton CS ops',
    description: 'CS ops to Baton: the named arbiter who settles disputes over a returned handoff.',
  },
} as const satisfies Record<string, CustomPermissionDefinition>;

export function customPermissionElements(permission: CustomPermissionDefinition): XmlElement[] {
  return inMetadataOrder([
    el('label', permission.label),
    el('description', permission.description),
    el('isLicensed', false),
  ]);
}

/** The permission set that grants one custom permission, and nothing else. */
export function grantingPermissionSetElements(
  permission: CustomPermissionDefinition,
): XmlElement[] {
  return inMetadataOrder([
    el('label', permission.label),
    el('description', `Grants ${permission.apiName}. ${permission.description}`),
    el('hasActivationRequired', false),
    el('customPermissions', [el('enabled', true), el('name', permission.apiName)]),
  ]);
}
