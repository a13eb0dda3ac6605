// Property values are checked and normalised on every write, as HubSpot does: unknown and
// read-only properties are refused, numbers, booleans, dates and options must be what the
// property's type says. The 400 body is HubSpot's: "Property values were not valid: [...]"
// with one `{isValid, message, error, name, localizedErrorMessage, portalId}` entry per bad
// value (the shape seen in real responses; PROPERTY_DOESNT_EXIST and INVALID_OPTION are
// HubSpot's codes, the other codes are our best reading of theirs).
import { validationError } from '../errors';
import type { ObjectTypeDef, OwnerDef, PipelineDef, PropertyDef } from '../store/state.schema';
import { DEFAULT_PIPELINE_ID } from './pipeline-rules';

export interface ValueContext {
  portalId: number;
  pipelines: readonly PipelineDef[];
  owners: readonly OwnerDef[];
}

export interface InvalidValue {
  name: string;
  error: string;
  message: string;
}

export interface NormalizedValues {
  /** Values to set, normalised (numbers canonical, dates `YYYY-MM-DD`, datetimes ISO). */
  set: Record<string, string>;
  /** Properties set to the empty string: HubSpot clears them. */
  cleared: string[];
}

const MIDNIGHT = /^(\d{4}-\d{2}-\d{2})(T00:00(:00(\.0+)?)?(Z|\+00:00)?)?$/;

function parseInstant(value: string): number | undefined {
  if (/^-?\d+$/.test(value)) return Number(value);
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : ms;
}

function allowedOptions(def: PropertyDef, ctx: ValueContext, pipelineId: string): string[] {
  if (def.name === 'hubspot_owner_id') return ctx.owners.map((o) => o.id);
  if (def.name === 'pipeline' && def.hubspotDefined) return ctx.pipelines.map((p) => p.id);
  if (def.name === 'dealstage' && def.hubspotDefined) {
    return ctx.pipelines.find((p) => p.id === pipelineId)?.stages.map((s) => s.id) ?? [];
  }
  return def.options.map((o) => o.value);
}

function normalizeOne(
  def: PropertyDef,
  value: string,
  ctx: ValueContext,
  pipelineId: string,
): string | InvalidValue {
  const bad = (error: string, message: string): InvalidValue => ({
    name: def.name,
    error,
    message,
  });
  switch (def.type) {
    case 'number': {
      const n = Number(value);
      if (value.trim() === '' || !Number.isFinite(n))
        return bad('INVALID_FLOAT', `${JSON.stringify(value)} is not a valid number`);
      return String(n);
    }
    case 'bool': {
      const lower = value.toLowerCase();
      if (lower !== 'true' && lower !== 'false')
        return bad(
          'INVALID_BOOLEAN',
          `${JSON.stringify(value)} is not a valid boolean: use true or false`,
        );
      return lower;
    }
    case 'date': {
      const ms = /^-?\d+$/.test(value) ? Number(value) : undefined;
      const iso = ms === undefined ? value : new Date(ms).toISOString();
      const match = MIDNIGHT.exec(iso.replace(/\.000Z$/, 'Z'));
      if (!match || Number.isNaN(Date.parse(match[1] ?? ''))) {
        return bad(
          'INVALID_DATE',
          `${JSON.stringify(value)} is not a valid date: dates are set at midnight UTC (YYYY-MM-DD or epoch milliseconds)`,
        );
      }
      return match[1] ?? value;
    }
    case 'datetime': {
      const ms = parseInstant(value);
      if (ms === undefined)
        return bad(
          'INVALID_DATETIME',
          `${JSON.stringify(value)} is not a valid date-time: use ISO 8601 or epoch milliseconds`,
        );
      return new Date(ms).toISOString();
    }
    case 'enumeration': {
      const allowed = allowedOptions(def, ctx, pipelineId);
      const values = def.fieldType === 'checkbox' ? value.split(';') : [value];
      const wrong = values.find((v) => !allowed.includes(v));
      if (wrong !== undefined) {
        return bad(
          'INVALID_OPTION',
          `${JSON.stringify(wrong)} was not one of the allowed options: [${allowed.join(', ')}]`,
        );
      }
      return values.join(';');
    }
    case 'string':
      return value;
  }
}

export function invalidValuesError(invalid: readonly InvalidValue[], portalId: number) {
  const entries = invalid.map((i) => ({
    isValid: false,
    message: i.message,
    error: i.error,
    name: i.name,
    localizedErrorMessage: i.message,
    portalId,
  }));
  return validationError(`Property values were not valid: ${JSON.stringify(entries)}`, {
    errors: invalid.map((i) => ({
      message: i.message,
      code: i.error,
      in: i.name,
      context: { propertyName: [i.name] },
    })),
  });
}

/**
 * Checks `input` against `type`'s properties and returns the values to write. `existing` is the
 * record being updated, if any: a deal's stage is checked against its current pipeline.
 */
export function normalizeValues(
  type: ObjectTypeDef,
  input: Readonly<Record<string, string>>,
  ctx: ValueContext,
  existing?: Readonly<Record<string, string>>,
): NormalizedValues {
  const invalid: InvalidValue[] = [];
  const set: Record<string, string> = {};
  const cleared: string[] = [];
  const pipelineId = input['pipeline'] || existing?.['pipeline'] || DEFAULT_PIPELINE_ID;
  for (const [name, value] of Object.entries(input)) {
    const def = type.properties.find((p) => p.name === name && !p.archived);
    if (!def) {
      invalid.push({
        name,
        error: 'PROPERTY_DOESNT_EXIST',
        message: `Property "${name}" does not exist`,
      });
    } else if (def.readOnlyValue) {
      invalid.push({ name, error: 'READ_ONLY_VALUE', message: `Property "${name}" is read-only` });
    } else if (value === '') {
      cleared.push(name);
    } else {
      const result = normalizeOne(def, value, ctx, pipelineId);
      if (typeof result === 'string') set[name] = result;
      else invalid.push(result);
    }
  }
  if (invalid.length > 0) throw invalidValuesError(invalid, ctx.portalId);
  return { set, cleared };
}

/** Required properties missing from a new record's values. */
export function missingRequired(
  type: ObjectTypeDef,
  values: Readonly<Record<string, string>>,
): InvalidValue[] {
  return type.requiredProperties
    .filter((name) => (values[name] ?? '') === '')
    .map((name) => ({
      name,
      error: 'REQUIRED_PROPERTY',
      message: `Property "${name}" is required`,
    }));
}
