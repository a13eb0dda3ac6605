// POST /hubspot/actions/start-handoff: the "Start Baton handoff" workflow action. HubSpot waits
// for the answer and hands its output fields to the workflow, so this one runs synchronously;
// a 5xx (the CRM failing) makes HubSpot retry it with the same callback id, and a retry
// finishes whatever the failed call had done (resume) instead of doing it again.
import {
  workflowActionRequestSchema,
  workflowActionResponse,
} from '../../functions/workflow-action';
import type { BackendDeps } from '../backend-deps';
import { requireCrm, startAndRecord } from '../handoff-starts';
import type { BackendApp } from '../http-env';
import { parseBody } from '../http-errors';

export function registerWorkflowActionRoutes(app: BackendApp, deps: BackendDeps): void {
  app.post('/hubspot/actions/start-handoff', async (c) => {
    const request = parseBody(c.get('rawBody'), workflowActionRequestSchema);
    const portalId = request.origin.portalId;
    const crm = await requireCrm(deps, portalId);
    const first = await deps.storage.processedEvents.recordOnce(
      'workflow_action',
      `${portalId}:${request.callbackId}`,
      new Date(deps.queueClock()),
    );
    const result = await startAndRecord(deps, {
      portalId,
      dealId: request.object.objectId,
      crm,
      source: 'workflow_action',
      resume: !first,
      details: { callbackId: request.callbackId },
    });
    return c.json(workflowActionResponse(result));
  });
}
