import {
  type Actor,
  DEFAULT_POLICY,
  type HandoffDocument,
  LIFECYCLE_STATES,
  type LifecycleAction,
  type LifecycleState,
  MS_PER_HOUR,
  type Policy,
  type TransitionResult,
  availableActions,
  applyAction,
  nextAction,
  ownershipOf,
  stateOf,
} from '../../src/core';
import { completeHandoff, example, policyWith } from '../helpers/handoff-factory';

type Applied = Extract<TransitionResult, { ok: true }>;
type Refused = Extract<TransitionResult, { ok: false }>;

const ae: Actor = { id: 'ae-101', role: 'ae' }; // owns the complete example's deal
const otherAe: Actor = { id: 'ae-999', role: 'ae' };
const salesManager: Actor = { id: 'sm-401', role: 'sales_manager' };
const csm: Actor = { id: 'csm-201', role: 'csm' };
const csManager: Actor = { id: 'csmgr-301', role: 'cs_manager' };
const csOps: Actor = { id: 'ops-501', role: 'cs_ops' };

const at = (iso: string) => Date.parse(iso);
const SUBMIT_AT = at('2026-11-02T14:00:00Z');
const ACCEPT_AT = at('2026-11-03T09:00:00Z');
const RETURN_AT = at('2026-11-03T09:00:00Z');
const MEETING_HELD = '2026-11-03T15:00:00.000Z';
const RECORD_AT = at('2026-11-03T16:00:00Z');
const SCHEDULE_AT = at('2026-11-05T11:00:00Z');
const KICKOFF_AT = at('2026-11-10T15:00:00Z');
const COMPLETE_AT = at('2026-12-01T10:00:00Z');

const SUBMIT: LifecycleAction = { type: 'submit' };
const ACCEPT: LifecycleAction = { type: 'accept' };
const APPROVE: LifecycleAction = { type: 'approve' };
const NEEDS_REVISION: LifecycleAction = {
  type: 'return',
  decision: 'needs_revision',
  gaps: ['Who is the technical lead?'],
};
const REJECT: LifecycleAction = {
  type: 'return',
  decision: 'rejected',
  gaps: ['commitments.ownersAndDueDates'],
};
const MEETING_NOTES = {
  heldAt: MEETING_HELD,
  participants: ['ae', 'csm'],
  agendaCovered: ['customer_overview'],
  questionsAsked: 2,
  questionsAnswered: 2,
} satisfies Extract<LifecycleAction, { type: 'record_meeting' }>['meeting'];
const MEETING: LifecycleAction = { type: 'record_meeting', meeting: MEETING_NOTES };
const mark = (
  milestone: Extract<LifecycleAction, { type: 'mark' }>['milestone'],
  when?: string,
): LifecycleAction =>
  when === undefined ? { type: 'mark', milestone } : { type: 'mark', milestone, at: when };

function apply(
  doc: HandoffDocument,
  action: LifecycleAction,
  actor: Actor,
  now: number,
  policy: Policy = DEFAULT_POLICY,
) {
  return applyAction(doc, action, { actor, now, policy });
}

function applied(result: TransitionResult): Applied {
  if (!result.ok) throw new Error(`refused (${result.code}): ${result.reason}`);
  return result;
}

function refused(result: TransitionResult): Refused {
  if (result.ok) throw new Error(`expected a refusal, got state ${result.state}`);
  return result;
}

// Instants are compared as instants, whatever ISO spelling (with or without milliseconds) the core writes.
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
function canonical(value: unknown): unknown {
  if (typeof value === 'string' && ISO_INSTANT.test(value)) return new Date(value).toISOString();
  if (Array.isArray(value)) return value.map(canonical);
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, canonical(entry)]));
  }
  return value;
}
const iso = (instant: number) => new Date(instant).toISOString();

const salesToCs = DEFAULT_POLICY.templates.sales_to_cs;

/** The complete example before anything happened to it: a draft of a 100 % complete handoff. */
const draft = () => completeHandoff({ meeting: null, timeline: null, review: null });
const submitted = () => applied(apply(draft(), SUBMIT, ae, SUBMIT_AT)).document;
const accepted = () => applied(apply(submitted(), ACCEPT, csm, ACCEPT_AT)).document;
const returned = (action: LifecycleAction = NEEDS_REVISION) =>
  applied(apply(submitted(), action, csm, RETURN_AT)).document;
const kickoffScheduled = () =>
  applied(apply(accepted(), mark('kickoff_scheduled'), csm, SCHEDULE_AT)).document;

