import {
  DEFAULT_POLICY,
  type HandoffDocument,
  type HandoffDocumentInput,
  type Policy,
  type Quality,
  type QualityBand,
  bandOf,
  calendarOf,
  requiredParticipants,
  scoreQuality,
} from '../../src/core';
import {
  completeHandoff,
  example,
  exampleJson,
  handoff,
  policyWith,
} from '../helpers/handoff-factory';

const HOUR = 3_600_000;
/** A Monday. */
const CLOSE = '2026-11-02T10:00:00Z';

function hoursAfterClose(hours: number): string {
  return new Date(Date.parse(CLOSE) + hours * HOUR).toISOString();
}

function quality(doc: HandoffDocument, policy: Policy = DEFAULT_POLICY): Quality {
  return scoreQuality(doc, policy.templates[doc.handoffType], calendarOf(policy));
}

function points(
  doc: HandoffDocument,
  policy: Policy = DEFAULT_POLICY,
): Record<keyof Quality['parts'], number> {
  const parts = quality(doc, policy).parts;
  return {
    dealSummary: parts.dealSummary.points,
    stakeholderMap: parts.stakeholderMap.points,
    commitments: parts.commitments.points,
    riskFactors: parts.riskFactors.points,
    participants: parts.participants.points,
    agenda: parts.agenda.points,
    questions: parts.questions.points,
    handoffWithinSla: parts.handoffWithinSla.points,
    introWithin48h: parts.introWithin48h.points,
  };
}

type MeetingInput = NonNullable<HandoffDocumentInput['meeting']>;

/** The complete handoff with its meeting (held 5 h after close) changed. */
function withMeeting(
  meeting: Partial<MeetingInput>,
  deal: Partial<HandoffDocumentInput['deal']> = {},
): HandoffDocument {
  const base = (exampleJson('complete') as HandoffDocumentInput).meeting;
  return completeHandoff({ meeting: { ...base, ...meeting }, deal: { id: '9001', ...deal } });
}

const sumOf = (result: Quality) =>
  Object.values(result.parts).reduce((total, part) => total + part.points, 0);
const complete = exampleJson('complete') as Required<
  Pick<HandoffDocumentInput, 'customerContext' | 'risks' | 'technical'>
>;

