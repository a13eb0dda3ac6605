// The one way Baton posts to HubSpot's OAuth endpoints: a form body (so codes, tokens and the
// client secret never sit in a URL, where access logs keep them), a timeout, an `ok` check,
// and HubSpot's refusals turned into errors that carry its code and none of its text.
import { z } from 'zod';
import { HubSpotOAuthError, InvalidGrantError, type OAuthStep } from './oauth-errors';

export interface OAuthCallOptions {
  /** `fetch` by default; tests and proxies pass their own. */
  fetch?: typeof fetch;
  /** The clock token lifetimes count from; `Date.now` by default. */
  now?: () => number;
  timeoutMs?: number;
}

export const DEFAULT_TIMEOUT_MS = 10_000;

/**
 * HubSpot's error bodies carry RFC 6749's `error` and its own `status` (`BAD_REFRESH_TOKEN`)
 * or, on its newer endpoints, a `category`. All are optional to a careful reader.
 */
const errorBody = z.object({
  error: z.string().optional(),
  status: z.string().optional(),
  category: z.string().optional(),
});

/** HubSpot's legacy codes for a grant that is gone, for answers without `error`. */
const GONE_GRANT = new Set(['BAD_REFRESH_TOKEN', 'BAD_AUTH_CODE', 'EXPIRED_AUTH_CODE']);

/** Only what looks like a code is repeated: HubSpot's texts are not ours to echo. */
const codeOf = (value: string | undefined) =>
  value !== undefined && /^[A-Za-z][A-Za-z0-9_.-]{0,63}$/.test(value) ? value : null;

/** The JSON body of a 2xx answer (undefined when empty). */
export async function postForm(
  url: string,
  fields: Record<string, string>,
  step: OAuthStep,
  options: OAuthCallOptions = {},
): Promise<unknown> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  let response: Response;
  let text: string;
  try {
    response = await (options.fetch ?? fetch)(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
      body: new URLSearchParams(fields).toString(),
      signal: AbortSignal.timeout(timeoutMs),
    });
    text = await response.text();
  } catch (error) {
    throw new HubSpotOAuthError(
      step,
      null,
      null,
      `HubSpot could not be reached for the ${step} (${reasonOf(error, timeoutMs)})`,
    );
  }
  const json = parseJson(text);
  if (response.ok) return json;

  const body = errorBody.safeParse(json);
  const error = body.success ? codeOf(body.data.error) : null;
  const status = body.success ? codeOf(body.data.status ?? body.data.category) : null;
  const codes = [error, status].filter((code) => code !== null).join(', ');
  const said = `HTTP ${response.status}${codes ? `, ${codes}` : ''}`;
  if (error === 'invalid_grant' || (status !== null && GONE_GRANT.has(status))) {
    throw new InvalidGrantError(
      step,
      response.status,
      error ?? status,
      `HubSpot refused the ${step}: the grant is invalid, expired or revoked (${said})`,
    );
  }
  const verb = response.status >= 500 ? 'failed' : 'refused';
  throw new HubSpotOAuthError(
    step,
    response.status,
    error ?? status,
    `HubSpot ${verb} the ${step} (${said})`,
  );
}

/** Reads a 2xx body with `schema`; an answer Baton cannot use is HubSpot's failure. */
export function readAnswer<S extends z.ZodType>(
  schema: S,
  body: unknown,
  step: OAuthStep,
): z.output<S> {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  // Paths only: a value in the answer could be a token.
  const fields = [...new Set(result.error.issues.map((issue) => issue.path.join('.') || 'body'))];
  throw new HubSpotOAuthError(
    step,
    200,
    null,
    `HubSpot's answer to the ${step} is missing or has invalid ${fields.join(', ')}`,
  );
}

function parseJson(text: string): unknown {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function reasonOf(error: unknown, timeoutMs: number): string {
  // Duck-typed: the DOMException an aborted fetch throws may come from another realm.
  const failure = error as { name?: unknown; cause?: { code?: unknown } } | null;
  if (failure?.name === 'TimeoutError') return `no answer within ${timeoutMs / 1000} s`;
  const cause = failure?.cause?.code;
  return typeof cause === 'string' ? cause : 'network error';
}
