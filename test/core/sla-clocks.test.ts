import {
  DEFAULT_POLICY,
  type HandoffDocument,
  MS_PER_HOUR,
  type Policy,
  type SlaClock,
  calendarOf,
  computeClocks,
  slaStateOf,
} from '../../src/core';
import { NOW, example, handoff, policyWith } from '../helpers/handoff-factory';

// The factory's handoffs close on Monday 2026-11-02 10:00 UTC.
const CLOSED = Date.parse('2026-11-02T10:00:00Z');
const hoursAfterClose = (hours: number) => CLOSED + hours * MS_PER_HOUR;

// Instants are compared as instants, whatever ISO spelling (with or without milliseconds) the core writes.
const canonical = (stamp: string | null) => (stamp === null ? null : new Date(stamp).toISOString());

function canonicalClock(clock: SlaClock): SlaClock {
  return {
    ...clock,
    startedAt: canonical(clock.startedAt),
    dueAt: canonical(clock.dueAt),
    doneAt: canonical(clock.doneAt),
  };
}

function clocksOf(doc: HandoffDocument, now: number, policy: Policy = DEFAULT_POLICY): SlaClock[] {
  return computeClocks(doc, policy.templates[doc.handoffType], calendarOf(policy), now).map(
    canonicalClock,
  );
}

function clockOf(
  doc: HandoffDocument,
  name: SlaClock['name'],
  now: number,
  policy: Policy = DEFAULT_POLICY,
): SlaClock {
  const clock = clocksOf(doc, now, policy).find((candidate) => candidate.name === name);
  if (clock === undefined) throw new Error(`no ${name} clock`);
  return clock;
}

function statuses(clocks: readonly SlaClock[]): Record<string, SlaClock['status']> {
  return Object.fromEntries(clocks.map((clock) => [clock.name, clock.status]));
}

