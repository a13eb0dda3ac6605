// The card's buttons in the core's words, for both cards (HubSpot's and Salesforce's): which
// lifecycle action a button stands for, and the gaps a return names. Kept apart from
// available-actions.ts, which runs the lifecycle's guards: importing these costs a card nothing
// of the lifecycle or its schemas (zod), so the HubSpot card's bundle stays small.
import type { AvailableAction } from './available-actions';
import type { LifecycleAction, MILESTONES } from './lifecycle-actions.schema';

/**
 * The lifecycle action a card's button for `name` sends as it is, or null for a return, which
 * needs the gaps the user names first (see `namedGaps`). Both cards (HubSpot, Salesforce) use it.
 */
export function actionForButton(name: AvailableAction['action']): LifecycleAction | null {
  if (name.startsWith('mark:')) {
    return { type: 'mark', milestone: name.slice('mark:'.length) as (typeof MILESTONES)[number] };
  }
  switch (name) {
    case 'approve':
    case 'submit':
    case 'accept':
    case 'complete':
      return { type: name };
    case 'arbitrate':
      return { type: 'arbitrate', outcome: 'accepted' };
    default:
      return null;
  }
}

/** The gaps of a return: those picked from the missing items and those typed one a line, each once. */
export function namedGaps(picked: readonly string[], typed: string): string[] {
  const lines = typed
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
  return [...new Set([...picked, ...lines])];
}
