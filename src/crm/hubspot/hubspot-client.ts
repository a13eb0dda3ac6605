// Builds the @hubspot/api-client Client Baton uses: pointed at a portal or the sandbox, with a
// pacer (request-pacer.ts, applied by HubSpotCalls to every attempt) that keeps us inside the
// portal's rate limit. Retries are Baton's own (see
// hubspot-calls.ts): the client's built-in ones wait a flat 10 s per 429, log with console.error
// and cannot tell an ambiguous write failure from a safe one.
import { Client } from '@hubspot/api-client';
import { RequestPacer } from './request-pacer';

export interface HubSpotConnection {
  accessToken: string;
  /** The API base: https://api.hubapi.com, or the sandbox's URL locally. */
  baseUrl?: string;
  /** Requests the portal allows per 10 seconds: ~100-110 for marketplace apps, 100-190 private. */
  requestsPerTenSeconds?: number;
}

export const DEFAULT_BASE_URL = 'https://api.hubapi.com';
/** Marketplace apps get about 100-110 requests per 10 s per portal; stay under the floor. */
export const DEFAULT_REQUESTS_PER_TEN_SECONDS = 100;

const pacers = new WeakMap<Client, RequestPacer>();

export function createHubSpotClient(connection: HubSpotConnection): Client {
  // 90 % of the account's limit, as whole requests a second (see request-pacer.ts).
  const perTenSeconds = connection.requestsPerTenSeconds ?? DEFAULT_REQUESTS_PER_TEN_SECONDS;
  const perSecond = Math.max(1, Math.floor((perTenSeconds * 0.9) / 10));
  // No `limiterOptions`: the client's own limiter would add milliseconds to every request.
  const client = new Client({
    accessToken: connection.accessToken,
    basePath: (connection.baseUrl ?? DEFAULT_BASE_URL).replace(/\/$/, ''),
  });
  pacers.set(client, new RequestPacer(perSecond));
  return client;
}

/** The pacer of a client made by createHubSpotClient; none for a client made elsewhere. */
export function pacerOf(client: Client): RequestPacer | undefined {
  return pacers.get(client);
}

/** Reads the connection from the environment (HUBSPOT_BASE_URL, HUBSPOT_ACCESS_TOKEN). */
export function hubSpotConnectionFromEnv(
  env: NodeJS.ProcessEnv = process.env,
): HubSpotConnection | null {
  const accessToken = env.HUBSPOT_ACCESS_TOKEN?.trim();
  if (!accessToken) return null;
  const rate = Number(env.HUBSPOT_RATE_LIMIT_PER_10S);
  return {
    accessToken,
    baseUrl: env.HUBSPOT_BASE_URL?.trim() || DEFAULT_BASE_URL,
    ...(Number.isFinite(rate) && rate > 0 ? { requestsPerTenSeconds: rate } : {}),
  };
}
