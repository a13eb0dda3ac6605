// The association bodies of the custom-object path: definitions between Baton objects and the
// labels, with the object type ids of one portal.
import * as labelModels from '@hubspot/api-client/lib/codegen/crm/associations/v4/schema';
import type { PublicAssociationDefinitionCreateRequest } from '@hubspot/api-client/lib/codegen/crm/associations/v4/schema';
import * as schemaModels from '@hubspot/api-client/lib/codegen/crm/schemas';
import type { AssociationDefinitionEgg } from '@hubspot/api-client/lib/codegen/crm/schemas';
import {
  type BatonObjectTypeResolver,
  STANDARD_OBJECT_TYPE_IDS,
  associationLabelRequests,
  customObjectAssociationPayloads,
} from '../../src/crm/hubspot/association-payloads';
import { associations } from '../../src/crm/objects/data-model';
import { type Loose, modelMisfits } from './sdk-model-fit';

const TYPE_IDS = { handoff: '2-100', commitment: '2-200', stakeholder: '2-300' } as const;
const resolve: BatonObjectTypeResolver = (object) => TYPE_IDS[object];

describe('the association labels', () => {
  const requests = associationLabelRequests(resolve);

  it('are every label of the model, once', () => {
    const defined = associations.flatMap((association) =>
      association.labels.map((label) => label.name),
    );
    expect(requests.map((request) => request.body.name)).toEqual(defined);
  });

  it('label a handoff on its deal as the primary handoff, with the deal’s side named too', () => {
    expect(requests).toContainEqual({
      fromObjectType: '2-100',
      toObjectType: STANDARD_OBJECT_TYPE_IDS.deal,
      body: { label: 'Primary handoff', name: 'primary_handoff', inverseLabel: 'Handed-off deal' },
    });
  });

  it('name Baton objects by the portal’s type ids and standard objects by HubSpot’s', () => {
    expect(requests).toContainEqual(
      expect.objectContaining({ fromObjectType: '2-200', toObjectType: '2-100' }),
    );
    expect(requests).toContainEqual(
      expect.objectContaining({ fromObjectType: '2-300', toObjectType: '0-1' }),
    );
  });

  it('fit the SDK’s PublicAssociationDefinitionCreateRequest', () => {
    for (const { body } of requests) {
      expect(modelMisfits(body, 'PublicAssociationDefinitionCreateRequest', labelModels)).toEqual(
        [],
      );
      const typed: Loose<PublicAssociationDefinitionCreateRequest> = body;
      expect(typed.name).toBe(body.name);
    }
  });
});

describe('the associations between Baton objects', () => {
  const payloads = customObjectAssociationPayloads(resolve);

  it('link commitments and stakeholders to their handoff, from their own side', () => {
    expect(payloads).toEqual([
      {
        objectType: '2-200',
        body: {
          fromObjectTypeId: '2-200',
          toObjectTypeId: '2-100',
          name: 'baton_commitment_to_baton_handoff',
        },
      },
      {
        objectType: '2-300',
        body: {
          fromObjectTypeId: '2-300',
          toObjectTypeId: '2-100',
          name: 'baton_stakeholder_to_baton_handoff',
        },
      },
    ]);
  });

  it('fit the SDK’s AssociationDefinitionEgg', () => {
    for (const { body } of payloads) {
      expect(modelMisfits(body, 'AssociationDefinitionEgg', schemaModels)).toEqual([]);
      const typed: Loose<AssociationDefinitionEgg> = body;
      expect(typed.toObjectTypeId).toBe('2-100');
    }
  });
});