describe('computeClocks with the default sales_to_cs windows', () => {
  it('runs the six clocks of the protocol from the close, each with its window and responsible side', () => {
    const clocks = clocksOf(handoff(), hoursAfterClose(1));
    expect(
      clocks.map(({ name, windowHours, responsible, startedAt, dueAt }) => ({
        name,
        windowHours,
        responsible,
        startedAt,
        dueAt,
      })),
    ).toEqual([
      {
        name: 'handoff_meeting',
        windowHours: 48,
        responsible: 'sender',
        startedAt: '2026-11-02T10:00:00.000Z',
        dueAt: '2026-11-04T10:00:00.000Z',
      },
      {
        name: 'intro_email',
        windowHours: 48,
        responsible: 'sender',
        startedAt: '2026-11-02T10:00:00.000Z',
        dueAt: '2026-11-04T10:00:00.000Z',
      },
      {
        name: 'first_cs_contact',
        windowHours: 48,
        responsible: 'receiver',
        startedAt: '2026-11-02T10:00:00.000Z',
        dueAt: '2026-11-04T10:00:00.000Z',
      },
      {
        name: 'cs_prep',
        windowHours: 72,
        responsible: 'receiver',
        startedAt: '2026-11-02T10:00:00.000Z',
        dueAt: '2026-11-05T10:00:00.000Z',
      },
      {
        name: 'kickoff_scheduled',
        windowHours: 120,
        responsible: 'receiver',
        startedAt: '2026-11-02T10:00:00.000Z',
        dueAt: '2026-11-07T10:00:00.000Z',
      },
      {
        name: 'kickoff_held',
        windowHours: 240,
        responsible: 'receiver',
        startedAt: '2026-11-02T10:00:00.000Z',
        dueAt: '2026-11-12T10:00:00.000Z',
      },
    ]);
  });

  it('leaves every clock pending, with no done time, early in its window', () => {
    const clocks = clocksOf(handoff(), hoursAfterClose(1));
    expect(clocks.every((clock) => clock.status === 'pending' && clock.doneAt === null)).toBe(true);
    expect(clocks.find((clock) => clock.name === 'handoff_meeting')?.elapsed).toBeCloseTo(1 / 48);
  });

  it.each([
    [
      'handoff_meeting',
      { meeting: { heldAt: '2026-11-03T15:00:00Z' } },
      '2026-11-03T15:00:00.000Z',
    ],
    [
      'intro_email',
      { timeline: { introSentAt: '2026-11-03T18:00:00Z' } },
      '2026-11-03T18:00:00.000Z',
    ],
    [
      'first_cs_contact',
      { timeline: { firstCsContactAt: '2026-11-04T09:30:00Z' } },
      '2026-11-04T09:30:00.000Z',
    ],
    ['cs_prep', { timeline: { csPrepDoneAt: '2026-11-04T16:00:00Z' } }, '2026-11-04T16:00:00.000Z'],
    [
      'kickoff_scheduled',
      { timeline: { kickoffScheduledAt: '2026-11-05T11:00:00Z' } },
      '2026-11-05T11:00:00.000Z',
    ],
    [
      'kickoff_held',
      { timeline: { kickoffHeldAt: '2026-11-10T15:00:00Z' } },
      '2026-11-10T15:00:00.000Z',
    ],
  ] as const)('stops %s when its stamp is set in time', (name, overrides, doneAt) => {
    const clock = clockOf(handoff(overrides), name, hoursAfterClose(300));
    expect(clock.status).toBe('met');
    expect(clock.doneAt).toBe(doneAt);
    expect(clock.elapsed).toBe(1);
  });

  it('counts a clock done at exactly the due instant as met', () => {
    const doc = handoff({ meeting: { heldAt: '2026-11-04T10:00:00Z' } });
    expect(clockOf(doc, 'handoff_meeting', hoursAfterClose(100)).status).toBe('met');
  });

  it('breaches a clock done one millisecond late', () => {
    const doc = handoff({ meeting: { heldAt: '2026-11-04T10:00:00.001Z' } });
    const clock = clockOf(doc, 'handoff_meeting', hoursAfterClose(100));
    expect(clock.status).toBe('breached');
    expect(clock.doneAt).toBe('2026-11-04T10:00:00.001Z');
  });

  it('breaches a clock done late', () => {
    const doc = handoff({ timeline: { kickoffScheduledAt: '2026-11-08T09:00:00Z' } });
    expect(clockOf(doc, 'kickoff_scheduled', hoursAfterClose(300)).status).toBe('breached');
  });

  it('breaches a clock that is not done once its due time has passed', () => {
    const clock = clockOf(handoff(), 'handoff_meeting', hoursAfterClose(48) + 1);
    expect(clock.status).toBe('breached');
    expect(clock.doneAt).toBeNull();
    expect(clock.elapsed).toBe(1);
  });

  it('reads the document as of now: a stamp later than now has not happened yet', () => {
    const doc = handoff({ meeting: { heldAt: '2026-11-03T15:00:00Z' } });
    const clock = clockOf(doc, 'handoff_meeting', hoursAfterClose(24));
    expect(clock.status).toBe('pending');
    expect(clock.doneAt).toBeNull();
  });

  it('does not breach a clock at its due instant yet', () => {
    const clock = clockOf(handoff(), 'handoff_meeting', hoursAfterClose(48));
    expect(clock.status).toBe('at_risk');
    expect(clock.elapsed).toBe(1);
  });

  it('puts a clock at risk when exactly 75 % of its window is gone', () => {
    const clock = clockOf(handoff(), 'handoff_meeting', hoursAfterClose(36));
    expect(clock.status).toBe('at_risk');
    expect(clock.elapsed).toBe(0.75);
  });

  it('keeps a clock pending just before 75 % of its window is gone', () => {
    expect(clockOf(handoff(), 'handoff_meeting', hoursAfterClose(36) - 1).status).toBe('pending');
  });

  it('uses each clock’s own window for the 75 % mark', () => {
    // 54 h is 75 % of cs_prep's 72 h but only 45 % of kickoff_scheduled's 120 h.
    const byName = statuses(clocksOf(handoff(), hoursAfterClose(54)));
    expect(byName).toEqual({
      handoff_meeting: 'breached',
      intro_email: 'breached',
      first_cs_contact: 'breached',
      cs_prep: 'at_risk',
      kickoff_scheduled: 'pending',
      kickoff_held: 'pending',
    });
  });

  it('takes the at-risk ratio as a parameter', () => {
    const doc = handoff();
    const template = DEFAULT_POLICY.templates.sales_to_cs;
    const calendar = calendarOf(DEFAULT_POLICY);
    const halfway = hoursAfterClose(24);
    expect(computeClocks(doc, template, calendar, halfway, 0.5)[0]?.status).toBe('at_risk');
    expect(computeClocks(doc, template, calendar, halfway, 0.9)[0]?.status).toBe('pending');
  });

  it('uses the windows a template sets instead of the defaults', () => {
    const policy = policyWith({
      templates: { sales_to_cs: { sla: { handoff_meeting: { hours: 24 } } } },
    });
    const clock = clockOf(handoff(), 'handoff_meeting', hoursAfterClose(30), policy);
    expect(clock.windowHours).toBe(24);
    expect(clock.dueAt).toBe('2026-11-03T10:00:00.000Z');
    expect(clock.status).toBe('breached');
  });

  it('runs only the clocks the template lists', () => {
    const template = {
      ...DEFAULT_POLICY.templates.sales_to_cs,
      sla: { handoff_meeting: { hours: 48 }, kickoff_held: { hours: 240 } },
    };
    const clocks = computeClocks(
      handoff(),
      template,
      calendarOf(DEFAULT_POLICY),
      hoursAfterClose(1),
    );
    expect(clocks.map((clock) => clock.name)).toEqual(['handoff_meeting', 'kickoff_held']);
  });
});

