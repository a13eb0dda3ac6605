import fc from 'fast-check';
import {
  DEFAULT_POLICY,
  MS_PER_HOUR,
  type WorkingCalendar,
  addWindow,
  calendarOf,
  workingTimeBetween,
} from '../../src/core';
import { policyWith } from '../helpers/handoff-factory';

const at = (iso: string) => Date.parse(iso);
const iso = (instant: number) => new Date(instant).toISOString();

function businessDays(override: Record<string, unknown> = {}): WorkingCalendar {
  return calendarOf(policyWith({ timeBasis: 'business_days', ...override }));
}

// 2026-11-06 is a Friday; 2026-11-01 is the Sunday the US leaves daylight saving time.
const FRIDAY_10 = at('2026-11-06T10:00:00Z');

describe('calendarOf', () => {
  it('reads the time basis, working week, holidays and time zone from the policy', () => {
    const calendar = calendarOf(
      policyWith({
        timeBasis: 'business_days',
        workingDays: [7, 1, 2, 3, 4],
        holidays: ['2026-12-25'],
        timeZone: 'Asia/Dubai',
      }),
    );
    expect(calendar.timeBasis).toBe('business_days');
    expect([...calendar.workingDays].sort()).toEqual([1, 2, 3, 4, 7]);
    expect([...calendar.holidays]).toEqual(['2026-12-25']);
    expect(calendar.timeZone).toBe('Asia/Dubai');
  });

  it('counts calendar hours in UTC, Monday to Friday, by default', () => {
    const calendar = calendarOf(DEFAULT_POLICY);
    expect(calendar.timeBasis).toBe('calendar_hours');
    expect(calendar.timeZone).toBe('UTC');
    expect([...calendar.workingDays]).toEqual([1, 2, 3, 4, 5]);
  });
});

describe('addWindow with calendar hours', () => {
  const calendar = calendarOf(DEFAULT_POLICY);

  it('adds the hours straight through a weekend', () => {
    expect(iso(addWindow(FRIDAY_10, 48, calendar))).toBe('2026-11-08T10:00:00.000Z');
  });

  it('ignores holidays and the working week', () => {
    const withHoliday = calendarOf(policyWith({ holidays: ['2026-11-07', '2026-11-09'] }));
    expect(iso(addWindow(FRIDAY_10, 72, withHoliday))).toBe('2026-11-09T10:00:00.000Z');
  });

  it('keeps fractions of an hour', () => {
    expect(addWindow(FRIDAY_10, 1.5, calendar) - FRIDAY_10).toBe(1.5 * MS_PER_HOUR);
  });
});

