// `baton settings show` and `apply`: an account's settings read from and saved to the backend's
// database (PGlite in a fresh BATON_DATA_DIR), checked against the account's users on the sandbox
// CRM (HubSpot) and on the Salesforce test server (an org has no settings page: this is its way).
import { mkdtempSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runBaton } from './helpers/run-baton';
import { CLI_SAVER, type SettingsFile } from '../../src/cli/commands/settings.command';
import { DEFAULT_POLICY } from '../../src/core';
import { adapters } from '../../src/crm/adapters';
import { TEST_ORG_ID } from '../../src/crm/salesforce/test-server/queries';
import { createSalesforceTestServer } from '../../src/crm/salesforce/test-server/salesforce-test-server';
import { TEST_IDS } from '../../src/crm/salesforce/test-server/seed';
import { type PortalSettings, joinSettings } from '../../src/functions/settings-rules';
import { type RunningSandbox, SANDBOX_TOKEN, createSandbox } from '../../src/sandbox';
import { openBackendStorage } from '../../src/server';
import { settingsFor } from '../../src/server/portal-settings';
import { NOW } from '../helpers/handoff-factory';

jest.setTimeout(60_000);

/** `show --json` of valid settings: the envelope with the settings typed. */
type Shown = Omit<SettingsFile, 'settings'> & { settings: PortalSettings | null };

const ACCOUNT = '4242';
const SECRET = 'settings-cli-secret';
let sandbox: RunningSandbox;
let org: { url: string; close(): Promise<void> };
let owners: string[];
const dir = mkdtempSync(join(tmpdir(), 'baton-settings-cli-'));

beforeAll(async () => {
  sandbox = await createSandbox({ rateLimit: { max: 100_000 } }).listen(0, '127.0.0.1');
  org = await createSalesforceTestServer({
    connectedApp: { clientId: 'baton-cli', clientSecret: SECRET },
  }).listen();
  const people = await adapters.hubspot(hubSpotEnv(), { warn: () => undefined }).listPeople();
  owners = people.map((person) => person.id);
});

afterAll(async () => {
  await sandbox.close();
  await org.close();
});

function hubSpotEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return {
    BATON_DATA_DIR: join(dir, 'data'),
    HUBSPOT_BASE_URL: sandbox.url,
    HUBSPOT_ACCESS_TOKEN: SANDBOX_TOKEN,
    HUBSPOT_RATE_LIMIT_PER_10S: '100000',
    ...extra,
  };
}

function salesforceEnv(): NodeJS.ProcessEnv {
  return {
    BATON_DATA_DIR: join(dir, 'data'),
    SF_CLIENT_ID: 'baton-cli',
    SF_CLIENT_SECRET: SECRET,
    SF_INSTANCE_URL: org.url,
  };
}

const baton = (env: NodeJS.ProcessEnv, ...argv: string[]) => runBaton(env, argv);

async function writeJson(name: string, value: unknown): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, JSON.stringify(value, null, 2));
  return path;
}

/** The settings of an account as the backend reads them for its next request. */
async function inForce(env: NodeJS.ProcessEnv, accountId: string) {
  const storage = await openBackendStorage({ env, localDataDir: env.BATON_DATA_DIR! });
  try {
    const log = { error: () => undefined } as never;
    return await settingsFor(
      {
        storage,
        policy: DEFAULT_POLICY,
        directory: { csManagers: ['1'], csms: [], csOps: [], salesManagers: [] },
        log,
      },
      accountId,
    );
  } finally {
    await storage.close();
  }
}

