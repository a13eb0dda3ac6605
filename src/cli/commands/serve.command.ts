// `baton serve`: the backend alone, for one HubSpot account with real credentials (a private
// app install): webhooks, the workflow action and the card API, signed v3 against
// BATON_PUBLIC_URL; queued work, event ids and the audit log in PostgreSQL (DATABASE_URL) or
// in PGlite under BATON_DATA_DIR. With `--crm salesforce`, the backend of one Salesforce org
// instead: its closed-won deals come from the org's listener (salesforce-backend.ts).
import type { Command } from 'commander';
import { Option } from 'commander';
import type { Policy } from '../../core';
import { CRM_KINDS, type CrmKind } from '../../crm/crm-adapter';
import { HANDOFF_REQUESTED_CHANNEL } from '../../crm/salesforce/handoff-events';
import type { HandoffListener } from '../../crm/salesforce/handoff-listener';
import { createHubSpotAdapter } from '../../crm/hubspot/hubspot-adapter';
import { createHubSpotClient } from '../../crm/hubspot/hubspot-client';
import {
  type Logger,
  type RunningBackend,
  createBackendRuntime,
  createLogger,
  listenBackend,
  openBackendStorage,
  singlePortal,
} from '../../server';
import type { CrmForPortal } from '../../server';
import { describeTarget, databaseTargetFromEnv } from '../../server/db';
import { type SalesforceOrgBackend, connectSalesforceOrg } from '../../server/salesforce-backend';
import {
  type HubSpotOAuthConfig,
  createPortalTokens,
  crmForInstalledPortals,
  hubSpotOAuthConfigFromEnv,
} from '../../server/oauth';
import { OPTIONAL_SCOPES, REQUIRED_SCOPES } from '../../crm/hubspot/app-meta';
import { CliError, type CliIo } from '../cli-io';
import { loadPolicy } from '../inputs';
import { loadTeamDirectory, serveConfigFromEnv } from './serve-config';

export interface ServeOptions {
  policy: Policy;
  host: string;
  /** The structured log; pino on stdout at LOG_LEVEL when absent. */
  log?: Logger;
  /** The CRM served: HubSpot (the default) or one Salesforce org. */
  crm?: CrmKind;
}

export interface RunningServe extends RunningBackend {
  /** Stops taking requests, then lets accepted work finish (up to `graceMs`). */
  stop(graceMs?: number): Promise<void>;
}

