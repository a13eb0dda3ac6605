// How one of our property definitions becomes a HubSpot property: the `type`/`fieldType` pair,
// the options, the unique flag. Shared by the schemas API payloads, the properties API payloads
// and the app-object `*-hsmeta.json`, so the three can never map a type differently.
import type { PropertyDefinition, PropertyType } from '../objects/object-definition';

/** The HubSpot property types Baton uses (a subset of `PropertyCreateTypeEnum`). */
export type HubSpotPropertyType = 'string' | 'number' | 'date' | 'datetime' | 'enumeration';
/** The HubSpot field types Baton uses (a subset of `PropertyCreateFieldTypeEnum`). */
export type HubSpotFieldType =
  'text' | 'textarea' | 'number' | 'select' | 'date' | 'booleancheckbox';

export interface HubSpotOption {
  label: string;
  value: string;
  displayOrder: number;
  hidden: boolean;
}

/** The fields every HubSpot property body shares, whichever API or file it goes to. */
export interface HubSpotPropertyCore {
  name: string;
  label: string;
  description: string;
  type: HubSpotPropertyType;
  fieldType: HubSpotFieldType;
  options?: HubSpotOption[];
  hasUniqueValue?: true;
}

const TYPE_MAP: Record<PropertyType, { type: HubSpotPropertyType; fieldType: HubSpotFieldType }> = {
  string: { type: 'string', fieldType: 'text' },
  text: { type: 'string', fieldType: 'textarea' },
  number: { type: 'number', fieldType: 'number' },
  enumeration: { type: 'enumeration', fieldType: 'select' },
  // `date` is a calendar day; `datetime` an instant. Both are edited with the date picker.
  datetime: { type: 'datetime', fieldType: 'date' },
  date: { type: 'date', fieldType: 'date' },
  // An enumeration with the options `true`/`false` shown as one checkbox: the form every HubSpot
  // API version accepts (the newer `bool` type is not accepted everywhere the older form is).
  bool: { type: 'enumeration', fieldType: 'booleancheckbox' },
};

const BOOLEAN_OPTIONS = [
  { label: 'Yes', value: 'true' },
  { label: 'No', value: 'false' },
] as const;

export function hubspotType(type: PropertyType): {
  type: HubSpotPropertyType;
  fieldType: HubSpotFieldType;
} {
  return TYPE_MAP[type];
}

/** Options in the order of the definition: `displayOrder` is what HubSpot sorts them by. */
export function hubspotOptions(property: PropertyDefinition): HubSpotOption[] | undefined {
  const source = property.type === 'bool' ? BOOLEAN_OPTIONS : property.options;
  return source?.map(({ label, value }, displayOrder) => ({
    label,
    value,
    displayOrder,
    hidden: false,
  }));
}

export function hubspotPropertyCore(property: PropertyDefinition): HubSpotPropertyCore {
  const options = hubspotOptions(property);
  return {
    name: property.name,
    label: property.label,
    description: property.description,
    ...hubspotType(property.type),
    ...(options ? { options } : {}),
    ...(property.unique ? { hasUniqueValue: true as const } : {}),
  };
}
