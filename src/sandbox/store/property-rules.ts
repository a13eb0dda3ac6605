// What a property definition may be: HubSpot's names, type and field type pairs, and options.
import { validationError } from '../errors';
import type { PropertyDef, PropertyGroupDef, PropertyType } from './state.schema';

export interface OptionInput {
  label: string;
  value: string;
  description?: string;
  displayOrder?: number;
  hidden?: boolean;
}

export interface PropertyInput {
  name: string;
  label: string;
  type: PropertyType;
  fieldType?: string;
  groupName?: string;
  description?: string;
  options?: readonly OptionInput[];
  displayOrder?: number;
  hasUniqueValue?: boolean;
  hidden?: boolean;
  formField?: boolean;
  showCurrencySymbol?: boolean;
  referencedObjectType?: string;
  calculationFormula?: string;
  externalOptions?: boolean;
}

/** Field types HubSpot accepts for each property type. */
const FIELD_TYPES: Record<PropertyType, readonly string[]> = {
  string: ['text', 'textarea', 'html', 'phonenumber', 'file'],
  number: ['number', 'calculation_equation'],
  date: ['date'],
  datetime: ['date'],
  enumeration: ['select', 'radio', 'checkbox', 'booleancheckbox', 'calculation_equation'],
  bool: ['booleancheckbox', 'calculation_equation'],
};

const DEFAULT_FIELD_TYPE: Record<PropertyType, string> = {
  string: 'text',
  number: 'number',
  date: 'date',
  datetime: 'date',
  enumeration: 'select',
  bool: 'booleancheckbox',
};

export const PROPERTY_NAME = /^[a-z][a-z0-9_]*$/;

export function checkPropertyInput(input: PropertyInput, at = ''): void {
  const where = at === '' ? '' : `${at}: `;
  if (!PROPERTY_NAME.test(input.name)) {
    throw validationError(
      `${where}property name ${JSON.stringify(input.name)} must start with a lowercase letter and use only lowercase letters, digits and underscores`,
      { errors: [{ message: 'invalid property name', in: `${at}name` }] },
    );
  }
  const fieldType = input.fieldType ?? DEFAULT_FIELD_TYPE[input.type];
  if (!FIELD_TYPES[input.type].includes(fieldType)) {
    throw validationError(
      `${where}fieldType ${JSON.stringify(fieldType)} is not valid for a property of type ${input.type} (use one of ${FIELD_TYPES[input.type].join(', ')})`,
      { errors: [{ message: 'fieldType does not fit type', in: `${at}fieldType` }] },
    );
  }
  if (input.hasUniqueValue && input.type !== 'string' && input.type !== 'number') {
    throw validationError(
      `${where}only string and number properties can have unique values (${input.name} is ${input.type})`,
    );
  }
  const values = (input.options ?? []).map((o) => o.value);
  const repeated = values.find((v, i) => values.indexOf(v) !== i);
  if (repeated !== undefined)
    throw validationError(
      `${where}option value ${JSON.stringify(repeated)} appears twice in ${input.name}`,
    );
}

export function buildCustomProperty(
  input: PropertyInput,
  displayOrder: number,
  groupName: string,
  at: string,
): PropertyDef {
  const options =
    input.type === 'bool' && (input.options ?? []).length === 0
      ? [
          { label: 'Yes', value: 'true' },
          { label: 'No', value: 'false' },
        ]
      : (input.options ?? []);
  return {
    name: input.name,
    label: input.label,
    type: input.type,
    fieldType: input.fieldType ?? DEFAULT_FIELD_TYPE[input.type],
    groupName,
    description: input.description ?? '',
    options: options.map((o, index) => ({
      label: o.label,
      value: o.value,
      ...('description' in o && o.description !== undefined ? { description: o.description } : {}),
      displayOrder: ('displayOrder' in o ? o.displayOrder : undefined) ?? index,
      hidden: ('hidden' in o ? o.hidden : undefined) ?? false,
    })),
    displayOrder: input.displayOrder ?? displayOrder,
    hasUniqueValue: input.hasUniqueValue ?? false,
    hidden: input.hidden ?? false,
    formField: input.formField ?? true,
    calculated: input.fieldType === 'calculation_equation',
    externalOptions: input.externalOptions ?? false,
    hubspotDefined: false,
    readOnlyValue: input.fieldType === 'calculation_equation',
    ...(input.showCurrencySymbol !== undefined
      ? { showCurrencySymbol: input.showCurrencySymbol }
      : {}),
    ...(input.referencedObjectType !== undefined
      ? { referencedObjectType: input.referencedObjectType }
      : {}),
    ...(input.calculationFormula !== undefined
      ? { calculationFormula: input.calculationFormula }
      : {}),
    createdAt: at,
    updatedAt: at,
    archived: false,
  };
}

export function assertGroup(groups: readonly PropertyGroupDef[], name: string): void {
  if (!groups.some((g) => g.name === name && !g.archived)) {
    throw validationError(`property group ${JSON.stringify(name)} does not exist`, {
      errors: [{ message: 'unknown property group', in: 'groupName' }],
    });
  }
}
