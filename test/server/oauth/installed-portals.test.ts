// The CRM of an installed portal, on its OAuth token: the real adapter against the sandbox,
// one adapter per portal for the life of the process, its metadata cache kept across a refresh.
import type { InstallsRepository } from '../../../src/server/db';
import { createPortalTokens, crmForInstalledPortals } from '../../../src/server/oauth';
import {
  MINUTE,
  type OAuthSandbox,
  OPEN_TIMEOUT_MS,
  type TestInstalls,
  captureLog,
  installSandboxPortal,
  oauthConfig,
  openInstalls,
  pinnedClock,
  startOAuthSandbox,
} from './helpers/oauth-harness';

const fastRetry = { retries: 2, baseDelayMs: 1, maxDelayMs: 2, sleep: () => Promise.resolve() };

describe('the CRM of installed portals', () => {
  const clock = pinnedClock();
  const logs = captureLog();
  let h: OAuthSandbox;
  let db: TestInstalls;
  let installs: InstallsRepository;

  beforeAll(async () => {
    h = await startOAuthSandbox(clock);
    db = await openInstalls();
    installs = db.installs;
  }, OPEN_TIMEOUT_MS);
  afterAll(async () => {
    await h.close();
    await db.close();
  });

  it('loads a closed-won deal with an OAuth token, and keeps its adapter across a refresh', async () => {
    const config = oauthConfig(h.url, 'https://baton.example.test/oauth/callback');
    const { portalId, accessToken } = await installSandboxPortal(h, config, installs, clock);
    const tokens = createPortalTokens({ installs, config, now: clock.now, log: logs.log });
    // The adapter keeps real time for its metadata cache; only the tokens follow the test clock.
    const crmFor = crmForInstalledPortals({
      tokens,
      baseUrl: h.url,
      requestsPerTenSeconds: 10_000,
      log: logs.log,
      retry: fastRetry,
    });

    const crm = await crmFor(portalId);
    expect(crm).not.toBeNull();
    await crm!.provision();
    const won = new Set(Object.values((await crm!.closedWonStages()).byPipeline).flat());
    const deal = h.sandbox.store.records
      .list(h.sandbox.store.type('0-3'))
      .find((record) => won.has(record.properties.dealstage ?? ''))!;

    const context = await crm!.loadDealContext(deal.id);
    expect(context.deal).toMatchObject({ id: deal.id, name: deal.properties.dealname });
    expect(context.company).not.toBeNull();

    clock.advance(26 * MINUTE);
    const schemaReads = h.count('GET /crm-object-schemas/v3/schemas');
    expect(schemaReads).toBeGreaterThan(0);
    const again = await crmFor(portalId);
    expect(again).toBe(crm);
    expect((await installs.get(portalId))?.tokens?.accessToken).not.toBe(accessToken);
    // The old token's 30 minutes are nearly up; the deal loads on the refreshed one...
    clock.advance(5 * MINUTE);
    expect(h.sandbox.oauth.verifyAccessToken(accessToken).status).toBe('expired');
    expect((await again!.loadDealContext(deal.id)).deal.id).toBe(deal.id);
    // ...and without reading the portal's metadata again.
    expect(h.count('GET /crm-object-schemas/v3/schemas')).toBe(schemaReads);
  });

  it('has no CRM for a portal that has not installed Baton', async () => {
    const config = oauthConfig(h.url, 'https://baton.example.test/oauth/callback');
    const tokens = createPortalTokens({ installs, config, now: clock.now, log: logs.log });
    expect(await crmForInstalledPortals({ tokens, baseUrl: h.url, log: logs.log })('1')).toBeNull();
  });
});
