// What `baton serve` reads from the environment, checked up front so a misconfigured backend
// fails at start with the variable's name, not on the CRM's first call an hour later.
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { describeFieldError, parseWith } from '../../core';
import type { CrmKind } from '../../crm/crm-adapter';
import { type SalesforceAuth, salesforceAuthFromEnv } from '../../crm/salesforce/salesforce-auth';
import {
  type HubSpotConnection,
  DEFAULT_BASE_URL,
  hubSpotConnectionFromEnv,
} from '../../crm/hubspot/hubspot-client';
import { type TeamDirectory, teamDirectorySchema } from '../../functions/team-directory';
import { DEFAULT_PORT, LOCAL_CLIENT_SECRET, defaultPublicUrl } from '../../server';
import { CliError, readJson } from '../cli-io';

export interface ServeConfig {
  port: number;
  publicUrl: string;
  clientSecret: string;
  /**
   * A private app: one account, its access token. Null for the marketplace app
   * (HUBSPOT_CLIENT_ID set, no token), which serves every account that installs it via OAuth.
   */
  connection: (HubSpotConnection & { baseUrl: string }) | null;
  /** The HubSpot API base (the sandbox's URL locally). */
  baseUrl: string;
  teamFile: string;
  logLevel: string;
  /** How long a claimed job is this copy's before another copy (or this one restarted) retries it. */
  jobLeaseMs: number;
  /** `--crm salesforce`: the org's sign-in (SF_*) and how often the listener reconciles. */
  salesforce: { auth: SalesforceAuth; reconcileEveryMs: number } | null;
}

const portSchema = z.coerce.number().int().min(0).max(65_535);
const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

function isLoopback(url: string): boolean {
  try {
    const { hostname } = new URL(url);
    return hostname === 'localhost' || hostname === '[::1]' || hostname.startsWith('127.');
  } catch {
    return false;
  }
}

function httpUrl(name: string, value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new CliError(
      `${name}: expected a URL such as https://baton.example.com, got ${JSON.stringify(value)}`,
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new CliError(`${name}: expected an http or https URL, got ${JSON.stringify(value)}`);
  if (url.search || url.hash)
    throw new CliError(`${name}: expected a base URL without a query or fragment`);
  return value.replace(/\/+$/, '');
}

export function serveConfigFromEnv(env: NodeJS.ProcessEnv, crm: CrmKind = 'hubspot'): ServeConfig {
  const rawPort = env.PORT?.trim() || String(DEFAULT_PORT);
  const port = portSchema.safeParse(rawPort);
  if (!port.success)
    throw new CliError(
      `PORT: expected a port number from 0 to 65535, got ${JSON.stringify(rawPort)}`,
    );

  const salesforce = crm === 'salesforce' ? salesforceConfigFromEnv(env) : null;
  const connection = salesforce ? null : hubSpotConnectionFromEnv(env);
  const marketplace = connection === null && Boolean(env.HUBSPOT_CLIENT_ID?.trim());
  if (!salesforce && connection === null && !marketplace) {
    throw new CliError(
      'HUBSPOT_ACCESS_TOKEN is not set: set it to the private app access token of the HubSpot ' +
        'account to serve (against the local sandbox: HUBSPOT_BASE_URL=http://127.0.0.1:3001 ' +
        'HUBSPOT_ACCESS_TOKEN=sandbox-token), or set HUBSPOT_CLIENT_ID and HUBSPOT_CLIENT_SECRET ' +
        'to serve the marketplace app to every account that installs it',
    );
  }
  const baseUrl = httpUrl(
    'HUBSPOT_BASE_URL',
    connection?.baseUrl ?? (env.HUBSPOT_BASE_URL?.trim() || DEFAULT_BASE_URL),
  );

  // The sandbox signs with the well-known local secret; a real account's must never default.
  let clientSecret = env.HUBSPOT_CLIENT_SECRET?.trim();
  if (!clientSecret && salesforce) {
    // Serving a Salesforce org, the HubSpot doors (signed v3) stay shut: nobody has this key.
    clientSecret = randomBytes(32).toString('base64url');
  } else if (!clientSecret) {
    if (!isLoopback(baseUrl)) {
      throw new CliError(
        "HUBSPOT_CLIENT_SECRET is not set: set it to your HubSpot app's client secret, which " +
          'HubSpot signs its webhook, workflow action and card requests with',
      );
    }
    clientSecret = LOCAL_CLIENT_SECRET;
  }

  const teamFile = env.BATON_TEAM_FILE?.trim();
  if (!teamFile) {
    throw new CliError(
      'BATON_TEAM_FILE is not set: point it at a JSON file naming the HubSpot owner ids of ' +
        'your CS managers, CSMs, CS ops and sales managers, e.g. ' +
        '{"csManagers": ["123"], "csms": ["456", "789"]}',
    );
  }

  const logLevel = env.LOG_LEVEL?.trim() || 'info';
  if (!(LOG_LEVELS as readonly string[]).includes(logLevel))
    throw new CliError(
      `LOG_LEVEL: expected one of ${LOG_LEVELS.join(', ')}, got ${JSON.stringify(logLevel)}`,
    );

  const explicitUrl = env.BATON_PUBLIC_URL?.trim();
  // HubSpot signs the URL it calls; with a port picked at start, nobody could know it ahead.
  if (!explicitUrl && port.data === 0)
    throw new CliError('BATON_PUBLIC_URL is not set: with PORT=0 it cannot default to the port');
  const publicUrl = explicitUrl
    ? httpUrl('BATON_PUBLIC_URL', explicitUrl)
    : defaultPublicUrl(port.data);

  const rawLease = env.BATON_JOB_LEASE_SECONDS?.trim() || '600';
  const lease = z.coerce.number().int().min(1).max(86_400).safeParse(rawLease);
  if (!lease.success)
    throw new CliError(
      `BATON_JOB_LEASE_SECONDS: expected whole seconds from 1 to 86400, got ${JSON.stringify(rawLease)}`,
    );

  return {
    jobLeaseMs: lease.data * 1000,
    port: port.data,
    publicUrl,
    clientSecret,
    connection: connection === null ? null : { ...connection, baseUrl },
    baseUrl,
    teamFile,
    logLevel,
    salesforce,
  };
}

function salesforceConfigFromEnv(env: NodeJS.ProcessEnv): NonNullable<ServeConfig['salesforce']> {
  const auth = salesforceAuthFromEnv(env);
  if (!auth.success) throw new CliError(auth.errorMessages.join('; '));
  const raw = env.BATON_RECONCILE_MINUTES?.trim() || '10';
  const minutes = z.coerce.number().int().min(1).max(1_440).safeParse(raw);
  if (!minutes.success)
    throw new CliError(
      `BATON_RECONCILE_MINUTES: expected whole minutes from 1 to 1440, got ${JSON.stringify(raw)}`,
    );
  return { auth: auth.auth, reconcileEveryMs: minutes.data * 60_000 };
}

export async function loadTeamDirectory(path: string): Promise<TeamDirectory> {
  const parsed = parseWith(teamDirectorySchema, await readJson(path));
  if (parsed.success) return parsed.value;
  throw new CliError(
    `BATON_TEAM_FILE ${path} is not a valid team directory:\n` +
      parsed.errors.map((e) => `  ${describeFieldError(e)}`).join('\n'),
  );
}
