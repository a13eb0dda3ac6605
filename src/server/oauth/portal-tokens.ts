// A portal's access token whenever Baton needs one: read from the installs (decrypted there),
// refreshed shortly before it expires, and saved again. Callers for one portal share one read
// and at most one refresh at a time (single flight), so a burst of webhooks costs HubSpot a
// single refresh. Across copies of the backend two refreshes may still race; that is harmless,
// because HubSpot's refresh tokens do not rotate and every access token it returns is good.
import type { InstallsRepository, OAuthTokens } from '../db/installs.repository';
import type { Logger } from '../logger';
import { type HubSpotOAuthConfig, refreshAccessToken, revokeRefreshToken } from './hubspot-oauth';
import { HubSpotOAuthError, InvalidGrantError } from './oauth-errors';
import type { OAuthCallOptions } from './oauth-http';

export const DEFAULT_REFRESH_MARGIN_MS = 5 * 60_000;

export interface PortalTokensOptions {
  installs: InstallsRepository;
  config: HubSpotOAuthConfig;
  now: () => number;
  fetch?: typeof fetch;
  log: Logger;
  /** Refresh when the token has less than this left (5 minutes by default). */
  refreshMarginMs?: number;
}

export interface UninstallOutcome {
  /** False when the portal had no live install to end. */
  wasInstalled: boolean;
  /** False when HubSpot could not be told (it was logged; the tokens are erased regardless). */
  revokedAtHubSpot: boolean;
}

export interface PortalTokens {
  /** Null when the portal never installed Baton, uninstalled it, or revoked its access. */
  accessTokenFor(portalId: string): Promise<string | null>;
  /** Revokes the refresh token at HubSpot when it can, then erases the install's tokens. */
  uninstallPortal(portalId: string): Promise<UninstallOutcome>;
}

export function createPortalTokens(options: PortalTokensOptions): PortalTokens {
  const { installs, config, now, log } = options;
  const margin = options.refreshMarginMs ?? DEFAULT_REFRESH_MARGIN_MS;
  const call: OAuthCallOptions = { now, ...(options.fetch ? { fetch: options.fetch } : {}) };
  /** What is under way per portal: a token lookup (maybe refreshing) or an uninstall. */
  const inFlight = new Map<string, Promise<unknown>>();

  function track<T>(portalId: string, work: Promise<T>): Promise<T> {
    const tracked = work.finally(() => {
      if (inFlight.get(portalId) === tracked) inFlight.delete(portalId);
    });
    inFlight.set(portalId, tracked);
    return tracked;
  }

  async function lookUp(portalId: string): Promise<string | null> {
    const install = await installs.get(portalId);
    if (!install?.tokens) return null;
    const { tokens } = install;
    if (tokens.expiresAt.getTime() - now() > margin) return tokens.accessToken;

    let fresh: OAuthTokens;
    try {
      fresh = await refreshAccessToken(config, tokens.refreshToken, call);
    } catch (error) {
      return refreshFailed(portalId, tokens, error);
    }
    await installs.save({
      portalId,
      hubDomain: install.hubDomain,
      scopes: install.scopes,
      tokens: fresh,
      at: new Date(now()),
    });
    log.debug({ portalId, expiresAt: fresh.expiresAt.toISOString() }, 'access token refreshed');
    return fresh.accessToken;
  }

  async function refreshFailed(
    portalId: string,
    tokens: OAuthTokens,
    error: unknown,
  ): Promise<string | null> {
    if (error instanceof InvalidGrantError) {
      // HubSpot revokes the grant when a portal uninstalls the app: Baton's install is over.
      await installs.delete(portalId, new Date(now()));
      log.warn(
        { portalId, err: error.toLog() },
        'HubSpot refused the refresh token (Baton was uninstalled or its access revoked): the portal is marked uninstalled',
      );
      return null;
    }
    if (error instanceof HubSpotOAuthError && tokens.expiresAt.getTime() > now()) {
      log.warn(
        { portalId, err: error.toLog() },
        'could not refresh the access token; using the current one while it lasts',
      );
      return tokens.accessToken;
    }
    throw error;
  }

  async function uninstall(portalId: string): Promise<UninstallOutcome> {
    const install = await installs.get(portalId);
    if (!install?.tokens) return { wasInstalled: false, revokedAtHubSpot: false };
    let revokedAtHubSpot = false;
    try {
      await revokeRefreshToken(config, install.tokens.refreshToken, call);
      revokedAtHubSpot = true;
    } catch (error) {
      if (!(error instanceof HubSpotOAuthError)) throw error;
      log.warn(
        { portalId, err: error.toLog() },
        'could not revoke the refresh token at HubSpot; erasing the install here regardless',
      );
    }
    const wasInstalled = await installs.delete(portalId, new Date(now()));
    log.info({ portalId, revokedAtHubSpot }, 'portal uninstalled');
    return { wasInstalled, revokedAtHubSpot };
  }

  return {
    accessTokenFor(portalId) {
      const running = inFlight.get(portalId);
      // Joining an uninstall under way answers null, as the portal is leaving.
      if (running) return running.then((value) => (typeof value === 'string' ? value : null));
      return track(portalId, lookUp(portalId));
    },

    uninstallPortal(portalId) {
      // After any refresh in flight: its save must not bring the erased tokens back.
      const before = inFlight.get(portalId)?.catch(() => undefined) ?? Promise.resolve();
      return track(
        portalId,
        before.then(() => uninstall(portalId)),
      );
    },
  };
}
