// Pieces the record routes share: the associations a record is created with, and the
// association blocks reads add.
import { validationError } from '../errors';
import type { SandboxStore } from '../store/sandbox-store';
import type { ObjectRecord, ObjectTypeDef } from '../store/state.schema';
import type { AssociationSpecInput } from '../store/association-store';
import {
  associationsBlock,
  recordJson,
  type RecordJson,
  type RecordViewOptions,
} from '../views/record-view';

export interface InlineAssociationInput {
  to: { id: string };
  types: readonly AssociationSpecInput[];
}

export interface ResolvedAssociation {
  toType: ObjectTypeDef;
  toId: string;
  typeIds: number[];
}

/**
 * Checks the `associations` of a create: every type must lead from this object to one object
 * type, and the target must exist. The target type is what the type id says it is.
 */
export function resolveInlineAssociations(
  store: SandboxStore,
  from: ObjectTypeDef,
  inputs: readonly InlineAssociationInput[] = [],
): ResolvedAssociation[] {
  return inputs.map((input, index) => {
    const first = input.types[0];
    const assocType = first ? store.associations.typeOf(first.associationTypeId) : undefined;
    const toType = assocType ? store.findType(assocType.toObjectTypeId) : undefined;
    if (!assocType || !toType || assocType.fromObjectTypeId !== from.objectTypeId) {
      throw validationError(
        `associations[${index}]: ${first?.associationTypeId} is not an association type id from ${from.name}`,
        { errors: [{ message: 'invalid association type', in: `associations[${index}].types` }] },
      );
    }
    const typeIds = store.associations.resolveSpecs(
      from.objectTypeId,
      toType.objectTypeId,
      input.types,
    );
    if (!store.records.get(toType, input.to.id)) {
      throw validationError(
        `associations[${index}]: ${toType.labels.singular} ${input.to.id} does not exist`,
        {
          errors: [{ message: 'associated record not found', in: `associations[${index}].to.id` }],
        },
      );
    }
    return { toType, toId: input.to.id, typeIds };
  });
}

export function applyInlineAssociations(
  store: SandboxStore,
  from: ObjectTypeDef,
  record: ObjectRecord,
  resolved: readonly ResolvedAssociation[],
): void {
  for (const { toType, toId, typeIds } of resolved) {
    store.associations.add(
      { objectTypeId: from.objectTypeId, id: record.id },
      { objectTypeId: toType.objectTypeId, id: toId },
      typeIds,
    );
  }
}

/** A record as reads return it, with the associations block when object types were asked for. */
export function readRecordJson(
  store: SandboxStore,
  type: ObjectTypeDef,
  record: ObjectRecord,
  view: RecordViewOptions,
  associations: readonly ObjectTypeDef[],
): RecordJson {
  const json = recordJson(type, record, view);
  if (associations.length === 0) return json;
  const block = associationsBlock(store, type, record, associations);
  return Object.keys(block).length > 0 ? { ...json, associations: block } : json;
}
