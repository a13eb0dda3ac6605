// The CLI's edge: reading files and writing output, behind an interface so tests run the real
// commands in-process and read what a user would see.
import { readFile, readdir, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';

export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
  now: () => number;
  /** The environment (CRM credentials, ports); the process's own when absent. */
  env?: NodeJS.ProcessEnv;
}

export const processIo: CliIo = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  now: () => Date.now(),
};

/** An error for the user: printed as its message, never as a stack trace. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
    /** Already told the user on stdout; exit with the code and say nothing more. */
    readonly quiet = false,
  ) {
    super(message);
  }
}

function reason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES') return 'permission denied';
  if (code === 'EISDIR') return 'is a folder, not a file';
  return error instanceof Error ? error.message : String(error);
}

export async function readText(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    throw new CliError(`cannot read ${path}: ${reason(error)}`);
  }
}

export async function readJson(path: string): Promise<unknown> {
  const text = await readText(path);
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new CliError(
      `${path}: not valid JSON (${error instanceof Error ? error.message : String(error)})`,
    );
  }
}

/** Every value in a file: one JSON value, a JSON array of them, or JSON Lines. */
export async function readJsonValues(path: string): Promise<{ source: string; value: unknown }[]> {
  const text = await readText(path);
  if (extname(path) === '.jsonl' || extname(path) === '.ndjson') {
    return text
      .split('\n')
      .map((line, index) => ({ line: line.trim(), index }))
      .filter(({ line }) => line !== '')
      .map(({ line, index }) => {
        try {
          return { source: `${path}:${index + 1}`, value: JSON.parse(line) as unknown };
        } catch {
          throw new CliError(`${path}:${index + 1}: not valid JSON`);
        }
      });
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new CliError(
      `${path}: not valid JSON (${error instanceof Error ? error.message : String(error)})`,
    );
  }
  return Array.isArray(value)
    ? value.map((item, index) => ({ source: `${path}[${index}]`, value: item as unknown }))
    : [{ source: path, value }];
}

/** Files named on the command line, with folders expanded to their .json/.jsonl files. */
export async function expandInputs(paths: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  for (const path of paths) {
    let isFolder: boolean;
    try {
      isFolder = (await stat(path)).isDirectory();
    } catch (error) {
      throw new CliError(`cannot read ${path}: ${reason(error)}`);
    }
    if (!isFolder) {
      files.push(path);
      continue;
    }
    const names = (await readdir(path))
      .filter((name) => /\.(json|jsonl|ndjson)$/.test(name))
      .sort();
    files.push(...names.map((name) => join(path, name)));
  }
  return files;
}
