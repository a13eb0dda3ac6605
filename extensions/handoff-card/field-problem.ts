// What the card says under a field while it is typed: the core's own "filled" rule, so a
// placeholder the backend will count as missing is flagged before it is saved, and the schema's
// date rule built from the same parts (no zod in the card bundle).
import { isIsoDate, isIsoDateTime } from '../../src/core/document/dates';
import { isFilledText, isNotApplicable } from '../../src/core/document/filled';

export const MAX_LENGTH = 4000;

/** The message for `value`, or null when it is fine. Only `isTooLong` messages block a save. */
export function fieldProblem(value: string, maxLength = MAX_LENGTH): string | null {
  if (value.length > maxLength) return `Keep this under ${maxLength} characters.`;
  if (value.trim() !== '' && !isFilledText(value)) {
    return `"${value.trim()}" counts as missing: fill it in, or write N/A if it does not apply.`;
  }
  return null;
}

export function isTooLong(problem: string | null): boolean {
  return problem?.startsWith('Keep') ?? false;
}

/**
 * The schema's date rule: a date or date-time parses, "N/A" is filled, and blank or a
 * placeholder is accepted as missing (only the placeholder is flagged here: blank says nothing).
 * Anything else the backend would refuse, and `isUnparsableDate` says so.
 */
export function dateProblem(value: string, noun: string): string | null {
  const text = value.trim();
  if (text === '') return null;
  if (!isFilledText(text)) return `"${text}" counts as missing: write the date as YYYY-MM-DD.`;
  if (isNotApplicable(text) || isIsoDate(text) || isIsoDateTime(text)) return null;
  return `Write the ${noun} as YYYY-MM-DD, for example 2026-12-15.`;
}

export function isUnparsableDate(problem: string | null): boolean {
  return problem?.startsWith('Write') ?? false;
}
