// `baton settings show` and `baton settings apply FILE`: an account's Baton settings (the policy
// and team the HubSpot settings page edits), read from and saved to the backend's database. For
// an admin without the page: a Salesforce org, which has none, or a HubSpot account set up from a
// script. A save runs every check the page's save runs (settings-rules.ts), against the CRM's own
// people, and the same compare-and-set on the version, so it cannot undo a save made meanwhile.
//
//   baton settings show --account 12345 --json > settings.json   (edit it)
//   baton settings apply settings.json --account 12345
import type { Command } from 'commander';
import { Option } from 'commander';
import { type Policy, describeFieldError } from '../../core';
import { CrmConfigurationError, adapters } from '../../crm/adapters';
import { CRM_KINDS, type CrmKind, type CrmPerson } from '../../crm/crm-adapter';
import { hubSpotConnectionFromEnv } from '../../crm/hubspot/hubspot-client';
import { salesforceAuthFromEnv } from '../../crm/salesforce/salesforce-auth';
import { joinSettings, parseSettings, validateSettings } from '../../functions/settings-rules';
import type { TeamDirectory } from '../../functions/team-directory';
import { type BackendStorage, createLogger } from '../../server';
import type { StoredPortalSettings } from '../../server/db';
import { crmForInstalledPortals } from '../../server/oauth';
import { connectSalesforceOrg } from '../../server/salesforce-backend';
import { CliError, type CliIo, readJson } from '../cli-io';
import { loadPolicy, printJson } from '../inputs';
import { withStorage } from './backend-storage';
import { installedPortalTokens, marketplaceOAuthConfig } from './marketplace-app';
import { loadTeamDirectory } from './serve-config';

/** Who a save from the CLI is recorded as (the settings page shows it as "saved by"). */
export const CLI_SAVER = 'baton CLI';

const quiet = createLogger({ level: 'silent' });

/** The account a command is about, and the people its team may name. */
interface Account {
  id: string;
  describe: string;
  people(): Promise<CrmPerson[]>;
}

function hubSpotAccountId(account: string | undefined): string {
  if (account === undefined)
    throw new CliError('--account: required for HubSpot (the numeric account id, or portal id)');
  if (!/^\d+$/.test(account))
    throw new CliError(
      `--account: expected a numeric HubSpot account id, got ${JSON.stringify(account)}`,
    );
  return account;
}

/**
 * A HubSpot account's people come through HUBSPOT_ACCESS_TOKEN (a private app's account), or,
 * for the marketplace app, through the account's own stored OAuth tokens.
 */
function hubSpotAccount(
  env: NodeJS.ProcessEnv,
  storage: BackendStorage,
  account: string | undefined,
): Account {
  const id = hubSpotAccountId(account);
  const describe = `HubSpot account ${id}`;
  const people = async (): Promise<CrmPerson[]> => {
    if (hubSpotConnectionFromEnv(env) !== null)
      return adapters.hubspot(env, { warn: () => undefined }).listPeople();
    const config = marketplaceOAuthConfig(env);
    if (config === null)
      throw new CliError(
        'the team is checked against the account’s users: set HUBSPOT_ACCESS_TOKEN (a private app) ' +
          'or HUBSPOT_CLIENT_ID and HUBSPOT_CLIENT_SECRET (the marketplace app, installed in the account)',
      );
    const tokens = installedPortalTokens(storage, config);
    const crm = await crmForInstalledPortals({
      tokens,
      ...(env.HUBSPOT_BASE_URL?.trim() ? { baseUrl: env.HUBSPOT_BASE_URL.trim() } : {}),
      log: quiet,
    })(id);
    if (crm === null) throw new CliError(`${describe} has no live install of Baton`);
    return crm.listPeople();
  };
  return { id, describe, people };
}

