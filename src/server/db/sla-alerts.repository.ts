// Exactly-once SLA escalations and reminders. The sweep runs on a schedule, on several backend
// copies, and sees the same breached clock every time until someone acts: the alert's stable key
// (from core's `slaAlerts`) and this table's primary key make each one happen once.
//
// Raise the alert in the same transaction that enqueues its escalation task, so a crash between
// the two neither loses the escalation nor sends it twice.
import { z } from 'zod';
import { ASSIGNEES, CLOCK_NAMES, type SlaAlert } from '../../core';
import type { Queryable } from './database';
import { instant, jsonParam } from './codecs';
import { type HandoffRef, handoffRef } from './handoff-ref';
import type { SameType } from './same-type';

const SLA_ALERT_KINDS = ['reminder', 'at_risk', 'breached'] as const;

const slaAlertSchema = z.object({
  key: z.string().min(1, 'key is required'),
  kind: z.enum(SLA_ALERT_KINDS, { error: `kind: expected one of ${SLA_ALERT_KINDS.join(', ')}` }),
  clock: z.enum(CLOCK_NAMES, { error: `clock: expected one of ${CLOCK_NAMES.join(', ')}` }),
  notify: z.enum(ASSIGNEES, { error: `notify: expected one of ${ASSIGNEES.join(', ')}` }),
  dueAt: z.string().nullable(),
  message: z.string(),
});
// The stored payload is core's alert: the compiler says so if either side changes.
const _sameAsCore: SameType<z.infer<typeof slaAlertSchema>, SlaAlert> = true;

const alertRow = z.object({ payload: slaAlertSchema, raised_at: instant });

export interface RaisedAlert {
  alert: SlaAlert;
  raisedAt: Date;
}

export interface SlaAlertsRepository {
  /** True only the first time this alert (by its key) is raised for this handoff. */
  raiseOnce(handoff: HandoffRef, alert: SlaAlert, at: Date): Promise<boolean>;
  /** The handoff's alerts, oldest first, for the card. */
  listFor(handoff: HandoffRef): Promise<RaisedAlert[]>;
}

export function createSlaAlertsRepository(db: Queryable): SlaAlertsRepository {
  return {
    async raiseOnce(handoff, alert, at) {
      const ref = handoffRef.parse(handoff);
      const payload = jsonParam(slaAlertSchema, alert);
      const rows = await db.query(
        `INSERT INTO sla_alerts (portal_id, handoff_key, alert_key, payload, raised_at)
         VALUES ($1, $2, $3, $4::jsonb, $5)
         ON CONFLICT DO NOTHING RETURNING alert_key`,
        [ref.portalId, ref.handoffKey, alert.key, payload, at],
      );
      return rows.length === 1;
    },

    async listFor(handoff) {
      const ref = handoffRef.parse(handoff);
      const rows = await db.query(
        `SELECT payload, raised_at FROM sla_alerts WHERE portal_id = $1 AND handoff_key = $2
         ORDER BY raised_at, alert_key`,
        [ref.portalId, ref.handoffKey],
      );
      return rows.map((raw) => {
        const row = alertRow.parse(raw);
        return { alert: row.payload, raisedAt: row.raised_at };
      });
    },
  };
}
