// `baton start` (what `npm start` runs): Baton on its embedded defaults, no account, no
// network. Today that is the sandbox CRM (kept in BATON_DATA_DIR), provisioned with Baton's
// objects, and the protocol evaluated on the bundled examples.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { type Policy, STATE_LABELS, analyzeHandoff, toIso } from '../../core';
import { createHubSpotAdapter } from '../../crm/hubspot/hubspot-adapter';
import { createHubSpotClient } from '../../crm/hubspot/hubspot-client';
import type { RunningSandbox } from '../../sandbox';
import { SANDBOX_TOKEN } from '../../sandbox';
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

export async function startLocal(io: CliIo, policy: Policy): Promise<RunningSandbox> {
  const env = io.env ?? process.env;
  const dataDir = env.BATON_DATA_DIR?.trim() || '.baton';
  const running = await startSandboxCommand(
    { dataDir: join(dataDir, 'sandbox'), seed: true },
    io,
    env,
  );
  try {
    const adapter = createHubSpotAdapter({
      client: createHubSpotClient({
        accessToken: SANDBOX_TOKEN,
        baseUrl: running.url,
        requestsPerTenSeconds: 190,
      }),
      log: { warn: (message) => io.err(`warn: ${message}\n`) },
    });
    io.out(provisionText(`the sandbox CRM at ${running.url}`, await adapter.provision()) + '\n');
    io.out(await examplesText(policy, io.now()));
    const use = `HUBSPOT_BASE_URL=${running.url} HUBSPOT_ACCESS_TOKEN=${SANDBOX_TOKEN}`;
    io.out(
      [
        '',
        'Try, in another terminal:',
        `  ${use} npx baton doctor        what is set up in the CRM`,
        `  ${use} npx baton backfill      hand off every closed-won deal`,
        '  npx baton score examples/thin.json                 what is missing, and the quality breakdown',
        '  npx baton sla examples/late.json                   every SLA clock and the escalations due',
        '',
        'The backend with closed-won automation and the card preview are not part of this build yet (see README.md).',
        '',
      ].join('\n'),
    );
    return running;
  } catch (error) {
    await running.close();
    throw error;
  }
}
