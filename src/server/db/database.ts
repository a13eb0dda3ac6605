// The backend's one database port. PostgreSQL in production and PGlite (the same PostgreSQL,
// embedded as WebAssembly) when `DATABASE_URL` is unset, so every query here is plain
// PostgreSQL and runs unchanged on both. Repositories take a `Queryable`, which a transaction
// also is, so callers can put several repository calls into one transaction.

/** What may be bound to a `$n` placeholder. JSON goes in as a string with a `::jsonb` cast. */
export type SqlParam = string | number | boolean | Date | null;

export interface Queryable {
  /** Runs one statement with bound parameters and returns its rows (empty when none). */
  query<T extends object = Record<string, unknown>>(
    sql: string,
    params?: readonly SqlParam[],
  ): Promise<T[]>;
  /**
   * Runs a script of several statements, without parameters: migrations. (A parameterized
   * query is one statement on both drivers.)
   */
  exec(script: string): Promise<void>;
  /**
   * Runs `fn` in a transaction: committed when it resolves, rolled back when it throws. Called
   * on a transaction it opens a savepoint, so a caught inner failure does not poison the outer
   * transaction. Do not run queries of one transaction in parallel.
   */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
}

export type DatabaseKind = 'postgres' | 'pglite';

export interface Database extends Queryable {
  readonly kind: DatabaseKind;
  /**
   * Runs `fn` holding the lock named `key`, shared by every backend copy on this database: one
   * writer per deal, whichever copy a request or job landed on. Not a transaction: `fn` may
   * take seconds of CRM calls and run its own queries and transactions meanwhile.
   */
  withLock<T>(key: string, fn: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/**
 * Both drivers take Date parameters, but each renders them differently (node-postgres in the
 * process's local zone); an ISO string in UTC means the same instant everywhere.
 */
export function toDriverParams(
  params: readonly SqlParam[] = [],
): Array<string | number | boolean | null> {
  return params.map((param) => (param instanceof Date ? param.toISOString() : param));
}

/** The two things a driver's open transaction can do, wrapped into a `Queryable`. */
export interface TransactionDriver {
  query<T extends object>(sql: string, params?: readonly SqlParam[]): Promise<T[]>;
  exec(script: string): Promise<void>;
}

/**
 * A transaction's `transaction` method: a savepoint, so an inner failure that the caller
 * catches rolls back only the inner work. Savepoint names only need to be unique per depth.
 */
export function savepointScope(driver: TransactionDriver, depth = 0): Queryable {
  return {
    query: (sql, params) => driver.query(sql, params),
    exec: (script) => driver.exec(script),
    async transaction(fn) {
      const name = `baton_sp_${depth + 1}`;
      await driver.exec(`SAVEPOINT ${name}`);
      try {
        const result = await fn(savepointScope(driver, depth + 1));
        await driver.exec(`RELEASE SAVEPOINT ${name}`);
        return result;
      } catch (error) {
        await driver.exec(`ROLLBACK TO SAVEPOINT ${name}`);
        throw error;
      }
    },
  };
}
