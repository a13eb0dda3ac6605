// "Start Baton handoff": the custom workflow action customers add to any deal workflow (issue
// 4). HubSpot posts the enrolled deal to the backend (src/functions/workflow-action.ts), which
// starts the handoff or finds it started and answers with output fields a workflow can branch
// on: what happened, the handoff's status, its completeness and quality.
//
// The output fields are typed from the backend's answer, so a field added, removed or retyped
// there fails the typecheck here; test/workflows/start-handoff-action.test.ts checks the values.
import { LIFECYCLE_STATES, type LifecycleState, STATE_LABELS } from '../src/core';
import { BACKEND_PATHS } from '../src/crm/hubspot/public-url';
import { HUBSPOT_PROJECT_UIDS } from '../src/crm/objects/universal-identifiers';
import type { StartOutcome } from '../src/functions/closed-won';
import type { WorkflowActionResponse } from '../src/functions/workflow-action';
import type { ActionOption, WorkflowActionDefinition } from './workflow-action-definition';

/**
 * The fields a workflow sees. `hs_execution_state` is left out: it is HubSpot's own control
 * field (SUCCESS, FAIL_CONTINUE, BLOCK), which HubSpot reads and a definition never declares.
 */
export type StartHandoffOutputs = Omit<
  WorkflowActionResponse['outputFields'],
  'hs_execution_state'
>;
export type StartHandoffOutcome = StartOutcome['outcome'];

/** The status the backend answers when the deal is not closed-won: there is no handoff yet. */
export const NO_HANDOFF_STATUS = 'none';

const OUTCOME_LABELS: Record<StartHandoffOutcome, string> = {
  started: 'Handoff started',
  already_started: 'Handoff already started',
  not_closed_won: 'Deal not closed-won',
};

const STATUS_LABELS: Record<typeof NO_HANDOFF_STATUS | LifecycleState, string> = {
  [NO_HANDOFF_STATUS]: 'No handoff (deal not closed-won)',
  ...STATE_LABELS,
};

function optionsOf<V extends string>(values: readonly V[], labels: Record<V, string>) {
  return values.map((value): ActionOption<V> => ({ value, label: labels[value] }));
}

export const startHandoffAction = {
  uid: HUBSPOT_PROJECT_UIDS.startHandoffAction,
  path: BACKEND_PATHS.startHandoffAction,
  objectTypes: ['DEAL'],
  published: true,
  outputFields: {
    outcome: {
      type: 'enumeration',
      options: optionsOf(['started', 'already_started', 'not_closed_won'], OUTCOME_LABELS),
    },
    status: {
      type: 'enumeration',
      options: optionsOf([NO_HANDOFF_STATUS, ...LIFECYCLE_STATES], STATUS_LABELS),
    },
    completeness: { type: 'number' },
    quality: { type: 'number' },
  },
  messagesBy: 'outcome',
  labels: {
    en: {
      actionName: 'Start Baton handoff',
      actionDescription:
        'Starts the sales-to-CS handoff for a closed-won deal: creates the handoff record and ' +
        'its tasks, and scores it. Does nothing for a deal that already has its handoff.',
      actionCardContent: 'Start the Baton handoff for the enrolled deal',
      appDisplayName: 'Baton',
      outputFields: {
        outcome: 'Baton outcome',
        status: 'Handoff status',
        completeness: 'Handoff completeness (0-100)',
        quality: 'Handoff quality (0-100)',
      },
      executionMessages: {
        started: 'Handoff started: completeness {{ completeness }}, quality {{ quality }}.',
        already_started: 'The deal already had its handoff (status {{ status }}); nothing changed.',
        not_closed_won: 'The deal is not closed-won, so no handoff was started.',
      },
    },
  },
} as const satisfies WorkflowActionDefinition<StartHandoffOutputs, StartHandoffOutcome>;
