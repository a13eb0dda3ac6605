// What every Baton app function needs around the handlers: its configuration from the
// environment HubSpot gives a static-auth app (the app's token, and the secrets named in the
// function's `secretKeys`), the HubSpot adapter on that token, and answers in the backend's shape
// (`{ status: 'error', code, message }`), never a stack trace, a secret or what the CRM said.
//
// A private, single-portal install runs without Baton's backend and its database: one writer per
// deal inside one function instance comes from InProcessLocks, and across instances the CRM's
// version check (saveHandoff refuses a stale baseVersion) keeps two saves from overwriting.
import { z } from 'zod';
import { DEFAULT_POLICY, type Policy, describeFieldError, parseWith } from '../../core';
import { type CrmAdapter, DealNotFoundError, NotProvisionedError } from '../../crm/crm-adapter';
import { createHubSpotAdapter } from '../../crm/hubspot/hubspot-adapter';
import { isHubSpotError } from '../../crm/hubspot/hubspot-calls';
import { DEFAULT_BASE_URL, createHubSpotClient } from '../../crm/hubspot/hubspot-client';
import { CardError } from '../card-errors';
import { InProcessLocks, type KeyedLocks } from '../keyed-locks';
import { type TeamDirectory, teamDirectorySchema } from '../team-directory';

export type FunctionEnv = Readonly<Record<string, string | undefined>>;

const functionEnvSchema = z.object({
  // HubSpot sets it for an app with static auth; OAuth apps cannot run app functions at all.
  PRIVATE_APP_ACCESS_TOKEN: z
    .string({ error: 'required: HubSpot sets it for an app with static auth' })
    .trim()
    .min(1, { error: 'required: HubSpot sets it for an app with static auth' }),
  BATON_TEAM: z.string({ error: 'required: the team directory as JSON, an app secret' }),
  // Unset in HubSpot; the tests point it at the sandbox CRM.
  HUBSPOT_BASE_URL: z.url({ protocol: /^https?$/ }).optional(),
  // Private apps get 100-190 requests per 10 s; unset, the pacer keeps under the floor (100).
  HUBSPOT_RATE_LIMIT_PER_10S: z.coerce.number().int().positive().optional(),
});

/** A misconfigured install: an admin's to fix, so the message names the variable, not its value. */
export class NotConfiguredError extends Error {}

export interface FunctionDeps {
  crm: CrmAdapter;
  directory: TeamDirectory;
  policy: Policy;
  locks: KeyedLocks;
  now: () => number;
}

function configurationFrom(env: FunctionEnv) {
  const parsed = parseWith(functionEnvSchema, {
    PRIVATE_APP_ACCESS_TOKEN: env.PRIVATE_APP_ACCESS_TOKEN,
    BATON_TEAM: env.BATON_TEAM,
    HUBSPOT_BASE_URL: env.HUBSPOT_BASE_URL?.trim() || undefined,
    HUBSPOT_RATE_LIMIT_PER_10S: env.HUBSPOT_RATE_LIMIT_PER_10S?.trim() || undefined,
  });
  if (!parsed.success)
    throw new NotConfiguredError(parsed.errors.map(describeFieldError).join('; '));
  let team: unknown;
  try {
    team = JSON.parse(parsed.value.BATON_TEAM);
  } catch {
    throw new NotConfiguredError('BATON_TEAM: expected the team directory as JSON');
  }
  const directory = parseWith(teamDirectorySchema, team);
  if (!directory.success) {
    const reasons = directory.errors.map(describeFieldError).join('; ');
    throw new NotConfiguredError(`BATON_TEAM: ${reasons}`);
  }
  const rate = parsed.value.HUBSPOT_RATE_LIMIT_PER_10S;
  return {
    connection: {
      accessToken: parsed.value.PRIVATE_APP_ACCESS_TOKEN,
      baseUrl: parsed.value.HUBSPOT_BASE_URL ?? DEFAULT_BASE_URL,
      ...(rate ? { requestsPerTenSeconds: rate } : {}),
    },
    directory: directory.value,
  };
}

// A warm function instance keeps its adapter (and the portal metadata it has looked up) and its
// locks between invocations; a new token or base URL gets a new adapter.
let cached: { key: string; crm: CrmAdapter } | undefined;
const locks = new InProcessLocks();

const log = {
  // Only the message: the fields may carry what HubSpot answered.
  warn: (message: string) => console.warn(`[baton] ${message}`),
};

export function functionDeps(env: FunctionEnv, now: () => number = Date.now): FunctionDeps {
  const { connection, directory } = configurationFrom(env);
  const key = JSON.stringify(connection);
  if (cached?.key !== key) {
    cached = { key, crm: createHubSpotAdapter({ client: createHubSpotClient(connection), log }) };
  }
  return { crm: cached.crm, directory, policy: DEFAULT_POLICY, locks, now };
}

export interface FunctionErrorBody {
  status: 'error';
  code: string;
  message: string;
}

/** The HTTP status and body for a failure, as the backend answers it (src/server/http-errors). */
export function failure(error: unknown): { statusCode: number; body: FunctionErrorBody } {
  const answer = (statusCode: number, code: string, message: string) => ({
    statusCode,
    body: { status: 'error' as const, code, message },
  });
  if (error instanceof CardError) return answer(error.status, error.code, error.message);
  if (error instanceof DealNotFoundError)
    return answer(404, 'not_found', `deal ${error.dealId} was not found`);
  if (error instanceof NotConfiguredError)
    return answer(503, 'not_configured', `Baton is not configured: ${error.message}`);
  if (error instanceof NotProvisionedError) return answer(503, 'not_provisioned', error.message);
  if (isHubSpotError(error))
    return answer(
      502,
      'crm_unavailable',
      `HubSpot refused or failed a request Baton made (HTTP ${error.code}); try again in a moment`,
    );
  console.error('[baton] unexpected error', error instanceof Error ? error.stack : typeof error);
  return answer(500, 'internal', 'something went wrong on our side; it was logged');
}

/** Input through a schema, or an `invalid_input` CardError naming each bad field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const parsed = parseWith(schema, input);
  if (!parsed.success)
    throw new CardError('invalid_input', parsed.errors.map(describeFieldError).join('; '));
  return parsed.value;
}

/** A HubSpot id as HubSpot may send it, a number or a numeric string; a string here. */
export const numericId = (what: string) =>
  z
    .union([z.number().int().nonnegative(), z.string().regex(/^\d+$/)], {
      error: `expected the numeric HubSpot ${what}`,
    })
    .transform(String);
