// A portal's access token on demand: stored, refreshed near its expiry (once, however many
// ask), saved again; an uninstalled portal's refusal ends its install; uninstalling erases it.
import type { InstallsRepository } from '../../../src/server/db';
import {
  HubSpotOAuthError,
  type PortalTokens,
  createPortalTokens,
  crmForInstalledPortals,
} from '../../../src/server/oauth';
import {
  MINUTE,
  NOW,
  type OAuthSandbox,
  OPEN_TIMEOUT_MS,
  type TestInstalls,
  captureLog,
  failingTokenEndpoint,
  installSandboxPortal,
  oauthConfig,
  openInstalls,
  pinnedClock,
  startOAuthSandbox,
} from './helpers/oauth-harness';

const TOKEN_ROUTE = 'POST /oauth/2026-03/token';
const REVOKE_ROUTE = 'POST /oauth/2026-03/token/revoke';

describe('portal tokens', () => {
  const clock = pinnedClock();
  const logs = captureLog();
  let currentFetch: typeof fetch = fetch;
  let h: OAuthSandbox;
  let db: TestInstalls;
  let installs: InstallsRepository;
  let config: ReturnType<typeof oauthConfig>;
  let tokens: PortalTokens;

  beforeAll(async () => {
    h = await startOAuthSandbox(clock);
    db = await openInstalls();
    installs = db.installs;
    config = oauthConfig(h.url, 'https://baton.example.test/oauth/callback');
    tokens = createPortalTokens({
      installs,
      config,
      now: clock.now,
      log: logs.log,
      fetch: (input, init) => currentFetch(input, init),
    });
  }, OPEN_TIMEOUT_MS);
  afterAll(async () => {
    await h.close();
    await db.close();
  });
  beforeEach(async () => {
    clock.set(NOW);
    currentFetch = fetch;
    logs.lines.length = 0;
    await db.db.exec('TRUNCATE installs');
  });

  const install = () => installSandboxPortal(h, config, installs, clock);

  it('has no token for a portal that never installed Baton', async () => {
    expect(await tokens.accessTokenFor('999')).toBeNull();
  });

  it('hands out the stored token while it has more than five minutes left', async () => {
    const { portalId, accessToken } = await install();
    const refreshes = h.count(TOKEN_ROUTE);
    clock.advance(24 * MINUTE);
    expect(await tokens.accessTokenFor(portalId)).toBe(accessToken);
    expect(h.count(TOKEN_ROUTE)).toBe(refreshes);
  });

  it('refreshes once for ten callers near expiry, and saves the new token', async () => {
    const { portalId, accessToken, refreshToken } = await install();
    const refreshes = h.count(TOKEN_ROUTE);
    clock.advance(26 * MINUTE);

    const handedOut = await Promise.all(
      Array.from({ length: 10 }, () => tokens.accessTokenFor(portalId)),
    );

    expect(h.count(TOKEN_ROUTE)).toBe(refreshes + 1);
    expect(new Set(handedOut).size).toBe(1);
    expect(handedOut[0]).not.toBe(accessToken);
    expect((await installs.get(portalId))?.tokens).toEqual({
      accessToken: handedOut[0],
      refreshToken,
      expiresAt: new Date(NOW + 56 * MINUTE),
    });
    // The new token works against the API, the old one's grant is the same install.
    expect(h.sandbox.oauth.verifyAccessToken(handedOut[0]!).status).toBe('valid');
    expect(await tokens.accessTokenFor(portalId)).toBe(handedOut[0]);
    expect(h.count(TOKEN_ROUTE)).toBe(refreshes + 1);
  });

  it('marks a portal uninstalled when HubSpot refuses its refresh token', async () => {
    const { portalId, refreshToken, accessToken } = await install();
    h.sandbox.oauth.revoke(refreshToken); // what uninstalling the app in HubSpot does
    clock.advance(28 * MINUTE);
    const crmFor = crmForInstalledPortals({ tokens, baseUrl: h.url, log: logs.log });

    expect(await crmFor(portalId)).toBeNull();
    expect(await installs.get(portalId)).toMatchObject({
      uninstalledAt: new Date(clock.now()),
      tokens: null,
    });
    expect(await tokens.accessTokenFor(portalId)).toBeNull();
    expect(logs.lines).toContainEqual(
      expect.objectContaining({
        level: 40,
        portalId,
        err: expect.objectContaining({ type: 'InvalidGrantError', code: 'invalid_grant' }),
      }),
    );
    for (const secret of [refreshToken, accessToken]) expect(logs.text()).not.toContain(secret);
  });

  it('keeps using a token that still works while HubSpot cannot refresh it', async () => {
    const { portalId, accessToken } = await install();
    currentFetch = failingTokenEndpoint(503);
    clock.advance(27 * MINUTE);
    expect(await tokens.accessTokenFor(portalId)).toBe(accessToken);
    expect(logs.lines.map((line) => line.msg)).toContain(
      'could not refresh the access token; using the current one while it lasts',
    );
  });

  it('fails, rather than hand out an expired token, when the refresh fails', async () => {
    const { portalId } = await install();
    currentFetch = failingTokenEndpoint(503);
    clock.advance(31 * MINUTE);
    await expect(tokens.accessTokenFor(portalId)).rejects.toThrow(HubSpotOAuthError);
    // A failure is not an uninstall: the portal keeps its install for the next try.
    expect((await installs.get(portalId))?.tokens).not.toBeNull();
  });

  it('uninstalls: revokes the grant at HubSpot and erases the tokens', async () => {
    const { portalId, refreshToken } = await install();
    const revokes = h.count(REVOKE_ROUTE);

    expect(await tokens.uninstallPortal(portalId)).toEqual({
      wasInstalled: true,
      revokedAtHubSpot: true,
    });

    expect(h.count(REVOKE_ROUTE)).toBe(revokes + 1);
    expect(h.sandbox.oauth.introspect(refreshToken)).toBeNull();
    expect(await tokens.accessTokenFor(portalId)).toBeNull();
    const [row] = await db.db.query(
      'SELECT access_token_encrypted, refresh_token_encrypted, uninstalled_at FROM installs',
    );
    expect(row).toEqual({
      access_token_encrypted: null,
      refresh_token_encrypted: null,
      uninstalled_at: new Date(NOW),
    });
    expect(await tokens.uninstallPortal(portalId)).toEqual({
      wasInstalled: false,
      revokedAtHubSpot: false,
    });
  });

  it('uninstalls even when HubSpot cannot be told', async () => {
    const { portalId } = await install();
    currentFetch = async () => new Response('', { status: 500 });
    expect(await tokens.uninstallPortal(portalId)).toEqual({
      wasInstalled: true,
      revokedAtHubSpot: false,
    });
    expect((await installs.get(portalId))?.tokens).toBeNull();
  });

  it('lets a refresh under way finish before uninstalling, so it cannot bring tokens back', async () => {
    const { portalId } = await install();
    clock.advance(26 * MINUTE);
    const refreshing = tokens.accessTokenFor(portalId);
    const uninstalling = tokens.uninstallPortal(portalId);
    const joining = tokens.accessTokenFor(portalId);

    expect(await refreshing).toEqual(expect.any(String));
    expect(await uninstalling).toEqual({ wasInstalled: true, revokedAtHubSpot: true });
    expect(await joining).toBeNull();
    expect((await installs.get(portalId))?.tokens).toBeNull();
  });
});
