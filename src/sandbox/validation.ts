// zod at the door of every route: bodies and query strings are parsed here, and a bad one
// becomes HubSpot's 400 VALIDATION_ERROR naming the field. HubSpot's own JSON binding refuses
// unknown fields ("Invalid input JSON on line 1, column N: Unrecognized field ...", as seen in
// real responses), so the request schemas are strict objects and an unknown key is named too.
import type { Context } from 'hono';
import type { z } from 'zod';
import { type ErrorDetail, validationError } from './errors';

type Issue = z.core.$ZodIssue;

/** `inputs[0].properties.amount` from zod's path. */
export function issuePath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((text, key) => {
    if (typeof key === 'number') return `${text}[${key}]`;
    return text === '' ? String(key) : `${text}.${String(key)}`;
  }, '');
}

function issueDetails(issue: Issue): ErrorDetail[] {
  const at = issuePath(issue.path);
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => {
      const field = at === '' ? key : `${at}.${key}`;
      return { message: `Unrecognized field "${field}"`, in: field, code: 'UNRECOGNIZED_FIELD' };
    });
  }
  const message = issue.message.replace(/^Invalid input: /, '');
  return [
    { message: at === '' ? message : `${at}: ${message}`, in: at, code: issue.code.toUpperCase() },
  ];
}

/** A 400 naming every bad field; the first one leads the message, as people read it. */
export function invalidInput(issues: readonly Issue[]) {
  const errors = issues.flatMap(issueDetails);
  const first = errors[0]?.message ?? 'the request body is not valid';
  return validationError(`Invalid input JSON: ${first}`, { errors });
}

export function parseWith<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw invalidInput(result.error.issues);
  return result.data;
}

/** The request body as JSON, parsed by `schema`. An empty body is `undefined`. */
export async function readBody<S extends z.ZodType>(c: Context, schema: S): Promise<z.output<S>> {
  const text = await c.req.text();
  let value: unknown;
  if (text.trim() !== '') {
    try {
      value = JSON.parse(text);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw validationError(`Invalid input JSON: ${reason}`);
    }
  }
  return parseWith(schema, value);
}

/**
 * The query string as an object. Repeated keys (the api-client sends `properties=a&properties=b`)
 * and comma-separated values (what HubSpot's docs show: `properties=a,b`) both become lists.
 */
export function queryObject(c: Context, listKeys: readonly string[] = []): Record<string, unknown> {
  const url = new URL(c.req.url);
  const out: Record<string, unknown> = {};
  for (const key of new Set(url.searchParams.keys())) {
    const values = url.searchParams.getAll(key);
    out[key] = listKeys.includes(key)
      ? values
          .flatMap((v) => v.split(','))
          .map((v) => v.trim())
          .filter((v) => v !== '')
      : values[values.length - 1];
  }
  return out;
}

export function readQuery<S extends z.ZodType>(
  c: Context,
  schema: S,
  listKeys: readonly string[] = [],
): z.output<S> {
  return parseWith(schema, queryObject(c, listKeys));
}