describe('baton settings on a HubSpot account', () => {
  it('says an account with nothing saved runs on the defaults, and shows them with a team file', async () => {
    const bare = await baton(hubSpotEnv(), 'settings', 'show', '--account', ACCOUNT);
    expect(bare.code).toBe(0);
    expect(bare.out).toContain(
      `HubSpot account ${ACCOUNT} has saved no settings: the backend's defaults apply`,
    );
    expect(bare.out).toContain('Set BATON_TEAM_FILE (and --policy) to see those defaults.');

    const teamFile = await writeJson('team.json', { csManagers: [owners[0]], csms: [owners[1]] });
    const shown = await baton(
      hubSpotEnv({ BATON_TEAM_FILE: teamFile }),
      'settings',
      'show',
      '--account',
      ACCOUNT,
      '--json',
    );
    const file = JSON.parse(shown.out) as Shown;
    expect(file).toMatchObject({ account: ACCOUNT, version: 0, updatedBy: null, problem: null });
    expect(file.settings?.team.csManagers).toEqual([owners[0]]);
    expect(file.settings?.templates.sales_to_cs.minimumCompleteness).toBe(
      DEFAULT_POLICY.templates.sales_to_cs.minimumCompleteness,
    );
  });

  it('applies an edited file once, guarded by its version, and a second apply changes nothing', async () => {
    const teamFile = await writeJson('team.json', { csManagers: [owners[0]], csms: [owners[1]] });
    const env = hubSpotEnv({ BATON_TEAM_FILE: teamFile });
    const file = JSON.parse(
      (await baton(env, 'settings', 'show', '--account', ACCOUNT, '--json')).out,
    ) as Shown;
    file.settings!.templates.sales_to_cs.minimumCompleteness = 90;
    file.settings!.holidays = ['2026-12-25'];
    const path = await writeJson('edited.json', file);

    const applied = await baton(env, 'settings', 'apply', path, '--account', ACCOUNT);
    expect(applied.err).toBe('');
    expect(applied.code).toBe(0);
    expect(applied.out).toBe(
      `HubSpot account ${ACCOUNT}: settings saved as version 1; the backend uses them from its next request.\n`,
    );
    const rules = await inForce(env, ACCOUNT);
    expect(rules.policy.templates.sales_to_cs.minimumCompleteness).toBe(90);
    expect(rules.policy.holidays).toEqual(['2026-12-25']);
    expect(rules.current).toMatchObject({ version: 1, updatedBy: CLI_SAVER });

    const again = await baton(env, 'settings', 'apply', path, '--account', ACCOUNT);
    expect(again.out).toBe(
      `HubSpot account ${ACCOUNT}: the settings are already these (version 1); nothing changed.\n`,
    );

    // The same file edited again still says version 0: someone saved since, so it is refused.
    file.settings!.templates.sales_to_cs.minimumCompleteness = 70;
    const stale = await baton(
      env,
      'settings',
      'apply',
      await writeJson('stale.json', file),
      '--account',
      ACCOUNT,
    );
    expect(stale.code).toBe(1);
    expect(stale.err).toContain(
      `someone saved HubSpot account ${ACCOUNT}'s settings since version 0 (now version 1)`,
    );
    expect((await inForce(env, ACCOUNT)).policy.templates.sales_to_cs.minimumCompleteness).toBe(90);

    const shown = await baton(env, 'settings', 'show', '--account', ACCOUNT);
    expect(shown.out).toContain(
      `HubSpot account ${ACCOUNT}: settings version 1, saved by ${CLI_SAVER} at `,
    );
  });

  it('shows saved settings that no longer validate as they were saved, with why, to fix and apply', async () => {
    const env = hubSpotEnv();
    const settings = joinSettings(DEFAULT_POLICY, {
      csManagers: [owners[0]!],
      csms: [owners[1]!],
      csOps: [],
      salesManagers: [],
    });
    // Saved by an older Baton that allowed what this one refuses.
    const storage = await openBackendStorage({ env, localDataDir: env.BATON_DATA_DIR! });
    try {
      await storage.portalSettings.save({
        portalId: '888',
        settings: { ...settings, atRiskRatio: 1.5 },
        baseVersion: 0,
        updatedBy: owners[0]!,
        at: new Date(NOW),
      });
    } finally {
      await storage.close();
    }
    const shown = await baton(env, 'settings', 'show', '--account', '888', '--json');
    const file = JSON.parse(shown.out) as Shown;
    expect(file.version).toBe(1);
    expect(file.settings?.atRiskRatio).toBe(1.5);
    expect(file.problem).toBe(
      'they no longer pass validation (atRiskRatio: expected a fraction between 0 and 1), ' +
        'so the backend runs on its defaults until they are saved again',
    );
    expect((await baton(env, 'settings', 'show', '--account', '888')).out).toContain(
      'Not in force: they no longer pass validation',
    );

    file.settings!.atRiskRatio = 0.5;
    const fixed = await baton(
      env,
      'settings',
      'apply',
      await writeJson('fixed.json', file),
      '--account',
      '888',
    );
    expect(fixed.out).toContain('HubSpot account 888: settings saved as version 2');
    expect((await inForce(env, '888')).current.problem).toBeNull();
  });

  it('refuses settings that fail the page’s checks, naming each field, and writes nothing', async () => {
    const settings = joinSettings(DEFAULT_POLICY, {
      csManagers: ['99999999'],
      csms: [],
      csOps: [],
      salesManagers: [],
    });
    const broken = {
      ...settings,
      atRiskRatio: 2,
      templates: {
        ...settings.templates,
        sales_to_cs: { ...settings.templates.sales_to_cs, minimumCompleteness: 120 },
      },
    };
    const run = await baton(
      hubSpotEnv(),
      'settings',
      'apply',
      await writeJson('broken.json', broken),
      '--account',
      '777',
    );
    expect(run.code).toBe(1);
    expect(run.err).toContain('is not valid settings for HubSpot account 777:');
    expect(run.err).toContain('atRiskRatio: expected a fraction between 0 and 1');
    expect(run.err).toContain('templates.sales_to_cs.minimumCompleteness: expected 0 to 100');
    expect((await inForce(hubSpotEnv(), '777')).current.version).toBe(0);
  });

  it('names what is missing: the account, or a way to read its users', async () => {
    const noAccount = await baton(hubSpotEnv(), 'settings', 'show');
    expect(noAccount.err).toContain('--account: required for HubSpot');
    const settings = joinSettings(DEFAULT_POLICY, {
      csManagers: [owners[0]!],
      csms: [],
      csOps: [],
      salesManagers: [],
    });
    const path = await writeJson('ok.json', settings);
    const noCrm = await baton(
      { BATON_DATA_DIR: join(dir, 'data') },
      'settings',
      'apply',
      path,
      '--account',
      ACCOUNT,
    );
    expect(noCrm.code).toBe(1);
    expect(noCrm.err).toContain('set HUBSPOT_ACCESS_TOKEN (a private app) or HUBSPOT_CLIENT_ID');
  });
});

