// `baton serve --crm salesforce`: the backend of one Salesforce org, signed in from SF_* and
// listening to its platform event, in-process and as its own process, against the offline test
// server. The HubSpot path is what serve-command.test.ts covers.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CliIo } from '../../src/cli/cli-io';
import { startServeCommand } from '../../src/cli/commands/serve.command';
import { serveConfigFromEnv } from '../../src/cli/commands/serve-config';
import { freePort } from '../../src/cli/commands/start.command';
import { DEFAULT_POLICY } from '../../src/core';
import { createSalesforceConnection } from '../../src/crm/salesforce/salesforce-calls';
import {
  SALESFORCE_TEST_TOKEN,
  type SalesforceTestServer,
  createSalesforceTestServer,
} from '../../src/crm/salesforce/test-server/salesforce-test-server';
import { TEST_ORG_ID } from '../../src/crm/salesforce/test-server/queries';
import { TEST_IDS } from '../../src/crm/salesforce/test-server/seed';
import { LOCAL_CLIENT_SECRET, createLogger, signRequest } from '../../src/server';

jest.setTimeout(120_000);

const CLIENT_ID = '3MVG9-baton-serve';
const CLIENT_SECRET = 'serve-secret-never-printed';

const dir = mkdtempSync(join(tmpdir(), 'baton-sf-serve-'));
const teamFile = join(dir, 'team.json');
writeFileSync(teamFile, JSON.stringify({ csManagers: [TEST_IDS.csm], csms: [TEST_IDS.csm] }));

