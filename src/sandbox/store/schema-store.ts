// Object schemas (custom objects) and property definitions of every object. A new custom
// object gets `2-<n>`, `p{portalId}_{name}`, HubSpot's default properties, a property group
// and unlabeled association types to each of its `associatedObjects`.
import { type Clock, toIso } from '../clock';
import { alreadyExistsError, notFoundError, validationError } from '../errors';
import { CUSTOM_OBJECT_DEFAULT_PROPERTIES, buildProperty } from '../model/property-builder';
import type { AssociationStore } from './association-store';
import {
  type PropertyInput,
  assertGroup,
  buildCustomProperty,
  checkPropertyInput,
} from './property-rules';
import type { ObjectTypeDef, PropertyDef, PropertyGroupDef } from './state.schema';
import type { StoreData } from './store-data';
import { resolveType } from './type-registry';

export interface SchemaInput {
  name: string;
  labels: { singular?: string; plural?: string };
  description?: string;
  primaryDisplayProperty?: string;
  secondaryDisplayProperties?: readonly string[];
  searchableProperties?: readonly string[];
  requiredProperties: readonly string[];
  properties: readonly PropertyInput[];
  associatedObjects: readonly string[];
}

export interface SchemaPatch {
  labels?: { singular?: string; plural?: string };
  description?: string;
  clearDescription?: boolean;
  primaryDisplayProperty?: string;
  secondaryDisplayProperties?: readonly string[];
  searchableProperties?: readonly string[];
  requiredProperties?: readonly string[];
}

export type PropertyPatch = Partial<
  Omit<
    PropertyInput,
    'name' | 'hasUniqueValue' | 'externalOptions' | 'referencedObjectType' | 'showCurrencySymbol'
  >
>;

const SCHEMA_NAME = /^[a-zA-Z][a-zA-Z0-9_]*$/;

export class SchemaStore {
  constructor(
    private readonly data: StoreData,
    private readonly clock: Clock,
    private readonly associations: AssociationStore,
    private readonly changed: () => void,
  ) {}

  private now = () => toIso(this.clock.now());

  customTypes(archived = false): ObjectTypeDef[] {
    return [...this.data.types.values()].filter(
      (t) => t.kind === 'custom' && t.archived === archived,
    );
  }

  private assertNames(
    type: ObjectTypeDef,
    names: readonly string[] | undefined,
    field: string,
  ): void {
    for (const name of names ?? []) {
      if (!type.properties.some((p) => p.name === name && !p.archived)) {
        throw validationError(
          `${field} names ${JSON.stringify(name)}, which is not a property of ${type.name}`,
          {
            errors: [{ message: 'unknown property', in: field }],
          },
        );
      }
    }
  }

  createSchema(input: SchemaInput): ObjectTypeDef {
    if (!SCHEMA_NAME.test(input.name))
      throw validationError(
        `name ${JSON.stringify(input.name)} must start with a letter and use only letters, digits and underscores`,
      );
    if (
      [...this.data.types.values()].some(
        (t) => t.kind === 'custom' && t.name.toLowerCase() === input.name.toLowerCase(),
      )
    ) {
      throw alreadyExistsError(`Object type with name ${input.name} already exists`);
    }
    const targets = input.associatedObjects.map((ref) => resolveType(this.data, ref));
    const at = this.now();
    const schemaId = String(this.data.counters.schemaId++);
    const groupName = `${input.name.toLowerCase()}_information`;
    const singular = input.labels.singular ?? input.name;
    input.properties.forEach((p, i) => checkPropertyInput(p, `properties[${i}].`));
    const names = input.properties.map((p) => p.name);
    const repeated = names.find((n, i) => names.indexOf(n) !== i);
    if (repeated !== undefined) throw validationError(`property ${repeated} is defined twice`);
    const defaults = CUSTOM_OBJECT_DEFAULT_PROPERTIES.filter((d) => !names.includes(d.name)).map(
      (spec, i) => buildProperty({ ...spec, group: groupName }, i, at, true),
    );
    const type: ObjectTypeDef = {
      objectTypeId: `2-${schemaId}`,
      id: schemaId,
      kind: 'custom',
      name: input.name,
      singularName: input.name.toLowerCase(),
      fullyQualifiedName: `p${this.data.portalId}_${input.name}`,
      labels: { singular, plural: input.labels.plural ?? singular },
      ...(input.description !== undefined ? { description: input.description } : {}),
      ...(input.primaryDisplayProperty !== undefined
        ? { primaryDisplayProperty: input.primaryDisplayProperty }
        : {}),
      secondaryDisplayProperties: [...(input.secondaryDisplayProperties ?? [])],
      requiredProperties: [...input.requiredProperties],
      searchableProperties: [...(input.searchableProperties ?? [])],
      properties: [
        ...defaults,
        ...input.properties.map((p, i) =>
          buildCustomProperty(p, defaults.length + i, p.groupName ?? groupName, at),
        ),
      ],
      groups: [
        { name: groupName, label: `${singular} information`, displayOrder: 0, archived: false },
      ],
      createdAt: at,
      updatedAt: at,
      archived: false,
    };
    this.assertNames(type, [...type.requiredProperties], 'requiredProperties');
    this.assertNames(type, type.searchableProperties, 'searchableProperties');
    this.assertNames(type, type.secondaryDisplayProperties, 'secondaryDisplayProperties');
    this.assertNames(
      type,
      type.primaryDisplayProperty ? [type.primaryDisplayProperty] : [],
      'primaryDisplayProperty',
    );
    for (const p of type.properties) assertGroup(type.groups, p.groupName);
    this.data.types.set(type.objectTypeId, type);
    this.data.records.set(type.objectTypeId, new Map());
    for (const target of targets) this.definePair(type, target);
    this.changed();
    return type;
  }

