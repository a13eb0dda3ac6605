// Calendar hours or business days (PROTOCOL.md section 5: "templates may count business days").
// Business days are whole working days in the policy's time zone: a window of 48 h that starts
// on Friday 10:00 ends on Tuesday 10:00; one that starts on a Saturday or a holiday starts
// counting at 00:00 of the next working day.
import type { Policy } from '../policy/policy.schema';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export interface WorkingCalendar {
  timeBasis: Policy['timeBasis'];
  workingDays: ReadonlySet<number>;
  holidays: ReadonlySet<string>;
  timeZone: string;
}

export function calendarOf(policy: Policy): WorkingCalendar {
  return {
    timeBasis: policy.timeBasis,
    workingDays: new Set(policy.workingDays),
    holidays: new Set(policy.holidays),
    timeZone: policy.timeZone,
  };
}

interface LocalDate {
  year: number;
  month: number;
  day: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The wall-clock time at `instant` in `timeZone`, expressed as if it were UTC. */
function wallClock(instant: number, timeZone: string): number {
  if (timeZone === 'UTC') return instant;
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(instant)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  const millis = ((instant % 1000) + 1000) % 1000;
  return Date.UTC(
    parts.year!,
    parts.month! - 1,
    parts.day!,
    parts.hour!,
    parts.minute!,
    parts.second!,
    millis,
  );
}

/** The instant whose wall-clock time in `timeZone` is `wall` (the earlier one across a DST change). */
function fromWallClock(wall: number, timeZone: string): number {
  if (timeZone === 'UTC') return wall;
  let guess = wall - (wallClock(wall, timeZone) - wall);
  guess = wall - (wallClock(guess, timeZone) - guess);
  return guess;
}

function localDate(wall: number): LocalDate {
  const date = new Date(wall);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

function isoDate({ year, month, day }: LocalDate): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function isWorkingDay(wall: number, calendar: WorkingCalendar): boolean {
  const isoWeekday = ((new Date(wall).getUTCDay() + 6) % 7) + 1;
  return calendar.workingDays.has(isoWeekday) && !calendar.holidays.has(isoDate(localDate(wall)));
}

function startOfDay(wall: number): number {
  return Math.floor(wall / DAY) * DAY;
}

function nextWorkingDayStart(wall: number, calendar: WorkingCalendar): number {
  let day = startOfDay(wall) + DAY;
  // Bounded: a policy has at least one working day, and a year of holidays is the most to skip.
  for (let i = 0; i < 800 && !isWorkingDay(day, calendar); i++) day += DAY;
  return day;
}

/** When a window of `hours` that opens at `start` closes. */
export function addWindow(start: number, hours: number, calendar: WorkingCalendar): number {
  if (calendar.timeBasis === 'calendar_hours') return start + hours * HOUR;
  let wall = wallClock(start, calendar.timeZone);
  if (!isWorkingDay(wall, calendar)) wall = nextWorkingDayStart(wall, calendar);
  const timeOfDay = wall - startOfDay(wall);
  for (let days = Math.round(hours / 24); days > 0; days--) {
    wall = nextWorkingDayStart(wall, calendar) + timeOfDay;
  }
  return fromWallClock(wall, calendar.timeZone);
}

/** Working time between two instants: all of it in calendar hours, working days only otherwise. */
export function workingTimeBetween(from: number, to: number, calendar: WorkingCalendar): number {
  if (to <= from) return 0;
  if (calendar.timeBasis === 'calendar_hours') return to - from;
  const wallFrom = wallClock(from, calendar.timeZone);
  const wallTo = wallClock(to, calendar.timeZone);
  let total = 0;
  for (let day = startOfDay(wallFrom); day < wallTo; day += DAY) {
    if (!isWorkingDay(day, calendar)) continue;
    total += Math.min(day + DAY, wallTo) - Math.max(day, wallFrom);
  }
  return total;
}

export const MS_PER_HOUR = HOUR;
