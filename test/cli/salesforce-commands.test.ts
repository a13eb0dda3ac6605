// baton doctor and provision --crm salesforce, signed in by client credentials against the
// Salesforce test server, as an admin would run them: against an org with Baton deployed, and
// against a fresh one that `provision --deploy` sets up from a generated SFDX project.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { runBaton } from './helpers/run-baton';
import {
  type GeneratedFile,
  METADATA_DIR,
  salesforceFiles,
} from '../../src/crm/salesforce/generated-files';
import {
  type SalesforceTestServer,
  createSalesforceTestServer,
} from '../../src/crm/salesforce/test-server/salesforce-test-server';

const SECRET = 'cli-secret-do-not-print';
const connectedApp = { clientId: 'baton-cli', clientSecret: SECRET };
let running: { url: string; close(): Promise<void> };
let fresh: { server: SalesforceTestServer; url: string; close(): Promise<void> };
let projects: string;

beforeAll(async () => {
  running = await createSalesforceTestServer({ connectedApp }).listen();
  const server = createSalesforceTestServer({ connectedApp, deployed: false });
  fresh = { server, ...(await server.listen()) };
  projects = await mkdtemp(join(tmpdir(), 'baton-sfdx-'));
});

afterAll(async () => {
  await running.close();
  await fresh.close();
  await rm(projects, { recursive: true, force: true });
});

/** An SFDX project as `npm run build` writes it, with the Lightning card's bundle beside. */
const CARD: GeneratedFile[] = [
  { path: `${METADATA_DIR}/lwc/batonHandoffCard/batonHandoffCard.js`, content: 'export {};\n' },
  {
    path: `${METADATA_DIR}/lwc/batonHandoffCard/batonHandoffCard.js-meta.xml`,
    content: '<?xml version="1.0" encoding="UTF-8"?>\n<LightningComponentBundle/>\n',
  },
];

async function project(name: string, files: readonly GeneratedFile[]): Promise<string> {
  const dir = join(projects, name);
  for (const file of files) {
    await mkdir(dirname(join(dir, file.path)), { recursive: true });
    await writeFile(join(dir, file.path), file.content);
  }
  return dir;
}

const baton = (env: NodeJS.ProcessEnv, ...argv: string[]) => runBaton(env, argv);

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

  it('deploys only when asked: without --deploy it says how, with Baton or the Salesforce CLI', async () => {
    const run = await baton(salesforceEnv(), 'provision', '--crm', 'salesforce');
    expect(run.code).toBe(1);
    expect(run.err).toContain('run `baton provision --crm salesforce --deploy`');
    expect(run.err).toContain('sf project deploy start --source-dir force-app');
    expect(run.err).toContain('sf org assign permset --name Baton');
  });
});

describe('baton provision --crm salesforce --deploy', () => {
  const freshEnv = () => ({ ...salesforceEnv(), SF_INSTANCE_URL: fresh.url });
  const deploy = (dir: string) =>
    baton(freshEnv(), 'provision', '--crm', 'salesforce', '--deploy', '--source-dir', dir);

  it('deploys the generated project to a fresh org, after which the doctor finds it all', async () => {
    const before = await baton(freshEnv(), 'doctor', '--crm', 'salesforce');
    expect(before.code).toBe(1);
    expect(before.out).toContain(
      'FAIL  Baton_Handoff__c: Baton_Handoff__c is missing or not readable',
    );

    const dir = await project('built', [...salesforceFiles(), ...CARD]);
    const run = await deploy(dir);
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
    expect(run.out).toContain(`Provisioning Salesforce at ${fresh.url} (client credentials)`);
    expect(run.out).toContain('  created    CustomObject Baton_Handoff__c\n');
    expect(run.out).toContain('  created    LightningComponentBundle batonHandoffCard\n');
    expect(run.out).toContain('  created    Flow Baton_Request_Handoff_When_Won\n');
    expect(run.out).toContain('Next: assign the Baton permission set');
    expect(run.out + run.err).not.toContain(SECRET);

    const after = await baton(freshEnv(), 'doctor', '--crm', 'salesforce');
    expect(after.out).toContain('ok    Opportunity: Opportunity has Baton');
    expect(after.out).toContain('All good: Baton can run here.');
    expect(after.code).toBe(0);
  });

  it('deploys the same project again and says nothing changed', async () => {
    const run = await deploy(join(projects, 'built'));
    expect(run.code).toBe(0);
    expect(run.out).toContain('Nothing to change: Baton is already set up');
    expect(run.out).not.toMatch(/^ {2}(created|updated) /m);
  });

  it('refuses a build older than this Baton, before sending anything', async () => {
    const requests = fresh.server.metadata.deployRequests;
    const stale = salesforceFiles().map((file) =>
      file.path.endsWith('Baton_Handoff__c/fields/Gaps__c.field-meta.xml')
        ? { ...file, content: file.content.replace('<label>', '<label>Old ') }
        : file,
    );
    const run = await deploy(await project('stale', stale));
    expect(run.code).toBe(1);
    expect(run.err).toMatch(/is older than this Baton \(1 file\(s\) differ, such as force-app\//);
    expect(run.err).toContain('run `npm run build` and deploy again');
    expect(fresh.server.metadata.deployRequests).toBe(requests);

    const missing = await deploy(join(projects, 'never-built'));
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('no generated SFDX project in');
  });

  it('names the component Salesforce refused, and exits 1', async () => {
    const broken: GeneratedFile = {
      path: `${METADATA_DIR}/objects/Opportunity/fields/Baton_Broken__c.field-meta.xml`,
      content:
        '<?xml version="1.0" encoding="UTF-8"?>\n' +
        '<CustomField xmlns="http://soap.sforce.com/2006/04/metadata">\n' +
        '    <fullName>Baton_Broken__c</fullName>\n    <label>Broken</label>\n' +
        '    <referenceTo>Nowhere__c</referenceTo>\n    <type>Lookup</type>\n</CustomField>\n',
    };
    const run = await deploy(await project('broken', [...salesforceFiles(), broken]));
    expect(run.code).toBe(1);
    expect(run.err).toContain('nothing was changed:');
    expect(run.err).toContain(
      "CustomField Opportunity.Baton_Broken__c (objects/Opportunity.object): referenceTo value of 'Nowhere__c' does not resolve to a valid sObject type",
    );
  });

  it('is for Salesforce only', async () => {
    const env = { HUBSPOT_ACCESS_TOKEN: 'sandbox-token', HUBSPOT_BASE_URL: 'http://127.0.0.1:9' };
    const run = await baton(env, 'provision', '--crm', 'hubspot', '--deploy');
    expect(run.code).toBe(1);
    expect(run.err).toContain('--deploy is for --crm salesforce');
  });
});
