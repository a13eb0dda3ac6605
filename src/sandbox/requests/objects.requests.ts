// Request bodies of the objects API (`/crm/v3/objects/{type}`, its batch and search routes).
// Each schema mirrors one `@hubspot/api-client` model, named beside it; a test compares their
// keys with the models' `attributeTypeMap`s so they cannot drift.
import { z } from 'zod';
import {
  associationSpecSchema,
  batchOf,
  idSchema,
  propertyValuesSchema,
  publicObjectIdSchema,
} from './common';

/** `PublicAssociationsForObject`: an association made with the record. */
export const associationsForObjectSchema = z.strictObject({
  to: publicObjectIdSchema,
  types: z.array(associationSpecSchema).min(1),
});

/** `SimplePublicObjectInputForCreate` (POST /crm/v3/objects/{type}). */
export const objectCreateSchema = z.strictObject({
  properties: propertyValuesSchema,
  associations: z.array(associationsForObjectSchema).optional(),
});

/** `SimplePublicObjectInput` (PATCH /crm/v3/objects/{type}/{id}). */
export const objectUpdateSchema = z.strictObject({ properties: propertyValuesSchema });

/** `SimplePublicObjectBatchInputForCreate`. */
export const batchCreateInputSchema = z.strictObject({
  properties: propertyValuesSchema,
  associations: z.array(associationsForObjectSchema).optional(),
  objectWriteTraceId: z.string().optional(),
});

/** `BatchInputSimplePublicObjectBatchInputForCreate`. */
export const batchCreateSchema = z.strictObject({ inputs: batchOf(batchCreateInputSchema) });

/** `SimplePublicObjectBatchInput`. */
export const batchUpdateInputSchema = z.strictObject({
  id: idSchema,
  idProperty: z.string().optional(),
  objectWriteTraceId: z.string().optional(),
  properties: propertyValuesSchema,
});

/** `BatchInputSimplePublicObjectBatchInput`. */
export const batchUpdateSchema = z.strictObject({ inputs: batchOf(batchUpdateInputSchema) });

/** `SimplePublicObjectBatchInputUpsert`. */
export const batchUpsertInputSchema = z.strictObject({
  id: idSchema,
  idProperty: z.string().optional(),
  objectWriteTraceId: z.string().optional(),
  properties: propertyValuesSchema,
});

/** `BatchInputSimplePublicObjectBatchInputUpsert`. */
export const batchUpsertSchema = z.strictObject({ inputs: batchOf(batchUpsertInputSchema) });

/** `BatchReadInputSimplePublicObjectId`. */
export const batchReadSchema = z.strictObject({
  inputs: batchOf(publicObjectIdSchema),
  properties: z.array(z.string()).optional(),
  propertiesWithHistory: z.array(z.string()).optional(),
  idProperty: z.string().optional(),
});

/** `BatchInputSimplePublicObjectId` (batch archive). */
export const batchArchiveSchema = z.strictObject({ inputs: batchOf(publicObjectIdSchema) });

export const FILTER_OPERATORS = [
  'EQ',
  'NEQ',
  'LT',
  'LTE',
  'GT',
  'GTE',
  'BETWEEN',
  'IN',
  'NOT_IN',
  'HAS_PROPERTY',
  'NOT_HAS_PROPERTY',
  'CONTAINS_TOKEN',
  'NOT_CONTAINS_TOKEN',
] as const;

const filterValueSchema = z.union([z.string(), z.number(), z.boolean()]).transform(String);

/** `Filter`. */
export const filterSchema = z.strictObject({
  propertyName: z.string().min(1),
  operator: z.enum(FILTER_OPERATORS),
  value: filterValueSchema.optional(),
  values: z.array(filterValueSchema).optional(),
  highValue: filterValueSchema.optional(),
});

/** `FilterGroup`. HubSpot allows 6 filters in a group. */
export const filterGroupSchema = z.strictObject({ filters: z.array(filterSchema).max(6) });

/**
 * A sort: the model types it as a string (`"-createdate"` sorts descending); HubSpot's docs
 * show the object form, which it also takes.
 */
const sortSchema = z.union([
  z.string().min(1),
  z.strictObject({
    propertyName: z.string().min(1),
    direction: z.enum(['ASCENDING', 'DESCENDING']),
  }),
]);

/** `PublicObjectSearchRequest`. HubSpot allows 5 groups, a `limit` of 200. */
export const searchRequestSchema = z.strictObject({
  query: z.string().optional(),
  limit: z.number().int().min(0).max(200).optional(),
  after: z.union([z.string(), z.number().int()]).transform(String).optional(),
  sorts: z.array(sortSchema).optional(),
  properties: z.array(z.string()).optional(),
  filterGroups: z.array(filterGroupSchema).max(5).optional(),
});

export type SearchRequest = z.output<typeof searchRequestSchema>;
export type SearchFilter = z.output<typeof filterSchema>;
