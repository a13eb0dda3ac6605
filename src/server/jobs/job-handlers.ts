// What each queued job does. Every handler is idempotent, because a job may run again after a
// crash or a lost lease: starts and saves are guarded by the deal's lock and the CRM's state,
// tasks are found by key before any is made, alerts are raised once by key.
import { DealNotFoundError } from '../../crm/crm-adapter';
import { planSlaWork } from '../../functions/sla-sweep';
import { type BackendDeps, dealLocks } from '../backend-deps';
import { startAndRecord } from '../handoff-starts';
import { indexHandoff } from '../handoff-index';
import { settingsFor } from '../portal-settings';
import type { JobHandlers } from './job-worker';
import type { BackendJobKinds } from './backend-jobs';

/** Handoffs looked at per sweep slot; a slot that finds more queues another sweep at once. */
export const SWEEP_BATCH = 500;

/**
 * How long event ids and finished jobs are kept: HubSpot retries a webhook for up to three
 * days, so a week covers any duplicate with room to spare.
 */
export const KEEP_FINISHED_MS = 7 * 24 * 60 * 60 * 1000;

export function backendJobHandlers(deps: BackendDeps): JobHandlers<BackendJobKinds> {
  return {
    async 'closed-won'(change, run) {
      const crm = await deps.crmFor(change.portalId);
      if (crm === null) {
        run.log.warn({ portalId: change.portalId }, 'stage change for a portal without Baton');
        return;
      }
      // The event's time is when the deal became closed-won only if it moved into a won stage
      // (Salesforce's event is published just then); otherwise the deal's own close date says it
      // (the start reads the deal afresh anyway).
      const won = Object.values((await crm.closedWonStages()).byPipeline).flat();
      const movedIntoWon =
        change.source === 'salesforce_event' ||
        (change.stageId !== null && won.includes(change.stageId));
      const closedWonAt = movedIntoWon ? change.occurredAt : null;
      try {
        await startAndRecord(deps, {
          portalId: change.portalId,
          dealId: change.dealId,
          crm,
          closedWonAt,
          source: change.source,
          resume: run.attempt > 1,
          details: { eventId: change.eventId },
        });
      } catch (error) {
        // A deal deleted since the event has nothing to hand off; retrying would not change that.
        if (error instanceof DealNotFoundError) {
          run.log.warn({ dealId: change.dealId }, 'the deal of a stage change no longer exists');
          return;
        }
        throw error;
      }
    },

    async 'sla-sweep'(_payload, run) {
      const due = await deps.storage.handoffIndex.dueBefore(new Date(deps.now()), SWEEP_BATCH);
      const at = new Date(deps.queueClock());
      await deps.storage.transaction(async (s) => {
        for (const entry of due) {
          // One check per handoff and due instant, however many sweeps see it before it runs.
          await s.jobs.enqueue(
            'sla-check',
            `${entry.portalId}:${entry.handoffKey}@${entry.nextDueAt?.toISOString()}`,
            { portalId: entry.portalId, dealId: entry.dealId, handoffKey: entry.handoffKey },
            at,
          );
        }
        if (due.length === SWEEP_BATCH) {
          await s.jobs.enqueue(
            'sla-sweep',
            `more-after:${run.id}`,
            { slot: `more-after:${run.id}` },
            at,
          );
        }
      });
      if (due.length > 0) deps.worker.nudge();
      // The sweep's schedule doubles as the housekeeping's.
      const before = new Date(deps.queueClock() - KEEP_FINISHED_MS);
      const pruned = {
        events: await deps.storage.processedEvents.pruneOlderThan(before),
        jobs: await deps.storage.jobs.pruneDone(before),
      };
      run.log.debug({ due: due.length, pruned }, 'SLA sweep');
    },

    async 'sla-check'(ref, run) {
      const crm = await deps.crmFor(ref.portalId);
      if (crm === null) return;
      await dealLocks(deps.locks, ref.portalId).run(`deal:${ref.dealId}`, async () => {
        let context;
        try {
          context = await crm.loadDealContext(ref.dealId);
        } catch (error) {
          if (!(error instanceof DealNotFoundError)) throw error;
          run.log.warn({ dealId: ref.dealId }, 'the deal of an indexed handoff no longer exists');
          await deps.storage.handoffIndex.upsert({
            ...ref,
            state: 'completed',
            nextDueAt: null,
            updatedAt: new Date(deps.now()),
          });
          return;
        }
        const handoff = context.handoff;
        if (handoff === null) return;
        const now = deps.now();
        const { policy, directory } = await settingsFor(deps, ref.portalId);
        const work = planSlaWork(context, policy, directory, now);
        const at = new Date(deps.queueClock());
        const raised = await deps.storage.transaction(async (s) => {
          let count = 0;
          for (const { alert, task } of work) {
            // The alert and its task's job commit together: neither without the other.
            if (!(await s.slaAlerts.raiseOnce(ref, alert, new Date(now)))) continue;
            await s.jobs.enqueue('sla-task', `${ref.portalId}:${task.key}`, { ...ref, task }, at);
            count++;
          }
          return count;
        });
        if (raised > 0) {
          deps.worker.nudge();
          run.log.info({ dealId: ref.dealId, raised }, 'SLA alerts raised');
        }
        await indexHandoff(deps, {
          ...ref,
          handoffKey: handoff.key,
          document: handoff.document,
          policy,
        });
      });
    },

    async 'sla-task'(job) {
      const crm = await deps.crmFor(job.portalId);
      if (crm === null) return;
      try {
        await crm.addDealTasks(job.dealId, [job.task]);
      } catch (error) {
        if (error instanceof DealNotFoundError) return;
        throw error;
      }
    },

    async provision(job, run) {
      const crm = await deps.crmFor(job.portalId);
      if (crm === null) return;
      const report = await crm.provision();
      run.log.info(
        { portalId: job.portalId, changed: report.changed, steps: report.steps.length },
        'portal provisioned',
      );
    },
  };
}
