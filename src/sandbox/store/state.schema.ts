// The sandbox portal as data: what is persisted to `sandbox.json` and what the seed builds.
// The file is a door too, so it is read through this schema, and the types come from it.
import { z } from 'zod';

export const PROPERTY_TYPES = [
  'string',
  'number',
  'date',
  'datetime',
  'enumeration',
  'bool',
] as const;
export const ASSOCIATION_CATEGORIES = [
  'HUBSPOT_DEFINED',
  'USER_DEFINED',
  'INTEGRATOR_DEFINED',
] as const;

const optionSchema = z.object({
  label: z.string(),
  value: z.string(),
  description: z.string().optional(),
  displayOrder: z.number().int(),
  hidden: z.boolean(),
});

export const propertyDefSchema = z.object({
  name: z.string(),
  label: z.string(),
  type: z.enum(PROPERTY_TYPES),
  fieldType: z.string(),
  groupName: z.string(),
  description: z.string(),
  options: z.array(optionSchema),
  displayOrder: z.number().int(),
  hasUniqueValue: z.boolean(),
  hidden: z.boolean(),
  formField: z.boolean(),
  calculated: z.boolean(),
  externalOptions: z.boolean(),
  hubspotDefined: z.boolean(),
  /** HubSpot computes or owns the value (`modificationMetadata.readOnlyValue`). */
  readOnlyValue: z.boolean(),
  showCurrencySymbol: z.boolean().optional(),
  referencedObjectType: z.string().optional(),
  calculationFormula: z.string().optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
  archived: z.boolean(),
  archivedAt: z.string().optional(),
});

export const propertyGroupSchema = z.object({
  name: z.string(),
  label: z.string(),
  displayOrder: z.number().int(),
  archived: z.boolean(),
});

export const objectTypeSchema = z.object({
  /** `0-3` for deals, `2-<n>` for a custom object. */
  objectTypeId: z.string(),
  /** The schema id of a custom object (the `<n>` of `2-<n>`); the type id for standard ones. */
  id: z.string(),
  kind: z.enum(['standard', 'custom']),
  /** `deals`, `contacts`, ... for standard objects; the schema name for custom ones. */
  name: z.string(),
  /** `deal`, `contact`, ...: the word association type names are built from. */
  singularName: z.string(),
  fullyQualifiedName: z.string(),
  labels: z.object({ singular: z.string(), plural: z.string() }),
  description: z.string().optional(),
  primaryDisplayProperty: z.string().optional(),
  secondaryDisplayProperties: z.array(z.string()),
  requiredProperties: z.array(z.string()),
  searchableProperties: z.array(z.string()),
  properties: z.array(propertyDefSchema),
  groups: z.array(propertyGroupSchema),
  createdAt: z.string(),
  updatedAt: z.string(),
  archived: z.boolean(),
});

export const objectRecordSchema = z.object({
  id: z.string(),
  properties: z.record(z.string(), z.string()),
  createdAt: z.string(),
  updatedAt: z.string(),
  archived: z.boolean(),
  archivedAt: z.string().optional(),
});

export const associationTypeSchema = z.object({
  typeId: z.number().int(),
  category: z.enum(ASSOCIATION_CATEGORIES),
  fromObjectTypeId: z.string(),
  toObjectTypeId: z.string(),
  /** `deal_to_contact`, or a label's internal name: the `type` of v3 association blocks. */
  name: z.string(),
  label: z.string().nullable(),
  inverseTypeId: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const associationEdgeSchema = z.object({
  fromObjectTypeId: z.string(),
  fromId: z.string(),
  toObjectTypeId: z.string(),
  toId: z.string(),
  typeIds: z.array(z.number().int()),
});

export const pipelineStageSchema = z.object({
  id: z.string(),
  label: z.string(),
  displayOrder: z.number().int(),
  metadata: z.object({ isClosed: z.enum(['true', 'false']), probability: z.string() }),
});

export const pipelineSchema = z.object({
  id: z.string(),
  label: z.string(),
  displayOrder: z.number().int(),
  stages: z.array(pipelineStageSchema),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const teamSchema = z.object({ id: z.string(), name: z.string() });

export const ownerSchema = z.object({
  id: z.string(),
  userId: z.number().int(),
  email: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  teams: z.array(z.object({ id: z.string(), name: z.string(), primary: z.boolean() })),
  createdAt: z.string(),
  updatedAt: z.string(),
  archived: z.boolean(),
});

export const sandboxStateSchema = z.object({
  version: z.literal(1),
  portalId: z.number().int().positive(),
  counters: z.object({
    objectId: z.number().int(),
    schemaId: z.number().int(),
    associationTypeId: z.number().int(),
  }),
  objectTypes: z.array(objectTypeSchema),
  /** Records by `objectTypeId`. */
  records: z.record(z.string(), z.array(objectRecordSchema)),
  associationTypes: z.array(associationTypeSchema),
  associations: z.array(associationEdgeSchema),
  pipelines: z.array(pipelineSchema),
  owners: z.array(ownerSchema),
});

export type PropertyType = (typeof PROPERTY_TYPES)[number];
export type AssociationCategory = (typeof ASSOCIATION_CATEGORIES)[number];
export type PropertyDef = z.infer<typeof propertyDefSchema>;
export type PropertyOption = z.infer<typeof optionSchema>;
export type PropertyGroupDef = z.infer<typeof propertyGroupSchema>;
export type ObjectTypeDef = z.infer<typeof objectTypeSchema>;
export type ObjectRecord = z.infer<typeof objectRecordSchema>;
export type AssociationTypeDef = z.infer<typeof associationTypeSchema>;
export type AssociationEdge = z.infer<typeof associationEdgeSchema>;
export type PipelineStageDef = z.infer<typeof pipelineStageSchema>;
export type PipelineDef = z.infer<typeof pipelineSchema>;
export type OwnerDef = z.infer<typeof ownerSchema>;
export type SandboxState = z.infer<typeof sandboxStateSchema>;
