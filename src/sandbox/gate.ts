// What stands before every API route: the correlation id, the bearer token (401), the rate
// limit (429 and the X-HubSpot-RateLimit-* headers), injected faults, and the request count.
// `/__sandbox/*` passes straight through; the OAuth endpoints (`/oauth/*`) are counted but
// need no bearer token and see no faults, as HubSpot's own token endpoints.
import { randomUUID } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { matchedRoutes } from 'hono/route';
import { HubSpotError } from './errors';
import { type FaultInjector, injectedServerError } from './faults';
import type { AccessTokenCheck } from './oauth/sandbox-oauth';
import { RateLimitedError, type RateLimiter } from './rate-limit';
import type { SandboxContext, SandboxEnv } from './routes/route-kit';
import type { RequestStats } from './stats';

export const CONTROL_PREFIX = '/__sandbox';

const isControlPath = (path: string) =>
  path === CONTROL_PREFIX || path.startsWith(`${CONTROL_PREFIX}/`);
const isOAuthPath = (path: string) => path.startsWith('/oauth/');
const groupName = (deps: GateDeps) => `private-app-${deps.portalId}`;

export interface GateDeps {
  token: string;
  portalId: number;
  limiter: RateLimiter;
  faults: FaultInjector;
  stats: RequestStats;
  /** Access tokens from the sandbox's OAuth server, accepted beside `token`. */
  oauth?: { verifyAccessToken(token: string): AccessTokenCheck };
}

/**
 * The route a request reached, as a template: `POST /crm/v3/objects/{type}/batch/upsert`.
 * Requests refused before their route (401, 429) count under the route they asked for.
 */
export function routeTemplate(c: SandboxContext): string {
  const routes = matchedRoutes(c);
  const responder = routes[c.req.routeIndex];
  const route =
    responder && responder.method !== 'ALL' ? responder : routes.find((r) => r.method !== 'ALL');
  const path = route ? route.path.replace(/:(\w+)/g, '{$1}') : '(unmatched)';
  return `${c.req.method} ${path}`;
}

/**
 * HubSpot's 401, for a missing token and for one it does not accept alike: a malformed token
 * got exactly this body in https://github.com/HubSpot/hubspot-api-nodejs/issues/432. Expired
 * OAuth tokens get EXPIRED_AUTHENTICATION instead; the fixed token never expires.
 */
const NOT_AUTHENTICATED =
  'Authentication credentials not found. This API supports OAuth 2.0 authentication and you can find more details at https://developers.hubspot.com/docs/methods/auth/oauth-overview';

/** The key the request's rate limit is counted under: the token's app. */
function checkToken(header: string | undefined, deps: GateDeps): string {
  const presented = /^Bearer\s+(.+)$/i.exec(header?.trim() ?? '')?.[1];
  if (presented === deps.token) return deps.token;
  const issued = presented === undefined ? undefined : deps.oauth?.verifyAccessToken(presented);
  if (issued?.status === 'valid') return issued.rateKey;
  if (issued?.status === 'expired') {
    const minutes = Math.max(1, Math.floor(issued.expiredMsAgo / 60_000));
    throw new HubSpotError(
      401,
      'EXPIRED_AUTHENTICATION',
      `The OAuth token used to make this call expired ${minutes} minute(s) ago.`,
    );
  }
  throw new HubSpotError(401, 'INVALID_AUTHENTICATION', NOT_AUTHENTICATED);
}

/** Token, rate limit and faults: throws HubSpot's 401, 429 or an injected 5xx. */
export function apiGate(deps: GateDeps): MiddlewareHandler<SandboxEnv> {
  return async (c, next) => {
    if (isControlPath(c.req.path) || isOAuthPath(c.req.path)) return next();
    const rateKey = checkToken(c.req.header('authorization'), deps);
    const decision = deps.limiter.take(rateKey);
    c.set('rateHeaders', decision.headers);
    if (!decision.allowed && decision.policy)
      throw new RateLimitedError(decision.policy, groupName(deps));
    const fault = await deps.faults.apply({ method: c.req.method, path: c.req.path });
    if (fault === 'rate429') throw new RateLimitedError('TEN_SECONDLY_ROLLING', groupName(deps));
    if (fault === 'rate5xx') throw injectedServerError();
    await next();
  };
}

/**
 * Outermost: gives the request its correlation id, then, once the answer exists (a thrown
 * error has been rendered by then), adds the rate-limit headers and counts the request.
 */
export function apiRecorder(deps: GateDeps): MiddlewareHandler<SandboxEnv> {
  return async (c, next) => {
    if (isControlPath(c.req.path)) return next();
    const correlationId = randomUUID();
    c.set('correlationId', correlationId);
    c.set('rateHeaders', {});
    await next();
    for (const [name, value] of Object.entries(c.get('rateHeaders')))
      c.res.headers.set(name, value);
    c.res.headers.set('X-HubSpot-Correlation-Id', correlationId);
    deps.stats.record(routeTemplate(c), c.res.status);
  };
}
