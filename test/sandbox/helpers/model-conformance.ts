// Checks JSON and zod schemas against the api-client's generated models. A model describes
// itself with `attributeTypeMap` (`{ name, baseName, type }`, `type` as written in TypeScript:
// `string`, `Date`, `Array<Filter>`, `{ [key: string]: string; }`, an enum or a model name).
import * as associationsV4 from '@hubspot/api-client/lib/codegen/crm/associations/v4';
import * as associationsSchema from '@hubspot/api-client/lib/codegen/crm/associations/v4/schema';
import * as objects from '@hubspot/api-client/lib/codegen/crm/objects';
import * as owners from '@hubspot/api-client/lib/codegen/crm/owners';
import * as pipelines from '@hubspot/api-client/lib/codegen/crm/pipelines';
import * as properties from '@hubspot/api-client/lib/codegen/crm/properties';
import * as schemas from '@hubspot/api-client/lib/codegen/crm/schemas';
import { z } from 'zod';

export type ModuleName =
  | 'objects'
  | 'associations/v4'
  | 'associations/v4/schema'
  | 'schemas'
  | 'properties'
  | 'pipelines'
  | 'owners';

const MODULES: Record<ModuleName, Record<string, unknown>> = {
  objects,
  'associations/v4': associationsV4,
  'associations/v4/schema': associationsSchema,
  schemas,
  properties,
  pipelines,
  owners,
};

export interface Attribute {
  name: string;
  baseName: string;
  type: string;
}

interface ModelClass {
  getAttributeTypeMap(): Attribute[];
}

const isModel = (value: unknown): value is ModelClass =>
  typeof value === 'function' &&
  typeof (value as Partial<ModelClass>).getAttributeTypeMap === 'function';

export function attributesOf(module: ModuleName, model: string): Attribute[] {
  const found = MODULES[module][model];
  if (!isModel(found)) throw new Error(`${module} has no model ${model}`);
  return found.getAttributeTypeMap();
}

function enumValues(module: ModuleName, type: string): string[] | undefined {
  const found = MODULES[module][type];
  return found && typeof found === 'object'
    ? Object.values(found as Record<string, string>)
    : undefined;
}

const ARRAY = /^Array<(.+)>$/;
const MAP = /^\{ \[key: string\]: (.+); \}$/;

export interface ConformanceOptions {
  /** `Model.attribute`s where HubSpot sends a JSON number although the model says string. */
  numericStrings?: ReadonlySet<string>;
  /** `Model.attribute`s where HubSpot sends `null` although the model says string. */
  nullableStrings?: ReadonlySet<string>;
  /** `Model.key`s HubSpot sends that the model does not list (the error `status`). */
  extraKeys?: ReadonlySet<string>;
}

/** Every way `value` departs from `type`; empty when it conforms. */
export function responseMismatches(
  value: unknown,
  type: string,
  module: ModuleName,
  path = '$',
  options: ConformanceOptions = {},
  owner = '',
): string[] {
  if (value === undefined) return [];
  const array = ARRAY.exec(type);
  if (array) {
    if (!Array.isArray(value)) return [`${path}: expected an array (${type})`];
    return value.flatMap((item, i) =>
      responseMismatches(item, array[1] ?? 'any', module, `${path}[${i}]`, options),
    );
  }
  const map = MAP.exec(type);
  if (map) {
    if (typeof value !== 'object' || value === null || Array.isArray(value))
      return [`${path}: expected an object map (${type})`];
    return Object.entries(value).flatMap(([k, v]) =>
      responseMismatches(v, map[1] ?? 'any', module, `${path}.${k}`, options),
    );
  }
  const union = type.split(' | ');
  if (union.length > 1) {
    return union.some(
      (member) => responseMismatches(value, member, module, path, options, owner).length === 0,
    )
      ? []
      : [`${path}: ${JSON.stringify(value)} is none of ${type}`];
  }
  if (value === null && options.nullableStrings?.has(owner)) return [];
  switch (type) {
    case 'any':
      return [];
    case 'null':
      return value === null ? [] : [`${path}: expected null`];
    case 'string':
      if (typeof value === 'number' && options.numericStrings?.has(owner)) return [];
      return typeof value === 'string'
        ? []
        : [`${path}: expected a string, got ${JSON.stringify(value)}`];
    case 'number':
      return typeof value === 'number'
        ? []
        : [`${path}: expected a number, got ${JSON.stringify(value)}`];
    case 'boolean':
      return typeof value === 'boolean'
        ? []
        : [`${path}: expected a boolean, got ${JSON.stringify(value)}`];
    case 'Date':
      return typeof value === 'string' && !Number.isNaN(Date.parse(value))
        ? []
        : [`${path}: expected an ISO date, got ${JSON.stringify(value)}`];
  }
  const values = enumValues(module, type);
  if (values)
    return values.includes(String(value))
      ? []
      : [`${path}: ${JSON.stringify(value)} is not one of ${type} (${values.join(', ')})`];
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return [`${path}: expected a ${type} object`];
  const attributes = attributesOf(module, type);
  const known = new Map(attributes.map((a) => [a.baseName, a]));
  return Object.entries(value).flatMap(([key, v]) => {
    const attribute = known.get(key);
    if (!attribute)
      return options.extraKeys?.has(`${type}.${key}`)
        ? []
        : [`${path}.${key}: not an attribute of ${type}`];
    return responseMismatches(
      v,
      attribute.type,
      module,
      `${path}.${key}`,
      options,
      `${type}.${key}`,
    );
  });
}