describe('computeClocks for revision_fix', () => {
  const RETURNED = '2026-11-03T12:00:00Z';
  const returnedAt = Date.parse(RETURNED);
  // As the lifecycle leaves it: a resubmission after the return puts the review back to pending.
  const returned = (submittedAt: string | null) =>
    handoff({
      timeline: { submittedAt },
      review: {
        status:
          submittedAt !== null && Date.parse(submittedAt) > returnedAt
            ? 'pending'
            : 'needs_revision',
        rejections: 1,
        returnedAt: RETURNED,
      },
    });

  it('does not exist before a return', () => {
    const doc = handoff({ timeline: { submittedAt: '2026-11-03T09:00:00Z' } });
    expect(clocksOf(doc, hoursAfterClose(200)).map((clock) => clock.name)).not.toContain(
      'revision_fix',
    );
  });

  it('starts at the return, is owed by the sender and is due 24 h later', () => {
    const clock = clockOf(
      returned('2026-11-03T09:00:00Z'),
      'revision_fix',
      returnedAt + MS_PER_HOUR,
    );
    expect(clock).toMatchObject({
      status: 'pending',
      startedAt: '2026-11-03T12:00:00.000Z',
      dueAt: '2026-11-04T12:00:00.000Z',
      doneAt: null,
      windowHours: 24,
      responsible: 'sender',
    });
  });

  it('does not count the submission that was returned as the fix', () => {
    const clock = clockOf(
      returned('2026-11-03T09:00:00Z'),
      'revision_fix',
      returnedAt + 25 * MS_PER_HOUR,
    );
    expect(clock.status).toBe('breached');
    expect(clock.doneAt).toBeNull();
  });

  it('is met by a resubmission within 24 h', () => {
    const clock = clockOf(
      returned('2026-11-04T08:00:00Z'),
      'revision_fix',
      returnedAt + 100 * MS_PER_HOUR,
    );
    expect(clock.status).toBe('met');
    expect(clock.doneAt).toBe('2026-11-04T08:00:00.000Z');
  });

  it('is met by a resubmission at exactly 24 h', () => {
    expect(
      clockOf(returned('2026-11-04T12:00:00Z'), 'revision_fix', returnedAt + 100 * MS_PER_HOUR)
        .status,
    ).toBe('met');
  });

  it('is breached by a resubmission after 24 h', () => {
    expect(
      clockOf(returned('2026-11-04T12:30:00Z'), 'revision_fix', returnedAt + 100 * MS_PER_HOUR)
        .status,
    ).toBe('breached');
  });

  it('is at risk 18 h after the return with no resubmission', () => {
    expect(clockOf(returned(null), 'revision_fix', returnedAt + 18 * MS_PER_HOUR).status).toBe(
      'at_risk',
    );
  });
});

