// The install flow's two doors, answered with pages for a person, not JSON:
//   GET /oauth/install[?returnTo=…]   302 to HubSpot's authorize page with a fresh signed state
//   GET /oauth/callback?code&state    HubSpot sends the browser back here (or with ?error=…)
// The marketplace listing's install button must point at /oauth/install: HubSpot's own
// sample install URL carries no state, and a callback without Baton's state is refused.
// Codes and states travel in the query, so nothing here logs a URL.
import type { Context, Env, Hono } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { z } from 'zod';
import { describeFieldError, parseWith } from '../../core';
import { type Logger, describeError } from '../logger';
import { authorizeUrl } from './hubspot-oauth';
import { HubSpotOAuthError, InvalidGrantError } from './oauth-errors';
import { type InstallDeps, completeInstall } from './oauth-install';
import { type FailurePage, PAGE_HEADERS, failurePage, installedPage } from './oauth-pages';
import { OAuthStateError, createStateSigner } from './oauth-state';

export type OAuthRouteDeps = InstallDeps;

/** Where a finished install may send the person back to: HubSpot's app, nowhere else. */
const hubSpotAppUrl = z.string().refine((text) => {
  try {
    const url = new URL(text);
    return url.protocol === 'https:' && /^app(-[a-z0-9]+)?\.hubspot\.com$/.test(url.hostname);
  } catch {
    return false;
  }
}, 'must be an https://app.hubspot.com address');

const installQuery = z.object({ returnTo: hubSpotAppUrl.optional() });
const callbackQuery = z.object({
  code: z.string().min(1, 'required'),
  state: z.string().min(1, 'required'),
});

export function registerOAuthRoutes<E extends Env>(app: Hono<E>, deps: OAuthRouteDeps): void {
  const states = createStateSigner({ secret: deps.config.clientSecret, now: deps.now });

  app.get('/oauth/install', (c) => {
    const query = parseWith(installQuery, c.req.query());
    if (!query.success) {
      return page(c, 400, {
        heading: 'This install link is not valid',
        message: `Baton cannot use it (${query.errors.map(describeFieldError).join('; ')}).`,
        retry: false,
      });
    }
    c.header('Cache-Control', 'no-store');
    return c.redirect(authorizeUrl(deps.config, states.issue(query.value.returnTo)), 302);
  });

  app.get('/oauth/callback', async (c) => {
    const raw = c.req.query();
    if (raw.error !== undefined) return refusedInHubSpot(c, deps.log, raw.error);

    const query = parseWith(callbackQuery, raw);
    if (!query.success) {
      const missing = query.errors.map(describeFieldError).join('; ');
      deps.log.warn({ problem: missing }, 'OAuth callback refused: incomplete query');
      return page(c, 400, {
        heading: 'This install link is incomplete',
        message: `HubSpot’s answer is missing what Baton needs (${missing}).`,
        retry: true,
      });
    }

    let returnTo: string | undefined;
    try {
      returnTo = states.verify(query.value.state).returnTo;
    } catch (error) {
      if (!(error instanceof OAuthStateError)) throw error;
      deps.log.warn({ reason: error.reason }, 'OAuth callback refused: bad state');
      return page(c, 400, {
        heading: 'This install link cannot be used',
        message: `Nothing was installed: ${error.message}. Start the install from Baton again.`,
        retry: true,
      });
    }

    try {
      const done = await completeInstall(deps, query.value.code);
      return c.html(installedPage({ ...done, ...(returnTo ? { returnTo } : {}) }), 200, {
        ...PAGE_HEADERS,
      });
    } catch (error) {
      return installFailed(c, deps.log, error);
    }
  });
}

/** `?error=access_denied`: the person (or HubSpot) said no. Only the code is read, never the text. */
function refusedInHubSpot(c: Context, log: Logger, error: string): Response {
  const code = /^[a-z_]{1,64}$/.test(error) ? error : 'unrecognized';
  log.info({ code }, 'OAuth callback: HubSpot did not grant the install');
  return page(c, 400, {
    heading: 'Baton was not installed',
    message:
      code === 'access_denied'
        ? 'The install was cancelled in HubSpot, so Baton has no access to your account.'
        : `HubSpot ended the install without granting access (${code}).`,
    retry: true,
  });
}

function installFailed(c: Context, log: Logger, error: unknown): Response {
  if (error instanceof InvalidGrantError) {
    log.warn({ err: error.toLog() }, 'OAuth callback: HubSpot refused the code');
    return page(c, 400, {
      heading: 'This install link was already used or has expired',
      message: 'Nothing was installed. Start the install again to get a fresh link.',
      retry: true,
    });
  }
  if (error instanceof HubSpotOAuthError) {
    log.warn({ err: error.toLog() }, 'OAuth callback: HubSpot failed the install');
    return page(c, 502, {
      heading: 'HubSpot did not finish the install',
      message:
        'HubSpot did not answer Baton as expected, so nothing was installed. Try again in a minute.',
      retry: true,
    });
  }
  log.error({ err: describeError(error) }, 'OAuth callback: the install could not be saved');
  return page(c, 500, {
    heading: 'Baton could not finish the install',
    message:
      'Something went wrong on Baton’s side (it was logged), so nothing was installed. Try again in a minute.',
    retry: true,
  });
}

function page(c: Context, status: ContentfulStatusCode, content: FailurePage): Response {
  return c.html(failurePage(content), status, { ...PAGE_HEADERS });
}
