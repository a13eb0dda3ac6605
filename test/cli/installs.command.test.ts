// `baton installs` and `baton uninstall`: the marketplace app's accounts, read from and ended in
// the backend's database (PGlite in BATON_DATA_DIR here).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { installsText, uninstallText } from '../../src/cli/commands/installs.command';
import { createSandbox } from '../../src/sandbox';
import { openBackendStorage } from '../../src/server';

jest.setTimeout(60_000);

const env = { BATON_DATA_DIR: mkdtempSync(join(tmpdir(), 'baton-installs-')) };

async function install(portalId: string): Promise<void> {
  const storage = await openBackendStorage({ env, localDataDir: env.BATON_DATA_DIR });
  try {
    await storage.installs.save({
      portalId,
      hubDomain: `portal-${portalId}.example.com`,
      scopes: ['oauth', 'crm.objects.deals.read'],
      tokens: {
        accessToken: 'access-secret',
        refreshToken: 'refresh-secret',
        expiresAt: new Date(Date.now() + 30 * 60_000),
      },
      at: new Date('2026-11-23T12:00:00Z'),
    });
  } finally {
    await storage.close();
  }
}

describe('baton installs and uninstall', () => {
  it('says when no account installed Baton', async () => {
    expect(await installsText(env, false)).toBe('No account has installed Baton.\n');
  });

  it('lists the accounts, and ends one: its tokens erased, the record kept', async () => {
    await install('1001');
    await install('1002');
    const listed = await installsText(env, false);
    expect(listed).toContain('portal-1001.example.com');
    expect(listed).toContain('portal-1002.example.com');
    expect(listed).not.toContain('secret');

    const sandbox = await createSandbox().listen(0, '127.0.0.1');
    try {
      const out = await uninstallText(
        {
          ...env,
          HUBSPOT_CLIENT_ID: 'sandbox-client-id',
          HUBSPOT_CLIENT_SECRET: 'sandbox-secret',
          HUBSPOT_BASE_URL: sandbox.url,
        },
        '1001',
      );
      expect(out).toMatch(/^Account 1001: tokens erased/);
    } finally {
      await sandbox.close();
    }
    expect(await installsText(env, false)).not.toContain('1001');
    expect(await installsText(env, true)).toMatch(/1001\s+portal-1001\.example\.com\s+\S+\s+\S+/);
  });

  it('refuses an account id that is not one, and an uninstall without the app’s credentials', async () => {
    await expect(uninstallText(env, 'abc')).rejects.toThrow(
      'PORTAL: expected a numeric HubSpot account id, got "abc"',
    );
    await expect(uninstallText(env, '1002')).rejects.toThrow('HUBSPOT_CLIENT_ID is not set');
  });
});
