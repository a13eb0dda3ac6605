import {
  DEFAULT_POLICY,
  type HandoffDocument,
  type Policy,
  type PlannedTask,
  buildTaskPlan,
  calendarOf,
  scoreCompleteness,
} from '../../src/core';
import { NOW, completeHandoff, example, handoff, policyWith } from '../helpers/handoff-factory';

const HOUR = 3_600_000;
const SALES_TO_CS = DEFAULT_POLICY.templates.sales_to_cs;

function plan(
  doc: HandoffDocument,
  options: Partial<Parameters<typeof buildTaskPlan>[3]> = {},
  policy: Policy = DEFAULT_POLICY,
): PlannedTask[] {
  return buildTaskPlan(doc, policy.templates[doc.handoffType], calendarOf(policy), {
    now: NOW,
    ...options,
  });
}

function task(tasks: readonly PlannedTask[], taskKey: string): PlannedTask {
  const found = tasks.find((t) => t.taskKey === taskKey);
  if (found === undefined)
    throw new Error(`no task ${taskKey} in ${tasks.map((t) => t.taskKey).join(', ')}`);
  return found;
}

/** Due dates compared as instants, so the assertion does not depend on how they are printed. */
function dueDates(tasks: readonly PlannedTask[]): Record<string, number> {
  return Object.fromEntries(tasks.map((t) => [t.taskKey, Date.parse(t.dueAt)]));
}

