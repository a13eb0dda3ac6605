// The size of each HubSpot extension as HubSpot builds it on upload (ui-extensions-dev-server's
// `remoteBuild`, run offline by scripts/hubspot/uie-bundle.mjs), beside the project tree's
// entry file that Baton uploads (esbuild, readable, React and ui-extensions left out) and the
// local preview's bundle (every extension with the HTML stand-ins and React DOM).
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build as esbuild } from 'esbuild';
import { bundlePreview } from '../preview/bundle-preview';
import { bundleCards } from '../hubspot/bundle-handoff-card';
import { bundleSettingsPage } from '../hubspot/settings-page';

const REPOSITORY = resolve(__dirname, '..', '..');

interface UieBundle {
  name: string;
  source: string;
  bytes: number;
  gzipBytes: number;
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

export async function runExtensionBundlesBench(): Promise<void> {
  console.log('HubSpot extension bundles (ui-extensions-dev-server remoteBuild, as on upload):');
  const output = execFileSync(
    process.execPath,
    [join(REPOSITORY, 'scripts', 'hubspot', 'uie-bundle.mjs'), join(REPOSITORY, 'build', 'uie')],
    { cwd: REPOSITORY, encoding: 'utf8' },
  );
  const bundles = output
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as UieBundle);
  const entries = [
    ...(await bundleCards('https://baton.example.com', esbuild)),
    await bundleSettingsPage('https://baton.example.com', esbuild),
  ];
  for (const bundle of bundles) {
    const entry = entries.find((e) => e.path === bundle.source);
    console.log(
      `  ${bundle.name.padEnd(16)} ${kb(bundle.bytes).padStart(9)} minified, ${kb(bundle.gzipBytes).padStart(8)} gzipped` +
        `   (project entry ${kb(Buffer.byteLength(entry?.content ?? ''))}, readable, without ui-extensions)`,
    );
  }
  const preview = await bundlePreview(mkdtempSync(join(tmpdir(), 'baton-preview-bench-')));
  console.log(
    `  local preview    ${kb(preview.js).padStart(9)} minified + ${kb(preview.css)} CSS (all three, HTML stand-ins, React DOM)`,
  );
}
