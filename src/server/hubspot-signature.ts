// HubSpot request signatures, version 3: what proves a webhook delivery, a workflow action call
// or a card's `hubspot.fetch` came from HubSpot for our app, unaltered and recently.
//
//   X-HubSpot-Signature-v3  = base64(HMAC-SHA256(client secret, method + uri + body + timestamp))
//   X-HubSpot-Request-Timestamp = milliseconds since the epoch
//
// `uri` is the full URL HubSpot called (our public URL, path and query), with the characters of
// HubSpot's table decoded (developers.hubspot.com/docs/apps/developer-platform/build-apps/
// authentication/request-validation, "Validate the v3 request signature"). The SDK's own
// `Signature.isValid` compares with `===` and checks only stale timestamps, so this is ours.
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import type { Logger } from './logger';

export const SIGNATURE_HEADER = 'X-HubSpot-Signature-v3';
export const TIMESTAMP_HEADER = 'X-HubSpot-Request-Timestamp';
/** HubSpot's replay window: older requests are refused, and so are ones this far ahead. */
export const MAX_SKEW_MS = 5 * 60 * 1000;

/**
 * The percent-encodings HubSpot decodes before signing; every other one stays encoded. The
 * question mark that starts the query is a literal `?` already, so it needs nothing.
 */
const DECODED: Readonly<Record<string, string>> = {
  '%3A': ':',
  '%2F': '/',
  '%3F': '?',
  '%40': '@',
  '%21': '!',
  '%24': '$',
  '%27': "'",
  '%28': '(',
  '%29': ')',
  '%2A': '*',
  '%2C': ',',
  '%3B': ';',
};

export function uriForSignature(url: string): string {
  return url.replace(/%(3A|2F|3F|40|21|24|27|28|29|2A|2C|3B)/gi, (match) => {
    return DECODED[match.toUpperCase()] ?? match;
  });
}

export interface SignedParts {
  clientSecret: string;
  method: string;
  /** The full public URL of the request, query included. */
  url: string;
  /** The raw body; empty for a GET. */
  body?: string | Uint8Array;
  timestamp: number | string;
}

export function computeSignatureV3(parts: SignedParts): string {
  return createHmac('sha256', parts.clientSecret)
    .update(parts.method.toUpperCase() + uriForSignature(parts.url), 'utf8')
    .update(parts.body ?? '')
    .update(String(parts.timestamp), 'utf8')
    .digest('base64');
}

/** The headers HubSpot would send: for tests and the local card preview. */
export function signRequest(parts: SignedParts): Record<string, string> {
  return {
    [SIGNATURE_HEADER]: computeSignatureV3(parts),
    [TIMESTAMP_HEADER]: String(parts.timestamp),
  };
}

export type SignatureCheck = { ok: true } | { ok: false; reason: string };

export interface ReceivedRequest {
  method: string;
  url: string;
  body: Uint8Array;
  signature: string | undefined;
  timestamp: string | undefined;
}

export function checkSignature(
  request: ReceivedRequest,
  clientSecret: string,
  now: number,
): SignatureCheck {
  if (!request.signature) return { ok: false, reason: `missing ${SIGNATURE_HEADER} header` };
  if (!request.timestamp || !/^\d{1,16}$/.test(request.timestamp))
    return { ok: false, reason: `missing or malformed ${TIMESTAMP_HEADER} header` };
  const age = now - Number(request.timestamp);
  if (age > MAX_SKEW_MS)
    return { ok: false, reason: 'request timestamp is more than 5 minutes old' };
  if (age < -MAX_SKEW_MS)
    return { ok: false, reason: 'request timestamp is more than 5 minutes in the future' };
  const expected = Buffer.from(
    computeSignatureV3({
      clientSecret,
      method: request.method,
      url: request.url,
      body: request.body,
      timestamp: request.timestamp,
    }),
    'utf8',
  );
  const given = Buffer.from(request.signature, 'utf8');
  // timingSafeEqual throws on different lengths; a length says nothing about the secret.
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    return { ok: false, reason: 'signature does not match the request' };
  return { ok: true };
}

/** The path and query as the client sent them, from the URL the HTTP adapter built. */
export function requestTarget(url: string): string {
  const start = url.indexOf('/', url.indexOf('://') + 3);
  return start === -1 ? '/' : url.slice(start);
}

export interface SignatureMiddlewareOptions {
  clientSecret: string;
  /** BATON_PUBLIC_URL: HubSpot signs the URL it called, not the one we listen on. */
  publicUrl: string;
  now: () => number;
  log: Logger;
}

export type SignedVariables = { rawBody: string };

/** The request's own logger, when an earlier middleware set one (tagged with its id). */
type SignatureEnv = { Variables: SignedVariables & { log?: Logger } };

/**
 * Refuses (401) anything unsigned, tampered or stale, and keeps the verified body for the
 * route: the bytes that were signed are the bytes that get parsed.
 */
export function verifyHubSpotSignature(
  options: SignatureMiddlewareOptions,
): MiddlewareHandler<SignatureEnv> {
  const base = options.publicUrl.replace(/\/+$/, '');
  return async (c, next) => {
    const body = new Uint8Array(await c.req.arrayBuffer());
    const target = requestTarget(c.req.url);
    const check = checkSignature(
      {
        method: c.req.method,
        url: base + target,
        body,
        signature: c.req.header(SIGNATURE_HEADER),
        timestamp: c.req.header(TIMESTAMP_HEADER),
      },
      options.clientSecret,
      options.now(),
    );
    if (!check.ok) {
      // The path only: the query of a card request carries the user's email.
      (c.get('log') ?? options.log).warn(
        { method: c.req.method, path: c.req.path, reason: check.reason },
        'refused an unverified HubSpot request',
      );
      return c.json({ status: 'error', code: 'unauthorized', message: check.reason }, 401);
    }
    c.set('rawBody', new TextDecoder().decode(body));
    await next();
  };
}
