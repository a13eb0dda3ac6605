// "Start Baton handoff": the definition promises the workflow editor exactly what the backend's
// answer (src/functions/workflow-action.ts) delivers, field by field and value by value.
import { DEFAULT_POLICY, LIFECYCLE_STATES } from '../../src/core';
import { summarizeHandoff } from '../../src/crm/handoff-summary';
import { workflowActionMeta } from '../../src/crm/hubspot/workflow-action-meta';
import type { StartOutcome } from '../../src/functions/closed-won';
import {
  workflowActionRequestSchema,
  workflowActionResponse,
} from '../../src/functions/workflow-action';
import {
  NO_HANDOFF_STATUS,
  startHandoffAction as action,
} from '../../workflows/start-handoff.action';
import { NOW, example } from '../helpers/handoff-factory';

const document = example('complete');
const summaryIn = (state: string) => ({
  ...summarizeHandoff(document, DEFAULT_POLICY, NOW),
  state,
});

/** Every kind of answer: each outcome, and a handoff found in each lifecycle state. */
const outcomes: StartOutcome[] = [
  { outcome: 'not_closed_won', dealId: '101', stageId: 'appointmentscheduled' },
  {
    outcome: 'started',
    handoffKey: 'deal-101',
    document,
    summary: summaryIn('draft'),
    tasks: 5,
    receiverId: null,
  },
  ...LIFECYCLE_STATES.map((state): StartOutcome => ({
    outcome: 'already_started',
    handoffKey: 'deal-101',
    summary: summaryIn(state),
  })),
];
const answers = outcomes.map((outcome) => workflowActionResponse(outcome).outputFields);

const optionValues = (name: 'outcome' | 'status') =>
  action.outputFields[name].options.map((option) => option.value);

describe('the Start Baton handoff action', () => {
  it("declares every output field the backend answers with, but HubSpot's hs_execution_state", () => {
    for (const answer of answers) {
      const { hs_execution_state: state, ...fields } = answer;
      expect(state).toBe('SUCCESS');
      expect(Object.keys(fields).sort()).toEqual(Object.keys(action.outputFields).sort());
    }
  });

  it('types completeness and quality as numbers, filled for a handoff and empty without one', () => {
    expect(action.outputFields.completeness.type).toBe('number');
    expect(action.outputFields.quality.type).toBe('number');
    for (const answer of answers) {
      const expected = answer.outcome === 'not_closed_won' ? null : expect.any(Number);
      expect(answer.completeness).toEqual(expected);
      expect(answer.quality).toEqual(expected);
    }
  });

  it('offers exactly the outcomes the backend answers with', () => {
    expect(new Set(answers.map((answer) => answer.outcome))).toEqual(
      new Set(optionValues('outcome')),
    );
  });

  it('offers exactly the statuses the backend answers with: none, then each lifecycle state', () => {
    expect(new Set(answers.map((answer) => answer.status))).toEqual(
      new Set(optionValues('status')),
    );
    expect(optionValues('status')).toEqual([NO_HANDOFF_STATUS, ...LIFECYCLE_STATES]);
  });

  it('has a message for each outcome that names only fields the action declares', () => {
    const { executionMessages } = action.labels.en;
    expect(Object.keys(executionMessages).sort()).toEqual([...optionValues('outcome')].sort());
    for (const message of Object.values(executionMessages)) {
      const named = [...message.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((match) => match[1]);
      for (const name of named) expect(Object.keys(action.outputFields)).toContain(name);
    }
  });

  it('runs on deals, the one object the backend accepts', () => {
    expect(action.objectTypes).toEqual(['DEAL']);
    const request = (objectType: string) =>
      workflowActionRequestSchema.safeParse({
        callbackId: 'ap-1',
        origin: { portalId: 1 },
        object: { objectId: 101, objectType },
      }).success;
    expect(request(action.objectTypes[0])).toBe(true);
    expect(request('CONTACT')).toBe(false);
  });

  it('keeps the uid and path HubSpot and the backend know it by', () => {
    expect(action.uid).toBe('baton_start_handoff');
    expect(action.path).toBe('/hubspot/actions/start-handoff');
  });
});

describe('the Start Baton handoff component', () => {
  const meta = workflowActionMeta(action, 'https://baton.example.com');

  it('calls the backend at the public URL, from deal workflows', () => {
    expect(meta).toMatchObject({
      uid: 'baton_start_handoff',
      type: 'workflow-action',
      config: {
        actionUrl: 'https://baton.example.com/hubspot/actions/start-handoff',
        isPublished: true,
        supportedClients: [{ client: 'WORKFLOWS' }],
        objectTypes: ['DEAL'],
        inputFields: [],
      },
    });
  });

  it('declares the output fields with their options, numbers as numbers', () => {
    expect(meta.config.outputFields).toEqual([
      {
        typeDefinition: {
          name: 'outcome',
          type: 'enumeration',
          fieldType: 'select',
          options: action.outputFields.outcome.options,
        },
      },
      {
        typeDefinition: {
          name: 'status',
          type: 'enumeration',
          fieldType: 'select',
          options: action.outputFields.status.options,
        },
      },
      { typeDefinition: { name: 'completeness', type: 'number', fieldType: 'number' } },
      { typeDefinition: { name: 'quality', type: 'number', fieldType: 'number' } },
    ]);
    expect(meta.config.labels.en?.outputFieldLabels).toEqual(action.labels.en.outputFields);
  });

  it('shows one message per outcome in the workflow history', () => {
    expect(meta.config.executionRules).toEqual([
      { labelName: 'started', conditions: { outcome: 'started' } },
      { labelName: 'already_started', conditions: { outcome: 'already_started' } },
      { labelName: 'not_closed_won', conditions: { outcome: 'not_closed_won' } },
    ]);
    expect(meta.config.labels.en?.executionRules).toEqual(action.labels.en.executionMessages);
  });
});