describe('applyAction through the whole lifecycle', () => {
  it('starts as a draft that the AE owns', () => {
    const state = stateOf(draft(), salesToCs);
    expect(state).toBe('draft');
    expect(ownershipOf(state, salesToCs)).toEqual({
      side: 'sender',
      owner: 'AE',
      statement: 'AE owns the customer until CS accepts',
    });
  });

  it('submits a draft, stamping when and saying how complete it was', () => {
    const result = applied(apply(draft(), SUBMIT, ae, SUBMIT_AT));
    expect(result.state).toBe('submitted');
    expect(result.changed).toBe(true);
    expect(canonical(result.events)).toEqual([
      {
        type: 'handoff.submitted',
        completeness: 100,
        resubmission: false,
        at: iso(SUBMIT_AT),
        actor: ae,
        from: 'draft',
        to: 'submitted',
      },
    ]);
    expect(canonical(result.document.timeline?.submittedAt)).toBe(iso(SUBMIT_AT));
    expect(result.document.review?.status).toBe('pending');
  });

  it('keeps the AE the owner while the handoff waits for CS', () => {
    expect(ownershipOf(stateOf(submitted(), salesToCs), salesToCs).statement).toBe(
      'AE owns the customer until CS accepts',
    );
  });

  it('accepts a submitted handoff, stamping who and when, and hands the customer to CS', () => {
    const result = applied(apply(submitted(), ACCEPT, csm, ACCEPT_AT));
    expect(result.state).toBe('accepted');
    const stamp = { at: iso(ACCEPT_AT), actor: csm, from: 'submitted', to: 'accepted' };
    expect(canonical(result.events)).toEqual([
      { type: 'handoff.accepted', arbitrated: false, ...stamp },
      { type: 'ownership.transferred', fromSide: 'sender', toSide: 'receiver', ...stamp },
    ]);
    expect(canonical(result.document.timeline?.acceptedAt)).toBe(iso(ACCEPT_AT));
    expect(result.document.review).toMatchObject({
      status: 'accepted',
      acceptedBy: 'csm-201',
      decidedBy: 'csm-201',
    });
    expect(ownershipOf(result.state, salesToCs)).toEqual({
      side: 'receiver',
      owner: 'CS',
      statement: 'CS owns the customer (accepted from AE)',
    });
  });

  it('moves to meeting_held when the handoff meeting is recorded', () => {
    const result = applied(apply(accepted(), MEETING, ae, RECORD_AT));
    expect(result.state).toBe('meeting_held');
    expect(canonical(result.events)).toEqual([
      {
        type: 'meeting.recorded',
        heldAt: MEETING_HELD,
        at: iso(RECORD_AT),
        actor: ae,
        from: 'accepted',
        to: 'meeting_held',
      },
    ]);
    expect(result.document.meeting).toEqual(MEETING_NOTES);
  });

  it('moves to kickoff_scheduled, then kickoff_held, as CS marks the milestones', () => {
    const withMeeting = applied(apply(accepted(), MEETING, ae, RECORD_AT)).document;
    const scheduled = applied(apply(withMeeting, mark('kickoff_scheduled'), csm, SCHEDULE_AT));
    expect(scheduled.state).toBe('kickoff_scheduled');
    expect(canonical(scheduled.events)).toEqual([
      {
        type: 'milestone.recorded',
        milestone: 'kickoff_scheduled',
        recordedAt: iso(SCHEDULE_AT),
        at: iso(SCHEDULE_AT),
        actor: csm,
        from: 'meeting_held',
        to: 'kickoff_scheduled',
      },
    ]);

    const held = applied(
      apply(
        scheduled.document,
        mark('kickoff_held', '2026-11-10T15:00:00Z'),
        csm,
        KICKOFF_AT + MS_PER_HOUR,
      ),
    );
    expect(held.state).toBe('kickoff_held');
    expect(canonical(held.events)).toEqual([
      {
        type: 'milestone.recorded',
        milestone: 'kickoff_held',
        recordedAt: iso(KICKOFF_AT),
        at: iso(KICKOFF_AT + MS_PER_HOUR),
        actor: csm,
        from: 'kickoff_scheduled',
        to: 'kickoff_held',
      },
    ]);
    expect(canonical(held.document.timeline?.kickoffHeldAt)).toBe(iso(KICKOFF_AT));
  });

  it('completes a handoff whose kickoff is held, leaving CS the owner', () => {
    const kickoffHeld = applied(
      apply(kickoffScheduled(), mark('kickoff_held'), csm, KICKOFF_AT),
    ).document;
    const result = applied(apply(kickoffHeld, { type: 'complete' }, csManager, COMPLETE_AT));
    expect(result.state).toBe('completed');
    expect(canonical(result.events)).toEqual([
      {
        type: 'handoff.completed',
        at: iso(COMPLETE_AT),
        actor: csManager,
        from: 'kickoff_held',
        to: 'completed',
      },
    ]);
    expect(canonical(result.document.timeline?.completedAt)).toBe(iso(COMPLETE_AT));
    expect(ownershipOf(result.state, salesToCs).side).toBe('receiver');
  });

  it('refuses to complete before the kickoff is held', () => {
    const refusal = refused(apply(kickoffScheduled(), { type: 'complete' }, csm, COMPLETE_AT));
    expect(refusal).toEqual({
      ok: false,
      code: 'invalid_state',
      reason: 'cannot complete a handoff that is kickoff scheduled; the kickoff must be held first',
    });
  });

  it('leaves the document it was given untouched', () => {
    const before = draft();
    const copy = structuredClone(before);
    applied(apply(before, SUBMIT, ae, SUBMIT_AT));
    expect(before).toEqual(copy);
  });
});

