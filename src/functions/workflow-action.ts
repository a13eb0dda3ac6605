// "Start Baton handoff": the custom workflow action customers put in any deal workflow. HubSpot
// POSTs the enrolled deal to the action URL; Baton starts the handoff (or finds it started) and
// answers with output fields the workflow can branch on.
import { z } from 'zod';
import type { StartOutcome } from './closed-won';

const id = z.union([z.number().int().nonnegative(), z.string().regex(/^\d+$/)]).transform(String);

export const workflowActionRequestSchema = z.looseObject({
  callbackId: z.string().min(1, { error: 'required' }),
  origin: z.looseObject({
    portalId: id,
    actionDefinitionId: id.optional(),
    actionDefinitionVersion: z.number().optional(),
  }),
  object: z.looseObject({
    objectId: id,
    objectType: z.string().refine((type) => type.toUpperCase() === 'DEAL' || type === '0-3', {
      error: 'Start Baton handoff runs on deals',
    }),
  }),
  inputFields: z.record(z.string(), z.unknown()).default({}),
});

export type WorkflowActionRequest = z.infer<typeof workflowActionRequestSchema>;

export interface WorkflowActionResponse {
  outputFields: {
    /** started, already_started, or not_closed_won: what happened, for branching. */
    outcome: string;
    status: string;
    completeness: number | null;
    quality: number | null;
    hs_execution_state: 'SUCCESS' | 'FAIL_CONTINUE';
  };
}

export function workflowActionResponse(result: StartOutcome): WorkflowActionResponse {
  if (result.outcome === 'not_closed_won') {
    // Not an error: the workflow may branch on it ("deal is not closed-won yet").
    return {
      outputFields: {
        outcome: result.outcome,
        status: 'none',
        completeness: null,
        quality: null,
        hs_execution_state: 'SUCCESS',
      },
    };
  }
  return {
    outputFields: {
      outcome: result.outcome,
      status: result.summary.state,
      completeness: result.summary.completeness,
      quality: result.summary.quality,
      hs_execution_state: 'SUCCESS',
    },
  };
}
