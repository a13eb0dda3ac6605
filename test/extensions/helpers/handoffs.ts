// Handoffs at each step of the lifecycle, walked there by the core's own transitions.
import {
  DEFAULT_POLICY,
  type HandoffDocument,
  type LifecycleAction,
  applyAction,
} from '../../../src/core';
import { completeHandoff, handoff } from '../../helpers/handoff-factory';
import { AE, CSM } from './card-backend';

export const CLOSED_WON_AT = Date.parse('2026-11-02T10:00:00Z');
export const HOUR = 3_600_000;
/** Two hours after the close: every clock is still pending. */
export const SOON_AFTER_CLOSE = CLOSED_WON_AT + 2 * HOUR;

/** A draft with little in it: completeness far below the minimum to submit. */
export function thinDraft(): HandoffDocument {
  return handoff({
    deal: { id: '9001', ownerId: AE.id, closedWonAt: '2026-11-02T10:00:00Z' },
    customerContext: { companyOverview: 'Freight carrier, 400 trucks.', businessChallenge: 'TBD' },
  });
}

/** Everything filled, nothing submitted, no meeting yet. */
export function readyDraft(): HandoffDocument {
  const doc = completeHandoff({ deal: { id: '9001', ownerId: AE.id } });
  return {
    ...doc,
    review: { status: 'pending', gaps: [], rejections: 0 },
    timeline: {},
    meeting: undefined,
  };
}

function step(doc: HandoffDocument, action: LifecycleAction, actor: typeof AE, now: number) {
  const result = applyAction(doc, action, { actor, now, policy: DEFAULT_POLICY });
  if (!result.ok) throw new Error(`${action.type} refused: ${result.reason}`);
  return result.document;
}

export function submitted(): HandoffDocument {
  return step(readyDraft(), { type: 'submit' }, AE, SOON_AFTER_CLOSE);
}

export function returnedWithGaps(gaps: string[]): HandoffDocument {
  return step(
    submitted(),
    { type: 'return', decision: 'needs_revision', gaps },
    CSM,
    SOON_AFTER_CLOSE + HOUR,
  );
}

export function accepted(): HandoffDocument {
  return step(submitted(), { type: 'accept' }, CSM, SOON_AFTER_CLOSE + HOUR);
}
