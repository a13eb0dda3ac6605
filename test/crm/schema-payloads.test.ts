// The custom-object schema bodies: the definition in full, in HubSpot's words, and nothing the
// SDK's ObjectSchemaEgg model would drop on the way.
import * as schemaModels from '@hubspot/api-client/lib/codegen/crm/schemas';
import type { ObjectSchemaEgg } from '@hubspot/api-client/lib/codegen/crm/schemas';
import { PropertyCreateFieldTypeEnum } from '@hubspot/api-client/lib/codegen/crm/properties';
import { type HubSpotFieldType, hubspotType } from '../../src/crm/hubspot/property-mapping';
import {
  objectSchemaPayload,
  objectSchemaPayloads,
  schemaPropertyPayload,
} from '../../src/crm/hubspot/schema-payloads';
import {
  type BatonObject,
  batonObjects,
  type ObjectDefinition,
  type PropertyDefinition,
  type PropertyType,
} from '../../src/crm/objects/data-model';
import { type Loose, modelMisfits } from './sdk-model-fit';

const objects: (ObjectDefinition & { key: BatonObject })[] = Object.values(batonObjects);

describe('the HubSpot type of each property type', () => {
  it.each<[PropertyType, string, HubSpotFieldType]>([
    ['string', 'string', 'text'],
    ['text', 'string', 'textarea'],
    ['number', 'number', 'number'],
    ['enumeration', 'enumeration', 'select'],
    ['datetime', 'datetime', 'date'],
    ['date', 'date', 'date'],
    ['bool', 'enumeration', 'booleancheckbox'],
  ])('maps %s to %s / %s', (ours, type, fieldType) => {
    expect(hubspotType(ours)).toEqual({ type, fieldType });
  });

  it('gives a yes/no property the options true and false', () => {
    const property: PropertyDefinition = {
      name: 'in_contract',
      label: 'In the contract',
      description: 'd',
      type: 'bool',
      group: 'g',
    };
    expect(schemaPropertyPayload(property).options).toEqual([
      { label: 'Yes', value: 'true', displayOrder: 0, hidden: false },
      { label: 'No', value: 'false', displayOrder: 1, hidden: false },
    ]);
  });
});

describe.each(objects)('the schema of the $labels.singular object', (object) => {
  const payload = objectSchemaPayload(object);
  const byName = new Map(payload.properties.map((property) => [property.name, property]));

  it('carries its name, labels, description and display, search and required lists', () => {
    expect(payload).toMatchObject({
      name: object.name,
      labels: object.labels,
      description: object.description,
      primaryDisplayProperty: object.primaryDisplayProperty,
      secondaryDisplayProperties: [...object.secondaryDisplayProperties],
      searchableProperties: [...object.searchableProperties],
      requiredProperties: [...object.requiredProperties],
    });
  });

  it('has every property of the definition, in its order, with its label and description', () => {
    expect(payload.properties.map((property) => property.name)).toEqual(
      object.properties.map((property) => property.name),
    );
    for (const property of object.properties) {
      expect(byName.get(property.name)).toMatchObject({
        label: property.label,
        description: property.description,
        ...hubspotType(property.type),
      });
    }
  });

  it('flags the upsert key, and only it, as unique', () => {
    const unique = payload.properties.filter((property) => property.hasUniqueValue);
    expect(unique.map((property) => property.name)).toEqual([object.keyProperty]);
    expect(byName.get(object.keyProperty)?.hasUniqueValue).toBe(true);
  });

  it('lists every option of an enumeration, in order', () => {
    for (const property of object.properties.filter((p) => p.type === 'enumeration')) {
      expect(byName.get(property.name)?.options).toEqual(
        (property.options ?? []).map(({ label, value }, displayOrder) => ({
          label,
          value,
          displayOrder,
          hidden: false,
        })),
      );
    }
  });

  it('shows integers unformatted', () => {
    for (const property of object.properties.filter((p) => p.format === 'integer')) {
      expect(byName.get(property.name)?.numberDisplayHint).toBe('unformatted');
    }
  });

  it('fits the SDK’s ObjectSchemaEgg: known keys and allowed enum values only', () => {
    expect(modelMisfits(payload, 'ObjectSchemaEgg', schemaModels)).toEqual([]);
  });

  it('uses field types the properties API knows (the schema model types it as a string)', () => {
    const allowed: string[] = Object.values(PropertyCreateFieldTypeEnum);
    for (const property of payload.properties) expect(allowed).toContain(property.fieldType);
  });
});

describe('the schemas of all objects', () => {
  it('associate each object at creation with the standard objects it links to', () => {
    const payloads = objectSchemaPayloads();
    expect(payloads.handoff.associatedObjects).toEqual(['DEAL', 'COMPANY', 'CONTACT']);
    // Links between two Baton objects come after both exist (association-payloads.ts).
    expect(payloads.commitment.associatedObjects).toEqual([]);
    expect(payloads.stakeholder.associatedObjects).toEqual(['CONTACT']);
  });

  it('have every attribute the SDK requires (checked by the compiler)', () => {
    const typed: Loose<ObjectSchemaEgg>[] = Object.values(objectSchemaPayloads());
    expect(typed).toHaveLength(objects.length);
  });

  it('are the same every time', () => {
    expect(JSON.stringify(objectSchemaPayloads())).toBe(JSON.stringify(objectSchemaPayloads()));
  });
});

describe('the fidelity check itself', () => {
  it('names a key the SDK model does not have', () => {
    const payload = { ...objectSchemaPayloads().handoff, groups: [] };
    expect(modelMisfits(payload, 'ObjectSchemaEgg', schemaModels)).toEqual([
      'ObjectSchemaEgg.groups: not an attribute of ObjectSchemaEgg',
    ]);
  });

  it('names an enum value the SDK does not allow', () => {
    const [first, ...rest] = objectSchemaPayloads().handoff.properties;
    const payload = {
      ...objectSchemaPayloads().handoff,
      properties: [{ ...first, type: 'text' }, ...rest],
    };
    expect(modelMisfits(payload, 'ObjectSchemaEgg', schemaModels)).toEqual([
      expect.stringMatching(/^ObjectSchemaEgg\.properties\[0\]\.type: "text" is not one of/),
    ]);
  });
});
