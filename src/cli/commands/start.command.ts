// `baton start` (what `npm start` runs): Baton on its embedded defaults, no account, no
// network. Today that is the sandbox CRM (kept in BATON_DATA_DIR), provisioned with Baton's
// objects, and the protocol evaluated on the bundled examples.
import { existsSync } from 'node:fs';
import { type AddressInfo, createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { type Policy, STATE_LABELS, analyzeHandoff, toIso } from '../../core';
import { createHubSpotAdapter } from '../../crm/hubspot/hubspot-adapter';
import { createHubSpotClient } from '../../crm/hubspot/hubspot-client';
import { DEFAULT_PORTAL_ID, SANDBOX_TOKEN, SEED_OWNERS } from '../../sandbox';
import { registerPreviewRoutes } from '../../preview/preview-routes';
import { createSandboxReader } from '../../preview/sandbox-reads';
import type { TeamDirectory } from '../../functions/team-directory';
import {
  type BackendRuntime,
  type BackendStorage,
  DEFAULT_PORT,
  LOCAL_CLIENT_SECRET,
  type RunningBackend,
  createBackendRuntime,
  createLogger,
  defaultPublicUrl,
  listenBackend,
  openBackendStorage,
  singlePortal,
} from '../../server';
import { type CliIo, expandInputs } from '../cli-io';
import { loadDocument } from '../inputs';
import { renderTable } from '../table';
import { provisionText } from './crm.command';
import { startSandboxCommand } from './sandbox.command';

/** The package root, found from this module whether it runs bundled (dist/) or from source. */
function packageRoot(from = __dirname): string {
  let dir = from;
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}

export const EXAMPLES_DIR = join(packageRoot(), 'examples');
/** The preview bundle `npm run build` (and `npm start`'s prestart) writes. */
export const PREVIEW_ASSETS_DIR = join(packageRoot(), 'dist', 'preview');
/** The app id the preview's signing proxy names, as HubSpot names the app calling. */
const PREVIEW_APP_ID = 1000001;

export async function examplesText(
  policy: Policy,
  now: number,
  examplesDir = EXAMPLES_DIR,
): Promise<string> {
  const files = await expandInputs([examplesDir]);
  const rows = [];
  for (const file of files) {
    const doc = await loadDocument(file);
    rows.push({
      file: file.slice(examplesDir.length + 1),
      doc,
      analysis: analyzeHandoff(doc, policy, now),
    });
  }
  return [
    `The protocol on the examples in ${examplesDir}, at ${toIso(now)}:`,
    '',
    renderTable(rows, [
      { header: 'Example', value: (r) => r.file },
      { header: 'Type', value: (r) => r.doc.handoffType },
      { header: 'State', value: (r) => STATE_LABELS[r.analysis.state] },
      { header: 'Completeness', align: 'right', value: (r) => `${r.analysis.completeness.score}%` },
      { header: 'Quality', align: 'right', value: (r) => String(r.analysis.quality.total) },
      { header: 'Band', value: (r) => r.analysis.quality.band },
      { header: 'SLA', value: (r) => r.analysis.slaState.replace('_', ' ') },
      { header: 'Owner now', value: (r) => r.analysis.ownership.owner },
    ]).trimEnd(),
    '',
  ].join('\n');
}

/** The demo portal's people as Baton's team directory: its CS managers, CSMs and CS ops. */
export function seedTeamDirectory(): TeamDirectory {
  const ids = (role: string) =>
    SEED_OWNERS.filter((owner) => owner.role === role).map((owner) => owner.id);
  return {
    csManagers: ids('cs_manager'),
    csms: ids('csm'),
    csOps: ids('cs_ops'),
    salesManagers: [],
  };
}

/** A port free on loopback right now (for a public URL that must be known before listening). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export interface RunningLocal {
  sandboxUrl: string;
  backendUrl: string;
  /** The card preview's page. */
  previewUrl: string;
  close(): Promise<void>;
}

