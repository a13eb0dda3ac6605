// Properties over arbitrary valid handoff documents: a handoff starts thin and fills up, with any
// mix of real text, placeholders and absent fields, so the scores and the lifecycle must hold for
// every such document, not only for the examples.
import fc from 'fast-check';
import {
  ACTOR_ROLES,
  AGENDA_SEGMENTS,
  CHURN_RISKS,
  COMMITMENT_STATUSES,
  COMMITMENT_TYPES,
  DEFAULT_POLICY,
  HANDOFF_TYPES,
  MEETING_PARTICIPANTS,
  MILESTONES,
  QUALITY_PARTS,
  RELATIONSHIP_STRENGTHS,
  REVIEW_STATUSES,
  SENTIMENTS,
  STAKEHOLDER_ROLES,
  type Actor,
  type HandoffDocument,
  type HandoffTemplate,
  type HandoffType,
  LIFECYCLE_STATES,
  type LifecycleAction,
  type LifecycleState,
  type StakeholderRole,
  applyAction,
  bandOf,
  calendarOf,
  handoffDocumentSchema,
  lifecycleActionSchema,
  scoreCompleteness,
  scoreQuality,
} from '../../src/core';
import { NOW, exampleJson, policyWith } from '../helpers/handoff-factory';

const RUNS = 300;
const HOUR = 3_600_000;
/** The default calendar, and business days in Berlin with a holiday: windows end differently. */
const calendar = fc.constantFrom(
  calendarOf(DEFAULT_POLICY),
  calendarOf(
    policyWith({ timeBasis: 'business_days', timeZone: 'Europe/Berlin', holidays: ['2026-12-25'] }),
  ),
);

// ---------------------------------------------------------------------------------------------
// Arbitraries

const REAL_TEXT = fc.constantFrom(
  'Regional freight carrier, 1,200 trucks',
  'Logistics',
  'Halve late deliveries by Q3',
  'SOC 2 reviewed; SSO required',
  'Dispatch runs on spreadsheets\nNobody sees why',
  'N/A',
  'n/a',
  'Annual in advance, net 30',
  'Dana Whitfield',
  'COO',
);
const PLACEHOLDER = fc.constantFrom(
  'TBD',
  'tbd',
  'TODO',
  'TBC after pilot',
  '?',
  '-',
  '...',
  'n/a?',
  '   ',
  '',
);
const text = fc.oneof(REAL_TEXT, PLACEHOLDER, fc.string({ maxLength: 8 }), fc.constant(null));

const FIRST_INSTANT = Date.parse('2026-10-01T00:00:00Z');
const LAST_INSTANT = Date.parse('2027-01-31T00:00:00Z');
const instant = fc
  .integer({ min: FIRST_INSTANT / 60_000, max: LAST_INSTANT / 60_000 })
  .map((minutes) => new Date(minutes * 60_000).toISOString());
const dateOnly = instant.map((iso) => iso.slice(0, 10));
const date = fc.oneof(dateOnly, PLACEHOLDER, fc.constant(null));
const email = fc.oneof(
  fc.constantFrom('dana@northwind.example', 'lee.ortega@northwind.example'),
  PLACEHOLDER,
  fc.constant(null),
);
const money = fc.oneof(fc.integer({ min: 0, max: 2_000_000 }), fc.constant(null));
const choice = <T extends string>(values: readonly T[]) =>
  fc.oneof(fc.constantFrom(...values), fc.constant(''), fc.constant(null));

const OWNER_IDS = ['ae-1', 'ae-2', 'sdr-1'] as const;
const PEOPLE_IDS = ['ae-1', 'ae-2', 'sdr-1', 'csm-1', 'csmgr-1', 'ops-1', 'rep-9'] as const;

const stakeholder = fc.record(
  {
    role: fc.constantFrom(...STAKEHOLDER_ROLES),
    name: text,
    title: text,
    email,
    objectives: text,
    communicationPreference: text,
    relationshipStrength: choice(RELATIONSHIP_STRENGTHS),
    sentiment: choice(SENTIMENTS),
  },
  { requiredKeys: ['role'] },
);

const commitment = fc.record(
  {
    id: text,
    type: choice(COMMITMENT_TYPES),
    description: text,
    owner: text,
    dueDate: date,
    inContract: fc.option(fc.boolean(), { nil: null }),
    status: choice(COMMITMENT_STATUSES),
  },
  { requiredKeys: [] },
);

