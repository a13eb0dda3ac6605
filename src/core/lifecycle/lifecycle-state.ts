// The lifecycle of PROTOCOL.md section 6, derived from the document itself so that state and
// stamps can never disagree: draft → submitted → (accepted | needs_revision | rejected) → … →
// accepted → meeting_held → kickoff_scheduled → kickoff_held → completed. A pre_close handoff
// waits for the CS manager's approval first.
import type { HandoffDocument } from '../document/handoff-document.schema';
import type { HandoffTemplate } from '../policy/policy.schema';
import type { Side } from '../sla/clock-definitions';

export const LIFECYCLE_STATES = [
  'pending_approval',
  'draft',
  'submitted',
  'needs_revision',
  'rejected',
  'accepted',
  'meeting_held',
  'kickoff_scheduled',
  'kickoff_held',
  'completed',
] as const;
export type LifecycleState = (typeof LIFECYCLE_STATES)[number];

export const STATE_LABELS: Record<LifecycleState, string> = {
  pending_approval: 'Awaiting CS manager approval',
  draft: 'Draft',
  submitted: 'Submitted to the receiver',
  needs_revision: 'Returned: needs revision',
  rejected: 'Returned: rejected',
  accepted: 'Accepted',
  meeting_held: 'Handoff meeting held',
  kickoff_scheduled: 'Kickoff scheduled',
  kickoff_held: 'Kickoff held',
  completed: 'Completed',
};

/** The states after the receiver accepted: the receiver owns the customer in them. */
const RECEIVER_OWNS: ReadonlySet<LifecycleState> = new Set([
  'accepted',
  'meeting_held',
  'kickoff_scheduled',
  'kickoff_held',
  'completed',
]);

export function stateOf(doc: HandoffDocument, template: HandoffTemplate): LifecycleState {
  const timeline = doc.timeline;
  if (timeline?.completedAt) return 'completed';
  switch (doc.review?.status ?? 'pending') {
    case 'accepted':
      if (timeline?.kickoffHeldAt) return 'kickoff_held';
      if (timeline?.kickoffScheduledAt) return 'kickoff_scheduled';
      if (doc.meeting?.heldAt) return 'meeting_held';
      return 'accepted';
    case 'rejected':
      return 'rejected';
    case 'needs_revision':
      return 'needs_revision';
    case 'pending':
      if (template.approverRoles.length > 0 && !doc.review?.approvedAt) return 'pending_approval';
      return timeline?.submittedAt ? 'submitted' : 'draft';
  }
}

export interface Ownership {
  side: Side;
  /** Who owns the customer now, e.g. "AE". */
  owner: string;
  /** For the card: "AE owns the customer until CS accepts". */
  statement: string;
}

export function ownershipOf(state: LifecycleState, template: HandoffTemplate): Ownership {
  if (RECEIVER_OWNS.has(state)) {
    return {
      side: 'receiver',
      owner: template.receiverLabel,
      statement: `${template.receiverLabel} owns the customer (accepted from ${template.senderLabel})`,
    };
  }
  return {
    side: 'sender',
    owner: template.senderLabel,
    statement: `${template.senderLabel} owns the customer until ${template.receiverLabel} accepts`,
  };
}

export function isReceiverOwned(state: LifecycleState): boolean {
  return RECEIVER_OWNS.has(state);
}
