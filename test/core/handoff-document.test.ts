import { describeFieldError, handoffDocumentSchema, parseWith } from '../../src/core';
import { EXAMPLE_NAMES, exampleJson } from '../helpers/handoff-factory';

/** A document with only what the test is about: the type, a deal id, plus `sections`. */
function doc(
  sections: Record<string, unknown> = {},
  deal: Record<string, unknown> = {},
): Record<string, unknown> {
  return { handoffType: 'sales_to_cs', ...sections, deal: { id: 'deal-1', ...deal } };
}

function errorsOf(input: unknown): string[] {
  const result = parseWith(handoffDocumentSchema, input);
  return result.success ? [] : result.errors.map(describeFieldError);
}

function parsed(input: unknown) {
  const result = parseWith(handoffDocumentSchema, input);
  if (!result.success) throw new Error(result.errors.map(describeFieldError).join('; '));
  return result.value;
}

const ROLES =
  'executive_sponsor, champion, economic_buyer, technical_lead, end_users, blocker, other';
const PARTICIPANTS =
  'ae, csm, cs_manager, sales_engineer, implementation_specialist, sales_manager';
const AGENDA =
  'customer_overview, stakeholders, objectives, scope_commitments, implementation, risks, questions';

describe('the handoff document v1 schema', () => {
  describe('what a valid document needs', () => {
    it('accepts a document with only handoffType and deal.id', () => {
      expect(parsed({ handoffType: 'sales_to_cs', deal: { id: 'deal-1' } })).toEqual({
        handoffType: 'sales_to_cs',
        deal: { id: 'deal-1' },
      });
    });

    it.each(['sales_to_cs', 'pre_close', 'poc_to_paid', 'rep_to_rep', 'sdr_to_ae'])(
      'accepts the handoff type %p',
      (type) => {
        expect(parsed({ handoffType: type, deal: { id: 'deal-1' } }).handoffType).toBe(type);
      },
    );

    it.each(EXAMPLE_NAMES)('accepts the %s example as it is', (name) => {
      expect(errorsOf(exampleJson(name))).toEqual([]);
    });

    it('refuses a document without handoffType', () => {
      expect(errorsOf({ deal: { id: 'deal-1' } })).toEqual(['handoffType: required']);
    });

    it('refuses a document without a deal', () => {
      expect(errorsOf({ handoffType: 'sales_to_cs' })).toEqual(['deal: required']);
    });

    it('refuses a deal without an id', () => {
      expect(errorsOf({ handoffType: 'sales_to_cs', deal: {} })).toEqual(['deal.id: required']);
    });

    it('refuses a blank deal id', () => {
      expect(errorsOf(doc({}, { id: '   ' }))).toEqual(['deal.id: required']);
    });

    it('refuses a deal id that is not text', () => {
      expect(errorsOf(doc({}, { id: 9001 }))).toEqual(['deal.id: required']);
    });

    it('trims the deal id', () => {
      expect(parsed(doc({}, { id: ' 9001 ' })).deal.id).toBe('9001');
    });

    it.each([
      ['a string', 'hello'],
      ['null', null],
      ['a list', []],
      ['a number', 42],
    ])('refuses %s as a whole document', (_what, input) => {
      expect(parseWith(handoffDocumentSchema, input)).toEqual({
        success: false,
        errors: [{ path: '', message: 'expected a handoff document (a JSON object)' }],
      });
    });

    it('says "required" when there is no input at all', () => {
      expect(errorsOf(undefined)).toEqual(['required']);
    });
  });

  describe('unknown fields', () => {
    it('refuses an unknown top-level field', () => {
      expect(errorsOf(doc({ notes: 'call them Monday' }))).toEqual(['notes: unknown field']);
    });

    it('refuses a misspelt deal field instead of dropping it', () => {
      expect(errorsOf(doc({}, { closeDate: '2026-11-02T10:00:00Z' }))).toEqual([
        'deal.closeDate: unknown field',
      ]);
    });

    it('names the list index of an unknown field in a stakeholder', () => {
      expect(
        errorsOf(doc({ stakeholders: [{ role: 'champion' }, { role: 'champion', phone: '555' }] })),
      ).toEqual(['stakeholders[1].phone: unknown field']);
    });

    it('reports each unknown field of one object separately', () => {
      expect(errorsOf(doc({ risks: { churn: 'high', concerns: 'x' } }))).toEqual([
        'risks.churn: unknown field',
        'risks.concerns: unknown field',
      ]);
    });
  });

  describe('enumerations', () => {
    it('refuses an unknown handoff type and lists the known ones', () => {
      expect(errorsOf({ handoffType: 'upsell', deal: { id: 'deal-1' } })).toEqual([
        'handoffType: expected one of sales_to_cs, pre_close, poc_to_paid, rep_to_rep, sdr_to_ae',
      ]);
    });

    it('refuses an unknown stakeholder role', () => {
      expect(errorsOf(doc({ stakeholders: [{ role: 'ceo', name: 'Dana' }] }))).toEqual([
        `stakeholders[0].role: expected one of ${ROLES}`,
      ]);
    });

    it('refuses a stakeholder without a role as "required"', () => {
      expect(errorsOf(doc({ stakeholders: [{ name: 'Dana', title: 'COO' }] }))).toEqual([
        'stakeholders[0].role: required',
      ]);
    });

    it('refuses an unknown meeting participant, naming its index', () => {
      expect(errorsOf(doc({ meeting: { participants: ['ae', 'coach'] } }))).toEqual([
        `meeting.participants[1]: expected one of ${PARTICIPANTS}`,
      ]);
    });

    it('refuses an unknown agenda segment', () => {
      expect(errorsOf(doc({ meeting: { agendaCovered: ['pricing'] } }))).toEqual([
        `meeting.agendaCovered[0]: expected one of ${AGENDA}`,
      ]);
    });

    it.each([
      ['risks', 'churnRisk', 'extreme', 'low, medium, high'],
      ['commitments', 'type', 'promise', 'scope, service, timeline, commercial, verbal'],
      ['commitments', 'status', 'done', 'open, in_progress, delivered, at_risk, renegotiated'],
      ['stakeholders', 'relationshipStrength', 'weak', 'strong, medium, new'],
      ['stakeholders', 'sentiment', 'hostile', 'champion, supporter, neutral, skeptic'],
      ['review', 'status', 'approved', 'pending, accepted, rejected, needs_revision'],
    ])('refuses %s.%s = %p', (section, field, value, known) => {
      const input =
        section === 'risks' || section === 'review'
          ? doc({ [section]: { [field]: value } })
          : section === 'stakeholders'
            ? doc({ stakeholders: [{ role: 'champion', [field]: value }] })
            : doc({ commitments: [{ [field]: value }] });
      const path =
        section === 'risks' || section === 'review'
          ? `${section}.${field}`
          : `${section}[0].${field}`;
      expect(errorsOf(input)).toEqual([`${path}: expected one of ${known}`]);
    });

    it('accepts an enumeration sent as "" as absent', () => {
      const value = parsed(
        doc({
          risks: { churnRisk: '' },
          stakeholders: [{ role: 'champion', relationshipStrength: '', sentiment: '' }],
          commitments: [{ type: '', status: '' }],
        }),
      );
      expect(value.risks?.churnRisk).toBeUndefined();
      expect(value.stakeholders?.[0]?.relationshipStrength).toBeUndefined();
      expect(value.stakeholders?.[0]?.sentiment).toBeUndefined();
      expect(value.commitments?.[0]?.type).toBeUndefined();
      expect(value.commitments?.[0]?.status).toBeUndefined();
    });

    it('refuses an enumeration in the wrong case', () => {
      expect(errorsOf(doc({ risks: { churnRisk: 'High' } }))).toEqual([
        'risks.churnRisk: expected one of low, medium, high',
      ]);
    });
  });

  describe('date-times (instants)', () => {
    it.each([
      '2026-11-02T10:00:00Z',
      '2026-11-02T10:00Z',
      '2026-11-02T10:00:00.123Z',
      '2026-11-02T12:00:00+02:00',
      '2028-02-29T10:00:00Z',
    ])('accepts %p', (value) => {
      expect(parsed(doc({}, { closedWonAt: value })).deal.closedWonAt).toBe(value);
    });

    it.each([
      ['an impossible day', '2026-02-30T10:00:00Z'],
      ['a day that exists only in leap years', '2026-02-29T10:00:00Z'],
      ['hour 24', '2026-11-02T24:00:00Z'],
      ['minute 60', '2026-11-02T10:60:00Z'],
      ['a wall time without an offset', '2026-11-02T10:00:00'],
      ['a date without a time', '2026-11-02'],
      ['another date format', '11/02/2026 10:00'],
      ['words', 'yesterday'],
      ['a placeholder', 'TBD'],
    ])('refuses %s (%p) with the field named', (_what, value) => {
      expect(errorsOf(doc({}, { closedWonAt: value }))).toEqual([
        'deal.closedWonAt: expected an ISO date-time',
      ]);
    });

    it('refuses a date-time that is not text', () => {
      expect(errorsOf(doc({}, { closedWonAt: 1793613600000 }))).toEqual([
        'deal.closedWonAt: expected an ISO date-time',
      ]);
    });

    it('names the section of a malformed meeting or timeline instant', () => {
      expect(
        errorsOf(
          doc({ meeting: { heldAt: '2026-11-31T10:00:00Z' }, timeline: { introSentAt: 'soon' } }),
        ),
      ).toEqual([
        'meeting.heldAt: expected an ISO date-time',
        'timeline.introSentAt: expected an ISO date-time',
      ]);
    });

    it('accepts null for an instant that has not happened yet', () => {
      const value = parsed(
        doc({ meeting: { heldAt: null }, timeline: { introSentAt: null } }, { closedWonAt: null }),
      );
      expect(value.deal.closedWonAt).toBeNull();
      expect(value.meeting?.heldAt).toBeNull();
      expect(value.timeline?.introSentAt).toBeNull();
    });
  });

  describe('calendar dates', () => {
    it.each(['2026-12-01', '2028-02-29', '2026-12-01T09:00:00Z'])(
      'accepts %p as a due date',
      (value) => {
        expect(parsed(doc({ commitments: [{ dueDate: value }] })).commitments?.[0]?.dueDate).toBe(
          value,
        );
      },
    );

    it.each([
      ['an impossible day', '2026-02-30'],
      ['February 29 in a common year', '2026-02-29'],
      ['month 13', '2026-13-01'],
      ['day 0', '2026-12-00'],
      ['a US-style date', '12/01/2026'],
      ['words', 'next week'],
    ])('refuses %s (%p) with the field named', (_what, value) => {
      expect(errorsOf(doc({ commitments: [{ dueDate: value }] }))).toEqual([
        'commitments[0].dueDate: expected a date (YYYY-MM-DD)',
      ]);
    });

    it.each(['TBD', 'TODO', '?', '', '   ', 'TBD after legal review'])(
      'accepts the placeholder %p in a date field, to be counted as missing',
      (value) => {
        expect(
          parsed(doc({ implementation: { startDate: value } })).implementation?.startDate,
        ).toBe(value);
      },
    );

    it('refuses a date that is not text', () => {
      expect(errorsOf(doc({ implementation: { goLiveDate: 20270215 } }))).toEqual([
        'implementation.goLiveDate: expected a date (YYYY-MM-DD)',
      ]);
    });

    it('names the milestone whose date is malformed', () => {
      expect(
        errorsOf(
          doc({
            implementation: {
              milestones: [
                { name: 'Pilot', date: '2026-12-01' },
                { name: 'All', date: '2027-02-30' },
              ],
            },
          }),
        ),
      ).toEqual(['implementation.milestones[1].date: expected a date (YYYY-MM-DD)']);
    });
  });

  describe('amounts and counts', () => {
    it('refuses a negative deal amount', () => {
      expect(errorsOf(doc({}, { amount: -1 }))).toEqual([
        'deal.amount: expected a non-negative amount',
      ]);
    });

    it('refuses a negative contract value', () => {
      expect(errorsOf(doc({ commercial: { contractValue: -120000 } }))).toEqual([
        'commercial.contractValue: expected a non-negative amount',
      ]);
    });

    it('accepts an amount of 0', () => {
      expect(parsed(doc({}, { amount: 0 })).deal.amount).toBe(0);
    });

    it.each([
      ['a numeric string', '120000'],
      ['NaN', Number.NaN],
      ['Infinity', Number.POSITIVE_INFINITY],
    ])('refuses %s as an amount', (_what, value) => {
      expect(errorsOf(doc({}, { amount: value }))).toEqual(['deal.amount: expected a number']);
    });

    it('refuses a fractional or negative question count', () => {
      expect(errorsOf(doc({ meeting: { questionsAsked: 1.5, questionsAnswered: -1 } }))).toEqual([
        'meeting.questionsAsked: expected a whole number',
        'meeting.questionsAnswered: expected a whole number of 0 or more',
      ]);
    });

    it.each([0, 6, 2.5])('refuses a CS rating of %p', (value) => {
      expect(errorsOf(doc({ review: { csRating: value } }))).toEqual([
        'review.csRating: expected a rating from 1 to 5',
      ]);
    });
  });

  describe('other field types', () => {
    it('refuses a currency that is not an upper-case ISO code', () => {
      expect(errorsOf(doc({}, { currency: 'usd' }))).toEqual([
        'deal.currency: expected a 3-letter ISO 4217 currency code such as USD',
      ]);
    });

    it('refuses a strategic flag that is not a boolean', () => {
      expect(errorsOf(doc({}, { strategic: 'yes' }))).toEqual([
        'deal.strategic: expected true or false',
      ]);
    });

    it('refuses a number where text is expected', () => {
      expect(errorsOf(doc({ customerContext: { industry: 5 } }))).toEqual([
        'customerContext.industry: expected text',
      ]);
    });

    it('refuses a section that should be a list', () => {
      expect(errorsOf(doc({ stakeholders: { role: 'champion' }, commitments: 'none' }))).toEqual([
        'stakeholders: expected a list of stakeholders',
        'commitments: expected a list of commitments',
      ]);
    });

    it('refuses a malformed stakeholder email', () => {
      expect(
        errorsOf(doc({ stakeholders: [{ role: 'champion', email: 'lee at northwind' }] })),
      ).toEqual(['stakeholders[0].email: expected an email address']);
    });

    it('accepts a placeholder email as missing', () => {
      expect(
        parsed(doc({ stakeholders: [{ role: 'champion', email: 'TBD' }] })).stakeholders?.[0]
          ?.email,
      ).toBe('TBD');
    });
  });

  describe('absent and null values', () => {
    it('accepts null for every optional section', () => {
      const sections = [
        'customerContext',
        'stakeholders',
        'objectives',
        'commitments',
        'technical',
        'implementation',
        'commercial',
        'risks',
        'meeting',
        'timeline',
        'review',
      ];
      expect(errorsOf(doc(Object.fromEntries(sections.map((section) => [section, null]))))).toEqual(
        [],
      );
    });

    it('accepts null for optional fields of every kind', () => {
      const value = parsed(
        doc(
          {
            customerContext: { industry: null },
            risks: { churnRisk: null },
            commitments: [{ dueDate: null, owner: null, inContract: null }],
            meeting: { heldAt: null, participants: null, questionsAsked: null },
            review: { csRating: null, gaps: null },
          },
          { name: null, amount: null, currency: null, closedWonAt: null, strategic: null },
        ),
      );
      expect(value.deal).toEqual({
        id: 'deal-1',
        name: null,
        amount: null,
        currency: null,
        closedWonAt: null,
        strategic: null,
      });
      expect(value.risks?.churnRisk).toBeNull();
      expect(value.meeting?.questionsAsked).toBeNull();
    });

    it('accepts empty sections', () => {
      expect(
        errorsOf(
          doc({
            customerContext: {},
            stakeholders: [],
            commitments: [],
            meeting: {},
            timeline: {},
          }),
        ),
      ).toEqual([]);
    });
  });

  describe('error reporting', () => {
    it('reports every invalid field at once, each by its path', () => {
      expect(
        errorsOf(
          doc(
            { stakeholders: [{ name: 'Dana' }], risks: { churnRisk: 'extreme' }, extra: true },
            { amount: -5, closedWonAt: '2026-02-30T10:00:00Z' },
          ),
        ),
      ).toEqual([
        'deal.amount: expected a non-negative amount',
        'deal.closedWonAt: expected an ISO date-time',
        'stakeholders[0].role: required',
        'risks.churnRisk: expected one of low, medium, high',
        'extra: unknown field',
      ]);
    });

    it('returns errors as path and message pairs', () => {
      expect(parseWith(handoffDocumentSchema, doc({}, { amount: -1 }))).toEqual({
        success: false,
        errors: [{ path: 'deal.amount', message: 'expected a non-negative amount' }],
      });
    });
  });
});

