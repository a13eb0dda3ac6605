// Date shapes the document accepts. Kept apart from the schema so the SLA and report code
// parse instants the same way validation checked them.

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isRealCalendarDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return day <= (month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1]!);
}

export function isIsoDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  return match !== null && isRealCalendarDate(Number(match[1]), Number(match[2]), Number(match[3]));
}

/** An ISO 8601 date-time with an explicit offset (Z or ±hh:mm): an instant, not a wall time. */
export function isIsoDateTime(value: string): boolean {
  const match = ISO_DATE_TIME.exec(value);
  if (match === null) return false;
  const [hour, minute, second] = [Number(match[4]), Number(match[5]), Number(match[6] ?? 0)];
  const offset = match[7]!;
  const offsetValid =
    offset === 'Z' || (Number(offset.slice(1, 3)) < 24 && Number(offset.slice(4, 6)) < 60);
  return (
    isRealCalendarDate(Number(match[1]), Number(match[2]), Number(match[3])) &&
    hour < 24 &&
    minute < 60 &&
    second < 60 &&
    offsetValid
  );
}

// Scoring reads the same few stamps many times per handoff; parsing them is its hottest path.
const instants = new Map<string, number | null>();
const INSTANT_CACHE_SIZE = 4096;

function parseInstant(value: string): number | null {
  const text = value.trim();
  if (isIsoDateTime(text)) return Date.parse(text);
  if (isIsoDate(text)) return Date.parse(`${text}T00:00:00Z`);
  return null;
}

/** Milliseconds since the epoch for a validated date-time, or a date taken as 00:00 UTC. */
export function toInstant(value: string | null | undefined): number | null {
  if (value === null || value === undefined) return null;
  let instant = instants.get(value);
  if (instant === undefined) {
    instant = parseInstant(value);
    if (instants.size >= INSTANT_CACHE_SIZE) instants.clear();
    instants.set(value, instant);
  }
  return instant;
}

/** ISO 8601 in UTC, without milliseconds when there are none: `2026-11-02T10:00:00Z`. */
export function toIso(instant: number): string {
  // Formatted by hand: Date#toISOString is the hottest call of scoring, at 3x the cost.
  const date = new Date(instant);
  const year = date.getUTCFullYear();
  if (year < 0 || year > 9999) return date.toISOString();
  const millis = date.getUTCMilliseconds();
  return (
    `${year}-${two(date.getUTCMonth() + 1)}-${two(date.getUTCDate())}` +
    `T${two(date.getUTCHours())}:${two(date.getUTCMinutes())}:${two(date.getUTCSeconds())}` +
    `${millis === 0 ? '' : `.${String(millis).padStart(3, '0')}`}Z`
  );
}

function two(value: number): string {
  return value < 10 ? `0${value}` : String(value);
}
