// Builds what ships: the CLI bundle (dist/cli.js) and the local card preview (dist/preview,
// served by `npm start`). `--cli-only` (what `npm install` and `npm start` run) stops there.
import { build } from 'esbuild';
import { tsImport } from 'tsx/esm/api';

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

// The preview: the real cards rendered through HTML stand-ins for @hubspot/ui-extensions.
const { bundlePreview } = await tsImport('./preview/bundle-preview.ts', import.meta.url);
await bundlePreview(undefined, build);

if (!cliOnly) {
  // The HubSpot project tree hsproject.json points at (the app, its webhooks and workflow
  // actions, which call BATON_PUBLIC_URL; its app objects and their associations) and the
  // schema payloads for admins who provision by hand. With BATON_HUBSPOT_INSTALL=private, the
  // private install instead: a static-auth app with Baton's app functions, each one esbuild
  // bundle (scripts/hubspot/bundle-app-functions.ts), and the cards on those functions. The
  // cards are bundled by the HubSpot generator (scripts/hubspot/bundle-handoff-card.ts).
  const { generateHubSpotObjects, installFrom, publicUrlNote } = await tsImport(
    './generate-hubspot-objects.ts',
    import.meta.url,
  );
  const report = await generateHubSpotObjects(
    new URL('..', import.meta.url).pathname,
    process.env,
    build,
  ).catch((error) => {
    // A misconfiguration (BATON_PUBLIC_URL, hsproject.json) is a message, not a stack trace.
    console.error(`build: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
  console.log(
    `HubSpot project: ${report.written.length} written, ${report.unchanged.length} unchanged, ${report.removed.length} removed`,
  );
  for (const path of report.written.filter((p) => p.endsWith('.js')))
    console.log(`app function bundle: ${path}`);
  console.log(publicUrlNote(report.publicUrl, installFrom(process.env)));

  // The Salesforce SFDX project (build/salesforce), from the same definitions.
  const { generateSalesforceMetadata } = await tsImport(
    './generate-salesforce-metadata.ts',
    import.meta.url,
  );
  const salesforce = await generateSalesforceMetadata(
    new URL('..', import.meta.url).pathname,
    build,
  );
  console.log(
    `Salesforce project (build/salesforce): ${salesforce.written.length} written, ${salesforce.unchanged.length} unchanged, ${salesforce.removed.length} removed`,
  );
}
