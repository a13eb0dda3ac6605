// SLA clocks for a given `now` (PROTOCOL.md section 5). A clock is met when done in time,
// breached when done late or overdue, at risk once 75 % of its window is gone, else pending.
import type { HandoffDocument } from '../document/handoff-document.schema';
import { toIso } from '../document/dates';
import type { HandoffTemplate } from '../policy/policy.schema';
import { type WorkingCalendar, addWindow, workingTimeBetween } from '../time/working-calendar';
import { CLOCK_DEFINITIONS, type ClockName, type Side, anchorInstant } from './clock-definitions';

export const CLOCK_STATUSES = ['met', 'pending', 'at_risk', 'breached'] as const;
export type ClockStatus = (typeof CLOCK_STATUSES)[number];

export interface SlaClock {
  name: ClockName;
  label: string;
  status: ClockStatus;
  /** Null while the clock's start has not happened (no close yet, no return yet). */
  startedAt: string | null;
  dueAt: string | null;
  doneAt: string | null;
  windowHours: number;
  responsible: Side;
  /** Share of the window gone at `now` (0-1, capped), for a progress display. */
  elapsed: number;
}

/** The worst state across clocks, for the deal's `baton_sla_state`. */
export type SlaState = 'on_track' | 'at_risk' | 'breached';

export function computeClocks(
  doc: HandoffDocument,
  template: HandoffTemplate,
  calendar: WorkingCalendar,
  now: number,
  atRiskRatio = 0.75,
): SlaClock[] {
  const clocks: SlaClock[] = [];
  for (const [name, window] of Object.entries(template.sla) as [
    ClockName,
    { hours: number; from?: string },
  ][]) {
    const definition = CLOCK_DEFINITIONS[name];
    const anchor = (window.from ?? definition.defaultAnchor) as Parameters<typeof anchorInstant>[1];
    // Clocks are read "as of now": a stamp later than `now` has not happened yet.
    const asOfNow = (instant: number | null) =>
      instant !== null && instant <= now ? instant : null;
    const start = asOfNow(anchorInstant(doc, anchor));
    // A fix is only owed after a return; the clock does not exist before one.
    if (name === 'revision_fix' && start === null) continue;
    const done = asOfNow(definition.doneAt(doc));
    const due = start === null ? null : addWindow(start, window.hours, calendar);

    let status: ClockStatus;
    let elapsed: number;
    if (due === null || start === null) {
      status = done === null ? 'pending' : 'met';
      elapsed = done === null ? 0 : 1;
    } else if (done !== null) {
      status = done <= due ? 'met' : 'breached';
      elapsed = 1;
    } else if (now > due) {
      status = 'breached';
      elapsed = 1;
    } else {
      const total = workingTimeBetween(start, due, calendar);
      elapsed = total === 0 ? 1 : Math.min(1, workingTimeBetween(start, now, calendar) / total);
      status = elapsed >= atRiskRatio ? 'at_risk' : 'pending';
    }
    clocks.push({
      name,
      label: definition.label,
      status,
      startedAt: start === null ? null : toIso(start),
      dueAt: due === null ? null : toIso(due),
      doneAt: done === null ? null : toIso(done),
      windowHours: window.hours,
      responsible: definition.responsible,
      elapsed,
    });
  }
  return clocks;
}

export function slaStateOf(clocks: readonly SlaClock[]): SlaState {
  if (clocks.some((clock) => clock.status === 'breached')) return 'breached';
  if (clocks.some((clock) => clock.status === 'at_risk')) return 'at_risk';
  return 'on_track';
}
