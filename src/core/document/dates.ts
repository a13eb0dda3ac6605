// Date shapes the document accepts. Kept apart from the schema so the SLA and report code
// parse instants the same way validation checked them.

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

function isRealCalendarDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= daysInMonth;
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
  return (
    isRealCalendarDate(Number(match[1]), Number(match[2]), Number(match[3])) &&
    hour < 24 &&
    minute < 60 &&
    second < 60
  );
}

/** Milliseconds since the epoch for a validated date-time, or a date taken as 00:00 UTC. */
export function toInstant(value: string | null | undefined): number | null {
  if (value === null || value === undefined) return null;
  const text = value.trim();
  if (isIsoDateTime(text)) return Date.parse(text);
  if (isIsoDate(text)) return Date.parse(`${text}T00:00:00Z`);
  return null;
}

/** ISO 8601 in UTC, without milliseconds when there are none: `2026-11-02T10:00:00Z`. */
export function toIso(instant: number): string {
  return new Date(instant).toISOString().replace('.000Z', 'Z');
}