  /** Unlabeled association types both ways between two objects (`p_x_to_deal`). */
  definePair(from: ObjectTypeDef, to: ObjectTypeDef, name?: string) {
    return this.associations.definePair(
      from.objectTypeId,
      to.objectTypeId,
      name ?? `${from.singularName}_to_${to.singularName}`,
    );
  }

  updateSchema(type: ObjectTypeDef, patch: SchemaPatch): ObjectTypeDef {
    const next: ObjectTypeDef = { ...type, labels: { ...type.labels, ...patch.labels } };
    if (patch.clearDescription) delete next.description;
    else if (patch.description !== undefined) next.description = patch.description;
    if (patch.primaryDisplayProperty !== undefined)
      next.primaryDisplayProperty = patch.primaryDisplayProperty;
    if (patch.secondaryDisplayProperties)
      next.secondaryDisplayProperties = [...patch.secondaryDisplayProperties];
    if (patch.searchableProperties) next.searchableProperties = [...patch.searchableProperties];
    if (patch.requiredProperties) next.requiredProperties = [...patch.requiredProperties];
    this.assertNames(next, next.requiredProperties, 'requiredProperties');
    this.assertNames(next, next.searchableProperties, 'searchableProperties');
    this.assertNames(next, next.secondaryDisplayProperties, 'secondaryDisplayProperties');
    Object.assign(type, next, { updatedAt: this.now() });
    this.changed();
    return type;
  }

  /** HubSpot only deletes a custom object once it has no records left. */
  archiveSchema(type: ObjectTypeDef): void {
    const live = [...(this.data.records.get(type.objectTypeId)?.values() ?? [])].filter(
      (r) => !r.archived,
    ).length;
    if (live > 0)
      throw validationError(
        `${type.name} still has ${live} records: delete them before the object type`,
      );
    type.archived = true;
    type.updatedAt = this.now();
    this.changed();
  }

  property(type: ObjectTypeDef, name: string, archived = false): PropertyDef {
    const def = type.properties.find((p) => p.name === name && p.archived === archived);
    if (!def)
      throw notFoundError(`Unable to find property ${name} on ${type.name}`, {
        context: { propertyName: [name] },
      });
    return def;
  }

  createProperty(type: ObjectTypeDef, input: PropertyInput): PropertyDef {
    checkPropertyInput(input);
    if (type.properties.some((p) => p.name === input.name)) {
      throw alreadyExistsError(`Property named '${input.name}' already exists on ${type.name}`, {
        context: { propertyName: [input.name] },
      });
    }
    const groupName = input.groupName ?? type.groups[0]?.name ?? '';
    assertGroup(type.groups, groupName);
    const def = buildCustomProperty(input, type.properties.length, groupName, this.now());
    type.properties.push(def);
    this.changed();
    return def;
  }

  updateProperty(type: ObjectTypeDef, name: string, patch: PropertyPatch): PropertyDef {
    const def = this.property(type, name);
    if (def.hubspotDefined && (patch.type !== undefined || patch.fieldType !== undefined)) {
      throw validationError(`The type of HubSpot-defined property ${name} cannot be changed`);
    }
    const merged = { ...def, ...patch, options: patch.options ?? def.options };
    checkPropertyInput({ ...merged, name });
    if (patch.groupName !== undefined) assertGroup(type.groups, patch.groupName);
    const rebuilt = buildCustomProperty(
      { ...merged, name, hasUniqueValue: def.hasUniqueValue },
      def.displayOrder,
      merged.groupName,
      def.createdAt,
    );
    Object.assign(def, {
      ...rebuilt,
      hubspotDefined: def.hubspotDefined,
      readOnlyValue: def.readOnlyValue,
      calculated: def.calculated,
      externalOptions: def.externalOptions,
      updatedAt: this.now(),
    });
    this.changed();
    return def;
  }

  archiveProperty(type: ObjectTypeDef, name: string): void {
    const def = this.property(type, name);
    if (def.hubspotDefined)
      throw validationError(`HubSpot-defined property ${name} cannot be deleted`);
    Object.assign(def, { archived: true, archivedAt: this.now() });
    this.changed();
  }

  group(type: ObjectTypeDef, name: string): PropertyGroupDef {
    const group = type.groups.find((g) => g.name === name && !g.archived);
    if (!group) throw notFoundError(`Unable to find property group ${name} on ${type.name}`);
    return group;
  }

  createGroup(
    type: ObjectTypeDef,
    input: { name: string; label: string; displayOrder?: number },
  ): PropertyGroupDef {
    if (type.groups.some((g) => g.name === input.name))
      throw alreadyExistsError(
        `Property group named '${input.name}' already exists on ${type.name}`,
      );
    const group = {
      name: input.name,
      label: input.label,
      displayOrder: input.displayOrder ?? type.groups.length,
      archived: false,
    };
    type.groups.push(group);
    this.changed();
    return group;
  }

  updateGroup(
    type: ObjectTypeDef,
    name: string,
    patch: { label?: string; displayOrder?: number },
  ): PropertyGroupDef {
    const group = this.group(type, name);
    Object.assign(group, patch);
    this.changed();
    return group;
  }

  archiveGroup(type: ObjectTypeDef, name: string): void {
    this.group(type, name).archived = true;
    this.changed();
  }
}
