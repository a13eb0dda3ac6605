// The embedded database: PGlite is PostgreSQL compiled to WebAssembly, so the same SQL and
// migrations run with no server, in memory (tests) or in a data folder (`npm start`). It is one
// connection that queues every query and transaction, so there is no concurrency to manage,
// and one process only: two processes must never open the same data folder.
import { PGlite, type PGliteInterface, type Transaction } from '@electric-sql/pglite';
import { InProcessLocks } from '../../functions/keyed-locks';
import { type Database, type SqlParam, savepointScope, toDriverParams } from './database';

export interface PgliteOptions {
  /** A folder for the data files; omitted, the database lives in memory and dies with us. */
  dataDir?: string;
}

type Session = Pick<Transaction, 'query' | 'exec'>;

const queryOn =
  (session: Session) =>
  async <T extends object>(sql: string, params?: readonly SqlParam[]): Promise<T[]> =>
    (await session.query<T>(sql, toDriverParams(params))).rows;

// PGlite's `query` is one prepared statement; `exec` takes a script.
const execOn = (session: Session) => async (script: string) => {
  await session.exec(script);
};

export async function openPglite(options: PgliteOptions = {}): Promise<Database> {
  return pgliteDatabase(
    options.dataDir ? await PGlite.create(options.dataDir) : await PGlite.create(),
  );
}

/** The port over an open PGlite; closing the port closes it. */
export function pgliteDatabase(
  pglite: Pick<PGliteInterface, 'query' | 'exec' | 'transaction' | 'close'>,
): Database {
  // One process owns an embedded database, so a lock in this process is a lock for all copies.
  const locks = new InProcessLocks();
  return {
    kind: 'pglite',
    withLock: (key, fn) => locks.run(key, fn),
    query: queryOn(pglite),
    exec: execOn(pglite),
    // Inside `fn`, use only `tx`: a query on the database itself waits for this transaction
    // to end, which is never.
    transaction: (fn) =>
      pglite.transaction((tx) => fn(savepointScope({ query: queryOn(tx), exec: execOn(tx) }))),
    async close() {
      await pglite.close();
    },
  };
}
