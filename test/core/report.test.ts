import {
  DEFAULT_POLICY,
  type HandoffDocument,
  type HandoffDocumentInput,
  type HandoffReport,
  type ReportOptions,
  type ReportRow,
  type RosterEntry,
  buildReport,
} from '../../src/core';
import { EXAMPLE_NAMES, NOW, example, handoff } from '../helpers/handoff-factory';

const HOUR = 3_600_000;
const CLOSED = Date.parse('2026-11-02T10:00:00Z');
const EXAMPLES = EXAMPLE_NAMES.map(example);

const ROSTER: ReadonlyMap<string, RosterEntry> = new Map([
  ['ae-101', { name: 'Avery Stone', team: 'East' }],
  ['ae-102', { name: 'Blake Rivera', team: 'West' }],
  ['ae-104', { name: 'Drew Park', team: null }],
]);

type DealInput = HandoffDocumentInput['deal'];

/** A generated handoff: closed 2026-11-02 10:00 UTC by ae-1 unless the deal says otherwise. */
function doc(
  overrides: Omit<Partial<HandoffDocumentInput>, 'deal'> = {},
  deal: Partial<DealInput> = {},
): HandoffDocument {
  return handoff({ ...overrides, deal: { id: 'deal-1', ...deal } });
}

function afterClose(hours: number): string {
  return new Date(CLOSED + hours * HOUR).toISOString();
}

function report(
  docs: readonly HandoffDocument[],
  options: Partial<ReportOptions> = {},
): HandoffReport {
  return buildReport(docs, DEFAULT_POLICY, { by: 'type', now: NOW, ...options });
}

function row(result: HandoffReport, group: string): ReportRow {
  const found = result.rows.find((r) => r.group === group);
  if (found === undefined)
    throw new Error(`no row ${group} in ${result.rows.map((r) => r.group).join(', ')}`);
  return found;
}

function groups(result: HandoffReport): Record<string, number> {
  return Object.fromEntries(result.rows.map((r) => [r.group, r.handoffs]));
}

function periodOf(closedWonAt: string, period: 'week' | 'month' | 'quarter'): string {
  const result = report([doc({}, { closedWonAt })], { by: 'period', period });
  return result.rows[0]!.group;
}

