// The properties API bodies: the deal write-back properties and their group, Baton's groups on
// its own objects, and what a portal's existing schema is missing.
import * as propertyModels from '@hubspot/api-client/lib/codegen/crm/properties';
import type {
  BatchInputPropertyCreate,
  PropertyCreate,
  PropertyGroupCreate,
} from '@hubspot/api-client/lib/codegen/crm/properties';
import {
  PROPERTY_BATCH_LIMIT,
  dealPropertyPayloads,
  missingPropertyGroupPayloads,
  missingPropertyPayloads,
  objectPropertyGroupPayloads,
  propertyBatchPayloads,
  propertyCreatePayload,
} from '../../src/crm/hubspot/property-payloads';
import { hubspotType } from '../../src/crm/hubspot/property-mapping';
import {
  batonObjects,
  dealProperties,
  type PropertyDefinition,
} from '../../src/crm/objects/data-model';
import { DEAL_PROPERTY_GROUP } from '../../src/crm/objects/deal-properties';
import { type Loose, modelMisfits } from './sdk-model-fit';

describe('the deal write-back properties', () => {
  const { group, properties } = dealPropertyPayloads();

  it('create the Baton group on deals', () => {
    expect(group).toEqual({ name: DEAL_PROPERTY_GROUP.name, label: DEAL_PROPERTY_GROUP.label });
    expect(modelMisfits(group, 'PropertyGroupCreate', propertyModels)).toEqual([]);
  });

  it('create every deal property of the definition, in order, in that group', () => {
    expect(properties.map((property) => property.name)).toEqual(
      dealProperties.map((property) => property.name),
    );
    for (const [index, property] of properties.entries()) {
      const definition: PropertyDefinition | undefined = dealProperties[index];
      expect(property).toMatchObject({
        label: definition?.label,
        description: definition?.description,
        groupName: DEAL_PROPERTY_GROUP.name,
        ...(definition ? hubspotType(definition.type) : {}),
      });
    }
  });

  it('list the states of the lifecycle as the options of baton_status, in order', () => {
    const status = properties.find((property) => property.name === 'baton_status');
    const definition = dealProperties.find((property) => property.name === 'baton_status');
    expect(status?.options?.map((option) => option.value)).toEqual(
      definition?.options?.map((option) => option.value),
    );
    expect(status?.options?.map((option) => option.displayOrder)).toEqual(
      definition?.options?.map((_option, index) => index),
    );
  });

  it('fit the SDK’s PropertyCreate and BatchInputPropertyCreate', () => {
    expect(
      modelMisfits({ inputs: properties }, 'BatchInputPropertyCreate', propertyModels),
    ).toEqual([]);
  });

  it('have every attribute the SDK requires (checked by the compiler)', () => {
    const typed: Loose<PropertyCreate>[] = properties;
    const batch: Loose<BatchInputPropertyCreate> = { inputs: properties };
    const typedGroup: Loose<PropertyGroupCreate> = group;
    expect([typed.length, batch.inputs.length, typedGroup.name]).toEqual([
      dealProperties.length,
      dealProperties.length,
      'baton',
    ]);
  });
});

describe('the properties of a Baton object through the properties API', () => {
  const handoff = batonObjects.handoff;

  it('go into Baton’s groups, which come first', () => {
    const groups = objectPropertyGroupPayloads(handoff);
    expect(groups.map((group) => group.name)).toEqual(handoff.groups.map((group) => group.name));
    for (const group of groups) {
      expect(modelMisfits(group, 'PropertyGroupCreate', propertyModels)).toEqual([]);
    }
    for (const property of handoff.properties) {
      expect(propertyCreatePayload(property).groupName).toBe(property.group);
    }
  });

  it('are only the ones a portal’s schema lacks, in definition order', () => {
    const existing = handoff.properties
      .map((property) => property.name)
      .filter((name) => name !== 'churn_risk' && name !== 'accepted_by');
    const missing = missingPropertyPayloads(handoff, existing);
    expect(missing.map((property) => property.name)).toEqual(['churn_risk', 'accepted_by']);
    expect(modelMisfits(missing, 'Array<PropertyCreate>', propertyModels)).toEqual([]);
  });

  it('are none when the schema has them all', () => {
    const all = handoff.properties.map((property) => property.name);
    expect(missingPropertyPayloads(handoff, all)).toEqual([]);
  });

  it('bring along the groups the schema lacks', () => {
    expect(missingPropertyGroupPayloads(handoff, ['baton_handoff'])).toEqual([
      { name: 'baton_handoff_scores', label: 'Handoff scores' },
      { name: 'baton_handoff_timeline', label: 'Handoff timeline' },
    ]);
  });
});

describe('batches of property bodies', () => {
  it('hold at most 100 inputs, the limit of HubSpot’s batch endpoints', () => {
    const many: PropertyDefinition[] = Array.from({ length: 250 }, (_unused, index) => ({
      name: `p_${index}`,
      label: `P ${index}`,
      description: 'd',
      type: 'string',
      group: 'g',
    }));
    const batches = propertyBatchPayloads(many);
    expect(batches.map((batch) => batch.inputs.length)).toEqual([100, 100, 50]);
    expect(PROPERTY_BATCH_LIMIT).toBe(100);
    expect(batches.flatMap((batch) => batch.inputs.map((input) => input.name))).toEqual(
      many.map((property) => property.name),
    );
  });
});