type Leaf = 'string' | 'number' | 'boolean' | 'null';

function leafKinds(schema: z.ZodType): Leaf[] | undefined {
  if (
    schema instanceof z.ZodString ||
    schema instanceof z.ZodEnum ||
    schema instanceof z.ZodLiteral
  )
    return ['string'];
  if (schema instanceof z.ZodNumber) return ['number'];
  if (schema instanceof z.ZodBoolean) return ['boolean'];
  if (schema instanceof z.ZodNull) return ['null'];
  return undefined;
}

function unwrap(schema: z.ZodType): z.ZodType {
  if (
    schema instanceof z.ZodOptional ||
    schema instanceof z.ZodNullable ||
    schema instanceof z.ZodDefault
  ) {
    return unwrap(schema.def.innerType as z.ZodType);
  }
  if (schema instanceof z.ZodPipe) return unwrap(schema.def.in as z.ZodType);
  return schema;
}

/**
 * Every way a zod request schema departs from the model: a key the model lacks, a model
 * attribute the schema lacks (at every depth), or a different shape (list, map, value kind).
 */
export function schemaMismatches(
  input: z.ZodType,
  type: string,
  module: ModuleName,
  path = '$',
): string[] {
  const schema = unwrap(input);
  if (schema instanceof z.ZodUnion) {
    const options = schema.def.options as z.ZodType[];
    return options.some((option) => schemaMismatches(option, type, module, path).length === 0)
      ? []
      : [`${path}: no member of the union fits ${type}`];
  }
  const array = ARRAY.exec(type);
  if (array) {
    if (!(schema instanceof z.ZodArray))
      return [`${path}: the model has ${type}, the schema no array`];
    return schemaMismatches(
      schema.def.element as z.ZodType,
      array[1] ?? 'any',
      module,
      `${path}[]`,
    );
  }
  const map = MAP.exec(type);
  if (map) {
    if (!(schema instanceof z.ZodRecord))
      return [`${path}: the model has ${type}, the schema no record`];
    return schemaMismatches(
      schema.def.valueType as z.ZodType,
      map[1] ?? 'any',
      module,
      `${path}{}`,
    );
  }
  const leaf = leafKinds(schema);
  if (['string', 'number', 'boolean'].includes(type) || enumValues(module, type)) {
    const wanted = enumValues(module, type) ? 'string' : type;
    return leaf?.includes(wanted as Leaf)
      ? []
      : [`${path}: the model has ${type}, the schema something else`];
  }
  if (!(schema instanceof z.ZodObject))
    return [`${path}: the model has ${type}, the schema no object`];
  const attributes = attributesOf(module, type);
  const shape = schema.def.shape as Record<string, z.ZodType>;
  const keys = new Set(Object.keys(shape));
  const mismatches: string[] = [];
  for (const attribute of attributes) {
    const field = shape[attribute.baseName];
    if (!field)
      mismatches.push(`${path}.${attribute.baseName}: in ${type}, missing from the schema`);
    else
      mismatches.push(
        ...schemaMismatches(field, attribute.type, module, `${path}.${attribute.baseName}`),
      );
    keys.delete(attribute.baseName);
  }
  for (const key of keys)
    mismatches.push(`${path}.${key}: in the schema, not an attribute of ${type}`);
  return mismatches;
}
