// The card's buttons as the core's lifecycle actions. Returning needs named gaps, so those two
// buttons open the return form (lwc/batonReturnForm) instead of acting; recording the meeting
// needs its participants and agenda (lwc/batonMeetingForm). Whatever a form sends is planned here
// like a button's action.
import {
  actionForButton,
  applyAction,
  cardWrite,
  describeFieldError,
  lifecycleActionSchema,
  parseWith,
} from 'c/batonCore';

export const RETURN_DECISIONS = {
  'return:needs_revision': 'needs_revision',
  'return:rejected': 'rejected',
};

/** The action a button sends, or null for the ones that need more than a press (the core's). */
export const actionRequest = actionForButton;

/**
 * Validates the action, applies it with the core's guards and says what to write: the handoff's
 * and the Opportunity's fields. `{ ok: false, message }` when the core (or the schema) refuses.
 */
export function planAction(request, { document, version, actor, policy, now }) {
  const parsed = parseWith(lifecycleActionSchema, request);
  if (!parsed.success) {
    return { ok: false, message: parsed.errors.map(describeFieldError).join('; ') };
  }
  const result = applyAction(document, parsed.value, { actor, now, policy });
  if (!result.ok) return { ok: false, message: result.reason };
  return { ok: true, write: cardWrite(result.document, version, policy, now) };
}
