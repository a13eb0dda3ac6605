// The deal card's app function, for a private (static-auth) install without Baton's backend.
// The card calls it with
//   hubspot.serverless('baton_handoff_card_function', { parameters: { operation, dealId, … } })
// and HubSpot runs `main` with the caller's identity in the context. One function for the card's
// six requests, told apart by `operation`, so the card has one door and one validation:
//   load                               → the card view (src/functions/card-api loadCard)
//   save   { baseVersion, sections }   → saveCard (a stale baseVersion is a `conflict`)
//   act    { baseVersion, action }     → actOnCard (the core's guards decide who may)
//   intro-email                        → introEmailForCard
//   start                              → startHandoff for a closed-won deal, then the card
//   pre-close                          → requestPreClose on an open deal, then the card
// It answers `{ status: 'ok', result }` or `{ status: 'error', code, message }`.
import { z } from 'zod';
import type { CrmAdapter } from '../../crm/crm-adapter';
import { type CardUser, actOnCard, introEmailForCard, loadCard, saveCard } from '../card-api';
import { CardError } from '../card-errors';
import { startHandoff } from '../closed-won';
import { requestPreClose } from '../pre-close';
import { type TeamDirectory, roleOf } from '../team-directory';
import {
  type FunctionDeps,
  type FunctionEnv,
  type FunctionErrorBody,
  failure,
  functionDeps,
  numericId,
  parseInput,
} from './app-function-runtime';

const dealId = numericId('deal id');

export const cardParametersSchema = z.discriminatedUnion(
  'operation',
  [
    z.strictObject({ operation: z.literal('load'), dealId }),
    // The bodies are the card API's own: saveCard and actOnCard check them and name the field.
    z.strictObject({
      operation: z.literal('save'),
      dealId,
      baseVersion: z.unknown(),
      sections: z.unknown(),
    }),
    z.strictObject({
      operation: z.literal('act'),
      dealId,
      baseVersion: z.unknown(),
      action: z.unknown(),
    }),
    z.strictObject({ operation: z.literal('intro-email'), dealId }),
    z.strictObject({ operation: z.literal('start'), dealId }),
    // The request carries nothing but the deal: requestPreClose reads the rest from the CRM.
    z.strictObject({ operation: z.literal('pre-close'), dealId }),
  ],
  { error: 'expected one of load, save, act, intro-email, start, pre-close' },
);

export type CardParameters = z.input<typeof cardParametersSchema>;

/**
 * Who is calling, as HubSpot puts it in the function's context. The names follow the signed
 * query of `hubspot.fetch` (userId, userEmail); a nested `user: { id, email }` is read too,
 * because HubSpot's 2026.03 reference does not pin the context's shape down. Never from
 * `parameters`, which the browser controls.
 */
const callerSchema = z.looseObject({
  userId: numericId('user id').optional(),
  userEmail: z.email({ error: 'expected an email address' }).optional(),
  user: z
    .looseObject({
      id: numericId('user id').optional(),
      email: z.email({ error: 'expected an email address' }).optional(),
    })
    .optional(),
  parameters: z.unknown(),
});

/**
 * The person as Baton's rules know them (as src/server/card-user.ts does for the backend): the
 * owner with the caller's user id, or failing that their email; a user who owns nothing in the
 * CRM may still look, as `user:<id>`, and the core refuses them what needs a role.
 */
async function resolveCaller(
  caller: z.infer<typeof callerSchema>,
  crm: CrmAdapter,
  directory: TeamDirectory,
): Promise<CardUser> {
  const userId = caller.userId ?? caller.user?.id;
  if (userId === undefined)
    throw new CardError('forbidden', 'HubSpot did not say who is calling, so Baton cannot tell');
  const email = (caller.userEmail ?? caller.user?.email)?.toLowerCase();
  const people = await crm.listPeople();
  const owner =
    people.find((person) => person.userId === userId) ??
    (email ? people.find((person) => person.email?.toLowerCase() === email) : undefined);
  const id = owner?.id ?? `user:${userId}`;
  return { id, role: roleOf(directory, id) };
}

async function run(
  parameters: z.infer<typeof cardParametersSchema>,
  user: CardUser,
  deps: FunctionDeps,
) {
  const { dealId } = parameters;
  switch (parameters.operation) {
    case 'load':
      return loadCard(dealId, user, deps);
    case 'save':
      return saveCard(
        dealId,
        user,
        { baseVersion: parameters.baseVersion, sections: parameters.sections },
        deps,
      );
    case 'act':
      return actOnCard(
        dealId,
        user,
        { baseVersion: parameters.baseVersion, action: parameters.action },
        deps,
      );
    case 'intro-email':
      return introEmailForCard(dealId, deps);
    case 'start': {
      // A person pressing start again after a failure: finish what the first press began.
      const started = await startHandoff(dealId, deps, { resume: true });
      if (started.outcome === 'not_closed_won')
        throw new CardError(
          'invalid_state',
          `deal ${dealId} is not closed-won, so there is no handoff to start yet`,
        );
      return { outcome: started.outcome, card: await loadCard(dealId, user, deps) };
    }
    case 'pre-close': {
      // As POST …/handoff/pre-close answers (src/server/routes/card.routes.ts): the outcome and
      // the card; asking again finds the request made. A refusal is a CardError, as there.
      const requested = await requestPreClose(dealId, user, undefined, deps);
      return { outcome: requested.outcome, card: await loadCard(dealId, user, deps) };
    }
  }
}

export type CardFunctionResult =
  { status: 'ok'; result: Awaited<ReturnType<typeof run>> } | FunctionErrorBody;

export interface CardFunctionOptions {
  env: FunctionEnv;
  now?: () => number;
}

/** `main` over an environment and a clock: the tests' entry; HubSpot's is `main` below. */
export function createHandoffCardFunction(options: CardFunctionOptions) {
  return async (context: unknown): Promise<CardFunctionResult> => {
    try {
      const caller = parseInput(callerSchema, context);
      const parameters = parseInput(cardParametersSchema, caller.parameters ?? {});
      const deps = functionDeps(options.env, options.now);
      const user = await resolveCaller(caller, deps.crm, deps.directory);
      return { status: 'ok', result: await run(parameters, user, deps) };
    } catch (error) {
      return failure(error).body;
    }
  };
}

export const main = (context: unknown): Promise<CardFunctionResult> =>
  createHandoffCardFunction({ env: process.env })(context);
