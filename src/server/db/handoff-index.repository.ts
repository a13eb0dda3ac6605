// What the SLA sweep scans without calling the CRM: one row per handoff with its lifecycle state
// and the next instant an SLA clock falls due. The CRM stays the source of truth; this is an
// index the handlers update whenever they write a handoff.
import { z } from 'zod';
import { LIFECYCLE_STATES } from '../../core';
import type { Queryable } from './database';
import { handoffRef } from './handoff-ref';
import { instant, positiveLimit } from './codecs';

export const handoffIndexEntry = handoffRef.extend({
  dealId: z.string().min(1, 'dealId is required'),
  state: z.enum(LIFECYCLE_STATES, { error: `expected one of ${LIFECYCLE_STATES.join(', ')}` }),
  /** Null when no clock is running (completed, or waiting on nothing with a deadline). */
  nextDueAt: z.date().nullable(),
  updatedAt: z.date(),
});
export type HandoffIndexEntry = z.infer<typeof handoffIndexEntry>;

const entryRow = z.object({
  portal_id: z.string(),
  handoff_key: z.string(),
  deal_id: z.string(),
  state: z.enum(LIFECYCLE_STATES),
  next_due_at: instant.nullable(),
  updated_at: instant,
});

export interface HandoffIndexRepository {
  /**
   * Inserts or updates the entry. An update older than the stored one is ignored (returns
   * false): handlers on different copies may finish out of order, and the later write wins.
   */
  upsert(entry: HandoffIndexEntry): Promise<boolean>;
  /** Entries with a clock due at or before `now`, earliest first. */
  dueBefore(now: Date, limit: number): Promise<HandoffIndexEntry[]>;
}

export function createHandoffIndexRepository(db: Queryable): HandoffIndexRepository {
  return {
    async upsert(raw) {
      const entry = handoffIndexEntry.parse(raw);
      const rows = await db.query(
        `INSERT INTO handoff_index (portal_id, handoff_key, deal_id, state, next_due_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (portal_id, handoff_key) DO UPDATE SET
           deal_id = excluded.deal_id,
           state = excluded.state,
           next_due_at = excluded.next_due_at,
           updated_at = excluded.updated_at
         WHERE handoff_index.updated_at <= excluded.updated_at
         RETURNING handoff_key`,
        [
          entry.portalId,
          entry.handoffKey,
          entry.dealId,
          entry.state,
          entry.nextDueAt,
          entry.updatedAt,
        ],
      );
      return rows.length === 1;
    },

    async dueBefore(now, limit) {
      const rows = await db.query(
        `SELECT portal_id, handoff_key, deal_id, state, next_due_at, updated_at
         FROM handoff_index
         WHERE next_due_at IS NOT NULL AND next_due_at <= $1
         ORDER BY next_due_at, portal_id, handoff_key
         LIMIT $2`,
        [now, positiveLimit(limit)],
      );
      return rows.map((raw) => {
        const row = entryRow.parse(raw);
        return {
          portalId: row.portal_id,
          handoffKey: row.handoff_key,
          dealId: row.deal_id,
          state: row.state,
          nextDueAt: row.next_due_at,
          updatedAt: row.updated_at,
        };
      });
    },
  };
}
