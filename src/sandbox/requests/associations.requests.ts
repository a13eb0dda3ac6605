// Request bodies of associations v4 and their labels, each beside its api-client model.
// Batch limits: reads take 1,000 ids (HubSpot changelog, "Bug Fix: Batch Read Limit for
// HubSpot Associations API", Feb 2025); creates and archives 2,000 (as integrators document
// it, e.g. Workato's HubSpot connector; HubSpot's reference does not state it).
import { z } from 'zod';
import { associationSpecSchema, batchOf, idSchema, publicObjectIdSchema } from './common';

export const ASSOCIATION_READ_LIMIT = 1000;
export const ASSOCIATION_WRITE_LIMIT = 2000;

/** `Array<AssociationSpec>`: PUT /crm/v4/objects/{type}/{id}/associations/{toType}/{toId}. */
export const associationSpecsSchema = z.array(associationSpecSchema).min(1);

/** `PublicAssociationMultiPost`. */
export const associationMultiPostSchema = z.strictObject({
  types: z.array(associationSpecSchema).min(1),
  from: publicObjectIdSchema,
  to: publicObjectIdSchema,
});

/** `BatchInputPublicAssociationMultiPost` (batch create, batch labels archive). */
export const batchAssociationCreateSchema = z.strictObject({
  inputs: batchOf(associationMultiPostSchema, ASSOCIATION_WRITE_LIMIT),
});

/** `PublicFetchAssociationsBatchRequest`. */
export const associationFetchSchema = z.strictObject({
  id: idSchema,
  after: z.string().optional(),
});

/** `BatchInputPublicFetchAssociationsBatchRequest`. */
export const batchAssociationReadSchema = z.strictObject({
  inputs: batchOf(associationFetchSchema, ASSOCIATION_READ_LIMIT),
});

/** `PublicAssociationMultiArchive`. */
export const associationMultiArchiveSchema = z.strictObject({
  from: publicObjectIdSchema,
  to: z.array(publicObjectIdSchema),
});

/** `BatchInputPublicAssociationMultiArchive`. */
export const batchAssociationArchiveSchema = z.strictObject({
  inputs: batchOf(associationMultiArchiveSchema, ASSOCIATION_WRITE_LIMIT),
});

/** `PublicDefaultAssociationMultiPost`. */
export const defaultAssociationPostSchema = z.strictObject({
  from: publicObjectIdSchema,
  to: publicObjectIdSchema,
});

/** `BatchInputPublicDefaultAssociationMultiPost`. */
export const batchAssociationDefaultSchema = z.strictObject({
  inputs: batchOf(defaultAssociationPostSchema, ASSOCIATION_WRITE_LIMIT),
});

const labelName = z.string().regex(/^[a-z][a-z0-9_]*$/, {
  message: 'use lowercase letters, digits and underscores, starting with a letter',
});

/** `PublicAssociationDefinitionCreateRequest` (POST .../labels). */
export const labelCreateSchema = z.strictObject({
  label: z.string().min(1),
  name: labelName,
  inverseLabel: z.string().min(1).optional(),
});

/** `PublicAssociationDefinitionUpdateRequest` (PUT .../labels). */
export const labelUpdateSchema = z.strictObject({
  associationTypeId: z.number().int(),
  label: z.string().min(1),
  inverseLabel: z.string().min(1).optional(),
});
