// The production database: PostgreSQL through node-postgres's pure-JavaScript client (no
// pg-native: native addons break across Node versions). Several backend copies share one
// database; a pool per copy keeps a handful of connections each.
import pg from 'pg';
import { InProcessLocks } from '../../functions/keyed-locks';
import { type Database, type SqlParam, savepointScope, toDriverParams } from './database';

export interface PostgresOptions {
  connectionString: string;
  /** Connections per backend copy. Postgres's default limit is 100 for all copies together. */
  maxConnections?: number;
  /** Connections for advisory locks (see `withLock`), beside the main pool. */
  maxLockConnections?: number;
  /** Told about errors on idle connections (a restarted server); they must not crash us. */
  onIdleError?: (error: Error) => void;
}

type Client = Pick<pg.PoolClient, 'query'>;

const queryOn =
  (client: Client) =>
  async <T extends object>(sql: string, params?: readonly SqlParam[]): Promise<T[]> =>
    (await client.query<T>(sql, toDriverParams(params))).rows;

// Without parameters node-postgres uses the simple protocol, which accepts several statements.
const execOn = (client: Client) => async (script: string) => {
  await client.query(script);
};

export async function openPostgres(options: PostgresOptions): Promise<Database> {
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.maxConnections ?? 10,
  });
  // Without a listener, an idle client's error (the server restarting) is an unhandled
  // 'error' event and kills the process; the pool replaces the client on its own.
  pool.on('error', (error) => options.onIdleError?.(error));

  // Fail at start-up, not at the first webhook, when the URL or credentials are wrong.
  const probe = await pool.connect();
  probe.release();

  // Session advisory locks hold a connection for as long as the lock. They come from a pool of
  // their own: a holder's queries use the main pool, so holders can never take every
  // connection and wait on each other for one.
  const lockPool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.maxLockConnections ?? 4,
  });
  lockPool.on('error', (error) => options.onIdleError?.(error));
  // Waiters in this process queue here rather than each holding a connection while it waits.
  const local = new InProcessLocks();

  return {
    kind: 'postgres',
    query: queryOn(pool),
    exec: execOn(pool),
    async transaction(fn) {
      const client = await pool.connect();
      let broken: Error | undefined;
      try {
        await client.query('BEGIN');
        const result = await fn(savepointScope({ query: queryOn(client), exec: execOn(client) }));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        try {
          await client.query('ROLLBACK');
        } catch (rollbackError) {
          // A connection that cannot roll back must not go back into the pool.
          broken =
            rollbackError instanceof Error ? rollbackError : new Error(String(rollbackError));
        }
        throw error;
      } finally {
        client.release(broken);
      }
    },
    withLock: (key, fn) =>
      local.run(key, async () => {
        const client = await lockPool.connect();
        let broken: Error | undefined;
        try {
          // A 64-bit hash of the name: a collision only makes two keys wait on each other.
          await client.query('SELECT pg_advisory_lock(hashtextextended($1, 0))', [key]);
          try {
            return await fn();
          } finally {
            await client
              .query('SELECT pg_advisory_unlock(hashtextextended($1, 0))', [key])
              .catch((error: unknown) => {
                // A session lock dies with its connection: dropping the client releases it.
                broken = error instanceof Error ? error : new Error(String(error));
              });
          }
        } finally {
          client.release(broken);
        }
      }),
    async close() {
      await Promise.all([pool.end(), lockPool.end()]);
    },
  };
}
