// When the SLA sweep next needs to look at a handoff: the earliest instant after `now` at which
// one of its clocks turns at risk, turns breached, or its meeting reminder falls due. Between
// such instants nothing can change without someone editing the handoff (and an edit moves the
// instant), so the sweep reads only the handoffs due, never every open one.
import type { WorkingCalendar } from '../time/working-calendar';
import { MS_PER_HOUR, workingTimeBetween } from '../time/working-calendar';
import type { SlaClock } from './sla-clocks';

export interface NextCheckOptions {
  calendar: WorkingCalendar;
  atRiskRatio: number;
  meetingReminderHours: number;
}

export function nextSlaCheckAt(
  clocks: readonly SlaClock[],
  now: number,
  options: NextCheckOptions,
): number | null {
  let next: number | null = null;
  const consider = (instant: number) => {
    if (instant > now && (next === null || instant < next)) next = instant;
  };
  for (const clock of clocks) {
    if (clock.doneAt !== null || clock.startedAt === null || clock.dueAt === null) continue;
    const start = Date.parse(clock.startedAt);
    const due = Date.parse(clock.dueAt);
    if (clock.status === 'pending') consider(atRiskInstant(start, due, options));
    // A clock is breached once `now` is past its due instant, so the first such instant.
    consider(due + 1);
    if (clock.name === 'handoff_meeting')
      consider(due - options.meetingReminderHours * MS_PER_HOUR);
  }
  return next;
}

/**
 * The first instant at which the share of the window gone reaches the at-risk ratio. Working
 * time only grows with the instant, so a bisection finds it to the millisecond in ~40 steps,
 * whatever the calendar's weekends and holidays.
 */
function atRiskInstant(start: number, due: number, options: NextCheckOptions): number {
  const total = workingTimeBetween(start, due, options.calendar);
  if (total === 0) return start;
  const target = total * options.atRiskRatio;
  let low = start;
  let high = due;
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    if (workingTimeBetween(start, middle, options.calendar) >= target) high = middle;
    else low = middle;
  }
  return high;
}
