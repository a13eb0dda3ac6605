// A compact way to write property definitions: the standard objects' defaults and the
// properties HubSpot gives every new custom object are declared with it.
import type {
  PropertyDef,
  PropertyGroupDef,
  PropertyOption,
  PropertyType,
} from '../store/state.schema';

/** When HubSpot's own properties were "created": a fixed instant keeps the seed deterministic. */
export const HUBSPOT_DEFINED_AT = '2020-01-01T00:00:00.000Z';

export interface PropertySpec {
  name: string;
  label: string;
  type: PropertyType;
  fieldType: string;
  group: string;
  description?: string;
  options?: readonly (string | readonly [value: string, label: string])[];
  readOnly?: boolean;
  calculated?: boolean;
  unique?: boolean;
  externalOptions?: boolean;
  currency?: boolean;
  hidden?: boolean;
}

const humanize = (value: string) =>
  value.charAt(0).toUpperCase() + value.slice(1).toLowerCase().replace(/_/g, ' ');

export function optionList(
  options: readonly (string | readonly [string, string])[] = [],
): PropertyOption[] {
  return options.map((option, displayOrder) => {
    const [value, label] = typeof option === 'string' ? [option, humanize(option)] : option;
    return { value, label, displayOrder, hidden: false };
  });
}

export function buildProperty(
  spec: PropertySpec,
  displayOrder: number,
  at: string = HUBSPOT_DEFINED_AT,
  hubspotDefined = true,
): PropertyDef {
  return {
    name: spec.name,
    label: spec.label,
    type: spec.type,
    fieldType: spec.fieldType,
    groupName: spec.group,
    description: spec.description ?? '',
    options: optionList(spec.options),
    displayOrder,
    hasUniqueValue: spec.unique ?? false,
    hidden: spec.hidden ?? false,
    formField: !(spec.readOnly ?? false),
    calculated: spec.calculated ?? false,
    externalOptions: spec.externalOptions ?? false,
    hubspotDefined,
    readOnlyValue: spec.readOnly ?? false,
    ...(spec.currency ? { showCurrencySymbol: true } : {}),
    createdAt: at,
    updatedAt: at,
    archived: false,
  };
}

export const buildProperties = (specs: readonly PropertySpec[]): PropertyDef[] =>
  specs.map((spec, index) => buildProperty(spec, index));

export const buildGroups = (groups: readonly (readonly [name: string, label: string])[]) =>
  groups.map(([name, label], displayOrder): PropertyGroupDef => ({
    name,
    label,
    displayOrder,
    archived: false,
  }));

/** The properties HubSpot adds to every new custom object. */
export const CUSTOM_OBJECT_DEFAULT_PROPERTIES: readonly PropertySpec[] = [
  {
    name: 'hs_object_id',
    label: 'Record ID',
    type: 'number',
    fieldType: 'number',
    group: '',
    readOnly: true,
  },
  {
    name: 'hs_createdate',
    label: 'Object create date/time',
    type: 'datetime',
    fieldType: 'date',
    group: '',
    readOnly: true,
  },
  {
    name: 'hs_lastmodifieddate',
    label: 'Object last modified date/time',
    type: 'datetime',
    fieldType: 'date',
    group: '',
    readOnly: true,
  },
  {
    name: 'hubspot_owner_id',
    label: 'Owner',
    type: 'enumeration',
    fieldType: 'select',
    group: '',
    externalOptions: true,
  },
];
