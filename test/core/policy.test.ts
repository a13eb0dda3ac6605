import {
  DEFAULT_POLICY,
  HANDOFF_TYPES,
  type Policy,
  PROTOCOL_REQUIRED_ITEMS,
  describeFieldError,
  parseWith,
  policySchema,
  resolvePolicy,
} from '../../src/core';

function resolved(override: unknown, base?: Policy): Policy {
  const result = resolvePolicy(override, base);
  if (!result.success) throw new Error(result.errors.map(describeFieldError).join('; '));
  return result.value;
}

function errorsOf(override: unknown): string[] {
  const result = resolvePolicy(override);
  return result.success ? [] : result.errors.map(describeFieldError);
}

describe('DEFAULT_POLICY', () => {
  it('is a valid policy', () => {
    expect(parseWith(policySchema, DEFAULT_POLICY)).toEqual({
      success: true,
      value: DEFAULT_POLICY,
    });
  });

  it('has a template for every handoff type', () => {
    expect(Object.keys(DEFAULT_POLICY.templates).sort()).toEqual([...HANDOFF_TYPES].sort());
  });

  it('counts calendar hours in UTC', () => {
    expect(DEFAULT_POLICY).toMatchObject({
      timeBasis: 'calendar_hours',
      timeZone: 'UTC',
      workingDays: [1, 2, 3, 4, 5],
      holidays: [],
    });
  });

  it('gives sales_to_cs the protocol items, a minimum of 80 and the SLA windows of section 5', () => {
    const template = DEFAULT_POLICY.templates.sales_to_cs;
    expect(template.requiredItems).toEqual([...PROTOCOL_REQUIRED_ITEMS]);
    expect(template.minimumCompleteness).toBe(80);
    expect(template.sla).toEqual({
      handoff_meeting: { hours: 48 },
      intro_email: { hours: 48 },
      first_cs_contact: { hours: 48 },
      cs_prep: { hours: 72 },
      kickoff_scheduled: { hours: 120 },
      kickoff_held: { hours: 240 },
      revision_fix: { hours: 24 },
    });
    expect(template.requiredParticipants).toEqual(['ae', 'csm']);
    expect(template.strategicParticipants).toEqual(['cs_manager']);
  });

  it('makes a pre_close handoff wait for CS manager approval', () => {
    expect(DEFAULT_POLICY.templates.pre_close.approverRoles).toEqual(['cs_manager']);
    expect(DEFAULT_POLICY.templates.pre_close.requiredItems).toContain('deal.closedWonAt');
  });
});