export async function startServeCommand(
  options: ServeOptions,
  io: CliIo,
  env: NodeJS.ProcessEnv = process.env,
): Promise<RunningServe> {
  const config = serveConfigFromEnv(env, options.crm);
  const directory = await loadTeamDirectory(config.teamFile);
  const log = options.log ?? createLogger({ level: config.logLevel });
  const crmLog = { warn: (message: string, fields?: object) => log.warn(fields ?? {}, message) };
  // Without DATABASE_URL the embedded database (and its key, unless BATON_ENCRYPTION_KEY is set)
  // live in the data folder; with it, several copies share PostgreSQL and the key must be given.
  const dataDir = env.BATON_DATA_DIR?.trim() || '.baton';
  const localDataDir = env.DATABASE_URL?.trim() ? undefined : dataDir;
  const storage = await openBackendStorage({
    env,
    ...(localDataDir ? { localDataDir } : {}),
    onIdleError: (error) => log.warn({ err: error.message }, 'database connection dropped'),
  }).catch((error: unknown) => {
    throw new CliError(`cannot open the database: ${(error as Error).message}`);
  });
  // A private app serves the one account of its token; the marketplace app every account that
  // installed it, each with its own OAuth tokens (refreshed as they expire).
  let crmFor: CrmForPortal;
  let oauth: HubSpotOAuthConfig | null = null;
  let org: { backend: SalesforceOrgBackend; reconcileEveryMs: number } | null = null;
  if (config.salesforce !== null) {
    const { auth, reconcileEveryMs } = config.salesforce;
    try {
      org = { backend: await connectSalesforceOrg(auth, crmLog), reconcileEveryMs };
    } catch (error) {
      await storage.close();
      throw new CliError(`cannot connect to Salesforce: ${(error as Error).message}`);
    }
    crmFor = org.backend.crmFor;
  } else if (config.connection !== null) {
    crmFor = singlePortal(
      createHubSpotAdapter({ client: createHubSpotClient(config.connection), log: crmLog }),
    );
  } else {
    try {
      oauth = hubSpotOAuthConfigFromEnv(env, {
        publicUrl: config.publicUrl,
        scopes: REQUIRED_SCOPES.map((need) => need.scope),
        optionalScopes: OPTIONAL_SCOPES.map((need) => need.scope),
      });
    } catch (error) {
      await storage.close();
      throw new CliError((error as Error).message);
    }
    if (oauth === null) throw new CliError('HUBSPOT_CLIENT_ID is not set');
    const tokens = createPortalTokens({
      installs: storage.installs,
      config: oauth,
      now: Date.now,
      log,
    });
    crmFor = crmForInstalledPortals({ tokens, baseUrl: config.baseUrl, log });
  }
  const runtime = createBackendRuntime({
    storage,
    crmFor,
    ...(oauth ? { oauth: { config: oauth } } : {}),
    directory,
    policy: options.policy,
    publicUrl: config.publicUrl,
    clientSecret: config.clientSecret,
    log,
    worker: { leaseMs: config.jobLeaseMs },
  });
  let running: RunningBackend;
  try {
    running = await listenBackend(runtime.app, {
      port: config.port,
      hostname: options.host,
    });
  } catch (error) {
    await storage.close();
    const code = (error as NodeJS.ErrnoException).code;
    throw new CliError(
      code === 'EADDRINUSE'
        ? `port ${config.port} is already in use (set PORT to another one)`
        : `cannot listen on ${options.host}:${config.port}: ${String(error)}`,
    );
  }
  const base = config.publicUrl;
  const crmLine = org
    ? `  CRM        Salesforce org ${org.backend.orgId} at ${org.backend.instanceUrl}`
    : config.connection === null
      ? `  CRM        HubSpot at ${config.baseUrl}, every account that installs the app (install: ${base}/oauth/install)`
      : `  CRM        HubSpot at ${config.baseUrl}, the account of HUBSPOT_ACCESS_TOKEN`;
  const doors = org
    ? [
        `  listener   ${HANDOFF_REQUESTED_CHANNEL}, reconciling every ${org.reconcileEveryMs / 60_000} min`,
      ]
    : [
        `  webhooks   POST ${base}/hubspot/webhooks`,
        `  workflow   POST ${base}/hubspot/actions/start-handoff`,
        `  card API   ${base}/api/deals/{dealId}/handoff`,
      ];
  io.out(
    [
      `Baton backend listening on ${running.url} (public URL ${base})`,
      crmLine,
      `  team       ${config.teamFile}: ${directory.csManagers.length} CS managers, ${directory.csms.length} CSMs`,
      ...doors,
      `  storage    ${describeTarget(databaseTargetFromEnv(env, localDataDir && `${localDataDir}/db`))}`,
      'Press Ctrl+C to stop.',
      '',
    ].join('\n'),
  );
  runtime.start();
  const listener: HandoffListener | null =
    org?.backend.listener({
      storage,
      worker: runtime.worker,
      queueClock: Date.now,
      log,
      tuning: { reconcileEveryMs: org.reconcileEveryMs },
    }) ?? null;
  listener?.start();
  const stop = async (graceMs = 10_000) => {
    await running.close();
    // No new work from the org first; the events it is queueing finish queueing.
    await listener?.stop();
    if (!(await runtime.stop(graceMs)))
      log.error(
        await runtime.worker.stats(),
        'stopped with jobs unfinished; they resume on restart',
      );
    await storage.close();
  };
  return { ...running, stop };
}

export function registerServeCommand(program: Command, io: CliIo): void {
  program
    .command('serve')
    .description(
      'run the backend alone for one HubSpot account (webhooks, workflow action, card API) ' +
        'or one Salesforce org (its platform-event listener)',
    )
    .addOption(new Option('--crm <crm>', 'which CRM').choices(CRM_KINDS).default('hubspot'))
    .addOption(new Option('--policy <file>', 'policy file overriding the default templates (JSON)'))
    .addOption(new Option('--host <address>', 'address to listen on').default('0.0.0.0'))
    .action(async (options: { crm: CrmKind; policy?: string; host: string }) => {
      const policy = await loadPolicy(options.policy);
      const running = await startServeCommand(
        { policy, host: options.host, crm: options.crm },
        io,
        io.env,
      );
      const stop = () => {
        void running.stop().then(() => process.exit(0));
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
}
