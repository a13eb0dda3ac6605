// The page's one way to the backend: `hubspot.fetch` to the settings API, with a timeout, an
// `ok` check, and the backend's `{ status: 'error', code, message, errors }` turned into a
// SettingsApiError the page can show (and tell a conflict from a refusal).
import { hubspot } from '@hubspot/ui-extensions';
import type { FieldError, PortalSettings, SavedSettings, SettingsView } from './settings-types';

/** HubSpot stops a `hubspot.fetch` at 15 s; give up a little earlier and say so. */
export const FETCH_TIMEOUT_MS = 12_000;

export class SettingsApiError extends Error {
  constructor(
    /** The HTTP status, or 0 when the backend could not be reached. */
    readonly status: number,
    /** The backend's code: `conflict`, `forbidden`, `invalid_input`, … */
    readonly code: string,
    message: string,
    /** For `invalid_input`: every problem, by its path in the settings. */
    readonly errors: FieldError[] = [],
  ) {
    super(message);
    this.name = 'SettingsApiError';
  }
}

export interface SettingsClient {
  load(): Promise<SettingsView>;
  save(baseVersion: number, settings: PortalSettings): Promise<SavedSettings>;
}

type Fetch = typeof hubspot.fetch;

export interface SettingsClientOptions {
  /** The backend's public URL (`BATON_PUBLIC_URL`), listed in the app's `permittedUrls.fetch`. */
  baseUrl: string;
  /** Defaults to `hubspot.fetch`, looked up at each call so tests can spy on it. */
  fetch?: Fetch;
}

function errorFrom(status: number, body: unknown): SettingsApiError {
  if (typeof body === 'object' && body !== null && 'message' in body) {
    const { code, message, errors } = body as {
      code?: unknown;
      message?: unknown;
      errors?: unknown;
    };
    if (typeof message === 'string') {
      return new SettingsApiError(
        status,
        typeof code === 'string' ? code : 'error',
        message,
        Array.isArray(errors) ? (errors as FieldError[]) : [],
      );
    }
  }
  return new SettingsApiError(status, 'error', `the Baton backend answered ${status}`);
}

export function createSettingsClient(options: SettingsClientOptions): SettingsClient {
  const url = `${options.baseUrl.replace(/\/+$/, '')}/api/settings`;
  const send: Fetch = (target, init) => (options.fetch ?? hubspot.fetch)(target, init);

  async function request<T>(method: 'GET' | 'PUT', body?: Record<string, unknown>): Promise<T> {
    let response: Response;
    try {
      response = await send(url, { method, timeout: FETCH_TIMEOUT_MS, ...(body ? { body } : {}) });
    } catch {
      throw new SettingsApiError(
        0,
        'unreachable',
        'Baton could not be reached: try again in a moment',
      );
    }
    const parsed: unknown = await response.json().catch(() => null);
    if (!response.ok) throw errorFrom(response.status, parsed);
    return parsed as T;
  }

  return {
    load: () => request<SettingsView>('GET'),
    save: (baseVersion, settings) => request<SavedSettings>('PUT', { baseVersion, settings }),
  };
}
