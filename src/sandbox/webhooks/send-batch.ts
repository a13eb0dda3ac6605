// One delivery attempt: the batch POSTed to the target, signed v3 as HubSpot signs it, with
// HubSpot's time limit. It never throws: the dispatcher decides on retries from the outcome.
//
// The signature comes from the backend's own module (a pure function of node:crypto), so the
// sandbox and the check it must pass cannot drift apart.
import { signRequest } from '../../server/hubspot-signature';

export interface SignedPost {
  url: string;
  clientSecret: string;
  body: string;
  /** X-HubSpot-Request-Timestamp, from the sandbox clock. */
  timestamp: number;
  timeoutMs: number;
  /** Aborts the attempt when the sandbox stops or drops its pending deliveries. */
  signal: AbortSignal;
}

export type SendOutcome =
  | { ok: true; status: number }
  | { ok: false; status: number | null; error: string; stopped?: boolean };

export type SendBatch = (post: SignedPost) => Promise<SendOutcome>;

/** The reason a request never got an answer, without the raw error text. */
function failureReason(error: unknown): string {
  const cause = (error as { cause?: { code?: unknown } } | null)?.cause;
  return typeof cause?.code === 'string'
    ? `connection failed (${cause.code})`
    : 'connection failed';
}

export const sendBatch: SendBatch = async (post) => {
  const timeout = new AbortController();
  const timer = setTimeout(() => timeout.abort(), post.timeoutMs);
  timer.unref();
  try {
    const response = await fetch(post.url, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        'User-Agent': 'Baton sandbox CRM (HubSpot-style webhooks)',
        'X-HubSpot-Signature-Version': 'v3',
        ...signRequest({
          clientSecret: post.clientSecret,
          method: 'POST',
          url: post.url,
          body: post.body,
          timestamp: post.timestamp,
        }),
      },
      body: post.body,
      signal: AbortSignal.any([post.signal, timeout.signal]),
      redirect: 'manual',
    });
    // Read the answer to the end so the connection can be reused; its content does not matter.
    await response.arrayBuffer();
    if (response.status >= 200 && response.status < 300)
      return { ok: true, status: response.status };
    return { ok: false, status: response.status, error: `answered ${response.status}` };
  } catch (error) {
    if (post.signal.aborted) return { ok: false, status: null, error: 'stopped', stopped: true };
    if (timeout.signal.aborted)
      return { ok: false, status: null, error: `no answer within ${post.timeoutMs} ms` };
    return { ok: false, status: null, error: failureReason(error) };
  } finally {
    clearTimeout(timer);
  }
};
