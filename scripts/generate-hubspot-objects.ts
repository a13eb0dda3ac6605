// Writes what HubSpot needs of Baton, generated from typed definitions:
// - the HubSpot project tree (hsproject.json's `srcDir`) of the marketplace app:
//   `app/app-hsmeta.json`, `app/webhooks/*-hsmeta.json` and `app/workflow-actions/*-hsmeta.json`
//   (from src/crm/hubspot/app-meta.ts and workflows/), which call the backend at the public URL
//   (BATON_PUBLIC_URL, default http://localhost:$PORT), and the app objects,
//   `app/app-objects/*-hsmeta.json` and `app/app-object-associations/*-hsmeta.json` (from
//   src/crm/objects), and the deal record's handoff cards (the tab and the sidebar),
//   `app/cards/` (their `*-hsmeta.json` from src/crm/hubspot/card-meta.ts, the folder's
//   package.json, and each card bundled by esbuild into its entry file, with BATON_PUBLIC_URL
//   built in), and the CS ops settings page, `app/settings/`, the same way (its meta from
//   scripts/hubspot/settings-page.ts);
// - the schemas API payloads, for admins who provision custom objects by hand:
//   `build/hubspot-schemas/*.json`, with `manifest.json` giving the order of the requests.
// With BATON_HUBSPOT_INSTALL=private the tree is the private, single-portal install instead:
// a static-auth app whose card and workflow action run Baton's handlers as app functions
// (`app/functions/`: each function's `*-hsmeta.json`, its esbuild bundle and the folder's
// package.json; see src/functions/app-functions/), the same cards (`app/cards/`, the same metas
// and uids) bundled from their private entries, which call the card's function with
// `hubspot.serverless`, no webhooks, no settings page (no database to keep settings in: the
// team is the BATON_TEAM secret), the same app objects.
//
// GENERATED FILES ARE NEVER EDITED BY HAND. JSON has no comments, so the files cannot say so
// themselves: change the definitions and run `npx tsx scripts/generate-hubspot-objects.ts`
// (or `npm run build`). Each folder above belongs to this script: a `*-hsmeta.json` (in the
// project tree) or `*.json` (in build/hubspot-schemas) it did not generate is removed, so no
// stale or hand-made component is uploaded; `app/functions/` is owned whole (bundles and
// package.json too), and so are `app/cards/` and `app/settings/` (the entry files are
// bundles); a marketplace build removes what a private build left, and the other way round.
// Unchanged files are not rewritten.
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, isAbsolute, join, normalize, relative, resolve, sep } from 'node:path';
import { z } from 'zod';
import {
  APP_DIR,
  APP_FUNCTIONS_DIR,
  APP_OBJECTS_DIR,
  APP_OBJECT_ASSOCIATIONS_DIR,
  CARDS_DIR,
  type GeneratedFile,
  WEBHOOKS_DIR,
  WORKFLOW_ACTIONS_DIR,
  appFiles,
  appObjectFiles,
  cardFiles,
  privateAppFiles,
  schemaPayloadFiles,
} from '../src/crm/hubspot/generated-files';
import { type PublicUrl, publicUrlFrom } from '../src/crm/hubspot/public-url';
import { type EsbuildBuild, bundleAppFunctions } from './hubspot/bundle-app-functions';
import { bundleCards } from './hubspot/bundle-handoff-card';
import { SETTINGS_DIR, bundleSettingsPage, settingsFiles } from './hubspot/settings-page';

export const SCHEMAS_OUT_DIR = 'build/hubspot-schemas';

const hsProject = z.object({
  srcDir: z
    .string()
    .min(1)
    .refine((dir) => !isAbsolute(dir) && normalize(dir).split(sep)[0] !== '..', {
      message: 'srcDir must be a folder inside the project',
    }),
  platformVersion: z.string().min(1),
});

export interface GenerateReport {
  /** Paths relative to the project root, sorted. */
  written: string[];
  unchanged: string[];
  removed: string[];
  /** The backend URL the project tree calls (private install: where functions are served). */
  publicUrl: PublicUrl;
}

/** Where the public URL and the install come from: `process.env` for the script and the build. */
export type GenerateEnv = Parameters<typeof publicUrlFrom>[0] & { BATON_HUBSPOT_INSTALL?: string };

const installSchema = z.enum(['marketplace', 'private'], {
  error: 'expected marketplace (the default) or private',
});
export type Install = z.infer<typeof installSchema>;

/** Which project to write: the marketplace app (default) or the private install. */
export function installFrom(env: GenerateEnv): Install {
  const value = env.BATON_HUBSPOT_INSTALL?.trim() || 'marketplace';
  const parsed = installSchema.safeParse(value);
  if (!parsed.success)
    throw new Error(
      `BATON_HUBSPOT_INSTALL: ${parsed.error.issues[0]?.message ?? 'invalid'}, got ${JSON.stringify(value)}`,
    );
  return parsed.data;
}

export async function readHsProject(root: string): Promise<z.infer<typeof hsProject>> {
  const file = join(root, 'hsproject.json');
  const parsed = hsProject.safeParse(JSON.parse(await readFile(file, 'utf8')));
  if (!parsed.success) {
    throw new Error(`${file}: ${z.prettifyError(parsed.error)}`);
  }
  return parsed.data;
}

