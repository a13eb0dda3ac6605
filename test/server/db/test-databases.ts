// The databases the storage suite runs on: embedded PGlite always, and PostgreSQL as well when
// DATABASE_URL is set. Each test file gets its own empty database (a fresh PGlite in memory, or
// a fresh schema on the PostgreSQL server, so parallel test files cannot see each other's rows).
import { randomBytes } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import {
  type Database,
  type DatabaseKind,
  createTokenCipher,
  migrate,
  openPostgres,
  pgliteDatabase,
} from '../../../src/server/db';

export interface TestDatabase {
  db: Database;
  /** A second backend copy on the same data (PostgreSQL: a second pool; PGlite: the same). */
  openCopy(): Promise<Database>;
  /** Empties every table, keeping the schema. */
  reset(): Promise<void>;
  dispose(): Promise<void>;
}

export interface TestBackend {
  name: DatabaseKind;
  /** PostgreSQL serves several connections at once; PGlite runs one statement at a time. */
  realConcurrency: boolean;
  /** A fresh database, migrated unless told otherwise. */
  open(options?: { migrated?: boolean }): Promise<TestDatabase>;
}

/** Opening PGlite runs initdb (a few seconds); PostgreSQL creates a schema. */
export const OPEN_TIMEOUT_MS = 60_000;

const TABLES = 'installs, processed_events, jobs, audit_log, sla_alerts, handoff_index';

// initdb takes seconds; cloning an initialized instance takes a fraction of one.
let template: Promise<PGlite> | undefined;
afterAll(async () => (await template)?.close());

const pglite: TestBackend = {
  name: 'pglite',
  realConcurrency: false,
  async open({ migrated = true } = {}) {
    template ??= PGlite.create();
    const db = pgliteDatabase(await (await template).clone());
    if (migrated) await migrate(db);
    return {
      db,
      openCopy: async () => ({ ...db, close: async () => undefined }),
      reset: () => db.exec(`TRUNCATE ${TABLES} RESTART IDENTITY`),
      dispose: () => db.close(),
    };
  },
};

function postgres(url: string): TestBackend {
  return {
    name: 'postgres',
    realConcurrency: true,
    async open({ migrated = true } = {}) {
      const schema = `baton_test_${randomBytes(6).toString('hex')}`;
      const admin = await openPostgres({ connectionString: url, maxConnections: 1 });
      await admin.exec(`CREATE SCHEMA ${schema}`);
      // Every connection of this database sees only the test's schema.
      const scoped = new URL(url);
      scoped.searchParams.set('options', `-c search_path=${schema}`);
      const copies: Database[] = [];
      const openCopy = async () => {
        const copy = await openPostgres({
          connectionString: scoped.toString(),
          maxConnections: 25,
        });
        copies.push(copy);
        return copy;
      };
      const db = await openCopy();
      if (migrated) await migrate(db);
      return {
        db,
        openCopy,
        reset: () => db.exec(`TRUNCATE ${TABLES} RESTART IDENTITY`),
        async dispose() {
          await Promise.all(copies.map((copy) => copy.close()));
          await admin.exec(`DROP SCHEMA ${schema} CASCADE`);
          await admin.close();
        },
      };
    },
  };
}

export const BACKENDS: TestBackend[] = [pglite];
const url = process.env.DATABASE_URL?.trim();
if (url) BACKENDS.push(postgres(url));
else {
  console.info(
    'notice: the storage suite runs on PGlite only; set DATABASE_URL to a PostgreSQL database ' +
      '(the tests use throwaway schemas in it) to run it against PostgreSQL as well',
  );
}

export const testCipher = (seed = 1) => createTokenCipher(Buffer.alloc(32, seed));

export const at = (iso: string) => new Date(iso);
export const NOW = at('2026-11-23T12:00:00Z');
export const minutesAfter = (base: Date, minutes: number) =>
  new Date(base.getTime() + minutes * 60_000);
