// POST /hubspot/webhooks: deal stage changes from HubSpot. HubSpot retries a delivery that is
// not answered 2xx within 5 seconds, so the batch is validated, and each new event recorded
// and its job queued in one transaction, before the answer goes out; the handoffs start right
// after, on whichever backend copy claims the job. A crash after the commit loses nothing (the
// job waits in the database); a crash before it makes HubSpot deliver again.
import { latestStageChanges, webhookBatchSchema } from '../../functions/webhook-events';
import type { BackendDeps } from '../backend-deps';
import type { BackendApp } from '../http-env';
import { parseBody } from '../http-errors';

export function registerWebhookRoutes(app: BackendApp, deps: BackendDeps): void {
  app.post('/hubspot/webhooks', async (c) => {
    const events = parseBody(c.get('rawBody'), webhookBatchSchema);
    const changes = latestStageChanges(events);
    const at = new Date(deps.queueClock());
    const queued = await deps.storage.transaction(async (s) => {
      let count = 0;
      for (const change of changes) {
        // Event ids are HubSpot's per app; the portal keeps two accounts' ids apart regardless.
        const eventKey = `${change.portalId}:${change.eventId}`;
        if (!(await s.processedEvents.recordOnce('webhook', eventKey, at))) continue;
        await s.jobs.enqueue('closed-won', eventKey, change, at);
        count++;
      }
      return count;
    });
    if (queued > 0) deps.worker.nudge();
    const duplicates = changes.length - queued;
    c.get('log').info(
      { events: events.length, stageChanges: changes.length, queued, duplicates },
      'webhook batch accepted',
    );
    return c.json({ status: 'ok', received: events.length, queued, duplicates });
  });
}
