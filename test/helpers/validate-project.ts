// Validates HubSpot project trees with @hubspot/project-parsing-lib through
// scripts/hubspot/validate-project.ts, run as a process: the library is ESM-only and jest runs
// CommonJS here, so it cannot be imported into a test. Several trees go to one process, which
// costs a couple of seconds to start.
import { spawn } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import type { GeneratedFile } from '../../src/crm/hubspot/generated-files';

const root = join(__dirname, '..', '..');

export const validationSchema = z.union([
  z.object({
    valid: z.literal(true),
    components: z.array(z.object({ uid: z.string(), type: z.string(), file: z.string() })),
  }),
  z.object({ valid: z.literal(false), errors: z.array(z.string()) }),
]);
export type Validation = z.infer<typeof validationSchema>;

export function validateTrees(dirs: string[]): Promise<Validation[]> {
  const tsx = join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs');
  const script = join(root, 'scripts', 'hubspot', 'validate-project.ts');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [tsx, script, ...dirs], { cwd: root });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const parsed = z
        .array(validationSchema)
        .length(dirs.length)
        .safeParse(JSON.parse(stdout || 'null'));
      const expected = parsed.success && parsed.data.every((result) => result.valid) ? 0 : 1;
      if (parsed.success && code === expected) resolve(parsed.data);
      else reject(new Error(`validator exited ${code}: ${stdout}${stderr}`));
    });
  });
}

/** Writes `files` as a project source folder under `parent` and returns its path. */
export async function writeTree(parent: string, files: GeneratedFile[]): Promise<string> {
  const src = join(parent, 'src');
  for (const file of files) {
    await mkdir(dirname(join(src, file.path)), { recursive: true });
    await writeFile(join(src, file.path), file.content);
  }
  return src;
}

/** The errors of a refused tree, as one string to match against; '' for an accepted one. */
export function errorsOf(result: Validation | undefined): string {
  return result && !result.valid ? result.errors.join('\n') : '';
}