describe('computeClocks before the close (pre_close)', () => {
  const preClose = (overrides: Parameters<typeof handoff>[0] = {}) =>
    handoff({ handoffType: 'pre_close', ...overrides, deal: { id: 'deal-9', closedWonAt: null } });

  it('leaves every clock pending with no start and no due time', () => {
    const clocks = clocksOf(preClose(), NOW);
    expect(clocks).toHaveLength(6);
    for (const clock of clocks) {
      expect(clock).toMatchObject({
        status: 'pending',
        startedAt: null,
        dueAt: null,
        doneAt: null,
        elapsed: 0,
      });
    }
  });

  it('counts a clock that is already done as met', () => {
    const clock = clockOf(
      preClose({ meeting: { heldAt: '2026-11-20T13:00:00Z' } }),
      'handoff_meeting',
      NOW,
    );
    expect(clock).toMatchObject({
      status: 'met',
      dueAt: null,
      doneAt: '2026-11-20T13:00:00.000Z',
      elapsed: 1,
    });
  });
});

describe('computeClocks with business days', () => {
  const policy = policyWith({ timeBasis: 'business_days' });
  // Closed on Friday 10:00: the 48 h meeting window ends on Tuesday 10:00.
  const fridayClose = handoff({ deal: { id: 'deal-2', closedWonAt: '2026-11-06T10:00:00Z' } });

  it('sets due times in working days', () => {
    const clocks = clocksOf(fridayClose, Date.parse('2026-11-06T11:00:00Z'), policy);
    expect(Object.fromEntries(clocks.map((clock) => [clock.name, clock.dueAt]))).toEqual({
      handoff_meeting: '2026-11-10T10:00:00.000Z',
      intro_email: '2026-11-10T10:00:00.000Z',
      first_cs_contact: '2026-11-10T10:00:00.000Z',
      cs_prep: '2026-11-11T10:00:00.000Z',
      kickoff_scheduled: '2026-11-13T10:00:00.000Z',
      kickoff_held: '2026-11-20T10:00:00.000Z',
    });
  });

  it('does not count the weekend towards the at-risk mark', () => {
    // Sunday 23:00 is 61 calendar hours after the close but only 14 working hours.
    const clock = clockOf(
      fridayClose,
      'handoff_meeting',
      Date.parse('2026-11-08T23:00:00Z'),
      policy,
    );
    expect(clock.status).toBe('pending');
    expect(clock.elapsed).toBeCloseTo(14 / 48);
  });

  it('puts a clock at risk once 75 % of the working time is gone', () => {
    // Monday 22:00: 14 h of Friday and 22 h of Monday = 36 of 48 working hours.
    const clock = clockOf(
      fridayClose,
      'handoff_meeting',
      Date.parse('2026-11-09T22:00:00Z'),
      policy,
    );
    expect(clock.status).toBe('at_risk');
    expect(clock.elapsed).toBe(0.75);
  });

  it('meets a clock done after 48 calendar hours but within two working days', () => {
    const doc = handoff({
      deal: { id: 'deal-2', closedWonAt: '2026-11-06T10:00:00Z' },
      meeting: { heldAt: '2026-11-09T12:00:00Z' },
    });
    expect(clockOf(doc, 'handoff_meeting', NOW, policy).status).toBe('met');
  });

  it('breaches a clock still open after the working-day due time', () => {
    expect(
      clockOf(fridayClose, 'handoff_meeting', Date.parse('2026-11-10T10:00:01Z'), policy).status,
    ).toBe('breached');
  });
});

