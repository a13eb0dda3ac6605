// Turns zod issues into messages for people: `deal.closedWonAt: expected an ISO date-time`.
import type { z } from 'zod';

export interface FieldError {
  /** Dotted path with list indexes, e.g. `stakeholders[0].role`; empty for the whole input. */
  path: string;
  message: string;
}

export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out;
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/** `input` is what was parsed: zod does not keep it on issues, and "required" needs it. */
export function toFieldErrors(error: z.ZodError, input: unknown): FieldError[] {
  const errors: FieldError[] = [];
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        errors.push({ path: formatPath([...issue.path, key]), message: 'unknown field' });
      }
      continue;
    }
    const missing =
      (issue.code === 'invalid_type' || issue.code === 'invalid_value') &&
      valueAt(input, issue.path) === undefined;
    errors.push({ path: formatPath(issue.path), message: missing ? 'required' : issue.message });
  }
  return errors;
}

export function describeFieldError({ path, message }: FieldError): string {
  return path === '' ? message : `${path}: ${message}`;
}

export type Parsed<T> = { success: true; value: T } | { success: false; errors: FieldError[] };

export function parseWith<S extends z.ZodType>(schema: S, input: unknown): Parsed<z.infer<S>> {
  const result = schema.safeParse(input);
  return result.success
    ? { success: true, value: result.data }
    : { success: false, errors: toFieldErrors(result.error, input) };
}