const meeting = fc.record(
  {
    heldAt: fc.option(instant, { nil: null }),
    participants: fc.array(fc.constantFrom(...MEETING_PARTICIPANTS), { maxLength: 8 }),
    agendaCovered: fc.array(fc.constantFrom(...AGENDA_SEGMENTS), { maxLength: 9 }),
    questionsAsked: fc.nat({ max: 12 }),
    questionsAnswered: fc.nat({ max: 14 }),
  },
  { requiredKeys: [] },
);

const timeline = fc.record(
  {
    submittedAt: instant,
    acceptedAt: instant,
    introSentAt: instant,
    firstCsContactAt: instant,
    csPrepDoneAt: instant,
    kickoffScheduledAt: instant,
    kickoffHeldAt: instant,
    completedAt: instant,
  },
  { requiredKeys: [] },
);

const review = fc.record(
  {
    status: fc.constantFrom(...REVIEW_STATUSES),
    gaps: fc.array(fc.constantFrom('stakeholders.champion', 'Who signs the SOW?'), {
      maxLength: 2,
    }),
    rejections: fc.nat({ max: 3 }),
    returnedAt: instant,
    approvedAt: instant,
    csRating: fc.integer({ min: 1, max: 5 }),
  },
  { requiredKeys: [] },
);

const documentInput = fc.record(
  {
    handoffType: fc.constantFrom(...HANDOFF_TYPES),
    deal: fc.record(
      {
        id: fc.constantFrom('9001', 'deal-1', 'D-77'),
        name: text,
        amount: money,
        currency: fc.constantFrom('USD', 'EUR'),
        closedWonAt: fc.option(instant, { nil: null }),
        ownerId: fc.oneof(fc.constantFrom(...OWNER_IDS), fc.constant(null)),
        strategic: fc.boolean(),
      },
      { requiredKeys: ['id'] },
    ),
    customerContext: fc.record(
      {
        companyOverview: text,
        industry: text,
        size: text,
        businessChallenge: text,
        purchaseContext: text,
        whyUs: text,
        whyNow: text,
        alternativesEvaluated: text,
      },
      { requiredKeys: [] },
    ),
    stakeholders: fc.array(stakeholder, { maxLength: 6 }),
    objectives: fc.record(
      { primaryObjective: text, successCriteria: text, roiExpectation: text, personalWins: text },
      { requiredKeys: [] },
    ),
    commitments: fc.array(commitment, { maxLength: 4 }),
    technical: fc.record(
      {
        environment: text,
        integrations: text,
        dataMigration: text,
        securityCompliance: text,
        validationStatus: text,
      },
      { requiredKeys: [] },
    ),
    implementation: fc.record(
      {
        startDate: date,
        goLiveDate: date,
        milestones: fc.array(fc.record({ name: text, date }, { requiredKeys: [] }), {
          maxLength: 3,
        }),
        customerResources: text,
        dependencies: text,
        timelineRisks: text,
      },
      { requiredKeys: [] },
    ),
    commercial: fc.record(
      { contractValue: money, discount: text, paymentTerms: text, specialTerms: text },
      { requiredKeys: [] },
    ),
    risks: fc.record(
      {
        objections: text,
        howHandled: text,
        remainingConcerns: text,
        churnIndicators: text,
        churnRisk: choice(CHURN_RISKS),
      },
      { requiredKeys: [] },
    ),
    meeting: fc.option(meeting, { nil: null }),
    timeline,
    review,
  },
  { requiredKeys: ['handoffType', 'deal'] },
);

/** Any valid document; parsing here makes a generator mistake fail loudly, not pass silently. */
const anyDocument: fc.Arbitrary<HandoffDocument> = documentInput.map((input) =>
  handoffDocumentSchema.parse(input),
);

type ActionType = LifecycleAction['type'];

/** Where each action can apply, so that runs reach the transitions and not only refusals. */
const STAGES_FOR: Record<ActionType, { stages: LifecycleState[]; types: HandoffType[] }> = {
  approve: { stages: ['pending_approval'], types: ['pre_close'] },
  submit: { stages: ['draft', 'needs_revision', 'rejected'], types: [...HANDOFF_TYPES] },
  accept: { stages: ['submitted'], types: [...HANDOFF_TYPES] },
  return: { stages: ['submitted'], types: [...HANDOFF_TYPES] },
  arbitrate: { stages: ['submitted', 'needs_revision', 'rejected'], types: [...HANDOFF_TYPES] },
  record_meeting: { stages: ['draft', 'submitted', 'accepted'], types: [...HANDOFF_TYPES] },
  mark: { stages: ['accepted', 'meeting_held', 'kickoff_scheduled'], types: [...HANDOFF_TYPES] },
  complete: { stages: ['kickoff_held'], types: [...HANDOFF_TYPES] },
};