describe('ownershipOf', () => {
  const senderStates: LifecycleState[] = [
    'pending_approval',
    'draft',
    'submitted',
    'needs_revision',
    'rejected',
  ];

  it.each(LIFECYCLE_STATES.map((state) => [state]))('says who owns the customer in %s', (state) => {
    const ownership = ownershipOf(state, salesToCs);
    if (senderStates.includes(state)) {
      expect(ownership).toEqual({
        side: 'sender',
        owner: 'AE',
        statement: 'AE owns the customer until CS accepts',
      });
    } else {
      expect(ownership).toEqual({
        side: 'receiver',
        owner: 'CS',
        statement: 'CS owns the customer (accepted from AE)',
      });
    }
  });
});

describe('applyAction submit', () => {
  it('refuses a handoff below the minimum completeness, quoting the numbers', () => {
    const thin = example('thin');
    expect(refused(apply(thin, SUBMIT, { id: 'ae-102', role: 'ae' }, SUBMIT_AT))).toEqual({
      ok: false,
      code: 'incomplete',
      reason: 'completeness is 28%, and submitting needs 80%: fill in 18 missing item(s) first',
    });
  });

  it('submits a handoff at exactly the minimum completeness', () => {
    // Without technical (3 items) and commercial (2 items): 20 of 25 = 80 %.
    const atMinimum = completeHandoff({
      technical: null,
      commercial: null,
      meeting: null,
      timeline: null,
      review: null,
    });
    const result = applied(apply(atMinimum, SUBMIT, ae, SUBMIT_AT));
    expect(result.events).toMatchObject([{ type: 'handoff.submitted', completeness: 80 }]);
  });

  it('refuses a handoff one item short of the minimum', () => {
    const belowMinimum = completeHandoff({
      technical: null,
      commercial: null,
      implementation: { startDate: '2026-11-16', goLiveDate: '2027-02-15' },
      meeting: null,
      timeline: null,
      review: null,
    });
    const refusal = refused(apply(belowMinimum, SUBMIT, ae, SUBMIT_AT));
    expect(refusal.code).toBe('incomplete');
    expect(refusal.reason).toBe(
      'completeness is 76%, and submitting needs 80%: fill in 6 missing item(s) first',
    );
  });

  it('follows the minimum the policy sets', () => {
    const policy = policyWith({ templates: { sales_to_cs: { minimumCompleteness: 25 } } });
    const result = applied(
      apply(example('thin'), SUBMIT, { id: 'ae-102', role: 'ae' }, SUBMIT_AT, policy),
    );
    expect(result.state).toBe('submitted');
    expect(result.events).toMatchObject([{ type: 'handoff.submitted', completeness: 28 }]);
  });

  it('refuses a CSM', () => {
    expect(refused(apply(draft(), SUBMIT, csm, SUBMIT_AT))).toEqual({
      ok: false,
      code: 'forbidden',
      reason: 'only the sending side (ae or sales_manager) can do this',
    });
  });

  it('refuses an AE who does not own the deal', () => {
    expect(refused(apply(draft(), SUBMIT, otherAe, SUBMIT_AT))).toEqual({
      ok: false,
      code: 'forbidden',
      reason: 'only the deal owner or their manager can do this',
    });
  });

  it('lets a sales manager submit for their AE', () => {
    const result = applied(apply(draft(), SUBMIT, salesManager, SUBMIT_AT));
    expect(result.state).toBe('submitted');
    expect(result.events[0]?.actor).toEqual(salesManager);
  });

  it('refuses to submit twice', () => {
    expect(refused(apply(submitted(), SUBMIT, ae, SUBMIT_AT + MS_PER_HOUR))).toEqual({
      ok: false,
      code: 'invalid_state',
      reason: 'cannot submit a handoff that is submitted; it has already been submitted',
    });
  });

  it('refuses to submit an accepted handoff', () => {
    expect(refused(apply(accepted(), SUBMIT, ae, ACCEPT_AT + MS_PER_HOUR)).code).toBe(
      'invalid_state',
    );
  });
});

