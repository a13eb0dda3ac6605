// How Baton signs in to Salesforce: the OAuth 2.0 JWT bearer flow (an integration user and the
// certificate of a connected app) or the client credentials flow (a connected app with a run-as
// user), read from SF_* variables. Never the username-password flow: new orgs block it.
// No token, secret or key ever reaches an error message: Salesforce's own error code and
// description say what went wrong.
import { createPrivateKey, sign } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Connection } from 'jsforce';
import { z } from 'zod';
import { createSalesforceConnection } from './salesforce-calls';

export const DEFAULT_LOGIN_URL = 'https://login.salesforce.com';
const JWT_BEARER_GRANT = 'urn:ietf:params:oauth:grant-type:jwt-bearer';
/** Salesforce accepts an assertion that expires within 3 minutes. */
const ASSERTION_LIFETIME_SECONDS = 180;
const TOKEN_TIMEOUT_MS = 30_000;

export interface JwtBearerAuth {
  flow: 'jwt-bearer';
  clientId: string;
  username: string;
  /** PEM, as read from SF_PRIVATE_KEY or SF_PRIVATE_KEY_FILE. */
  privateKey: string;
  loginUrl: string;
}

export interface ClientCredentialsAuth {
  flow: 'client-credentials';
  clientId: string;
  clientSecret: string;
  /** The org's My Domain URL: the client credentials flow is not offered on login.salesforce.com. */
  instanceUrl: string;
}

export type SalesforceAuth = JwtBearerAuth | ClientCredentialsAuth;

export interface SalesforceToken {
  accessToken: string;
  instanceUrl: string;
}

/** Salesforce refused to sign Baton in, or could not be reached. */
export class SalesforceAuthError extends Error {}

const text = (name: string) =>
  z
    .string({ error: `${name} is not set` })
    .trim()
    .min(1, { error: `${name} is empty` });
const url = (name: string) =>
  text(name)
    .pipe(z.url({ protocol: /^https?$/, error: `${name} is not an http(s) URL` }))
    .transform((value) => value.replace(/\/+$/, ''));

const jwtBearerEnv = z.object({
  SF_CLIENT_ID: text('SF_CLIENT_ID'),
  SF_USERNAME: text('SF_USERNAME'),
  SF_LOGIN_URL: url('SF_LOGIN_URL').default(DEFAULT_LOGIN_URL),
});

const clientCredentialsEnv = z.object({
  SF_CLIENT_ID: text('SF_CLIENT_ID'),
  SF_CLIENT_SECRET: text('SF_CLIENT_SECRET'),
  SF_INSTANCE_URL: url('SF_INSTANCE_URL'),
});

export type SalesforceAuthResult =
  { success: true; auth: SalesforceAuth } | { success: false; errorMessages: string[] };

const present = (env: NodeJS.ProcessEnv, name: string) => Boolean(env[name]?.trim());

/**
 * Reads the sign-in from the environment: SF_USERNAME chooses the JWT bearer flow,
 * SF_CLIENT_SECRET (without a username) the client credentials flow.
 */
export function salesforceAuthFromEnv(env: NodeJS.ProcessEnv = process.env): SalesforceAuthResult {
  const fail = (errorMessages: string[]) => ({ success: false as const, errorMessages });
  const messages = (error: z.ZodError) => error.issues.map((issue) => issue.message);
  const clean = Object.fromEntries(
    Object.entries(env).filter(([name, value]) => name.startsWith('SF_') && value?.trim()),
  );
  if (present(env, 'SF_USERNAME')) {
    const parsed = jwtBearerEnv.safeParse(clean);
    const key = privateKeyFromEnv(env);
    const errors = [...(parsed.success ? [] : messages(parsed.error)), ...key.errorMessages];
    if (!parsed.success || key.pem === null) return fail(errors);
    return {
      success: true,
      auth: {
        flow: 'jwt-bearer',
        clientId: parsed.data.SF_CLIENT_ID,
        username: parsed.data.SF_USERNAME,
        privateKey: key.pem,
        loginUrl: parsed.data.SF_LOGIN_URL,
      },
    };
  }
  if (present(env, 'SF_CLIENT_SECRET')) {
    const parsed = clientCredentialsEnv.safeParse(clean);
    if (!parsed.success) return fail(messages(parsed.error));
    return {
      success: true,
      auth: {
        flow: 'client-credentials',
        clientId: parsed.data.SF_CLIENT_ID,
        clientSecret: parsed.data.SF_CLIENT_SECRET,
        instanceUrl: parsed.data.SF_INSTANCE_URL,
      },
    };
  }
  return fail([
    'Salesforce sign-in is not configured: set SF_CLIENT_ID, SF_USERNAME and ' +
      'SF_PRIVATE_KEY or SF_PRIVATE_KEY_FILE (JWT bearer flow), or ' +
      'SF_CLIENT_ID, SF_CLIENT_SECRET and SF_INSTANCE_URL ' +
      '(client credentials flow)',
  ]);
}

