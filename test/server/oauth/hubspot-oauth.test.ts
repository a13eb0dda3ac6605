// HubSpot's OAuth endpoints as Baton calls them, against the sandbox over HTTP: what comes back,
// and errors that name what failed without repeating a code, a token or the secret.
import {
  HubSpotOAuthError,
  InvalidGrantError,
  accessTokenInfo,
  authorizeUrl,
  exchangeCode,
  refreshAccessToken,
  revokeRefreshToken,
} from '../../../src/server/oauth';
import {
  CLIENT_SECRET,
  MINUTE,
  NOW,
  type OAuthSandbox,
  SCOPES,
  failingTokenEndpoint,
  oauthConfig,
  pinnedClock,
  startOAuthSandbox,
} from './helpers/oauth-harness';

const REDIRECT = 'https://baton.example.test/oauth/callback';

async function rejection(promise: Promise<unknown>): Promise<HubSpotOAuthError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof HubSpotOAuthError) return error;
    throw error;
  }
  throw new Error('the call succeeded');
}

describe('HubSpot OAuth calls', () => {
  const clock = pinnedClock();
  let h: OAuthSandbox;
  let config: ReturnType<typeof oauthConfig>;
  beforeAll(async () => {
    h = await startOAuthSandbox(clock);
    config = oauthConfig(h.url, REDIRECT);
  });
  afterAll(() => h.close());
  beforeEach(() => clock.set(NOW));

  const codeFor = (scopes = SCOPES) =>
    h.sandbox.oauth.authorize(config.clientId, config.redirectUri, scopes);

  it('builds the authorize URL with the scopes space-separated and the state', () => {
    const url = new URL(authorizeUrl({ ...config, optionalScopes: ['tickets'] }, 'the-state'));
    expect(url.origin + url.pathname).toBe(`${h.url}/oauth/authorize`);
    expect(Object.fromEntries(url.searchParams)).toEqual({
      client_id: 'sandbox-client-id',
      redirect_uri: REDIRECT,
      scope: SCOPES.join(' '),
      optional_scope: 'tickets',
      state: 'the-state',
    });
  });

  it('points at HubSpot when not told otherwise', () => {
    const { authorizeUrl: _a, apiBaseUrl: _b, ...plain } = config;
    expect(authorizeUrl(plain, 's')).toMatch(/^https:\/\/app\.hubspot\.com\/oauth\/authorize\?/);
  });

  it('exchanges a code for tokens that expire in HubSpot’s 30 minutes', async () => {
    const tokens = await exchangeCode(config, codeFor(), { now: clock.now });
    expect(tokens).toEqual({
      accessToken: expect.any(String),
      refreshToken: expect.any(String),
      expiresAt: new Date(NOW + 30 * MINUTE),
    });
    expect(tokens.accessToken).not.toBe(tokens.refreshToken);
  });

  it('says which portal an access token is for', async () => {
    const tokens = await exchangeCode(config, codeFor(), { now: clock.now });
    expect(await accessTokenInfo(config, tokens.accessToken)).toEqual({
      portalId: String(h.sandbox.portalId),
      hubDomain: `sandbox-${h.sandbox.portalId}.hubspot.test`,
      scopes: SCOPES,
      userEmail: h.sandbox.store.owners[0]!.email,
    });
  });

  it('refreshes to a new access token, keeping the refresh token', async () => {
    const first = await exchangeCode(config, codeFor(), { now: clock.now });
    clock.advance(MINUTE);
    const next = await refreshAccessToken(config, first.refreshToken, { now: clock.now });
    expect(next.accessToken).not.toBe(first.accessToken);
    expect(next.refreshToken).toBe(first.refreshToken);
    expect(next.expiresAt.getTime()).toBe(clock.now() + 30 * MINUTE);
  });

  it('refuses a code used twice as an invalid grant, without repeating it', async () => {
    const code = codeFor();
    await exchangeCode(config, code);
    const error = await rejection(exchangeCode(config, code));
    expect(error).toBeInstanceOf(InvalidGrantError);
    expect(error).toMatchObject({ step: 'code exchange', status: 400, code: 'invalid_grant' });
    expect(error.message).toBe(
      'HubSpot refused the code exchange: the grant is invalid, expired or revoked (HTTP 400, invalid_grant, BAD_AUTH_CODE)',
    );
    expect(error.message).not.toContain(code);
  });

  it('turns a revoked refresh token into an invalid grant', async () => {
    const { refreshToken } = await exchangeCode(config, codeFor());
    await revokeRefreshToken(config, refreshToken);
    const error = await rejection(refreshAccessToken(config, refreshToken));
    expect(error).toBeInstanceOf(InvalidGrantError);
    expect(error.step).toBe('token refresh');
    expect(error.message).not.toContain(refreshToken);
  });

  it('says HubSpot refused Baton’s credentials, never showing the secret', async () => {
    const error = await rejection(
      exchangeCode({ ...config, clientSecret: 'wrong-secret' }, codeFor()),
    );
    expect(error).not.toBeInstanceOf(InvalidGrantError);
    expect(error.message).toBe(
      'HubSpot refused the code exchange (HTTP 400, invalid_client, BAD_CLIENT_SECRET)',
    );
    expect(JSON.stringify({ ...error, message: error.message })).not.toContain(CLIENT_SECRET);
  });

  it('tells a HubSpot failure from a refusal', async () => {
    const error = await rejection(
      exchangeCode(config, codeFor(), { fetch: failingTokenEndpoint(503, '<html>down</html>') }),
    );
    expect(error).toMatchObject({ status: 503, code: null });
    expect(error.message).toBe('HubSpot failed the code exchange (HTTP 503)');
  });

  it('names the fields of an answer it cannot use, not their values', async () => {
    const answer = JSON.stringify({ access_token: 'at-secret-value', expires_in: 'soon' });
    const error = await rejection(
      exchangeCode(config, codeFor(), {
        fetch: async () => new Response(answer, { status: 200 }),
      }),
    );
    expect(error.message).toBe(
      "HubSpot's answer to the code exchange is missing or has invalid refresh_token, expires_in",
    );
  });

  it('says when HubSpot cannot be reached or does not answer in time', async () => {
    const closed = await rejection(
      exchangeCode({ ...config, apiBaseUrl: 'http://127.0.0.1:9' }, codeFor()),
    );
    expect(closed).toMatchObject({ status: null });
    expect(closed.message).toMatch(/^HubSpot could not be reached for the code exchange \(/);

    const silent: typeof fetch = (_input, init) =>
      new Promise((_resolve, reject) =>
        init?.signal?.addEventListener('abort', () => reject(init.signal!.reason)),
      );
    const late = await rejection(exchangeCode(config, codeFor(), { fetch: silent, timeoutMs: 20 }));
    expect(late.message).toBe(
      'HubSpot could not be reached for the code exchange (no answer within 0.02 s)',
    );
  });

  it('refuses the metadata of a token that is no longer active', async () => {
    const { accessToken, refreshToken } = await exchangeCode(config, codeFor());
    await revokeRefreshToken(config, refreshToken);
    const error = await rejection(accessTokenInfo(config, accessToken));
    expect(error).toMatchObject({ step: 'token introspection', code: 'inactive' });
  });

  it('revokes quietly a token HubSpot does not know', async () => {
    await expect(revokeRefreshToken(config, 'not-a-token')).resolves.toBeUndefined();
  });
});