describe('buildTaskPlan for sales_to_cs', () => {
  const complete = example('complete');
  const closedWonAt = Date.parse('2026-11-02T10:00:00Z');

  it('plans the five tasks of the protocol, in order', () => {
    expect(plan(complete).map((t) => t.taskKey)).toEqual([
      'handoff_meeting',
      'intro_email',
      'cs_prep',
      'schedule_kickoff',
      'hold_kickoff',
    ]);
  });

  it('gives the meeting and the intro email to the AE and the rest to the CSM', () => {
    expect(plan(complete).map((t) => [t.taskKey, t.assignee])).toEqual([
      ['handoff_meeting', 'sender'],
      ['intro_email', 'sender'],
      ['cs_prep', 'receiver'],
      ['schedule_kickoff', 'receiver'],
      ['hold_kickoff', 'receiver'],
    ]);
  });

  it('makes each task due 48 h, 48 h, 72 h, 120 h and 240 h after the close', () => {
    expect(dueDates(plan(complete))).toEqual({
      handoff_meeting: closedWonAt + 48 * HOUR,
      intro_email: closedWonAt + 48 * HOUR,
      cs_prep: closedWonAt + 72 * HOUR,
      schedule_kickoff: closedWonAt + 120 * HOUR,
      hold_kickoff: closedWonAt + 240 * HOUR,
    });
  });

  it('writes due dates as ISO date-times in UTC', () => {
    for (const t of plan(complete))
      expect(t.dueAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?Z$/);
  });

  it('anchors a closed deal on its close, whatever the time of planning', () => {
    const early = plan(complete, { now: Date.parse('2026-11-02T11:00:00Z') });
    const late = plan(complete, { now: Date.parse('2027-03-01T00:00:00Z') });
    expect(dueDates(early)).toEqual(dueDates(late));
  });

  describe('owners', () => {
    it('assigns the AE tasks to the deal owner when no sender is named', () => {
      const tasks = plan(complete);
      expect(task(tasks, 'handoff_meeting').ownerId).toBe('ae-101');
      expect(task(tasks, 'intro_email').ownerId).toBe('ae-101');
    });

    it('leaves the CSM tasks unassigned while no receiver is known', () => {
      const tasks = plan(complete);
      for (const key of ['cs_prep', 'schedule_kickoff', 'hold_kickoff'])
        expect(task(tasks, key).ownerId).toBeNull();
    });

    it('assigns the CSM tasks to the named receiver', () => {
      const tasks = plan(complete, { assignees: { receiver: 'csm-201' } });
      expect(tasks.map((t) => t.ownerId)).toEqual([
        'ae-101',
        'ae-101',
        'csm-201',
        'csm-201',
        'csm-201',
      ]);
    });

    it('lets a named sender take the AE tasks over from the deal owner', () => {
      const tasks = plan(complete, { assignees: { sender: 'ae-999', receiver: 'csm-201' } });
      expect(task(tasks, 'handoff_meeting').ownerId).toBe('ae-999');
      expect(task(tasks, 'intro_email').ownerId).toBe('ae-999');
    });

    it('leaves the AE tasks unassigned when the deal has no owner', () => {
      const doc = handoff({ deal: { id: 'deal-7', ownerId: null } });
      expect(plan(doc).map((t) => t.ownerId)).toEqual([null, null, null, null, null]);
    });

    it('treats an explicit null receiver as unassigned', () => {
      const tasks = plan(complete, { assignees: { receiver: null } });
      expect(task(tasks, 'cs_prep').ownerId).toBeNull();
    });
  });

  describe('subjects and bodies', () => {
    it('fills the deal name into every subject', () => {
      expect(plan(complete).map((t) => t.subject)).toEqual([
        'Hold the internal handoff meeting for Northwind Logistics - Fleet Platform',
        'Send the customer introduction email for Northwind Logistics - Fleet Platform',
        'Prepare the success plan for Northwind Logistics - Fleet Platform',
        'Schedule the kickoff with Northwind Logistics - Fleet Platform',
        'Hold the kickoff with Northwind Logistics - Fleet Platform',
      ]);
    });

    it('names a deal without a name by its id', () => {
      const doc = handoff({ deal: { id: 'deal-42', name: '   ' } });
      expect(task(plan(doc), 'handoff_meeting').subject).toBe(
        'Hold the internal handoff meeting for deal deal-42',
      );
    });

    it('leaves no placeholder unfilled', () => {
      for (const t of plan(example('thin'))) {
        expect(t.subject).not.toMatch(/\{\w+\}/);
        expect(t.body).not.toMatch(/\{\w+\}/);
      }
    });

    it('lists every missing item in the meeting task, in the order of the template', () => {
      const thin = example('thin');
      const body = task(plan(thin), 'handoff_meeting').body;
      const labels = scoreCompleteness(thin, SALES_TO_CS).missing.map((item) => item.label);
      expect(body).toContain(`Fill in the handoff first: ${labels.join(', ')}.`);
      expect(labels).toEqual(
        expect.arrayContaining([
          'Business challenge',
          'Why now',
          'ROI expectation',
          'Payment terms',
        ]),
      );
    });

    it('does not list what is already filled', () => {
      const body = task(plan(example('thin')), 'handoff_meeting').body;
      expect(body).not.toContain('Company overview');
      expect(body).not.toContain('Primary objective');
    });

    it('says nothing is missing when the handoff is complete', () => {
      expect(task(plan(complete), 'handoff_meeting').body).toContain(
        'Fill in the handoff first: nothing is missing.',
      );
    });

    it('names the receiver in the intro email task when the name is known', () => {
      const body = task(
        plan(complete, { names: { receiver: 'Casey Morgan' } }),
        'intro_email',
      ).body;
      expect(body).toMatch(/^Introduce Casey Morgan to the customer/);
    });

    it('falls back to the receiving side when the receiver has no name yet', () => {
      const body = task(plan(complete, { names: { receiver: ' ' } }), 'intro_email').body;
      expect(body).toMatch(/^Introduce the CS owner to the customer/);
    });
  });

  describe('stable keys', () => {
    it('keys each task as {dealId}:{type}:{taskKey}', () => {
      expect(plan(complete).map((t) => t.key)).toEqual([
        '9001:sales_to_cs:handoff_meeting',
        '9001:sales_to_cs:intro_email',
        '9001:sales_to_cs:cs_prep',
        '9001:sales_to_cs:schedule_kickoff',
        '9001:sales_to_cs:hold_kickoff',
      ]);
    });

    it('builds the same plan twice from the same handoff', () => {
      expect(plan(complete, { assignees: { receiver: 'csm-201' } })).toEqual(
        plan(complete, { assignees: { receiver: 'csm-201' } }),
      );
    });

    it('keeps the keys when the handoff fills up between two runs', () => {
      const before = handoff({ deal: { id: '9001' } });
      const after = completeHandoff();
      expect(plan(before).map((t) => t.key)).toEqual(plan(after).map((t) => t.key));
      expect(task(plan(before), 'handoff_meeting').body).not.toEqual(
        task(plan(after), 'handoff_meeting').body,
      );
    });

    it('gives different deals different keys', () => {
      const other = completeHandoff({ deal: { id: '9100' } });
      const keys = new Set([...plan(complete), ...plan(other)].map((t) => t.key));
      expect(keys.size).toBe(10);
    });

    it('keys a poc_to_paid plan by its own type', () => {
      const poc = completeHandoff({ handoffType: 'poc_to_paid' });
      const tasks = plan(poc);
      expect(tasks.map((t) => t.key)).toContain('9001:poc_to_paid:cs_prep');
      expect(task(tasks, 'cs_prep').body).toContain('Carry over the POC learnings');
    });
  });
});

