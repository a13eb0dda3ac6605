// The portal on disk: `sandbox.json` in the data folder, read (and checked) at start, written
// after changes settle (debounced) through a temporary file and a rename, so a crash mid-write
// never leaves half a file.
import { mkdirSync, readFileSync } from 'node:fs';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { issuePath } from '../validation';
import { type SandboxState, sandboxStateSchema } from './state.schema';

export const STATE_FILE = 'sandbox.json';

export class PersistenceError extends Error {}

/** The saved portal, or `undefined` when the folder has none yet. */
export function loadState(dataDir: string): SandboxState | undefined {
  const path = join(dataDir, STATE_FILE);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new PersistenceError(`${path} is not valid JSON; move it away to start from the seed`);
  }
  const result = sandboxStateSchema.safeParse(json);
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = issue ? issuePath(issue.path) : '';
    throw new PersistenceError(
      `${path} is not a sandbox portal (${where}: ${issue?.message}); move it away to start from the seed`,
    );
  }
  return result.data;
}

export interface StateWriter {
  /** Schedules a write of the current state. */
  schedule(): void;
  /** Writes now if a write is pending, and waits for it. */
  flush(): Promise<void>;
}

export function createStateWriter(
  dataDir: string,
  read: () => SandboxState,
  debounceMs = 100,
): StateWriter {
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, STATE_FILE);
  let timer: NodeJS.Timeout | undefined;
  let writing: Promise<void> = Promise.resolve();
  let sequence = 0;

  const write = async () => {
    timer = undefined;
    const temp = `${path}.${process.pid}.${++sequence}.tmp`;
    await mkdir(dataDir, { recursive: true });
    await writeFile(temp, JSON.stringify(read(), null, 2) + '\n', 'utf8');
    await rename(temp, path);
  };

  return {
    schedule() {
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => {
        writing = writing.then(write, write);
      }, debounceMs);
      timer.unref();
    },
    async flush() {
      if (timer) {
        clearTimeout(timer);
        writing = writing.then(write, write);
      }
      await writing;
    },
  };
}