export async function startLocal(io: CliIo, policy: Policy): Promise<RunningLocal> {
  const env = io.env ?? process.env;
  const dataDir = env.BATON_DATA_DIR?.trim() || '.baton';
  const sandbox = await startSandboxCommand(
    { dataDir: join(dataDir, 'sandbox'), seed: true },
    io,
    env,
  );
  let backend: RunningBackend | null = null;
  let runtime: BackendRuntime | null = null;
  let storage: BackendStorage | null = null;
  const close = async () => {
    // Nothing more for a backend that is going away.
    sandbox.webhooks.clear();
    await backend?.close();
    await runtime?.stop();
    await storage?.close();
    await sandbox.close();
  };
  try {
    const adapter = createHubSpotAdapter({
      client: createHubSpotClient({
        accessToken: SANDBOX_TOKEN,
        baseUrl: sandbox.url,
        requestsPerTenSeconds: 190,
      }),
      log: { warn: (message) => io.err(`warn: ${message}\n`) },
    });
    io.out(provisionText(`the sandbox CRM at ${sandbox.url}`, await adapter.provision()) + '\n');

    // HubSpot (here the sandbox) signs the URL it calls, so the port must be known before the
    // backend starts: PORT=0 takes a free one now.
    const port = Number(env.PORT ?? DEFAULT_PORT) || (await freePort());
    const publicUrl = env.BATON_PUBLIC_URL?.trim() || defaultPublicUrl(port);
    // The embedded database (unless DATABASE_URL names one) and its key live in the data folder.
    storage = await openBackendStorage({ env, localDataDir: dataDir });
    const directory = seedTeamDirectory();
    const clientSecret = env.HUBSPOT_CLIENT_SECRET?.trim() || LOCAL_CLIENT_SECRET;
    runtime = createBackendRuntime({
      storage,
      crmFor: singlePortal(adapter),
      directory,
      publicUrl,
      clientSecret,
      policy,
      log: createLogger({ level: env.LOG_LEVEL ?? 'warn' }),
      // The card preview: the real cards through HTML stand-ins, the sandbox's deals around
      // them, and a proxy that signs the cards' calls as HubSpot would.
      routes: [
        (app) =>
          registerPreviewRoutes(app, {
            sandbox: createSandboxReader(sandbox.url, SANDBOX_TOKEN),
            portalId: DEFAULT_PORTAL_ID,
            appId: PREVIEW_APP_ID,
            publicUrl,
            backendUrl: () => `http://127.0.0.1:${port}`,
            clientSecret,
            directory: () => directory,
            assetsDir: env.BATON_PREVIEW_DIR?.trim() || PREVIEW_ASSETS_DIR,
          }),
      ],
    });
    runtime.start();
    backend = await listenBackend(runtime.app, { port });
    // The sandbox calls the backend as HubSpot would: the public URL, signed with the secret.
    sandbox.webhooks.configure({
      targetUrl: `${publicUrl}/hubspot/webhooks`,
      clientSecret: runtime.deps.clientSecret,
    });
    io.out(
      [
        `Baton backend on ${backend.url} (requests signed v3 with HUBSPOT_CLIENT_SECRET; "sandbox-secret" locally)`,
        `  webhooks  POST /hubspot/webhooks     workflow action  POST /hubspot/actions/start-handoff`,
        `  card API  /api/deals/:dealId/handoff  health  GET /health`,
        `  preview   ${publicUrl}/preview   the deals board and the cards, as an AE, a CSM, a CS manager or CS ops`,
        `  storage   ${runtime.deps.storage.db.kind === 'pglite' ? `PGlite in ${join(dataDir, 'db')}` : 'PostgreSQL (DATABASE_URL)'}`,
        `  deal stage changes in the sandbox arrive as signed webhooks (deliveries: GET ${sandbox.url}/__sandbox/webhooks)`,
        '',
      ].join('\n'),
    );
    io.out(await examplesText(policy, io.now()));
    const use = `HUBSPOT_BASE_URL=${sandbox.url} HUBSPOT_ACCESS_TOKEN=${SANDBOX_TOKEN}`;
    io.out(
      [
        '',
        'Try, in another terminal:',
        `  ${use} npx baton doctor        what is set up in the CRM`,
        `  ${use} npx baton backfill      hand off every closed-won deal`,
        `  curl -X PATCH ${sandbox.url}/__sandbox/objects/deals/<dealId> -H 'Content-Type: application/json' \\`,
        `       -d '{"properties":{"dealstage":"closedwon"}}'      close a deal: its handoff starts by itself`,
        '  npx baton score examples/thin.json                 what is missing, and the quality breakdown',
        '  npx baton sla examples/late.json                   every SLA clock and the escalations due',
        '',
        `Open the card preview: ${publicUrl}/preview  (drag a deal to Closed won; switch "Act as" to play each side)`,
        '',
      ].join('\n'),
    );
    return {
      sandboxUrl: sandbox.url,
      backendUrl: backend.url,
      previewUrl: `${publicUrl}/preview`,
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
