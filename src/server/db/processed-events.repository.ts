// Idempotency of incoming events: HubSpot retries webhooks and workflow actions and may deliver
// one event several times, at once, to different backend copies. The primary key decides who
// handles it: only the insert that creates the row returns it.
//
// Record the event in the same transaction as the work it causes (usually `jobs.enqueue`):
// recorded alone and then crashing, the event would be marked done with nothing done.
import { z } from 'zod';
import type { Queryable } from './database';

const eventKey = z.object({
  source: z.string().min(1, 'source is required'),
  eventId: z.string().min(1, 'eventId is required'),
});

export interface ProcessedEventsRepository {
  /** True only for the first call with this source and event id, however many race. */
  recordOnce(source: string, eventId: string, at?: Date): Promise<boolean>;
  /** Forgets events older than `before`; HubSpot stops retrying after about three days. */
  pruneOlderThan(before: Date): Promise<number>;
}

export function createProcessedEventsRepository(db: Queryable): ProcessedEventsRepository {
  return {
    async recordOnce(source, eventId, at = new Date()) {
      const key = eventKey.parse({ source, eventId });
      const rows = await db.query(
        `INSERT INTO processed_events (source, event_id, processed_at) VALUES ($1, $2, $3)
         ON CONFLICT DO NOTHING RETURNING event_id`,
        [key.source, key.eventId, at],
      );
      return rows.length === 1;
    },

    async pruneOlderThan(before) {
      const rows = await db.query(
        'DELETE FROM processed_events WHERE processed_at < $1 RETURNING event_id',
        [before],
      );
      return rows.length;
    },
  };
}
