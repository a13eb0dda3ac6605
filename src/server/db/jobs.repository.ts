// A durable queue (the outbox) of CRM work, shared by every backend copy on one database.
// Claiming uses `SELECT … FOR UPDATE SKIP LOCKED`: copies claiming at the same moment each lock
// different rows and never wait on or take each other's, so no job is handed out twice. A
// claimed job carries a lease; if its worker is killed mid-job, the lease runs out and the job
// is claimed again, so jobs must be idempotent (CRM writes upsert by unique keys).
import { z } from 'zod';
import { instant, jsonParam, jsonValue, positiveLimit, rowId } from './codecs';
import type { Queryable } from './database';
import { type ClaimedJob, JOB_STATUSES, type JobKinds, type JobQueue } from './jobs.types';

export const DEFAULT_MAX_ATTEMPTS = 8;
/** Enough to see what went wrong; a CRM error body can be large. Keep secrets out of it. */
const MAX_ERROR_LENGTH = 2000;

const jobRow = z.object({
  id: rowId,
  kind: z.string(),
  dedupe_key: z.string(),
  payload: jsonValue,
  attempts: z.coerce.number().int(),
  max_attempts: z.coerce.number().int(),
  run_at: instant,
  locked_by: z.string(),
  locked_until: instant,
});
const statsRow = z.object({ status: z.enum(JOB_STATUSES), count: z.coerce.number().int() });

const CLAIMABLE = `kind IN (SELECT jsonb_array_elements_text($1::jsonb)) AND (
  (status = 'pending' AND run_at <= $2)
  OR (status = 'running' AND locked_until <= $2 AND attempts < max_attempts))`;

