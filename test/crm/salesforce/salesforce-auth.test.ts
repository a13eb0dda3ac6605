// Signing in to Salesforce by JWT bearer and client credentials, against the test server's token
// endpoint, and signing in again when the session expires.
import { generateKeyPairSync } from 'node:crypto';
import {
  SalesforceAuthError,
  connectSalesforce,
  jwtAssertion,
  salesforceAuthFromEnv,
  type JwtBearerAuth,
} from '../../../src/crm/salesforce/salesforce-auth';
import { createSalesforceAdapter } from '../../../src/crm/salesforce/salesforce-adapter';
import {
  type SalesforceTestServer,
  createSalesforceTestServer,
} from '../../../src/crm/salesforce/test-server/salesforce-test-server';
import { TEST_IDS } from '../../../src/crm/salesforce/test-server/seed';

const keyPair = () =>
  generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
const { publicKey, privateKey } = keyPair();
const CLIENT_ID = '3MVG9-baton-test';
const USERNAME = 'integration@baton.example';
const SECRET = 'client-secret-do-not-print';

describe('salesforceAuthFromEnv', () => {
  it('chooses the JWT bearer flow by the username, with the default login URL', () => {
    const result = salesforceAuthFromEnv({
      SF_CLIENT_ID: CLIENT_ID,
      SF_USERNAME: USERNAME,
      SF_PRIVATE_KEY: privateKey.replace(/\n/g, '\\n'),
    });
    expect(result).toEqual({
      success: true,
      auth: {
        flow: 'jwt-bearer',
        clientId: CLIENT_ID,
        username: USERNAME,
        privateKey,
        loginUrl: 'https://login.salesforce.com',
      },
    });
  });

  it('chooses the client credentials flow by the secret', () => {
    const result = salesforceAuthFromEnv({
      SF_CLIENT_ID: CLIENT_ID,
      SF_CLIENT_SECRET: SECRET,
      SF_INSTANCE_URL: 'https://acme.my.salesforce.com/',
    });
    expect(result).toMatchObject({
      success: true,
      auth: { flow: 'client-credentials', instanceUrl: 'https://acme.my.salesforce.com' },
    });
  });

  it('names every missing or bad variable, and never echoes a key', () => {
    expect(salesforceAuthFromEnv({})).toEqual({
      success: false,
      errorMessages: [expect.stringMatching(/^Salesforce sign-in is not configured: set /)],
    });
    expect(
      salesforceAuthFromEnv({
        SF_USERNAME: USERNAME,
        SF_LOGIN_URL: 'login.salesforce.com',
        SF_PRIVATE_KEY: 'not-a-key-AAAA',
      }),
    ).toEqual({
      success: false,
      errorMessages: [
        'SF_CLIENT_ID is not set',
        'SF_LOGIN_URL is not an http(s) URL',
        'SF_PRIVATE_KEY is not a PEM-encoded RSA private key',
      ],
    });
    expect(salesforceAuthFromEnv({ SF_CLIENT_ID: CLIENT_ID, SF_CLIENT_SECRET: SECRET })).toEqual({
      success: false,
      errorMessages: ['SF_INSTANCE_URL is not set'],
    });
    expect(
      salesforceAuthFromEnv({
        SF_CLIENT_ID: CLIENT_ID,
        SF_USERNAME: USERNAME,
        SF_PRIVATE_KEY_FILE: '/nonexistent/baton.key',
      }),
    ).toEqual({
      success: false,
      errorMessages: ['SF_PRIVATE_KEY_FILE: cannot read /nonexistent/baton.key'],
    });
  });
});

describe('signing in to the Salesforce test server', () => {
  let server: SalesforceTestServer;
  let running: { url: string; close(): Promise<void> };
  let jwt: JwtBearerAuth;

  beforeAll(async () => {
    server = createSalesforceTestServer({
      connectedApp: { clientId: CLIENT_ID, username: USERNAME, publicKey, clientSecret: SECRET },
    });
    running = await server.listen();
    jwt = {
      flow: 'jwt-bearer',
      clientId: CLIENT_ID,
      username: USERNAME,
      privateKey,
      loginUrl: running.url,
    };
  });

  afterAll(() => running.close());

  it('signs a JWT with iss, sub, aud and an expiry three minutes out', () => {
    const [, claims] = jwtAssertion(jwt, Date.UTC(2026, 0, 1) + 500).split('.');
    expect(JSON.parse(Buffer.from(claims!, 'base64url').toString())).toEqual({
      iss: CLIENT_ID,
      sub: USERNAME,
      aud: running.url,
      exp: Date.UTC(2026, 0, 1) / 1000 + 180,
    });
  });

  it('signs in by JWT bearer and reads through the session it got', async () => {
    const connection = await connectSalesforce(jwt);
    expect(connection.instanceUrl).toBe(running.url);
    expect(connection.version).toBe('66.0');
    const adapter = createSalesforceAdapter({ connection });
    const context = await adapter.loadDealContext(TEST_IDS.wonDeal);
    expect(context.deal.name).toBe('Acme platform rollout');
  });

  it('signs in again, once, when the session expires, and the calls then succeed', async () => {
    const connection = await connectSalesforce(jwt);
    const adapter = createSalesforceAdapter({ connection });
    await adapter.closedWonStages();
    const before = server.sessions.grants.length;
    server.sessions.expireAll();
    const [people, context, limits] = await Promise.all([
      adapter.listPeople(),
      adapter.loadDealContext(TEST_IDS.wonDeal),
      connection.limits(),
    ]);
    expect(people.length).toBeGreaterThan(0);
    expect(context.deal.isClosedWon).toBe(true);
    expect(limits.DailyApiRequests?.Remaining).toBeGreaterThan(0);
    expect(server.sessions.grants.length - before).toBe(1);
  });

  it('signs in by client credentials at the instance URL', async () => {
    const connection = await connectSalesforce({
      flow: 'client-credentials',
      clientId: CLIENT_ID,
      clientSecret: SECRET,
      instanceUrl: running.url,
    });
    expect(server.sessions.grants.at(-1)).toBe('client_credentials');
    const stages = await createSalesforceAdapter({ connection }).closedWonStages();
    expect(Object.values(stages.byPipeline).flat()).toContain('Closed Won');
  });

  it("says why Salesforce refused, without the secret, the key or Salesforce's body", async () => {
    const wrongSecret = connectSalesforce({
      flow: 'client-credentials',
      clientId: CLIENT_ID,
      clientSecret: 'wrong-secret-do-not-print',
      instanceUrl: running.url,
    });
    await expect(wrongSecret).rejects.toThrow(SalesforceAuthError);
    await expect(wrongSecret).rejects.toThrow(
      `Salesforce refused the client-credentials sign-in at ${running.url}/services/oauth2/token (invalid_client: invalid client credentials)`,
    );
    const otherKey = keyPair().privateKey;
    const error = await connectSalesforce({ ...jwt, privateKey: otherKey }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(SalesforceAuthError);
    expect((error as Error).message).toMatch(/\(invalid_grant: invalid assertion\)$/);
    expect((error as Error).message).not.toContain(otherKey.slice(40, 80));
    await expect(connectSalesforce({ ...jwt, username: 'someone@else.example' })).rejects.toThrow(
      /user hasn’t approved this consumer/,
    );
  });
});
