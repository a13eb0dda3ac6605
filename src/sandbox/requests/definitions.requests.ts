// Request bodies of the schemas and properties APIs, each beside its api-client model.
import { z } from 'zod';
import { PROPERTY_TYPES } from '../store/state.schema';
import { batchOf } from './common';

/** `OptionInput`. */
export const optionInputSchema = z.strictObject({
  label: z.string(),
  value: z.string(),
  description: z.string().optional(),
  displayOrder: z.number().int().optional(),
  hidden: z.boolean().optional(),
});

const FIELD_TYPES = [
  'textarea',
  'text',
  'date',
  'file',
  'number',
  'select',
  'radio',
  'checkbox',
  'booleancheckbox',
  'calculation_equation',
  'html',
  'phonenumber',
] as const;

/** `PropertyCreate` (properties API). */
export const propertyCreateSchema = z.strictObject({
  name: z.string().min(1),
  label: z.string().min(1),
  type: z.enum(PROPERTY_TYPES),
  fieldType: z.enum(FIELD_TYPES),
  groupName: z.string().min(1),
  description: z.string().optional(),
  options: z.array(optionInputSchema).optional(),
  displayOrder: z.number().int().optional(),
  hasUniqueValue: z.boolean().optional(),
  hidden: z.boolean().optional(),
  formField: z.boolean().optional(),
  calculationFormula: z.string().optional(),
  referencedObjectType: z.string().optional(),
  externalOptions: z.boolean().optional(),
});

/** `PropertyUpdate`. */
export const propertyUpdateSchema = z.strictObject({
  label: z.string().min(1).optional(),
  type: z.enum(PROPERTY_TYPES).optional(),
  fieldType: z.enum(FIELD_TYPES).optional(),
  groupName: z.string().min(1).optional(),
  description: z.string().optional(),
  options: z.array(optionInputSchema).optional(),
  displayOrder: z.number().int().optional(),
  hidden: z.boolean().optional(),
  formField: z.boolean().optional(),
  calculationFormula: z.string().optional(),
});

/** `BatchInputPropertyCreate`. */
export const batchPropertyCreateSchema = z.strictObject({ inputs: batchOf(propertyCreateSchema) });

/** `PropertyName`. */
export const propertyNameSchema = z.strictObject({ name: z.string().min(1) });

/** `BatchReadInputPropertyName`. */
export const batchPropertyReadSchema = z.strictObject({
  inputs: batchOf(propertyNameSchema),
  archived: z.boolean().optional(),
});

/** `BatchInputPropertyName` (batch archive). */
export const batchPropertyArchiveSchema = z.strictObject({ inputs: batchOf(propertyNameSchema) });

/** `PropertyGroupCreate`. */
export const propertyGroupCreateSchema = z.strictObject({
  name: z
    .string()
    .regex(/^[a-z][a-z0-9_]*$/, { message: 'use lowercase letters, digits and underscores' }),
  label: z.string().min(1),
  displayOrder: z.number().int().optional(),
});

/** `PropertyGroupUpdate`. */
export const propertyGroupUpdateSchema = z.strictObject({
  label: z.string().min(1).optional(),
  displayOrder: z.number().int().optional(),
});

/** `ObjectTypeDefinitionLabels`. */
export const objectLabelsSchema = z.strictObject({
  singular: z.string().min(1).optional(),
  plural: z.string().min(1).optional(),
});

/** `ObjectTypePropertyCreate` (a property inside a new schema). */
export const objectTypePropertyCreateSchema = z.strictObject({
  name: z.string().min(1),
  label: z.string().min(1),
  type: z.enum(PROPERTY_TYPES),
  fieldType: z.enum(FIELD_TYPES).optional(),
  groupName: z.string().optional(),
  description: z.string().optional(),
  options: z.array(optionInputSchema).optional(),
  displayOrder: z.number().int().optional(),
  hasUniqueValue: z.boolean().optional(),
  hidden: z.boolean().optional(),
  formField: z.boolean().optional(),
  showCurrencySymbol: z.boolean().optional(),
  referencedObjectType: z.string().optional(),
  searchableInGlobalSearch: z.boolean().optional(),
  optionSortStrategy: z.enum(['DISPLAY_ORDER', 'ALPHABETICAL']).optional(),
  textDisplayHint: z
    .enum([
      'unformatted_single_line',
      'multi_line',
      'email',
      'phone_number',
      'domain_name',
      'ip_address',
      'physical_address',
      'postal_code',
    ])
    .optional(),
  numberDisplayHint: z
    .enum(['unformatted', 'formatted', 'currency', 'percentage', 'duration', 'probability'])
    .optional(),
});

/** `ObjectSchemaEgg` (POST /crm/v3/schemas). */
export const objectSchemaEggSchema = z.strictObject({
  name: z.string().min(1),
  labels: objectLabelsSchema,
  description: z.string().optional(),
  primaryDisplayProperty: z.string().optional(),
  secondaryDisplayProperties: z.array(z.string()).optional(),
  searchableProperties: z.array(z.string()).optional(),
  requiredProperties: z.array(z.string()).default([]),
  properties: z.array(objectTypePropertyCreateSchema),
  associatedObjects: z.array(z.string()).default([]),
});

/** `ObjectTypeDefinitionPatch` (PATCH /crm/v3/schemas/{objectType}). */
export const objectSchemaPatchSchema = z.strictObject({
  labels: objectLabelsSchema.optional(),
  description: z.string().optional(),
  clearDescription: z.boolean().optional(),
  primaryDisplayProperty: z.string().optional(),
  secondaryDisplayProperties: z.array(z.string()).optional(),
  searchableProperties: z.array(z.string()).optional(),
  requiredProperties: z.array(z.string()).optional(),
  restorable: z.boolean().optional(),
});

/** `AssociationDefinitionEgg` (POST /crm/v3/schemas/{objectType}/associations). */
export const associationDefinitionEggSchema = z.strictObject({
  fromObjectTypeId: z.string().min(1),
  toObjectTypeId: z.string().min(1),
  name: z.string().optional(),
});
