// Checks a payload against the generated models of @hubspot/api-client: every key must be an
// attribute of the model (by its JSON name, `baseName`), every nested object must fit its own
// model, and every enum-typed value must be one of the enum's values. The SDK serialises only
// the attributes it knows, so a key outside the model would be silently dropped on the way to
// HubSpot: this is what catches it.

interface AttributeType {
  name: string;
  baseName: string;
  type: string;
}

interface ModelClass {
  getAttributeTypeMap(): AttributeType[];
}

/** A codegen module's exports: model classes and enum objects, looked up by type name. */
export type ModelNamespace = Readonly<Record<string, unknown>>;

const NUMBER_TYPES = new Set(['number', 'integer', 'long', 'double', 'float']);

function isModel(candidate: unknown): candidate is ModelClass {
  return typeof candidate === 'function' && 'getAttributeTypeMap' in candidate;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Every way `value` does not fit the model type `type`; empty when it fits. */
export function modelMisfits(
  value: unknown,
  type: string,
  models: ModelNamespace,
  path: string = type,
): string[] {
  const array = /^Array<(.+)>$/.exec(type);
  if (array?.[1]) {
    if (!Array.isArray(value)) return [`${path}: expected an array`];
    const element = array[1];
    return value.flatMap((item: unknown, index) =>
      modelMisfits(item, element, models, `${path}[${index}]`),
    );
  }
  if (type === 'string' || type === 'boolean') {
    return typeof value === type ? [] : [`${path}: expected a ${type}`];
  }
  if (NUMBER_TYPES.has(type)) {
    return typeof value === 'number' ? [] : [`${path}: expected a number`];
  }
  const declared = models[type];
  if (isModel(declared)) {
    if (!isPlainObject(value)) return [`${path}: expected an object (${type})`];
    const attributes = declared.getAttributeTypeMap();
    return Object.entries(value).flatMap(([key, item]) => {
      const attribute = attributes.find((candidate) => candidate.baseName === key);
      if (!attribute) return [`${path}.${key}: not an attribute of ${type}`];
      return modelMisfits(item, attribute.type, models, `${path}.${key}`);
    });
  }
  if (isPlainObject(declared)) {
    const allowed = Object.values(declared);
    return allowed.includes(value)
      ? []
      : [`${path}: ${JSON.stringify(value)} is not one of ${type} (${allowed.join(', ')})`];
  }
  return [`${path}: the SDK declares no type ${type}`];
}

/**
 * The SDK's model types with their string enums opened up to their values, so that a plain
 * payload can be checked for the required attributes by the compiler: TypeScript treats an enum
 * as its own type, and `'string'` is not assignable to `PropertyCreateTypeEnum.String`.
 */
export type Loose<T> = { [K in keyof T]: LooseValue<T[K]> };
type LooseValue<V> = V extends string
  ? `${V}`
  : V extends readonly (infer E)[]
    ? LooseValue<E>[]
    : V extends object
      ? Loose<V>
      : V;
