// Installs: one row per portal, tokens encrypted at rest, erased on uninstall.
import {
  type SaveInstallInput,
  TokenDecryptionError,
  createInstallsRepository,
} from '../../../src/server/db';
import {
  BACKENDS,
  NOW,
  OPEN_TIMEOUT_MS,
  type TestDatabase,
  minutesAfter,
  testCipher,
} from './test-databases';

const ACCESS = 'CJT-access-token-that-must-never-be-stored-in-the-clear';
const REFRESH = 'na1-refresh-token-that-must-never-be-stored-in-the-clear';

const install = (overrides: Partial<SaveInstallInput> = {}): SaveInstallInput => ({
  portalId: '4242',
  hubDomain: 'acme.hubspot.com',
  scopes: ['crm.objects.deals.read', 'oauth'],
  tokens: { accessToken: ACCESS, refreshToken: REFRESH, expiresAt: minutesAfter(NOW, 30) },
  at: NOW,
  ...overrides,
});

describe.each(BACKENDS)('the installs repository on $name', (backend) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await backend.open();
  }, OPEN_TIMEOUT_MS);
  afterAll(() => t.dispose());
  beforeEach(() => t.reset());

  const repo = () => createInstallsRepository(t.db, testCipher(1));

  it('saves an install and reads it back with its tokens', async () => {
    await repo().save(install());
    expect(await repo().get('4242')).toEqual({
      portalId: '4242',
      hubDomain: 'acme.hubspot.com',
      scopes: ['crm.objects.deals.read', 'oauth'],
      installedAt: NOW,
      uninstalledAt: null,
      updatedAt: NOW,
      tokens: { accessToken: ACCESS, refreshToken: REFRESH, expiresAt: minutesAfter(NOW, 30) },
    });
    expect(await repo().get('9999')).toBeNull();
  });

  it('stores no token in plaintext', async () => {
    await repo().save(install());
    const rows = await t.db.query('SELECT * FROM installs');
    const raw = JSON.stringify(rows);
    expect(raw).not.toContain(ACCESS);
    expect(raw).not.toContain(REFRESH);
    expect(rows[0]).toMatchObject({
      access_token_encrypted: expect.stringMatching(/^v1\./),
      refresh_token_encrypted: expect.stringMatching(/^v1\./),
    });
  });

  it('cannot read the tokens with another key', async () => {
    await repo().save(install());
    const withOtherKey = createInstallsRepository(t.db, testCipher(2));
    await expect(withOtherKey.get('4242')).rejects.toThrow(TokenDecryptionError);
  });

  it('keeps the install date when tokens are refreshed', async () => {
    await repo().save(install());
    const later = minutesAfter(NOW, 45);
    const fresh = {
      accessToken: 'new-access',
      refreshToken: REFRESH,
      expiresAt: minutesAfter(later, 30),
    };
    await repo().save(install({ tokens: fresh, at: later }));
    expect(await repo().get('4242')).toMatchObject({
      installedAt: NOW,
      updatedAt: later,
      tokens: fresh,
    });
  });

  it('erases the tokens on uninstall and keeps the record', async () => {
    await repo().save(install());
    const gone = minutesAfter(NOW, 60);
    expect(await repo().delete('4242', gone)).toBe(true);
    expect(await repo().delete('4242', gone)).toBe(false);
    expect(await repo().get('4242')).toMatchObject({ uninstalledAt: gone, tokens: null });
    const [row] = await t.db.query(
      'SELECT access_token_encrypted, refresh_token_encrypted FROM installs',
    );
    expect(row).toEqual({ access_token_encrypted: null, refresh_token_encrypted: null });
  });

  it('treats a portal that comes back after uninstalling as a new install', async () => {
    await repo().save(install());
    await repo().delete('4242', minutesAfter(NOW, 60));
    const back = minutesAfter(NOW, 120);
    await repo().save(install({ at: back }));
    expect(await repo().get('4242')).toMatchObject({ installedAt: back, uninstalledAt: null });
  });

  it('lists installed portals without their tokens, uninstalled ones on request', async () => {
    await repo().save(install({ portalId: '2' }));
    await repo().save(install({ portalId: '1' }));
    await repo().save(install({ portalId: '3' }));
    await repo().delete('3', minutesAfter(NOW, 1));
    const listed = await repo().list();
    expect(listed.map((i) => i.portalId)).toEqual(['1', '2']);
    expect(JSON.stringify(listed)).not.toContain(ACCESS);
    expect(listed[0]).not.toHaveProperty('tokens');
    const all = await repo().list({ includeUninstalled: true });
    expect(all.map((i) => i.portalId)).toEqual(['1', '2', '3']);
  });

  it('refuses an install without tokens, naming the field, and writes nothing', async () => {
    const tokens = { accessToken: '', refreshToken: REFRESH, expiresAt: NOW };
    await expect(repo().save(install({ tokens }))).rejects.toThrow('accessToken is required');
    expect(await repo().list({ includeUninstalled: true })).toEqual([]);
  });
});