describe('buildTaskPlan for pre_close', () => {
  const strategic = example('strategic');

  it('starts with the CS manager approval, then the five sales_to_cs tasks', () => {
    expect(plan(strategic).map((t) => t.key)).toEqual([
      '9003:pre_close:approve_pre_close',
      '9003:pre_close:handoff_meeting',
      '9003:pre_close:intro_email',
      '9003:pre_close:cs_prep',
      '9003:pre_close:schedule_kickoff',
      '9003:pre_close:hold_kickoff',
    ]);
  });

  it('gives the approval to the receiver manager', () => {
    const tasks = plan(strategic, {
      assignees: { receiver_manager: 'csmgr-301', receiver: 'csm-201' },
    });
    const approval = task(tasks, 'approve_pre_close');
    expect(approval.assignee).toBe('receiver_manager');
    expect(approval.ownerId).toBe('csmgr-301');
    expect(approval.subject).toBe(
      'Approve the pre-close handoff for Helios Energy - Enterprise Rollout',
    );
    expect(task(tasks, 'cs_prep').ownerId).toBe('csm-201');
  });

  it('leaves the approval unassigned when no CS manager is known', () => {
    expect(task(plan(strategic), 'approve_pre_close').ownerId).toBeNull();
  });

  it('anchors due dates at now while the deal is not closed', () => {
    expect(dueDates(plan(strategic))).toEqual({
      approve_pre_close: NOW + 24 * HOUR,
      handoff_meeting: NOW + 48 * HOUR,
      intro_email: NOW + 48 * HOUR,
      cs_prep: NOW + 72 * HOUR,
      schedule_kickoff: NOW + 120 * HOUR,
      hold_kickoff: NOW + 240 * HOUR,
    });
  });

  it('moves with now while the deal is not closed', () => {
    const later = NOW + 5 * HOUR;
    expect(Date.parse(task(plan(strategic, { now: later }), 'approve_pre_close').dueAt)).toBe(
      later + 24 * HOUR,
    );
  });

  it('anchors on the close once the contract is signed', () => {
    const signed = example('strategic');
    const closedWonAt = '2026-12-04T09:00:00Z';
    const tasks = plan({ ...signed, deal: { ...signed.deal, closedWonAt } });
    expect(Date.parse(task(tasks, 'hold_kickoff').dueAt)).toBe(
      Date.parse(closedWonAt) + 240 * HOUR,
    );
  });

  it('lists the signed contract among the missing items of the meeting task', () => {
    expect(task(plan(strategic), 'handoff_meeting').body).toContain(
      'Fill in the handoff first: Signed contract (deal closed-won).',
    );
  });
});

describe('buildTaskPlan with business days', () => {
  const businessDays = policyWith({ timeBasis: 'business_days' });

  it('counts working days from a Monday close', () => {
    // Monday 2026-11-02 10:00 UTC.
    expect(dueDates(plan(example('complete'), {}, businessDays))).toEqual({
      handoff_meeting: Date.parse('2026-11-04T10:00:00Z'),
      intro_email: Date.parse('2026-11-04T10:00:00Z'),
      cs_prep: Date.parse('2026-11-05T10:00:00Z'),
      schedule_kickoff: Date.parse('2026-11-09T10:00:00Z'),
      hold_kickoff: Date.parse('2026-11-16T10:00:00Z'),
    });
  });

  it('skips the weekend after a Friday close', () => {
    // Friday 2026-11-06 17:00 UTC.
    expect(dueDates(plan(example('late'), {}, businessDays))).toEqual({
      handoff_meeting: Date.parse('2026-11-10T17:00:00Z'),
      intro_email: Date.parse('2026-11-10T17:00:00Z'),
      cs_prep: Date.parse('2026-11-11T17:00:00Z'),
      schedule_kickoff: Date.parse('2026-11-13T17:00:00Z'),
      hold_kickoff: Date.parse('2026-11-20T17:00:00Z'),
    });
  });

  it('starts counting at the start of Monday after a Saturday close', () => {
    const doc = handoff({ deal: { id: 'deal-sat', closedWonAt: '2026-11-07T15:00:00Z' } });
    expect(Date.parse(task(plan(doc, {}, businessDays), 'handoff_meeting').dueAt)).toBe(
      Date.parse('2026-11-11T00:00:00Z'),
    );
  });

  it('skips holidays', () => {
    const withHoliday = policyWith({ timeBasis: 'business_days', holidays: ['2026-11-04'] });
    expect(
      Date.parse(task(plan(example('complete'), {}, withHoliday), 'handoff_meeting').dueAt),
    ).toBe(Date.parse('2026-11-05T10:00:00Z'));
  });

  it('counts days in the policy time zone across a daylight-saving change', () => {
    // Friday 2026-10-30 12:00 in New York (EDT); clocks go back on Sunday 2026-11-01, so two
    // working days later is Tuesday 12:00 EST, which is 17:00 UTC.
    const newYork = policyWith({ timeBasis: 'business_days', timeZone: 'America/New_York' });
    const doc = handoff({ deal: { id: 'deal-ny', closedWonAt: '2026-10-30T16:00:00Z' } });
    expect(Date.parse(task(plan(doc, {}, newYork), 'handoff_meeting').dueAt)).toBe(
      Date.parse('2026-11-03T17:00:00Z'),
    );
  });

  it('counts working days from now for a pre-close handoff', () => {
    // NOW is Monday 2026-11-23 12:00 UTC.
    const tasks = plan(example('strategic'), {}, businessDays);
    expect(Date.parse(task(tasks, 'approve_pre_close').dueAt)).toBe(
      Date.parse('2026-11-24T12:00:00Z'),
    );
    expect(Date.parse(task(tasks, 'schedule_kickoff').dueAt)).toBe(
      Date.parse('2026-11-30T12:00:00Z'),
    );
  });
});
