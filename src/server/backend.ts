// The backend's HTTP host: the doors HubSpot calls (webhooks, the workflow action, the card's
// `hubspot.fetch`), each signed v3 and checked before any route runs, and a health check.
//
//   const app = createBackend(deps);
//   const { url, close } = await listenBackend(app, { port: 3000 });
import { randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { BackendDeps } from './backend-deps';
import type { BackendApp, BackendEnv } from './http-env';
import { errorResponse } from './http-errors';
import { verifyHubSpotSignature } from './hubspot-signature';
import { registerCardRoutes } from './routes/card.routes';
import { registerSettingsRoutes } from './routes/settings.routes';
import { registerWebhookRoutes } from './routes/webhooks.routes';
import { registerWorkflowActionRoutes } from './routes/workflow-action.routes';

/** hubspot.fetch caps bodies at 1 MB; a webhook batch of 100 events is far smaller. */
const MAX_BODY_BYTES = 1024 * 1024;

/** Routes beside the signed ones, e.g. the OAuth install pages (`/oauth/*`). */
export type RouteRegistrar = (app: BackendApp) => void;

export function createBackend(deps: BackendDeps, extraRoutes: RouteRegistrar[] = []): BackendApp {
  const app = new Hono<BackendEnv>();

  app.use('*', async (c, next) => {
    const requestId = randomUUID();
    const log = deps.log.child({ requestId });
    c.set('log', log);
    c.header('X-Request-Id', requestId);
    const started = performance.now();
    await next();
    // The path, never the query: a card request's query names the user by email.
    log.info(
      {
        method: c.req.method,
        path: c.req.path,
        status: c.res.status,
        ms: Math.round(performance.now() - started),
      },
      'request',
    );
  });

  app.get('/health', async (c) =>
    c.json({ status: 'ok', database: deps.storage.db.kind, jobs: await deps.storage.jobs.stats() }),
  );

  const signed = verifyHubSpotSignature({
    clientSecret: deps.clientSecret,
    publicUrl: deps.publicUrl,
    now: deps.now,
    log: deps.log,
  });
  const limit = bodyLimit({
    maxSize: MAX_BODY_BYTES,
    onError: (c) =>
      c.json({ status: 'error', code: 'too_large', message: 'the body is over 1 MB' }, 413),
  });
  for (const prefix of ['/hubspot/*', '/api/*']) app.use(prefix, limit, signed);

  registerWebhookRoutes(app, deps);
  registerWorkflowActionRoutes(app, deps);
  registerCardRoutes(app, deps);
  registerSettingsRoutes(app, deps);
  for (const register of extraRoutes) register(app);

  app.notFound((c) =>
    c.json(
      { status: 'error', code: 'not_found', message: `no route for ${c.req.method} ${c.req.path}` },
      404,
    ),
  );
  app.onError((error, c) => errorResponse(c, error, c.get('log') ?? deps.log));
  return app;
}
