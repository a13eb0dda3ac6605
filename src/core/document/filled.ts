// "Filled" per PROTOCOL.md section 2: a non-blank value that is not a placeholder. "N/A" in any
// case counts as filled (the protocol asks people to write it where a field does not apply);
// TBD, TODO, ?, -, ..., "n/a?" and whitespace do not.

// Dashes of every kind: word processors turn `--` into an en or em dash.
const PLACEHOLDER_ONLY = /^[\s?.\-_…–—]*$/u;
// A value that merely promises to be filled later: "TBD", "todo: ask legal", "TBC after pilot".
// "TODO" and "to do" defer only when nothing but punctuation follows them ("TODO: ask legal"),
// not in "Todo list app adopted" or "To do less manual work".
const DEFERRAL =
  /^(?:(?:tbd|tbc|tba|to be (?:determined|defined|confirmed))\b|(?:todo|to do)\s*(?:$|[:!.(\-–—]))/iu;
const UNSURE_NOT_APPLICABLE = /^n\/?a\s*\?+$/iu;

export function isFilledText(value: string | null | undefined): boolean {
  if (value === null || value === undefined) return false;
  const text = value.trim();
  if (PLACEHOLDER_ONLY.test(text)) return false;
  if (UNSURE_NOT_APPLICABLE.test(text)) return false;
  if (DEFERRAL.test(text)) return false;
  return true;
}

/** "N/A" in any case: filled, and explicitly not applicable. */
export function isNotApplicable(value: string | null | undefined): boolean {
  return typeof value === 'string' && /^n\/a$/iu.test(value.trim());
}

export function isFilledNumber(value: number | null | undefined): boolean {
  return typeof value === 'number' && Number.isFinite(value);
}

/** Dates are filled when present and valid; validation has already refused malformed ones. */
export function isFilledDate(value: string | null | undefined): boolean {
  return isFilledText(value);
}

export function isFilled(value: unknown): boolean {
  if (typeof value === 'string') return isFilledText(value);
  if (typeof value === 'number') return isFilledNumber(value);
  if (typeof value === 'boolean') return true;
  return false;
}
