// What a transition tells the rest of the system, so that the backend can write the audit log,
// create tasks and notify people without re-deriving what happened.
import type { ActorRole } from '../policy/policy.schema';
import type { MilestoneName } from './lifecycle-actions.schema';
import type { LifecycleState } from './lifecycle-state';

export interface Actor {
  id: string;
  role: ActorRole;
}

interface EventBase {
  at: string;
  actor: Actor;
  from: LifecycleState;
  to: LifecycleState;
}

export type LifecycleEvent =
  | (EventBase & { type: 'handoff.approved' })
  | (EventBase & { type: 'handoff.submitted'; completeness: number; resubmission: boolean })
  | (EventBase & { type: 'handoff.accepted'; arbitrated: boolean })
  | (EventBase & { type: 'ownership.transferred'; fromSide: 'sender'; toSide: 'receiver' })
  | (EventBase & {
      type: 'handoff.returned';
      decision: 'needs_revision' | 'rejected';
      gaps: string[];
      returns: number;
      fixDueAt: string;
    })
  | (EventBase & {
      type: 'handoff.escalated';
      target: 'sales_leadership';
      returns: number;
      reason: string;
    })
  | (EventBase & { type: 'meeting.recorded'; heldAt: string })
  | (EventBase & { type: 'milestone.recorded'; milestone: MilestoneName; recordedAt: string })
  | (EventBase & { type: 'handoff.completed' });

export type LifecycleEventType = LifecycleEvent['type'];

/** An event before the transition stamps when, who, and the states it moved between. */
export type LifecycleEventBody = LifecycleEvent extends infer E
  ? E extends LifecycleEvent
    ? Omit<E, keyof EventBase>
    : never
  : never;
