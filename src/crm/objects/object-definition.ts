// The shape of Baton's CRM data model, in our own words. One definition per object; the
// HubSpot schemas API payloads, the HubSpot app-object `*-hsmeta.json` and the Salesforce
// metadata are all generated from these, never written by hand.

export type PropertyType =
  'string' | 'text' | 'number' | 'enumeration' | 'datetime' | 'date' | 'bool';

export interface PropertyOption {
  value: string;
  label: string;
}

export interface PropertyDefinition {
  /** snake_case; also the HubSpot internal name, and the base of the Salesforce API name. */
  name: string;
  label: string;
  description: string;
  /** `string` is one line (255 characters), `text` is long text. */
  type: PropertyType;
  group: string;
  options?: readonly PropertyOption[];
  /** A unique-value key: the id property of idempotent upserts. */
  unique?: boolean;
  /** Number display hint. */
  format?: 'integer' | 'percent' | 'currency';
  /** Whether Baton owns the value (read-only on CRM forms; CS edits through the card). */
  calculated?: boolean;
}

export interface PropertyGroup {
  name: string;
  label: string;
}

export interface ObjectDefinition {
  /** Our name for the object: `handoff`, `commitment`, `stakeholder`. */
  key: string;
  /** HubSpot schema name and Salesforce object base name. */
  name: string;
  labels: { singular: string; plural: string };
  /** At most 72 characters: HubSpot app objects refuse a longer object description. */
  description: string;
  primaryDisplayProperty: string;
  /** In priority order: HubSpot app objects show only the first two. */
  secondaryDisplayProperties: readonly string[];
  searchableProperties: readonly string[];
  requiredProperties: readonly string[];
  /** The unique key property used for upserts. */
  keyProperty: string;
  groups: readonly PropertyGroup[];
  properties: readonly PropertyDefinition[];
}

/** The CRM's standard objects Baton associates with. */
export type StandardObject = 'deal' | 'company' | 'contact';
export type BatonObject = 'handoff' | 'commitment' | 'stakeholder';

export interface AssociationLabel {
  /** snake_case name, e.g. `primary_handoff`. */
  name: string;
  label: string;
  /** The label read from the other side, when it differs. */
  inverseLabel?: string;
}

export interface AssociationDefinition {
  from: BatonObject;
  to: BatonObject | StandardObject;
  description: string;
  labels: readonly AssociationLabel[];
}

export function options(
  values: readonly string[],
  labels?: Readonly<Record<string, string>>,
): PropertyOption[] {
  return values.map((value) => ({ value, label: labels?.[value] ?? humanize(value) }));
}

export function humanize(snake: string): string {
  const words = snake.replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
