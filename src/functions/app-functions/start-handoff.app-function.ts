// "Start Baton handoff" as an endpoint app function, for a private (static-auth) install without
// Baton's backend. It speaks the workflow action's protocol (src/functions/workflow-action.ts):
// HubSpot POSTs the enrolled deal, the function starts the handoff (or finds it started) and
// answers with the output fields a workflow branches on. An endpoint function answers
// `{ statusCode, body }`; a failure's body is `{ status: 'error', code, message }`, and a 5xx
// makes HubSpot retry the action, which startHandoff makes safe (it resumes, never repeats).
import { z } from 'zod';
import { startHandoff } from '../closed-won';
import {
  type WorkflowActionResponse,
  workflowActionRequestSchema,
  workflowActionResponse,
} from '../workflow-action';
import {
  type FunctionEnv,
  type FunctionErrorBody,
  failure,
  functionDeps,
  parseInput,
} from './app-function-runtime';

/** The request as an endpoint function gets it: the JSON body, parsed or as its text. */
const endpointRequestSchema = z.looseObject({
  body: z.preprocess((body) => {
    if (typeof body !== 'string') return body;
    try {
      return JSON.parse(body) as unknown;
    } catch {
      return body;
    }
  }, workflowActionRequestSchema),
});

export type StartHandoffFunctionResult =
  | { statusCode: 200; body: WorkflowActionResponse }
  | { statusCode: number; body: FunctionErrorBody };

export interface StartHandoffFunctionOptions {
  env: FunctionEnv;
  now?: () => number;
}

export function createStartHandoffFunction(options: StartHandoffFunctionOptions) {
  return async (context: unknown): Promise<StartHandoffFunctionResult> => {
    try {
      const { body } = parseInput(endpointRequestSchema, context);
      const deps = functionDeps(options.env, options.now);
      // A repeated call (HubSpot retries) finishes an attempt that was cut short.
      const result = await startHandoff(body.object.objectId, deps, { resume: true });
      return { statusCode: 200, body: workflowActionResponse(result) };
    } catch (error) {
      return failure(error);
    }
  };
}

export const main = (context: unknown): Promise<StartHandoffFunctionResult> =>
  createStartHandoffFunction({ env: process.env })(context);
