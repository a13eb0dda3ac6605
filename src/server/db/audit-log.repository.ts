// The audit log of every lifecycle transition: who did what to which handoff, when, from which
// state to which. Append-only (the database refuses UPDATE and DELETE, see migration 001).
import { z } from 'zod';
import { ACTOR_ROLES, LIFECYCLE_STATES } from '../../core';
import type { Queryable } from './database';
import { type HandoffRef, handoffRef } from './handoff-ref';
import { instant, jsonObject, jsonParam, rowId } from './codecs';

/** Beside the people's roles, the automation (closed-won, the SLA sweep) acts as `system`. */
export const AUDIT_ACTOR_ROLES = [...ACTOR_ROLES, 'system'] as const;
const state = z.enum(LIFECYCLE_STATES, { error: `expected one of ${LIFECYCLE_STATES.join(', ')}` });

export const auditEntryInput = handoffRef.extend({
  actor: z.object({
    id: z.string().min(1, 'actor.id is required'),
    role: z.enum(AUDIT_ACTOR_ROLES, { error: `expected one of ${AUDIT_ACTOR_ROLES.join(', ')}` }),
  }),
  /** What happened, e.g. a lifecycle event type such as `handoff.submitted`. */
  action: z.string().min(1, 'action is required'),
  /** Null when the handoff came into being with this entry. */
  fromState: state.nullable(),
  toState: state,
  at: z.date(),
  details: jsonObject.default({}),
});
export type AuditEntryInput = z.input<typeof auditEntryInput>;
export type AuditEntry = z.output<typeof auditEntryInput> & { id: number };

const entryRow = z.object({
  id: rowId,
  portal_id: z.string(),
  handoff_key: z.string(),
  actor_id: z.string(),
  actor_role: z.enum(AUDIT_ACTOR_ROLES),
  action: z.string(),
  from_state: state.nullable(),
  to_state: state,
  at: instant,
  details: jsonObject,
});

export interface AuditLogRepository {
  append(entry: AuditEntryInput): Promise<AuditEntry>;
  /** The handoff's history in the order it happened (ties keep the order of appending). */
  listFor(handoff: HandoffRef): Promise<AuditEntry[]>;
}

export function createAuditLogRepository(db: Queryable): AuditLogRepository {
  return {
    async append(raw) {
      const entry = auditEntryInput.parse(raw);
      const [row] = await db.query(
        `INSERT INTO audit_log (portal_id, handoff_key, actor_id, actor_role, action,
           from_state, to_state, at, details)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb)
         RETURNING id`,
        [
          entry.portalId,
          entry.handoffKey,
          entry.actor.id,
          entry.actor.role,
          entry.action,
          entry.fromState,
          entry.toState,
          entry.at,
          jsonParam(jsonObject, entry.details),
        ],
      );
      return { ...entry, id: rowId.parse(row?.id) };
    },

    async listFor(handoff) {
      const ref = handoffRef.parse(handoff);
      const rows = await db.query(
        `SELECT id, portal_id, handoff_key, actor_id, actor_role, action, from_state, to_state,
           at, details
         FROM audit_log WHERE portal_id = $1 AND handoff_key = $2
         ORDER BY at, id`,
        [ref.portalId, ref.handoffKey],
      );
      return rows.map((raw) => {
        const row = entryRow.parse(raw);
        return {
          id: row.id,
          portalId: row.portal_id,
          handoffKey: row.handoff_key,
          actor: { id: row.actor_id, role: row.actor_role },
          action: row.action,
          fromState: row.from_state,
          toState: row.to_state,
          at: row.at,
          details: row.details,
        };
      });
    },
  };
}
