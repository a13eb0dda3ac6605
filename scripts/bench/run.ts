// `npm run bench`: every benchmark, each printing its figures beside a baseline from the same run.
import { runBackendBench } from './backend.bench';
import { runCoreScoringBench } from './core-scoring.bench';
import { runExtensionBundlesBench } from './extension-bundles.bench';
import { runHubSpotCallsBench } from './hubspot-calls.bench';
import { runSalesforceCallsBench } from './salesforce-calls.bench';

async function main(): Promise<void> {
  console.log(`node ${process.version}, ${new Date().toISOString()}\n`);
  runCoreScoringBench();
  console.log('');
  await runExtensionBundlesBench();
  console.log('');
  await runHubSpotCallsBench();
  console.log('');
  await runSalesforceCallsBench();
  console.log('');
  await runBackendBench();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
