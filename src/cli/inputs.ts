// What every command reads: a handoff document, the policy and the clock, validated with the
// core's schemas so errors name the field.
import {
  DEFAULT_POLICY,
  type HandoffDocument,
  type Policy,
  describeFieldError,
  handoffDocumentSchema,
  isIsoDateTime,
  parseWith,
  resolvePolicy,
} from '../core';
import { CliError, readJson } from './cli-io';

export function validateDocument(value: unknown, source: string): HandoffDocument {
  const parsed = parseWith(handoffDocumentSchema, value);
  if (parsed.success) return parsed.value;
  throw new CliError(
    `${source} is not a valid handoff document:\n` +
      parsed.errors.map((e) => `  ${describeFieldError(e)}`).join('\n'),
  );
}

export async function loadDocument(path: string): Promise<HandoffDocument> {
  return validateDocument(await readJson(path), path);
}

export async function loadPolicy(path: string | undefined): Promise<Policy> {
  if (path === undefined) return DEFAULT_POLICY;
  const parsed = resolvePolicy(await readJson(path));
  if (parsed.success) return parsed.value;
  throw new CliError(
    `${path} is not a valid policy:\n` +
      parsed.errors.map((e) => `  ${describeFieldError(e)}`).join('\n'),
  );
}

export function parseNow(value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!isIsoDateTime(value))
    throw new CliError(`--now: expected an ISO date-time such as 2026-11-05T09:00:00Z`);
  return Date.parse(value);
}

export function printJson(value: unknown): string {
  return JSON.stringify(value, null, 2) + '\n';
}
