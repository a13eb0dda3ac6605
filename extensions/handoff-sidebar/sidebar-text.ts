// What the sidebar says in one line each: the clock to watch next and this user's next step.
import { ACTION_LABELS } from '../handoff-card/card-text';
import type { HandoffView } from '../handoff-card/card-types';

type Clock = HandoffView['clocks'][number];

/**
 * The open clock due first: a breached one is overdue, so it comes before any still running.
 * Null when every clock is done or not started yet.
 */
export function nextDueClock(clocks: readonly Clock[]): Clock | null {
  const open = clocks.filter(
    (clock): clock is Clock & { dueAt: string } => clock.doneAt === null && clock.dueAt !== null,
  );
  open.sort((a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt));
  return open[0] ?? null;
}

/**
 * The next thing this user can do, in words. A draft below the minimum cannot be submitted, and
 * the first allowed action is then a milestone (the intro can go out before the handoff is
 * filled in); for the draft's editor the step that matters is the missing items.
 */
export function nextStepText(handoff: HandoffView): string {
  const { missing, score } = handoff.completeness;
  if (handoff.state === 'draft' && handoff.canEdit && score < handoff.minimumCompleteness) {
    const items = missing.length === 1 ? '1 missing item' : `${missing.length} missing items`;
    return `Your next step: fill the ${items} (submitting needs ${handoff.minimumCompleteness}%).`;
  }
  if (handoff.nextAction) return `Your next step: ${ACTION_LABELS[handoff.nextAction]}.`;
  return 'Nothing for you to do now.';
}