describe('addWindow with business days', () => {
  it('ends a 48 h window opened on Friday 10:00 on Tuesday 10:00', () => {
    expect(iso(addWindow(FRIDAY_10, 48, businessDays()))).toBe('2026-11-10T10:00:00.000Z');
  });

  it('ends a 24 h window opened on Friday on Monday at the same time', () => {
    expect(iso(addWindow(FRIDAY_10, 24, businessDays()))).toBe('2026-11-09T10:00:00.000Z');
  });

  it('ends a 120 h window one working week later', () => {
    expect(iso(addWindow(FRIDAY_10, 120, businessDays()))).toBe('2026-11-13T10:00:00.000Z');
  });

  it('stays within the week when no weekend is crossed', () => {
    const mondayNine = at('2026-11-02T09:00:00Z');
    expect(iso(addWindow(mondayNine, 48, businessDays()))).toBe('2026-11-04T09:00:00.000Z');
  });

  it('pushes the end to Wednesday when the Monday is a holiday', () => {
    const calendar = businessDays({ holidays: ['2026-11-09'] });
    expect(iso(addWindow(FRIDAY_10, 48, calendar))).toBe('2026-11-11T10:00:00.000Z');
  });

  it('skips several holidays in a row', () => {
    const calendar = businessDays({ holidays: ['2026-11-09', '2026-11-10'] });
    expect(iso(addWindow(FRIDAY_10, 48, calendar))).toBe('2026-11-12T10:00:00.000Z');
  });

  it('counts a window opened on a Saturday from Monday 00:00', () => {
    const saturdayAfternoon = at('2026-11-07T15:30:00Z');
    expect(iso(addWindow(saturdayAfternoon, 24, businessDays()))).toBe('2026-11-10T00:00:00.000Z');
    expect(iso(addWindow(saturdayAfternoon, 48, businessDays()))).toBe('2026-11-11T00:00:00.000Z');
  });

  it('counts a window opened on a holiday from 00:00 of the next working day', () => {
    const holidayMonday = at('2026-11-09T11:00:00Z');
    const calendar = businessDays({ holidays: ['2026-11-09'] });
    expect(iso(addWindow(holidayMonday, 24, calendar))).toBe('2026-11-11T00:00:00.000Z');
  });

  it('follows a custom working week (Sunday to Thursday)', () => {
    const calendar = businessDays({ workingDays: [7, 1, 2, 3, 4] });
    const thursdayTen = at('2026-11-05T10:00:00Z');
    expect(iso(addWindow(thursdayTen, 24, calendar))).toBe('2026-11-08T10:00:00.000Z');
    expect(iso(addWindow(thursdayTen, 48, calendar))).toBe('2026-11-09T10:00:00.000Z');
    // Friday is the weekend there: counting starts on Sunday 00:00.
    expect(iso(addWindow(FRIDAY_10, 24, calendar))).toBe('2026-11-09T00:00:00.000Z');
  });

  it('keeps the local time of day in a non-UTC time zone', () => {
    const calendar = businessDays({ timeZone: 'Europe/Berlin' });
    const fridayTenBerlin = at('2026-11-06T10:00:00+01:00');
    expect(iso(addWindow(fridayTenBerlin, 48, calendar))).toBe('2026-11-10T09:00:00.000Z');
  });

  it('keeps the local time of day across the end of daylight saving time', () => {
    const calendar = businessDays({ timeZone: 'America/New_York' });
    // Friday 10:00 EDT (UTC-4) + two working days = Tuesday 10:00 EST (UTC-5).
    const fridayTenNewYork = at('2026-10-30T10:00:00-04:00');
    expect(iso(addWindow(fridayTenNewYork, 48, calendar))).toBe('2026-11-03T15:00:00.000Z');
  });

  it('starts a weekend window at local midnight of the Monday in that time zone', () => {
    const calendar = businessDays({ timeZone: 'America/New_York' });
    const saturdayNoonNewYork = at('2026-10-31T12:00:00-04:00');
    // Monday 2026-11-02 00:00 EST is 05:00 UTC; two working days later is Wednesday 00:00 EST.
    expect(iso(addWindow(saturdayNoonNewYork, 48, calendar))).toBe('2026-11-04T05:00:00.000Z');
  });

  it('reads the weekday and the holidays in local time, not in UTC', () => {
    const calendar = businessDays({ timeZone: 'America/New_York', holidays: ['2026-11-02'] });
    // Friday 22:00 in New York is already Saturday in UTC, but it is a working Friday locally.
    const fridayLateNewYork = at('2026-10-30T22:00:00-04:00');
    expect(iso(addWindow(fridayLateNewYork, 24, calendar))).toBe('2026-11-04T03:00:00.000Z');
  });

  it('picks the earlier instant when the local end time occurs twice', () => {
    // Sunday 2026-11-01 01:30 happens twice in New York; the window ends at the first (EDT).
    const calendar = businessDays({ timeZone: 'America/New_York', workingDays: [7, 1, 2, 3, 4] });
    const thursdayEarlyNewYork = at('2026-10-29T01:30:00-04:00');
    expect(iso(addWindow(thursdayEarlyNewYork, 24, calendar))).toBe('2026-11-01T05:30:00.000Z');
  });
});

