// SOQL is built here and nowhere else: every value goes through `soqlLiteral`, so a name like
// O'Brien or an id a caller made up can never change what a query means.

/** Salesforce record ids: 15 case-sensitive or 18 case-insensitive characters. */
const SALESFORCE_ID = /^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/;

export function isSalesforceId(value: string): boolean {
  return SALESFORCE_ID.test(value);
}

// The escapes SOQL defines for quoted strings (SOQL and SOSL Reference, "Quoted String Escape
// Sequences"). Backslash first, so the escapes added after it are not escaped again.
const ESCAPES: [RegExp, string][] = [
  [/\\/g, '\\\\'],
  [/'/g, "\\'"],
  [/"/g, '\\"'],
  [/\n/g, '\\n'],
  [/\r/g, '\\r'],
  [/\t/g, '\\t'],
  [/\f/g, '\\f'],
  [new RegExp(String.fromCharCode(8), 'g'), '\\b'],
];

export type SoqlValue = string | number | boolean | null | Date;

/**
 * One value as a SOQL literal: strings quoted and escaped, numbers and booleans as they are,
 * instants as an unquoted dateTime in UTC to the second (`2026-11-02T10:00:00Z`).
 */
export function soqlLiteral(value: SoqlValue): string {
  if (value === null) return 'null';
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw new Error('an invalid date cannot be a SOQL value');
    return value.toISOString().replace(/\.\d{3}Z$/, 'Z');
  }
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`${value} cannot be a SOQL value`);
    return String(value);
  }
  return `'${ESCAPES.reduce((text, [pattern, escaped]) => text.replace(pattern, escaped), value)}'`;
}

/**
 * A tagged template for queries: the text is written in code, every interpolation is a value.
 * soql`SELECT Id FROM Contact WHERE LastName = ${name}`
 */
export function soql(text: TemplateStringsArray, ...values: SoqlValue[]): string {
  return text.reduce(
    (query, part, i) => query + part + (i < values.length ? soqlLiteral(values[i]!) : ''),
    '',
  );
}
