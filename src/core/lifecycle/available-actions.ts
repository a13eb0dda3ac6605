// What the current user may do now, and what they should do next: the card's action bar.
// Each action is tried against the real guards, so the card and the backend never disagree.
import { toIso } from '../document/dates';
import type { HandoffDocument } from '../document/handoff-document.schema';
import type { LifecycleAction } from './lifecycle-actions.schema';
import { MILESTONES } from './lifecycle-actions.schema';
import { type TransitionContext, applyAction } from './lifecycle';

export interface AvailableAction {
  action:
    | LifecycleAction['type']
    | `mark:${(typeof MILESTONES)[number]}`
    | `return:${'needs_revision' | 'rejected'}`;
  allowed: boolean;
  /** Why not, in words for the user ("completeness is 64%, and submitting needs 80%"). */
  reason: string | null;
}

// In the order a user would take them: the first allowed one is "the next action".
const CANDIDATES: [AvailableAction['action'], LifecycleAction][] = [
  ['approve', { type: 'approve' }],
  ['submit', { type: 'submit' }],
  ['accept', { type: 'accept' }],
  ['return:needs_revision', { type: 'return', decision: 'needs_revision', gaps: ['(gap)'] }],
  ['return:rejected', { type: 'return', decision: 'rejected', gaps: ['(gap)'] }],
  ['arbitrate', { type: 'arbitrate', outcome: 'accepted' }],
  ...MILESTONES.map((milestone): [AvailableAction['action'], LifecycleAction] => [
    `mark:${milestone}`,
    { type: 'mark', milestone },
  ]),
  ['complete', { type: 'complete' }],
];

export function availableActions(doc: HandoffDocument, ctx: TransitionContext): AvailableAction[] {
  // Recording the handoff meeting needs an instant, so it is tried as held now. Last, so it
  // never outranks a transition as the next action.
  const candidates: typeof CANDIDATES = [
    ...CANDIDATES,
    ['record_meeting', { type: 'record_meeting', meeting: { heldAt: toIso(ctx.now) } }],
  ];
  return candidates.map(([name, action]) => {
    const result = applyAction(doc, action, ctx);
    if (!result.ok) return { action: name, allowed: false, reason: result.reason };
    // A milestone already recorded "succeeds" without change: there is nothing left to do.
    return result.changed
      ? { action: name, allowed: true, reason: null }
      : { action: name, allowed: false, reason: 'already done' };
  });
}

export function nextAction(actions: readonly AvailableAction[]): AvailableAction['action'] | null {
  return actions.find((action) => action.allowed)?.action ?? null;
}
