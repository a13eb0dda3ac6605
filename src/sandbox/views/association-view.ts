// Associations v4 as HubSpot returns them. HubSpot sends `toObjectId`, `fromObjectId` as JSON
// numbers although the api-client's models type them as strings (see the v4 reference
// examples); the sandbox sends numbers too, so code that compares them with strings fails
// here as it would against HubSpot. Ids inside `{ id }` objects are strings, as there. An
// unlabeled type comes with `label: null` (the model says string; HubSpot sends null).
import type { SandboxStore } from '../store/sandbox-store';
import type { AssociationTypeDef } from '../store/state.schema';

/** An id as a JSON number when it is one (record ids are), else as sent. */
export const numericId = (id: string): number | string => (/^\d{1,15}$/.test(id) ? Number(id) : id);

export const associationSpecWithLabelJson = (type: AssociationTypeDef) => ({
  category: type.category,
  typeId: type.typeId,
  label: type.label,
});

export function associationTypesJson(store: SandboxStore, typeIds: readonly number[]) {
  return typeIds.flatMap((typeId) => {
    const type = store.associations.typeOf(typeId);
    return type ? [associationSpecWithLabelJson(type)] : [];
  });
}

/** `LabelsBetweenObjectPair`: the labels now between two records. */
export function labelsBetweenJson(
  store: SandboxStore,
  from: { objectTypeId: string; id: string },
  to: { objectTypeId: string; id: string },
) {
  const entry = store.associations.targets(from, to.objectTypeId).find((t) => t.toId === to.id);
  const labels = (entry?.typeIds ?? []).flatMap((typeId) => {
    const label = store.associations.typeOf(typeId)?.label;
    return label ? [label] : [];
  });
  return {
    fromObjectTypeId: from.objectTypeId,
    fromObjectId: numericId(from.id),
    toObjectTypeId: to.objectTypeId,
    toObjectId: numericId(to.id),
    labels,
  };
}

/** One entry of `BatchResponsePublicDefaultAssociation.results`. */
export const defaultAssociationJson = (fromId: string, toId: string, type: AssociationTypeDef) => ({
  from: { id: fromId },
  to: { id: toId },
  associationSpec: { associationCategory: type.category, associationTypeId: type.typeId },
});
