// Bundles the local preview (src/preview/page) into dist/preview/app.js and app.css: the real
// extension entries (extensions/handoff-card, handoff-sidebar, settings) with
// @hubspot/ui-extensions swapped for the HTML stand-ins in src/preview/stand-ins, React DOM,
// and the pure core the cards use. The cards' own code is not changed by a line.
import { resolve } from 'node:path';
import { type BuildOptions, build as esbuild } from 'esbuild';
import type { EsbuildBuild } from '../hubspot/bundle-app-functions';
import { zodEnglishOnly } from '../hubspot/bundle-handoff-card';

const REPOSITORY = resolve(__dirname, '..', '..');

export const PREVIEW_ENTRY = 'src/preview/page/main.tsx';
export const PREVIEW_STAND_INS = './src/preview/stand-ins/index.ts';

export interface PreviewBundle {
  /** Bytes of app.js and app.css as written (minified). */
  js: number;
  css: number;
}

export function previewBuildOptions(outDir: string): BuildOptions {
  return {
    entryPoints: { app: resolve(REPOSITORY, PREVIEW_ENTRY) },
    outdir: outDir,
    bundle: true,
    platform: 'browser',
    format: 'iife',
    target: 'es2020',
    jsx: 'automatic',
    alias: { '@hubspot/ui-extensions': PREVIEW_STAND_INS },
    define: { 'process.env.NODE_ENV': '"production"' },
    minify: true,
    sourcemap: false,
    legalComments: 'none',
    metafile: true,
    plugins: [zodEnglishOnly],
    logLevel: 'warning',
    absWorkingDir: REPOSITORY,
  };
}

/** `build` is esbuild's; build.mjs hands its own over (esbuild loaded through tsx cannot spawn). */
export async function bundlePreview(
  outDir = resolve(REPOSITORY, 'dist', 'preview'),
  build: EsbuildBuild = esbuild,
): Promise<PreviewBundle> {
  const result = await build(previewBuildOptions(outDir));
  const outputs = Object.entries(result.metafile?.outputs ?? {});
  const size = (suffix: string) =>
    outputs.filter(([path]) => path.endsWith(suffix)).reduce((sum, [, o]) => sum + o.bytes, 0);
  return { js: size('.js'), css: size('.css') };
}