async function until<T>(what: string, probe: () => T | Promise<T>, ms = 60_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const sfEnv = (instanceUrl: string) => ({
  SF_CLIENT_ID: CLIENT_ID,
  SF_CLIENT_SECRET: CLIENT_SECRET,
  SF_INSTANCE_URL: instanceUrl,
  BATON_TEAM_FILE: teamFile,
});

describe('baton serve --crm salesforce configuration', () => {
  it('needs the Salesforce sign-in, not HubSpot’s', () => {
    const config = serveConfigFromEnv(sfEnv('https://acme.my.salesforce.com'), 'salesforce');
    expect(config.salesforce).toEqual({
      auth: {
        flow: 'client-credentials',
        clientId: CLIENT_ID,
        clientSecret: CLIENT_SECRET,
        instanceUrl: 'https://acme.my.salesforce.com',
      },
      reconcileEveryMs: 10 * 60_000,
    });
    expect(config.connection).toBeNull();
  });

  it('keeps the HubSpot doors shut: their signing key is no well-known one', () => {
    const one = serveConfigFromEnv(sfEnv('http://127.0.0.1:9'), 'salesforce');
    const two = serveConfigFromEnv(sfEnv('http://127.0.0.1:9'), 'salesforce');
    expect(one.clientSecret).not.toBe(LOCAL_CLIENT_SECRET);
    expect(one.clientSecret).not.toBe(two.clientSecret);
  });

  it.each([
    ['SF_CLIENT_ID is not set', { ...sfEnv('https://x.my.salesforce.com'), SF_CLIENT_ID: '' }],
    ['Salesforce sign-in is not configured', { BATON_TEAM_FILE: teamFile }],
    [
      'BATON_RECONCILE_MINUTES: expected whole minutes from 1 to 1440, got "0"',
      { ...sfEnv('https://x.my.salesforce.com'), BATON_RECONCILE_MINUTES: '0' },
    ],
  ])('stops at start saying "%s"', (message, env) => {
    expect(() => serveConfigFromEnv(env, 'salesforce')).toThrow(message);
  });
});

describe('baton serve --crm salesforce', () => {
  let server: SalesforceTestServer;
  let running: { url: string; close(): Promise<void> };

  beforeAll(async () => {
    server = createSalesforceTestServer({
      connectedApp: { clientId: CLIENT_ID, clientSecret: CLIENT_SECRET },
    });
    running = await server.listen();
  });
  afterAll(() => running.close());

  /** A sales rep winning a deal through the REST API: the org's flow publishes the event. */
  async function win(name: string): Promise<string> {
    const connection = await createSalesforceConnection({
      instanceUrl: running.url,
      accessToken: SALESFORCE_TEST_TOKEN,
    });
    const [created] = (await connection.create(
      'Opportunity',
      [
        {
          Name: name,
          AccountId: TEST_IDS.acme,
          OwnerId: TEST_IDS.seller,
          StageName: 'Prospecting',
          Amount: 80_000,
          CloseDate: '2026-11-30',
        },
      ],
      { allOrNone: true },
    )) as { id: string }[];
    await connection.update('Opportunity', [{ Id: created!.id, StageName: 'Signed' }], {
      allOrNone: true,
    });
    return created!.id;
  }
  const tasksOf = (opportunityId: string) =>
    server.records.list('Task').filter((task) => task.WhatId === opportunityId);
  const handoffsOf = (opportunityId: string) =>
    server.records.list('Baton_Handoff__c').filter((h) => h.Opportunity__c === opportunityId);
  /** The start's last step writes the handoff's status back to the Opportunity. */
  const writtenBack = (opportunityId: string) =>
    until('the handoff', () =>
      Boolean(server.records.get('Opportunity', opportunityId)?.Baton_Status__c),
    );

  it('serves one org: its won deals get their handoff, and the HubSpot doors stay shut', async () => {
    let out = '';
    const io: CliIo = { out: (text) => (out += text), err: () => undefined, now: Date.now };
    const publicUrl = 'https://baton.example.test';
    const serve = await startServeCommand(
      {
        policy: DEFAULT_POLICY,
        host: '127.0.0.1',
        crm: 'salesforce',
        log: createLogger({ level: 'silent' }),
      },
      io,
      {
        ...sfEnv(running.url),
        PORT: '0',
        BATON_PUBLIC_URL: publicUrl,
        BATON_DATA_DIR: mkdtempSync(join(tmpdir(), 'baton-sf-data-')),
      },
    );
    try {
      expect(out).toContain(`CRM        Salesforce org ${TEST_ORG_ID} at ${running.url}`);
      expect(out).toContain(
        'listener   /event/Baton_Handoff_Requested__e, reconciling every 10 min',
      );
      expect(out).not.toContain('/hubspot/webhooks');
      await until('the subscription', () => server.streaming.subscribers() === 1);

      const dealId = await win('Acme in-process');
      await writtenBack(dealId);
      expect(handoffsOf(dealId)).toHaveLength(1);
      expect(tasksOf(dealId)).toHaveLength(5);

      // Signed with the sandbox's well-known secret, a webhook is refused.
      const body = '[]';
      const path = '/hubspot/webhooks';
      const refused = await fetch(serve.url + path, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          ...signRequest({
            clientSecret: LOCAL_CLIENT_SECRET,
            method: 'POST',
            url: publicUrl + path,
            body,
            timestamp: Date.now(),
          }),
        },
        body,
      });
      expect(refused.status).toBe(401);
    } finally {
      await serve.stop(1_000);
    }
    expect(server.streaming.subscribers()).toBe(0);
  });

  it('refuses to start when Salesforce refuses the sign-in, saying so', async () => {
    const io: CliIo = { out: () => undefined, err: () => undefined, now: Date.now };
    await expect(
      startServeCommand({ policy: DEFAULT_POLICY, host: '127.0.0.1', crm: 'salesforce' }, io, {
        ...sfEnv(running.url),
        SF_CLIENT_SECRET: 'wrong',
        PORT: '0',
        BATON_PUBLIC_URL: 'https://baton.example.test',
        BATON_DATA_DIR: mkdtempSync(join(tmpdir(), 'baton-sf-data-')),
      }),
    ).rejects.toThrow(
      /^cannot connect to Salesforce: Salesforce refused the client-credentials sign-in .*invalid_client/,
    );
  });

  it('runs as its own process, and stops cleanly on SIGTERM', async () => {
    const port = await freePort();
    const child: ChildProcess = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        join(__dirname, 'processes', 'serve-process.ts'),
        'serve',
        '--crm',
        'salesforce',
        '--host',
        '127.0.0.1',
      ],
      {
        env: {
          PATH: process.env.PATH ?? '',
          ...sfEnv(running.url),
          PORT: String(port),
          BATON_DATA_DIR: mkdtempSync(join(tmpdir(), 'baton-sf-process-')),
          LOG_LEVEL: 'info',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    const exited = new Promise<number | null>((resolve) =>
      child.once('exit', (code) => resolve(code)),
    );
    try {
      await until('the listener', () => {
        if (child.exitCode !== null) throw new Error(`baton serve exited at start:\n${output}`);
        return output.includes('listening for Salesforce handoff events');
      });
      const dealId = await win('Acme as a process');
      await writtenBack(dealId);
      expect(handoffsOf(dealId)).toHaveLength(1);
      expect(tasksOf(dealId)).toHaveLength(5);
      await until('its log line', () => output.includes('"msg":"handoff started"'));
    } finally {
      if (child.exitCode === null) child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
    expect(server.streaming.subscribers()).toBe(0);
    expect(output).not.toContain(CLIENT_SECRET);
    expect(output).not.toMatch(/salesforce-test-session/);
  });
});
