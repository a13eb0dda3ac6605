// OAuth for a marketplace app, as HubSpot serves it (app.hubspot.com and api.hubapi.com both
// live on this one host):
//   GET  /oauth/authorize                  no login here: straight back to redirect_uri with a code
//   POST /oauth/2026-03/token              authorization_code and refresh_token grants
//   POST /oauth/2026-03/token/introspect   token metadata (`{ active: false }` when dead)
//   POST /oauth/2026-03/token/revoke       ends the install a refresh token belongs to
// The token endpoints take form bodies and answer refusals with both HubSpot's fields
// (`status`, `message`) and RFC 6749's (`error`, `error_description`), as HubSpot does since
// its "standardized OAuth error responses" changelog. These routes pass the API gate: they
// need no bearer token and see no injected faults.
import { z } from 'zod';
import { OAuthRefusal, type SandboxOAuth, SANDBOX_APP_ID } from '../oauth/sandbox-oauth';
import type { RouteDeps, SandboxApp, SandboxContext } from './route-kit';

export interface OAuthRouteDeps extends RouteDeps {
  oauth: SandboxOAuth;
}

const authorizeQuery = z.object({
  client_id: z.string().min(1, 'client_id is required'),
  redirect_uri: z.url({ protocol: /^https?$/, error: 'redirect_uri must be an http(s) URL' }),
  scope: z.string().default(''),
  optional_scope: z.string().default(''),
  state: z.string().optional(),
});

const credentials = {
  client_id: z.string({ error: 'client_id is required' }).min(1, 'client_id is required'),
  client_secret: z
    .string({ error: 'client_secret is required' })
    .min(1, 'client_secret is required'),
};
const required = (name: string) =>
  z.string({ error: `${name} is required` }).min(1, `${name} is required`);

const grants = {
  authorization_code: z.object({
    ...credentials,
    code: required('code'),
    redirect_uri: required('redirect_uri'),
  }),
  refresh_token: z.object({ ...credentials, refresh_token: required('refresh_token') }),
};
const tokenForm = z.object({ ...credentials, token: required('token') });

const scopeList = (text: string) => text.split(/[\s,]+/).filter((scope) => scope !== '');

export function registerOAuthRoutes(app: SandboxApp, deps: OAuthRouteDeps): void {
  const { oauth } = deps;
  // The sandbox installs as the portal's first user, as if they had clicked "Connect app".
  const installer = () => deps.store.owners[0];

  app.get('/oauth/authorize', (c) => {
    const query = authorizeQuery.safeParse(c.req.query());
    if (!query.success) return refusalPage(c, query.error.issues[0]?.message ?? 'bad request');
    const { client_id, redirect_uri, scope, optional_scope, state } = query.data;
    if (client_id !== oauth.clientId)
      return refusalPage(c, `no app with client_id ${client_id} is known to this sandbox`);
    const code = oauth.authorize(client_id, redirect_uri, [
      ...new Set([...scopeList(scope), ...scopeList(optional_scope)]),
    ]);
    const target = new URL(redirect_uri);
    target.searchParams.set('code', code);
    if (state !== undefined) target.searchParams.set('state', state);
    return c.redirect(target.toString(), 302);
  });

  app.post('/oauth/2026-03/token', async (c) => {
    const form = await readForm(c);
    const grantType = form.grant_type;
    if (grantType !== 'authorization_code' && grantType !== 'refresh_token') {
      return refusal(c, {
        error: 'unsupported_grant_type',
        status: 'BAD_GRANT_TYPE',
        message: 'grant_type must be authorization_code or refresh_token',
      });
    }
    return answer(c, () => {
      const fields = parseForm(grants[grantType], form);
      oauth.authenticate(fields.client_id, fields.client_secret);
      const issued =
        'code' in fields
          ? oauth.exchangeCode(fields.code, fields.redirect_uri)
          : oauth.refresh(fields.refresh_token);
      return c.json({
        token_type: 'bearer',
        token_use: 'access_token',
        access_token: issued.accessToken,
        refresh_token: issued.refreshToken,
        expires_in: issued.expiresIn,
        hub_id: oauth.portalId,
        scopes: issued.scopes,
        ...(installer() ? { user_id: installer()!.userId } : {}),
      });
    });
  });

  app.post('/oauth/2026-03/token/introspect', async (c) => {
    const form = await readForm(c);
    return answer(c, () => {
      const fields = parseForm(tokenForm, form);
      oauth.authenticate(fields.client_id, fields.client_secret);
      const info = oauth.introspect(fields.token);
      if (!info) return c.json({ active: false });
      const user = installer();
      return c.json({
        active: true,
        token_use: info.kind === 'access' ? 'access_token' : 'refresh_token',
        token_type: info.kind,
        token: info.token,
        client_id: oauth.clientId,
        app_id: SANDBOX_APP_ID,
        hub_id: oauth.portalId,
        hub_domain: oauth.hubDomain,
        scopes: info.scopes,
        ...(user ? { user_id: user.userId, user: user.email } : {}),
        ...(info.expiresIn === undefined
          ? {}
          : { expires_in: info.expiresIn, is_private_distribution: false }),
      });
    });
  });

  app.post('/oauth/2026-03/token/revoke', async (c) => {
    const form = await readForm(c);
    return answer(c, () => {
      const fields = parseForm(tokenForm, form);
      oauth.authenticate(fields.client_id, fields.client_secret);
      oauth.revoke(fields.token);
      return c.body(null, 200);
    });
  });
}

async function readForm(c: SandboxContext): Promise<Record<string, string>> {
  return Object.fromEntries(new URLSearchParams(await c.req.text()));
}

class InvalidForm extends Error {}

function parseForm<S extends z.ZodType>(schema: S, form: Record<string, string>): z.output<S> {
  const result = schema.safeParse(form);
  if (result.success) return result.data;
  throw new InvalidForm(result.error.issues[0]?.message ?? 'invalid request');
}

/** Runs a token endpoint, turning its refusals into HubSpot's 400 body. */
function answer(c: SandboxContext, run: () => Response): Response {
  try {
    return run();
  } catch (error) {
    if (error instanceof InvalidForm)
      return refusal(c, {
        error: 'invalid_request',
        status: 'BAD_REQUEST',
        message: error.message,
      });
    if (error instanceof OAuthRefusal)
      return refusal(c, { error: error.error, status: error.status, message: error.message });
    throw error;
  }
}

function refusal(
  c: SandboxContext,
  body: { error: string; status: string; message: string },
): Response {
  return c.json(
    {
      status: body.status,
      message: body.message,
      error: body.error,
      error_description: body.message,
      correlationId: c.get('correlationId'),
    },
    400,
  );
}

/** HubSpot's authorize page shows its refusals to the person, not to the app. */
function refusalPage(c: SandboxContext, reason: string): Response {
  const text = reason.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
  return c.html(
    `<!doctype html><meta charset="utf-8"><title>Authorization failed</title>` +
      `<h1>This app cannot be installed</h1><p>${text}</p>`,
    400,
  );
}