/** The review, timeline and meeting of a handoff that has reached `stage`, plus random extras. */
function stamped(
  stage: LifecycleState,
  at: readonly string[],
  extras: Partial<Record<string, string>>,
) {
  const reached = (s: LifecycleState) =>
    LIFECYCLE_STATES.indexOf(stage) >= LIFECYCLE_STATES.indexOf(s);
  const returned = stage === 'needs_revision' || stage === 'rejected';
  const accepted = reached('accepted');
  return {
    review: {
      status: returned ? stage : accepted ? 'accepted' : 'pending',
      ...(stage === 'pending_approval' ? {} : { approvedAt: at[0] }),
      ...(returned ? { returnedAt: at[2], rejections: 1, gaps: ['stakeholders.champion'] } : {}),
    },
    timeline: {
      ...extras,
      ...(reached('submitted') ? { submittedAt: at[1] } : {}),
      ...(accepted ? { acceptedAt: at[2] } : {}),
      ...(reached('kickoff_scheduled') ? { kickoffScheduledAt: at[4] } : {}),
      ...(reached('kickoff_held') ? { kickoffHeldAt: at[5] } : {}),
      ...(reached('completed') ? { completedAt: at[6] } : {}),
    },
    meeting: reached('meeting_held') ? { heldAt: at[3], participants: ['ae', 'csm'] } : null,
  };
}

/**
 * The complete example at a given point of its lifecycle: random documents are rarely complete
 * enough to submit, so the lifecycle property also starts from a full one.
 */
function completeAt(
  stages: readonly LifecycleState[],
  types: readonly HandoffType[],
): fc.Arbitrary<HandoffDocument> {
  const pastInstant = fc
    .integer({ min: FIRST_INSTANT / 60_000, max: NOW / 60_000 })
    .map((minutes) => new Date(minutes * 60_000).toISOString());
  return fc
    .record({
      handoffType: fc.constantFrom(...types),
      stage: fc.constantFrom(...stages),
      ownerId: fc.oneof(fc.constantFrom(...OWNER_IDS), fc.constant(null)),
      closedWonAt: fc.option(pastInstant, { nil: null }),
      at: fc.array(pastInstant, { minLength: 7, maxLength: 7 }).map((list) => list.sort()),
      extras: fc.record(
        { introSentAt: pastInstant, firstCsContactAt: pastInstant, csPrepDoneAt: pastInstant },
        { requiredKeys: [] },
      ),
    })
    .map(({ handoffType, stage, ownerId, closedWonAt, at, extras }) => {
      const base = exampleJson('complete') as { deal: Record<string, unknown> };
      return handoffDocumentSchema.parse({
        ...base,
        ...stamped(stage, at, extras),
        handoffType,
        deal: { ...base.deal, ownerId, closedWonAt },
      });
    });
}

// ---------------------------------------------------------------------------------------------
// Filling one item with a real value

/** A closing date later than every instant the generators produce: a pre-close handoff signs last. */
const LATE_CLOSE = '2027-06-30T00:00:00Z';

type TextSection =
  'customerContext' | 'objectives' | 'technical' | 'implementation' | 'commercial' | 'risks';

function realValue(path: string): string | number {
  switch (path) {
    case 'commercial.contractValue':
      return 50_000;
    case 'implementation.startDate':
    case 'implementation.goLiveDate':
      return '2026-12-01';
    case 'risks.churnRisk':
      return 'medium';
    default:
      return 'Filled in by the AE';
  }
}

function fillItem(doc: HandoffDocument, path: string): HandoffDocument {
  const [section, field] = path.split('.') as [string, string];
  const commitments = doc.commitments ?? [];
  let next: HandoffDocument;
  if (path === 'deal.closedWonAt') {
    next = { ...doc, deal: { ...doc.deal, closedWonAt: LATE_CLOSE } };
  } else if (path === 'deal.amount') {
    next = { ...doc, deal: { ...doc.deal, amount: 50_000 } };
  } else if (section === 'deal') {
    next = { ...doc, deal: { ...doc.deal, [field]: 'Filled in by the AE' } };
  } else if (section === 'stakeholders') {
    const added = { role: field as StakeholderRole, name: 'Alex Rivera', title: 'VP Operations' };
    next = { ...doc, stakeholders: [...(doc.stakeholders ?? []), added] };
  } else if (path === 'commitments.described') {
    next = {
      ...doc,
      commitments:
        commitments.length === 0
          ? [{ description: 'Weekly check-ins for 90 days' }]
          : commitments.map((c, i) =>
              i === 0 ? { ...c, description: 'Weekly check-ins for 90 days' } : c,
            ),
    };
  } else if (path === 'commitments.ownersAndDueDates') {
    const owned = { owner: 'CSM', dueDate: '2026-12-15' };
    next = {
      ...doc,
      commitments:
        commitments.length === 0 ? [owned] : commitments.map((c) => ({ ...c, ...owned })),
    };
  } else if (path === 'implementation.milestones') {
    const milestones = [
      ...(doc.implementation?.milestones ?? []),
      { name: 'Pilot live', date: '2026-12-01' },
    ];
    next = { ...doc, implementation: { ...doc.implementation, milestones } };
  } else {
    const key = section as TextSection;
    next = { ...doc, [key]: { ...doc[key], [field]: realValue(path) } };
  }
  return handoffDocumentSchema.parse(next);
}

