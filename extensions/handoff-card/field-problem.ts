// What the card says under a text field while it is typed: the core's own "filled" rule, so a
// placeholder the backend will count as missing is flagged before it is saved.
import { isFilledText } from '../../src/core/document/filled';

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