export function createJobQueue<S extends JobKinds>(db: Queryable, kinds: S): JobQueue<S> {
  const schemaOf = (kind: string): z.ZodType | undefined =>
    Object.hasOwn(kinds, kind) ? kinds[kind] : undefined;
  // A copy claims only the kinds it knows: during a rolling deploy an older copy must leave a
  // newer copy's jobs alone rather than bury them as unreadable.
  const knownKinds = JSON.stringify(Object.keys(kinds));

  return {
    async enqueue(kind, dedupeKey, payload, runAt, options = {}) {
      const schema = schemaOf(kind);
      if (!schema) throw new Error(`Unknown job kind "${kind}"`);
      z.string().min(1, 'dedupeKey is required').parse(dedupeKey);
      const maxAttempts = z
        .number()
        .int()
        .positive()
        .parse(options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS);
      const inserted = await db.query(
        `INSERT INTO jobs (kind, dedupe_key, payload, run_at, max_attempts)
         VALUES ($1, $2, $3::jsonb, $4, $5)
         ON CONFLICT (kind, dedupe_key) DO NOTHING RETURNING id`,
        [kind, dedupeKey, jsonParam(schema, payload), runAt, maxAttempts],
      );
      if (inserted[0]) return { id: rowId.parse(inserted[0].id), created: true };
      const [existing] = await db.query('SELECT id FROM jobs WHERE kind = $1 AND dedupe_key = $2', [
        kind,
        dedupeKey,
      ]);
      return { id: rowId.parse(existing?.id), created: false };
    },

    async claim(workerId, limit, now, leaseMs) {
      z.string().min(1, 'workerId is required').parse(workerId);
      const lease = z
        .number()
        .int()
        .positive('leaseMs must be a positive whole number')
        .parse(leaseMs);
      const lockedUntil = new Date(now.getTime() + lease);
      return db.transaction(async (tx) => {
        // A job whose lease ran out on its last attempt killed its worker every time: bury it
        // rather than hand it to the next victim.
        await tx.query(
          `WITH expired AS MATERIALIZED (
             SELECT id FROM jobs
             WHERE status = 'running' AND locked_until <= $1 AND attempts >= max_attempts
             FOR UPDATE SKIP LOCKED)
           UPDATE jobs SET status = 'dead', locked_by = NULL, locked_until = NULL,
             last_error = 'lease expired on the last attempt: the worker stopped mid-job',
             updated_at = now()
           FROM expired WHERE jobs.id = expired.id`,
          [now],
        );
        // MATERIALIZED keeps the locking SELECT a separate step that runs once, so the LIMIT
        // and the locks apply to exactly the rows updated.
        const rows = await tx.query(
          `WITH next AS MATERIALIZED (
             SELECT id FROM jobs WHERE ${CLAIMABLE}
             ORDER BY run_at, id LIMIT $3
             FOR UPDATE SKIP LOCKED)
           UPDATE jobs SET status = 'running', attempts = attempts + 1, locked_by = $4,
             locked_until = $5, updated_at = now()
           FROM next WHERE jobs.id = next.id
           RETURNING jobs.id, kind, dedupe_key, payload, attempts, max_attempts, run_at,
             locked_by, locked_until`,
          [knownKinds, now, positiveLimit(limit), workerId, lockedUntil],
        );
        const claimed: ClaimedJob<S>[] = [];
        for (const raw of rows.map((row) => jobRow.parse(row))) {
          const parsed = schemaOf(raw.kind)?.safeParse(raw.payload);
          if (!parsed?.success) {
            await bury(tx, raw.id, `payload no longer matches the "${raw.kind}" schema`);
            continue;
          }
          // The SQL claims only kinds of `kinds`, and the payload just passed that kind's schema:
          // what the compiler cannot connect across the row, these two checks did.
          claimed.push({
            id: raw.id,
            kind: raw.kind,
            dedupeKey: raw.dedupe_key,
            payload: parsed.data,
            attempts: raw.attempts,
            maxAttempts: raw.max_attempts,
            runAt: raw.run_at,
            lockedBy: raw.locked_by,
            lockedUntil: raw.locked_until,
          } as ClaimedJob<S>);
        }
        return claimed.sort((a, b) => a.runAt.getTime() - b.runAt.getTime() || a.id - b.id);
      });
    },

    async complete(id, options = {}) {
      const rows = await db.query(
        `UPDATE jobs SET status = 'done', locked_by = NULL, locked_until = NULL, updated_at = now()
         WHERE id = $1 AND status = 'running' AND ($2::text IS NULL OR locked_by = $2)
         RETURNING id`,
        [id, options.workerId ?? null],
      );
      return rows.length === 1;
    },

    async extendLease(id, workerId, until) {
      const rows = await db.query(
        `UPDATE jobs SET locked_until = $3, updated_at = now()
         WHERE id = $1 AND status = 'running' AND locked_by = $2
         RETURNING id`,
        [id, workerId, until],
      );
      return rows.length === 1;
    },

    async fail(id, error, retryAt, options = {}) {
      const [row] = await db.query(
        `UPDATE jobs SET
           status = CASE WHEN $4 OR attempts >= max_attempts THEN 'dead' ELSE 'pending' END,
           run_at = CASE WHEN $4 OR attempts >= max_attempts THEN run_at ELSE $3 END,
           last_error = $2, locked_by = NULL, locked_until = NULL, updated_at = now()
         WHERE id = $1 AND status = 'running' AND ($5::text IS NULL OR locked_by = $5)
         RETURNING status`,
        [
          id,
          error.slice(0, MAX_ERROR_LENGTH),
          retryAt,
          options.permanent ?? false,
          options.workerId ?? null,
        ],
      );
      if (!row) return 'not_running';
      return row.status === 'dead' ? 'dead' : 'retry_scheduled';
    },

    async pruneDone(before) {
      const rows = await db.query(
        `DELETE FROM jobs WHERE status = 'done' AND updated_at < $1 RETURNING id`,
        [before],
      );
      return rows.length;
    },

    async stats() {
      const rows = await db.query('SELECT status, count(*) AS count FROM jobs GROUP BY status');
      const stats = { pending: 0, running: 0, done: 0, dead: 0 };
      for (const row of rows.map((raw) => statsRow.parse(raw))) stats[row.status] = row.count;
      return stats;
    },
  };
}

async function bury(db: Queryable, id: number, error: string): Promise<void> {
  await db.query(
    `UPDATE jobs SET status = 'dead', last_error = $2, locked_by = NULL, locked_until = NULL,
       updated_at = now()
     WHERE id = $1`,
    [id, error],
  );
}
