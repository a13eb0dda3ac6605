// The sandbox's OAuth server: what HubSpot's authorize page and its 2026-03 token endpoints do
// for a marketplace app, so the install flow runs offline. There is no login and no consent
// screen: the sandbox has one portal, and authorizing grants every scope asked for.
//
// Tokens are signed rather than stored (HMAC over their claims, keyed by the app's secret), so
// a sandbox restarted on its data folder still accepts what a backend saved. What has to be
// remembered, a code used once or a revoked install, is kept in memory only.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { LOCAL_CLIENT_SECRET } from '../../server/backend-deps';
import type { Clock } from '../clock';

export const SANDBOX_CLIENT_ID = 'sandbox-client-id';
/** The sandbox app's id, as HubSpot reports `app_id` in token metadata. */
export const SANDBOX_APP_ID = 1_000_001;
/** HubSpot's access tokens live 30 minutes (`expires_in: 1800`). */
export const ACCESS_TOKEN_TTL_MS = 30 * 60_000;
/** HubSpot says only "a short window"; RFC 6749 §4.1.2 recommends ten minutes at most. */
export const AUTH_CODE_TTL_MS = 10 * 60_000;

export interface SandboxOAuthOptions {
  clientId?: string;
  /** The app's secret; the backend's local default (`sandbox-secret`) when absent. */
  clientSecret?: string;
  hubDomain?: string;
}

/** Why the sandbox refuses a request, in HubSpot's words (`status`) and RFC 6749's (`error`). */
export class OAuthRefusal extends Error {
  constructor(
    readonly error:
      'invalid_request' | 'invalid_client' | 'invalid_grant' | 'unsupported_grant_type',
    readonly status: string,
    message: string,
  ) {
    super(message);
    this.name = 'OAuthRefusal';
  }
}

export type AccessTokenCheck =
  | { status: 'valid'; rateKey: string }
  | { status: 'expired'; expiredMsAgo: number }
  | { status: 'unknown' };

const claimsSchema = z.object({
  /** What the token is. */
  k: z.enum(['code', 'access', 'refresh']),
  /** The grant (one install) it belongs to; revoking the refresh token ends the grant. */
  g: z.string(),
  /** A random id of its own, so two codes or tokens of one grant never look alike. */
  j: z.string(),
  s: z.array(z.string()),
  /** Expiry (ms since the epoch); refresh tokens do not expire. */
  e: z.number().optional(),
  /** A code's redirect URI, which the exchange must repeat. */
  r: z.string().optional(),
});
type Claims = z.infer<typeof claimsSchema>;

export interface IssuedTokens {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
  scopes: string[];
}

export interface TokenInfo {
  kind: 'access' | 'refresh';
  token: string;
  scopes: string[];
  /** Seconds left; access tokens only. */
  expiresIn?: number;
}

export class SandboxOAuth {
  readonly clientId: string;
  readonly hubDomain: string;
  private readonly clientSecret: string;
  private readonly key: Buffer;
  private readonly usedCodes = new Set<string>();
  private readonly revokedGrants = new Set<string>();

  constructor(
    options: SandboxOAuthOptions,
    private readonly deps: { clock: Clock; portalId: number },
  ) {
    this.clientId = options.clientId ?? SANDBOX_CLIENT_ID;
    this.clientSecret = options.clientSecret ?? LOCAL_CLIENT_SECRET;
    this.hubDomain = options.hubDomain ?? `sandbox-${deps.portalId}.hubspot.test`;
    this.key = createHmac('sha256', this.clientSecret).update('sandbox oauth tokens').digest();
  }

  get portalId(): number {
    return this.deps.portalId;
  }

  /** The authorize step: a code for `redirectUri`, once the client is known. */
  authorize(clientId: string, redirectUri: string, scopes: string[]): string {
    if (clientId !== this.clientId)
      throw new OAuthRefusal('invalid_client', 'BAD_CLIENT_ID', 'unknown client_id');
    return this.sign({
      k: 'code',
      g: randomId(),
      j: randomId(),
      s: scopes,
      e: this.deps.clock.now() + AUTH_CODE_TTL_MS,
      r: redirectUri,
    });
  }

