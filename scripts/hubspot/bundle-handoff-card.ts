// Bundles the deal record's cards (extensions/handoff-card, the tab; extensions/handoff-sidebar,
// the sidebar) into the project tree's entry files, `app/cards/<name>.jsx`: each card and the
// pure values it takes from src/core in one ES module, importing only React and
// @hubspot/ui-extensions, which HubSpot installs from `app/cards/package.json` when it bundles
// the cards on upload (see src/crm/hubspot/card-meta.ts). The private install's cards are the
// same cards from their private entries (PRIVATE_CARD_SOURCES), which call the card's app
// function instead of the backend. The settings page is bundled the same way (bundleExtension,
// called from settings-page.ts).
import { dirname, join, resolve, sep } from 'node:path';
import { type Plugin, build as esbuild } from 'esbuild';
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

/** Which project the cards are bundled for (see generate-hubspot-objects.ts `installFrom`). */
export type CardInstall = 'marketplace' | 'private';

/**
 * The entries of the private install: the same card components, with a client over
 * `hubspot.serverless` (extensions/handoff-card/serverless-card-client.ts). The metas, uids and
 * entry file names are the marketplace cards' (card-meta.ts): a project is one or the other.
 */
export const PRIVATE_CARD_SOURCES = {
  'handoff-card': 'extensions/handoff-card/private-entry.tsx',
  'handoff-sidebar': 'extensions/handoff-sidebar/private-entry.tsx',
} as const satisfies Record<CardName, string>;

/**
 * The settings page checks with the core's zod schemas as the user types. zod's namespace
 * object carries every language's messages (about 260 KB of the page's 450 KB of zod,
 * minified); Baton's schemas write their own messages and zod falls back to English, so the
 * bundles get English only.
 */
export const zodEnglishOnly: Plugin = {
  name: 'zod-english-only',
  setup(build) {
    const zod = `${sep}node_modules${sep}zod${sep}`;
    build.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      args.importer.includes(zod)
        ? { path: join(dirname(args.importer), '..', 'locales', 'index.js'), namespace: 'zod-en' }
        : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'zod-en' }, (args) => ({
      contents: "export { default as en } from './en.js';",
      resolveDir: dirname(args.path),
    }));
  },
};

/**
 * `publicUrl` is where the card's `hubspot.fetch` goes: a card cannot read the environment when
 * it runs, so public-url.ts reads `process.env.BATON_PUBLIC_URL`, defined here. `process` is
 * defined whole because public-url.ts first asks whether it exists. The private entries call no
 * URL, so it is defined for them but never read.
 */
export async function bundleCard(
  name: CardName,
  publicUrl: string,
  build: EsbuildBuild = esbuild,
  install: CardInstall = 'marketplace',
): Promise<GeneratedFile> {
  const source = install === 'private' ? PRIVATE_CARD_SOURCES[name] : CARDS[name].source;
  return bundleExtension(source, cardEntry(name), publicUrl, build);
}

/**
 * One UI extension (`source`, relative to the repository) as the tree's entry file at `path`:
 * the cards, and the settings page (scripts/hubspot/settings-page.ts) the same way.
 */
export async function bundleExtension(
  source: string,
  path: string,
  publicUrl: string,
  build: EsbuildBuild = esbuild,
): Promise<GeneratedFile> {
  const result = await build({
    entryPoints: [resolve(REPOSITORY, source)],
    bundle: true,
    platform: 'browser',
    format: 'esm',
    target: 'es2020',
    jsx: 'automatic',
    external: [...Object.keys(CARD_PACKAGE.dependencies), 'react/*'],
    plugins: [zodEnglishOnly],
    define: { process: JSON.stringify({ env: { BATON_PUBLIC_URL: publicUrl } }) },
    // Readable: HubSpot minifies when it bundles, and a reviewer may want to read this file.
    minify: false,
    legalComments: 'eof',
    write: false,
    logLevel: 'warning',
    absWorkingDir: REPOSITORY,
  });
  const [output] = result.outputFiles;
  if (!output) throw new Error(`esbuild wrote nothing for ${source}`);
  return { path, content: output.text };
}

/** Every card's entry file, in CARDS order. */
export function bundleCards(
  publicUrl: string,
  build: EsbuildBuild = esbuild,
  install: CardInstall = 'marketplace',
): Promise<GeneratedFile[]> {
  return Promise.all(CARD_NAMES.map((name) => bundleCard(name, publicUrl, build, install)));
}