describe('applyAction accept', () => {
  it('lets a CS manager accept, stamped with their id', () => {
    const result = applied(apply(submitted(), ACCEPT, csManager, ACCEPT_AT));
    expect(result.document.review?.acceptedBy).toBe('csmgr-301');
  });

  it.each([
    ['the AE', ae],
    ['a sales manager', salesManager],
  ])('refuses %s', (_who, actor) => {
    expect(refused(apply(submitted(), ACCEPT, actor, ACCEPT_AT))).toEqual({
      ok: false,
      code: 'forbidden',
      reason: 'only the receiving side (csm or cs_manager) can do this',
    });
  });

  it('refuses a draft that was never submitted', () => {
    expect(refused(apply(draft(), ACCEPT, csm, ACCEPT_AT))).toEqual({
      ok: false,
      code: 'invalid_state',
      reason: 'cannot accept a handoff that is draft; only a submitted handoff can be accepted',
    });
  });

  it('refuses to accept twice', () => {
    expect(refused(apply(accepted(), ACCEPT, csm, ACCEPT_AT + MS_PER_HOUR))).toEqual({
      ok: false,
      code: 'invalid_state',
      reason: 'cannot accept a handoff that is accepted; only a submitted handoff can be accepted',
    });
  });
});

describe('applyAction return', () => {
  it('returns a handoff for revision with the named gaps and a fix due in 24 h', () => {
    const result = applied(apply(submitted(), NEEDS_REVISION, csm, RETURN_AT));
    expect(result.state).toBe('needs_revision');
    expect(canonical(result.events)).toEqual([
      {
        type: 'handoff.returned',
        decision: 'needs_revision',
        gaps: ['Who is the technical lead?'],
        returns: 1,
        fixDueAt: iso(RETURN_AT + 24 * MS_PER_HOUR),
        at: iso(RETURN_AT),
        actor: csm,
        from: 'submitted',
        to: 'needs_revision',
      },
    ]);
    expect(canonical(result.document.review)).toEqual({
      status: 'needs_revision',
      gaps: ['Who is the technical lead?'],
      rejections: 1,
      returnedAt: iso(RETURN_AT),
      decidedBy: 'csm-201',
    });
  });

  it('does not escalate the first return', () => {
    const result = applied(apply(submitted(), REJECT, csm, RETURN_AT));
    expect(result.events.map((event) => event.type)).toEqual(['handoff.returned']);
    expect(result.document.review?.escalatedAt).toBeUndefined();
  });

  it('gives both a revision request and a rejection back to the AE', () => {
    for (const [action, state] of [
      [NEEDS_REVISION, 'needs_revision'],
      [REJECT, 'rejected'],
    ] as const) {
      const doc = returned(action);
      expect(stateOf(doc, salesToCs)).toBe(state);
      expect(ownershipOf(state, salesToCs).statement).toBe('AE owns the customer until CS accepts');
      const resubmitted = applied(apply(doc, SUBMIT, ae, RETURN_AT + 5 * MS_PER_HOUR));
      expect(resubmitted.state).toBe('submitted');
    }
  });

  it('trims and de-duplicates the gaps', () => {
    const action: LifecycleAction = {
      type: 'return',
      decision: 'needs_revision',
      gaps: [' Missing ROI ', 'Missing ROI', '  ', 'No SSO date'],
    };
    const result = applied(apply(submitted(), action, csm, RETURN_AT));
    expect(result.document.review?.gaps).toEqual(['Missing ROI', 'No SSO date']);
  });

  it.each([[[]], [['']], [['   ', '\t']]])('refuses a return without named gaps (%j)', (gaps) => {
    const action: LifecycleAction = { type: 'return', decision: 'rejected', gaps };
    expect(refused(apply(submitted(), action, csm, RETURN_AT))).toEqual({
      ok: false,
      code: 'invalid_input',
      reason: 'name at least one gap: what is missing or wrong',
    });
  });

  it('refuses the AE', () => {
    expect(refused(apply(submitted(), NEEDS_REVISION, ae, RETURN_AT)).code).toBe('forbidden');
  });

  it('refuses a draft that was never submitted', () => {
    expect(refused(apply(draft(), NEEDS_REVISION, csm, RETURN_AT)).code).toBe('invalid_state');
  });

  it('refuses to return twice', () => {
    expect(refused(apply(returned(), NEEDS_REVISION, csm, RETURN_AT + MS_PER_HOUR))).toEqual({
      ok: false,
      code: 'invalid_state',
      reason:
        'cannot return a handoff that is needs revision; only a submitted handoff can be returned',
    });
  });

  it('counts the fix window in business days when the policy does', () => {
    const policy = policyWith({ timeBasis: 'business_days' });
    const friday = at('2026-11-06T10:00:00Z');
    const result = applied(apply(submitted(), NEEDS_REVISION, csm, friday, policy));
    expect(result.events).toHaveLength(1);
    const [event] = result.events;
    expect(event?.type === 'handoff.returned' ? canonical(event.fixDueAt) : null).toBe(
      '2026-11-09T10:00:00.000Z',
    );
  });

  it('takes a resubmission of the fix', () => {
    const resubmitAt = RETURN_AT + 5 * MS_PER_HOUR;
    const result = applied(apply(returned(), SUBMIT, ae, resubmitAt));
    expect(canonical(result.events)).toEqual([
      {
        type: 'handoff.submitted',
        completeness: 100,
        resubmission: true,
        at: iso(resubmitAt),
        actor: ae,
        from: 'needs_revision',
        to: 'submitted',
      },
    ]);
    expect(canonical(result.document.timeline?.submittedAt)).toBe(iso(resubmitAt));
    expect(result.document.review?.status).toBe('pending');
  });

  it('escalates the second return to sales leadership', () => {
    const resubmitted = applied(
      apply(returned(), SUBMIT, ae, RETURN_AT + 5 * MS_PER_HOUR),
    ).document;
    const secondReturnAt = RETURN_AT + 8 * MS_PER_HOUR;
    const result = applied(apply(resubmitted, REJECT, csManager, secondReturnAt));
    expect(result.state).toBe('rejected');
    const stamp = { at: iso(secondReturnAt), actor: csManager, from: 'submitted', to: 'rejected' };
    expect(canonical(result.events)).toEqual([
      {
        type: 'handoff.returned',
        decision: 'rejected',
        gaps: ['commitments.ownersAndDueDates'],
        returns: 2,
        fixDueAt: iso(secondReturnAt + 24 * MS_PER_HOUR),
        ...stamp,
      },
      {
        type: 'handoff.escalated',
        target: 'sales_leadership',
        returns: 2,
        reason: 'returned 2 times; the protocol escalates from the second return',
        ...stamp,
      },
    ]);
    expect(canonical(result.document.review)).toMatchObject({
      rejections: 2,
      returnedAt: iso(secondReturnAt),
      escalatedAt: iso(secondReturnAt),
    });
  });

  it('escalates after the number of returns the policy sets', () => {
    const policy = policyWith({ templates: { sales_to_cs: { escalateAfterReturns: 3 } } });
    const resubmitted = applied(
      apply(returned(), SUBMIT, ae, RETURN_AT + 5 * MS_PER_HOUR, policy),
    ).document;
    const result = applied(apply(resubmitted, REJECT, csm, RETURN_AT + 8 * MS_PER_HOUR, policy));
    expect(result.events.map((event) => event.type)).toEqual(['handoff.returned']);
  });
});

