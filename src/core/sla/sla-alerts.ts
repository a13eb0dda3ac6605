// What the SLA sweep should raise for a handoff at `now`: the reminder 24 h before the handoff
// meeting is due, an alert on the card for clocks at risk, and an escalation to the responsible
// side's manager for breached clocks. Each alert has a key that is stable across sweeps, so the
// backend can raise each one exactly once.
import type { Assignee } from '../policy/policy.schema';
import { MS_PER_HOUR } from '../time/working-calendar';
import type { SlaClock } from './sla-clocks';

export type SlaAlertKind = 'reminder' | 'at_risk' | 'breached';

export interface SlaAlert {
  key: string;
  kind: SlaAlertKind;
  clock: SlaClock['name'];
  notify: Assignee;
  dueAt: string | null;
  message: string;
}

export function slaAlerts(
  clocks: readonly SlaClock[],
  now: number,
  meetingReminderHours: number,
): SlaAlert[] {
  const alerts: SlaAlert[] = [];
  for (const clock of clocks) {
    // A clock that restarts (a second return) is a new clock: its start is part of the key.
    const key = (kind: SlaAlertKind) => `${clock.name}@${clock.startedAt ?? 'unstarted'}:${kind}`;
    const dueAt = clock.dueAt;
    if (clock.status === 'breached') {
      alerts.push({
        key: key('breached'),
        kind: 'breached',
        clock: clock.name,
        notify: clock.responsible === 'sender' ? 'sender_manager' : 'receiver_manager',
        dueAt,
        message:
          clock.doneAt === null
            ? `${clock.label} is overdue (was due ${dueAt})`
            : `${clock.label} was done late (${clock.doneAt}, due ${dueAt})`,
      });
      continue;
    }
    if (clock.status === 'at_risk') {
      alerts.push({
        key: key('at_risk'),
        kind: 'at_risk',
        clock: clock.name,
        notify: clock.responsible,
        dueAt,
        message: `${clock.label} is due ${dueAt}`,
      });
    }
    if (
      clock.name === 'handoff_meeting' &&
      clock.doneAt === null &&
      dueAt !== null &&
      now >= Date.parse(dueAt) - meetingReminderHours * MS_PER_HOUR
    ) {
      alerts.push({
        key: key('reminder'),
        kind: 'reminder',
        clock: clock.name,
        notify: 'sender',
        dueAt,
        message: `Reminder: hold the internal handoff meeting before ${dueAt}`,
      });
    }
  }
  return alerts;
}
