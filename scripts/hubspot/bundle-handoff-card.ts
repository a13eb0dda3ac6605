// Bundles the handoff card (extensions/handoff-card) into the project tree's entry file,
// `app/cards/handoff-card.jsx`: the card and the pure values it takes from src/core in one ES
// module, importing only React and @hubspot/ui-extensions, which HubSpot installs from
// `app/cards/package.json` when it bundles the card on upload (see src/crm/hubspot/card-meta.ts).
import { resolve } from 'node:path';
import { build as esbuild } from 'esbuild';
import {
  CARD_PACKAGE,
  HANDOFF_CARD_ENTRY,
  HANDOFF_CARD_SOURCE,
} from '../../src/crm/hubspot/card-meta';
import type { GeneratedFile } from '../../src/crm/hubspot/generated-files';
import type { EsbuildBuild } from './bundle-app-functions';

const REPOSITORY = resolve(__dirname, '..', '..');

/**
 * `publicUrl` is where the card's `hubspot.fetch` goes: a card cannot read the environment when
 * it runs, so public-url.ts reads `process.env.BATON_PUBLIC_URL`, defined here. `process` is
 * defined whole because public-url.ts first asks whether it exists.
 */
export async function bundleHandoffCard(
  publicUrl: string,
  build: EsbuildBuild = esbuild,
): Promise<GeneratedFile> {
  const result = await build({
    entryPoints: [resolve(REPOSITORY, HANDOFF_CARD_SOURCE)],
    bundle: true,
    platform: 'browser',
    format: 'esm',
    target: 'es2020',
    jsx: 'automatic',
    external: [...Object.keys(CARD_PACKAGE.dependencies), 'react/*'],
    define: { process: JSON.stringify({ env: { BATON_PUBLIC_URL: publicUrl } }) },
    // Readable: HubSpot minifies when it bundles, and a reviewer may want to read this file.
    minify: false,
    legalComments: 'eof',
    write: false,
    logLevel: 'warning',
    absWorkingDir: REPOSITORY,
  });
  const [output] = result.outputFiles;
  if (!output) throw new Error('esbuild wrote nothing for the handoff card');
  return { path: HANDOFF_CARD_ENTRY, content: output.text };
}
