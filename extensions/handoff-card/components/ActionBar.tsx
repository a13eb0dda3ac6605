// What this user may do now, from the backend's `actions` (the core's guards decided them):
// the next action first and primary, and submit shown disabled with the reason while the
// handoff is below the minimum completeness.
import { Button, ButtonRow, Flex, Text } from '@hubspot/ui-extensions';
import { ACTION_LABELS } from '../card-text';
import { actionForButton } from '../../../src/core/lifecycle/action-buttons';
import type { AvailableAction, CardAction, HandoffView } from '../card-types';

export type ReturnDecision = 'needs_revision' | 'rejected';

/** The actions the bar sends as they are; returning needs gaps, so it opens the return form. */
export function actionRequest(name: AvailableAction['action']): CardAction | null {
  return actionForButton(name);
}

const EDITABLE_STATES: ReadonlySet<HandoffView['state']> = new Set([
  'draft',
  'needs_revision',
  'rejected',
]);

export interface ActionBarProps {
  handoff: HandoffView;
  busy: boolean;
  onAct: (action: CardAction) => void;
  onReturn: (decision: ReturnDecision) => void;
}

export function ActionBar({ handoff, busy, onAct, onReturn }: ActionBarProps) {
  const allowed = handoff.actions.filter((action) => action.allowed);
  const submit = handoff.actions.find((action) => action.action === 'submit');
  const blockedSubmit =
    submit && !submit.allowed && handoff.canEdit && EDITABLE_STATES.has(handoff.state)
      ? submit
      : null;
  const press = (name: AvailableAction['action']) => {
    if (name === 'return:needs_revision') return onReturn('needs_revision');
    if (name === 'return:rejected') return onReturn('rejected');
    const request = actionRequest(name);
    if (request) onAct(request);
  };
  return (
    <Flex direction="column" gap="small">
      <Text format={{ fontWeight: 'demibold' }} testId="next-action">
        {handoff.nextAction
          ? `Next for you: ${ACTION_LABELS[handoff.nextAction]}`
          : 'Nothing for you to do on this handoff now.'}
      </Text>
      <ButtonRow>
        {allowed.map((action) => (
          <Button
            key={action.action}
            testId={`action:${action.action}`}
            variant={
              action.action === 'return:rejected'
                ? 'destructive'
                : action.action === handoff.nextAction
                  ? 'primary'
                  : 'secondary'
            }
            disabled={busy}
            onClick={() => press(action.action)}
          >
            {ACTION_LABELS[action.action]}
          </Button>
        ))}
        {blockedSubmit ? (
          <Button testId="action:submit" variant="primary" disabled>
            {ACTION_LABELS.submit}
          </Button>
        ) : null}
      </ButtonRow>
      {blockedSubmit?.reason ? (
        <Text variant="microcopy" testId="submit-blocked">
          Cannot submit yet: {blockedSubmit.reason}
        </Text>
      ) : null}
    </Flex>
  );
}
