// The marketplace app as a CLI command sees it: its OAuth configuration from the environment
// (HUBSPOT_CLIENT_ID, HUBSPOT_CLIENT_SECRET, BATON_PUBLIC_URL), null when it is not set, and
// the installed accounts' tokens in the backend's database (refreshed as they expire).
import { OPTIONAL_SCOPES, REQUIRED_SCOPES } from '../../crm/hubspot/app-meta';
import { type BackendStorage, createLogger, defaultPublicUrl } from '../../server';
import {
  type HubSpotOAuthConfig,
  type PortalTokens,
  createPortalTokens,
  hubSpotOAuthConfigFromEnv,
} from '../../server/oauth';

export function marketplaceOAuthConfig(env: NodeJS.ProcessEnv): HubSpotOAuthConfig | null {
  return hubSpotOAuthConfigFromEnv(env, {
    publicUrl: env.BATON_PUBLIC_URL?.trim() || defaultPublicUrl(3000),
    scopes: REQUIRED_SCOPES.map((need) => need.scope),
    optionalScopes: OPTIONAL_SCOPES.map((need) => need.scope),
  });
}

export function installedPortalTokens(
  storage: BackendStorage,
  config: HubSpotOAuthConfig,
): PortalTokens {
  return createPortalTokens({
    installs: storage.installs,
    config,
    now: Date.now,
    log: createLogger({ level: 'silent' }),
  });
}