function privateKeyFromEnv(env: NodeJS.ProcessEnv): {
  pem: string | null;
  errorMessages: string[];
} {
  const inline = env.SF_PRIVATE_KEY?.trim();
  const file = env.SF_PRIVATE_KEY_FILE?.trim();
  if (inline && file)
    return {
      pem: null,
      errorMessages: ['set SF_PRIVATE_KEY or SF_PRIVATE_KEY_FILE, not both'],
    };
  let pem: string;
  let name: string;
  if (inline) {
    // One-line environments (CI secrets, .env files) often carry the PEM with literal \n.
    pem = inline.replace(/\\n/g, '\n');
    name = 'SF_PRIVATE_KEY';
  } else if (file) {
    try {
      pem = readFileSync(file, 'utf8');
    } catch {
      return { pem: null, errorMessages: [`SF_PRIVATE_KEY_FILE: cannot read ${file}`] };
    }
    name = 'SF_PRIVATE_KEY_FILE';
  } else {
    return {
      pem: null,
      errorMessages: ['SF_PRIVATE_KEY or SF_PRIVATE_KEY_FILE is not set'],
    };
  }
  try {
    if (createPrivateKey(pem).asymmetricKeyType !== 'rsa') throw new Error('not RSA');
  } catch {
    return { pem: null, errorMessages: [`${name} is not a PEM-encoded RSA private key`] };
  }
  return { pem, errorMessages: [] };
}

const base64url = (value: string | Buffer) => Buffer.from(value).toString('base64url');

/** The JWT bearer assertion: RS256 over iss (client id), sub (username), aud (login URL), exp. */
export function jwtAssertion(auth: JwtBearerAuth, now: number = Date.now()): string {
  const header = base64url(JSON.stringify({ alg: 'RS256', typ: 'JWT' }));
  const claims = base64url(
    JSON.stringify({
      iss: auth.clientId,
      sub: auth.username,
      aud: auth.loginUrl,
      exp: Math.floor(now / 1000) + ASSERTION_LIFETIME_SECONDS,
    }),
  );
  const signature = sign('RSA-SHA256', Buffer.from(`${header}.${claims}`), auth.privateKey);
  return `${header}.${claims}.${base64url(signature)}`;
}

const tokenResponse = z.object({ access_token: z.string().min(1), instance_url: z.url() });
const tokenError = z.object({ error: z.string(), error_description: z.string().optional() });

/** Runs the flow once: POST {login or instance URL}/services/oauth2/token. */
export async function requestSalesforceToken(auth: SalesforceAuth): Promise<SalesforceToken> {
  const [base, form] =
    auth.flow === 'jwt-bearer'
      ? [auth.loginUrl, { grant_type: JWT_BEARER_GRANT, assertion: jwtAssertion(auth) }]
      : [
          auth.instanceUrl,
          {
            grant_type: 'client_credentials',
            client_id: auth.clientId,
            client_secret: auth.clientSecret,
          },
        ];
  const endpoint = `${base}/services/oauth2/token`;
  let response: Response;
  try {
    response = await fetch(endpoint, {
      method: 'POST',
      headers: { accept: 'application/json' },
      body: new URLSearchParams(form),
      signal: AbortSignal.timeout(TOKEN_TIMEOUT_MS),
    });
  } catch {
    throw new SalesforceAuthError(`Salesforce did not answer at ${endpoint}`);
  }
  const body: unknown = await response.json().catch(() => null);
  if (response.ok) {
    const token = tokenResponse.safeParse(body);
    if (token.success)
      return {
        accessToken: token.data.access_token,
        instanceUrl: token.data.instance_url.replace(/\/+$/, ''),
      };
  }
  const refused = tokenError.safeParse(body);
  const reason = refused.success
    ? [refused.data.error, refused.data.error_description].filter(Boolean).join(': ')
    : `HTTP ${response.status}`;
  throw new SalesforceAuthError(
    `Salesforce refused the ${auth.flow} sign-in at ${endpoint} (${reason.slice(0, 200)})`,
  );
}

/** Signs in and opens a jsforce connection that signs in again whenever its session expires. */
export async function connectSalesforce(auth: SalesforceAuth): Promise<Connection> {
  const token = await requestSalesforceToken(auth);
  return createSalesforceConnection({ ...token, refresh: () => requestSalesforceToken(auth) });
}