describe('applyAction approve (pre_close)', () => {
  const ownerOfStrategic: Actor = { id: 'ae-103', role: 'ae' };
  const preClose = DEFAULT_POLICY.templates.pre_close;
  const APPROVE_AT = at('2026-11-18T09:00:00Z');
  const unapproved = (): HandoffDocument => ({
    ...example('strategic'),
    review: { status: 'pending', gaps: [], rejections: 0 },
  });

  it('waits for CS manager approval, with the AE still the owner', () => {
    const state = stateOf(unapproved(), preClose);
    expect(state).toBe('pending_approval');
    expect(ownershipOf(state, preClose).statement).toBe('AE owns the customer until CS accepts');
  });

  it('refuses submission before approval', () => {
    expect(refused(apply(unapproved(), SUBMIT, ownerOfStrategic, APPROVE_AT))).toEqual({
      ok: false,
      code: 'invalid_state',
      reason: 'a pre-close handoff needs CS manager approval before it can be submitted',
    });
  });

  it.each([
    ['a CSM', csm],
    ['the AE', ownerOfStrategic],
  ])('refuses approval by %s', (_who, actor) => {
    expect(refused(apply(unapproved(), APPROVE, actor, APPROVE_AT))).toEqual({
      ok: false,
      code: 'forbidden',
      reason: 'only cs_manager can approve a Pre-close (strategic deals) handoff',
    });
  });

  it('becomes a draft once a CS manager approves, stamped with who and when', () => {
    const result = applied(apply(unapproved(), APPROVE, csManager, APPROVE_AT));
    expect(result.state).toBe('draft');
    expect(canonical(result.events)).toEqual([
      {
        type: 'handoff.approved',
        at: iso(APPROVE_AT),
        actor: csManager,
        from: 'pending_approval',
        to: 'draft',
      },
    ]);
    expect(canonical(result.document.review)).toMatchObject({
      approvedAt: iso(APPROVE_AT),
      approvedBy: 'csmgr-301',
    });
  });

  it('refuses to approve twice', () => {
    const approved = applied(apply(unapproved(), APPROVE, csManager, APPROVE_AT)).document;
    expect(refused(apply(approved, APPROVE, csManager, APPROVE_AT + MS_PER_HOUR))).toEqual({
      ok: false,
      code: 'invalid_state',
      reason:
        'cannot approve a handoff that is draft; only a pending pre-close request needs approval',
    });
  });

  it('can be submitted by the AE once approved, without a close date yet', () => {
    const approved = applied(apply(unapproved(), APPROVE, csManager, APPROVE_AT)).document;
    const result = applied(apply(approved, SUBMIT, ownerOfStrategic, APPROVE_AT + MS_PER_HOUR));
    expect(result.state).toBe('submitted');
    // 25 of the 26 pre-close items: the close date waits for the signed contract.
    expect(result.events).toMatchObject([{ type: 'handoff.submitted', completeness: 96 }]);
  });

  it('refuses to approve a post-close handoff, which needs no approval', () => {
    expect(refused(apply(draft(), APPROVE, csManager, APPROVE_AT))).toEqual({
      ok: false,
      code: 'invalid_state',
      reason: 'a Sales to CS (post-close) handoff needs no approval',
    });
  });
});

