// The sandbox as a marketplace app's OAuth server: authorize without a login, HubSpot's
// 2026-03 token endpoints and their refusals, and issued tokens that the API accepts for
// thirty minutes, until their install is revoked.
import {
  ACCESS_TOKEN_TTL_MS,
  SANDBOX_CLIENT_ID,
  SANDBOX_TOKEN,
  createSandbox,
} from '../../src/sandbox';
import {
  type Harness,
  TEST_EPOCH,
  expectErrorBody,
  failure,
  startSandbox,
} from './helpers/sandbox-harness';

const SECRET = 'sandbox-secret';
const REDIRECT = 'http://127.0.0.1:3000/oauth/callback';

describe('sandbox OAuth', () => {
  let now = TEST_EPOCH;
  let h: Harness;
  beforeAll(async () => {
    h = await startSandbox({ clock: { now: () => now } });
  });
  afterAll(() => h.close());
  beforeEach(() => {
    now = TEST_EPOCH;
  });

  const authorize = async (query: Record<string, string>) =>
    fetch(`${h.url}/oauth/authorize?${new URLSearchParams(query)}`, { redirect: 'manual' });

  const post = async (path: string, form: Record<string, string>) => {
    const response = await fetch(`${h.url}${path}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(form).toString(),
    });
    const text = await response.text();
    return { status: response.status, body: text === '' ? undefined : JSON.parse(text) };
  };

  const client = { client_id: SANDBOX_CLIENT_ID, client_secret: SECRET };

  async function install(scope = 'oauth crm.objects.deals.read') {
    const response = await authorize({
      client_id: SANDBOX_CLIENT_ID,
      redirect_uri: REDIRECT,
      scope,
      state: 'xyz',
    });
    const code = new URL(response.headers.get('location')!).searchParams.get('code')!;
    const answer = await post('/oauth/2026-03/token', {
      ...client,
      grant_type: 'authorization_code',
      code,
      redirect_uri: REDIRECT,
    });
    return answer.body as { access_token: string; refresh_token: string };
  }

  it('authorizes at once, back to the redirect URI with a code and the state', async () => {
    const response = await authorize({
      client_id: SANDBOX_CLIENT_ID,
      redirect_uri: REDIRECT,
      scope: 'oauth crm.objects.deals.read',
      optional_scope: 'tickets',
      state: 'the state',
    });
    expect(response.status).toBe(302);
    const back = new URL(response.headers.get('location')!);
    expect(back.origin + back.pathname).toBe(REDIRECT);
    expect(back.searchParams.get('state')).toBe('the state');
    expect(back.searchParams.get('code')).toEqual(expect.any(String));
  });

  it('shows an error page for an unknown app or a bad redirect URI', async () => {
    const unknown = await authorize({
      client_id: 'nobody',
      redirect_uri: REDIRECT,
      scope: 'oauth',
    });
    expect(unknown.status).toBe(400);
    expect(await unknown.text()).toContain('no app with client_id nobody is known to this sandbox');
    const bad = await authorize({ client_id: SANDBOX_CLIENT_ID, redirect_uri: 'javascript:x' });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('redirect_uri must be an http(s) URL');
  });

  it('exchanges a code for HubSpot’s token answer', async () => {
    const response = await authorize({
      client_id: SANDBOX_CLIENT_ID,
      redirect_uri: REDIRECT,
      scope: 'oauth crm.objects.deals.read',
    });
    const code = new URL(response.headers.get('location')!).searchParams.get('code')!;
    const answer = await post('/oauth/2026-03/token', {
      ...client,
      grant_type: 'authorization_code',
      code,
      redirect_uri: REDIRECT,
    });
    expect(answer).toEqual({
      status: 200,
      body: {
        token_type: 'bearer',
        token_use: 'access_token',
        access_token: expect.any(String),
        refresh_token: expect.any(String),
        expires_in: 1800,
        hub_id: h.sandbox.portalId,
        scopes: ['oauth', 'crm.objects.deals.read'],
        user_id: h.sandbox.store.owners[0]!.userId,
      },
    });
  });

  it('refuses with HubSpot’s fields and RFC 6749’s', async () => {
    const answer = await post('/oauth/2026-03/token', {
      ...client,
      grant_type: 'refresh_token',
      refresh_token: 'not-one-of-ours',
    });
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({
      status: 'BAD_REFRESH_TOKEN',
      message: 'refresh token is invalid, expired or revoked',
      error: 'invalid_grant',
      error_description: 'refresh token is invalid, expired or revoked',
      correlationId: expect.stringMatching(/^[0-9a-f-]{36}$/),
    });
    expect(
      (await post('/oauth/2026-03/token', { ...client, grant_type: 'password' })).body,
    ).toMatchObject({ error: 'unsupported_grant_type' });
    expect(
      (await post('/oauth/2026-03/token', { ...client, grant_type: 'refresh_token' })).body,
    ).toMatchObject({ error: 'invalid_request', message: 'refresh_token is required' });
    expect(
      (
        await post('/oauth/2026-03/token', {
          client_id: SANDBOX_CLIENT_ID,
          client_secret: 'wrong',
          grant_type: 'refresh_token',
          refresh_token: 'x',
        })
      ).body,
    ).toMatchObject({ error: 'invalid_client', status: 'BAD_CLIENT_SECRET' });
  });

  it('lets the API in with an issued token until it expires after 30 minutes', async () => {
    const { access_token } = await install();
    const api = h.clientWith(access_token);
    expect((await api.crm.owners.ownersApi.getPage()).results.length).toBeGreaterThan(0);

    now += ACCESS_TOKEN_TTL_MS + 2 * 60_000;
    const expired = await failure(api.crm.owners.ownersApi.getPage());
    expect(expired.code).toBe(401);
    expectErrorBody(expired.body, 'EXPIRED_AUTHENTICATION');
    expect(expired.body.message).toBe(
      'The OAuth token used to make this call expired 2 minute(s) ago.',
    );
    // The fixed token never expires.
    expect((await h.api('GET', '/crm/v3/owners', undefined, SANDBOX_TOKEN)).status).toBe(200);
  });

  it('refreshes to a working token; revoking the refresh token ends the install', async () => {
    const { refresh_token } = await install();
    now += ACCESS_TOKEN_TTL_MS;
    const refreshed = await post('/oauth/2026-03/token', {
      ...client,
      grant_type: 'refresh_token',
      refresh_token,
    });
    expect(refreshed.body).toMatchObject({ refresh_token, expires_in: 1800 });
    const token = (refreshed.body as { access_token: string }).access_token;
    expect((await h.api('GET', '/crm/v3/owners', undefined, token)).status).toBe(200);

    expect(await post('/oauth/2026-03/token/revoke', { ...client, token: refresh_token })).toEqual({
      status: 200,
      body: undefined,
    });
    const refused = await h.api('GET', '/crm/v3/owners', undefined, token);
    expect(refused.status).toBe(401);
    expectErrorBody(refused.body, 'INVALID_AUTHENTICATION');
    expect(
      (
        await post('/oauth/2026-03/token', {
          ...client,
          grant_type: 'refresh_token',
          refresh_token,
        })
      ).body,
    ).toMatchObject({ error: 'invalid_grant' });
  });

  it('describes live tokens and says a dead one is inactive', async () => {
    const { access_token, refresh_token } = await install();
    const access = await post('/oauth/2026-03/token/introspect', {
      ...client,
      token: access_token,
      token_type_hint: 'access_token',
    });
    expect(access.body).toEqual({
      active: true,
      token_use: 'access_token',
      token_type: 'access',
      token: access_token,
      client_id: SANDBOX_CLIENT_ID,
      app_id: expect.any(Number),
      hub_id: h.sandbox.portalId,
      hub_domain: `sandbox-${h.sandbox.portalId}.hubspot.test`,
      scopes: ['oauth', 'crm.objects.deals.read'],
      user_id: h.sandbox.store.owners[0]!.userId,
      user: h.sandbox.store.owners[0]!.email,
      expires_in: 1800,
      is_private_distribution: false,
    });
    const refresh = await post('/oauth/2026-03/token/introspect', {
      ...client,
      token: refresh_token,
    });
    expect(refresh.body).toMatchObject({ active: true, token_use: 'refresh_token' });
    const unknown = await post('/oauth/2026-03/token/introspect', { ...client, token: 'x.y' });
    expect(unknown.body).toEqual({ active: false });
  });

  it('counts the OAuth requests, which need no bearer token', async () => {
    h.sandbox.stats.reset();
    await install();
    expect(h.sandbox.stats.snapshot().byRoute).toEqual({
      'GET /oauth/authorize': 1,
      'POST /oauth/2026-03/token': 1,
    });
  });

  it('still accepts its tokens after a restart with the same app secret', async () => {
    const { access_token } = await install();
    const restarted = createSandbox({ clock: { now: () => now }, logError: () => undefined });
    expect(restarted.oauth.verifyAccessToken(access_token).status).toBe('valid');
    const otherSecret = createSandbox({
      oauth: { clientSecret: 'another' },
      clock: { now: () => now },
    });
    expect(otherSecret.oauth.verifyAccessToken(access_token).status).toBe('unknown');
  });
});
