// The OAuth `state`: proof that a callback answers an install Baton started, within the last
// ten minutes (RFC 6749 §10.12). It is signed rather than stored, so whichever copy of the
// backend receives the callback can check it:
//   base64url(JSON { n: nonce, t: issued at, r?: return to }) "." base64url(HMAC-SHA256)
// It is not tied to a browser session: Baton keeps none, and an install binds a portal to
// Baton, not to a person, so there is no session for a forged callback to hijack.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

export const STATE_TTL_MS = 10 * 60_000;
/** Copies of the backend whose clocks disagree by this much still accept each other's states. */
const CLOCK_SKEW_MS = 60_000;

export interface OAuthState {
  nonce: string;
  issuedAt: number;
  returnTo?: string;
}

export type StateFailure = 'malformed' | 'tampered' | 'expired';

export class OAuthStateError extends Error {
  override name = 'OAuthStateError';

  constructor(
    readonly reason: StateFailure,
    message: string,
  ) {
    super(message);
  }
}

export interface StateSigner {
  issue(returnTo?: string): string;
  /** The state's contents; an OAuthStateError when it is not Baton's, or too old. */
  verify(state: string): OAuthState;
}

const payloadSchema = z.object({
  n: z.string().min(16),
  t: z.number().int(),
  r: z.string().optional(),
});

export function createStateSigner(options: {
  /** The app's client secret; the signing key is derived from it, not the secret itself. */
  secret: string;
  now: () => number;
  ttlMs?: number;
}): StateSigner {
  // A key of its own: a state can never pass for a v3 request signature, nor the reverse.
  const key = createHmac('sha256', options.secret).update('baton oauth state v1').digest();
  const ttlMs = options.ttlMs ?? STATE_TTL_MS;
  const mac = (body: string) => createHmac('sha256', key).update(body).digest();

  return {
    issue(returnTo) {
      const payload = {
        n: randomBytes(16).toString('base64url'),
        t: options.now(),
        ...(returnTo === undefined ? {} : { r: returnTo }),
      };
      const body = Buffer.from(JSON.stringify(payload)).toString('base64url');
      return `${body}.${mac(body).toString('base64url')}`;
    },

    verify(state) {
      const [body, signature, ...rest] = state.split('.');
      if (!body || !signature || rest.length > 0)
        throw new OAuthStateError('malformed', 'the state parameter is not one Baton issued');
      const expected = mac(body);
      const given = Buffer.from(signature, 'base64url');
      if (given.length !== expected.length || !timingSafeEqual(given, expected))
        throw new OAuthStateError(
          'tampered',
          'the state parameter does not carry Baton’s signature',
        );
      const payload = payloadSchema.safeParse(parseJson(body));
      if (!payload.success)
        throw new OAuthStateError('malformed', 'the state parameter is not one Baton issued');
      const age = options.now() - payload.data.t;
      if (age > ttlMs || age < -CLOCK_SKEW_MS) {
        throw new OAuthStateError(
          'expired',
          `the install link expired (it is good for ${Math.round(ttlMs / 60_000)} minutes)`,
        );
      }
      return {
        nonce: payload.data.n,
        issuedAt: payload.data.t,
        ...(payload.data.r === undefined ? {} : { returnTo: payload.data.r }),
      };
    },
  };
}

function parseJson(base64url: string): unknown {
  try {
    return JSON.parse(Buffer.from(base64url, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
}
