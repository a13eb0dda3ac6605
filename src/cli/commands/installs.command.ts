// `baton installs` and `baton uninstall PORTAL`: the accounts that installed the marketplace app,
// read from the backend's database (DATABASE_URL, or PGlite in BATON_DATA_DIR), and ending one
// from Baton's side: the refresh token revoked at HubSpot, the stored tokens erased.
import type { Command } from 'commander';
import { CliError, type CliIo } from '../cli-io';
import { renderTable } from '../table';
import { withStorage } from './backend-storage';
import { installedPortalTokens, marketplaceOAuthConfig } from './marketplace-app';

export async function installsText(env: NodeJS.ProcessEnv, all: boolean): Promise<string> {
  return withStorage(env, async (storage) => {
    const installs = await storage.installs.list({ includeUninstalled: all });
    if (installs.length === 0) return 'No account has installed Baton.\n';
    return renderTable(installs, [
      { header: 'Account', value: (i) => i.portalId },
      { header: 'Domain', value: (i) => i.hubDomain },
      { header: 'Installed', value: (i) => i.installedAt.toISOString() },
      { header: 'Uninstalled', value: (i) => i.uninstalledAt?.toISOString() ?? '' },
      { header: 'Scopes', align: 'right', value: (i) => String(i.scopes.length) },
    ]);
  });
}

export async function uninstallText(env: NodeJS.ProcessEnv, portalId: string): Promise<string> {
  if (!/^\d+$/.test(portalId))
    throw new CliError(
      `PORTAL: expected a numeric HubSpot account id, got ${JSON.stringify(portalId)}`,
    );
  const config = marketplaceOAuthConfig(env);
  if (config === null)
    throw new CliError(
      'HUBSPOT_CLIENT_ID is not set: uninstalling revokes the app’s tokens with it',
    );
  return withStorage(env, async (storage) => {
    const tokens = installedPortalTokens(storage, config);
    const outcome = await tokens.uninstallPortal(portalId);
    if (!outcome.wasInstalled) return `Account ${portalId} has no live install of Baton.\n`;
    return (
      `Account ${portalId}: tokens erased` +
      (outcome.revokedAtHubSpot
        ? ' and revoked at HubSpot.\n'
        : '; HubSpot could not be told (revoke it there).\n')
    );
  });
}

export function registerInstallsCommands(program: Command, io: CliIo): void {
  program
    .command('installs')
    .description('list the HubSpot accounts that installed the marketplace app (from the database)')
    .option('--all', 'include accounts that uninstalled it')
    .action(async (options: { all?: boolean }) => {
      io.out(await installsText(io.env ?? process.env, options.all === true));
    });
  program
    .command('uninstall')
    .description(
      "end an account's install: revoke its refresh token at HubSpot and erase its tokens",
    )
    .argument('<portal>', 'the HubSpot account id')
    .action(async (portal: string) => {
      io.out(await uninstallText(io.env ?? process.env, portal));
    });
}
