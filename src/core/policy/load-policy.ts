// A policy file overrides the defaults: objects merge key by key, lists and values replace, and
// `null` removes a key (`"sla": { "first_cs_contact": null }` stops that clock). The merged
// result is validated as a whole, so an override cannot leave a template broken.
import { type Parsed, parseWith } from '../document/field-errors';
import { DEFAULT_POLICY } from './default-policy';
import { type Policy, policySchema } from './policy.schema';

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function merge(base: unknown, override: unknown): unknown {
  if (!isPlainObject(base) || !isPlainObject(override))
    return override === undefined ? base : override;
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(override)) {
    if (value === null) delete out[key];
    else out[key] = merge(base[key], value);
  }
  return out;
}

export function resolvePolicy(
  override: unknown = {},
  base: Policy = DEFAULT_POLICY,
): Parsed<Policy> {
  if (!isPlainObject(override)) {
    return { success: false, errors: [{ path: '', message: 'expected a policy (a JSON object)' }] };
  }
  return parseWith(policySchema, merge(base, { version: 1, ...override }));
}
