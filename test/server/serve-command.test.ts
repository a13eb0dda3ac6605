// `baton serve`: the backend alone with credentials from the environment; a missing or bad
// setting stops it at start, naming the variable.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServeCommand } from '../../src/cli/commands/serve.command';
import { freePort } from '../../src/cli/commands/start.command';
import { serveConfigFromEnv } from '../../src/cli/commands/serve-config';
import type { CliIo } from '../../src/cli/cli-io';
import { DEFAULT_POLICY } from '../../src/core';
import { SEED_OWNERS, SANDBOX_TOKEN, createSandbox } from '../../src/sandbox';
import { createLogger, signRequest } from '../../src/server';
import { createHubSpotAdapter } from '../../src/crm/hubspot/hubspot-adapter';
import { createHubSpotClient } from '../../src/crm/hubspot/hubspot-client';
import { directory } from './helpers/backend-harness';

const dir = mkdtempSync(join(tmpdir(), 'baton-serve-'));
const teamFile = join(dir, 'team.json');
writeFileSync(teamFile, JSON.stringify(directory));

const realAccount = {
  HUBSPOT_ACCESS_TOKEN: 'pat-na1-test',
  HUBSPOT_CLIENT_SECRET: 'real-secret',
  BATON_TEAM_FILE: teamFile,
};

describe('baton serve configuration', () => {
  it('defaults PORT to 3000 and the public URL to localhost on it', () => {
    expect(serveConfigFromEnv(realAccount)).toMatchObject({
      port: 3000,
      publicUrl: 'http://localhost:3000',
      clientSecret: 'real-secret',
      connection: { accessToken: 'pat-na1-test', baseUrl: 'https://api.hubapi.com' },
    });
  });

  it.each([
    ['HUBSPOT_ACCESS_TOKEN is not set', { ...realAccount, HUBSPOT_ACCESS_TOKEN: '' }],
    ['HUBSPOT_CLIENT_SECRET is not set', { ...realAccount, HUBSPOT_CLIENT_SECRET: ' ' }],
    ['BATON_TEAM_FILE is not set', { ...realAccount, BATON_TEAM_FILE: undefined }],
    ['PORT: expected a port number from 0 to 65535, got "http"', { ...realAccount, PORT: 'http' }],
    ['BATON_PUBLIC_URL is not set', { ...realAccount, PORT: '0' }],
    ['BATON_PUBLIC_URL: expected a URL', { ...realAccount, BATON_PUBLIC_URL: 'baton.example.com' }],
    [
      'HUBSPOT_BASE_URL: expected an http or https URL',
      { ...realAccount, HUBSPOT_BASE_URL: 'ftp://x' },
    ],
    ['LOG_LEVEL: expected one of', { ...realAccount, LOG_LEVEL: 'loud' }],
    [
      'BATON_JOB_LEASE_SECONDS: expected whole seconds',
      { ...realAccount, BATON_JOB_LEASE_SECONDS: '0' },
    ],
  ])('stops at start saying "%s"', (message, env) => {
    expect(() => serveConfigFromEnv(env)).toThrow(message);
  });

  it('uses the local secret only against a sandbox on this machine', () => {
    const local = serveConfigFromEnv({
      ...realAccount,
      HUBSPOT_CLIENT_SECRET: undefined,
      HUBSPOT_BASE_URL: 'http://127.0.0.1:3001',
    });
    expect(local.clientSecret).toBe('sandbox-secret');
  });
});

