// The local preview's routes, mounted beside the backend's by `npm start` (never by
// `baton serve`): the page, its bundle, what the page shows around the card (read from the
// sandbox CRM), moving a deal on the pipeline board, and the signing proxy that stands in for
// HubSpot: it turns the card's `hubspot.fetch` into the signed request HubSpot would send for
// the person the preview acts as. It signs for anyone, which is why it only ever runs on the
// sandbox portal.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { roleOf, type TeamDirectory } from '../functions/team-directory';
import type { BackendApp } from '../server/http-env';
import { HttpError, parse, parseBody } from '../server/http-errors';
import { signRequest } from '../server/hubspot-signature';
import { previewPage } from './preview-page';
import { type SandboxReader, SandboxReadError } from './sandbox-reads';

export interface PreviewOptions {
  sandbox: SandboxReader;
  /** The sandbox portal's id: every request the proxy signs names it. */
  portalId: number;
  /** The app id HubSpot would add to a card's requests. */
  appId: number;
  /** BATON_PUBLIC_URL: what the backend checks signatures against. */
  publicUrl: string;
  /** Where the proxy sends the signed request: the backend on this machine. */
  backendUrl: () => string;
  clientSecret: string;
  directory: () => Promise<TeamDirectory> | TeamDirectory;
  /** dist/preview: app.js and app.css, built by scripts/preview/bundle-preview.ts. */
  assetsDir: string;
  now?: () => number;
}

const ASSETS: Record<string, string> = {
  'app.js': 'text/javascript; charset=utf-8',
  'app.css': 'text/css; charset=utf-8',
};

const dealParams = z.object({
  dealId: z.string().regex(/^\d+$/, { error: 'expected a numeric deal id' }),
});

const moveSchema = z.strictObject({
  stageId: z.string().min(1, { error: 'expected the stage to move the deal to' }),
  userId: z.number().int().positive().nullable(),
});

const fetchSchema = z.strictObject({
  path: z.string().regex(/^\/api\/[^\s]*$/, {
    error: 'the preview only forwards calls to the card API (/api/…)',
  }),
  method: z.enum(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']),
  body: z.unknown().optional(),
  userId: z.number().int().positive({ error: 'pick whom the preview acts as' }),
});

async function sandboxCall<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof SandboxReadError) {
      throw new HttpError(error.status === 404 ? 404 : 502, 'sandbox', error.message);
    }
    throw error;
  }
}

export function registerPreviewRoutes(app: BackendApp, options: PreviewOptions): void {
  const now = options.now ?? Date.now;

  app.get('/', (c) => c.redirect('/preview'));
  app.get('/preview', (c) => c.html(previewPage()));
  app.get('/preview/deals/:dealId', (c) => c.html(previewPage()));
  app.get('/preview/settings', (c) => c.html(previewPage()));

  app.get('/preview/assets/:file', async (c) => {
    const file = c.req.param('file');
    const type = ASSETS[file];
    if (!type) throw new HttpError(404, 'not_found', `no preview asset ${file}`);
    const content = await readFile(join(options.assetsDir, file)).catch(() => {
      throw new HttpError(
        503,
        'not_built',
        'the preview is not built: run `npm run build` (or `npm start`, which builds it)',
      );
    });
    return c.body(content, 200, { 'Content-Type': type, 'Cache-Control': 'no-store' });
  });

  app.get('/preview/api/board', async (c) => {
    const [pipelines, deals, people, directory] = await sandboxCall(() =>
      Promise.all([
        options.sandbox.pipelines(),
        options.sandbox.deals(),
        options.sandbox.people(),
        options.directory(),
      ]),
    );
    return c.json({
      portalId: options.portalId,
      pipelines,
      deals,
      people: people.map((person) => ({ ...person, role: roleOf(directory, person.id) })),
    });
  });

  app.get('/preview/api/deals/:dealId', async (c) => {
    const { dealId } = parse({ dealId: c.req.param('dealId') }, dealParams);
    const [deal, company, tasks] = await sandboxCall(() =>
      Promise.all([
        options.sandbox.deal(dealId),
        options.sandbox.company(dealId),
        options.sandbox.tasks(dealId),
      ]),
    );
    return c.json({ deal, company, tasks });
  });

  app.post('/preview/api/deals/:dealId/stage', async (c) => {
    const { dealId } = parse({ dealId: c.req.param('dealId') }, dealParams);
    const move = parseBody(await c.req.text(), moveSchema);
    await sandboxCall(() => options.sandbox.moveDeal(dealId, move.stageId, move.userId));
    return c.json({ moved: true, dealId, stageId: move.stageId });
  });

  app.post('/preview/api/fetch', async (c) => {
    const call = parseBody(await c.req.text(), fetchSchema);
    const people = await sandboxCall(() => options.sandbox.people());
    const person = people.find((p) => p.userId === call.userId);
    if (!person) {
      throw new HttpError(
        400,
        'invalid_input',
        `userId: no user ${call.userId} in the sandbox portal`,
      );
    }
    // HubSpot adds the account and the user to the query of a card's request, then signs the
    // whole URL with the app's secret.
    const target = new URL(call.path, 'http://preview.invalid');
    target.searchParams.set('portalId', String(options.portalId));
    target.searchParams.set('userId', String(call.userId));
    if (person.email) target.searchParams.set('userEmail', person.email);
    target.searchParams.set('appId', String(options.appId));
    const pathAndQuery = target.pathname + target.search;
    const body = call.body === undefined || call.method === 'GET' ? '' : JSON.stringify(call.body);
    const headers = signRequest({
      clientSecret: options.clientSecret,
      method: call.method,
      url: `${options.publicUrl.replace(/\/+$/, '')}${pathAndQuery}`,
      body,
      timestamp: now(),
    });
    const response = await fetch(`${options.backendUrl()}${pathAndQuery}`, {
      method: call.method,
      headers: { ...headers, ...(body ? { 'Content-Type': 'application/json' } : {}) },
      ...(body ? { body } : {}),
    });
    return c.json({ status: response.status, body: await response.text() });
  });
}
