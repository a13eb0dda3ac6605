// The database port: the same behaviour from PostgreSQL and PGlite.
import { BACKENDS, OPEN_TIMEOUT_MS, type TestDatabase } from './test-databases';

describe.each(BACKENDS)('the database port on $name', (backend) => {
  let t: TestDatabase;

  beforeAll(async () => {
    t = await backend.open({ migrated: false });
    await t.db.exec(
      'CREATE TABLE notes (id integer PRIMARY KEY, body text NOT NULL, at timestamptz)',
    );
  }, OPEN_TIMEOUT_MS);
  afterAll(() => t.dispose());
  beforeEach(() => t.db.exec('TRUNCATE notes'));

  const bodies = async () =>
    (await t.db.query<{ body: string }>('SELECT body FROM notes ORDER BY id')).map((r) => r.body);

  it('binds values as parameters, so SQL in a value stays text', async () => {
    const hostile = "x'); DROP TABLE notes; --";
    await t.db.query('INSERT INTO notes (id, body) VALUES ($1, $2)', [1, hostile]);
    expect(await bodies()).toEqual([hostile]);
  });

  it('stores a Date as the same instant and returns it as a Date', async () => {
    const instant = new Date('2026-03-29T01:30:00.123Z');
    await t.db.query('INSERT INTO notes (id, body, at) VALUES ($1, $2, $3)', [1, 'a', instant]);
    const [row] = await t.db.query<{ at: Date }>('SELECT at FROM notes');
    expect(row?.at).toEqual(instant);
  });

  it('commits a transaction that resolves and rolls back one that throws', async () => {
    await t.db.transaction(async (tx) => {
      await tx.query('INSERT INTO notes (id, body) VALUES (1, $1)', ['kept']);
    });
    await expect(
      t.db.transaction(async (tx) => {
        await tx.query('INSERT INTO notes (id, body) VALUES (2, $1)', ['dropped']);
        throw new Error('handler failed');
      }),
    ).rejects.toThrow('handler failed');
    expect(await bodies()).toEqual(['kept']);
  });

  it('rolls back only the inner work when a nested transaction fails and is caught', async () => {
    await t.db.transaction(async (tx) => {
      await tx.query('INSERT INTO notes (id, body) VALUES (1, $1)', ['outer']);
      await tx
        .transaction(async (inner) => {
          await inner.query('INSERT INTO notes (id, body) VALUES (2, $1)', ['inner']);
          await inner.query('INSERT INTO notes (id, body) VALUES (1, $1)', ['duplicate key']);
        })
        .catch(() => undefined);
      await tx.query('INSERT INTO notes (id, body) VALUES (3, $1)', ['after']);
    });
    expect(await bodies()).toEqual(['outer', 'after']);
  });

  it('runs a script of several statements with exec', async () => {
    await t.db.exec(
      "INSERT INTO notes (id, body) VALUES (1, 'a'); INSERT INTO notes (id, body) VALUES (2, 'b');",
    );
    expect(await bodies()).toEqual(['a', 'b']);
  });

  it('holds a named lock across copies: one holder at a time per name, and queries run meanwhile', async () => {
    const copy = await t.openCopy();
    const events: string[] = [];
    const hold = (db: typeof t.db, who: string, key: string) =>
      db.withLock(key, async () => {
        events.push(`${who} in`);
        // The holder can still use the database (its own queries and transactions).
        await db.query('SELECT 1');
        await new Promise((resolve) => setTimeout(resolve, 30));
        events.push(`${who} out`);
      });
    await Promise.all([
      hold(t.db, 'a', 'deal:1'),
      hold(copy, 'b', 'deal:1'),
      hold(t.db, 'c', 'deal:1'),
    ]);
    // Never two inside at once.
    for (let i = 0; i < events.length; i += 2) {
      expect(events[i]!.endsWith(' in')).toBe(true);
      expect(events[i + 1]).toBe(events[i]!.replace(' in', ' out'));
    }
    // A throwing holder releases the lock.
    await expect(copy.withLock('deal:2', () => Promise.reject(new Error('boom')))).rejects.toThrow(
      'boom',
    );
    await expect(t.db.withLock('deal:2', async () => 'free')).resolves.toBe('free');
  });
});
