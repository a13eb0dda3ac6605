// The card's buttons as the core's lifecycle actions. Returning needs named gaps, so those two
// buttons open the return form instead of acting.
import {
  actionForButton,
  applyAction,
  cardWrite,
  describeFieldError,
  lifecycleActionSchema,
  namedGaps,
  parseWith,
} from 'c/batonCore';

export const RETURN_DECISIONS = {
  'return:needs_revision': 'needs_revision',
  'return:rejected': 'rejected',
};

/** The action a button sends, or null for the ones that need more than a press (the core's). */
export const actionRequest = actionForButton;

/** Gaps picked from the missing items and typed one a line, each once (the core's). */
export const gapsFrom = namedGaps;

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
