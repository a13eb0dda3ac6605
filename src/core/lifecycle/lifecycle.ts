// Applying an action to a handoff: check the guards, stamp the document, say what happened.
// Pure: the caller passes `now`, the actor and the policy, and persists the result. Applying the
// same action twice is refused (state transitions) or changes nothing (milestones, meeting notes).
import type { HandoffDocument } from '../document/handoff-document.schema';
import { toInstant, toIso } from '../document/dates';
import type { HandoffTemplate, Policy } from '../policy/policy.schema';
import { scoreCompleteness } from '../scoring/completeness';
import { type WorkingCalendar, addWindow, calendarOf } from '../time/working-calendar';
import type { LifecycleAction, MilestoneName } from './lifecycle-actions.schema';
import type { Actor, LifecycleEvent, LifecycleEventBody } from './lifecycle-events';
import { type LifecycleState, isReceiverOwned, stateOf } from './lifecycle-state';
import {
  type Permission,
  mayApprove,
  mayArbitrate,
  mayReceive,
  maySend,
  mayTakePart,
} from './permissions';

export type RefusalCode = 'forbidden' | 'invalid_state' | 'incomplete' | 'invalid_input';

export type TransitionResult =
  | {
      ok: true;
      document: HandoffDocument;
      state: LifecycleState;
      changed: boolean;
      events: LifecycleEvent[];
    }
  | { ok: false; code: RefusalCode; reason: string };

export interface TransitionContext {
  actor: Actor;
  now: number;
  policy: Policy;
}

const MILESTONE_FIELDS = {
  intro_sent: 'introSentAt',
  first_cs_contact: 'firstCsContactAt',
  cs_prep_done: 'csPrepDoneAt',
  kickoff_scheduled: 'kickoffScheduledAt',
  kickoff_held: 'kickoffHeldAt',
} as const satisfies Record<MilestoneName, string>;

const RETURNABLE: ReadonlySet<LifecycleState> = new Set(['draft', 'needs_revision', 'rejected']);

function refuse(code: RefusalCode, reason: string): TransitionResult {
  return { ok: false, code, reason };
}

function forbidden(permission: Permission): TransitionResult | null {
  return permission.allowed ? null : refuse('forbidden', permission.reason);
}

interface Step {
  doc: HandoffDocument;
  template: HandoffTemplate;
  calendar: WorkingCalendar;
  state: LifecycleState;
  ctx: TransitionContext;
  at: string;
}

function done(step: Step, document: HandoffDocument, events: LifecycleEventBody[]) {
  const to = stateOf(document, step.template);
  const stamped = events.map(
    (event) =>
      ({ ...event, at: step.at, actor: step.ctx.actor, from: step.state, to }) as LifecycleEvent,
  );
  return { ok: true as const, document, state: to, changed: true, events: stamped };
}

function unchanged(step: Step): TransitionResult {
  return { ok: true, document: step.doc, state: step.state, changed: false, events: [] };
}

function wrongState(step: Step, action: string, expected: string): TransitionResult {
  return refuse(
    'invalid_state',
    `cannot ${action} a handoff that is ${step.state.replace(/_/g, ' ')}; ${expected}`,
  );
}

function approve(step: Step): TransitionResult {
  if (step.template.approverRoles.length === 0) {
    return refuse('invalid_state', `a ${step.template.label} handoff needs no approval`);
  }
  const denied = forbidden(mayApprove(step.template, step.ctx.actor));
  if (denied) return denied;
  if (step.state !== 'pending_approval')
    return wrongState(step, 'approve', 'only a pending pre-close request needs approval');
  const review = { ...step.doc.review, approvedAt: step.at, approvedBy: step.ctx.actor.id };
  return done(step, { ...step.doc, review }, [{ type: 'handoff.approved' }]);
}

function submit(step: Step): TransitionResult {
  const denied = forbidden(maySend(step.doc, step.template, step.ctx.actor));
  if (denied) return denied;
  if (step.state === 'pending_approval') {
    return refuse(
      'invalid_state',
      'a pre-close handoff needs CS manager approval before it can be submitted',
    );
  }
  if (!RETURNABLE.has(step.state))
    return wrongState(step, 'submit', 'it has already been submitted');
  const completeness = scoreCompleteness(step.doc, step.template);
  if (completeness.score < step.template.minimumCompleteness) {
    return refuse(
      'incomplete',
      `completeness is ${completeness.score}%, and submitting needs ${step.template.minimumCompleteness}%: ` +
        `fill in ${completeness.missing.length} missing item(s) first`,
    );
  }
  const resubmission = step.state !== 'draft';
  const document: HandoffDocument = {
    ...step.doc,
    timeline: { ...step.doc.timeline, submittedAt: step.at },
    review: { ...step.doc.review, status: 'pending' },
  };
  return done(step, document, [
    { type: 'handoff.submitted', completeness: completeness.score, resubmission },
  ]);
}

function accept(step: Step, arbitrated: boolean, permission: Permission): TransitionResult {
  const denied = forbidden(permission);
  if (denied) return denied;
  // The arbiter settles disputes: a handoff the receiver returned. A submitted one is the
  // receiver's to accept, since the sender owns the customer until the receiver explicitly does.
  const acceptable = arbitrated ? ['needs_revision', 'rejected'] : ['submitted'];
  if (!acceptable.includes(step.state)) {
    return wrongState(
      step,
      'accept',
      arbitrated ? 'there is no dispute to settle' : 'only a submitted handoff can be accepted',
    );
  }
  const actorId = step.ctx.actor.id;
  const document: HandoffDocument = {
    ...step.doc,
    timeline: { ...step.doc.timeline, acceptedAt: step.at },
    review: { ...step.doc.review, status: 'accepted', acceptedBy: actorId, decidedBy: actorId },
  };
  return done(step, document, [
    { type: 'handoff.accepted', arbitrated },
    { type: 'ownership.transferred', fromSide: 'sender', toSide: 'receiver' },
  ]);
}

