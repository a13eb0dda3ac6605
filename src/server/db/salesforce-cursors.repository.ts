// Where the Salesforce listener of each org resumes: the replay id of the last event whose
// handoff is queued, and the reconciliation poll's checkpoint. Store the replay id in the same
// transaction that queues the event's job, after it: stored alone and then crashing, the event
// would be skipped on resumption. Both values only move forward (several copies listen at once).
import { z } from 'zod';
import type { Queryable } from './database';
import { instant } from './codecs';

const orgId = z.string().min(1, 'orgId is required');
const replayPosition = z.object({
  orgId,
  channel: z.string().min(1, 'channel is required'),
  replayId: z.int({ error: 'replayId must be a whole number' }).nonnegative({
    error: 'replayId must not be negative',
  }),
});

const cursorRow = z.object({
  channel: z.string().nullable(),
  replay_id: z.coerce.number().int().nullable(),
  reconciled_through: instant.nullable(),
});

export interface SalesforceCursor {
  /** The replay id and the channel it belongs to; null before the first event. */
  replay: { channel: string; replayId: number } | null;
  reconciledThrough: Date | null;
}

export interface SalesforceCursorsRepository {
  get(orgId: string): Promise<SalesforceCursor>;
  /** Moves the replay id forward (a smaller one on the same channel is ignored). */
  saveReplayId(orgId: string, channel: string, replayId: number, at: Date): Promise<void>;
  /** Moves the reconciliation checkpoint forward (an earlier instant is ignored). */
  saveReconciledThrough(orgId: string, through: Date, at: Date): Promise<void>;
}

export function createSalesforceCursorsRepository(db: Queryable): SalesforceCursorsRepository {
  return {
    async get(raw) {
      const [row] = await db.query(
        'SELECT channel, replay_id, reconciled_through FROM salesforce_cursors WHERE org_id = $1',
        [orgId.parse(raw)],
      );
      if (!row) return { replay: null, reconciledThrough: null };
      const cursor = cursorRow.parse(row);
      return {
        replay:
          cursor.channel === null || cursor.replay_id === null
            ? null
            : { channel: cursor.channel, replayId: cursor.replay_id },
        reconciledThrough: cursor.reconciled_through,
      };
    },

    async saveReplayId(org, channel, replayId, at) {
      const position = replayPosition.parse({ orgId: org, channel, replayId });
      // Another channel's replay id means nothing on this one: it is replaced, not compared.
      await db.query(
        `INSERT INTO salesforce_cursors (org_id, channel, replay_id, updated_at)
         VALUES ($1, $2, $3, $4)
         ON CONFLICT (org_id) DO UPDATE SET
           channel = excluded.channel,
           replay_id = CASE
             WHEN salesforce_cursors.channel = excluded.channel
               THEN GREATEST(salesforce_cursors.replay_id, excluded.replay_id)
             ELSE excluded.replay_id END,
           updated_at = excluded.updated_at`,
        [position.orgId, position.channel, position.replayId, at],
      );
    },

    async saveReconciledThrough(raw, through, at) {
      await db.query(
        `INSERT INTO salesforce_cursors (org_id, reconciled_through, updated_at)
         VALUES ($1, $2, $3)
         ON CONFLICT (org_id) DO UPDATE SET
           reconciled_through = GREATEST(salesforce_cursors.reconciled_through, excluded.reconciled_through),
           updated_at = excluded.updated_at`,
        [orgId.parse(raw), z.date().parse(through), at],
      );
    },
  };
}