describe('resolvePolicy', () => {
  describe('defaults', () => {
    it('gives the default policy without an override', () => {
      expect(resolvePolicy()).toEqual({ success: true, value: DEFAULT_POLICY });
    });

    it('gives the default policy for an empty override', () => {
      expect(resolved({})).toEqual(DEFAULT_POLICY);
    });

    it('accepts version 1 stated explicitly', () => {
      expect(resolved({ version: 1 })).toEqual(DEFAULT_POLICY);
    });
  });

  describe('merging', () => {
    it('overrides one SLA window and keeps the other windows of the template', () => {
      const policy = resolved({
        templates: { sales_to_cs: { sla: { handoff_meeting: { hours: 24 } } } },
      });
      expect(policy.templates.sales_to_cs.sla).toEqual({
        ...DEFAULT_POLICY.templates.sales_to_cs.sla,
        handoff_meeting: { hours: 24 },
      });
    });

    it('leaves the other templates alone', () => {
      const policy = resolved({
        templates: { sales_to_cs: { sla: { handoff_meeting: { hours: 24 } } } },
      });
      expect(policy.templates.pre_close).toEqual(DEFAULT_POLICY.templates.pre_close);
      expect(policy.templates.rep_to_rep).toEqual(DEFAULT_POLICY.templates.rep_to_rep);
    });

    it('overrides one value and keeps the rest of the template', () => {
      const policy = resolved({ templates: { sales_to_cs: { minimumCompleteness: 90 } } });
      expect(policy.templates.sales_to_cs).toEqual({
        ...DEFAULT_POLICY.templates.sales_to_cs,
        minimumCompleteness: 90,
      });
    });

    it('adds a clock window the template did not have', () => {
      const policy = resolved({
        templates: { sdr_to_ae: { sla: { intro_email: { hours: 48, from: 'submittedAt' } } } },
      });
      expect(policy.templates.sdr_to_ae.sla).toEqual({
        acceptance: { hours: 24 },
        revision_fix: { hours: 24 },
        intro_email: { hours: 48, from: 'submittedAt' },
      });
    });

    it('replaces lists instead of merging them', () => {
      const policy = resolved({
        workingDays: [1, 2, 3, 4],
        holidays: ['2026-12-25'],
        templates: {
          sales_to_cs: {
            requiredItems: ['risks.churnRisk', 'objectives.primaryObjective'],
            requiredParticipants: ['csm'],
          },
        },
      });
      expect(policy.workingDays).toEqual([1, 2, 3, 4]);
      expect(policy.holidays).toEqual(['2026-12-25']);
      expect(policy.templates.sales_to_cs.requiredItems).toEqual([
        'risks.churnRisk',
        'objectives.primaryObjective',
      ]);
      expect(policy.templates.sales_to_cs.requiredParticipants).toEqual(['csm']);
    });

    it('replaces a list with an empty one', () => {
      expect(
        resolved({ templates: { sales_to_cs: { requiredItems: [] } } }).templates.sales_to_cs
          .requiredItems,
      ).toEqual([]);
    });

    it('does not change the defaults it merges into', () => {
      const before = structuredClone(DEFAULT_POLICY);
      resolved({
        timeZone: 'Europe/Berlin',
        templates: { sales_to_cs: { sla: { handoff_meeting: { hours: 24 } }, requiredItems: [] } },
      });
      expect(DEFAULT_POLICY).toEqual(before);
    });

    it('merges over the base it is given', () => {
      const base = resolved({ timeZone: 'Europe/Berlin' });
      const policy = resolved({ atRiskRatio: 0.5 }, base);
      expect(policy.timeZone).toBe('Europe/Berlin');
      expect(policy.atRiskRatio).toBe(0.5);
    });

    it('accepts business days when every window and due time is a whole number of days', () => {
      expect(resolved({ timeBasis: 'business_days' }).timeBasis).toBe('business_days');
    });
  });

  describe('invalid overrides', () => {
    it.each([
      [
        'a minimum completeness above 100',
        { templates: { sales_to_cs: { minimumCompleteness: 120 } } },
        ['templates.sales_to_cs.minimumCompleteness: expected 0 to 100'],
      ],
      [
        'an unknown required item',
        { templates: { sales_to_cs: { requiredItems: ['risks.churnRisk', 'objectives.budget'] } } },
        ['templates.sales_to_cs.requiredItems[1]: unknown item "objectives.budget"'],
      ],
      [
        'an item required twice',
        { templates: { pre_close: { requiredItems: ['risks.churnRisk', 'risks.churnRisk'] } } },
        ['templates.pre_close.requiredItems: lists an item twice'],
      ],
      [
        'a window of 0 hours',
        { templates: { sales_to_cs: { sla: { cs_prep: { hours: 0 } } } } },
        ['templates.sales_to_cs.sla.cs_prep.hours: expected a positive number of hours'],
      ],
      [
        'a window longer than a year',
        { templates: { sales_to_cs: { sla: { kickoff_held: { hours: 9000 } } } } },
        ['templates.sales_to_cs.sla.kickoff_held.hours: expected at most a year'],
      ],
      [
        'an unknown clock',
        { templates: { sales_to_cs: { sla: { lunch: { hours: 1 } } } } },
        ['templates.sales_to_cs.sla.lunch: unknown field'],
      ],
      [
        'an unknown clock anchor',
        { templates: { sales_to_cs: { sla: { intro_email: { from: 'acceptedAt' } } } } },
        [
          'templates.sales_to_cs.sla.intro_email.from: expected one of closedWonAt, submittedAt, returnedAt',
        ],
      ],
      [
        'an unknown handoff type',
        { templates: { upsell: {} } },
        ['templates.upsell: unknown field'],
      ],
      ['an unknown top-level field', { slaHours: 48 }, ['slaHours: unknown field']],
      ['another version', { version: 2 }, ['version: expected 1']],
      [
        'an unknown time basis',
        { timeBasis: 'hours' },
        ['timeBasis: expected calendar_hours or business_days'],
      ],
      [
        'an unknown time zone',
        { timeZone: 'Mars/Olympus' },
        ['timeZone: expected an IANA time zone such as Europe/Berlin'],
      ],
      ['no working days', { workingDays: [] }, ['workingDays: name at least one working day']],
      ['weekday 8', { workingDays: [1, 8] }, ['workingDays[1]: expected 1 (Monday) to 7 (Sunday)']],
      [
        'an impossible holiday',
        { holidays: ['2026-02-30'] },
        ['holidays[0]: expected a date (YYYY-MM-DD)'],
      ],
      [
        'an at-risk ratio of 1',
        { atRiskRatio: 1 },
        ['atRiskRatio: expected a fraction between 0 and 1'],
      ],
      [
        'a task with an unknown assignee',
        {
          templates: {
            sdr_to_ae: {
              tasks: [
                { key: 'call', subject: 'Call', body: '', assignee: 'ceo', dueAfterHours: 24 },
              ],
            },
          },
        },
        [
          'templates.sdr_to_ae.tasks[0].assignee: expected one of sender, receiver, sender_manager, receiver_manager',
        ],
      ],
      [
        'two tasks with one key',
        {
          templates: {
            sdr_to_ae: {
              tasks: [
                { key: 'call', subject: 'Call', body: '', assignee: 'sender', dueAfterHours: 24 },
                {
                  key: 'call',
                  subject: 'Call again',
                  body: '',
                  assignee: 'sender',
                  dueAfterHours: 48,
                },
              ],
            },
          },
        },
        ['templates.sdr_to_ae.tasks: two tasks share a key'],
      ],
      [
        'a template without sender roles',
        { templates: { rep_to_rep: { senderRoles: [] } } },
        ['templates.rep_to_rep.senderRoles: name at least one role'],
      ],
    ])('refuses %s, naming the field', (_what, override, errors) => {
      expect(errorsOf(override)).toEqual(errors);
    });

    it('refuses a 36-hour window with business days at templates.<type>.sla.<clock>.hours', () => {
      expect(
        errorsOf({
          timeBasis: 'business_days',
          templates: { sales_to_cs: { sla: { handoff_meeting: { hours: 36 } } } },
        }),
      ).toEqual([
        'templates.sales_to_cs.sla.handoff_meeting.hours: with business_days, windows must be whole days (multiples of 24 hours)',
      ]);
    });

    it('accepts the same 36-hour window in calendar hours', () => {
      expect(
        resolved({ templates: { sales_to_cs: { sla: { handoff_meeting: { hours: 36 } } } } })
          .templates.sales_to_cs.sla.handoff_meeting,
      ).toEqual({ hours: 36 });
    });

    it('refuses a task due after a part of a day with business days', () => {
      expect(
        errorsOf({
          timeBasis: 'business_days',
          templates: {
            rep_to_rep: {
              tasks: [
                {
                  key: 'accept',
                  subject: 'Accept',
                  body: '',
                  assignee: 'receiver',
                  dueAfterHours: 30,
                },
              ],
            },
          },
        }),
      ).toEqual([
        'templates.rep_to_rep.tasks[0].dueAfterHours: with business_days, due times must be whole days (multiples of 24 hours)',
      ]);
    });

    it('reports every invalid field at once', () => {
      expect(
        errorsOf({
          timeZone: 'Nowhere/Land',
          templates: { sales_to_cs: { minimumCompleteness: 101, requiredItems: ['x'] } },
        }),
      ).toEqual([
        'timeZone: expected an IANA time zone such as Europe/Berlin',
        'templates.sales_to_cs.requiredItems[0]: unknown item "x"',
        'templates.sales_to_cs.minimumCompleteness: expected 0 to 100',
      ]);
    });

    it('reports the business-day rule alongside other errors', () => {
      expect(
        errorsOf({
          timeBasis: 'business_days',
          templates: {
            sales_to_cs: { minimumCompleteness: 120, sla: { handoff_meeting: { hours: 36 } } },
          },
        }),
      ).toEqual([
        'templates.sales_to_cs.minimumCompleteness: expected 0 to 100',
        'templates.sales_to_cs.sla.handoff_meeting.hours: with business_days, windows must be whole days (multiples of 24 hours)',
      ]);
    });

    it.each([
      [
        { templates: { sales_to_cs: { requiredParticipants: ['coach'] } } },
        'templates.sales_to_cs.requiredParticipants[0]',
      ],
      [
        { templates: { sales_to_cs: { requiredItems: 'risks.churnRisk' } } },
        'templates.sales_to_cs.requiredItems',
      ],
      [
        { templates: { sales_to_cs: { minimumCompleteness: -1 } } },
        'templates.sales_to_cs.minimumCompleteness',
      ],
      [{ templates: { pre_close: null } }, 'templates.pre_close'],
    ])('refuses %j at %p', (override, path) => {
      const result = resolvePolicy(override);
      expect(result.success ? [] : result.errors.map((error) => error.path)).toEqual([path]);
    });

    it('refuses a non-numeric minimum completeness at its path', () => {
      const result = resolvePolicy({ templates: { sales_to_cs: { minimumCompleteness: 'high' } } });
      expect(result.success).toBe(false);
      expect(result.success ? [] : result.errors.map((error) => error.path)).toEqual([
        'templates.sales_to_cs.minimumCompleteness',
      ]);
    });

    it.each([
      ['a string', 'business_days'],
      ['null', null],
      ['a list', [{ timeZone: 'UTC' }]],
      ['a number', 48],
    ])('refuses %s as a policy', (_what, override) => {
      expect(resolvePolicy(override)).toEqual({
        success: false,
        errors: [{ path: '', message: 'expected a policy (a JSON object)' }],
      });
    });
  });
});

describe('resolvePolicy with null', () => {
  it('removes a clock from a template', () => {
    const policy = resolved({ templates: { sales_to_cs: { sla: { first_cs_contact: null } } } });
    expect(Object.keys(policy.templates.sales_to_cs.sla)).not.toContain('first_cs_contact');
    expect(policy.templates.sales_to_cs.sla.handoff_meeting).toEqual({ hours: 48 });
  });

  it('names a required setting removed by null', () => {
    expect(errorsOf({ timeZone: null })).toEqual(['timeZone: required']);
  });
});

describe('policy messages for people', () => {
  it.each([
    [{ minimumCompleteness: -1 }, 'templates.sales_to_cs.minimumCompleteness: expected 0 to 100'],
    [
      { minimumCompleteness: 80.5 },
      'templates.sales_to_cs.minimumCompleteness: expected a whole number from 0 to 100',
    ],
    [
      { requiredParticipants: ['ae', 'cfo'] },
      'templates.sales_to_cs.requiredParticipants[1]: expected one of ae, csm, cs_manager, sales_engineer, implementation_specialist, sales_manager',
    ],
  ])('explains %j', (template, message) => {
    expect(errorsOf({ templates: { sales_to_cs: template } })).toEqual([message]);
  });
});
