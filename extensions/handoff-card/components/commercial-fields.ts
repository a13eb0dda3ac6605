// The commercial terms as the card edits them: the contract value is typed as text and read as
// the schema reads an amount (a finite number of 0 or more), so a value the backend would refuse
// is said as it is typed instead of failing the save.
import type { HandoffDocument } from '../card-types';

export type Commercial = NonNullable<HandoffDocument['commercial']>;
export type CommercialField = keyof Commercial;
export type CommercialTextField = Exclude<CommercialField, 'contractValue'>;

export const COMMERCIAL_TEXT_FIELDS: readonly CommercialTextField[] = [
  'discount',
  'paymentTerms',
  'specialTerms',
];

// Thousands separators and spaces as people type them: "120,000" and "120 000".
const SEPARATORS = /[\s,]/g;
const AMOUNT = /^\d+(?:\.\d+)?$/;

export function amountText(value: number | null | undefined): string {
  return value === null || value === undefined ? '' : String(value);
}

/** The typed amount as the document stores it: null while blank. Only call when it has no problem. */
export function parseAmount(text: string): number | null {
  const compact = text.replace(SEPARATORS, '');
  return compact === '' ? null : Number(compact);
}

/** What the contract value field says as it is typed; any message blocks the save. */
export function amountProblem(text: string): string | null {
  const compact = text.replace(SEPARATORS, '');
  if (compact === '') return null;
  if (compact.startsWith('-')) return 'The contract value cannot be negative.';
  if (!AMOUNT.test(compact) || !Number.isFinite(Number(compact))) {
    return 'Write the contract value as a number, for example 120000.';
  }
  return null;
}