function templateOf(doc: HandoffDocument): HandoffTemplate {
  return DEFAULT_POLICY.templates[doc.handoffType];
}

// ---------------------------------------------------------------------------------------------
// Lifecycle actions and the people who take them

const action: fc.Arbitrary<LifecycleAction> = fc
  .oneof(
    fc.constant({ type: 'approve' }),
    fc.constant({ type: 'submit' }),
    fc.constant({ type: 'accept' }),
    fc.record({
      type: fc.constant('return'),
      decision: fc.constantFrom('needs_revision', 'rejected'),
      gaps: fc.array(
        fc.constantFrom(
          'stakeholders.champion',
          ' Who signs the SOW? ',
          'objectives.roiExpectation',
        ),
        {
          minLength: 1,
          maxLength: 3,
        },
      ),
    }),
    fc.record({ type: fc.constant('arbitrate'), outcome: fc.constant('accepted') }),
    fc.record({
      type: fc.constant('record_meeting'),
      meeting: fc.record(
        {
          heldAt: instant,
          participants: fc.array(fc.constantFrom(...MEETING_PARTICIPANTS), { maxLength: 4 }),
          agendaCovered: fc.array(fc.constantFrom(...AGENDA_SEGMENTS), { maxLength: 7 }),
          questionsAsked: fc.nat({ max: 5 }),
          questionsAnswered: fc.nat({ max: 5 }),
        },
        { requiredKeys: ['heldAt'] },
      ),
    }),
    fc.record(
      { type: fc.constant('mark'), milestone: fc.constantFrom(...MILESTONES), at: instant },
      { requiredKeys: ['type', 'milestone'] },
    ),
    fc.constant({ type: 'complete' }),
  )
  .map((input) => lifecycleActionSchema.parse(input));

type Side = 'sender' | 'receiver' | 'approver' | 'arbiter';

/** The side of the handoff that takes an action. */
function sideOf(act: LifecycleAction): Side {
  switch (act.type) {
    case 'approve':
      return 'approver';
    case 'arbitrate':
      return 'arbiter';
    case 'submit':
    case 'record_meeting':
      return 'sender';
    case 'mark':
      return act.milestone === 'intro_sent' ? 'sender' : 'receiver';
    case 'accept':
    case 'return':
    case 'complete':
      return 'receiver';
  }
}

/**
 * Who acts: anyone at all, or someone on the side that takes the action. Random people are
 * mostly refused, so most runs pick a person who may act, to exercise the transitions as well.
 */
const actorChoice: fc.Arbitrary<Actor | 'fitting'> = fc.oneof(
  {
    weight: 1,
    arbitrary: fc.record({
      id: fc.constantFrom(...PEOPLE_IDS),
      role: fc.constantFrom(...ACTOR_ROLES),
    }),
  },
  { weight: 2, arbitrary: fc.constant('fitting' as const) },
);

function resolveActor(
  choice: Actor | 'fitting',
  act: LifecycleAction,
  doc: HandoffDocument,
): Actor {
  if (choice !== 'fitting') return choice;
  const template = templateOf(doc);
  switch (sideOf(act)) {
    case 'sender':
      return { id: doc.deal.ownerId ?? 'ae-1', role: template.senderRoles[0]! };
    case 'receiver':
      return { id: 'rep-9', role: template.receiverRoles[0]! };
    case 'approver':
      return { id: 'csmgr-1', role: template.approverRoles[0] ?? 'cs_manager' };
    case 'arbiter':
      return { id: 'ops-1', role: template.arbiterRoles[0]! };
  }
}

// ---------------------------------------------------------------------------------------------

