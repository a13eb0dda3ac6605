// Property, group and schema definitions as HubSpot returns them (`Property`,
// `PropertyGroup`, `ObjectSchema`, `ObjectTypeDefinition`, `AssociationDefinition`).
import type { SandboxStore } from '../store/sandbox-store';
import type {
  AssociationTypeDef,
  ObjectTypeDef,
  PropertyDef,
  PropertyGroupDef,
  PropertyOption,
} from '../store/state.schema';

export function propertyOptions(store: SandboxStore, def: PropertyDef): PropertyOption[] {
  if (def.hubspotDefined && def.name === 'pipeline') {
    return store.pipelines.map((p, displayOrder) => ({
      label: p.label,
      value: p.id,
      displayOrder,
      hidden: false,
    }));
  }
  if (def.hubspotDefined && def.name === 'dealstage') {
    return store.pipelines
      .flatMap((p) => p.stages)
      .map((s, displayOrder) => ({ label: s.label, value: s.id, displayOrder, hidden: false }));
  }
  return def.options;
}

export function propertyJson(store: SandboxStore, def: PropertyDef) {
  return {
    name: def.name,
    label: def.label,
    type: def.type,
    fieldType: def.fieldType,
    description: def.description,
    groupName: def.groupName,
    options: propertyOptions(store, def),
    displayOrder: def.displayOrder,
    calculated: def.calculated,
    externalOptions: def.externalOptions,
    hasUniqueValue: def.hasUniqueValue,
    hidden: def.hidden,
    hubspotDefined: def.hubspotDefined,
    formField: def.formField,
    modificationMetadata: {
      archivable: !def.hubspotDefined,
      readOnlyDefinition: def.hubspotDefined,
      readOnlyValue: def.readOnlyValue,
      readOnlyOptions: def.externalOptions,
    },
    ...(def.showCurrencySymbol !== undefined ? { showCurrencySymbol: def.showCurrencySymbol } : {}),
    ...(def.referencedObjectType !== undefined
      ? { referencedObjectType: def.referencedObjectType }
      : {}),
    ...(def.calculationFormula !== undefined ? { calculationFormula: def.calculationFormula } : {}),
    createdAt: def.createdAt,
    updatedAt: def.updatedAt,
    archived: def.archived,
    ...(def.archivedAt !== undefined ? { archivedAt: def.archivedAt } : {}),
  };
}

export const groupJson = (group: PropertyGroupDef) => ({
  name: group.name,
  label: group.label,
  displayOrder: group.displayOrder,
  archived: group.archived,
});

export const associationDefinitionJson = (type: AssociationTypeDef) => ({
  id: String(type.typeId),
  fromObjectTypeId: type.fromObjectTypeId,
  toObjectTypeId: type.toObjectTypeId,
  name: type.name,
  createdAt: type.createdAt,
  updatedAt: type.updatedAt,
});

/** `ObjectTypeDefinition`: what PATCH returns. */
export function objectTypeDefinitionJson(store: SandboxStore, type: ObjectTypeDef) {
  return {
    id: type.id,
    objectTypeId: type.objectTypeId,
    fullyQualifiedName: type.fullyQualifiedName,
    name: type.name,
    labels: type.labels,
    ...(type.description !== undefined ? { description: type.description } : {}),
    ...(type.primaryDisplayProperty !== undefined
      ? { primaryDisplayProperty: type.primaryDisplayProperty }
      : {}),
    secondaryDisplayProperties: type.secondaryDisplayProperties,
    requiredProperties: type.requiredProperties,
    searchableProperties: type.searchableProperties,
    portalId: store.portalId,
    archived: type.archived,
    createdAt: type.createdAt,
    updatedAt: type.updatedAt,
  };
}

/** `ObjectSchema`: the definition with its properties and its association definitions. */
export function objectSchemaJson(store: SandboxStore, type: ObjectTypeDef) {
  const { portalId: _portalId, ...definition } = objectTypeDefinitionJson(store, type);
  const associations = store
    .types()
    .flatMap((other) => store.associations.typesBetween(type.objectTypeId, other.objectTypeId))
    .filter((t) => t.label === null)
    .map(associationDefinitionJson);
  return {
    ...definition,
    properties: type.properties.filter((p) => !p.archived).map((p) => propertyJson(store, p)),
    associations,
  };
}