function giveBack(
  step: Step,
  decision: 'needs_revision' | 'rejected',
  gaps: string[],
): TransitionResult {
  const denied = forbidden(mayReceive(step.doc, step.template, step.ctx.actor));
  if (denied) return denied;
  if (step.state !== 'submitted')
    return wrongState(step, 'return', 'only a submitted handoff can be returned');
  const named = [...new Set(gaps.map((gap) => gap.trim()).filter((gap) => gap !== ''))];
  if (named.length === 0)
    return refuse('invalid_input', 'name at least one gap: what is missing or wrong');
  const returns = (step.doc.review?.rejections ?? 0) + 1;
  const escalate = returns >= step.template.escalateAfterReturns;
  const fixHours = step.template.sla.revision_fix?.hours ?? 24;
  const fixDueAt = toIso(addWindow(step.ctx.now, fixHours, step.calendar));
  const review = {
    ...step.doc.review,
    status: decision,
    gaps: named,
    rejections: returns,
    returnedAt: step.at,
    decidedBy: step.ctx.actor.id,
    ...(escalate ? { escalatedAt: step.at } : {}),
  };
  const events: LifecycleEventBody[] = [
    { type: 'handoff.returned', decision, gaps: named, returns, fixDueAt },
  ];
  if (escalate) {
    events.push({
      type: 'handoff.escalated',
      target: 'sales_leadership',
      returns,
      reason: `returned ${returns} times; the protocol escalates from the ${ordinal(step.template.escalateAfterReturns)} return`,
    });
  }
  return done(step, { ...step.doc, review }, events);
}

function ordinal(n: number): string {
  const words = ['first', 'second', 'third', 'fourth', 'fifth'];
  return words[n - 1] ?? `${n}th`;
}

function recordMeeting(
  step: Step,
  meeting: Extract<LifecycleAction, { type: 'record_meeting' }>['meeting'],
) {
  const denied = forbidden(mayTakePart(step.doc, step.template, step.ctx.actor));
  if (denied) return denied;
  if (step.state === 'pending_approval' || step.state === 'completed') {
    return wrongState(
      step,
      'record the meeting of',
      'the meeting belongs between approval and completion',
    );
  }
  if (toInstant(meeting.heldAt)! > step.ctx.now)
    return refuse('invalid_input', 'meeting.heldAt is in the future');
  const next = { ...step.doc.meeting, ...meeting };
  if (JSON.stringify(next) === JSON.stringify(step.doc.meeting)) return unchanged(step);
  return done(step, { ...step.doc, meeting: next }, [
    { type: 'meeting.recorded', heldAt: meeting.heldAt },
  ]);
}

function mark(step: Step, milestone: MilestoneName, at: string | undefined): TransitionResult {
  const bySender = milestone === 'intro_sent';
  const permission = bySender
    ? maySend(step.doc, step.template, step.ctx.actor)
    : mayReceive(step.doc, step.template, step.ctx.actor);
  const denied = forbidden(permission);
  if (denied) return denied;
  const field = MILESTONE_FIELDS[milestone];
  if (step.doc.timeline?.[field]) return unchanged(step);
  if (step.state === 'pending_approval' || step.state === 'completed') {
    return wrongState(
      step,
      'record milestones of',
      'milestones belong between approval and completion',
    );
  }
  if (!bySender && !isReceiverOwned(step.state)) {
    return refuse(
      'invalid_state',
      `accept the handoff first: ${step.template.receiverLabel} takes ownership on acceptance`,
    );
  }
  if (milestone === 'kickoff_held' && !step.doc.timeline?.kickoffScheduledAt) {
    return refuse('invalid_state', 'schedule the kickoff before marking it held');
  }
  const recordedAt = at ?? step.at;
  if (toInstant(recordedAt)! > step.ctx.now)
    return refuse('invalid_input', 'at: a milestone cannot be in the future');
  const document = { ...step.doc, timeline: { ...step.doc.timeline, [field]: recordedAt } };
  return done(step, document, [{ type: 'milestone.recorded', milestone, recordedAt }]);
}

function complete(step: Step): TransitionResult {
  const denied = forbidden(mayReceive(step.doc, step.template, step.ctx.actor));
  if (denied) return denied;
  if (step.state !== 'kickoff_held')
    return wrongState(step, 'complete', 'the kickoff must be held first');
  const document = { ...step.doc, timeline: { ...step.doc.timeline, completedAt: step.at } };
  return done(step, document, [{ type: 'handoff.completed' }]);
}

export function applyAction(
  doc: HandoffDocument,
  action: LifecycleAction,
  ctx: TransitionContext,
): TransitionResult {
  const template = ctx.policy.templates[doc.handoffType];
  const step: Step = {
    doc,
    template,
    calendar: calendarOf(ctx.policy),
    state: stateOf(doc, template),
    ctx,
    at: toIso(ctx.now),
  };
  switch (action.type) {
    case 'approve':
      return approve(step);
    case 'submit':
      return submit(step);
    case 'accept':
      return accept(step, false, mayReceive(doc, template, ctx.actor));
    case 'arbitrate':
      return accept(step, true, mayArbitrate(template, ctx.actor));
    case 'return':
      return giveBack(step, action.decision, action.gaps);
    case 'record_meeting':
      return recordMeeting(step, action.meeting);
    case 'mark':
      return mark(step, action.milestone, action.at);
    case 'complete':
      return complete(step);
  }
}
