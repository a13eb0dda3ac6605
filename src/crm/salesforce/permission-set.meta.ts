// The permission set an admin assigns to everyone who works handoffs (and to Baton's
// integration user): full access to Baton's objects, read and edit on every field the
// Metadata API lets a permission set grant, read and create on the event.
//
// Not listed, because Salesforce refuses them in a permission set ("You cannot deploy to a
// required field"): required fields and master-detail fields, which everyone with access to
// the object can already read and edit, and the event's fields, which have no field-level
// security.
import { type XmlElement, el, inMetadataOrder } from './metadata-xml';
import type { ObjectMeta } from './custom-objects.meta';
import { HANDOFF_REQUESTED_EVENT } from './handoff-requested.event';

export const PERMISSION_SET = {
  apiName: 'Baton',
  label: 'Baton',
  description:
    'Read and edit Baton handoffs, commitments, stakeholders and the Opportunity fields Baton writes.',
} as const;

function textOf(field: readonly XmlElement[], name: string): string | undefined {
  const element = field.find((child) => child.name === name);
  return element && !Array.isArray(element.content) ? String(element.content) : undefined;
}

/** Whether a permission set may list the field (see above). */
export function grantsFieldAccess(field: readonly XmlElement[]): boolean {
  return textOf(field, 'required') !== 'true' && textOf(field, 'type') !== 'MasterDetail';
}

const objectPermission = (object: string, full: boolean) =>
  el(
    'objectPermissions',
    inMetadataOrder([
      el('object', object),
      el('allowCreate', true),
      el('allowRead', true),
      el('allowEdit', full),
      el('allowDelete', full),
      el('viewAllRecords', false),
      el('modifyAllRecords', false),
    ]),
  );

export function permissionSetElements(objects: readonly ObjectMeta[]): XmlElement[] {
  const grantable = objects.flatMap(({ object, fields }) =>
    [...fields]
      .filter(([, field]) => grantsFieldAccess(field))
      .map(([name]) => `${object}.${name}`),
  );
  // Sorted by field, as Salesforce itself writes a permission set: a diff then shows changes.
  const fieldPermissions = grantable
    .sort()
    .map((field) =>
      el(
        'fieldPermissions',
        inMetadataOrder([el('field', field), el('readable', true), el('editable', true)]),
      ),
    );
  // Object permissions for the objects Baton defines; Opportunity access is the org's own.
  const objectPermissions = [
    ...objects
      .filter((meta) => meta.objectMeta)
      .map(({ object }) => objectPermission(object, true)),
    // A platform event is published and read, never edited or deleted.
    objectPermission(HANDOFF_REQUESTED_EVENT.apiName, false),
  ];
  return inMetadataOrder([
    el('label', PERMISSION_SET.label),
    el('description', PERMISSION_SET.description),
    el('hasActivationRequired', false),
    ...fieldPermissions,
    ...objectPermissions,
  ]);
}