describe('baton settings for an account of the marketplace app', () => {
  const marketplaceEnv = (): NodeJS.ProcessEnv => ({
    BATON_DATA_DIR: join(dir, 'data'),
    HUBSPOT_CLIENT_ID: 'baton-marketplace',
    HUBSPOT_CLIENT_SECRET: 'marketplace-secret',
    HUBSPOT_BASE_URL: sandbox.url,
  });

  it('checks the team with the account’s own stored tokens, and refuses an account without Baton', async () => {
    const storage = await openBackendStorage({
      env: marketplaceEnv(),
      localDataDir: join(dir, 'data'),
    });
    try {
      await storage.installs.save({
        portalId: '5151',
        hubDomain: 'portal-5151.example.com',
        scopes: ['oauth', 'crm.objects.owners.read'],
        tokens: {
          accessToken: SANDBOX_TOKEN,
          refreshToken: 'refresh-never-used',
          expiresAt: new Date(Date.now() + 30 * 60_000),
        },
        at: new Date(NOW),
      });
    } finally {
      await storage.close();
    }
    const settings = joinSettings(DEFAULT_POLICY, {
      csManagers: [owners[0]!],
      csms: [owners[1]!],
      csOps: [],
      salesManagers: [],
    });
    const path = await writeJson('marketplace.json', settings);
    const saved = await baton(marketplaceEnv(), 'settings', 'apply', path, '--account', '5151');
    expect(saved.err).toBe('');
    expect(saved.out).toContain('HubSpot account 5151: settings saved as version 1');

    const stranger = await baton(marketplaceEnv(), 'settings', 'apply', path, '--account', '6161');
    expect(stranger.code).toBe(1);
    expect(stranger.err).toBe('baton: HubSpot account 6161 has no live install of Baton\n');
    expect((await inForce(marketplaceEnv(), '6161')).current.version).toBe(0);
  });
});

describe('baton settings --crm salesforce', () => {
  it('saves the org’s settings under its id, where `baton serve --crm salesforce` reads them', async () => {
    const settings = joinSettings(DEFAULT_POLICY, {
      csManagers: [TEST_IDS.seller],
      csms: [TEST_IDS.csm],
      csOps: [],
      salesManagers: [],
    });
    settings.templates.sales_to_cs.minimumCompleteness = 85;
    const path = await writeJson('org.json', settings);
    const run = await baton(salesforceEnv(), 'settings', 'apply', path, '--crm', 'salesforce');
    expect(run.err).toBe('');
    expect(run.out).toBe(
      `Salesforce org ${TEST_ORG_ID}: settings saved as version 1; the backend uses them from its next request.\n`,
    );
    const rules = await inForce(salesforceEnv(), TEST_ORG_ID);
    expect(rules.policy.templates.sales_to_cs.minimumCompleteness).toBe(85);
    expect(rules.directory.csms).toEqual([TEST_IDS.csm]);

    // Reading needs only the org's id; the secret never shows.
    const shown = await baton(
      { BATON_DATA_DIR: join(dir, 'data') },
      'settings',
      'show',
      '--crm',
      'salesforce',
      '--account',
      TEST_ORG_ID,
      '--json',
    );
    expect((JSON.parse(shown.out) as Shown).version).toBe(1);
    expect(shown.out + run.out + run.err).not.toContain(SECRET);
  });

  it('refuses a team member who is not a user of the org, and another org’s id', async () => {
    const settings = joinSettings(DEFAULT_POLICY, {
      csManagers: ['005000000000999AAA'],
      csms: [],
      csOps: [],
      salesManagers: [],
    });
    const path = await writeJson('stranger.json', settings);
    const run = await baton(salesforceEnv(), 'settings', 'apply', path, '--crm', 'salesforce');
    expect(run.code).toBe(1);
    expect(run.err).toContain(
      'team.csManagers[0]: 005000000000999AAA is not a user of this account',
    );

    const other = await baton(
      salesforceEnv(),
      'settings',
      'apply',
      path,
      '--crm',
      'salesforce',
      '--account',
      '00D000000000002AAA',
    );
    expect(other.err).toContain(
      `--account: 00D000000000002AAA is not the org the SF_* credentials sign in to (${TEST_ORG_ID})`,
    );
  });
});

it('names a bad version in a file `show --json` did not write', async () => {
  const path = await writeJson('bad-version.json', { version: 'x', settings: {} });
  const run = await baton(hubSpotEnv(), 'settings', 'apply', path, '--account', ACCOUNT);
  expect(run.code).toBe(1);
  expect(run.err).toBe(`baton: ${path}: version: expected 0 or a saved version (a whole number)\n`);
});
