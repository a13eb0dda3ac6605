// The marketplace app's OAuth: install routes, per-portal tokens, per-portal CRM adapters.
// See README.md in this folder for how they are wired and what HubSpot sends on uninstall.
export {
  type AccessTokenInfo,
  type HubSpotOAuthConfig,
  HUBSPOT_API_BASE_URL,
  HUBSPOT_AUTHORIZE_URL,
  OAUTH_PATHS,
  accessTokenInfo,
  authorizeUrl,
  exchangeCode,
  refreshAccessToken,
  revokeRefreshToken,
} from './hubspot-oauth';
export { CALLBACK_PATH, OAuthConfigError, hubSpotOAuthConfigFromEnv } from './oauth-config';
export { HubSpotOAuthError, InvalidGrantError, type OAuthStep } from './oauth-errors';
export type { OAuthCallOptions } from './oauth-http';
export { type CompletedInstall, type InstallDeps, completeInstall } from './oauth-install';
export {
  type OAuthState,
  OAuthStateError,
  STATE_TTL_MS,
  type StateSigner,
  createStateSigner,
} from './oauth-state';
export { type OAuthRouteDeps, registerOAuthRoutes } from './oauth.routes';
export {
  DEFAULT_REFRESH_MARGIN_MS,
  type PortalTokens,
  type PortalTokensOptions,
  type UninstallOutcome,
  createPortalTokens,
} from './portal-tokens';
export {
  type InstalledPortalCrm,
  type InstalledPortalsOptions,
  crmForInstalledPortals,
} from './installed-portals';