describe('scoreQuality', () => {
  it('gives every part its maximum for the complete handoff', () => {
    const result = quality(completeHandoff());
    expect(
      Object.fromEntries(
        Object.entries(result.parts).map(([name, part]) => [name, [part.points, part.max]]),
      ),
    ).toEqual({
      dealSummary: [15, 15],
      stakeholderMap: [10, 10],
      commitments: [15, 15],
      riskFactors: [10, 10],
      participants: [10, 10],
      agenda: [10, 10],
      questions: [10, 10],
      handoffWithinSla: [15, 15],
      introWithin48h: [5, 5],
    });
    expect(result.total).toBe(100);
  });

  describe('deal summary (15 × filled / 16)', () => {
    it('counts the 16 summary items of the template', () => {
      expect(quality(completeHandoff()).parts.dealSummary.detail).toBe(
        '16 of 16 summary items filled',
      );
    });

    it('gives 15 × 11 / 16 without the 5 customer context items', () => {
      const part = quality(completeHandoff({ customerContext: null })).parts.dealSummary;
      expect(part.points).toBe(10.3125);
      expect(part.detail).toBe('11 of 16 summary items filled');
    });

    it('gives 15 × 1 / 16 for one filled item', () => {
      expect(points(handoff({ commercial: { contractValue: 18000 } })).dealSummary).toBe(0.9375);
    });

    it('ignores summary fields the template does not require', () => {
      const doc = completeHandoff({
        customerContext: {
          ...complete.customerContext,
          size: 'TBD',
          whyUs: '',
          alternativesEvaluated: null,
        },
        technical: { ...complete.technical, dataMigration: '?' },
      });
      expect(points(doc).dealSummary).toBe(15);
    });

    it('does not count stakeholders, commitments or risks toward the summary', () => {
      expect(
        points(completeHandoff({ stakeholders: null, commitments: null, risks: null })).dealSummary,
      ).toBe(15);
    });
  });

  describe('stakeholder map (10 × roles / 4)', () => {
    it('gives 2.5 points per mapped role', () => {
      const doc = handoff({
        stakeholders: [
          { role: 'champion', name: 'Lee Ortega', title: 'Director of Dispatch' },
          { role: 'economic_buyer', name: 'Priya Raman', title: 'CFO' },
          { role: 'technical_lead', name: 'Sam Okafor', title: '' },
        ],
      });
      expect(points(doc).stakeholderMap).toBe(5);
    });

    it('does not count end users, blockers or other stakeholders', () => {
      const doc = handoff({
        stakeholders: [
          { role: 'end_users', name: 'Dispatchers', title: 'Dispatchers' },
          { role: 'blocker', name: 'Works council', title: 'Employee representatives' },
          { role: 'other', name: 'Ana', title: 'Consultant' },
        ],
      });
      expect(points(doc).stakeholderMap).toBe(0);
    });
  });

  describe('commitments (15 × items / 2)', () => {
    it('gives 0 without commitments', () => {
      expect(points(completeHandoff({ commitments: [] })).commitments).toBe(0);
    });

    it('gives 7.5 for a described commitment without an owner', () => {
      expect(
        points(
          completeHandoff({
            commitments: [{ description: 'TMS integration', dueDate: '2026-12-15' }],
          }),
        ).commitments,
      ).toBe(7.5);
    });

    it('gives 15 when every commitment is described, owned and dated', () => {
      const doc = completeHandoff({
        commitments: [
          { description: 'TMS integration', owner: 'Implementation', dueDate: '2026-12-15' },
        ],
      });
      expect(points(doc).commitments).toBe(15);
    });
  });

  describe('risk factors (10 × items / 3)', () => {
    it('gives 10 / 3 for one of the three risk items', () => {
      expect(
        points(
          completeHandoff({
            risks: { objections: 'Price versus Looker', remainingConcerns: 'TBD' },
          }),
        ).riskFactors,
      ).toBeCloseTo(10 / 3, 12);
    });

    it('gives 20 / 3 for two of them', () => {
      expect(
        points(completeHandoff({ risks: { objections: 'Price', churnRisk: 'high' } })).riskFactors,
      ).toBeCloseTo(20 / 3, 12);
    });

    it('does not need the risk fields the template leaves out', () => {
      const doc = completeHandoff({
        risks: { objections: 'Price', remainingConcerns: 'Deadline', churnRisk: 'low' },
      });
      expect(points(doc).riskFactors).toBe(10);
    });
  });

  describe('participants (10 × present / required)', () => {
    it('requires the AE and the CSM', () => {
      expect(requiredParticipants(completeHandoff(), DEFAULT_POLICY.templates.sales_to_cs)).toEqual(
        ['ae', 'csm'],
      );
      expect(points(withMeeting({ participants: ['ae', 'csm'] })).participants).toBe(10);
      expect(points(withMeeting({ participants: ['ae'] })).participants).toBe(5);
      expect(points(withMeeting({ participants: [] })).participants).toBe(0);
    });

    it('does not give points for participants who are not required', () => {
      expect(
        points(
          withMeeting({
            participants: ['ae', 'sales_engineer', 'sales_manager', 'implementation_specialist'],
          }),
        ).participants,
      ).toBe(5);
    });

    it('counts a participant listed twice once', () => {
      expect(points(withMeeting({ participants: ['ae', 'ae'] })).participants).toBe(5);
    });

    it('gives a strategic meeting without the CS manager 6.67 points', () => {
      const result = quality(withMeeting({ participants: ['ae', 'csm'] }, { strategic: true }));
      expect(result.parts.participants.points).toBeCloseTo(6.67, 2);
      expect(result.parts.participants.points).toBeCloseTo(20 / 3, 12);
      expect(result.parts.participants.detail).toBe(
        '2 of 3 required participants (ae, csm, cs_manager)',
      );
    });

    it('gives a strategic meeting with the CS manager 10 points', () => {
      expect(
        points(withMeeting({ participants: ['ae', 'csm', 'cs_manager'] }, { strategic: true }))
          .participants,
      ).toBe(10);
    });

    it('requires the CS manager in a pre_close handoff by its template', () => {
      const doc = completeHandoff({
        handoffType: 'pre_close',
        deal: { id: '9001', strategic: false },
      });
      expect(points(doc).participants).toBeCloseTo(20 / 3, 12);
    });
  });

  describe('agenda (10 × covered / 7)', () => {
    it('gives 10 for all seven segments', () => {
      expect(points(completeHandoff()).agenda).toBe(10);
    });

    it('gives 10 × 3 / 7 for three segments', () => {
      expect(
        points(withMeeting({ agendaCovered: ['customer_overview', 'stakeholders', 'risks'] }))
          .agenda,
      ).toBeCloseTo(30 / 7, 12);
    });

    it('counts a segment listed twice once', () => {
      expect(
        points(withMeeting({ agendaCovered: ['risks', 'risks', 'questions'] })).agenda,
      ).toBeCloseTo(20 / 7, 12);
    });

    it('gives 0 when nothing was covered', () => {
      expect(points(withMeeting({ agendaCovered: [] })).agenda).toBe(0);
    });
  });

  describe('CS questions (10 × answered / asked)', () => {
    it('gives 10 × answered / asked', () => {
      expect(points(withMeeting({ questionsAsked: 4, questionsAnswered: 3 })).questions).toBe(7.5);
      expect(points(withMeeting({ questionsAsked: 8, questionsAnswered: 5 })).questions).toBe(6.25);
    });

    it('gives 10 when the meeting was held and no question was asked', () => {
      const part = quality(withMeeting({ questionsAsked: 0, questionsAnswered: 0 })).parts
        .questions;
      expect(part.points).toBe(10);
      expect(part.detail).toBe('no questions asked');
    });

    it('gives 10 when the meeting was held and the question count was left out', () => {
      expect(points(withMeeting({ questionsAsked: null, questionsAnswered: null })).questions).toBe(
        10,
      );
    });

    it('caps answers at the number of questions asked', () => {
      const part = quality(withMeeting({ questionsAsked: 4, questionsAnswered: 9 })).parts
        .questions;
      expect(part.points).toBe(10);
      expect(part.detail).toBe('4 of 4 questions answered');
    });

    it('gives 0 while no meeting has been held, even with no question asked', () => {
      expect(
        points(withMeeting({ heldAt: null, questionsAsked: 0, questionsAnswered: 0 })).questions,
      ).toBe(0);
    });
  });

  describe('before the meeting is held', () => {
    it('gives participants, agenda, questions and the SLA 0 although they are filled in', () => {
      const result = quality(withMeeting({ heldAt: null }));
      for (const name of ['participants', 'agenda', 'questions', 'handoffWithinSla'] as const) {
        expect(result.parts[name]).toEqual({
          points: 0,
          max: name === 'handoffWithinSla' ? 15 : 10,
          detail: 'no meeting held yet',
        });
      }
    });

    it('gives them 0 when there is no meeting section at all', () => {
      expect(points(completeHandoff({ meeting: null }))).toEqual({
        dealSummary: 15,
        stakeholderMap: 10,
        commitments: 15,
        riskFactors: 10,
        participants: 0,
        agenda: 0,
        questions: 0,
        handoffWithinSla: 0,
        introWithin48h: 5,
      });
    });

    it('still scores the document parts and the intro', () => {
      expect(quality(completeHandoff({ meeting: null })).total).toBe(55);
    });
  });

  describe('handoff within SLA (15 when the meeting is held within 48 h of close)', () => {
    it('gives 15 for a meeting held exactly 48 h after close', () => {
      expect(points(withMeeting({ heldAt: hoursAfterClose(48) })).handoffWithinSla).toBe(15);
    });

    it('gives 0 for a meeting held one second after the 48 h', () => {
      const part = quality(
        withMeeting({ heldAt: new Date(Date.parse(CLOSE) + 48 * HOUR + 1000).toISOString() }),
      ).parts.handoffWithinSla;
      expect(part.points).toBe(0);
      expect(part.detail).toBe('meeting held later than 48 h after close');
    });

    it('gives 15 for a meeting held before the close, as in a pre-close handoff', () => {
      expect(points(withMeeting({ heldAt: hoursAfterClose(-72) })).handoffWithinSla).toBe(15);
    });

    it('gives 15 for a held meeting when the deal has not closed yet', () => {
      expect(
        points(withMeeting({ heldAt: '2026-11-20T13:00:00Z' }, { closedWonAt: null }))
          .handoffWithinSla,
      ).toBe(15);
    });

    it('gives 0 when the deal has not closed and no meeting was held', () => {
      expect(points(withMeeting({ heldAt: null }, { closedWonAt: null })).handoffWithinSla).toBe(0);
    });

    it('compares instants, not wall times', () => {
      // 12:00+02:00 is 10:00Z, exactly 48 h after close.
      expect(points(withMeeting({ heldAt: '2026-11-04T12:00:00+02:00' })).handoffWithinSla).toBe(
        15,
      );
      expect(points(withMeeting({ heldAt: '2026-11-04T10:00:00-01:00' })).handoffWithinSla).toBe(0);
    });

    it('follows the meeting window of the template', () => {
      const policy = policyWith({
        templates: { sales_to_cs: { sla: { handoff_meeting: { hours: 24 } } } },
      });
      expect(points(withMeeting({ heldAt: hoursAfterClose(30) }), policy).handoffWithinSla).toBe(0);
      expect(points(withMeeting({ heldAt: hoursAfterClose(30) })).handoffWithinSla).toBe(15);
    });
  });

  describe('customer intro within 48 h (5 points)', () => {
    function withIntro(
      introSentAt: string | null,
      closedWonAt: string | null = CLOSE,
    ): HandoffDocument {
      return completeHandoff({ timeline: { introSentAt }, deal: { id: '9001', closedWonAt } });
    }

    it('gives 5 for an intro sent exactly 48 h after close', () => {
      expect(points(withIntro(hoursAfterClose(48))).introWithin48h).toBe(5);
    });

    it('gives 0 for an intro sent later', () => {
      expect(points(withIntro(hoursAfterClose(48.5))).introWithin48h).toBe(0);
    });

    it('gives 0 for an intro not sent', () => {
      expect(points(withIntro(null)).introWithin48h).toBe(0);
    });

    it('gives 5 for an intro sent before the close', () => {
      expect(points(withIntro(hoursAfterClose(-1))).introWithin48h).toBe(5);
    });
  });

  describe('total', () => {
    it('rounds the unrounded sum, not the rounded parts', () => {
      // late: 15 + 10 + 7.5 + 10 + 10 + 5.714 + 5 = 63.21; rounding each part first would give 64.
      const result = quality(example('late'));
      expect(sumOf(result)).toBeCloseTo(63.2143, 4);
      expect(result.total).toBe(63);
    });

    it('rounds a sum of exactly x.5 up', () => {
      const doc = handoff({ commitments: [{ description: 'Free onboarding for the front desk' }] });
      expect(sumOf(quality(doc))).toBe(7.5);
      expect(quality(doc).total).toBe(8);
    });

    it('rounds a true half up even when the floating-point sum lands just below it', () => {
      // 15 + 10/3 + 5 + 10 + 10 × 5/12 is exactly 37.5; summed in floating point it is 37.49999999999999.
      const doc = handoff({
        commitments: [
          { description: 'TMS integration', owner: 'Implementation', dueDate: '2026-12-15' },
        ],
        risks: { objections: 'Price' },
        meeting: {
          heldAt: hoursAfterClose(72),
          participants: ['ae'],
          agendaCovered: [
            'customer_overview',
            'stakeholders',
            'objectives',
            'scope_commitments',
            'implementation',
            'risks',
            'questions',
          ],
          questionsAsked: 12,
          questionsAnswered: 5,
        },
      });
      expect(sumOf(quality(doc))).toBeCloseTo(37.5, 10);
      expect(quality(doc).total).toBe(38);
    });

    it('is 0 for a handoff with only a deal', () => {
      expect(quality(handoff())).toMatchObject({ total: 0, band: 'substandard' });
    });
  });

  describe('the examples', () => {
    it.each([
      ['complete', 100, 'excellent'],
      ['strategic', 85, 'good'],
      ['late', 63, 'substandard'],
      ['thin', 16, 'substandard'],
    ] as const)('scores %s %i (%s)', (name, total, band) => {
      const result = quality(example(name));
      expect(result.total).toBe(total);
      expect(result.band).toBe(band);
      expect(result.total).toBe(Math.round(sumOf(result)));
    });

    it('scores strategic part by part: CS manager absent, agenda 5/7, questions 5/8, no close yet, no intro', () => {
      const result = points(example('strategic'));
      expect(result).toEqual({
        dealSummary: 15,
        stakeholderMap: 10,
        commitments: 15,
        riskFactors: 10,
        participants: expect.closeTo(20 / 3, 12),
        agenda: expect.closeTo(50 / 7, 12),
        questions: 6.25,
        handoffWithinSla: 15,
        introWithin48h: 0,
      });
    });

    it('scores thin part by part: no meeting yet', () => {
      expect(points(example('thin'))).toEqual({
        dealSummary: 4.6875,
        stakeholderMap: 0,
        commitments: 7.5,
        riskFactors: expect.closeTo(10 / 3, 12),
        participants: 0,
        agenda: 0,
        questions: 0,
        handoffWithinSla: 0,
        introWithin48h: 0,
      });
    });

    it('scores late part by part: meeting and intro after 48 h, an agenda segment listed twice', () => {
      expect(points(example('late'))).toEqual({
        dealSummary: 15,
        stakeholderMap: 10,
        commitments: 7.5,
        riskFactors: 10,
        participants: 10,
        agenda: expect.closeTo(40 / 7, 12),
        questions: 5,
        handoffWithinSla: 0,
        introWithin48h: 0,
      });
    });
  });

  describe('with business days', () => {
    const businessDays = policyWith({ timeBasis: 'business_days' });
    /** A Friday close: two business days end on Tuesday at the same time. */
    function fridayClose(heldAt: string, holidays?: string[]): [HandoffDocument, Policy] {
      const doc = handoff({
        deal: { id: 'deal-1', closedWonAt: '2026-11-06T17:00:00Z' },
        meeting: { heldAt },
      });
      return [
        doc,
        holidays === undefined
          ? businessDays
          : policyWith({ timeBasis: 'business_days', holidays }),
      ];
    }

    it('counts a Monday meeting after a Friday close as within the SLA, which calendar hours do not', () => {
      const [doc, policy] = fridayClose('2026-11-09T16:00:00Z');
      expect(points(doc).handoffWithinSla).toBe(0);
      expect(points(doc, policy).handoffWithinSla).toBe(15);
    });

    it('ends the window on Tuesday at the time of close, inclusive', () => {
      const [onTime, policy] = fridayClose('2026-11-10T17:00:00Z');
      const [late] = fridayClose('2026-11-10T17:00:01Z');
      expect(points(onTime, policy).handoffWithinSla).toBe(15);
      expect(points(late, policy).handoffWithinSla).toBe(0);
    });

    it('skips a holiday', () => {
      const [doc, policy] = fridayClose('2026-11-11T16:00:00Z', ['2026-11-09']);
      expect(points(doc, policy).handoffWithinSla).toBe(15);
      expect(points(doc, businessDays).handoffWithinSla).toBe(0);
    });

    it('changes only the time-based parts of the late example', () => {
      const calendar = points(example('late'));
      const business = points(example('late'), businessDays);
      expect(business).toEqual({ ...calendar, handoffWithinSla: 15, introWithin48h: 5 });
    });
  });
});

describe('bandOf', () => {
  it.each([
    [100, 'excellent'],
    [90, 'excellent'],
    [89, 'good'],
    [80, 'good'],
    [79, 'acceptable'],
    [70, 'acceptable'],
    [69, 'substandard'],
    [0, 'substandard'],
  ] satisfies [number, QualityBand][])('puts %i in %p', (total, band) => {
    expect(bandOf(total)).toBe(band);
  });
});