describe('applyAction for rep_to_rep', () => {
  const repToRep = DEFAULT_POLICY.templates.rep_to_rep;
  const sendingRep = ae;
  const receivingRep: Actor = { id: 'ae-202', role: 'ae' };
  const reassignment = () =>
    completeHandoff({ handoffType: 'rep_to_rep', meeting: null, timeline: null, review: null });
  const submittedReassignment = () =>
    applied(apply(reassignment(), SUBMIT, sendingRep, SUBMIT_AT)).document;

  it('keeps the current rep the owner until the receiving rep accepts', () => {
    expect(ownershipOf(stateOf(submittedReassignment(), repToRep), repToRep).statement).toBe(
      'Current rep owns the customer until Receiving rep accepts',
    );
  });

  it('lets the receiving rep accept', () => {
    const result = applied(apply(submittedReassignment(), ACCEPT, receivingRep, ACCEPT_AT));
    expect(result.state).toBe('accepted');
    expect(result.document.review?.acceptedBy).toBe('ae-202');
    expect(ownershipOf(result.state, repToRep)).toEqual({
      side: 'receiver',
      owner: 'Receiving rep',
      statement: 'Receiving rep owns the customer (accepted from Current rep)',
    });
  });

  it('refuses the sending rep accepting their own handoff', () => {
    expect(refused(apply(submittedReassignment(), ACCEPT, sendingRep, ACCEPT_AT))).toEqual({
      ok: false,
      code: 'forbidden',
      reason: 'you sent this handoff; the receiving side decides on it',
    });
  });

  it('refuses the receiving rep submitting a deal they do not own', () => {
    expect(refused(apply(reassignment(), SUBMIT, receivingRep, SUBMIT_AT)).code).toBe('forbidden');
  });

  it.each([
    ['CS ops', csOps, REJECT, 'rejected'],
    ['a sales manager', salesManager, NEEDS_REVISION, 'needs_revision'],
  ] as const)(
    'lets %s arbitrate a returned handoff to accepted',
    (_who, arbiter, giveBack, returnedState) => {
      const disputed = applied(
        apply(submittedReassignment(), giveBack, receivingRep, RETURN_AT),
      ).document;
      const arbitrateAt = RETURN_AT + 2 * MS_PER_HOUR;
      const result = applied(
        apply(
          disputed,
          { type: 'arbitrate', outcome: 'accepted', note: 'customer first' },
          arbiter,
          arbitrateAt,
        ),
      );
      expect(result.state).toBe('accepted');
      const stamp = { at: iso(arbitrateAt), actor: arbiter, from: returnedState, to: 'accepted' };
      expect(canonical(result.events)).toEqual([
        { type: 'handoff.accepted', arbitrated: true, ...stamp },
        { type: 'ownership.transferred', fromSide: 'sender', toSide: 'receiver', ...stamp },
      ]);
      expect(result.document.review).toMatchObject({
        status: 'accepted',
        acceptedBy: arbiter.id,
        decidedBy: arbiter.id,
      });
    },
  );

  it('refuses arbitration by someone who is not the named arbiter', () => {
    const disputed = applied(
      apply(submittedReassignment(), REJECT, receivingRep, RETURN_AT),
    ).document;
    expect(
      refused(
        apply(
          disputed,
          { type: 'arbitrate', outcome: 'accepted' },
          receivingRep,
          RETURN_AT + MS_PER_HOUR,
        ),
      ),
    ).toEqual({
      ok: false,
      code: 'forbidden',
      reason: 'only the named arbiter (sales_manager or cs_ops) settles disputes',
    });
  });

  it("refuses arbitration of a submitted handoff: accepting it is the receiver's call", () => {
    expect(
      refused(
        apply(
          submittedReassignment(),
          { type: 'arbitrate', outcome: 'accepted' },
          csOps,
          ACCEPT_AT,
        ),
      ),
    ).toEqual({
      ok: false,
      code: 'invalid_state',
      reason: 'cannot accept a handoff that is submitted; there is no dispute to settle',
    });
  });

  it('refuses arbitration when there is no dispute', () => {
    expect(
      refused(apply(reassignment(), { type: 'arbitrate', outcome: 'accepted' }, csOps, SUBMIT_AT)),
    ).toEqual({
      ok: false,
      code: 'invalid_state',
      reason: 'cannot accept a handoff that is draft; there is no dispute to settle',
    });
  });
});

