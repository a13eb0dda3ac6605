// Which `@hubspot/api-client` model each request schema mirrors. The fidelity test walks every
// pair and fails when a schema's keys (at any depth) differ from the model's
// `attributeTypeMap`, so a schema cannot drift from what the client sends.
import type { z } from 'zod';
import * as associations from './associations.requests';
import { associationSpecSchema, publicObjectIdSchema } from './common';
import * as definitions from './definitions.requests';
import * as objects from './objects.requests';

/** The api-client module a model lives in (under `lib/codegen/crm/`). */
export type ModelModule =
  'objects' | 'associations/v4' | 'associations/v4/schema' | 'schemas' | 'properties';

export interface RequestModel {
  schema: z.ZodType;
  module: ModelModule;
  /** The model's class name, or `Array<Name>` for a body that is a list. */
  model: string;
}

export const REQUEST_MODELS: Record<string, RequestModel> = {
  associationSpecSchema: {
    schema: associationSpecSchema,
    module: 'objects',
    model: 'AssociationSpec',
  },
  publicObjectIdSchema: {
    schema: publicObjectIdSchema,
    module: 'objects',
    model: 'PublicObjectId',
  },

  associationsForObjectSchema: {
    schema: objects.associationsForObjectSchema,
    module: 'objects',
    model: 'PublicAssociationsForObject',
  },
  objectCreateSchema: {
    schema: objects.objectCreateSchema,
    module: 'objects',
    model: 'SimplePublicObjectInputForCreate',
  },
  objectUpdateSchema: {
    schema: objects.objectUpdateSchema,
    module: 'objects',
    model: 'SimplePublicObjectInput',
  },
  batchCreateInputSchema: {
    schema: objects.batchCreateInputSchema,
    module: 'objects',
    model: 'SimplePublicObjectBatchInputForCreate',
  },
  batchCreateSchema: {
    schema: objects.batchCreateSchema,
    module: 'objects',
    model: 'BatchInputSimplePublicObjectBatchInputForCreate',
  },
  batchUpdateInputSchema: {
    schema: objects.batchUpdateInputSchema,
    module: 'objects',
    model: 'SimplePublicObjectBatchInput',
  },
  batchUpdateSchema: {
    schema: objects.batchUpdateSchema,
    module: 'objects',
    model: 'BatchInputSimplePublicObjectBatchInput',
  },
  batchUpsertInputSchema: {
    schema: objects.batchUpsertInputSchema,
    module: 'objects',
    model: 'SimplePublicObjectBatchInputUpsert',
  },
  batchUpsertSchema: {
    schema: objects.batchUpsertSchema,
    module: 'objects',
    model: 'BatchInputSimplePublicObjectBatchInputUpsert',
  },
  batchReadSchema: {
    schema: objects.batchReadSchema,
    module: 'objects',
    model: 'BatchReadInputSimplePublicObjectId',
  },
  batchArchiveSchema: {
    schema: objects.batchArchiveSchema,
    module: 'objects',
    model: 'BatchInputSimplePublicObjectId',
  },
  filterSchema: { schema: objects.filterSchema, module: 'objects', model: 'Filter' },
  filterGroupSchema: { schema: objects.filterGroupSchema, module: 'objects', model: 'FilterGroup' },
  searchRequestSchema: {
    schema: objects.searchRequestSchema,
    module: 'objects',
    model: 'PublicObjectSearchRequest',
  },

  associationSpecsSchema: {
    schema: associations.associationSpecsSchema,
    module: 'associations/v4',
    model: 'Array<AssociationSpec>',
  },
  associationMultiPostSchema: {
    schema: associations.associationMultiPostSchema,
    module: 'associations/v4',
    model: 'PublicAssociationMultiPost',
  },
  batchAssociationCreateSchema: {
    schema: associations.batchAssociationCreateSchema,
    module: 'associations/v4',
    model: 'BatchInputPublicAssociationMultiPost',
  },
  associationFetchSchema: {
    schema: associations.associationFetchSchema,
    module: 'associations/v4',
    model: 'PublicFetchAssociationsBatchRequest',
  },
  batchAssociationReadSchema: {
    schema: associations.batchAssociationReadSchema,
    module: 'associations/v4',
    model: 'BatchInputPublicFetchAssociationsBatchRequest',
  },
  associationMultiArchiveSchema: {
    schema: associations.associationMultiArchiveSchema,
    module: 'associations/v4',
    model: 'PublicAssociationMultiArchive',
  },
  batchAssociationArchiveSchema: {
    schema: associations.batchAssociationArchiveSchema,
    module: 'associations/v4',
    model: 'BatchInputPublicAssociationMultiArchive',
  },
  defaultAssociationPostSchema: {
    schema: associations.defaultAssociationPostSchema,
    module: 'associations/v4',
    model: 'PublicDefaultAssociationMultiPost',
  },
  batchAssociationDefaultSchema: {
    schema: associations.batchAssociationDefaultSchema,
    module: 'associations/v4',
    model: 'BatchInputPublicDefaultAssociationMultiPost',
  },
  labelCreateSchema: {
    schema: associations.labelCreateSchema,
    module: 'associations/v4/schema',
    model: 'PublicAssociationDefinitionCreateRequest',
  },
  labelUpdateSchema: {
    schema: associations.labelUpdateSchema,
    module: 'associations/v4/schema',
    model: 'PublicAssociationDefinitionUpdateRequest',
  },

  optionInputSchema: {
    schema: definitions.optionInputSchema,
    module: 'properties',
    model: 'OptionInput',
  },
  propertyCreateSchema: {
    schema: definitions.propertyCreateSchema,
    module: 'properties',
    model: 'PropertyCreate',
  },
  propertyUpdateSchema: {
    schema: definitions.propertyUpdateSchema,
    module: 'properties',
    model: 'PropertyUpdate',
  },
  batchPropertyCreateSchema: {
    schema: definitions.batchPropertyCreateSchema,
    module: 'properties',
    model: 'BatchInputPropertyCreate',
  },
  propertyNameSchema: {
    schema: definitions.propertyNameSchema,
    module: 'properties',
    model: 'PropertyName',
  },
  batchPropertyReadSchema: {
    schema: definitions.batchPropertyReadSchema,
    module: 'properties',
    model: 'BatchReadInputPropertyName',
  },
  batchPropertyArchiveSchema: {
    schema: definitions.batchPropertyArchiveSchema,
    module: 'properties',
    model: 'BatchInputPropertyName',
  },
  propertyGroupCreateSchema: {
    schema: definitions.propertyGroupCreateSchema,
    module: 'properties',
    model: 'PropertyGroupCreate',
  },
  propertyGroupUpdateSchema: {
    schema: definitions.propertyGroupUpdateSchema,
    module: 'properties',
    model: 'PropertyGroupUpdate',
  },
  objectLabelsSchema: {
    schema: definitions.objectLabelsSchema,
    module: 'schemas',
    model: 'ObjectTypeDefinitionLabels',
  },
  objectTypePropertyCreateSchema: {
    schema: definitions.objectTypePropertyCreateSchema,
    module: 'schemas',
    model: 'ObjectTypePropertyCreate',
  },
  objectSchemaEggSchema: {
    schema: definitions.objectSchemaEggSchema,
    module: 'schemas',
    model: 'ObjectSchemaEgg',
  },
  objectSchemaPatchSchema: {
    schema: definitions.objectSchemaPatchSchema,
    module: 'schemas',
    model: 'ObjectTypeDefinitionPatch',
  },
  associationDefinitionEggSchema: {
    schema: definitions.associationDefinitionEggSchema,
    module: 'schemas',
    model: 'AssociationDefinitionEgg',
  },
};
