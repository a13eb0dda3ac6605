// The association bodies of the custom-object path: the definitions between two Baton objects
// (`POST /crm/v3/schemas/{objectType}/associations`, an `AssociationDefinitionEgg`) and the
// labels (`POST /crm/v4/associations/{from}/{to}/labels`, a
// `PublicAssociationDefinitionCreateRequest`). Both need the object type ids HubSpot gives a
// custom object when it creates it, so the caller passes a resolver.
import { associations } from '../objects/associations';
import { batonObjects, isBatonObject } from '../objects/data-model';
import type { BatonObject, StandardObject } from '../objects/object-definition';

/** HubSpot's fixed object type ids of the standard objects. */
export const STANDARD_OBJECT_TYPE_IDS = {
  contact: '0-1',
  company: '0-2',
  deal: '0-3',
} as const satisfies Record<StandardObject, string>;

/**
 * The object type id (`2-…`) or fully qualified name (`p{portalId}_baton_handoff`) of a Baton
 * object in one portal. HubSpot no longer accepts a custom object's bare name in these paths.
 */
export type BatonObjectTypeResolver = (object: BatonObject) => string;

/** An `AssociationDefinitionEgg`. */
export interface AssociationDefinitionPayload {
  fromObjectTypeId: string;
  toObjectTypeId: string;
  name: string;
}

/** A `PublicAssociationDefinitionCreateRequest`. */
export interface AssociationLabelBody {
  label: string;
  name: string;
  inverseLabel?: string;
}

export interface AssociationLabelRequest {
  fromObjectType: string;
  toObjectType: string;
  body: AssociationLabelBody;
}

function objectTypeOf(type: BatonObject | StandardObject, resolve: BatonObjectTypeResolver) {
  return isBatonObject(type) ? resolve(type) : STANDARD_OBJECT_TYPE_IDS[type];
}

/**
 * The associations between two Baton objects. A custom object's associations with standard
 * objects come with its schema (`associatedObjects`); these cannot, since the other side has
 * no type id until it is created.
 */
export function customObjectAssociationPayloads(resolve: BatonObjectTypeResolver): {
  objectType: string;
  body: AssociationDefinitionPayload;
}[] {
  return associations.flatMap((association) => {
    const { from, to } = association;
    if (!isBatonObject(to)) return [];
    const fromObjectTypeId = resolve(from);
    return [
      {
        objectType: fromObjectTypeId,
        body: {
          fromObjectTypeId,
          toObjectTypeId: resolve(to),
          name: `${batonObjects[from].name}_to_${batonObjects[to].name}`,
        },
      },
    ];
  });
}

/** Every association label of the model, with the path segments of its endpoint. */
export function associationLabelRequests(
  resolve: BatonObjectTypeResolver,
): AssociationLabelRequest[] {
  return associations.flatMap((association) =>
    association.labels.map((label) => ({
      fromObjectType: objectTypeOf(association.from, resolve),
      toObjectType: objectTypeOf(association.to, resolve),
      body: {
        label: label.label,
        name: label.name,
        ...(label.inverseLabel ? { inverseLabel: label.inverseLabel } : {}),
      },
    })),
  );
}
