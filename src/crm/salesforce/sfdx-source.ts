// The generated SFDX project read back from disk for a deploy: `npm run build` writes
// build/salesforce, the metadata generated from the definitions plus what only the build makes
// (the Lightning card with the core bundled for it). A folder older than this Baton would
// deploy yesterday's metadata, so every file the definitions generate must be there as they
// generate it now.
import { readFile, readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { type GeneratedFile, PACKAGE_DIR, salesforceFiles } from './generated-files';

export const DEFAULT_SFDX_DIR = 'build/salesforce';

export class SfdxSourceError extends Error {}

/** The files of the project's package folder (force-app), paths relative to the project. */
export async function readSfdxProject(dir: string): Promise<GeneratedFile[]> {
  const root = join(dir, PACKAGE_DIR);
  const entries = await readdir(root, { withFileTypes: true, recursive: true }).catch(() => null);
  if (entries === null)
    throw new SfdxSourceError(
      `no generated SFDX project in ${dir}: run \`npm run build\` first (or pass --source-dir)`,
    );
  const files: GeneratedFile[] = [];
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    files.push({
      path: relative(dir, path).split(sep).join('/'),
      content: await readFile(path, 'utf8'),
    });
  }
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** The generated files that are missing from, or differ in, a project read from disk. */
export function outdatedFiles(
  files: readonly GeneratedFile[],
  expected: readonly GeneratedFile[] = salesforceFiles(),
): string[] {
  const onDisk = new Map(files.map((file) => [file.path, file.content]));
  return expected
    .filter((file) => file.path.startsWith(`${PACKAGE_DIR}/`))
    .filter((file) => onDisk.get(file.path) !== file.content)
    .map((file) => file.path);
}

/** The project at `dir`, checked to be current. */
export async function readCurrentSfdxProject(dir: string): Promise<GeneratedFile[]> {
  const files = await readSfdxProject(dir);
  const outdated = outdatedFiles(files);
  if (outdated.length > 0)
    throw new SfdxSourceError(
      `${dir} is older than this Baton (${outdated.length} file(s) differ, such as ` +
        `${outdated[0]}): run \`npm run build\` and deploy again`,
    );
  return files;
}