describe('describeFieldError', () => {
  it('puts the path before the message', () => {
    expect(
      describeFieldError({ path: 'deal.closedWonAt', message: 'expected an ISO date-time' }),
    ).toBe('deal.closedWonAt: expected an ISO date-time');
  });

  it('gives the bare message for an error about the whole input', () => {
    expect(
      describeFieldError({ path: '', message: 'expected a handoff document (a JSON object)' }),
    ).toBe('expected a handoff document (a JSON object)');
  });
});

describe('edge cases of dates and choices', () => {
  it.each(['+24:00', '+99:99', '-12:60'])('refuses an impossible offset %s', (offset) => {
    expect(errorsOf(doc({ meeting: { heldAt: `2026-11-02T10:00:00${offset}` } }))).toEqual([
      'meeting.heldAt: expected an ISO date-time',
    ]);
  });

  it('accepts the largest real offsets', () => {
    expect(errorsOf(doc({ meeting: { heldAt: '2026-11-02T10:00:00+14:00' } }))).toEqual([]);
    expect(errorsOf(doc({ meeting: { heldAt: '2026-11-02T10:00:00-12:00' } }))).toEqual([]);
  });

  it('accepts N/A in a date field where the date does not apply', () => {
    const value = parsed(doc({ implementation: { goLiveDate: 'N/A' } }));
    expect(value.implementation?.goLiveDate).toBe('N/A');
  });

  it('takes an empty review status as not picked', () => {
    expect(parsed(doc({ review: { status: '' } })).review?.status).toBeUndefined();
  });
});