describe('applyAction record_meeting', () => {
  it('records the meeting before acceptance without changing the state', () => {
    const result = applied(apply(submitted(), MEETING, csm, RECORD_AT));
    expect(result.state).toBe('submitted');
    expect(canonical(result.document.meeting?.heldAt)).toBe(MEETING_HELD);
  });

  it('changes nothing when the same meeting is recorded twice', () => {
    const once = applied(apply(accepted(), MEETING, ae, RECORD_AT)).document;
    const twice = applied(apply(once, MEETING, ae, RECORD_AT + MS_PER_HOUR));
    expect(twice).toEqual({
      ok: true,
      document: once,
      state: 'meeting_held',
      changed: false,
      events: [],
    });
  });

  it('records changed meeting notes again', () => {
    const once = applied(apply(accepted(), MEETING, ae, RECORD_AT)).document;
    const more: LifecycleAction = {
      type: 'record_meeting',
      meeting: { heldAt: MEETING_HELD, questionsAsked: 3, questionsAnswered: 3 },
    };
    const result = applied(apply(once, more, ae, RECORD_AT + MS_PER_HOUR));
    expect(result.changed).toBe(true);
    expect(result.document.meeting).toMatchObject({
      questionsAsked: 3,
      participants: ['ae', 'csm'],
    });
  });

  it('refuses a meeting held in the future', () => {
    expect(refused(apply(accepted(), MEETING, ae, at(MEETING_HELD) - 1))).toEqual({
      ok: false,
      code: 'invalid_input',
      reason: 'meeting.heldAt is in the future',
    });
  });

  it('refuses someone from neither side', () => {
    expect(refused(apply(accepted(), MEETING, csOps, RECORD_AT))).toEqual({
      ok: false,
      code: 'forbidden',
      reason: 'only the people on either side of the handoff can do this',
    });
  });
});

describe('applyAction mark', () => {
  it.each(['first_cs_contact', 'cs_prep_done', 'kickoff_scheduled', 'kickoff_held'] as const)(
    'refuses the CS milestone %s before CS accepts',
    (milestone) => {
      expect(refused(apply(submitted(), mark(milestone), csm, ACCEPT_AT))).toEqual({
        ok: false,
        code: 'invalid_state',
        reason: 'accept the handoff first: CS takes ownership on acceptance',
      });
    },
  );

  it('lets CS mark its milestones once it has accepted', () => {
    for (const [milestone, field] of [
      ['first_cs_contact', 'firstCsContactAt'],
      ['cs_prep_done', 'csPrepDoneAt'],
    ] as const) {
      const result = applied(apply(accepted(), mark(milestone), csm, SCHEDULE_AT));
      expect(result.state).toBe('accepted');
      expect(canonical(result.document.timeline?.[field])).toBe(iso(SCHEDULE_AT));
    }
  });

  it('lets the AE mark the intro email sent before acceptance', () => {
    const result = applied(apply(submitted(), mark('intro_sent'), ae, ACCEPT_AT));
    expect(result.state).toBe('submitted');
    expect(canonical(result.document.timeline?.introSentAt)).toBe(iso(ACCEPT_AT));
  });

  it('refuses a CSM marking the AE’s intro email', () => {
    expect(refused(apply(accepted(), mark('intro_sent'), csm, SCHEDULE_AT)).code).toBe('forbidden');
  });

  it('refuses an AE marking a CS milestone', () => {
    expect(refused(apply(accepted(), mark('kickoff_scheduled'), ae, SCHEDULE_AT)).code).toBe(
      'forbidden',
    );
  });

  it('refuses kickoff_held before the kickoff is scheduled', () => {
    expect(refused(apply(accepted(), mark('kickoff_held'), csm, KICKOFF_AT))).toEqual({
      ok: false,
      code: 'invalid_state',
      reason: 'schedule the kickoff before marking it held',
    });
  });

  it('refuses a milestone in the future', () => {
    expect(
      refused(
        apply(accepted(), mark('kickoff_scheduled', '2026-11-05T11:00:01Z'), csm, SCHEDULE_AT),
      ),
    ).toEqual({
      ok: false,
      code: 'invalid_input',
      reason: 'at: a milestone cannot be in the future',
    });
  });

  it('changes nothing when the same milestone is marked twice, even with another time', () => {
    const once = kickoffScheduled();
    for (const action of [
      mark('kickoff_scheduled'),
      mark('kickoff_scheduled', '2026-11-06T09:00:00Z'),
    ]) {
      const again = applied(apply(once, action, csm, SCHEDULE_AT + 24 * MS_PER_HOUR));
      expect(again).toEqual({
        ok: true,
        document: once,
        state: 'kickoff_scheduled',
        changed: false,
        events: [],
      });
    }
  });

  it('refuses new milestones once the handoff is completed', () => {
    const kickoffHeld = applied(
      apply(kickoffScheduled(), mark('kickoff_held'), csm, KICKOFF_AT),
    ).document;
    const completed = applied(apply(kickoffHeld, { type: 'complete' }, csm, COMPLETE_AT)).document;
    expect(
      refused(apply(completed, mark('first_cs_contact'), csm, COMPLETE_AT + MS_PER_HOUR)).code,
    ).toBe('invalid_state');
  });
});