describe('computeClocks for rep_to_rep', () => {
  it('runs the acceptance and intro clocks from the submission', () => {
    const doc = handoff({
      handoffType: 'rep_to_rep',
      timeline: { submittedAt: '2026-11-05T09:00:00Z' },
    });
    const clocks = clocksOf(doc, Date.parse('2026-11-05T10:00:00Z'));
    expect(
      clocks.map(({ name, startedAt, dueAt, responsible }) => ({
        name,
        startedAt,
        dueAt,
        responsible,
      })),
    ).toEqual([
      {
        name: 'acceptance',
        startedAt: '2026-11-05T09:00:00.000Z',
        dueAt: '2026-11-06T09:00:00.000Z',
        responsible: 'receiver',
      },
      {
        name: 'intro_email',
        startedAt: '2026-11-05T09:00:00.000Z',
        dueAt: '2026-11-07T09:00:00.000Z',
        responsible: 'sender',
      },
    ]);
  });

  it('meets the acceptance clock when the receiving rep accepts in time', () => {
    const doc = handoff({
      handoffType: 'rep_to_rep',
      timeline: { submittedAt: '2026-11-05T09:00:00Z', acceptedAt: '2026-11-05T17:00:00Z' },
    });
    expect(clockOf(doc, 'acceptance', NOW).status).toBe('met');
  });
});

describe('slaStateOf', () => {
  const clocksWith = (...list: SlaClock['status'][]) =>
    list.map((status, index): SlaClock => ({
      name: 'handoff_meeting',
      label: `clock ${index}`,
      status,
      startedAt: null,
      dueAt: null,
      doneAt: null,
      windowHours: 48,
      responsible: 'sender',
      elapsed: 0,
    }));

  it('is on track with no clocks', () => {
    expect(slaStateOf([])).toBe('on_track');
  });

  it('is on track when every clock is met or pending', () => {
    expect(slaStateOf(clocksWith('met', 'pending', 'met'))).toBe('on_track');
  });

  it('is at risk when the worst clock is at risk', () => {
    expect(slaStateOf(clocksWith('met', 'at_risk', 'pending'))).toBe('at_risk');
  });

  it('is breached when any clock is breached, whatever the others', () => {
    expect(slaStateOf(clocksWith('at_risk', 'met', 'breached', 'pending'))).toBe('breached');
  });
});

describe('the examples at NOW', () => {
  it('has every clock of the complete example met', () => {
    const clocks = clocksOf(example('complete'), NOW);
    expect(statuses(clocks)).toEqual({
      handoff_meeting: 'met',
      intro_email: 'met',
      first_cs_contact: 'met',
      cs_prep: 'met',
      kickoff_scheduled: 'met',
      kickoff_held: 'met',
    });
    expect(slaStateOf(clocks)).toBe('on_track');
  });

  it('has the thin example overdue on the 48 h clocks and at risk on CS prep', () => {
    const clocks = clocksOf(example('thin'), NOW);
    expect(statuses(clocks)).toEqual({
      handoff_meeting: 'breached',
      intro_email: 'breached',
      first_cs_contact: 'breached',
      cs_prep: 'at_risk',
      kickoff_scheduled: 'pending',
      kickoff_held: 'pending',
    });
    expect(clocks.find((clock) => clock.name === 'cs_prep')?.elapsed).toBe(67.5 / 72);
    expect(slaStateOf(clocks)).toBe('breached');
  });

  it('has the strategic pre-close example waiting for the close, with its meeting met', () => {
    const clocks = clocksOf(example('strategic'), NOW);
    expect(statuses(clocks)).toEqual({
      handoff_meeting: 'met',
      intro_email: 'pending',
      first_cs_contact: 'pending',
      cs_prep: 'pending',
      kickoff_scheduled: 'pending',
      kickoff_held: 'pending',
    });
    expect(clocks.every((clock) => clock.dueAt === null)).toBe(true);
    expect(slaStateOf(clocks)).toBe('on_track');
  });

  it('has every clock of the late example breached, the late fix included', () => {
    const clocks = clocksOf(example('late'), NOW);
    expect(statuses(clocks)).toEqual({
      handoff_meeting: 'breached',
      intro_email: 'breached',
      first_cs_contact: 'breached',
      cs_prep: 'breached',
      kickoff_scheduled: 'breached',
      kickoff_held: 'breached',
      revision_fix: 'breached',
    });
    expect(clocks.find((clock) => clock.name === 'revision_fix')).toMatchObject({
      startedAt: '2026-11-10T12:00:00.000Z',
      dueAt: '2026-11-11T12:00:00.000Z',
      doneAt: '2026-11-12T15:00:00.000Z',
    });
  });
});