/** ISO 8601 week, computed independently of the code under test: the week of its Thursday. */
function referenceIsoWeek(day: Date): string {
  const thursday = new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate()));
  thursday.setUTCDate(thursday.getUTCDate() + 4 - (thursday.getUTCDay() || 7));
  const yearStart = Date.UTC(thursday.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((thursday.getTime() - yearStart) / (24 * HOUR) + 1) / 7);
  return `${thursday.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

describe('buildReport over the examples', () => {
  const total = report(EXAMPLES).total;

  it('summarizes all four handoffs in the total row', () => {
    expect(total.group).toBe('All handoffs');
    expect(total.handoffs).toBe(4);
  });

  it('counts the meeting SLA as met for one of the three decided handoffs', () => {
    // complete: met; late: held after 71 h; thin: overdue at NOW; strategic: not closed, undecided.
    expect(total.slaDecided).toBe(3);
    expect(total.withinSlaPct).toBe(33.3);
  });

  it('averages completeness (100, 28, 96, 96) and quality (100, 16, 85, 63)', () => {
    expect(total.avgCompleteness).toBe(80);
    expect(total.avgQuality).toBe(66);
  });

  it('measures time to handoff, first CS contact and kickoff from the complete example', () => {
    expect(total.medianHoursToHandoff).toBe(31);
    expect(total.medianHoursToFirstCsContact).toBe(47.5);
    expect(total.medianHoursToKickoff).toBe(197);
  });

  it('counts one returned handoff out of two submitted', () => {
    expect(total.submitted).toBe(2);
    expect(total.rejectionRate).toBe(50);
  });

  it('lists the gaps named on return, with labels for item paths', () => {
    expect(total.topGaps).toEqual([
      {
        gap: 'commitments.ownersAndDueDates',
        label: 'Every commitment has an owner and a due date',
        count: 1,
      },
      {
        gap: 'Who is the technical lead on their side?',
        label: 'Who is the technical lead on their side?',
        count: 1,
      },
    ]);
  });

  it('counts commitments by status', () => {
    expect(total.commitments).toEqual({ total: 9, delivered: 0, atRisk: 1, open: 8 });
  });

  it('averages the ratings that were given', () => {
    expect(total.avgCsRating).toBe(5);
    expect(total.avgCustomerRating).toBe(5);
  });

  describe('per rep', () => {
    const byRep = report(EXAMPLES, { by: 'rep', roster: ROSTER });

    it('names reps from the roster and falls back to the owner id', () => {
      expect(groups(byRep)).toEqual({ 'Avery Stone': 1, 'Blake Rivera': 2, 'ae-103': 1 });
    });

    it('summarizes each rep over their own handoffs', () => {
      expect(row(byRep, 'Blake Rivera')).toEqual({
        group: 'Blake Rivera',
        handoffs: 2,
        slaDecided: 2,
        withinSlaPct: 0,
        avgCompleteness: 62,
        avgQuality: 39.5,
        medianHoursToHandoff: null,
        medianHoursToFirstCsContact: null,
        medianHoursToKickoff: null,
        submitted: 1,
        rejectionRate: 100,
        topGaps: total.topGaps,
        commitments: { total: 3, delivered: 0, atRisk: 1, open: 2 },
        avgCsRating: null,
        avgCustomerRating: null,
      });
    });

    it('leaves a rep with nothing decided or submitted at null rather than 0', () => {
      const strategicRep = row(byRep, 'ae-103');
      expect(strategicRep.withinSlaPct).toBeNull();
      expect(strategicRep.rejectionRate).toBeNull();
      expect(strategicRep.avgCsRating).toBeNull();
    });

    it('uses owner ids without a roster', () => {
      expect(groups(report(EXAMPLES, { by: 'rep' }))).toEqual({
        'ae-101': 1,
        'ae-102': 2,
        'ae-103': 1,
      });
    });

    it('groups handoffs without an owner as unassigned', () => {
      expect(groups(report([doc({}, { ownerId: null })], { by: 'rep', roster: ROSTER }))).toEqual({
        unassigned: 1,
      });
    });

    it('keeps the total row the same whatever the grouping', () => {
      expect(byRep.total).toEqual(total);
    });
  });

  describe('per team', () => {
    it('groups reps by their roster team', () => {
      expect(groups(report(EXAMPLES, { by: 'team', roster: ROSTER }))).toEqual({
        East: 1,
        West: 2,
        'no team': 1,
      });
    });

    it('puts reps without a team, unknown reps and unassigned handoffs under "no team"', () => {
      const docs = [
        doc({}, { ownerId: 'ae-104' }),
        doc({}, { ownerId: 'ae-999' }),
        doc({}, { ownerId: null }),
      ];
      expect(groups(report(docs, { by: 'team', roster: ROSTER }))).toEqual({ 'no team': 3 });
    });
  });

  describe('per segment', () => {
    it('groups by company size', () => {
      expect(groups(report(EXAMPLES, { by: 'segment' }))).toEqual({
        Enterprise: 1,
        'Mid-market': 2,
        unspecified: 1,
      });
    });

    it('trims sizes and treats placeholders as unspecified', () => {
      const docs = [
        doc({ customerContext: { size: ' SMB ' } }),
        doc({ customerContext: { size: 'SMB' } }),
        doc({ customerContext: { size: 'TBD' } }),
      ];
      expect(groups(report(docs, { by: 'segment' }))).toEqual({ SMB: 2, unspecified: 1 });
    });

    it('averages quality per segment', () => {
      expect(row(report(EXAMPLES, { by: 'segment' }), 'Mid-market').avgQuality).toBe(81.5);
    });
  });

  describe('per type', () => {
    it('groups by handoff type', () => {
      expect(groups(report(EXAMPLES, { by: 'type' }))).toEqual({ pre_close: 1, sales_to_cs: 3 });
    });

    it('scores each handoff against the template of its type', () => {
      // The strategic example lacks only the signed contract, which only pre_close requires.
      expect(row(report(EXAMPLES, { by: 'type' }), 'pre_close').avgCompleteness).toBe(96);
    });
  });

  describe('per period', () => {
    it('groups by month of close by default, and says so', () => {
      const byPeriod = report(EXAMPLES, { by: 'period' });
      expect(byPeriod.period).toBe('month');
      expect(groups(byPeriod)).toEqual({ '2026-11': 3, 'no close date': 1 });
    });

    it('groups by quarter', () => {
      expect(groups(report(EXAMPLES, { by: 'period', period: 'quarter' }))).toEqual({
        '2026-Q4': 3,
        'no close date': 1,
      });
    });

    it('groups by ISO week', () => {
      expect(groups(report(EXAMPLES, { by: 'period', period: 'week' }))).toEqual({
        '2026-W45': 2,
        '2026-W47': 1,
        'no close date': 1,
      });
    });

    it('states no period when grouping by something else', () => {
      expect(report(EXAMPLES, { by: 'rep' })).not.toHaveProperty('period');
    });
  });

  it('orders rows by group name', () => {
    const names = report(EXAMPLES, { by: 'rep', roster: ROSTER }).rows.map((r) => r.group);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
  });
});

describe('buildReport periods', () => {
  it.each([
    ['2026-03-31T23:59:00Z', '2026-03', '2026-Q1'],
    ['2026-04-01T00:00:00Z', '2026-04', '2026-Q2'],
    ['2026-06-30T12:00:00Z', '2026-06', '2026-Q2'],
    ['2026-07-01T00:00:00Z', '2026-07', '2026-Q3'],
    ['2026-12-31T23:59:59Z', '2026-12', '2026-Q4'],
    ['2027-01-01T00:00:00Z', '2027-01', '2027-Q1'],
  ])('puts a close at %s in month %s and quarter %s', (closedWonAt, month, quarter) => {
    expect(periodOf(closedWonAt, 'month')).toBe(month);
    expect(periodOf(closedWonAt, 'quarter')).toBe(quarter);
  });

  it('reads the period in UTC, whatever the offset the close was written with', () => {
    expect(periodOf('2026-11-01T01:00:00+02:00', 'month')).toBe('2026-10');
  });

  it.each([
    // 2026 starts on a Thursday, so it has 53 ISO weeks; its last week runs to Sunday 2027-01-03.
    ['2026-12-31T12:00:00Z', '2026-W53'],
    ['2027-01-01T12:00:00Z', '2026-W53'],
    ['2027-01-03T23:59:59Z', '2026-W53'],
    ['2027-01-04T00:00:00Z', '2027-W01'],
    ['2026-12-28T00:00:00Z', '2026-W53'],
    ['2026-12-27T23:59:59Z', '2026-W52'],
    // The week of Thursday 2026-01-01 is week 1 of 2026 and starts in 2025.
    ['2025-12-29T08:00:00Z', '2026-W01'],
    ['2026-01-01T08:00:00Z', '2026-W01'],
    // Monday 2024-12-30 belongs to week 1 of 2025; Sunday 2021-01-03 to week 53 of 2020.
    ['2024-12-30T08:00:00Z', '2025-W01'],
    ['2021-01-03T08:00:00Z', '2020-W53'],
    ['2023-01-01T08:00:00Z', '2022-W52'],
    ['2026-11-02T10:00:00Z', '2026-W45'],
  ])('puts a close at %s in ISO week %s', (closedWonAt, week) => {
    expect(periodOf(closedWonAt, 'week')).toBe(week);
  });

  it('agrees with ISO 8601 on every day around the new year from 2015 to 2035', () => {
    const mismatches: string[] = [];
    for (let year = 2015; year <= 2035; year++) {
      for (let offset = -10; offset <= 10; offset++) {
        const day = new Date(Date.UTC(year, 0, 1 + offset, 12));
        const got = periodOf(day.toISOString(), 'week');
        const expected = referenceIsoWeek(day);
        if (got !== expected)
          mismatches.push(`${day.toISOString().slice(0, 10)}: ${got}, expected ${expected}`);
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('falls back to the submission date when the deal is not closed', () => {
    const preClose = doc(
      { handoffType: 'pre_close', timeline: { submittedAt: '2026-12-02T09:00:00Z' } },
      { closedWonAt: null },
    );
    expect(groups(report([preClose], { by: 'period', period: 'month' }))).toEqual({ '2026-12': 1 });
  });

  it('groups handoffs with neither a close nor a submission under "no close date"', () => {
    expect(
      groups(report([doc({}, { closedWonAt: null })], { by: 'period', period: 'week' })),
    ).toEqual({
      'no close date': 1,
    });
  });
});

describe('buildReport measures', () => {
  describe('within SLA', () => {
    const nowMinus = (hours: number) => new Date(NOW - hours * HOUR).toISOString();
    const docs = [
      doc({ meeting: { heldAt: afterClose(40) } }),
      doc({ meeting: { heldAt: afterClose(48) } }),
      doc({ meeting: { heldAt: afterClose(50) } }),
      doc(), // no meeting, long overdue at NOW
      doc({}, { closedWonAt: nowMinus(10) }), // pending
      doc({}, { closedWonAt: nowMinus(40) }), // at risk
      doc({ meeting: { heldAt: afterClose(5) } }, { closedWonAt: null }), // no clock without a close
    ];
    const total = report(docs).total;

    it('decides only met and breached meeting clocks', () => {
      expect(total.slaDecided).toBe(4);
    });

    it('counts a meeting held at exactly 48 h as within SLA', () => {
      expect(total.withinSlaPct).toBe(50);
    });

    it('rounds the percentage to one decimal', () => {
      expect(report(docs.slice(1, 4)).total.withinSlaPct).toBe(33.3);
    });

    it('is null when no meeting clock is decided', () => {
      expect(report(docs.slice(4)).total.withinSlaPct).toBeNull();
    });
  });

  describe('averages of quality and completeness', () => {
    it('averages the scores, to one decimal', () => {
      const thin = example('thin');
      const late = example('late');
      const complete = example('complete');
      expect(report([thin, late]).total).toMatchObject({ avgCompleteness: 62, avgQuality: 39.5 });
      // (28 + 96 + 100) / 3 = 74.67; (16 + 63 + 100) / 3 = 59.67
      expect(report([thin, late, complete]).total).toMatchObject({
        avgCompleteness: 74.7,
        avgQuality: 59.7,
      });
    });

    it('is null over no handoffs', () => {
      const empty = report([]);
      expect(empty.rows).toEqual([]);
      expect(empty.total).toMatchObject({
        handoffs: 0,
        avgCompleteness: null,
        avgQuality: null,
        withinSlaPct: null,
        rejectionRate: null,
        medianHoursToHandoff: null,
      });
    });
  });

  describe('median hours', () => {
    it('takes the middle time from close to acceptance', () => {
      const docs = [
        doc({ timeline: { acceptedAt: afterClose(60) } }),
        doc({ timeline: { acceptedAt: afterClose(10) } }),
        doc({ timeline: { acceptedAt: afterClose(20) } }),
        doc(),
      ];
      expect(report(docs).total.medianHoursToHandoff).toBe(20);
    });

    it('averages the two middle times of an even count', () => {
      const docs = [
        doc({ timeline: { acceptedAt: afterClose(10) } }),
        doc({ timeline: { acceptedAt: afterClose(25) } }),
      ];
      expect(report(docs).total.medianHoursToHandoff).toBe(17.5);
    });

    it('rounds to one decimal', () => {
      expect(
        report([doc({ timeline: { acceptedAt: afterClose(10 + 1 / 3) } })]).total
          .medianHoursToHandoff,
      ).toBe(10.3);
    });

    it('measures first CS contact and kickoff from the close', () => {
      const docs = [
        doc({ timeline: { firstCsContactAt: afterClose(30), kickoffHeldAt: afterClose(200) } }),
        doc({ timeline: { firstCsContactAt: afterClose(50), kickoffHeldAt: afterClose(250) } }),
        doc({ timeline: { kickoffHeldAt: afterClose(230) } }),
      ];
      expect(report(docs).total).toMatchObject({
        medianHoursToFirstCsContact: 40,
        medianHoursToKickoff: 230,
      });
    });

    it('leaves out handoffs without a close', () => {
      const docs = [
        doc({ timeline: { acceptedAt: afterClose(30) } }),
        doc(
          { handoffType: 'pre_close', timeline: { acceptedAt: afterClose(1) } },
          { closedWonAt: null },
        ),
      ];
      expect(report(docs).total.medianHoursToHandoff).toBe(30);
    });
  });

  describe('rejection rate', () => {
    const submittedAt = afterClose(20);
    const docs = [
      doc({ timeline: { submittedAt }, review: { rejections: 0 } }),
      doc({ timeline: { submittedAt }, review: { rejections: 1, status: 'pending' } }),
      doc({ timeline: { submittedAt }, review: { rejections: 2, status: 'rejected' } }),
      doc({ timeline: { submittedAt } }),
      doc(),
    ];

    it('is the share of submitted handoffs that were returned at least once', () => {
      const total = report(docs).total;
      expect(total.submitted).toBe(4);
      expect(total.rejectionRate).toBe(50);
    });

    it('rounds to one decimal', () => {
      expect(report(docs.slice(0, 2).concat(docs.slice(3))).total.rejectionRate).toBe(33.3);
    });

    it('is null when nothing was submitted', () => {
      expect(report([doc()]).total.rejectionRate).toBeNull();
    });
  });

  describe('top gaps', () => {
    const docs = [
      doc({ review: { gaps: ['objectives.roiExpectation', 'stakeholders.champion'] } }),
      doc({ review: { gaps: [' objectives.roiExpectation ', 'Who signs the SOW?'] } }),
      doc({
        review: {
          gaps: [
            'objectives.roiExpectation',
            'stakeholders.champion',
            'commitments.ownersAndDueDates',
          ],
        },
      }),
    ];

    it('ranks gaps by how often they were named, then by name', () => {
      expect(report(docs).total.topGaps).toEqual([
        { gap: 'objectives.roiExpectation', label: 'ROI expectation', count: 3 },
        { gap: 'stakeholders.champion', label: 'Champion: name and title', count: 2 },
        {
          gap: 'commitments.ownersAndDueDates',
          label: 'Every commitment has an owner and a due date',
          count: 1,
        },
        { gap: 'Who signs the SOW?', label: 'Who signs the SOW?', count: 1 },
      ]);
    });

    it('keeps as many as asked', () => {
      expect(report(docs, { topGaps: 2 }).total.topGaps.map((g) => g.gap)).toEqual([
        'objectives.roiExpectation',
        'stakeholders.champion',
      ]);
    });

    it('keeps five by default', () => {
      const many = doc({ review: { gaps: ['a', 'b', 'c', 'd', 'e', 'f', 'g'] } });
      expect(report([many]).total.topGaps.map((g) => g.gap)).toEqual(['a', 'b', 'c', 'd', 'e']);
    });
  });

  describe('commitments', () => {
    it('counts delivered, at risk and still open; renegotiated ones only in the total', () => {
      const docs = [
        doc({
          commitments: [
            { description: 'SSO', status: 'delivered' },
            { description: 'Weekly check-ins', status: 'at_risk' },
            { description: 'Report', status: 'open' },
          ],
        }),
        doc({
          commitments: [
            { description: 'TMS integration', status: 'in_progress' },
            { description: 'Price lock' },
            { description: 'Data migration', status: 'renegotiated' },
            { description: 'Training', status: 'delivered' },
          ],
        }),
        doc(),
      ];
      expect(report(docs).total.commitments).toEqual({
        total: 7,
        delivered: 2,
        atRisk: 1,
        open: 3,
      });
    });
  });

  describe('ratings', () => {
    it('averages the CS rating and the customer rating over the handoffs that have them', () => {
      const docs = [
        doc({ review: { csRating: 4, customerRating: 3 } }),
        doc({ review: { csRating: 5 } }),
        doc({ review: { csRating: 4 } }),
        doc(),
      ];
      expect(report(docs).total).toMatchObject({ avgCsRating: 4.3, avgCustomerRating: 3 });
    });

    it('is null when nobody rated', () => {
      expect(report([doc()]).total).toMatchObject({ avgCsRating: null, avgCustomerRating: null });
    });
  });

  describe('the total row', () => {
    const docs = [
      ...EXAMPLES,
      doc(
        { timeline: { acceptedAt: afterClose(12) }, review: { csRating: 3 } },
        { ownerId: 'ae-101' },
      ),
      doc({ timeline: { acceptedAt: afterClose(90) } }, { ownerId: null }),
    ];
    const byRep = report(docs, { by: 'rep', roster: ROSTER });

    it('counts every handoff once', () => {
      expect(byRep.total.handoffs).toBe(byRep.rows.reduce((sum, r) => sum + r.handoffs, 0));
      expect(byRep.total.handoffs).toBe(6);
    });

    it('adds up the counts of the rows', () => {
      const sum = (pick: (r: ReportRow) => number) =>
        byRep.rows.reduce((total, r) => total + pick(r), 0);
      expect(byRep.total.submitted).toBe(sum((r) => r.submitted));
      expect(byRep.total.slaDecided).toBe(sum((r) => r.slaDecided));
      expect(byRep.total.commitments.total).toBe(sum((r) => r.commitments.total));
    });

    it('takes medians over all handoffs, not over the rows', () => {
      // 12, 31 and 90 hours across three reps.
      expect(byRep.total.medianHoursToHandoff).toBe(31);
      expect(row(byRep, 'Avery Stone').medianHoursToHandoff).toBe(21.5);
      expect(row(byRep, 'unassigned').medianHoursToHandoff).toBe(90);
    });

    it('averages ratings over all handoffs', () => {
      expect(byRep.total.avgCsRating).toBe(4);
      expect(row(byRep, 'Avery Stone').avgCsRating).toBe(4);
    });
  });
});
