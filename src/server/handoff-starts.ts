// Starting a handoff from any of the doors (a webhook's stage change, the workflow action, the
// card's start button): the portal's CRM, the closed-won function, and an audit entry and a log
// line when a handoff came into being.
import type { Actor } from '../core';
import type { CrmAdapter } from '../crm/crm-adapter';
import { type StartOutcome, startHandoff } from '../functions/closed-won';
import { SYSTEM_ACTOR, closeAdoptionEntry, creationEntry } from './audit-entries';
import { type AuditEntry, type BackendDeps, type JsonValue, dealLocks } from './backend-deps';
import { indexHandoff } from './handoff-index';
import { HttpError } from './http-errors';
import { describeError } from './logger';
import { type PortalRules, settingsFor } from './portal-settings';

export async function requireCrm(deps: BackendDeps, portalId: string): Promise<CrmAdapter> {
  const crm = await deps.crmFor(portalId);
  if (crm === null) {
    throw new HttpError(
      403,
      'not_installed',
      `Baton is not installed in HubSpot account ${portalId}; install the app there first`,
    );
  }
  return crm;
}

export interface StartRequest {
  portalId: string;
  dealId: string;
  crm: CrmAdapter;
  /** When the deal became closed-won, if the caller knows; the CRM's close date otherwise. */
  closedWonAt?: number | null;
  actor?: Actor;
  /** What started it, for the audit log: `webhook`, `workflow_action`, `card`. */
  source: string;
  /** An earlier attempt of this start may have been cut short (see StartOptions.resume). */
  resume?: boolean;
  details?: { [key: string]: JsonValue };
  /** The portal's policy and team when the caller has read them already (settingsFor). */
  rules?: PortalRules;
}

export async function startAndRecord(
  deps: BackendDeps,
  request: StartRequest,
): Promise<StartOutcome> {
  const { policy, directory } = request.rules ?? (await settingsFor(deps, request.portalId));
  const result = await startHandoff(
    request.dealId,
    {
      crm: request.crm,
      locks: dealLocks(deps.locks, request.portalId),
      policy,
      directory,
      now: deps.now,
    },
    { closedWonAt: request.closedWonAt ?? null, resume: request.resume === true },
  );
  const fields = { portalId: request.portalId, dealId: request.dealId, source: request.source };
  if (result.outcome !== 'started') {
    deps.log.info({ ...fields, outcome: result.outcome }, 'no handoff to start');
    return result;
  }
  deps.log.info(
    { ...fields, handoffKey: result.handoffKey, tasks: result.tasks },
    result.adoptedPreClose ? 'pre-close handoff adopted at the close' : 'handoff started',
  );
  await indexHandoff(deps, {
    portalId: request.portalId,
    dealId: request.dealId,
    handoffKey: result.handoffKey,
    document: result.document,
    policy,
  });
  // A pre-close handoff existed already: the close is recorded on it, not a creation.
  const entry = result.adoptedPreClose ? closeAdoptionEntry : creationEntry;
  await recordAudit(deps, [
    entry(request.portalId, result.handoffKey, {
      actor: request.actor ?? SYSTEM_ACTOR,
      state: result.summary.state,
      at: deps.now(),
      details: {
        source: request.source,
        dealId: request.dealId,
        tasks: result.tasks,
        receiverId: result.receiverId,
        ...request.details,
      },
    }),
  ]);
  return result;
}

/**
 * Appends to the audit log in order. The CRM write it records has happened and cannot be taken
 * back, so a failing log must not turn that success into an error for the caller (who would
 * retry a done thing): it is logged at error level, with what was lost, for a person.
 */
export async function recordAudit(
  deps: BackendDeps,
  entries: readonly AuditEntry[],
): Promise<void> {
  for (const entry of entries) {
    try {
      await deps.storage.auditLog.append(entry);
    } catch (error) {
      deps.log.error(
        {
          portalId: entry.portalId,
          handoffKey: entry.handoffKey,
          action: entry.action,
          err: describeError(error),
        },
        'could not write the audit log; this entry is missing from it',
      );
    }
  }
}
