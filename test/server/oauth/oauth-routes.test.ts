// The install flow through real HTTP, as a browser walks it: Baton's /oauth/install, the
// sandbox's authorize page, Baton's callback; then what was stored, and what was refused.
import { Hono } from 'hono';
import type { InstallsRepository } from '../../../src/server/db';
import { type OAuthRouteDeps, registerOAuthRoutes } from '../../../src/server/oauth';
import {
  CLIENT_SECRET,
  MINUTE,
  NOW,
  type OAuthSandbox,
  OPEN_TIMEOUT_MS,
  type TestInstalls,
  captureLog,
  failingTokenEndpoint,
  oauthConfig,
  openInstalls,
  pinnedClock,
  serveApp,
  startOAuthSandbox,
} from './helpers/oauth-harness';

describe('the OAuth install routes', () => {
  const clock = pinnedClock();
  const logs = captureLog();
  const onInstalled = jest.fn<Promise<void>, [string]>();
  let currentFetch: typeof fetch = fetch;
  let h: OAuthSandbox;
  let db: TestInstalls;
  let installs: InstallsRepository;
  let backend: { url: string; close(): Promise<void> };
  let portalId: string;

  beforeAll(async () => {
    h = await startOAuthSandbox(clock);
    db = await openInstalls();
    installs = db.installs;
    portalId = String(h.sandbox.portalId);
    const app = new Hono();
    backend = await serveApp(app);
    const deps: OAuthRouteDeps = {
      config: oauthConfig(h.url, `${backend.url}/oauth/callback`),
      installs,
      now: clock.now,
      log: logs.log,
      fetch: (input, init) => currentFetch(input, init),
      onInstalled,
    };
    registerOAuthRoutes(app, deps);
  }, OPEN_TIMEOUT_MS);
  afterAll(async () => {
    await backend.close();
    await h.close();
    await db.close();
  });
  beforeEach(async () => {
    clock.set(NOW);
    await db.db.exec('TRUNCATE installs');
    currentFetch = fetch;
    onInstalled.mockReset().mockResolvedValue(undefined);
    logs.lines.length = 0;
  });

  const get = (url: string) => fetch(url, { redirect: 'manual' });
  const location = (response: Response) => {
    expect(response.status).toBe(302);
    return response.headers.get('location')!;
  };

  /** /oauth/install, then HubSpot's (the sandbox's) authorize page: the callback URL it sends back. */
  async function callbackUrl(query = ''): Promise<URL> {
    const authorize = new URL(location(await get(`${backend.url}/oauth/install${query}`)));
    expect(authorize.origin).toBe(h.url);
    return new URL(location(await get(authorize.href)));
  }

  it('installs a portal end to end and keeps its tokens encrypted', async () => {
    const callback = await callbackUrl();
    expect(callback.origin + callback.pathname).toBe(`${backend.url}/oauth/callback`);
    const code = callback.searchParams.get('code')!;

    const page = await get(callback.href);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(page.headers.get('cache-control')).toBe('no-store');
    expect(page.headers.get('referrer-policy')).toBe('no-referrer');
    const html = await page.text();
    expect(html).toContain(`Baton is installed in sandbox-${portalId}.hubspot.test`);
    expect(html).toContain('Next steps');
    expect(onInstalled).toHaveBeenCalledWith(portalId);

    const install = await installs.get(portalId);
    expect(install).toMatchObject({
      hubDomain: `sandbox-${portalId}.hubspot.test`,
      scopes: ['oauth', 'crm.objects.deals.read', 'crm.schemas.custom.write'],
      installedAt: new Date(NOW),
      tokens: { expiresAt: new Date(NOW + 30 * MINUTE) },
    });
    const { accessToken, refreshToken } = install!.tokens!;
    const raw = JSON.stringify(await db.db.query('SELECT * FROM installs'));
    expect(raw).not.toContain(accessToken);
    expect(raw).not.toContain(refreshToken);

    for (const secret of [code, accessToken, refreshToken, CLIENT_SECRET])
      expect(logs.text()).not.toContain(secret);
    expect(logs.lines.map((line) => line.msg)).toContain('portal installed Baton');
  });

  it('sends the person back to HubSpot when the install asked to', async () => {
    const back = 'https://app.hubspot.com/contacts/42/objects/0-3';
    const callback = await callbackUrl(`?returnTo=${encodeURIComponent(back)}`);
    const html = await (await get(callback.href)).text();
    expect(html).toContain(`<a href="${back}">Back to HubSpot</a>`);
  });

  it('will not send anyone back anywhere but HubSpot', async () => {
    const response = await get(
      `${backend.url}/oauth/install?returnTo=${encodeURIComponent('https://evil.example/x')}`,
    );
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('returnTo: must be an https://app.hubspot.com address');
  });

  it('refuses a callback whose state was tampered with, and stores nothing', async () => {
    const callback = await callbackUrl();
    const state = callback.searchParams.get('state')!;
    callback.searchParams.set(
      'state',
      `${state.slice(0, 5)}${state[5] === 'A' ? 'B' : 'A'}${state.slice(6)}`,
    );
    const page = await get(callback.href);
    expect(page.status).toBe(400);
    expect(await page.text()).toContain('the state parameter does not carry Baton’s signature');
    expect(await installs.list({ includeUninstalled: true })).toEqual([]);
    expect(onInstalled).not.toHaveBeenCalled();
    expect(logs.lines).toContainEqual(
      expect.objectContaining({ reason: 'tampered', msg: 'OAuth callback refused: bad state' }),
    );
  });

  it('refuses a callback that comes back after the state expired', async () => {
    const callback = await callbackUrl();
    clock.advance(11 * MINUTE);
    const page = await get(callback.href);
    expect(page.status).toBe(400);
    expect(await page.text()).toContain('the install link expired (it is good for 10 minutes)');
    expect(await installs.get(portalId)).toBeNull();
  });

  it('says the install was cancelled when HubSpot reports access_denied', async () => {
    const callback = await callbackUrl();
    const denied = new URL(`${backend.url}/oauth/callback`);
    denied.searchParams.set('error', 'access_denied');
    denied.searchParams.set('error_description', '<script>alert(1)</script> click evil.example');
    denied.searchParams.set('state', callback.searchParams.get('state')!);
    const page = await get(denied.href);
    expect(page.status).toBe(400);
    const html = await page.text();
    expect(html).toContain('The install was cancelled in HubSpot');
    expect(html).not.toContain('evil.example');
    expect(html).not.toContain('<script');
    expect(await installs.get(portalId)).toBeNull();
  });

  it('names what a callback without a code is missing', async () => {
    const page = await get(`${backend.url}/oauth/callback?state=abc`);
    expect(page.status).toBe(400);
    expect(await page.text()).toContain('(code: required)');
  });

  it('refuses a code used a second time', async () => {
    const callback = await callbackUrl();
    expect((await get(callback.href)).status).toBe(200);
    const again = await get(callback.href);
    expect(again.status).toBe(400);
    expect(await again.text()).toContain('This install link was already used or has expired');
  });

  it('answers 502 when HubSpot fails the code exchange, and stores nothing', async () => {
    const callback = await callbackUrl();
    currentFetch = failingTokenEndpoint(503);
    const page = await get(callback.href);
    expect(page.status).toBe(502);
    expect(await page.text()).toContain('HubSpot did not finish the install');
    expect(await installs.get(portalId)).toBeNull();
    expect(logs.lines).toContainEqual(
      expect.objectContaining({
        msg: 'OAuth callback: HubSpot failed the install',
        err: { type: 'HubSpotOAuthError', step: 'code exchange', status: 503, code: null },
      }),
    );
    expect(logs.text()).not.toContain(callback.searchParams.get('code')!);
  });

  it('keeps the install when its setup cannot be queued, and says so', async () => {
    onInstalled.mockRejectedValue(new Error('the job queue is down'));
    const page = await get((await callbackUrl()).href);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Baton could not start setting up your account');
    expect((await installs.get(portalId))?.tokens).not.toBeNull();
  });
});
