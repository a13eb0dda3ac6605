// Picks the database from the environment: PostgreSQL when `DATABASE_URL` is set (production,
// several backend copies), otherwise PGlite, in the given data folder or in memory.
import { mkdir } from 'node:fs/promises';
import type { Database } from './database';
import { openPglite } from './pglite-database';
import { openPostgres } from './postgres-database';

export type DatabaseTarget =
  | { kind: 'postgres'; connectionString: string; maxConnections?: number }
  | { kind: 'pglite'; dataDir?: string };

/**
 * `dataDir` is where PGlite keeps its files when there is no `DATABASE_URL` (`npm start` passes
 * `<BATON_DATA_DIR>/db`); without it the embedded database is in memory.
 */
export function databaseTargetFromEnv(
  env: Readonly<Record<string, string | undefined>>,
  dataDir?: string,
): DatabaseTarget {
  const url = env.DATABASE_URL?.trim();
  if (url) return { kind: 'postgres', connectionString: url };
  return dataDir ? { kind: 'pglite', dataDir } : { kind: 'pglite' };
}

export async function openDatabase(
  target: DatabaseTarget,
  onIdleError?: (error: Error) => void,
): Promise<Database> {
  if (target.kind === 'postgres') {
    return openPostgres({
      connectionString: target.connectionString,
      maxConnections: target.maxConnections,
      onIdleError,
    });
  }
  // PGlite creates its own folder but not the parents (`.baton/` on a fresh checkout).
  if (target.dataDir) await mkdir(target.dataDir, { recursive: true });
  return openPglite({ dataDir: target.dataDir });
}

/** Where a target points, for logs: never the connection string, which may hold a password. */
export function describeTarget(target: DatabaseTarget): string {
  if (target.kind === 'pglite') return `PGlite (${target.dataDir ?? 'in memory'})`;
  try {
    const url = new URL(target.connectionString);
    return `PostgreSQL (${url.hostname}${url.port ? `:${url.port}` : ''}${url.pathname})`;
  } catch {
    return 'PostgreSQL';
  }
}