  /** Checks the app's credentials, as every token endpoint does first. */
  authenticate(clientId: string, clientSecret: string): void {
    if (clientId !== this.clientId)
      throw new OAuthRefusal('invalid_client', 'BAD_CLIENT_ID', 'missing or invalid client_id');
    if (!sameText(clientSecret, this.clientSecret))
      throw new OAuthRefusal('invalid_client', 'BAD_CLIENT_SECRET', 'invalid client_secret');
  }

  exchangeCode(code: string, redirectUri: string): IssuedTokens {
    const claims = this.read(code);
    if (claims?.k !== 'code' || this.usedCodes.has(claims.j))
      throw new OAuthRefusal('invalid_grant', 'BAD_AUTH_CODE', 'missing or unknown auth code');
    if ((claims.e ?? 0) <= this.deps.clock.now())
      throw new OAuthRefusal('invalid_grant', 'EXPIRED_AUTH_CODE', 'auth code is expired');
    if (claims.r !== redirectUri) {
      throw new OAuthRefusal(
        'invalid_grant',
        'BAD_REDIRECT_URI',
        'redirect_uri does not match the one the code was issued for',
      );
    }
    this.usedCodes.add(claims.j);
    const refreshToken = this.sign({ k: 'refresh', g: claims.g, j: randomId(), s: claims.s });
    return this.withAccessToken(claims.g, claims.s, refreshToken);
  }

  /** HubSpot's refresh tokens do not rotate: the same one comes back with each new access token. */
  refresh(refreshToken: string): IssuedTokens {
    const claims = this.read(refreshToken);
    if (claims?.k !== 'refresh' || this.revokedGrants.has(claims.g)) {
      throw new OAuthRefusal(
        'invalid_grant',
        'BAD_REFRESH_TOKEN',
        'refresh token is invalid, expired or revoked',
      );
    }
    return this.withAccessToken(claims.g, claims.s, refreshToken);
  }

  /** Token metadata; null for a token that is not (or no longer) active. */
  introspect(token: string): TokenInfo | null {
    const claims = this.read(token);
    if (!claims || claims.k === 'code' || this.revokedGrants.has(claims.g)) return null;
    if (claims.k === 'refresh') return { kind: 'refresh', token, scopes: claims.s };
    const left = (claims.e ?? 0) - this.deps.clock.now();
    if (left <= 0) return null;
    return { kind: 'access', token, scopes: claims.s, expiresIn: Math.floor(left / 1000) };
  }

  /**
   * Ends the install a refresh token belongs to: the token, and the access tokens issued with
   * it, stop working. Unknown tokens are no error (RFC 7009 §2.2).
   */
  revoke(token: string): void {
    const claims = this.read(token);
    if (claims?.k === 'refresh') this.revokedGrants.add(claims.g);
  }

  /** For the API gate: is this bearer token one of ours, and still good? */
  verifyAccessToken(token: string): AccessTokenCheck {
    const claims = this.read(token);
    if (claims?.k !== 'access' || this.revokedGrants.has(claims.g)) return { status: 'unknown' };
    const left = (claims.e ?? 0) - this.deps.clock.now();
    if (left <= 0) return { status: 'expired', expiredMsAgo: -left };
    // HubSpot's limits are per app and portal; every token of this app shares one window.
    return { status: 'valid', rateKey: `oauth:${this.clientId}` };
  }

  private withAccessToken(grant: string, scopes: string[], refreshToken: string): IssuedTokens {
    const accessToken = this.sign({
      k: 'access',
      g: grant,
      j: randomId(),
      s: scopes,
      e: this.deps.clock.now() + ACCESS_TOKEN_TTL_MS,
    });
    return { accessToken, refreshToken, expiresIn: ACCESS_TOKEN_TTL_MS / 1000, scopes };
  }

  private sign(claims: Claims): string {
    const body = Buffer.from(JSON.stringify(claims)).toString('base64url');
    return `${body}.${this.mac(body)}`;
  }

  private read(token: string): Claims | null {
    const [body, mac, ...rest] = token.split('.');
    if (!body || !mac || rest.length > 0 || !sameText(mac, this.mac(body))) return null;
    try {
      const parsed = claimsSchema.safeParse(JSON.parse(Buffer.from(body, 'base64url').toString()));
      return parsed.success ? parsed.data : null;
    } catch {
      return null;
    }
  }

  private mac(body: string): string {
    return createHmac('sha256', this.key).update(body).digest('base64url');
  }
}

const randomId = () => randomBytes(9).toString('base64url');

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