/** The org of the SF_* credentials: `baton serve --crm salesforce` keeps its settings under its id. */
async function salesforceAccount(
  env: NodeJS.ProcessEnv,
  account: string | undefined,
  needsOrg: boolean,
): Promise<Account> {
  const auth = salesforceAuthFromEnv(env);
  if (!auth.success) {
    // Reading needs only the org's id, which the admin may give instead of signing in.
    if (account !== undefined && !needsOrg)
      return { id: account, describe: `Salesforce org ${account}`, people: async () => [] };
    throw new CliError(auth.errorMessages.join('; '));
  }
  const org = await connectSalesforceOrg(auth.auth).catch((error: unknown) => {
    throw new CliError(`cannot connect to Salesforce: ${(error as Error).message}`);
  });
  if (account !== undefined && account !== org.orgId)
    throw new CliError(
      `--account: ${account} is not the org the SF_* credentials sign in to (${org.orgId})`,
    );
  return {
    id: org.orgId,
    describe: `Salesforce org ${org.orgId}`,
    people: async () => (await org.crmFor(org.orgId))!.listPeople(),
  };
}

async function accountFor(
  env: NodeJS.ProcessEnv,
  storage: BackendStorage,
  crm: CrmKind,
  account: string | undefined,
  needsOrg: boolean,
): Promise<Account> {
  try {
    return crm === 'salesforce'
      ? await salesforceAccount(env, account, needsOrg)
      : hubSpotAccount(env, storage, account);
  } catch (error) {
    if (error instanceof CrmConfigurationError) throw new CliError(error.message);
    throw error;
  }
}

/** What `baton serve` falls back on while an account has saved nothing, when known here. */
async function defaultsOf(
  env: NodeJS.ProcessEnv,
  policyPath: string | undefined,
): Promise<{ policy: Policy; directory: TeamDirectory } | null> {
  const teamFile = env.BATON_TEAM_FILE?.trim();
  if (!teamFile) return null;
  return { policy: await loadPolicy(policyPath), directory: await loadTeamDirectory(teamFile) };
}

/**
 * What `show` prints: the saved settings as they are stored, with why they are not in force if
 * they no longer validate (so the admin edits what was saved, not a stand-in), or, while the
 * account has saved nothing, the defaults when this machine knows them.
 */
async function settingsShown(
  env: NodeJS.ProcessEnv,
  stored: StoredPortalSettings | null,
  policyPath: string | undefined,
): Promise<{ settings: unknown; problem: string | null } | null> {
  if (stored !== null) {
    const parsed = parseSettings(stored.settings);
    return {
      settings: stored.settings,
      problem: parsed.success
        ? null
        : `they no longer pass validation (${parsed.errors.map(describeFieldError).join('; ')}), ` +
          'so the backend runs on its defaults until they are saved again',
    };
  }
  const defaults = await defaultsOf(env, policyPath);
  return defaults && { settings: joinSettings(defaults.policy, defaults.directory), problem: null };
}

export interface SettingsShowOptions {
  crm: CrmKind;
  account?: string;
  policy?: string;
  json?: boolean;
}

/** The envelope `show --json` prints and `apply` takes back (its version guards the save). */
export interface SettingsFile {
  account: string;
  version: number;
  updatedBy: string | null;
  updatedAt: string | null;
  problem: string | null;
  /** As saved (checked again by `apply`), or the defaults; null when neither is known. */
  settings: unknown;
}

export async function settingsShowText(
  env: NodeJS.ProcessEnv,
  options: SettingsShowOptions,
): Promise<string> {
  return withStorage(env, async (storage) => {
    const account = await accountFor(env, storage, options.crm, options.account, false);
    const stored = await storage.portalSettings.get(account.id);
    const shown = await settingsShown(env, stored, options.policy);
    const file: SettingsFile = {
      account: account.id,
      version: stored?.version ?? 0,
      updatedBy: stored?.updatedBy ?? null,
      updatedAt: stored?.updatedAt.toISOString() ?? null,
      problem: shown?.problem ?? null,
      settings: shown?.settings ?? null,
    };
    if (options.json) return printJson(file);
    const heading =
      stored === null
        ? `${account.describe} has saved no settings: the backend's defaults apply (its policy file and BATON_TEAM_FILE).`
        : `${account.describe}: settings version ${stored.version}, saved by ${stored.updatedBy} at ${stored.updatedAt.toISOString()}.`;
    const lines = [heading];
    if (file.problem) lines.push(`Not in force: ${file.problem}`);
    if (file.settings === null)
      lines.push('Set BATON_TEAM_FILE (and --policy) to see those defaults.');
    else lines.push(JSON.stringify(file.settings, null, 2));
    return `${lines.join('\n')}\n`;
  });
}

