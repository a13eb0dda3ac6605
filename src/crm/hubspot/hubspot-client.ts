// Builds the @hubspot/api-client Client Baton uses: pointed at a portal or the sandbox, with a
// limiter that keeps us inside the portal's rate limit. Retries are Baton's own (see
// hubspot-calls.ts): the client's built-in ones wait a flat 10 s per 429, log with console.error
// and cannot tell an ambiguous write failure from a safe one.
import { Client } from '@hubspot/api-client';

export interface HubSpotConnection {
  accessToken: string;
  /** The API base: https://api.hubapi.com, or the sandbox's URL locally. */
  baseUrl?: string;
  /** Requests the portal allows per 10 seconds: ~100-110 for marketplace apps, 100-190 private. */
  requestsPerTenSeconds?: number;
  maxConcurrent?: number;
}

export const DEFAULT_BASE_URL = 'https://api.hubapi.com';
/** Marketplace apps get about 100-110 requests per 10 s per portal; stay under the floor. */
export const DEFAULT_REQUESTS_PER_TEN_SECONDS = 100;

export function createHubSpotClient(connection: HubSpotConnection): Client {
  // HubSpot's window is rolling: a reservoir refilled every 10 s lets a burst at the end of one
  // refill and another at the start of the next both through, up to twice the limit in some
  // 10 s. Refilling a tenth every second keeps any 10 s under 10/10 of it (11 refills at most
  // reach into one window, hence the 10 % headroom), and still lets a card's few calls burst.
  const perTenSeconds = connection.requestsPerTenSeconds ?? DEFAULT_REQUESTS_PER_TEN_SECONDS;
  const perSecond = Math.max(1, Math.floor((perTenSeconds * 0.9) / 10));
  return new Client({
    accessToken: connection.accessToken,
    basePath: (connection.baseUrl ?? DEFAULT_BASE_URL).replace(/\/$/, ''),
    limiterOptions: {
      maxConcurrent: connection.maxConcurrent ?? 6,
      reservoir: perSecond,
      reservoirRefreshAmount: perSecond,
      reservoirRefreshInterval: 1_000,
    },
  });
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
