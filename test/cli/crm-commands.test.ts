// baton provision, doctor and backfill against the sandbox CRM, as an admin would run them.
import { runBaton } from './helpers/run-baton';
import { type RunningSandbox, SANDBOX_TOKEN, createSandbox } from '../../src/sandbox';

let running: RunningSandbox;

beforeAll(async () => {
  running = await createSandbox({ rateLimit: { max: 100_000 } }).listen(0, '127.0.0.1');
});

afterAll(async () => {
  await running.close();
});

const baton = (env: NodeJS.ProcessEnv, ...argv: string[]) => runBaton(env, argv);

// The sandbox here allows 100,000 requests per 10 s; tell the client so it does not pace itself.
const sandboxEnv = () => ({
  HUBSPOT_BASE_URL: running.url,
  HUBSPOT_ACCESS_TOKEN: SANDBOX_TOKEN,
  HUBSPOT_RATE_LIMIT_PER_10S: '100000',
});

describe('baton provision, doctor and backfill', () => {
  it('says what is missing before provisioning, and exits 1', async () => {
    const run = await baton(sandboxEnv(), 'doctor');
    expect(run.code).toBe(1);
    expect(run.out).toContain('FAIL  Handoff object: missing: run `baton provision --crm hubspot`');
    expect(run.out).toMatch(/ok {4}pipeline "Enterprise": closed-won at "Closed won" \(\d+\)/);
  });

  it('provisions, and a second run changes nothing and says so', async () => {
    const first = await baton(sandboxEnv(), 'provision', '--crm', 'hubspot');
    expect(first.code).toBe(0);
    expect(first.out).toContain('created    Handoff object');
    const second = await baton(sandboxEnv(), 'provision');
    expect(second.out).toContain('Nothing to change: Baton is already set up');
    const doctor = await baton(sandboxEnv(), 'doctor');
    expect(doctor.code).toBe(0);
    expect(doctor.out).toContain('All good: Baton can run here.');
  });

  it('backfills closed-won deals, then has nothing left to do', async () => {
    const first = await baton(sandboxEnv(), 'backfill', '--limit', '25');
    expect(first.code).toBe(0);
    expect(first.out).toContain('Done: 25 handoffs and 125 tasks created.');
    const rest = await baton(sandboxEnv(), 'backfill');
    expect(rest.out).toMatch(/Done: 35 handoffs/);
    const none = await baton(sandboxEnv(), 'backfill');
    expect(none.out).toContain('Nothing to do: every closed-won deal has a handoff.');
  });

  it('explains a missing token and a refused one, without a stack trace', async () => {
    const missing = await baton({}, 'doctor');
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('HUBSPOT_ACCESS_TOKEN is not set');
    const refused = await baton(
      { HUBSPOT_BASE_URL: running.url, HUBSPOT_ACCESS_TOKEN: 'nope' },
      'doctor',
    );
    expect(refused.code).toBe(1);
    expect(refused.out).toContain('HubSpot refused the access token');
    expect(refused.out + refused.err).not.toMatch(/\n\s+at /);
  });

  it('says how to sign in to Salesforce when no SF_* variable is set', async () => {
    const run = await baton(sandboxEnv(), 'provision', '--crm', 'salesforce');
    expect(run.code).toBe(1);
    expect(run.err).toContain('Salesforce sign-in is not configured: set SF_CLIENT_ID');
  });
});
