// The CRM of each portal that installed Baton: one HubSpot client and adapter per portal, kept
// for the life of the process. Keeping them matters: the adapter caches the portal's metadata
// (object type ids, closed-won stages, owners) and the client holds the portal's rate limiter,
// and HubSpot's limits are per portal. A refreshed token is set on the same client before the
// adapter is handed out, so a refresh never costs the cache.
import type { Client } from '@hubspot/api-client';
import { type HubSpotAdapter, createHubSpotAdapter } from '../../crm/hubspot/hubspot-adapter';
import { createHubSpotClient } from '../../crm/hubspot/hubspot-client';
import type { RetryOptions } from '../../crm/retry-policy';
import type { Logger } from '../logger';
import type { PortalTokens } from './portal-tokens';

export interface InstalledPortalsOptions {
  tokens: Pick<PortalTokens, 'accessTokenFor'>;
  /** The API base: https://api.hubapi.com, or the sandbox's URL locally. */
  baseUrl?: string;
  requestsPerTenSeconds?: number;
  log: Logger;
  now?: () => number;
  retry?: RetryOptions;
}

/** The adapter for a portal; null when it has not installed Baton (or has uninstalled it). */
export type InstalledPortalCrm = (portalId: string) => Promise<HubSpotAdapter | null>;

export function crmForInstalledPortals(options: InstalledPortalsOptions): InstalledPortalCrm {
  const portals = new Map<string, { client: Client; adapter: HubSpotAdapter }>();

  return async (portalId) => {
    const token = await options.tokens.accessTokenFor(portalId);
    if (token === null) {
      // A reinstall starts from scratch: its portal may have been provisioned anew.
      portals.delete(portalId);
      return null;
    }
    const known = portals.get(portalId);
    if (known) {
      known.client.setAccessToken(token);
      return known.adapter;
    }
    const client = createHubSpotClient({
      accessToken: token,
      ...(options.baseUrl ? { baseUrl: options.baseUrl } : {}),
      ...(options.requestsPerTenSeconds
        ? { requestsPerTenSeconds: options.requestsPerTenSeconds }
        : {}),
    });
    const log = options.log.child({ portalId });
    const adapter = createHubSpotAdapter({
      client,
      log: { warn: (message, fields) => log.warn(fields ?? {}, message) },
      ...(options.retry ? { retry: options.retry } : {}),
      ...(options.now ? { now: options.now } : {}),
    });
    portals.set(portalId, { client, adapter });
    return adapter;
  };
}
