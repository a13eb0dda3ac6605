// What an install is, once the person has said yes in HubSpot: trade the code for tokens, ask
// HubSpot which portal they are for, keep them (encrypted, by the repository), then let the
// backend set the portal up. The HTTP side lives in oauth.routes.ts.
import type { InstallsRepository } from '../db/installs.repository';
import { type Logger, describeError } from '../logger';
import { type HubSpotOAuthConfig, accessTokenInfo, exchangeCode } from './hubspot-oauth';

export interface InstallDeps {
  config: HubSpotOAuthConfig;
  installs: InstallsRepository;
  now: () => number;
  log: Logger;
  fetch?: typeof fetch;
  /** Runs once the install is saved, e.g. to queue `baton provision` for the portal. */
  onInstalled?: (portalId: string) => Promise<void>;
}

export interface CompletedInstall {
  portalId: string;
  hubDomain: string | null;
  setupStarted: boolean;
}

/** Throws HubSpotOAuthError (InvalidGrantError for a used or stale code) before saving anything. */
export async function completeInstall(deps: InstallDeps, code: string): Promise<CompletedInstall> {
  const call = { now: deps.now, ...(deps.fetch ? { fetch: deps.fetch } : {}) };
  const tokens = await exchangeCode(deps.config, code, call);
  const info = await accessTokenInfo(deps.config, tokens.accessToken, call);
  await deps.installs.save({
    portalId: info.portalId,
    // The repository wants a domain; HubSpot's spec lets it leave one out.
    hubDomain: info.hubDomain ?? info.portalId,
    scopes: info.scopes,
    tokens,
    at: new Date(deps.now()),
  });
  const log = deps.log.child({ portalId: info.portalId });
  log.info({ hubDomain: info.hubDomain, scopes: info.scopes.length }, 'portal installed Baton');

  let setupStarted = true;
  try {
    await deps.onInstalled?.(info.portalId);
  } catch (error) {
    // The install stands (the tokens are saved); only its setup has to be started again.
    setupStarted = false;
    log.error(
      { err: describeError(error) },
      'the new install was saved, but its setup did not start',
    );
  }
  return { portalId: info.portalId, hubDomain: info.hubDomain, setupStarted };
}
