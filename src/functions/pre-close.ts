// The pre-close handoff request (PROTOCOL section 1, `pre_close`): on a strategic or complex
// deal that is still open, 5-7 days before its expected close, the AE (or their sales manager)
// asks CS to engage before the contract is signed. The handoff is made the way the closed-won
// start makes one (pre-filled from the CRM, people assigned), but it waits for a CS manager's
// approval, and until then its only task is that approval: the CS manager's notice. It stays
// "pending contract" until the deal closes won, when the closed-won automation adopts it
// (closed-won.ts). Under the deal's lock, so asking again answers with the same handoff.
import { z } from 'zod';
import {
  type Actor,
  type HandoffDocument,
  type LifecycleState,
  type Policy,
  describeFieldError,
  maySend,
  parseWith,
  stateOf,
} from '../core';
import { type DealContext, HandoffConflictError } from '../crm/crm-adapter';
import { prefillHandoff } from '../crm/handoff-prefill';
import type { CardDeps } from './card-api';
import { CardError } from './card-errors';
import { assignedHandoffWrite } from './closed-won';
import type { TeamDirectory } from './team-directory';

/**
 * The request carries nothing: the expected close is the deal's close date in the CRM, and the
 * handoff document has no field for a reason (the AE writes the context into the handoff).
 * Unknown fields are refused rather than dropped.
 */
export const preCloseRequestSchema = z
  .strictObject({}, { error: 'expected an empty object: the request carries no fields' })
  .optional();

export interface PreCloseDeps extends CardDeps {
  /** Who the CS managers and CSMs are: the approval task goes to a CS manager. */
  directory: TeamDirectory;
}

export type PreCloseDecision =
  | { kind: 'request' }
  | { kind: 'already_requested' }
  | { kind: 'refused'; code: 'forbidden' | 'invalid_state'; reason: string };

export type PreCloseResult =
  | {
      outcome: 'requested';
      handoffKey: string;
      state: LifecycleState;
      /** The CS manager asked to approve; null when the team directory names none. */
      approverId: string | null;
      tasks: number;
    }
  | { outcome: 'already_requested'; handoffKey: string; state: LifecycleState };

/** Whether this person may request a pre-close handoff on this deal now, and if not, why. */
export function decidePreClose(
  context: DealContext,
  actor: Actor,
  policy: Policy,
): PreCloseDecision {
  const existing = context.handoff?.document ?? null;
  const subject = existing ?? {
    handoffType: 'pre_close' as const,
    deal: { id: context.deal.id, ownerId: context.deal.ownerId },
  };
  const permission = maySend(subject, policy.templates.pre_close, actor);
  if (!permission.allowed) return { kind: 'refused', code: 'forbidden', reason: permission.reason };
  const dealId = context.deal.id;
  if (existing !== null) {
    if (existing.handoffType === 'pre_close') return { kind: 'already_requested' };
    return {
      kind: 'refused',
      code: 'invalid_state',
      reason: `deal ${dealId} already has its handoff (${policy.templates[existing.handoffType].label})`,
    };
  }
  if (context.deal.isClosedWon) {
    return {
      kind: 'refused',
      code: 'invalid_state',
      reason: `deal ${dealId} is closed-won: its handoff starts from the close, not before it`,
    };
  }
  if (context.deal.isClosed === true) {
    return {
      kind: 'refused',
      code: 'invalid_state',
      reason: `deal ${dealId} is closed lost: there is no contract to prepare CS for`,
    };
  }
  return { kind: 'request' };
}

export async function requestPreClose(
  dealId: string,
  user: Actor,
  body: unknown,
  deps: PreCloseDeps,
): Promise<PreCloseResult> {
  const request = parseWith(preCloseRequestSchema, body);
  if (!request.success)
    throw new CardError('invalid_input', request.errors.map(describeFieldError).join('; '));
  return deps.locks.run(`deal:${dealId}`, async () => {
    const context = await deps.crm.loadDealContext(dealId);
    const decision = decidePreClose(context, user, deps.policy);
    if (decision.kind === 'refused') throw new CardError(decision.code, decision.reason);
    const template = deps.policy.templates.pre_close;
    if (decision.kind === 'already_requested') {
      const { key, document } = context.handoff!;
      return { outcome: 'already_requested', handoffKey: key, state: stateOf(document, template) };
    }

    const prefilled = prefillHandoff(context, { handoffType: 'pre_close' });
    // An open deal's close date in the CRM is the expected one: no contract is signed yet.
    const document: HandoffDocument = {
      ...prefilled,
      deal: { ...prefilled.deal, closedWonAt: null },
    };
    const { write, receiverManagerId } = await assignedHandoffWrite(context, deps, { document });
    let saved;
    try {
      saved = await deps.crm.saveHandoff(write);
    } catch (error) {
      if (!(error instanceof HandoffConflictError)) throw error;
      // The deal shows no handoff, yet one is stored under its key: under the deal's lock, that
      // is an earlier request stopped between storing the record and linking it. Finish it.
      saved = await deps.crm.saveHandoff(write, { resume: true });
    }
    await deps.onSaved?.(dealId, saved.handoff);
    return {
      outcome: 'requested',
      handoffKey: saved.handoff.key,
      state: stateOf(document, template),
      approverId: receiverManagerId,
      tasks: Object.keys(saved.handoff.links.tasks).length,
    };
  });
}
