// baton doctor and provision --crm salesforce, signed in by client credentials against the
// Salesforce test server, as an admin would run them.
import { main } from '../../src/cli/main';
import type { CliIo } from '../../src/cli/cli-io';
import { createSalesforceTestServer } from '../../src/crm/salesforce/test-server/salesforce-test-server';
import { NOW } from '../helpers/handoff-factory';

const SECRET = 'cli-secret-do-not-print';
let running: { url: string; close(): Promise<void> };

beforeAll(async () => {
  running = await createSalesforceTestServer({
    connectedApp: { clientId: 'baton-cli', clientSecret: SECRET },
  }).listen();
});

afterAll(() => running.close());

async function baton(env: NodeJS.ProcessEnv, ...argv: string[]) {
  let out = '';
  let err = '';
  const io: CliIo = { out: (t) => (out += t), err: (t) => (err += t), now: () => NOW, env };
  const code = await main(argv, io);
  return { code, out, err };
}

const salesforceEnv = (secret = SECRET) => ({
  SF_CLIENT_ID: 'baton-cli',
  SF_CLIENT_SECRET: secret,
  SF_INSTANCE_URL: running.url,
});

describe('baton doctor and provision --crm salesforce', () => {
  it('signs in and finds the API and the three objects', async () => {
    const run = await baton(salesforceEnv(), 'doctor', '--crm', 'salesforce');
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
    expect(run.out).toContain(`Checking Salesforce at ${running.url} (client credentials)`);
    expect(run.out).toContain('ok    Sign-in: signed in by the client-credentials flow');
    expect(run.out).toContain('ok    Baton_Handoff__c: Baton_Handoff__c is deployed and readable');
    expect(run.out).toContain('All good: Baton can run here.');
  });

  it('fails the sign-in check, exits 1 and never prints the secret', async () => {
    const run = await baton(salesforceEnv('wrong-secret'), 'doctor', '--crm', 'salesforce');
    expect(run.code).toBe(1);
    expect(run.out).toContain('FAIL  Sign-in: Salesforce refused the client-credentials sign-in');
    expect(run.out).toContain('(invalid_client: invalid client credentials)');
    expect(run.out + run.err).not.toContain('wrong-secret');
  });

  it('names the variable that is missing', async () => {
    const { SF_INSTANCE_URL: _, ...env } = salesforceEnv();
    const run = await baton(env, 'doctor', '--crm', 'salesforce');
    expect(run.code).toBe(1);
    expect(run.err).toBe('baton: SF_INSTANCE_URL is not set\n');
  });

  it('says how to deploy the metadata with the Salesforce CLI', async () => {
    const run = await baton(salesforceEnv(), 'provision', '--crm', 'salesforce');
    expect(run.code).not.toBe(0);
    expect(run.err).toContain('sf project deploy start --source-dir force-app');
    expect(run.err).toContain('sf org assign permset --name Baton');
  });
});
