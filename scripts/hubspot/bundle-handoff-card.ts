// Bundles the deal record's cards (extensions/handoff-card, the tab; extensions/handoff-sidebar,
// the sidebar) into the project tree's entry files, `app/cards/<name>.jsx`: each card and the
// pure values it takes from src/core in one ES module, importing only React and
// @hubspot/ui-extensions, which HubSpot installs from `app/cards/package.json` when it bundles
// the cards on upload (see src/crm/hubspot/card-meta.ts).
import { resolve } from 'node:path';
import { build as esbuild } from 'esbuild';
import {
  CARDS,
  CARD_NAMES,
  CARD_PACKAGE,
  type CardName,
  cardEntry,
} from '../../src/crm/hubspot/card-meta';
import type { GeneratedFile } from '../../src/crm/hubspot/generated-files';
import type { EsbuildBuild } from './bundle-app-functions';

const REPOSITORY = resolve(__dirname, '..', '..');

/**
 * `publicUrl` is where the card's `hubspot.fetch` goes: a card cannot read the environment when
 * it runs, so public-url.ts reads `process.env.BATON_PUBLIC_URL`, defined here. `process` is
 * defined whole because public-url.ts first asks whether it exists.
 */
export async function bundleCard(
  name: CardName,
  publicUrl: string,
  build: EsbuildBuild = esbuild,
): Promise<GeneratedFile> {
  const result = await build({
    entryPoints: [resolve(REPOSITORY, CARDS[name].source)],
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
  if (!output) throw new Error(`esbuild wrote nothing for the card ${name}`);
  return { path: cardEntry(name), content: output.text };
}

/** Every card's entry file, in CARDS order. */
export function bundleCards(
  publicUrl: string,
  build: EsbuildBuild = esbuild,
): Promise<GeneratedFile[]> {
  return Promise.all(CARD_NAMES.map((name) => bundleCard(name, publicUrl, build)));
}
