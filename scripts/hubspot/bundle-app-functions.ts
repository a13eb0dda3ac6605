// Bundles each app function (src/functions/app-functions/*.app-function.ts) into one CommonJS
// file for `app/functions/<name>.js`: Baton's code, zod and @hubspot/api-client together, so
// the function runs whatever HubSpot installs from the folder's package.json (nothing). The
// bytes come back as generated files, for generate-hubspot-objects.ts to write or leave alone.
import { join, resolve } from 'node:path';
import { build as esbuild } from 'esbuild';
import {
  APP_FUNCTIONS,
  APP_FUNCTIONS_DIR,
  type AppFunctionName,
} from '../../src/functions/app-functions/app-function-meta';
import type { GeneratedFile } from '../../src/crm/hubspot/generated-files';

const REPOSITORY = resolve(__dirname, '..', '..');

/**
 * esbuild's `build`, passed in by scripts/build.mjs: loaded through tsx's `tsImport`, esbuild
 * would look for its binary under a path carrying tsx's `?namespace=` query, and not find it.
 */
export type EsbuildBuild = typeof esbuild;

/**
 * HubSpot runs app functions on Node 20 or later (its 2026.03 CLI asks for Node 20+), so the
 * bundle targets node20. Minified: the API client's generated code is most of the size.
 */
export async function bundleAppFunction(
  name: AppFunctionName,
  build: EsbuildBuild = esbuild,
): Promise<GeneratedFile> {
  const result = await build({
    entryPoints: [join(REPOSITORY, APP_FUNCTIONS[name].source)],
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    minify: true,
    // Licences of the bundled packages stay in the file, at its end.
    legalComments: 'eof',
    write: false,
    logLevel: 'warning',
    absWorkingDir: REPOSITORY,
  });
  const [output] = result.outputFiles;
  if (!output) throw new Error(`esbuild wrote nothing for ${name}`);
  return { path: `${APP_FUNCTIONS_DIR}/${name}.js`, content: output.text };
}

export async function bundleAppFunctions(build: EsbuildBuild = esbuild): Promise<GeneratedFile[]> {
  const names = Object.keys(APP_FUNCTIONS) as AppFunctionName[];
  return Promise.all(names.map((name) => bundleAppFunction(name, build)));
}
