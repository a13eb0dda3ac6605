// Where the handoff is in its lifecycle, as steps; a returned handoff stays on "Submitted".
import { StepIndicator } from '@hubspot/ui-extensions';
import type { HandoffView } from '../card-types';

type State = HandoffView['state'];

const STEPS: { name: string; states: State[] }[] = [
  { name: 'Draft', states: ['pending_approval', 'draft'] },
  { name: 'Submitted', states: ['submitted', 'needs_revision', 'rejected'] },
  { name: 'Accepted', states: ['accepted'] },
  { name: 'Meeting held', states: ['meeting_held'] },
  { name: 'Kickoff scheduled', states: ['kickoff_scheduled'] },
  { name: 'Kickoff held', states: ['kickoff_held'] },
  { name: 'Completed', states: ['completed'] },
];

export function lifecycleStep(state: State): number {
  return Math.max(
    0,
    STEPS.findIndex((step) => step.states.includes(state)),
  );
}

export function LifecycleSteps({ state }: { state: State }) {
  return (
    <StepIndicator
      stepNames={STEPS.map((step) => step.name)}
      currentStep={lifecycleStep(state)}
      variant="compact"
    />
  );
}
