// The marketplace app's OAuth settings from the environment: HUBSPOT_CLIENT_ID and
// HUBSPOT_CLIENT_SECRET, HUBSPOT_BASE_URL for the API, and the redirect URI on the backend's
// public URL. Pointed at the sandbox (HUBSPOT_BASE_URL set to its URL), the authorize page is
// the sandbox's too, so a local install never leaves the machine.
import {
  type HubSpotOAuthConfig,
  HUBSPOT_API_BASE_URL,
  HUBSPOT_AUTHORIZE_URL,
} from './hubspot-oauth';

export class OAuthConfigError extends Error {
  override name = 'OAuthConfigError';
}

export const CALLBACK_PATH = '/oauth/callback';

/** Null when HUBSPOT_CLIENT_ID is unset: a private-app (single token) backend has no installs. */
export function hubSpotOAuthConfigFromEnv(
  env: Readonly<Record<string, string | undefined>>,
  app: { publicUrl: string; scopes: string[]; optionalScopes?: string[] },
): HubSpotOAuthConfig | null {
  const clientId = env.HUBSPOT_CLIENT_ID?.trim();
  if (!clientId) return null;
  const clientSecret = env.HUBSPOT_CLIENT_SECRET?.trim();
  if (!clientSecret) {
    throw new OAuthConfigError(
      'HUBSPOT_CLIENT_ID is set but HUBSPOT_CLIENT_SECRET is not: both come from the app’s Auth settings in HubSpot',
    );
  }
  const apiBaseUrl = (env.HUBSPOT_BASE_URL?.trim() || HUBSPOT_API_BASE_URL).replace(/\/$/, '');
  const authorizeUrl =
    env.HUBSPOT_AUTHORIZE_URL?.trim() ||
    (apiBaseUrl === HUBSPOT_API_BASE_URL ? HUBSPOT_AUTHORIZE_URL : `${apiBaseUrl}/oauth/authorize`);
  return {
    clientId,
    clientSecret,
    redirectUri: app.publicUrl.replace(/\/$/, '') + CALLBACK_PATH,
    scopes: app.scopes,
    ...(app.optionalScopes ? { optionalScopes: app.optionalScopes } : {}),
    authorizeUrl,
    apiBaseUrl,
  };
}
