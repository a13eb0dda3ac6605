// The card's way to Baton in the private, single-portal install, which has no backend: the same
// CardClient over the card's app function (src/functions/app-functions/
// handoff-card.app-function.ts), called with `hubspot.serverless`. The function answers
// `{ status: 'ok', result }` or the backend's `{ status: 'error', code, message }` without an
// HTTP status, so the status the card expects (a 409 `conflict` keeps the view) comes from the
// code, as the backend would have answered it.
import { hubspot } from '@hubspot/ui-extensions';
import { APP_FUNCTION_UIDS } from '../../src/functions/app-functions/app-function-uids';
import type { CardParameters } from '../../src/functions/app-functions/handoff-card.app-function';
import { CardApiError, type CardClient } from './card-client';
import type {
  ActionResult,
  CardView,
  IntroEmail,
  PreCloseResponse,
  StartResult,
} from './card-types';

type FunctionParameters = NonNullable<
  NonNullable<Parameters<typeof hubspot.serverless>[1]>['parameters']
>;

/** What the client needs of `hubspot.serverless`: the function's answer is read, not trusted. */
export type ServerlessRunner = (
  name: string,
  options: { parameters: FunctionParameters },
) => Promise<unknown>;

/**
 * The status the backend answers each code with (src/functions/card-errors.ts, and
 * app-function-runtime.ts `failure` for the rest); a test holds the two together.
 */
export const FUNCTION_ERROR_STATUS: Readonly<Record<string, number>> = {
  invalid_input: 400,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  invalid_state: 409,
  incomplete: 422,
  internal: 500,
  crm_unavailable: 502,
  not_configured: 503,
  not_provisioned: 503,
};

export interface ServerlessCardClientOptions {
  dealId: string;
  /** Defaults to `hubspot.serverless`, looked up at each call so tests can spy on it. */
  serverless?: ServerlessRunner;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** The function's answer as the result, or as the CardApiError the backend's answer would be. */
function resultFrom<T>(answer: unknown): T {
  if (isObject(answer) && answer.status === 'ok' && 'result' in answer) return answer.result as T;
  if (isObject(answer) && answer.status === 'error' && typeof answer.message === 'string') {
    const code = typeof answer.code === 'string' ? answer.code : 'error';
    throw new CardApiError(FUNCTION_ERROR_STATUS[code] ?? 500, code, answer.message);
  }
  throw new CardApiError(500, 'error', 'the Baton function answered something Baton cannot read');
}

export function createServerlessCardClient(options: ServerlessCardClientOptions): CardClient {
  async function call<T>(
    operation: CardParameters['operation'],
    parameters: Record<string, unknown> = {},
  ): Promise<T> {
    let answer: unknown;
    try {
      answer = await (options.serverless ?? hubspot.serverless)(APP_FUNCTION_UIDS.handoffCard, {
        // The card's bodies are JSON already (they are what it PUTs to the backend).
        parameters: { operation, dealId: options.dealId, ...parameters } as FunctionParameters,
      });
    } catch {
      throw new CardApiError(0, 'unreachable', 'Baton could not be reached: try again in a moment');
    }
    return resultFrom<T>(answer);
  }

  return {
    load: () => call<CardView>('load'),
    save: (baseVersion, sections) => call<CardView>('save', { baseVersion, sections }),
    act: (baseVersion, action) => call<ActionResult>('act', { baseVersion, action }),
    introEmail: () => call<IntroEmail>('intro-email'),
    start: () => call<StartResult>('start'),
    requestPreClose: () => call<PreCloseResponse>('pre-close'),
  };
}
