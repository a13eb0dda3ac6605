// Brings the schema up to date at start-up. Every backend copy runs this when it starts, often
// several at once during a deploy: the pending migrations run in one transaction under a
// PostgreSQL advisory lock, so one copy applies them and the others wait, then find nothing
// to do. (PGlite is one connection; the lock is a harmless no-op there.)
import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { Queryable } from './database';
import { MIGRATIONS, type Migration } from './migrations';

/** An arbitrary constant that only Baton's migrator locks on ("baton" in ASCII). */
const MIGRATION_LOCK_KEY = 0x626174_6f6e;

const appliedRow = z.object({
  version: z.coerce.number().int(),
  name: z.string(),
  checksum: z.string(),
});

export interface MigrationReport {
  applied: Array<Pick<Migration, 'version' | 'name'>>;
  alreadyApplied: number;
}

export function checksumOf(migration: Pick<Migration, 'sql'>): string {
  return createHash('sha256').update(migration.sql).digest('hex');
}

export async function migrate(
  db: Queryable,
  migrations: readonly Migration[] = MIGRATIONS,
): Promise<MigrationReport> {
  assertOrdered(migrations);
  return db.transaction(async (tx) => {
    // Held until the transaction ends; taken before the CREATE TABLE below, because two
    // concurrent `CREATE TABLE IF NOT EXISTS` can still collide on PostgreSQL's catalog.
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY]);
    await tx.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version integer PRIMARY KEY,
      name text NOT NULL,
      checksum text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`);
    const rows = z
      .array(appliedRow)
      .parse(await tx.query('SELECT version, name, checksum FROM schema_migrations'));
    const done = new Map(rows.map((row) => [row.version, row]));

    const applied: MigrationReport['applied'] = [];
    for (const migration of migrations) {
      const previous = done.get(migration.version);
      if (previous) {
        if (previous.checksum !== checksumOf(migration)) {
          throw new Error(
            `Migration ${migration.version} (${migration.name}) was changed after it was applied; ` +
              'add a new migration instead of editing an applied one.',
          );
        }
        continue;
      }
      // Versions the database has but this code lacks are left alone: during a rolling deploy
      // an older copy keeps running against a schema a newer copy already moved forward.
      await tx.exec(migration.sql);
      await tx.query(
        'INSERT INTO schema_migrations (version, name, checksum) VALUES ($1, $2, $3)',
        [migration.version, migration.name, checksumOf(migration)],
      );
      applied.push({ version: migration.version, name: migration.name });
    }
    return { applied, alreadyApplied: migrations.length - applied.length };
  });
}

function assertOrdered(migrations: readonly Migration[]): void {
  migrations.forEach((migration, index) => {
    const previous = migrations[index - 1];
    if (previous && migration.version <= previous.version) {
      throw new Error(
        `Migrations must be in ascending version order: ${migration.version} follows ${previous.version}`,
      );
    }
  });
}