describe('baton serve', () => {
  const capture = () => {
    let out = '';
    const io: CliIo = { out: (t) => (out += t), err: () => undefined, now: () => Date.now() };
    return { io, out: () => out };
  };

  it('refuses a team file that is not a team directory, naming the field', async () => {
    const bad = join(dir, 'bad-team.json');
    writeFileSync(bad, JSON.stringify({ csManagers: [], csms: [] }));
    await expect(
      startServeCommand({ policy: DEFAULT_POLICY, host: '127.0.0.1' }, capture().io, {
        ...realAccount,
        BATON_TEAM_FILE: bad,
      }),
    ).rejects.toThrow(
      `BATON_TEAM_FILE ${bad} is not a valid team directory:\n  csManagers: name at least one CS manager`,
    );
  });

  it('serves the card API for the account of its token, signed against the public URL', async () => {
    const sandbox = await createSandbox({ rateLimit: { max: 100_000 } }).listen(0);
    const { io, out } = capture();
    const publicUrl = 'https://baton.example.test';
    const running = await startServeCommand(
      { policy: DEFAULT_POLICY, host: '127.0.0.1', log: createLogger({ level: 'silent' }) },
      io,
      {
        PORT: '0',
        BATON_PUBLIC_URL: publicUrl,
        HUBSPOT_BASE_URL: sandbox.url,
        HUBSPOT_ACCESS_TOKEN: SANDBOX_TOKEN,
        BATON_TEAM_FILE: teamFile,
        BATON_DATA_DIR: join(dir, 'data'),
      },
    );
    try {
      expect(out()).toContain(`Baton backend listening on ${running.url}`);
      expect(out()).toContain(`storage    PGlite (${join(dir, 'data', 'db')})`);
      expect(out()).toContain(`POST ${publicUrl}/hubspot/webhooks`);
      const health = await fetch(`${running.url}/health`);
      expect(health.status).toBe(200);

      const ae = SEED_OWNERS.find((o) => o.role === 'ae')!;
      const path = `/api/deals/1/handoff?portalId=123&userId=${ae.userId}`;
      const response = await fetch(running.url + path, {
        headers: signRequest({
          clientSecret: 'sandbox-secret',
          method: 'GET',
          url: publicUrl + path,
          timestamp: Date.now(),
        }),
      });
      // Signed, and through to the sandbox, where nobody has run `baton provision` yet.
      expect(response.status).toBe(503);
      expect(await response.json()).toMatchObject({
        code: 'not_provisioned',
        message: expect.stringContaining('baton provision'),
      });
    } finally {
      await running.stop(1_000);
      await sandbox.close();
    }
  });

  it('serves the marketplace app: an account installs it by OAuth, is provisioned, and its closed-won deals are handed off', async () => {
    const sandbox = createSandbox({ rateLimit: { max: 100_000 } });
    const running = await sandbox.listen(0, '127.0.0.1');
    const port = await freePort();
    const publicUrl = `http://127.0.0.1:${port}`;
    const { io, out } = capture();
    const serve = await startServeCommand(
      { policy: DEFAULT_POLICY, host: '127.0.0.1', log: createLogger({ level: 'silent' }) },
      io,
      {
        PORT: String(port),
        BATON_PUBLIC_URL: publicUrl,
        HUBSPOT_BASE_URL: running.url,
        HUBSPOT_CLIENT_ID: 'sandbox-client-id',
        HUBSPOT_CLIENT_SECRET: 'sandbox-secret',
        BATON_TEAM_FILE: teamFile,
        BATON_DATA_DIR: mkdtempSync(join(tmpdir(), 'baton-market-')),
      },
    );
    try {
      expect(out()).toContain(`install: ${publicUrl}/oauth/install`);
      // Before any install, the account is unknown.
      const unknown = await signedFetch(
        publicUrl,
        serve.url,
        'POST',
        '/hubspot/actions/start-handoff',
        {
          callbackId: 'cb-0',
          origin: { portalId: sandbox.portalId },
          object: { objectId: 1, objectType: 'DEAL' },
        },
      );
      expect(unknown.status).toBe(403);

      // The admin's browser: install → the (sandbox's) consent page → back to the callback.
      let url = `${publicUrl}/oauth/install`;
      let response = await fetch(url, { redirect: 'manual' });
      for (let hop = 0; hop < 3 && response.status === 302; hop++) {
        url = new URL(response.headers.get('location')!, url).toString();
        response = await fetch(url, { redirect: 'manual' });
      }
      expect(response.status).toBe(200);
      expect(await response.text()).toContain('Baton is installed');

      // The install queued `provision`; then a closed-won deal's webhook starts its handoff.
      const adapter = createHubSpotAdapter({
        client: createHubSpotClient({ accessToken: SANDBOX_TOKEN, baseUrl: running.url }),
        log: { warn: () => undefined },
      });
      await waitFor(async () => (await adapter.doctor()).every((check) => check.ok));
      const won = await adapter.closedWonStages();
      const wonStages = new Set(Object.values(won.byPipeline).flat());
      const deal = sandbox.store.records
        .list(sandbox.store.type('0-3'))
        .find((record) => wonStages.has(record.properties.dealstage ?? ''))!;
      const accepted = await signedFetch(publicUrl, serve.url, 'POST', '/hubspot/webhooks', [
        {
          eventId: 42,
          portalId: sandbox.portalId,
          occurredAt: Date.now(),
          subscriptionType: 'object.propertyChange',
          objectTypeId: '0-3',
          objectId: Number(deal.id),
          propertyName: 'dealstage',
          propertyValue: deal.properties.dealstage,
        },
      ]);
      expect(await accepted.json()).toMatchObject({ queued: 1 });
      await waitFor(async () => (await adapter.loadDealContext(deal.id)).handoff !== null);
    } finally {
      await serve.stop(1_000);
      await running.close();
    }
  }, 60_000);
});

async function signedFetch(
  publicUrl: string,
  serverUrl: string,
  method: string,
  path: string,
  json: unknown,
): Promise<Response> {
  const body = JSON.stringify(json);
  return fetch(serverUrl + path, {
    method,
    headers: {
      'Content-Type': 'application/json',
      ...signRequest({
        clientSecret: 'sandbox-secret',
        method,
        url: publicUrl + path,
        body,
        timestamp: Date.now(),
      }),
    },
    body,
  });
}

async function waitFor(probe: () => Promise<boolean>, ms = 30_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await probe().catch(() => false))) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
