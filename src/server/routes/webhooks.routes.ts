// POST /hubspot/webhooks: deal stage changes from HubSpot. HubSpot retries a delivery that is
// not answered 2xx within 5 seconds, so the batch is validated, each event recorded once, its
// work queued, and the answer sent; the handoffs start right after, in the background.
import { DealNotFoundError } from '../../crm/crm-adapter';
import {
  type StageChange,
  latestStageChanges,
  webhookBatchSchema,
} from '../../functions/webhook-events';
import type { BackendDeps } from '../backend-deps';
import { startAndRecord } from '../handoff-starts';
import type { BackendApp } from '../http-env';
import { parseBody } from '../http-errors';

export const CLOSED_WON_JOB = 'closed-won';

export function registerWebhookRoutes(app: BackendApp, deps: BackendDeps): void {
  app.post('/hubspot/webhooks', async (c) => {
    const events = parseBody(c.get('rawBody'), webhookBatchSchema);
    const changes = latestStageChanges(events);
    let queued = 0;
    let duplicates = 0;
    for (const change of changes) {
      // Event ids are HubSpot's per app; the portal keeps two accounts' ids apart regardless.
      const first = await deps.processedEvents.recordOnce(
        'webhook',
        `${change.portalId}:${change.eventId}`,
      );
      if (!first) {
        duplicates++;
        continue;
      }
      await deps.queue.enqueue(CLOSED_WON_JOB, `${change.portalId}:${change.dealId}`, () =>
        handleStageChange(deps, change),
      );
      queued++;
    }
    c.get('log').info(
      { events: events.length, stageChanges: changes.length, queued, duplicates },
      'webhook batch accepted',
    );
    return c.json({ status: 'ok', received: events.length, queued, duplicates });
  });
}

/** The queued work for one deal's stage change; a throw makes the queue retry it. */
export async function handleStageChange(deps: BackendDeps, change: StageChange): Promise<void> {
  const log = deps.log.child({ portalId: change.portalId, dealId: change.dealId });
  const crm = await deps.crmFor(change.portalId);
  if (crm === null) {
    log.warn('stage change for an account without Baton installed: ignored');
    return;
  }
  // The event's time is when the deal became closed-won only if it moved into a won stage;
  // otherwise the deal's own close date says it (startHandoff reads the deal afresh anyway).
  const won = Object.values((await crm.closedWonStages()).byPipeline).flat();
  const closedWonAt =
    change.stageId !== null && won.includes(change.stageId) ? change.occurredAt : null;
  try {
    await startAndRecord(deps, {
      portalId: change.portalId,
      dealId: change.dealId,
      crm,
      closedWonAt,
      source: 'webhook',
      details: { eventId: change.eventId },
    });
  } catch (error) {
    // A deal deleted since the event has nothing to hand off; retrying would not change that.
    if (error instanceof DealNotFoundError) {
      log.warn('the deal of a stage change no longer exists: nothing to start');
      return;
    }
    throw error;
  }
}
