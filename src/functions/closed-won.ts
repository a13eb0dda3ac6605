// Closed-won automation (PROTOCOL section 7): when a deal reaches a closed-won stage, create the
// handoff prefilled from the CRM, the template's tasks with owners and due dates on the deal,
// the scores and SLA state on the deal, and the CSM's and CS manager's tasks as their notice.
// Idempotent: the current deal decides (not the event's value, which may be stale or
// reordered), and a deal that already has its handoff is left alone, except a pre-close one
// still pending its contract: the close adopts it (see adoptPreClose).
import { type HandoffDocument, type Policy, toIso } from '../core';
import {
  type CrmAdapter,
  type DealContext,
  HandoffConflictError,
  type HandoffSummary,
  type HandoffWrite,
  type StoredHandoff,
} from '../crm/crm-adapter';
import { handoffKeyOf } from '../crm/handoff-records';
import { summarizeHandoff } from '../crm/handoff-summary';
import { buildHandoffWrite } from './handoff-write';
import type { KeyedLocks } from './keyed-locks';
import { type TeamDirectory, assignHandoff } from './team-directory';

export interface ClosedWonDeps {
  crm: CrmAdapter;
  locks: KeyedLocks;
  policy: Policy;
  directory: TeamDirectory;
  now: () => number;
}

export type StartOutcome =
  | {
      outcome: 'started';
      handoffKey: string;
      document: HandoffDocument;
      summary: HandoffSummary;
      tasks: number;
      receiverId: string | null;
      /**
       * The deal's pre-close handoff, now stamped with the close: no new handoff, and only the
       * tasks it did not have yet were created.
       */
      adoptedPreClose?: boolean;
    }
  | { outcome: 'already_started'; handoffKey: string; summary: HandoffSummary }
  | { outcome: 'not_closed_won'; dealId: string; stageId: string | null };

export interface StartOptions {
  /** When the deal became closed-won, from the event; the CRM's close date otherwise. */
  closedWonAt?: number | null;
  /**
   * An earlier attempt may have been cut short (a retried job, a repeated workflow call):
   * finish its work rather than repeat it (see SaveOptions.resume).
   */
  resume?: boolean;
}

export function startHandoff(
  dealId: string,
  deps: ClosedWonDeps,
  options: StartOptions = {},
): Promise<StartOutcome> {
  return deps.locks.run(`deal:${dealId}`, () => start(dealId, deps, options));
}

async function start(
  dealId: string,
  deps: ClosedWonDeps,
  options: StartOptions,
): Promise<StartOutcome> {
  const context = await deps.crm.loadDealContext(dealId);
  const closedWonAt = options.closedWonAt ? toIso(options.closedWonAt) : context.deal.closedAt;
  if (context.handoff !== null) {
    if (context.deal.isClosedWon && awaitsContract(context.handoff.document))
      return adoptPreClose(context, context.handoff, deps, {
        closedWonAt: closedWonAt ?? toIso(deps.now()),
        resume: options.resume === true,
      });
    const summary = summarizeHandoff(context.handoff.document, deps.policy, deps.now());
    return { outcome: 'already_started', handoffKey: context.handoff.key, summary };
  }
  if (!context.deal.isClosedWon)
    return { outcome: 'not_closed_won', dealId, stageId: context.deal.stageId };

  const { write, receiverId } = await assignedHandoffWrite(context, deps, { closedWonAt });
  let saved;
  try {
    saved = await deps.crm.saveHandoff(write, { resume: options.resume === true });
  } catch (error) {
    if (!(error instanceof HandoffConflictError)) throw error;
    // The deal shows no handoff, yet one is stored under its key. Under the deal's lock no one
    // else is writing it: an earlier attempt stopped between storing the record and linking
    // it to the deal. Finish that creation.
    saved = await deps.crm.saveHandoff(write, { resume: true });
  }
  return {
    outcome: 'started',
    handoffKey: handoffKeyOf(write.document),
    document: write.document,
    summary: write.summary,
    tasks: Object.keys(saved.handoff.links.tasks).length,
    receiverId,
  };
}

/** A pre-close handoff before the deal closed: "pending contract" (PROTOCOL section 1). */
export function awaitsContract(document: HandoffDocument): boolean {
  return document.handoffType === 'pre_close' && !document.deal.closedWonAt;
}

/**
 * The write of a handoff for a deal with its people assigned the way every start assigns them:
 * the deal's CSM (or a stable pick), a CS manager, the AE's sales manager.
 */
export async function assignedHandoffWrite(
  context: DealContext,
  deps: Pick<ClosedWonDeps, 'crm' | 'policy' | 'directory' | 'now'>,
  content: { document?: HandoffDocument; closedWonAt?: string | null },
): Promise<{ write: HandoffWrite; receiverId: string | null; receiverManagerId: string | null }> {
  const assignment = assignHandoff(context.deal, context.owner, deps.directory);
  const people = await deps.crm.listPeople();
  const receiver = people.find((person) => person.id === assignment.receiverId);
  const write = buildHandoffWrite(context, {
    policy: deps.policy,
    now: deps.now(),
    ...content,
    receiverOwnerId: assignment.receiverId,
    receiverManagerId: assignment.receiverManagerId,
    senderManagerId: assignment.senderManagerId,
    receiverName: receiver?.name ?? null,
  });
  return {
    write,
    receiverId: assignment.receiverId,
    receiverManagerId: assignment.receiverManagerId,
  };
}

/**
 * The deal closed won after its AE requested a pre-close handoff: that handoff is the deal's
 * handoff, so no second one is made. The close is stamped on it (the signed contract its
 * completion waited for; the SLA clocks run from it now), and the template's tasks it does not
 * have yet are created, once: all of them if it was approved before the close, or still only the
 * CS manager's approval task if not (approval then brings the rest, due from the close).
 */
async function adoptPreClose(
  context: DealContext,
  handoff: StoredHandoff,
  deps: ClosedWonDeps,
  options: { closedWonAt: string; resume: boolean },
): Promise<StartOutcome> {
  const current = handoff.document;
  const document = { ...current, deal: { ...current.deal, closedWonAt: options.closedWonAt } };
  const { write, receiverId } = await assignedHandoffWrite(context, deps, { document });
  const saved = await deps.crm.saveHandoff(write, { resume: options.resume });
  return {
    outcome: 'started',
    handoffKey: saved.handoff.key,
    document,
    summary: write.summary,
    tasks: Object.keys(saved.handoff.links.tasks).length,
    receiverId,
    adoptedPreClose: true,
  };
}
