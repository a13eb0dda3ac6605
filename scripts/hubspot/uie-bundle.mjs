// Bundles Baton's HubSpot extensions (the deal card, the sidebar card, the settings page) the
// way HubSpot does when a project is uploaded: @hubspot/ui-extensions-dev-server's
// `remoteBuild` (vite, minified, React left to the host), offline. Prints one JSON line per
// extension: its name, its bundle's bytes and gzipped bytes.
//
//   node scripts/hubspot/uie-bundle.mjs [outDir]     (default build/uie, inside the repository so
//                                                   the entries resolve React and
//                                                   @hubspot/ui-extensions from its node_modules)
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { tsImport } from 'tsx/esm/api';
import { remoteBuild } from '@hubspot/ui-extensions-dev-server/build';

const repository = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const outDir = resolve(process.argv[2] ?? join(repository, 'build', 'uie'));
rmSync(outDir, { recursive: true, force: true });
const { bundleCards } = await tsImport('./bundle-handoff-card.ts', import.meta.url);
const { bundleSettingsPage, SETTINGS_PACKAGE } = await tsImport(
  './settings-page.ts',
  import.meta.url,
);

// The project tree's entry files as `npm run build` writes them, each with its package.json.
const entries = [
  ...(await bundleCards('https://baton.example.com', build)),
  await bundleSettingsPage('https://baton.example.com', build),
];
const source = join(outDir, 'src');
for (const entry of entries) {
  const path = join(source, entry.path);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, entry.content);
  writeFileSync(join(dirname(path), 'package.json'), JSON.stringify(SETTINGS_PACKAGE, null, 2));
}

for (const entry of entries) {
  const path = join(source, entry.path);
  const name = basename(entry.path).replace(/\.jsx$/, '');
  const dist = join(outDir, 'dist', name);
  await remoteBuild({ root: dirname(path), entryPoint: path, outputDir: dist, logLevel: 'silent' });
  const output = readFileSync(join(dist, `${basename(entry.path).replace(/\.jsx$/, '.js')}`));
  process.stdout.write(
    `${JSON.stringify({ name, source: entry.path, bytes: output.length, gzipBytes: gzipSync(output).length, dist })}\n`,
  );
}
