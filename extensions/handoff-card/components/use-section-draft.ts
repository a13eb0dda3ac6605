// A section's fields as typed, against what was saved. The card keys each section by the
// handoff's version, so a save or reload starts the draft again from the saved values.
import { useState } from 'react';

export interface SectionDraft<F extends string> {
  values: Record<F, string>;
  set: (field: F, value: string) => void;
  changed: boolean;
  discard: () => void;
}

export function useSectionDraft<F extends string>(saved: Record<F, string>): SectionDraft<F> {
  const [initial] = useState(saved);
  const [values, setValues] = useState(initial);
  const fields = Object.keys(initial) as F[];
  return {
    values,
    set: (field, value) => setValues((current) => ({ ...current, [field]: value })),
    changed: fields.some((field) => values[field] !== initial[field]),
    discard: () => setValues(initial),
  };
}

/** The values as the document stores them: trimmed, and blank as null. */
export function blanksToNull<F extends string>(
  values: Record<F, string>,
): Record<F, string | null> {
  return Object.fromEntries(
    Object.entries<string>(values).map(([field, value]) => [field, value.trim() || null]),
  ) as Record<F, string | null>;
}

/** A saved section's text fields as strings, blank where nothing is saved. */
export function textValues<F extends string>(
  fields: readonly F[],
  section: Partial<Record<F, string | null>> | null | undefined,
): Record<F, string> {
  return Object.fromEntries(fields.map((field) => [field, section?.[field] ?? ''])) as Record<
    F,
    string
  >;
}
