// The backend's database for a CLI command that reads or changes what `baton serve` keeps there
// (installs, settings): PostgreSQL when DATABASE_URL is set, else the embedded PGlite in
// BATON_DATA_DIR (default `.baton/`), opened for the command and closed after it.
import { type BackendStorage, openBackendStorage } from '../../server';
import { CliError } from '../cli-io';

export async function withStorage<T>(
  env: NodeJS.ProcessEnv,
  fn: (storage: BackendStorage) => Promise<T>,
): Promise<T> {
  const dataDir = env.BATON_DATA_DIR?.trim() || '.baton';
  const storage = await openBackendStorage({
    env,
    ...(env.DATABASE_URL?.trim() ? {} : { localDataDir: dataDir }),
  }).catch((error: unknown) => {
    throw new CliError(`cannot open the database: ${(error as Error).message}`);
  });
  try {
    return await fn(storage);
  } finally {
    await storage.close();
  }
}
