// Builds what ships: the CLI bundle (dist/cli.js). `--cli-only` is what `npm install` runs.
import { build } from 'esbuild';

const cliOnly = process.argv.includes('--cli-only');

await build({
  entryPoints: ['src/cli/main.ts'],
  outfile: 'dist/cli.js',
  bundle: true,
  platform: 'node',
  target: 'node22',
  format: 'cjs',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
});

if (!cliOnly) {
  // Later steps (HubSpot project tree, Salesforce metadata, card bundles) hook in here.
}
