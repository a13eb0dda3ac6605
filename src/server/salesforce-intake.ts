// The backend's door for one Salesforce org: the listener (src/crm/salesforce/handoff-listener.ts)
// hands it platform events and reconciliation polls, and it queues `closed-won` jobs for the org
// as the HubSpot webhook route does for webhook events. Each event is recorded once by its
// EventUuid, its job queued and its replay id stored in one transaction, the replay id last: a
// crash before the commit makes the event come again, never lost nor done twice. A poll's
// findings are queued under their Opportunity and change time, with its checkpoint.
import type { Connection } from 'jsforce';
import {
  type HandoffIntake,
  type HandoffListener,
  type HandoffListenerOptions,
  createHandoffListener,
} from '../crm/salesforce/handoff-listener';
import type { WorkSignal } from './backend-deps';
import type { BackendStorage } from './jobs/backend-jobs';
import type { Logger } from './logger';

export interface SalesforceIntakeOptions {
  /** The org's id: its account ("portal") id in the backend. */
  orgId: string;
  storage: BackendStorage;
  worker: WorkSignal;
  /** The queue's clock (job due times, the stored bookkeeping). */
  queueClock: () => number;
}

export function createSalesforceIntake(options: SalesforceIntakeOptions): HandoffIntake {
  const { orgId, storage, worker, queueClock } = options;
  return {
    async lastReplayId(channel) {
      const { replay } = await storage.salesforceCursors.get(orgId);
      return replay?.channel === channel ? replay.replayId : null;
    },

    async acceptEvent(request, channel) {
      const at = new Date(queueClock());
      // EventUuid is the same on every delivery of an event; replay ids are per channel.
      const eventId = request.eventUuid ?? `${channel}#${request.replayId}`;
      const key = `${orgId}:event:${eventId}`;
      const queued = await storage.transaction(async (s) => {
        let created = false;
        if (await s.processedEvents.recordOnce('salesforce', key, at)) {
          await s.jobs.enqueue(
            'closed-won',
            key,
            {
              portalId: orgId,
              dealId: request.opportunityId,
              eventId,
              stageId: null,
              occurredAt: request.requestedAt,
              source: 'salesforce_event',
            },
            at,
          );
          created = true;
        }
        await s.salesforceCursors.saveReplayId(orgId, channel, request.replayId, at);
        return created;
      });
      if (queued) worker.nudge();
      return queued;
    },

    async reconciledThrough() {
      return (await storage.salesforceCursors.get(orgId)).reconciledThrough;
    },

    async acceptReconciliation(found, through) {
      const at = new Date(queueClock());
      const queued = await storage.transaction(async (s) => {
        let count = 0;
        for (const opportunity of found) {
          // Once per Opportunity and change: polls overlap, and a deal still without its handoff
          // (its job not run yet) is found again until it has one.
          const changed = opportunity.lastModifiedAt.toISOString();
          const { created } = await s.jobs.enqueue(
            'closed-won',
            `${orgId}:poll:${opportunity.id}@${changed}`,
            {
              portalId: orgId,
              dealId: opportunity.id,
              eventId: `poll@${changed}`,
              stageId: null,
              occurredAt: opportunity.lastModifiedAt.getTime(),
              source: 'salesforce_poll',
            },
            at,
          );
          if (created) count++;
        }
        await s.salesforceCursors.saveReconciledThrough(orgId, through, at);
        return count;
      });
      if (queued > 0) worker.nudge();
      return queued;
    },
  };
}

export interface SalesforceListenerOptions extends SalesforceIntakeOptions {
  /** Signs in to the org (salesforce-auth's connectSalesforce). */
  signIn: () => Promise<Connection>;
  log: Logger;
  /** Reconnection, reconciliation interval and look-back (the listener's defaults otherwise). */
  tuning?: Omit<HandoffListenerOptions, 'signIn' | 'intake' | 'log'>;
}

/** The org's listener, feeding this backend's queue. Start it after the worker. */
export function createSalesforceListener(options: SalesforceListenerOptions): HandoffListener {
  return createHandoffListener({
    ...options.tuning,
    signIn: options.signIn,
    intake: createSalesforceIntake(options),
    log: options.log.child({ component: 'salesforce-listener', orgId: options.orgId }),
  });
}
