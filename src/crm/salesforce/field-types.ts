// How one of our property definitions becomes a Salesforce custom field: the type and the
// elements that type needs (a length, a precision, a restricted value set, a checkbox default),
// the External ID flags of a key. The Opportunity write-back fields and the Baton objects'
// fields both come through here, so one type is never mapped two ways.
import type { PropertyDefinition, PropertyType } from '../objects/object-definition';
import { type XmlElement, el, inMetadataOrder, present } from './metadata-xml';
import { SALESFORCE_LIMITS, customFieldName } from './salesforce-names';

export type SalesforceFieldType =
  | 'Text'
  | 'LongTextArea'
  | 'Number'
  | 'Percent'
  | 'Currency'
  | 'Picklist'
  | 'DateTime'
  | 'Date'
  | 'Checkbox';

/** Long text holds the handoff document (JSON): take the most Salesforce allows. */
export const LONG_TEXT_LENGTH = SALESFORCE_LIMITS.longTextLength;
const LONG_TEXT_VISIBLE_LINES = 5;

export function salesforceFieldType(property: PropertyDefinition): SalesforceFieldType {
  const byType: Record<PropertyType, SalesforceFieldType> = {
    string: 'Text',
    text: 'LongTextArea',
    number:
      property.format === 'percent'
        ? 'Percent'
        : property.format === 'currency'
          ? 'Currency'
          : 'Number',
    enumeration: 'Picklist',
    datetime: 'DateTime',
    date: 'Date',
    bool: 'Checkbox',
  };
  return byType[property.type];
}

function typeElements(property: PropertyDefinition, type: SalesforceFieldType): XmlElement[] {
  switch (type) {
    case 'Text':
      return [el('length', SALESFORCE_LIMITS.textLength)];
    case 'LongTextArea':
      return [el('length', LONG_TEXT_LENGTH), el('visibleLines', LONG_TEXT_VISIBLE_LINES)];
    case 'Number':
      return [el('precision', 18), el('scale', property.format === 'integer' ? 0 : 2)];
    case 'Percent':
    case 'Currency':
      return [el('precision', 18), el('scale', 2)];
    case 'Checkbox':
      // Salesforce requires a checkbox's default; unset means "no".
      return [el('defaultValue', false)];
    case 'Picklist':
      return [el('valueSet', picklistValueSet(property))];
    case 'DateTime':
    case 'Date':
      return [];
  }
}

/** A restricted value set: the definition's options, in its order, nothing else accepted. */
function picklistValueSet(property: PropertyDefinition): XmlElement[] {
  const options = property.options ?? [];
  if (options.length === 0) throw new Error(`${property.name}: a picklist needs options`);
  const values = options.map(({ value, label }) =>
    el('value', inMetadataOrder([el('fullName', value), el('default', false), el('label', label)])),
  );
  return [el('restricted', true), el('valueSetDefinition', [el('sorted', false), ...values])];
}

export interface FieldOptions {
  /** From the object's `requiredProperties`: Salesforce then refuses a record without it. */
  required?: boolean;
}

/** The children of a `CustomField` for one property, in the order the Metadata API reads. */
export function customFieldElements(
  property: PropertyDefinition,
  { required = false }: FieldOptions = {},
): XmlElement[] {
  const type = salesforceFieldType(property);
  // A key is an External ID: unique (case-sensitive, as Baton builds keys from ids) and the
  // field an upsert matches on, so a retried write updates instead of duplicating.
  const key = property.unique === true;
  return inMetadataOrder([
    el('fullName', customFieldName(property.name)),
    el('label', property.label),
    el('description', property.description),
    el('type', type),
    ...typeElements(property, type),
    ...present([
      ['externalId', key ? true : undefined],
      ['unique', key ? true : undefined],
      ['caseSensitive', key ? true : undefined],
      // A checkbox is never null, so Salesforce refuses `required` on one.
      ['required', type === 'Checkbox' ? undefined : required],
    ]),
  ]);
}