describe('availableActions and nextAction', () => {
  const ctx = (actor: Actor, now: number, policy: Policy = DEFAULT_POLICY) => ({
    actor,
    now,
    policy,
  });
  const allowedOf = (doc: HandoffDocument, actor: Actor, now: number) =>
    availableActions(doc, ctx(actor, now))
      .filter((action) => action.allowed)
      .map((action) => action.action);

  it('lists every action the card can show, in the order a user takes them', () => {
    expect(availableActions(draft(), ctx(ae, SUBMIT_AT)).map((action) => action.action)).toEqual([
      'approve',
      'submit',
      'accept',
      'return:needs_revision',
      'return:rejected',
      'arbitrate',
      'mark:intro_sent',
      'mark:first_cs_contact',
      'mark:cs_prep_done',
      'mark:kickoff_scheduled',
      'mark:kickoff_held',
      'complete',
      'record_meeting',
    ]);
  });

  it('offers the AE the intro email and the meeting on a submitted handoff, and says why not the rest', () => {
    const actions = availableActions(submitted(), ctx(ae, ACCEPT_AT));
    expect(actions.filter((action) => action.allowed).map((action) => action.action)).toEqual([
      'mark:intro_sent',
      'record_meeting',
    ]);
    expect(actions.find((action) => action.action === 'submit')?.reason).toBe(
      'cannot submit a handoff that is submitted; it has already been submitted',
    );
    expect(actions.find((action) => action.action === 'accept')?.reason).toBe(
      'only the receiving side (csm or cs_manager) can do this',
    );
    expect(nextAction(actions)).toBe('mark:intro_sent');
  });

  it('offers a CSM acceptance or a return on a submitted handoff, acceptance first', () => {
    expect(allowedOf(submitted(), csm, ACCEPT_AT)).toEqual([
      'accept',
      'return:needs_revision',
      'return:rejected',
      'record_meeting',
    ]);
    expect(nextAction(availableActions(submitted(), ctx(csm, ACCEPT_AT)))).toBe('accept');
  });

  it('offers the AE submission of a complete draft', () => {
    expect(nextAction(availableActions(draft(), ctx(ae, SUBMIT_AT)))).toBe('submit');
  });

  it('explains why a thin draft cannot be submitted', () => {
    const actions = availableActions(example('thin'), ctx({ id: 'ae-102', role: 'ae' }, SUBMIT_AT));
    expect(actions.find((action) => action.action === 'submit')).toEqual({
      action: 'submit',
      allowed: false,
      reason: 'completeness is 28%, and submitting needs 80%: fill in 18 missing item(s) first',
    });
  });

  it('offers CS its milestones after acceptance, but not the kickoff held before it is scheduled', () => {
    expect(allowedOf(accepted(), csm, SCHEDULE_AT)).toEqual([
      'mark:first_cs_contact',
      'mark:cs_prep_done',
      'mark:kickoff_scheduled',
      'record_meeting',
    ]);
    expect(allowedOf(kickoffScheduled(), csm, KICKOFF_AT)).toEqual([
      'mark:first_cs_contact',
      'mark:cs_prep_done',
      'mark:kickoff_held',
      'record_meeting',
    ]);
  });

  it('says a milestone already recorded is already done', () => {
    const actions = availableActions(kickoffScheduled(), ctx(csm, KICKOFF_AT));
    expect(actions.find((action) => action.action === 'mark:kickoff_scheduled')).toEqual({
      action: 'mark:kickoff_scheduled',
      allowed: false,
      reason: 'already done',
    });
  });

  it('offers the CS manager approval of a pending pre-close handoff', () => {
    const pending: HandoffDocument = {
      ...example('strategic'),
      review: { status: 'pending', gaps: [], rejections: 0 },
    };
    expect(nextAction(availableActions(pending, ctx(csManager, SUBMIT_AT)))).toBe('approve');
  });

  it('has no next action when nothing is allowed', () => {
    expect(nextAction(availableActions(draft(), ctx(csOps, SUBMIT_AT)))).toBeNull();
    expect(nextAction([])).toBeNull();
  });
});