describe('scores over arbitrary handoff documents', () => {
  it('keeps completeness a whole number from 0 to 100 that agrees with its missing list', () => {
    fc.assert(
      fc.property(anyDocument, (doc) => {
        const completeness = scoreCompleteness(doc, templateOf(doc));
        expect(Number.isInteger(completeness.score)).toBe(true);
        expect(completeness.score).toBeGreaterThanOrEqual(0);
        expect(completeness.score).toBeLessThanOrEqual(100);
        expect(completeness.filled + completeness.missing.length).toBe(completeness.required);
        expect(completeness.score).toBe(
          Math.round((100 * completeness.filled) / completeness.required),
        );
      }),
      { numRuns: RUNS },
    );
  });

  it('keeps quality a whole number from 0 to 100 with every part within its maximum', () => {
    fc.assert(
      fc.property(anyDocument, calendar, (doc, cal) => {
        const quality = scoreQuality(doc, templateOf(doc), cal);
        expect(Number.isInteger(quality.total)).toBe(true);
        expect(quality.total).toBeGreaterThanOrEqual(0);
        expect(quality.total).toBeLessThanOrEqual(100);
        expect(quality.band).toBe(bandOf(quality.total));
        expect(Object.keys(quality.parts).sort()).toEqual([...QUALITY_PARTS].sort());
        for (const part of Object.values(quality.parts)) {
          expect(part.points).toBeGreaterThanOrEqual(0);
          expect(part.points).toBeLessThanOrEqual(part.max);
        }
        const maxima = Object.values(quality.parts).reduce((sum, part) => sum + part.max, 0);
        expect(maxima).toBe(100);
      }),
      { numRuns: RUNS },
    );
  });

  it('scores a meeting that has not been held as 0 for participants, agenda and questions', () => {
    fc.assert(
      fc.property(anyDocument, calendar, (doc, cal) => {
        fc.pre(!doc.meeting?.heldAt);
        const { parts } = scoreQuality(doc, templateOf(doc), cal);
        expect([parts.participants.points, parts.agenda.points, parts.questions.points]).toEqual([
          0, 0, 0,
        ]);
      }),
      { numRuns: RUNS },
    );
  });

  it('never lowers completeness or quality when a missing item is filled in', () => {
    fc.assert(
      fc.property(anyDocument, calendar, (doc, cal) => {
        const template = templateOf(doc);
        const before = scoreCompleteness(doc, template);
        const qualityBefore = scoreQuality(doc, template, cal).total;
        for (const item of before.missing) {
          const filled = fillItem(doc, item.path);
          const after = scoreCompleteness(filled, template);
          expect(after.missing.map((m) => m.path)).not.toContain(item.path);
          expect(after.filled).toBe(before.filled + 1);
          expect(after.score).toBeGreaterThanOrEqual(before.score);
          expect(scoreQuality(filled, template, cal).total).toBeGreaterThanOrEqual(qualityBefore);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('reaches 100% completeness by filling every missing item in turn', () => {
    fc.assert(
      fc.property(anyDocument, (doc) => {
        const template = templateOf(doc);
        const full = scoreCompleteness(doc, template).missing.reduce(
          (d, item) => fillItem(d, item.path),
          doc,
        );
        expect(scoreCompleteness(full, template).score).toBe(100);
      }),
      { numRuns: RUNS },
    );
  });
});

describe('lifecycle actions over arbitrary handoff documents', () => {
  it.each([
    'approve',
    'submit',
    'accept',
    'return',
    'arbitrate',
    'record_meeting',
    'mark',
    'complete',
  ] as const)('refuses %s a second time or changes nothing', (type) => {
    let changedOnce = 0;
    const target = STAGES_FOR[type];
    fc.assert(
      fc.property(
        fc.oneof(
          anyDocument,
          completeAt(LIFECYCLE_STATES, HANDOFF_TYPES),
          completeAt(target.stages, target.types),
        ),
        action.filter((a) => a.type === type),
        actorChoice,
        fc.integer({ min: 0, max: 48 }),
        (doc, act, who, laterHours) => {
          const actor = resolveActor(who, act, doc);
          const first = applyAction(doc, act, { actor, now: NOW, policy: DEFAULT_POLICY });
          if (!first.ok || !first.changed) return;
          changedOnce++;
          for (const now of [NOW, NOW + laterHours * HOUR]) {
            const second = applyAction(first.document, act, { actor, now, policy: DEFAULT_POLICY });
            if (second.ok) {
              expect(second.changed).toBe(false);
              expect(second.document).toEqual(first.document);
              expect(second.events).toEqual([]);
            }
          }
        },
      ),
      { numRuns: RUNS },
    );
    // The property must not hold only because every first application was refused.
    expect(changedOnce).toBeGreaterThan(0);
  });
});
