// Writes the Salesforce side of Baton as a self-contained SFDX project in
// build/salesforce/ (git-ignored, like every generated file): sfdx-project.json and
// force-app/main/default/ with Baton's objects and fields, the Opportunity fields Baton writes
// back, the Baton_Handoff_Requested__e platform event, the closed-won flow, the Baton
// permission set and the custom permissions of CS managers and CS ops, all from src/crm/objects
// and src/crm/salesforce (see generated-files.ts); and the Lightning handoff card with the core
// bundled for it (scripts/salesforce/bundle-lightning-card.ts).
//
// GENERATED FILES ARE NEVER EDITED BY HAND: change the definitions and run
// `npx tsx scripts/generate-salesforce-metadata.ts` (or `npm run build`). The folder belongs
// to this script: a file it did not generate is removed, so a field dropped from a definition
// does not linger in the next deploy; unchanged files are not rewritten.
import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { salesforceFiles } from '../src/crm/salesforce/generated-files';
import { type EsbuildBuild, lightningCardFiles } from './salesforce/bundle-lightning-card';

export const SALESFORCE_OUT_DIR = 'build/salesforce';

export interface SalesforceReport {
  /** Paths relative to the project root, sorted. */
  written: string[];
  unchanged: string[];
  removed: string[];
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true }).catch(() => []);
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

/**
 * For `scripts/build.mjs` and the tests: generate into the project at `root`. `build` is the
 * caller's esbuild: one imported through tsx's loader cannot find its own binary.
 */
export async function generateSalesforceMetadata(
  root: string = resolve(__dirname, '..'),
  build?: EsbuildBuild,
): Promise<SalesforceReport> {
  const base = join(root, SALESFORCE_OUT_DIR);
  const files = [...salesforceFiles(), ...(await lightningCardFiles(build))];
  const report: SalesforceReport = { written: [], unchanged: [], removed: [] };
  const wanted = new Set(files.map((file) => join(base, file.path)));
  for (const path of await filesUnder(base)) {
    if (wanted.has(path)) continue;
    await rm(path);
    report.removed.push(relative(root, path));
  }
  for (const file of files) {
    const path = join(base, file.path);
    if ((await readFile(path, 'utf8').catch(() => undefined)) === file.content) {
      report.unchanged.push(relative(root, path));
      continue;
    }
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, file.content);
    report.written.push(relative(root, path));
  }
  for (const list of [report.written, report.unchanged, report.removed]) list.sort();
  return report;
}

async function main(): Promise<void> {
  const report = await generateSalesforceMetadata();
  for (const path of report.written) console.log(`wrote    ${path}`);
  for (const path of report.removed) console.log(`removed  ${path}`);
  console.log(
    `${report.written.length} written, ${report.unchanged.length} unchanged, ${report.removed.length} removed`,
  );
}

if (typeof require !== 'undefined' && require.main === module) {
  main().catch((error: unknown) => {
    console.error(
      `generate-salesforce-metadata: ${error instanceof Error ? error.message : String(error)}`,
    );
    process.exit(1);
  });
}