export interface SettingsApplyOptions {
  crm: CrmKind;
  account?: string;
  baseVersion?: string;
}

function isEnvelope(value: unknown): value is { version: unknown; settings: unknown } {
  return typeof value === 'object' && value !== null && 'settings' in value && 'version' in value;
}

function baseVersionOf(option: string | undefined): number | undefined {
  if (option === undefined) return undefined;
  const version = Number(option);
  if (!Number.isInteger(version) || version < 0)
    throw new CliError('--base-version: expected 0 or a saved version (a whole number)');
  return version;
}

export async function settingsApplyText(
  env: NodeJS.ProcessEnv,
  file: string,
  options: SettingsApplyOptions,
  now: number,
): Promise<string> {
  const input = await readJson(file);
  // `show --json` output carries the version it was read at: applying it is a guarded edit.
  const settings = isEnvelope(input) ? input.settings : input;
  const envelopeVersion = isEnvelope(input) ? input.version : undefined;
  if (
    envelopeVersion !== undefined &&
    (typeof envelopeVersion !== 'number' ||
      !Number.isInteger(envelopeVersion) ||
      envelopeVersion < 0)
  )
    throw new CliError(`${file}: version: expected 0 or a saved version (a whole number)`);
  const explicit = baseVersionOf(options.baseVersion);
  return withStorage(env, async (storage) => {
    const account = await accountFor(env, storage, options.crm, options.account, true);
    const people = await account.people();
    const parsed = validateSettings(settings, people);
    if (!parsed.success)
      throw new CliError(
        `${file} is not valid settings for ${account.describe}:\n` +
          parsed.errors.map((error) => `  ${describeFieldError(error)}`).join('\n'),
      );
    const baseVersion =
      explicit ?? envelopeVersion ?? (await storage.portalSettings.get(account.id))?.version ?? 0;
    const result = await storage.portalSettings.save({
      portalId: account.id,
      settings: parsed.value,
      baseVersion,
      updatedBy: CLI_SAVER,
      at: new Date(now),
    });
    if (result.outcome === 'conflict')
      throw new CliError(
        `someone saved ${account.describe}'s settings since version ${baseVersion} ` +
          `(now version ${result.stored?.version ?? 0}): show them again, redo the edit and apply it`,
      );
    const version = result.stored.version;
    return result.outcome === 'saved'
      ? `${account.describe}: settings saved as version ${version}; the backend uses them from its next request.\n`
      : `${account.describe}: the settings are already these (version ${version}); nothing changed.\n`;
  });
}

export function registerSettingsCommands(program: Command, io: CliIo): void {
  const crmOption = () =>
    new Option('--crm <crm>', 'which CRM').choices(CRM_KINDS).default('hubspot');
  const settings = program
    .command('settings')
    .description(
      "an account's Baton settings (templates, SLA windows, calendar, team) in the backend's database",
    );
  settings
    .command('show')
    .description('print the settings in force for an account (saved, or the defaults)')
    .addOption(crmOption())
    .option('--account <id>', 'the HubSpot account id; Salesforce: the org id (else the SF_* org)')
    .option('--policy <file>', 'the policy file `baton serve` runs on, for the defaults')
    .option('--json', 'print the settings with their version, as `apply` takes them back')
    .action(async (options: SettingsShowOptions) => {
      io.out(await settingsShowText(io.env ?? process.env, options));
    });
  settings
    .command('apply')
    .description("validate a settings file against the account's users and save it (idempotent)")
    .argument('<file>', 'the settings (JSON), or what `settings show --json` printed')
    .addOption(crmOption())
    .option('--account <id>', 'the HubSpot account id; Salesforce: the org id (else the SF_* org)')
    .option(
      '--base-version <n>',
      'the version the edit started from (default: the file’s, else the stored one)',
    )
    .action(async (file: string, options: SettingsApplyOptions) => {
      io.out(await settingsApplyText(io.env ?? process.env, file, options, io.now()));
    });
}
