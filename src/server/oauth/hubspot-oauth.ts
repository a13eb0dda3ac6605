// Baton's side of HubSpot's OAuth for the marketplace app: the authorize URL, the code
// exchange, the refresh, token introspection and revocation. It speaks the 2026-03 endpoints
// (HubSpot's OpenAPI spec, Auth/Oauth/2026-03): the v1 ones that @hubspot/api-client 14 still
// calls (/oauth/v1/token, /oauth/v1/access-tokens/{token}) are sunset on 2027-02-16, and they
// put tokens in URL paths.
import { z } from 'zod';
import type { OAuthTokens } from '../db/installs.repository';
import { type OAuthCallOptions, postForm, readAnswer } from './oauth-http';
import { HubSpotOAuthError } from './oauth-errors';

export interface HubSpotOAuthConfig {
  clientId: string;
  clientSecret: string;
  /** Where HubSpot sends the browser back: `<BATON_PUBLIC_URL>/oauth/callback`. */
  redirectUri: string;
  /** Required scopes: an install without them is impossible. */
  scopes: string[];
  /** Scopes the installing portal may lack (its HubSpot tier may not offer them). */
  optionalScopes?: string[];
  authorizeUrl?: string;
  /** The API base: https://api.hubapi.com, or the sandbox's URL locally. */
  apiBaseUrl?: string;
}

export const HUBSPOT_AUTHORIZE_URL = 'https://app.hubspot.com/oauth/authorize';
export const HUBSPOT_API_BASE_URL = 'https://api.hubapi.com';
export const OAUTH_PATHS = {
  token: '/oauth/2026-03/token',
  introspect: '/oauth/2026-03/token/introspect',
  revoke: '/oauth/2026-03/token/revoke',
} as const;

export interface AccessTokenInfo {
  portalId: string;
  /** HubSpot lists it as optional; null when it did not say. */
  hubDomain: string | null;
  scopes: string[];
  /** The installing user's email: personal data, never to be logged. */
  userEmail?: string;
}

/** The page that asks the person to install Baton; `state` comes back to the callback. */
export function authorizeUrl(config: HubSpotOAuthConfig, state: string): string {
  const url = new URL(config.authorizeUrl ?? HUBSPOT_AUTHORIZE_URL);
  url.searchParams.set('client_id', config.clientId);
  url.searchParams.set('redirect_uri', config.redirectUri);
  url.searchParams.set('scope', config.scopes.join(' '));
  if (config.optionalScopes?.length)
    url.searchParams.set('optional_scope', config.optionalScopes.join(' '));
  url.searchParams.set('state', state);
  return url.toString();
}

const tokenAnswer = z.object({
  access_token: z.string().min(1),
  refresh_token: z.string().min(1),
  expires_in: z.number().int().positive(),
});

export function exchangeCode(
  config: HubSpotOAuthConfig,
  code: string,
  options: OAuthCallOptions = {},
): Promise<OAuthTokens> {
  return requestTokens(
    config,
    { grant_type: 'authorization_code', code, redirect_uri: config.redirectUri },
    'code exchange',
    options,
  );
}

/** HubSpot's refresh tokens do not rotate, but a new one is kept should that ever change. */
export function refreshAccessToken(
  config: HubSpotOAuthConfig,
  refreshToken: string,
  options: OAuthCallOptions = {},
): Promise<OAuthTokens> {
  return requestTokens(
    config,
    { grant_type: 'refresh_token', refresh_token: refreshToken },
    'token refresh',
    options,
  );
}

async function requestTokens(
  config: HubSpotOAuthConfig,
  grant: Record<string, string>,
  step: 'code exchange' | 'token refresh',
  options: OAuthCallOptions,
): Promise<OAuthTokens> {
  // The clock is read before the call: a slow answer makes the expiry early, never late.
  const sentAt = (options.now ?? Date.now)();
  const body = await postForm(endpoint(config, 'token'), withClient(config, grant), step, options);
  const answer = readAnswer(tokenAnswer, body, step);
  return {
    accessToken: answer.access_token,
    refreshToken: answer.refresh_token,
    expiresAt: new Date(sentAt + answer.expires_in * 1000),
  };
}

const introspection = z.discriminatedUnion('active', [
  z.object({ active: z.literal(false) }),
  z.object({
    active: z.literal(true),
    // A refresh token's metadata says `refresh_token` here; an install must send the other.
    token_use: z.literal('access_token').optional(),
    client_id: z.string().optional(),
    hub_id: z.number().int().positive(),
    hub_domain: z.string().min(1).optional(),
    scopes: z.array(z.string()),
    user: z.string().optional(),
  }),
]);

/** Which portal an access token is for, and what it may do. */
export async function accessTokenInfo(
  config: HubSpotOAuthConfig,
  accessToken: string,
  options: OAuthCallOptions = {},
): Promise<AccessTokenInfo> {
  const step = 'token introspection';
  const body = await postForm(
    endpoint(config, 'introspect'),
    withClient(config, { token: accessToken, token_type_hint: 'access_token' }),
    step,
    options,
  );
  const info = readAnswer(introspection, body, step);
  if (!info.active)
    throw new HubSpotOAuthError(
      step,
      200,
      'inactive',
      'HubSpot says the access token is not active',
    );
  if (info.client_id !== undefined && info.client_id !== config.clientId) {
    throw new HubSpotOAuthError(
      step,
      200,
      'other_client',
      'HubSpot says the access token belongs to another app',
    );
  }
  return {
    portalId: String(info.hub_id),
    hubDomain: info.hub_domain ?? null,
    scopes: info.scopes,
    ...(info.user ? { userEmail: info.user } : {}),
  };
}

/** Ends the grant at HubSpot. A token HubSpot no longer knows is no error (RFC 7009). */
export async function revokeRefreshToken(
  config: HubSpotOAuthConfig,
  refreshToken: string,
  options: OAuthCallOptions = {},
): Promise<void> {
  await postForm(
    endpoint(config, 'revoke'),
    withClient(config, { token: refreshToken, token_type_hint: 'refresh_token' }),
    'token revocation',
    options,
  );
}

function endpoint(config: HubSpotOAuthConfig, name: keyof typeof OAUTH_PATHS): string {
  return (config.apiBaseUrl ?? HUBSPOT_API_BASE_URL).replace(/\/$/, '') + OAUTH_PATHS[name];
}

function withClient(config: HubSpotOAuthConfig, fields: Record<string, string>) {
  return { ...fields, client_id: config.clientId, client_secret: config.clientSecret };
}
