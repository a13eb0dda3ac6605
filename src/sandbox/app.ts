// The sandbox's Hono app: the gate before the API, the routes, and HubSpot's bodies for
// errors and unknown routes. `strict: false` because the api-client asks for `/crm/v3/owners/`
// with its trailing slash.
import { randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import { HubSpotError } from './errors';
import { type GateDeps, apiGate, apiRecorder } from './gate';
import type { SandboxOAuth } from './oauth/sandbox-oauth';
import { RateLimitedError } from './rate-limit';
import { registerAssociationBatchRoutes } from './routes/association-batch.routes';
import { registerAssociationLabelRoutes } from './routes/association-labels.routes';
import { registerAssociationRoutes } from './routes/associations.routes';
import { registerBatchRoutes } from './routes/batch.routes';
import { type ControlDeps, registerControlRoutes } from './routes/control.routes';
import { registerOAuthRoutes } from './routes/oauth.routes';
import { registerObjectRoutes } from './routes/objects.routes';
import { registerOwnerRoutes } from './routes/owners.routes';
import { registerPipelineRoutes } from './routes/pipelines.routes';
import { registerPropertyRoutes } from './routes/properties.routes';
import type { RouteDeps, SandboxApp, SandboxEnv } from './routes/route-kit';
import { registerSchemaRoutes } from './routes/schemas.routes';
import { registerSearchRoutes } from './routes/search.routes';
import { registerUiEditRoutes } from './routes/ui-edit.routes';
import { registerWebhookRoutes } from './routes/webhooks.routes';
import type { SandboxWebhooks } from './webhooks/webhook-dispatcher';

export interface AppDeps extends RouteDeps, GateDeps {
  control: ControlDeps;
  webhooks: SandboxWebhooks;
  oauth: SandboxOAuth;
  /** Where unexpected failures (sandbox bugs) are reported; never into responses. */
  logError: (error: unknown) => void;
}

export function buildApp(deps: AppDeps): SandboxApp {
  const app = new Hono<SandboxEnv>({ strict: false });

  app.onError((error, c) => {
    const correlationId = c.get('correlationId') ?? randomUUID();
    if (error instanceof RateLimitedError) return c.json(error.body(correlationId), 429);
    if (error instanceof HubSpotError) return c.json(error.body(correlationId), error.status);
    deps.logError(error);
    const internal = new HubSpotError(500, 'INTERNAL_ERROR', 'internal error');
    return c.json(internal.body(correlationId), 500);
  });

  // HubSpot answers an unknown path with 404 "resource not found" (as integrators quote it,
  // e.g. https://github.com/segment-boneyard/segment-docs/pull/6244).
  app.notFound((c) => {
    const correlationId = c.get('correlationId') ?? randomUUID();
    return c.json(
      new HubSpotError(404, 'OBJECT_NOT_FOUND', 'resource not found').body(correlationId),
      404,
    );
  });

  app.use('*', apiRecorder(deps));
  app.use('*', apiGate(deps));

  registerControlRoutes(app, deps.control);
  registerWebhookRoutes(app, deps.webhooks);
  registerOAuthRoutes(app, deps);
  registerUiEditRoutes(app, deps);
  registerSearchRoutes(app, deps);
  registerBatchRoutes(app, deps);
  registerObjectRoutes(app, deps);
  registerAssociationRoutes(app, deps);
  registerAssociationBatchRoutes(app, deps);
  registerAssociationLabelRoutes(app, deps);
  registerSchemaRoutes(app, deps);
  registerPropertyRoutes(app, deps);
  registerPipelineRoutes(app, deps);
  registerOwnerRoutes(app, deps);
  return app;
}
