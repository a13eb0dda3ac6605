// Migrations: applied in order, once, recorded, and safe when several backend copies start.
import { MIGRATIONS, type Migration, checksumOf, migrate } from '../../../src/server/db';
import { BACKENDS, OPEN_TIMEOUT_MS, type TestDatabase } from './test-databases';

const EXPECTED_TABLES = [
  'audit_log',
  'handoff_index',
  'installs',
  'jobs',
  'portal_settings',
  'processed_events',
  'salesforce_cursors',
  'schema_migrations',
  'sla_alerts',
];

describe.each(BACKENDS)('migrations on $name', (backend) => {
  let t: TestDatabase;

  beforeEach(async () => {
    t = await backend.open({ migrated: false });
  }, OPEN_TIMEOUT_MS);
  afterEach(() => t.dispose());

  const tables = async () =>
    (
      await t.db.query<{ table_name: string }>(
        `SELECT table_name FROM information_schema.tables
         WHERE table_schema = current_schema() ORDER BY table_name`,
      )
    ).map((row) => row.table_name);
  const recorded = () =>
    t.db.query<{ version: number; name: string }>(
      'SELECT version, name FROM schema_migrations ORDER BY version',
    );

  it('creates the schema and records each migration', async () => {
    const report = await migrate(t.db);
    expect(report.applied.map((m) => m.version)).toEqual(MIGRATIONS.map((m) => m.version));
    expect(await tables()).toEqual(EXPECTED_TABLES);
    expect(await recorded()).toEqual(MIGRATIONS.map(({ version, name }) => ({ version, name })));
  });

  it('applies nothing the second time', async () => {
    await migrate(t.db);
    const again = await migrate(t.db);
    expect(again).toEqual({ applied: [], alreadyApplied: MIGRATIONS.length });
    expect(await recorded()).toHaveLength(MIGRATIONS.length);
  });

  it('applies only the migrations added since the last run, in order', async () => {
    await migrate(t.db);
    const later: Migration[] = [
      ...MIGRATIONS,
      { version: 900, name: 'add_notes', sql: 'CREATE TABLE notes (id integer PRIMARY KEY);' },
      { version: 901, name: 'add_column', sql: 'ALTER TABLE notes ADD COLUMN body text;' },
    ];
    const report = await migrate(t.db, later);
    expect(report.applied).toEqual([
      { version: 900, name: 'add_notes' },
      { version: 901, name: 'add_column' },
    ]);
    await t.db.query('INSERT INTO notes (id, body) VALUES (1, $1)', ['ok']);
  });

  it('rolls back every step of a run when one migration fails', async () => {
    const broken: Migration[] = [
      ...MIGRATIONS,
      { version: 900, name: 'add_notes', sql: 'CREATE TABLE notes (id integer PRIMARY KEY);' },
      { version: 901, name: 'broken', sql: 'ALTER TABLE no_such_table ADD COLUMN x text;' },
    ];
    await expect(migrate(t.db, broken)).rejects.toThrow(/no_such_table/);
    expect(await tables()).toEqual([]);
  });

  it('refuses a migration that was edited after it was applied', async () => {
    await migrate(t.db);
    const edited = MIGRATIONS.map((m) =>
      m.version === 1 ? { ...m, sql: `${m.sql}\n-- edited` } : m,
    );
    expect(checksumOf(edited[0]!)).not.toBe(checksumOf(MIGRATIONS[0]!));
    await expect(migrate(t.db, edited)).rejects.toThrow(
      'Migration 1 (initial) was changed after it was applied; add a new migration instead of editing an applied one.',
    );
  });

  it('refuses migrations listed out of order', async () => {
    const shuffled: Migration[] = [
      { version: 2, name: 'b', sql: 'SELECT 1;' },
      { version: 1, name: 'a', sql: 'SELECT 1;' },
    ];
    await expect(migrate(t.db, shuffled)).rejects.toThrow(
      'Migrations must be in ascending version order: 1 follows 2',
    );
  });

  it('migrates once when several backend copies start at the same moment', async () => {
    const copies = [t.db, await t.openCopy(), await t.openCopy(), await t.openCopy()];
    const reports = await Promise.all(copies.map((copy) => migrate(copy)));
    const appliedCounts = reports.map((r) => r.applied.length).sort();
    expect(appliedCounts).toEqual([0, 0, 0, MIGRATIONS.length]);
    expect(await recorded()).toHaveLength(MIGRATIONS.length);
  });
});