describe('workingTimeBetween', () => {
  it('counts all of the time with calendar hours', () => {
    const calendar = calendarOf(DEFAULT_POLICY);
    expect(workingTimeBetween(FRIDAY_10, at('2026-11-09T10:00:00Z'), calendar)).toBe(
      72 * MS_PER_HOUR,
    );
  });

  it('is zero when the end is not after the start', () => {
    expect(workingTimeBetween(FRIDAY_10, FRIDAY_10, calendarOf(DEFAULT_POLICY))).toBe(0);
    expect(workingTimeBetween(FRIDAY_10, FRIDAY_10 - MS_PER_HOUR, calendarOf(DEFAULT_POLICY))).toBe(
      0,
    );
    expect(workingTimeBetween(FRIDAY_10, FRIDAY_10 - MS_PER_HOUR, businessDays())).toBe(0);
  });

  it('skips the weekend with business days', () => {
    expect(workingTimeBetween(FRIDAY_10, at('2026-11-09T10:00:00Z'), businessDays())).toBe(
      24 * MS_PER_HOUR,
    );
  });

  it('counts nothing between two instants of the same weekend', () => {
    expect(
      workingTimeBetween(at('2026-11-07T08:00:00Z'), at('2026-11-08T20:00:00Z'), businessDays()),
    ).toBe(0);
  });

  it('counts only the working part of a span that starts on a weekend', () => {
    expect(
      workingTimeBetween(at('2026-11-07T08:00:00Z'), at('2026-11-09T06:00:00Z'), businessDays()),
    ).toBe(6 * MS_PER_HOUR);
  });

  it('skips holidays', () => {
    const calendar = businessDays({ holidays: ['2026-11-09'] });
    expect(workingTimeBetween(FRIDAY_10, at('2026-11-10T10:00:00Z'), calendar)).toBe(
      24 * MS_PER_HOUR,
    );
  });

  it('skips the days outside a custom working week', () => {
    const calendar = businessDays({ workingDays: [7, 1, 2, 3, 4] });
    // Thursday 10:00 to Sunday 10:00: 14 h of Thursday and 10 h of Sunday.
    expect(
      workingTimeBetween(at('2026-11-05T10:00:00Z'), at('2026-11-08T10:00:00Z'), calendar),
    ).toBe(24 * MS_PER_HOUR);
  });

  it('measures a window from addWindow as exactly its length', () => {
    const calendar = businessDays();
    const end = addWindow(FRIDAY_10, 48, calendar);
    expect(workingTimeBetween(FRIDAY_10, end, calendar)).toBe(48 * MS_PER_HOUR);
  });

  it('counts working days by the local clock across the end of daylight saving time', () => {
    const calendar = businessDays({ timeZone: 'America/New_York' });
    const fridayTen = at('2026-10-30T10:00:00-04:00');
    const mondayTen = at('2026-11-02T10:00:00-05:00');
    expect(mondayTen - fridayTen).toBe(73 * MS_PER_HOUR);
    expect(workingTimeBetween(fridayTen, mondayTen, calendar)).toBe(24 * MS_PER_HOUR);
  });

  it('agrees with addWindow for any start and any whole number of days', () => {
    const calendars = [
      businessDays(),
      businessDays({ timeZone: 'America/New_York', holidays: ['2026-11-26'] }),
    ];
    fc.assert(
      fc.property(
        fc.integer({ min: at('2026-01-01T00:00:00Z'), max: at('2026-12-31T00:00:00Z') }),
        fc.integer({ min: 1, max: 15 }),
        fc.constantFrom(...calendars),
        (start, days, calendar) => {
          const end = addWindow(start, days * 24, calendar);
          expect(end).toBeGreaterThan(start);
          expect(workingTimeBetween(start, end, calendar)).toBe(days * 24 * MS_PER_HOUR);
        },
      ),
      { seed: 20261106, numRuns: 300 },
    );
  });
});
