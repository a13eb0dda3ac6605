// When a Salesforce call may be tried again. Throttling (429, REQUEST_LIMIT_EXCEEDED on
// concurrent requests) and server errors (500/502/503/504) are retried with capped exponential
// backoff and jitter, waiting at least what Retry-After asks; so are dropped connections.
// A write that is not idempotent (creating tasks) is retried only when Salesforce refused it
// before doing anything (throttled, connection refused): after a 5xx or a reset it may have
// landed, and its caller reconciles instead of sending it again blind.
//
// jsforce turns a 5xx into an error that has lost its status and headers, and retries GETs
// itself (uncounted, at fixed delays, ignoring Retry-After). So Baton's connections pass every
// request through `surfaceRetryableResponses`: jsforce's own retries are off, and a response
// worth retrying becomes a SalesforceHttpError that keeps what the policy needs.
import type { Connection } from 'jsforce';
import { type RetryDecision, type RetryOptions, backoff } from '../retry-policy';

/** A throttled or failed answer, with nothing of the request but its method and path. */
export class SalesforceHttpError extends Error {
  constructor(
    readonly status: number,
    readonly errorCode: string | null,
    readonly retryAfterMs: number | null,
    /** Salesforce's own message (limits and outages, never record data), cut short. */
    readonly detail: string | null,
    where: string,
  ) {
    super(
      `Salesforce answered HTTP ${status}${errorCode ? ` ${errorCode}` : ''} to ${where}` +
        (detail ? ` (${detail})` : ''),
    );
  }
}

type Transport = Connection['_transport'];
type HttpRequest = Parameters<Transport['httpRequest']>[0];
type HttpResponse = Awaited<ReturnType<Transport['httpRequest']>>;

/** Retry-After in seconds or as an HTTP date, in milliseconds from `now`. */
export function retryAfterMs(value: string | undefined, now: number = Date.now()): number | null {
  if (value === undefined || value.trim() === '') return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return seconds >= 0 ? Math.round(seconds * 1000) : null;
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

function firstError(body: string): { errorCode: string | null; message: string | null } {
  try {
    const parsed: unknown = JSON.parse(body);
    const first = (Array.isArray(parsed) ? parsed[0] : parsed) as Record<string, unknown> | null;
    return {
      errorCode: typeof first?.errorCode === 'string' ? first.errorCode : null,
      message: typeof first?.message === 'string' ? first.message.slice(0, 200) : null,
    };
  } catch {
    // A gateway's HTML page or plain text: the status says enough.
    return { errorCode: null, message: null };
  }
}

/** `GET /services/data/v66.0/query`: the query string (SOQL, ids) stays out of messages. */
function whereOf(request: HttpRequest): string {
  let path: string;
  try {
    path = new URL(request.url).pathname;
  } catch {
    path = request.url.split('?')[0] ?? '';
  }
  return `${request.method} ${path}`;
}

export function retryableError(
  request: HttpRequest,
  response: HttpResponse,
): SalesforceHttpError | null {
  const status = response.statusCode;
  const throttled = status === 429;
  const failed = status >= 500 && status <= 599;
  if (!throttled && !failed && status !== 403) return null;
  const { errorCode, message } = firstError(String(response.body ?? ''));
  if (status === 403 && errorCode !== 'REQUEST_LIMIT_EXCEEDED') return null;
  const header = response.headers?.['retry-after'];
  return new SalesforceHttpError(
    status,
    errorCode,
    retryAfterMs(header),
    message,
    whereOf(request),
  );
}

/** Installs the response check on a connection's transport (see the header). */
export function surfaceRetryableResponses(connection: Connection): void {
  const transport = connection._transport;
  const send = transport.httpRequest.bind(transport);
  transport.httpRequest = (request, options) => {
    const sent = send(request, { ...options, retry: { ...options?.retry, maxRetries: 0 } });
    const checked = sent.then((response) => {
      const error = retryableError(request, response);
      if (error) throw error;
      return response;
    });
    // jsforce reads the response through the request's stream as well as the promise.
    return Object.assign(checked, { stream: () => sent.stream() }) as unknown as ReturnType<
      Transport['httpRequest']
    >;
  };
}

const NOT_SENT = new Set(['ECONNREFUSED', 'EAI_AGAIN']);
const CUT_OFF = new Set([
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'UND_ERR_SOCKET',
  'UND_ERR_CLOSED',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
]);

/** The system error code behind a failed fetch (undici nests it one or two causes deep). */
function networkCodeOf(error: unknown): string | null {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && typeof current === 'object' && current !== null; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && (NOT_SENT.has(code) || CUT_OFF.has(code))) return code;
    current = (current as { cause?: unknown }).cause;
  }
  return null;
}

export interface TransientFailure {
  reason: string;
  /** `no`: Salesforce refused before doing anything; `maybe`: the request may have landed. */
  landed: 'no' | 'maybe';
  retryAfterMs: number | null;
}

/** Whether an error is worth waiting out, and whether the request behind it may have landed. */
export function transientFailureOf(error: unknown): TransientFailure | null {
  if (error instanceof SalesforceHttpError) {
    const { status, errorCode, retryAfterMs: after, detail } = error;
    if (status === 429) return { reason: 'rate limited (429)', landed: 'no', retryAfterMs: after };
    if (errorCode === 'REQUEST_LIMIT_EXCEEDED') {
      // The concurrent-request limit clears in seconds; the org's daily total does not, and
      // waiting minutes in a request helps nobody.
      if (detail?.startsWith('TotalRequests')) return null;
      return { reason: 'request limit exceeded', landed: 'no', retryAfterMs: after };
    }
    if (status >= 500)
      return { reason: `server error (${status})`, landed: 'maybe', retryAfterMs: after };
    return null;
  }
  const code = networkCodeOf(error);
  if (code === null) return null;
  return {
    reason: `connection failed (${code})`,
    landed: NOT_SENT.has(code) ? 'no' : 'maybe',
    retryAfterMs: null,
  };
}

/** A failure after which a non-idempotent write may or may not have been applied. */
export function isAmbiguousFailure(error: unknown): boolean {
  return transientFailureOf(error)?.landed === 'maybe';
}

export function classifySalesforceError(
  options: Pick<RetryOptions, 'baseDelayMs' | 'maxDelayMs'>,
  idempotent = true,
) {
  return (error: unknown, attempt: number): RetryDecision => {
    const failure = transientFailureOf(error);
    if (failure === null || (!idempotent && failure.landed === 'maybe')) return { retry: false };
    // A Retry-After longer than the cap is not waited out inside a request: the error goes up
    // with it, for a job runner to reschedule.
    if (failure.retryAfterMs !== null && failure.retryAfterMs > options.maxDelayMs)
      return { retry: false };
    const delayMs = Math.max(backoff(attempt, options), failure.retryAfterMs ?? 0);
    return { retry: true, delayMs, reason: failure.reason };
  };
}
