// The Lightning web components of the generated SFDX project (src/crm/salesforce/
// lightning-card.meta.ts): the source files of the handoff card and of its section components as
// they are, without their tests, and `batonCore`, one esbuild bundle of the core the card imports. The bundle is an ES module that
// imports nothing (platform `browser`: a Node built-in fails the build rather than the org),
// minified to stay well inside the size Salesforce allows a component's JavaScript.
import { readFile, readdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { build as esbuild } from 'esbuild';
import type { Plugin } from 'esbuild';
import type { GeneratedFile } from '../../src/crm/salesforce/generated-files';
import {
  CARD_PARTS,
  CORE_MODULE,
  LIGHTNING_CARD,
  LWC_JS_MAX_BYTES,
  cardBundleMeta,
  cardPartMeta,
  coreModuleMeta,
  lwcPath,
} from '../../src/crm/salesforce/lightning-card.meta';

export type EsbuildBuild = typeof esbuild;

const REPOSITORY = resolve(__dirname, '..', '..');

/**
 * zod's classic API re-exports every locale (`z.locales`), about half the bundle; the core speaks
 * English (the default zod installs itself), so the others are left out.
 */
const englishOnlyZod: Plugin = {
  name: 'zod-english-only',
  setup(build) {
    build.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      /[\\/]node_modules[\\/]zod[\\/]/.test(args.importer)
        ? { path: 'zod-locales', namespace: 'baton-zod' }
        : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'baton-zod' }, () => ({
      contents: "export { default as en } from 'zod/v4/locales/en.js';",
      resolveDir: REPOSITORY,
    }));
  },
};

export async function bundleCoreModule(build: EsbuildBuild = esbuild): Promise<GeneratedFile> {
  const result = await build({
    entryPoints: [join(REPOSITORY, CORE_MODULE.entry)],
    bundle: true,
    platform: 'browser',
    format: 'esm',
    target: 'es2020',
    minify: true,
    legalComments: 'eof',
    plugins: [englishOnlyZod],
    write: false,
    logLevel: 'warning',
    absWorkingDir: REPOSITORY,
  });
  const [output] = result.outputFiles;
  if (!output) throw new Error('esbuild wrote nothing for batonCore');
  if (output.contents.byteLength > LWC_JS_MAX_BYTES) {
    throw new Error(
      `batonCore.js is ${output.contents.byteLength} bytes; Salesforce takes ${LWC_JS_MAX_BYTES} at most`,
    );
  }
  return { path: lwcPath(CORE_MODULE.bundle, `${CORE_MODULE.bundle}.js`), content: output.text };
}

/** A component's own files: everything in its folder but tests and dotfiles. */
async function sourceFiles(component: {
  bundle: string;
  source: string;
}): Promise<GeneratedFile[]> {
  const dir = join(REPOSITORY, component.source);
  const entries = await readdir(dir, { withFileTypes: true });
  const files = entries.filter((entry) => entry.isFile() && !entry.name.startsWith('.'));
  return Promise.all(
    files.map(async (entry) => ({
      path: lwcPath(component.bundle, entry.name),
      content: await readFile(join(dir, entry.name), 'utf8'),
    })),
  );
}

export async function lightningCardFiles(build: EsbuildBuild = esbuild): Promise<GeneratedFile[]> {
  const parts = await Promise.all(
    CARD_PARTS.map(async (part) => [
      ...(await sourceFiles(part)),
      { path: lwcPath(part.bundle, `${part.bundle}.js-meta.xml`), content: cardPartMeta(part) },
    ]),
  );
  return [
    ...(await sourceFiles(LIGHTNING_CARD)),
    {
      path: lwcPath(LIGHTNING_CARD.bundle, `${LIGHTNING_CARD.bundle}.js-meta.xml`),
      content: cardBundleMeta(),
    },
    ...parts.flat(),
    await bundleCoreModule(build),
    {
      path: lwcPath(CORE_MODULE.bundle, `${CORE_MODULE.bundle}.js-meta.xml`),
      content: coreModuleMeta(),
    },
  ];
}
