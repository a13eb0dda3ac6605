// Bundles Baton's HubSpot extensions (the deal card, the sidebar card, the settings page) the
// way HubSpot does when a project is uploaded: @hubspot/ui-extensions-dev-server's
// `remoteBuild` (vite, minified, React left to the host), offline. Prints one JSON line per
// extension: its name, its install, its bundle's bytes and gzipped bytes. With --private, the
// private install's cards too (the same cards from their private entries, which call the card's
// app function), each in its own tree.
//
//   node scripts/hubspot/uie-bundle.mjs [outDir] [--private]
//                                       (outDir: default build/uie, inside the repository so
//                                       the entries resolve React and
//                                       @hubspot/ui-extensions from its node_modules)
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { tsImport } from 'tsx/esm/api';
import { remoteBuild } from '@hubspot/ui-extensions-dev-server/build';

const repository = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const args = process.argv.slice(2);
const withPrivate = args.includes('--private');
const outDir = resolve(
  args.find((arg) => !arg.startsWith('--')) ?? join(repository, 'build', 'uie'),
);
rmSync(outDir, { recursive: true, force: true });
const { bundleCards } = await tsImport('./bundle-handoff-card.ts', import.meta.url);
const { bundleSettingsPage, SETTINGS_PACKAGE } = await tsImport(
  './settings-page.ts',
  import.meta.url,
);

// The project tree's entry files as `npm run build` writes them (and, with --private, as
// `BATON_HUBSPOT_INSTALL=private npm run build` writes the cards), each with its package.json.
const tag = (install) => (entry) => ({ ...entry, install });
const entries = [
  ...(await bundleCards('https://baton.example.com', build)).map(tag('marketplace')),
  tag('marketplace')(await bundleSettingsPage('https://baton.example.com', build)),
  ...(withPrivate
    ? (await bundleCards('https://baton.example.com', build, 'private')).map(tag('private'))
    : []),
];
const treeOf = (entry) => (entry.install === 'private' ? 'private' : '.');
for (const entry of entries) {
  const path = join(outDir, treeOf(entry), 'src', entry.path);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, entry.content);
  writeFileSync(join(dirname(path), 'package.json'), JSON.stringify(SETTINGS_PACKAGE, null, 2));
}

for (const entry of entries) {
  const path = join(outDir, treeOf(entry), 'src', entry.path);
  const name = basename(entry.path).replace(/\.jsx$/, '');
  const dist = join(outDir, treeOf(entry), 'dist', name);
  await remoteBuild({ root: dirname(path), entryPoint: path, outputDir: dist, logLevel: 'silent' });
  const output = readFileSync(join(dist, `${basename(entry.path).replace(/\.jsx$/, '.js')}`));
  process.stdout.write(
    `${JSON.stringify({ name, install: entry.install, source: entry.path, bytes: output.length, gzipBytes: gzipSync(output).length, dist })}\n`,
  );
}
