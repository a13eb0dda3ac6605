// The card's one way to the backend: `hubspot.fetch` to the card API, with a timeout, an `ok`
// check, and the backend's `{ status: 'error', code, message }` turned into a CardApiError the
// card can show (and tell a conflict from a refusal).
import { hubspot } from '@hubspot/ui-extensions';
import type {
  ActionResult,
  CardAction,
  CardView,
  IntroEmail,
  PreCloseResponse,
  SectionPatch,
  StartResult,
} from './card-types';

/** HubSpot stops a `hubspot.fetch` at 15 s; give up a little earlier and say so. */
export const FETCH_TIMEOUT_MS = 12_000;

export class CardApiError extends Error {
  constructor(
    /** The HTTP status, or 0 when the backend could not be reached. */
    readonly status: number,
    /** The backend's code: `conflict`, `forbidden`, `invalid_input`, `not_found`, … */
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'CardApiError';
  }
}

export interface CardClient {
  load(): Promise<CardView>;
  save(baseVersion: number, sections: SectionPatch): Promise<CardView>;
  act(baseVersion: number, action: CardAction): Promise<ActionResult>;
  introEmail(): Promise<IntroEmail>;
  start(): Promise<StartResult>;
  requestPreClose(): Promise<PreCloseResponse>;
}

type Fetch = typeof hubspot.fetch;

export interface CardClientOptions {
  /** The backend's public URL (`BATON_PUBLIC_URL`), listed in the app's `permittedUrls.fetch`. */
  baseUrl: string;
  dealId: string;
  /** Defaults to `hubspot.fetch`, looked up at each call so tests can spy on it. */
  fetch?: Fetch;
}

function errorFrom(status: number, body: unknown): CardApiError {
  if (typeof body === 'object' && body !== null && 'message' in body) {
    const { code, message } = body as { code?: unknown; message?: unknown };
    if (typeof message === 'string') {
      return new CardApiError(status, typeof code === 'string' ? code : 'error', message);
    }
  }
  return new CardApiError(status, 'error', `the Baton backend answered ${status}`);
}

export function createCardClient(options: CardClientOptions): CardClient {
  const base = `${options.baseUrl.replace(/\/+$/, '')}/api/deals/${encodeURIComponent(options.dealId)}/handoff`;
  const send: Fetch = (url, init) => (options.fetch ?? hubspot.fetch)(url, init);

  async function request<T>(
    method: 'GET' | 'PUT' | 'POST',
    path: string,
    body?: Record<string, unknown>,
  ): Promise<T> {
    let response: Response;
    try {
      response = await send(`${base}${path}`, {
        method,
        timeout: FETCH_TIMEOUT_MS,
        ...(body ? { body } : {}),
      });
    } catch {
      throw new CardApiError(0, 'unreachable', 'Baton could not be reached: try again in a moment');
    }
    const parsed: unknown = await response.json().catch(() => null);
    if (!response.ok) throw errorFrom(response.status, parsed);
    return parsed as T;
  }

  return {
    load: () => request<CardView>('GET', ''),
    save: (baseVersion, sections) => request<CardView>('PUT', '', { baseVersion, sections }),
    act: (baseVersion, action) =>
      request<ActionResult>('POST', '/actions', { baseVersion, action }),
    introEmail: () => request<IntroEmail>('GET', '/intro-email'),
    start: () => request<StartResult>('POST', '/start'),
    requestPreClose: () => request<PreCloseResponse>('POST', '/pre-close'),
  };
}