interface OwnedSet {
  /** The folder the files' paths are relative to. */
  base: string;
  files: GeneratedFile[];
  /** Folders (relative to `base`) of which this set owns every file matching `owns`. */
  ownedDirs: string[];
  owns: (fileName: string) => boolean;
}

async function writeSet(root: string, set: OwnedSet, report: GenerateReport): Promise<void> {
  const wanted = new Set(set.files.map((file) => join(set.base, file.path)));
  for (const dir of set.ownedDirs) {
    const names = await readdir(join(set.base, dir)).catch(() => []);
    for (const name of names.filter(set.owns)) {
      const path = join(set.base, dir, name);
      if (wanted.has(path)) continue;
      await rm(path);
      report.removed.push(relative(root, path));
    }
  }
  for (const file of set.files) {
    const path = join(set.base, file.path);
    const current = await readFile(path, 'utf8').catch(() => undefined);
    if (current === file.content) {
      report.unchanged.push(relative(root, path));
      continue;
    }
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, file.content);
    report.written.push(relative(root, path));
  }
}

/** For `scripts/build.mjs` and the tests: generate into the project at `root`. */
export async function generateHubSpotObjects(
  root: string = resolve(__dirname, '..'),
  env: GenerateEnv = process.env,
  /** The bundler of the private install's functions; scripts/build.mjs passes its own. */
  build?: EsbuildBuild,
): Promise<GenerateReport> {
  const { srcDir } = await readHsProject(root);
  // Checked before anything is written: a bad URL leaves the tree as it was.
  const publicUrl = publicUrlFrom(env);
  const install = installFrom(env);
  const report: GenerateReport = { written: [], unchanged: [], removed: [], publicUrl };
  const appSet =
    install === 'private'
      ? [
          ...privateAppFiles(publicUrl.base),
          ...(await bundleAppFunctions(build)),
          ...cardFiles(),
          ...(await bundleCards(publicUrl.base, build, 'private')),
        ]
      : [
          ...appFiles(publicUrl.base),
          ...cardFiles(),
          ...(await bundleCards(publicUrl.base, build)),
          ...settingsFiles(),
          await bundleSettingsPage(publicUrl.base, build),
        ];
  const projectFiles = [...appSet, ...appObjectFiles()];
  const ownedWhole = [APP_FUNCTIONS_DIR, CARDS_DIR, SETTINGS_DIR];
  const inWholeDir = (file: GeneratedFile) =>
    ownedWhole.some((dir) => file.path.startsWith(`${dir}/`));
  await writeSet(
    root,
    {
      base: join(root, srcDir),
      files: projectFiles.filter((file) => !inWholeDir(file)),
      // `app/` itself holds one component, the app: any other `*-hsmeta.json` there would be a
      // second app.
      ownedDirs: [
        APP_DIR,
        APP_OBJECTS_DIR,
        APP_OBJECT_ASSOCIATIONS_DIR,
        WEBHOOKS_DIR,
        WORKFLOW_ACTIONS_DIR,
      ],
      owns: (name) => name.endsWith('-hsmeta.json'),
    },
    report,
  );
  await writeSet(
    root,
    {
      base: join(root, srcDir),
      files: projectFiles.filter(inWholeDir),
      // Every file: the bundles and package.json are generated as much as the metas.
      ownedDirs: ownedWhole,
      owns: () => true,
    },
    report,
  );
  await writeSet(
    root,
    {
      base: join(root, SCHEMAS_OUT_DIR),
      files: schemaPayloadFiles(),
      ownedDirs: ['.'],
      owns: (name) => name.endsWith('.json'),
    },
    report,
  );
  for (const list of [report.written, report.unchanged, report.removed]) list.sort();
  return report;
}

/** One line for the build's output: which backend the tree calls, and whether to upload it. */
export function publicUrlNote(
  { base, defaulted }: PublicUrl,
  install: Install = 'marketplace',
): string {
  if (install === 'private')
    return defaulted
      ? `HubSpot project (private install) calls its functions at ${base} (BATON_PUBLIC_URL is unset): ` +
          'set it to where the portal serves endpoint functions before `hs project upload`'
      : `HubSpot project (private install) calls its functions at ${base}`;
  return defaulted
    ? `HubSpot project calls ${base} (BATON_PUBLIC_URL is unset): fine to validate locally; ` +
        "set BATON_PUBLIC_URL to the backend's HTTPS URL before `hs project upload`"
    : `HubSpot project calls ${base}`;
}

async function main(): Promise<void> {
  const report = await generateHubSpotObjects();
  for (const path of report.written) console.log(`wrote    ${path}`);
  for (const path of report.removed) console.log(`removed  ${path}`);
  console.log(
    `${report.written.length} written, ${report.unchanged.length} unchanged, ${report.removed.length} removed`,
  );
  console.log(publicUrlNote(report.publicUrl, installFrom(process.env)));
}

if (typeof require !== 'undefined' && require.main === module) {
  main().catch((error: unknown) => {
    console.error(
      `generate-hubspot-objects: ${error instanceof Error ? error.message : String(error)}`,
    );
    process.exit(1);
  });
}
