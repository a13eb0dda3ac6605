// The test server's sign-in: POST /services/oauth2/token for the JWT bearer grant (checking the
// assertion's RS256 signature against the connected app's certificate, and its iss, sub, aud and
// exp) and the client credentials grant, with Salesforce's error shapes. Sessions can be expired
// at will, so a test can watch a client sign in again after a 401.
import { type KeyObject, createPublicKey, verify } from 'node:crypto';
import type { Context, Hono } from 'hono';

export const SALESFORCE_TEST_TOKEN = 'salesforce-test-token';

export interface TestConnectedApp {
  clientId: string;
  /** The JWT bearer flow: the user it signs in as and the certificate's public key (PEM). */
  username?: string;
  publicKey?: string | KeyObject;
  /** The client credentials flow. */
  clientSecret?: string;
}

export class TestSessions {
  private readonly valid = new Set([SALESFORCE_TEST_TOKEN]);
  private issued = 0;
  /** Grants answered, by grant type. */
  readonly grants: string[] = [];

  isValid(token: string | undefined): boolean {
    return token !== undefined && this.valid.has(token);
  }

  issue(grant: string): string {
    this.grants.push(grant);
    const token = `salesforce-test-session-${++this.issued}`;
    this.valid.add(token);
    return token;
  }

  /** Every session ends, as after a timeout or a revocation: the next call gets a 401. */
  expireAll(): void {
    this.valid.clear();
  }
}

const oauthError = (c: Context, status: 400 | 401, error: string, description: string) =>
  c.json({ error, error_description: description }, status);

function decodePart(part: string | undefined): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(part ?? '', 'base64url').toString('utf8'));
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** Why Salesforce would refuse this assertion, or null when it would accept it. */
function assertionProblem(assertion: string, app: TestConnectedApp, audience: string) {
  const [header, claims, signature] = assertion.split('.');
  const head = decodePart(header);
  const body = decodePart(claims);
  if (!head || !body || signature === undefined || head.alg !== 'RS256')
    return ['invalid_grant', 'invalid assertion'] as const;
  if (body.iss !== app.clientId) return ['invalid_client_id', 'client identifier invalid'] as const;
  const signed = verify(
    'RSA-SHA256',
    Buffer.from(`${header}.${claims}`),
    createPublicKey(app.publicKey!),
    Buffer.from(signature, 'base64url'),
  );
  if (!signed) return ['invalid_grant', 'invalid assertion'] as const;
  if (body.aud !== audience) return ['invalid_grant', 'audience is invalid'] as const;
  if (body.sub !== app.username)
    return ['invalid_grant', 'user hasn’t approved this consumer'] as const;
  const now = Date.now() / 1000;
  if (typeof body.exp !== 'number' || body.exp < now || body.exp > now + 300)
    return ['invalid_grant', 'expired authorization code'] as const;
  return null;
}

export function registerTokenEndpoint(
  app: Hono,
  connectedApp: TestConnectedApp | undefined,
  sessions: TestSessions,
): void {
  app.post('/services/oauth2/token', async (c) => {
    const form = await c.req.parseBody();
    const origin = new URL(c.req.url).origin;
    const grant = String(form.grant_type ?? '');
    const answer = () =>
      c.json({
        access_token: sessions.issue(grant),
        instance_url: origin,
        id: `${origin}/id/00D000000000001AAA/005000000000001AAA`,
        token_type: 'Bearer',
        issued_at: String(Date.now()),
      });
    if (!connectedApp) return oauthError(c, 400, 'invalid_client_id', 'client identifier invalid');
    if (grant === 'urn:ietf:params:oauth:grant-type:jwt-bearer' && connectedApp.publicKey) {
      const problem = assertionProblem(String(form.assertion ?? ''), connectedApp, origin);
      return problem ? oauthError(c, 400, problem[0], problem[1]) : answer();
    }
    if (grant === 'client_credentials' && connectedApp.clientSecret) {
      if (form.client_id !== connectedApp.clientId)
        return oauthError(c, 400, 'invalid_client_id', 'client identifier invalid');
      if (form.client_secret !== connectedApp.clientSecret)
        return oauthError(c, 400, 'invalid_client', 'invalid client credentials');
      return answer();
    }
    return oauthError(c, 400, 'unsupported_grant_type', 'grant type not supported');
  });
}
