// How values cross into and out of SQL. JSON columns: what goes in is checked to be plain JSON (a Date or undefined would be silently
// changed by JSON.stringify), and what comes out is parsed again rather than trusted.
import { z } from 'zod';

export const jsonValue = z.json();
export type JsonValue = z.infer<typeof jsonValue>;

export const jsonObject = z.record(z.string(), jsonValue);
export type JsonObject = z.infer<typeof jsonObject>;

/** A `$n::jsonb` parameter from a value that `schema` accepts. */
export function jsonParam<S extends z.ZodType>(schema: S, value: z.input<S>): string {
  return JSON.stringify(schema.parse(value));
}

/** Instants come back as Date from both drivers; ids of bigint columns as text from pg. */
export const instant = z.coerce.date();
export const rowId = z.coerce.number().int().positive();

/** A LIMIT: bound as a parameter like any value, and refused when it is not a count. */
export function positiveLimit(limit: number): number {
  return z.number().int().positive('limit must be a positive whole number').parse(limit);
}
